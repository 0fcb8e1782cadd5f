"""Metadata fields: language from manifest, detector or page; dates checked for plausibility."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from analysis.corpus import detect_language, load_corpus, metadata_sources
from analysis.corpus.metadata import checked_date, normalise_language
from tests.corpus import pages

SPANISH = ("México aceptará de regreso a treinta mil migrantes cada mes, dijeron los "
           "funcionarios de ambos gobiernos tras la reunión en la capital.")


@pytest.mark.parametrize(("text", "language"), [
    (pages.BODY, "en"), (SPANISH, "es"),
    ("Die Regierung in Berlin hat am Mittwoch neue Regeln für die Einwanderung beschlossen, "
     "teilte das Innenministerium mit.", "de"),
    ("Too short to tell", ""),
])
def test_the_detector_names_the_language_of_a_text_or_stays_silent(text, language):
    assert detect_language(text) == language


def test_a_page_that_declares_english_but_is_written_in_russian_is_russian(tmp_path):
    (tmp_path / "ru.html").write_text(pages.RUSSIAN, encoding="utf-8")
    (article,) = load_corpus(tmp_path).articles
    assert article.language == "ru"
    assert metadata_sources(article.metadata_source)["language"] == "detected"


def test_the_manifest_language_wins_over_the_detector(tmp_path):
    (tmp_path / "a.txt").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("article_id,language\na,en-US\n", encoding="utf-8")
    (article,) = load_corpus(tmp_path).articles
    assert article.language == "en"
    assert metadata_sources(article.metadata_source)["language"] == "manifest"


def test_a_text_too_short_to_detect_takes_the_language_the_page_declares():
    from analysis.corpus import load_outlet_names
    from analysis.corpus.metadata import Layer, compose, finish

    values, sources = compose([Layer("page", {"title": "Frontera"})])
    values = finish(values, sources, text="Frontera: reunión el lunes.",
                    declared_language="es-MX", names=load_outlet_names(), warn=print)
    assert (values["language"], sources["language"]) == ("es", "page")


@pytest.mark.parametrize(("tag", "code"), [("en", "en"), ("es-MX", "es"), ("pt_BR", "pt"),
                                           ("English", ""), ("", "")])
def test_language_tags_are_reduced_to_their_language_code(tag, code):
    assert normalise_language(tag) == code


@pytest.mark.parametrize(("value", "expected"), [
    ("2021-03-18", "2021-03-18"), ("2021-03-18T12:00:00Z", "2021-03-18"),
    ("Thu, 18 Mar 2021 12:00:00 GMT", "2021-03-18"), ("18/03/2021", ""),
    ("0001-01-01", ""), ("1850-06-01", ""),
    ((date.today() + timedelta(days=800)).isoformat(), ""),
])
def test_dates_are_read_in_iso_and_rss_forms_and_implausible_ones_are_dropped(value, expected):
    warnings = []
    assert checked_date(value, warnings.append) == expected
    assert bool(warnings) == (expected == "")


def test_a_date_a_few_days_ahead_is_kept_with_a_warning():
    warnings = []
    soon = (date.today() + timedelta(days=3)).isoformat()
    assert checked_date(soon, warnings.append) == soon
    assert warnings == [f"published {soon!r} lies in the future"]
