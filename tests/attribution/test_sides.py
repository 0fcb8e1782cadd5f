"""The side gazetteer: terms that put a source on a side, and user files that extend it."""

from __future__ import annotations

import pytest

from analysis.attribution import (
    GazetteerError,
    extract_attributions,
    load_gazetteer,
)
from tests.attribution.helpers import only


def test_both_sides_named_leaves_the_side_empty(nlp):
    record = only(nlp, "According to representatives from the United States and Mexico, "
                       "Mexico has substantial negotiating power.")
    assert (record.source_kind, record.side) == ("anonymous", "")


def test_default_gazetteer_places_terms_on_sides():
    gazetteer = load_gazetteer()
    assert gazetteer.sides_in("a White House official") == {"US"}
    assert gazetteer.sides_in("Lopez Obrador") == {"Mexico"}
    assert gazetteer.sides_in("the U.S. delegation") == {"US"}
    assert gazetteer.sides_in("told us nothing") == set()


def test_a_custom_gazetteer_changes_the_side(nlp, tmp_path):
    path = tmp_path / "sides.toml"
    path.write_text('[sides.other]\nterms = ["Ebrard"]\n', encoding="utf-8")
    record = only(nlp, "Marcelo Ebrard announced that Mexico would deploy troops.",
                  gazetteer=load_gazetteer(path))
    assert record.side == "other"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[sides.US\nterms = []", "not valid TOML"),
        ("[sides.Canada]\nterms = []", "unknown side(s) ['Canada']"),
        ('[sides.US]\nterms = "US"', "sides.US.terms must be a list of strings"),
        ("[media]\noutlets = [1]", "media.outlets must be a list of strings"),
    ],
)
def test_a_malformed_gazetteer_names_the_file(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad\.toml") as error:
        load_gazetteer(path)
    assert message in str(error.value)


def test_a_missing_gazetteer_names_the_file(tmp_path):
    with pytest.raises(GazetteerError, match=r"missing\.toml: side gazetteer file not found"):
        load_gazetteer(tmp_path / "missing.toml")


# --- gazetteer files -----------------------------------------------------------------------


def sides_of(nlp, text: str, **options) -> list[str]:
    return [record.side for record in extract_attributions(nlp(text), **options)]


@pytest.mark.parametrize(
    ("phrase", "sides"),
    [
        ("a Latin American diplomat", {"other"}),
        ("Central American officials", {"other"}),
        ("an American diplomat", {"US"}),
        ("a Mexican-American activist", set()),
        ("the director for the North America region at Mexico's foreign ministry", {"Mexico"}),
    ],
)
def test_the_longest_term_wins_and_neutral_phrases_name_no_side(phrase, sides):
    assert load_gazetteer().sides_in(phrase) == sides


def test_a_source_takes_the_side_of_the_longer_term(nlp):
    assert sides_of(nlp, "A Latin American diplomat said the plan would fail.") == ["other"]


def test_the_side_of_a_named_source_comes_from_its_title(nlp):
    text = ("Ana Ruiz, the director general for the North America region at Mexico's "
            "foreign ministry, said the talks would resume.")
    assert sides_of(nlp, text) == ["Mexico"]


def test_a_file_that_extends_the_default_keeps_the_shipped_entries(nlp, tmp_path):
    path = tmp_path / "sides.toml"
    path.write_text('extends = "default"\n\n[sides.other]\nterms = ["Ruiz"]\n\n'
                    '[media]\noutlets = ["El Diario"]\n', encoding="utf-8")
    gazetteer = load_gazetteer(path)
    assert gazetteer.sides_in("a White House official") == {"US"}
    assert gazetteer.sides_in("Ana Ruiz") == {"other"}
    assert gazetteer.outlet_spans("Reuters and El Diario") == [(0, 7), (12, 21)]


def test_a_file_without_extends_replaces_the_default(tmp_path):
    path = tmp_path / "sides.toml"
    path.write_text('[sides.other]\nterms = ["Ruiz"]\n', encoding="utf-8")
    assert load_gazetteer(path).sides_in("a White House official") == set()


def test_a_bad_extends_names_the_file(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('extends = "shipped"\n', encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"mine\.toml: 'extends' must be"):
        load_gazetteer(path)


def test_a_malformed_neutral_table_names_the_file(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('neutral = ["North America"]\n', encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"mine\.toml: 'neutral' must be a table"):
        load_gazetteer(path)
