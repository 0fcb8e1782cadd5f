"""Per-article extraction: figures take the source of the citation that covers them."""

from __future__ import annotations

import pytest

from analysis.articles import Extractors, extract_article
from analysis.attribution import load_gazetteer
from analysis.codebook import load_codebook
from analysis.keywords import build_term_matcher, load_terms


@pytest.fixture(scope="module")
def extract(nlp):
    extractors = Extractors(codebook=load_codebook(), gazetteer=load_gazetteer(),
                            terms=load_terms())
    matcher = build_term_matcher(nlp, extractors.terms)
    return lambda text: extract_article(nlp(text), extractors, matcher)


def sources(result) -> dict[float, str]:
    return {figure.value: figure.source for figure in result.figures}


def test_a_figure_takes_the_source_whose_content_holds_it(extract):
    result = extract("The Post reported that the talks stalled, while Ebrard said Mexico "
                     "would take back 30,000 migrants a month.")
    assert sources(result)[30000] == "Ebrard"


def test_a_figure_outside_any_content_takes_the_nearest_cue_of_its_sentence(extract):
    result = extract("Ebrard said the talks went well. Agents made 2,000 arrests on Monday, "
                     "the Border Patrol said, and 3,000 on Tuesday.")
    assert sources(result) == {2000: "the Border Patrol", 3000: "the Border Patrol"}


def test_a_figure_nobody_is_cited_for_has_no_source(extract):
    result = extract("Ebrard said the talks went well. Agents made 2,000 arrests on Monday.")
    assert sources(result) == {2000: ""}


def test_a_figure_in_a_plan_or_a_deed_takes_no_source(extract):
    result = extract("Mexico wants to take back 30,000 migrants a month. The Trump "
                     "administration threatened tariffs on $350 billion of imports.")
    assert sources(result) == {30000: "", 350000000000: ""}


def test_a_claim_before_a_closing_x_reported_takes_x_as_its_source(extract):
    result = extract("Mexico is slated to receive 2.5 million doses. The administration will "
                     "announce the plan on Friday, The Washington Post reported.")
    assert sources(result) == {2500000: "The Washington Post"}


def test_a_cue_between_the_claim_and_a_closing_x_reported_stops_it(extract):
    result = extract("Mexico is slated to receive 2.5 million doses. Officials said the talks "
                     "went well. The plan is due on Friday, the Post reported.")
    assert sources(result) == {2500000: ""}


def test_x_reported_covers_claims_only_within_its_paragraph(extract):
    result = extract("Mexico is slated to receive 2.5 million doses.\n\nThe plan is due on "
                     "Friday, the Post reported.")
    assert sources(result) == {2500000: ""}


def test_the_extractor_fingerprint_reads_every_file_of_an_extractor_package(tmp_path):
    from analysis.articles import extractor_sources

    (tmp_path / "keywords.py").write_text("")
    (tmp_path / "figures" / "data").mkdir(parents=True)
    for name in ("figures/__init__.py", "figures/units.py", "figures/data/units.toml"):
        (tmp_path / name).write_text("")
    (tmp_path / "figures" / "__pycache__").mkdir()
    (tmp_path / "figures" / "__pycache__" / "units.pyc").write_text("")
    (tmp_path / "unrelated.py").write_text("")
    assert [str(path.relative_to(tmp_path)) for path in extractor_sources(tmp_path)] == [
        "figures/__init__.py", "figures/data/units.toml", "figures/units.py", "keywords.py"]
