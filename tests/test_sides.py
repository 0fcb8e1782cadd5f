"""The side gazetteer: overlapping terms, neutral phrases and user files that extend it."""

from __future__ import annotations

import pytest

from analysis.attribution import GazetteerError, extract_attributions, load_gazetteer


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
