"""Clean text: line ends normalised, paragraphs printed twice counted once."""

from __future__ import annotations

from analysis.clean import clean_text


def test_paragraph_printed_twice_is_kept_once(seed_text):
    raw = seed_text("002")
    opening = raw.split("\n")[0]
    assert raw.count(opening) == 2
    cleaned = clean_text(raw)
    assert cleaned.text.count(opening) == 1
    assert cleaned.removed_chars >= len(opening)
    assert "fentanyl smuggling" in cleaned.text


def test_short_repeated_lines_and_line_ends():
    raw = "Title\r\n\r\n\r\n\r\nBody line one.   \r\nRead more\r\nRead more\r\n"
    cleaned = clean_text(raw)
    assert cleaned.text == "Title\n\nBody line one.\nRead more\nRead more"


def test_clean_text_of_a_clean_article_is_unchanged(seed_text):
    raw = seed_text("001").strip()
    assert clean_text(raw).text == raw
