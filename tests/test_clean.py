"""Clean text: furniture goes, every line of the reporting stays, rewrites are linked."""

from __future__ import annotations

import re

import pytest

from analysis.clean import (
    BoilerplateRulesError,
    clean_corpus,
    clean_text,
    find_site_chrome,
    load_boilerplate_rules,
)
from analysis.corpus import load_corpus
from analysis.duplicates import find_duplicates, shingles
from tests.conftest import SEEDS

# Hand-labelled page furniture in the seeds: exact substrings of the raw text, and
# prefixes of furniture lines (003 ends in a bulleted list of links and summaries).
FURNITURE = {
    "000": ["Foreign Policy",
            "US Rep. Ilhan Omar (D-MN) (L) talks with Speaker of the House Nancy Pelosi",
            "(AFP photo)", "A Texas State Trooper escorting asylum seekers", "(photo by Reuters)",
            "can also be accessed at the following alternate addresses", "Press TV News Roku"],
    "001": ["Source: Read Full Article"],
    "002": [],
    "003": ["Read also:", "- This will change in December", "Houthi rebels",
            "- On Twitter, Andreas Manuel López Obrador shared his thoughts",
            "Source: www.stern.de"],
    "004": ["Your support helps us to tell the story", "From reproductive rights",
            "reproductive rights", "Press TV", "Your donation allows us",
            "The Independent is trusted by Americans", "Your support makes all the difference."],
}
FURNITURE_LINE_PREFIXES = {"003": "- "}


@pytest.fixture(scope="module")
def seeds():
    corpus = load_corpus(SEEDS)
    cleaned = clean_corpus(corpus)
    return {a.article_id[:3]: (a, c) for a, c in zip(corpus.articles, cleaned, strict=True)}


@pytest.mark.parametrize("prefix", sorted(FURNITURE))
def test_seed_furniture_is_gone(seeds, prefix):
    _article, cleaned = seeds[prefix]
    for furniture in FURNITURE[prefix]:
        assert furniture not in cleaned.text, furniture


@pytest.mark.parametrize("prefix", sorted(FURNITURE))
def test_every_line_of_the_reporting_survives(seeds, prefix):
    article, cleaned = seeds[prefix]
    lines = [line for line in article.text.split("\n") if line.strip()]
    line_prefix = FURNITURE_LINE_PREFIXES.get(prefix, "\0")
    furniture_lines = [line for line in lines if line.startswith(line_prefix)
                       or any(f in line for f in FURNITURE[prefix])]
    reporting = [line for line in lines if line not in furniture_lines]
    # 004 glues the appeal's last line to the first sentence of the report.
    reporting += [re.sub(r"^Your support makes all the difference\.", "", line)
                  for line in furniture_lines if line.startswith("Your support makes all")]
    assert reporting
    for line in reporting:
        assert " ".join(line.split()) in " ".join(cleaned.text.split()), line


def test_removals_are_audited_with_rule_and_raw_offsets(seeds):
    article, cleaned = seeds["003"]
    rules = [removal.rule for removal in cleaned.removals]
    assert rules == ["read also list", "source line"]
    for removal in cleaned.removals:
        assert article.text[removal.start:removal.end] == removal.text
    assert cleaned.removed_chars == sum(len(r.text) for r in cleaned.removals)


def test_paragraph_printed_twice_is_kept_once(seeds):
    article, cleaned = seeds["002"]
    opening = article.text.split("\n")[0]
    assert article.text.count(opening) == 2 and cleaned.text.count(opening) == 1
    assert {r.rule for r in cleaned.removals} == {"repeated paragraph"}


def test_short_repeated_lines_stay_and_line_ends_are_normalised():
    cleaned = clean_text("Title\r\n\r\n\r\n\r\nBody line one.   \r\nRead more\r\nRead more\r\n")
    assert cleaned.text == "Title\n\nBody line one.\nRead more\nRead more"


def test_site_chrome_repeated_across_an_outlets_articles_is_removed():
    chrome_line = "Follow Example News on every platform you like"
    texts = [f"Story {n} says {n * 100} migrants crossed.\n{chrome_line}" for n in range(4)]
    chrome = find_site_chrome([("Example", text) for text in texts]
                              + [("Other", texts[0]), ("", texts[0])])
    assert chrome["Example"] == {chrome_line.lower()}
    assert chrome["Other"] == frozenset() and "" not in chrome
    cleaned = clean_text(texts[0], site_chrome=chrome["Example"])
    assert cleaned.text == "Story 0 says 0 migrants crossed."
    assert cleaned.removals[0].rule == "repeated across outlet"


def test_user_rule_file_replaces_the_shipped_rules(tmp_path):
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text("[[rule]]\nname = 'ad'\npattern = '(?m)^ADVERTISEMENT$\\n?'\n")
    rules = load_boilerplate_rules(rules_file)
    cleaned = clean_text("First.\nADVERTISEMENT\nSecond.", rules=rules)
    assert cleaned.text == "First.\nSecond." and cleaned.removals[0].rule == "ad"


def test_user_rule_file_that_extends_the_default_adds_to_the_shipped_rules(tmp_path):
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text("extends = 'default'\n[[rule]]\nname = 'ad'\n"
                          "pattern = '(?m)^ADVERTISEMENT$\\n?'\n")
    rules = load_boilerplate_rules(rules_file)
    assert rules[:-1] == load_boilerplate_rules() and rules[-1].name == "ad"


@pytest.mark.parametrize(("content", "message"), [
    ("extends = 'shipped'\n", "'extends' must be \"default\" or absent"),
    ("[[rule]]\nname = 'x'\n", "rule 1 needs a name and a pattern"),
    ("[[rule]]\nname = 'x'\npattern = '(unclosed'\n", "rule 1 (x): bad pattern"),
    ("[[rule]\n", "cannot read boilerplate rules"),
])
def test_bad_rule_file_names_the_file(tmp_path, content, message):
    rules_file = tmp_path / "bad.toml"
    rules_file.write_text(content)
    with pytest.raises(BoilerplateRulesError, match=re.escape(f"{rules_file}: {message}")):
        load_boilerplate_rules(rules_file)


def test_rewrite_is_linked_to_the_earlier_report_and_other_reports_are_not(seeds):
    articles = [(a.article_id, a.published, c.text) for a, c in seeds.values()]
    (duplicate,) = find_duplicates(articles)
    assert (duplicate.article_id, duplicate.duplicate_of) == (
        "000_8c58a1b6ffc7d96e", "001_631f0facc17a50fe")
    assert duplicate.score > 0.25


def test_duplicate_of_a_duplicate_points_to_the_first_article():
    base = " ".join(f"word{n}" for n in range(300))
    articles = [("c", "2024-01-03", base + " tail c"), ("a", "2024-01-01", base),
                ("b", "2024-01-02", base + " tail b"), ("z", "", "something else entirely")]
    found = {d.article_id: d.duplicate_of for d in find_duplicates(articles)}
    assert found == {"b": "a", "c": "a"}


def test_shingles_of_short_texts():
    assert shingles("") == set()
    assert shingles("Two words") == {"two words"}
    assert shingles("a b c d") == {"a b c", "b c d"}


ABOUT_US = ("About Norvik\n"
            "Norvik is a global provider of logistics software for ports and rail operators. "
            "Its mission is to make freight visible from the quay to the warehouse door. "
            "Norvik is headquartered in Oslo, employs around 900 people and is listed on the "
            "Oslo stock exchange under the ticker NRVK.\n"
            "Media contact: press office, Norvik, telephone and e-mail on the company website "
            "for journalists and analysts who cover the freight and logistics industry.")


def _release(story: str) -> str:
    return story + "\n" + ABOUT_US


def test_two_press_releases_sharing_only_an_about_us_block_are_not_folded():
    first = _release("Norvik opened a new office in Rotterdam on Monday to serve customers in "
                     "the Benelux. The office will employ twenty engineers by the end of the "
                     "year, the company said.\nThe move follows a contract with the port "
                     "authority signed in March for a tracking platform.")
    second = _release("Norvik reported third-quarter revenue of 41 million euros, up eight "
                      "percent from a year earlier, as rail customers renewed their licences.\n"
                      "The chief executive said demand from inland terminals stayed strong "
                      "and the outlook for the fourth quarter was unchanged.")
    assert find_duplicates([("a", "2024-01-01", first), ("b", "2024-01-02", second)]) == []


def test_a_rewrite_that_also_keeps_the_closing_block_is_still_folded():
    story = ("Norvik opened a new office in Rotterdam on Monday to serve customers in the "
             "Benelux. The office will employ twenty engineers by the end of the year, the "
             "company said.\nThe move follows a contract with the port authority signed in "
             "March for a tracking platform that follows containers from ship to truck.")
    rewrite = ("Logistics software maker Norvik opened a new office in Rotterdam on Monday to "
               "serve customers in the Benelux. The office will employ twenty engineers by the "
               "end of the year, the company said.\nThe move follows a contract with the port "
               "authority signed in March for a tracking platform that follows containers.")
    (duplicate,) = find_duplicates([("a", "2024-01-01", _release(story)),
                                    ("b", "2024-01-02", _release(rewrite))])
    assert (duplicate.article_id, duplicate.duplicate_of) == ("b", "a")


def test_a_verbatim_copy_is_folded_even_though_all_of_it_is_shared():
    text = _release("Norvik opened a new office in Rotterdam on Monday to serve customers in "
                    "the Benelux region.")
    found = find_duplicates([("copy", "", text), ("original", "", text)])
    assert [(d.article_id, d.duplicate_of, d.score) for d in found] == [
        ("original", "copy", 1.0)]


def test_a_template_bucket_is_left_out_and_a_bucket_member_meets_only_its_neighbours():
    import numpy as np

    from analysis import duplicates

    count = duplicates.MAX_BUCKET + 100
    keys = np.zeros((count + 2, 3), dtype=np.uint32)  # every article shares band 0: a template
    keys[:, 1] = np.arange(count + 2) + 10  # band 1: all different
    keys[count:, 2] = 7  # band 2: the last two agree, nobody else does
    keys[:count, 2] = np.arange(count) + 100_000
    candidates = dict(duplicates._candidates(keys))
    assert candidates == {count + 1: [count]}

    small = np.zeros((20, 1), dtype=np.uint32)  # one ordinary bucket of 20
    pairs = dict(duplicates._candidates(small))
    assert pairs[19] == list(range(19 - duplicates.NEIGHBOURS, 19))[:duplicates.CHECKED_CANDIDATES]
    assert max(len(earlier) for earlier in pairs.values()) <= duplicates.CHECKED_CANDIDATES
