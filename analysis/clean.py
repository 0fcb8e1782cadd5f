"""Derive the clean text every extractor reads from an article's raw text.

The raw text is never changed; the clean text is what ``articles.parquet`` stores and
what every offset in the other tables refers to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A repeated line shorter than this ("Read more", "Advertisement") is left to the
# boilerplate rules; only real paragraphs printed twice are collapsed here.
MIN_REPEATED_PARAGRAPH_CHARS = 40
BLANK_RUNS = re.compile(r"\n{3,}")
TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")


@dataclass(frozen=True)
class CleanText:
    """The clean text of one article and how many characters cleaning removed."""

    text: str
    removed_chars: int


def clean_text(raw: str) -> CleanText:
    """Return ``raw`` with normalised line ends and paragraphs printed twice collapsed."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = TRAILING_SPACE.sub("\n", text)
    text = collapse_repeated_paragraphs(text)
    text = BLANK_RUNS.sub("\n\n", text).strip()
    return CleanText(text=text, removed_chars=max(len(raw) - len(text), 0))


def collapse_repeated_paragraphs(text: str) -> str:
    """Return ``text`` keeping only the first copy of each paragraph that repeats verbatim."""
    seen: set[str] = set()
    kept = []
    for line in text.split("\n"):
        key = " ".join(line.split())
        if len(key) >= MIN_REPEATED_PARAGRAPH_CHARS:
            if key in seen:
                continue
            seen.add(key)
        kept.append(line)
    return "\n".join(kept)
