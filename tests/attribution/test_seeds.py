"""The seed articles: what the extractor finds in them, and their citations as counted by
hand in ``seed_citations.csv`` (one row per citation of the cleaned text a report reads: the
cue, a piece of its sentence that holds it, the source's one name and kind)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.attribution.helpers import attributions, by_cue, summary
from tests.conftest import SEEDS


def test_seed_001_according_to_mexican_officials_is_anonymous_and_mexican(nlp, seed_text):
    found = attributions(nlp, seed_text("001"))
    record = next(r for r in found if r.source == "Mexican officials")
    assert summary(record) == (
        "according to", "Mexican officials", "anonymous", "Mexico", "according_to")
    assert record.content.startswith("The Biden administration has been quietly pressing Mexico")


def test_seed_001_velasco_is_a_named_mexican_source_of_a_direct_quote(nlp, seed_text):
    found = attributions(nlp, seed_text("001"))
    record = next(r for r in found if r.source_surface == "Roberto Velasco")
    assert summary(record) == ("said", "Roberto Velasco", "named_person", "Mexico", "direct")
    assert record.content == (
        "Both governments cooperate on the basis of an orderly, safe and regular migration system")


def test_seed_001_he_said_resolves_to_velasco_and_mixes_speech_and_quote(nlp, seed_text):
    found = attributions(nlp, seed_text("001"))
    record = next(r for r in found if r.source_surface == "he")
    assert summary(record) == ("said", "Roberto Velasco", "named_person", "Mexico", "mixed")
    assert record.content.startswith("there was no quid pro quo for vaccines: “These are")


def test_seed_001_declined_to_comment_noted_and_said_share_one_source(nlp, seed_text):
    found = attributions(nlp, seed_text("001"))
    records = [r for r in found if r.source == "A Biden administration official"]
    assert [r.cue for r in records] == ["declined to comment", "noted", "said"]
    assert {(r.source_kind, r.side) for r in records} == {("anonymous", "US")}
    assert records[0].content == "" and records[0].content_start == -1
    assert records[1].content.endswith("by addressing its root causes")
    assert records[2].content.startswith("they were working closely")


def test_seed_003_the_us_representative_and_he_added(nlp, seed_text):
    found = attributions(nlp, seed_text("003"))
    said = next(r for r in found if r.source_surface == "the US representative")
    assert summary(said) == ("said", "the US representative", "anonymous", "US", "direct")
    # The quotation that follows the cue without one of its own is the representative's too.
    assert said.content == (
        "We were really impressed with some of the new measures that Mexico is taking,\" "
        "said the US representative. \"We've seen a pretty significant drop in border "
        "crossings over the past few days.")
    added = next(r for r in found if r.cue == "added")
    assert (added.source, added.source_surface) == ("the US representative", "he")
    assert (added.source_kind, added.side, added.quote_type) == ("anonymous", "US", "mixed")


def test_seed_003_relative_clause_is_not_part_of_the_source_span(nlp, seed_text):
    # The headline ("... speak of progress ...") is the first record, the lead's "said" next.
    said = by_cue(attributions(nlp, seed_text("003")), "said")[0]
    assert summary(said) == (
        "said", "A high-ranking US official", "anonymous", "US", "indirect")
    assert said.content.startswith("Mexico's representatives had presented")


def test_seed_003_quote_first_indirect_speech_with_inverted_subject(nlp, seed_text):
    found = attributions(nlp, seed_text("003"))
    record = next(r for r in found if r.source == "López Obrador")
    assert summary(record) == ("said", "López Obrador", "named_person", "Mexico", "indirect")
    assert record.content.startswith("Mexico will step up its efforts")


def test_seed_000_cites_two_newspapers_as_media_outlets(nlp, seed_text):
    found = attributions(nlp, seed_text("000"))
    times = next(r for r in found if "New York Times" in r.source)
    assert summary(times) == (
        "According to", "a New York Times report", "media_outlet", "", "according_to")
    post = next(r for r in found if r.source == "The Washington Post")
    assert (post.cue, post.source_kind, post.quote_type) == ("reported", "media_outlet", "indirect")
    assert post.content == "The administration is expected to announce the plan on Friday"


def test_seed_000_they_acknowledge_resolves_to_mexican_officials(nlp, seed_text):
    record = by_cue(attributions(nlp, seed_text("000")), "acknowledge")[0]
    assert (record.source, record.source_surface, record.side) == (
        "Mexican officials", "they", "Mexico")


def test_seed_002_passive_by_phrase_and_document(nlp, seed_text):
    found = attributions(nlp, seed_text("002"))
    informed = by_cue(found, "informed")[0]
    assert summary(informed) == (
        "informed", "a senior administration official", "anonymous", "US", "indirect")
    records = next(r for r in found if r.source == "ICE flight records")
    assert (records.source_kind, records.side, records.quote_type) == (
        "document", "US", "according_to")


def test_seed_002_advcl_and_pcomp_cues_find_the_main_subject(nlp, seed_text):
    found = attributions(nlp, seed_text("002"))
    adding = by_cue(found, "adding")[0]
    assert (adding.source, adding.source_kind) == ("The insiders", "anonymous")
    telling = by_cue(found, "telling")[0]
    assert telling.source == "A senior Biden administration official"
    assert telling.quote_type == "mixed"
    assert telling.content.endswith("“has a very ambitious agenda.”")


def test_seed_004_the_statement_inherits_the_side_of_a_statement(nlp, seed_text):
    found = attributions(nlp, seed_text("004"))
    first = next(r for r in found if r.source == "a statement")
    assert (first.source_kind, first.side, first.quote_type) == ("document", "Mexico",
                                                                 "according_to")
    later = next(r for r in found if r.source == "the statement")
    assert (later.source_kind, later.side, later.quote_type) == ("document", "Mexico", "mixed")


def test_every_seed_parses_with_valid_offsets(nlp, seed_text):
    for prefix in ("000", "001", "002", "003", "004"):
        assert attributions(nlp, seed_text(prefix))


# --- the citations counted by hand ---------------------------------------------------------


ANNOTATION = Path(__file__).with_name("seed_citations.csv")


@pytest.fixture(scope="module")
def seed_tables(nlp):
    from analysis.corpus import load_corpus
    from analysis.pipeline import extract_tables

    return extract_tables(load_corpus(SEEDS), nlp=nlp)


@pytest.fixture(scope="module")
def matched(seed_tables):
    """Return the hand-counted citations, the predicted citations, and the pairs of them that
    are the same citation: same article and cue, the cue inside the annotated context."""
    gold = pd.read_csv(ANNOTATION, keep_default_na=False)
    texts = seed_tables.articles.set_index("article_id")["text"]
    cited = seed_tables.attributions[seed_tables.attributions["citation"]]
    pairs, used = [], set()
    for row in gold.itertuples():
        # No-break spaces read as spaces; the offsets stay the same.
        start = texts[row.article_id].replace("\u00a0", " ").find(row.context)
        assert start >= 0, f"context not in {row.article_id}: {row.context!r}"
        candidates = cited[(cited["article_id"] == row.article_id)
                           & (cited["cue"].str.lower() == row.cue.lower())
                           & (cited["cue_start"] >= start)
                           & (cited["cue_end"] <= start + len(row.context))]
        # Of two sources cited by one cue, the one of the same kind and name first.
        candidates = candidates.assign(same=(candidates["source_name"] == row.source_name))
        for index in candidates.sort_values("same", ascending=False).index:
            if index not in used:
                used.add(index)
                pairs.append((row, cited.loc[index]))
                break
    return gold, cited, pairs


def test_the_citations_per_seed_article_are_counted_within_one_and_a_half(matched):
    gold, cited, _ = matched
    counts = pd.DataFrame({"gold": gold.groupby("article_id").size(),
                           "found": cited.groupby("article_id").size()}).fillna(0)
    assert (counts["gold"] - counts["found"]).abs().mean() <= 1.5, counts


def test_the_seed_citations_found_are_those_counted_by_hand(matched):
    gold, cited, pairs = matched
    assert len(pairs) / len(gold) >= 0.9  # recall
    assert len(pairs) / len(cited) >= 0.9  # precision


def test_a_seed_citations_source_has_the_kind_and_name_counted_by_hand(matched):
    _, _, pairs = matched
    kinds = [row.source_kind == found["source_kind"] for row, found in pairs]
    assert sum(kinds) / len(pairs) >= 0.9
    named = [(row, found) for row, found in pairs
             if row.source_kind in ("named_person", "organization", "media_outlet")]
    names = [row.source_name == found["source_name"] for row, found in named]
    assert sum(names) / len(named) >= 0.8
