"""analysis.figures.unit_table: the unit and currency table, its files and its extension."""

from __future__ import annotations

import pytest

from analysis.figures import UnitTableError, load_unit_table
from tests.figures.helpers import one_figure


def test_the_shipped_table_holds_hundreds_of_units_and_every_iso_currency():
    table = load_unit_table()
    measures = [unit for unit in table.units.values() if unit.dimension != "currency"]
    assert len(measures) >= 200
    for code in ("USD", "EUR", "JPY", "CHF", "XOF", "TWD", "NGN", "VND", "KZT"):
        assert code in table.codes
    assert len(table.codes) >= 250


@pytest.mark.parametrize(
    ("written", "code"),
    [
        (("kilometres",), "km"),
        (("kilometer",), "km"),
        (("celcius",), "°C"),
        (("deg", "f"), "°F"),
        (("square", "feet"), "sq ft"),
        (("lb", "-", "ft"), "lb-ft"),
        (("swiss", "francs"), "CHF"),
        (("hong", "kong", "dollars"), "HKD"),
        (("pence",), "pence"),
        (("nanograms",), "ng"),
    ],
)
def test_names_plurals_misspellings_and_prefixed_units_are_read(written, code):
    assert load_unit_table().words[written][0] == code


def test_prefixed_dollars_and_signs_name_their_currency():
    signs = load_unit_table().signs
    for sign, code in {"C$": "CAD", "A$": "AUD", "HK$": "HKD", "NT$": "TWD", "NZ$": "NZD",
                       "S$": "SGD", "US$": "USD", "R$": "BRL", "MX$": "MXN", "€": "EUR",
                       "₹": "INR"}.items():
        assert signs[sign] == code


def test_an_ambiguous_word_lists_every_unit_it_may_name():
    assert set(load_unit_table().words[("pounds",)]) == {"lb", "GBP"}


def test_units_of_one_dimension_convert_and_money_does_not():
    table = load_unit_table()
    assert table.convert(1, "mi", "km") == pytest.approx(1.609344)
    assert table.convert(212, "°F", "°C") == pytest.approx(100)
    assert table.convert(1, "kWh", "J") == pytest.approx(3.6e6)
    with pytest.raises(ValueError, match="cannot convert"):
        table.convert(1, "USD", "EUR")
    with pytest.raises(ValueError, match="cannot convert"):
        table.convert(1, "km", "kg")


def test_names_of_codes_and_compound_units():
    table = load_unit_table()
    assert table.name("km") == "kilometre"
    assert table.name("lb per sq ft") == "pound-mass per square foot"
    assert table.name("widgets") == "widgets"


def test_a_user_table_extends_the_default(nlp, tmp_path):
    path = tmp_path / "units.toml"
    path.write_text(
        'extends = "default"\n\n[units.li]\nname = "li"\ndimension = "length"\n'
        'factor = 500.0\nwords = ["li"]\n', encoding="utf-8")
    table = load_unit_table(units=path)
    assert table.words[("li",)] == ("li",)
    assert "km" in table.units
    figure = one_figure(nlp, "The wall runs for 30 li along the river.", units=table)
    assert (figure.surface, figure.unit) == ("30 li", "li")


def test_a_user_currency_file_extends_the_default(nlp, tmp_path):
    path = tmp_path / "money.toml"
    path.write_text('extends = "default"\n\n[currencies.XTS]\nname = "Test token"\n'
                    'names = ["test tokens"]\nsigns = ["T¤"]\n', encoding="utf-8")
    table = load_unit_table(currencies=path)
    assert one_figure(nlp, "It costs 40 test tokens.", units=table).unit == "XTS"
    assert "USD" in table.codes


def test_a_user_table_without_extends_stands_alone(tmp_path):
    path = tmp_path / "only.toml"
    path.write_text('[units.li]\nname = "li"\ndimension = "length"\nwords = ["li"]\n', "utf-8")
    table = load_unit_table(units=path)
    assert [code for code in table.units if table.units[code].dimension != "currency"] == ["li"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[units.li\n", r"bad\.toml: not valid TOML"),
        ('[units.li]\nname = "li"\n', r"bad\.toml: \[units\.li\] needs 'dimension'"),
        ('[units.li]\ndimension = "length"\nwords = "li"\n',
         r"bad\.toml: units\.li\.words must be a list of strings"),
        ('[units.li]\ndimension = "length"\nprefixes = ["Q"]\n', r"unknown prefix 'Q'"),
        ('extends = "mine"\n', r"bad\.toml: 'extends' must be"),
    ],
)
def test_a_malformed_unit_file_names_the_file_and_the_fault(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UnitTableError, match=message):
        load_unit_table(units=path)


def test_a_missing_unit_file_names_the_file(tmp_path):
    with pytest.raises(UnitTableError, match=r"absent\.toml: unit table file not found"):
        load_unit_table(units=tmp_path / "absent.toml")
