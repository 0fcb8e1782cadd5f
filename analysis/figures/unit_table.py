"""The unit and currency table: what a word, symbol or sign next to a number means.

Two TOML files under ``data/`` hold it: ``units.toml`` (units of measure with names,
plurals, abbreviations, symbols, misspellings, dimension and conversion factor; SI
prefixes expand a unit into its prefixed units) and ``currencies.toml`` (every ISO 4217
currency with its names and signs, prefixed dollars such as "C$", minor units such as
"pence"). A user's file with ``extends = "default"`` adds to the shipped table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

from analysis.figures.lexicon import NUMBER, SIGN, SUFFIX
from analysis.files import extends_default, read_toml

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_UNITS = DATA / "units.toml"
DEFAULT_CURRENCIES = DATA / "currencies.toml"
CURRENCY = "currency"
# The dimension of units of time: after a number they make a duration ("for 3 years").
TIME = "time"
# The micro sign and the Greek mu are both written for "micro".
_MICRO = ("μ", "µ")
# How the tokenizer splits a written unit: hyphens and slashes between words are tokens.
_SPLIT = re.compile(r"\s+|(?<=[^\s])([-/])(?=[^\s])")


class UnitTableError(ValueError):
    """A unit or currency file is missing, is not valid TOML, or does not follow the format."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of measure or currency; ``code`` is what the ``unit`` column holds."""

    code: str
    name: str
    dimension: str
    factor: float = 1.0
    offset: float = 0.0
    counted: bool = False


@dataclass(frozen=True)
class UnitTable:
    """Units by code, and the written forms that name them.

    ``words`` maps a lower-cased word sequence to the codes it may name, the default first
    (several codes: an ambiguous word such as "pound"). ``symbols`` are glued to the number
    and ``spaced`` read apart, both case-sensitive; ``signs`` are currency signs written
    before or after the number ("$", "C$", "€"), ``glued_signs`` signs read only glued.
    """

    units: Mapping[str, Unit] = field(default_factory=dict)
    words: Mapping[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    symbols: Mapping[str, str] = field(default_factory=dict)
    spaced: Mapping[str, str] = field(default_factory=dict)
    signs: Mapping[str, str] = field(default_factory=dict)
    glued_signs: Mapping[str, str] = field(default_factory=dict)
    noun_only: frozenset[str] = frozenset()
    denominators: Mapping[str, str] = field(default_factory=dict)
    dollar_before: Mapping[str, str] = field(default_factory=dict)
    dollar_after: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def longest_words(self) -> int:
        """The most tokens a written unit has."""
        return max((len(key) for key in self.words), default=1)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The words a written unit may start with: a quick test before a full look-up."""
        return frozenset(key[0] for key in self.words)

    @cached_property
    def codes(self) -> frozenset[str]:
        """ISO 4217 codes: currencies whose code is three capitals."""
        return frozenset(
            code for code, unit in self.units.items()
            if unit.dimension == CURRENCY and len(code) == 3 and code.isupper()
        )

    @cached_property
    def sign_pattern(self) -> str:
        """A regular expression for a currency sign or code written before a number."""
        prefixes = {*self.signs, *self.glued_signs, *self.codes}
        return "|".join(re.escape(sign) for sign in sorted(prefixes, key=lambda s: (-len(s), s)))

    @cached_property
    def amount(self) -> re.Pattern[str]:
        """A number in one token with its sign, a currency sign or code glued before it and
        a multiplier glued after it: "$4bn", "US$300", "-5", "sub-$300", "€2.5m"."""
        return re.compile(
            rf"{SIGN}(?P<currency>{self.sign_pattern})?(?P<number>{NUMBER}){SUFFIX}"
        )

    @cached_property
    def dollar_amount(self) -> re.Pattern[str]:
        """A country glued before a number after a dollar sign: "US55m" in "$US55m"."""
        countries = "|".join(re.escape(country) for country in
                             sorted(self.dollar_before, key=lambda c: (-len(c), c)))
        return re.compile(rf"(?P<country>{countries})(?P<number>{NUMBER}){SUFFIX}")

    @cached_property
    def dollar_codes(self) -> frozenset[str]:
        """Currencies written with a dollar sign and a country."""
        return frozenset({*self.dollar_before.values(), *self.dollar_after.values(), "USD"})

    def is_currency(self, code: str) -> bool:
        """True when ``code`` (or the first part of "USD per barrel") is money."""
        unit = self.units.get(code.split(" per ")[0])
        return unit is not None and unit.dimension == CURRENCY

    def name(self, code: str) -> str:
        """The English name of ``code`` ("km" -> "kilometre"; "USD per barrel" -> "US
        dollar per barrel"); a code the table does not hold is its own name."""
        return " per ".join(
            self.units[part].name if part in self.units else part for part in code.split(" per ")
        )

    def convert(self, value: float, code: str, to: str) -> float:
        """Return ``value`` in ``code`` converted to ``to``; raises ValueError across
        dimensions (or for money, whose rates change)."""
        source, target = self.units[code], self.units[to]
        if source.dimension != target.dimension or source.dimension == CURRENCY:
            raise ValueError(f"cannot convert {code} ({source.dimension}) to {to}")
        base = value * source.factor + source.offset
        return (base - target.offset) / target.factor


def load_unit_table(units: Path | None = None, currencies: Path | None = None) -> UnitTable:
    """Return the unit table of ``units`` and ``currencies`` (default: the shipped files).

    A file whose top level says ``extends = "default"`` adds to (and may override) the
    shipped entries. Raises UnitTableError naming the file when it is missing, is not
    valid TOML, or an entry does not follow the format described at the top of the
    shipped files.
    """
    if units is None and currencies is None:
        return _default_table()
    return _build(_documents(units, DEFAULT_UNITS), _documents(currencies, DEFAULT_CURRENCIES))


@lru_cache(maxsize=1)
def _default_table() -> UnitTable:
    return _build([(_read(DEFAULT_UNITS), DEFAULT_UNITS)],
                  [(_read(DEFAULT_CURRENCIES), DEFAULT_CURRENCIES)])


def _documents(path: Path | None, default: Path) -> list[tuple[dict, Path]]:
    if path is None:
        return [(_read(default), default)]
    path = Path(path)
    document = _read(path)
    base = [(_read(default), default)] if extends_default(document, path,
                                                          error=UnitTableError) else []
    return [*base, (document, path)]


def _read(path: Path) -> dict:
    return read_toml(path, error=UnitTableError, what="unit table")


class _Builder:
    """Collects units and their written forms, file by file; a later file overrides."""

    def __init__(self) -> None:
        self.units: dict[str, Unit] = {}
        self.words: dict[tuple[str, ...], list[str]] = {}
        self.symbols: dict[str, str] = {}
        self.spaced: dict[str, str] = {}
        self.signs: dict[str, str] = {}
        self.glued_signs: dict[str, str] = {}
        self.noun_only: set[str] = set()
        self.denominators: dict[str, str] = {}
        self.dollar_before: dict[str, str] = {}
        self.dollar_after: dict[str, str] = {}

    def add_words(self, code: str, words: Iterable[str], *, plurals: bool) -> None:
        for word in words:
            for form in _forms(word, plurals=plurals):
                codes = self.words.setdefault(form, [])
                if code not in codes:
                    codes.append(code)

    def table(self) -> UnitTable:
        return UnitTable(
            units=MappingProxyType(self.units),
            words=MappingProxyType({key: tuple(codes) for key, codes in self.words.items()}),
            symbols=MappingProxyType(self.symbols),
            spaced=MappingProxyType(self.spaced),
            signs=MappingProxyType(self.signs),
            glued_signs=MappingProxyType(self.glued_signs),
            noun_only=frozenset(self.noun_only),
            denominators=MappingProxyType(self.denominators),
            dollar_before=MappingProxyType(self.dollar_before),
            dollar_after=MappingProxyType(self.dollar_after),
        )


def _build(unit_files: list[tuple[dict, Path]], currency_files: list[tuple[dict, Path]]
           ) -> UnitTable:
    builder = _Builder()
    # A user's file that extends the default may use the default's prefixes.
    prefixes: dict[str, list] = {}
    for document, path in unit_files:
        prefixes.update(_table(document, "prefixes", path))
    for document, path in unit_files:
        _add_units(builder, document, path, prefixes=prefixes)
    for document, path in currency_files:
        _add_currencies(builder, document, path)
    return builder.table()


def _add_units(builder: _Builder, document: dict, path: Path, *, prefixes: dict) -> None:
    for code, entry in _table(document, "units", path).items():
        where = f"units.{code}"
        if not isinstance(entry, dict):
            raise UnitTableError(f"{path}: [{where}] must be a table")
        unit = _unit(code, entry, path=path, where=where)
        builder.units[code] = unit
        words = _strings(entry, "words", path, where)
        builder.add_words(code, words, plurals=True)
        builder.add_words(code, _strings(entry, "plurals", path, where), plurals=False)
        for symbol in _micro_variants(_strings(entry, "symbols", path, where)):
            builder.symbols[symbol] = code
        for symbol in _strings(entry, "spaced", path, where):
            builder.spaced[symbol] = code
        apart = set(_strings(entry, "apart", path, where))
        symbol_prefixes = set(_strings(entry, "symbol_prefixes", path, where))
        for prefix in _strings(entry, "prefixes", path, where):
            if prefix not in prefixes:
                raise UnitTableError(f"{path}: {where}.prefixes: unknown prefix {prefix!r}")
            prefix_name, prefix_factor = prefixes[prefix]
            prefixed = f"{prefix}{code}"
            if prefixed in builder.units:
                continue
            builder.units[prefixed] = Unit(
                prefixed, f"{prefix_name}{unit.name}", unit.dimension,
                unit.factor * float(prefix_factor), counted=unit.counted,
            )
            builder.add_words(prefixed, (f"{prefix_name}{word}" for word in words
                                         if word.isalpha()), plurals=True)
            if prefix in symbol_prefixes:
                for symbol in _micro_variants([prefixed]):
                    builder.symbols.setdefault(symbol, prefixed)
                    if symbol.lower() in apart:
                        builder.add_words(prefixed, [symbol.lower()], plurals=False)
    for word, code in _table(document, "denominators", path).items():
        builder.denominators[word.lower()] = str(code)


def _add_currencies(builder: _Builder, document: dict, path: Path) -> None:
    for code, entry in _table(document, "currencies", path).items():
        where = f"currencies.{code}"
        if not isinstance(entry, dict):
            raise UnitTableError(f"{path}: [{where}] must be a table")
        name = str(entry.get("name", code))
        builder.units[code] = Unit(code, name, CURRENCY)
        builder.add_words(code, _strings(entry, "names", path, where), plurals=False)
        builder.add_words(code, _strings(entry, "words", path, where), plurals=False)
        builder.noun_only.update(_strings(entry, "noun_only", path, where))
        for sign in _strings(entry, "signs", path, where):
            builder.signs.setdefault(sign, code)
        for sign in _strings(entry, "glued", path, where):
            builder.glued_signs.setdefault(sign, code)
    for code, entry in _table(document, "minor", path).items():
        where = f"minor.{code}"
        if not isinstance(entry, dict):
            raise UnitTableError(f"{path}: [{where}] must be a table")
        builder.units[code] = Unit(code, str(entry.get("name", code)), CURRENCY,
                                   factor=float(entry.get("share", 0.01)))
        builder.add_words(code, _strings(entry, "words", path, where), plurals=False)
        for sign in _strings(entry, "signs", path, where):
            builder.symbols.setdefault(sign, code)
    countries = _table(document, "dollar_countries", path)
    builder.dollar_before.update(_table(countries, "before", path))
    builder.dollar_after.update(_table(countries, "after", path))


def _unit(code: str, entry: dict, *, path: Path, where: str) -> Unit:
    try:
        return Unit(
            code=code,
            name=str(entry.get("name", code)),
            dimension=str(entry["dimension"]),
            factor=float(entry.get("factor", 1.0)),
            offset=float(entry.get("offset", 0.0)),
            counted=bool(entry.get("counted", False)),
        )
    except KeyError as error:
        raise UnitTableError(f"{path}: [{where}] needs {error.args[0]!r}") from None
    except (TypeError, ValueError) as error:
        raise UnitTableError(f"{path}: [{where}]: {error}") from None


def _table(document: dict, key: str, path: Path) -> dict:
    value = document.get(key, {})
    if not isinstance(value, dict):
        raise UnitTableError(f"{path}: '{key}' must be a table")
    return value


def _strings(entry: dict, key: str, path: Path, where: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UnitTableError(f"{path}: {where}.{key} must be a list of strings, got {value!r}")
    return value


def _micro_variants(symbols: Iterable[str]) -> list[str]:
    out = []
    for symbol in symbols:
        out.append(symbol)
        for mark in _MICRO:
            if mark in symbol:
                out.extend(symbol.replace(mark, other) for other in _MICRO if other != mark)
    return out


def _forms(word: str, *, plurals: bool) -> list[tuple[str, ...]]:
    """The token sequences a written unit may take, lower-cased: as written, with its
    hyphens and slashes as tokens, and (``plurals``) with its last word in the plural."""
    lower = " ".join(word.lower().split())
    variants = {lower, *(lower.replace(mark, other) for mark in _MICRO for other in _MICRO)}
    if plurals:
        variants |= {_pluralize(variant) for variant in variants}
    forms = set()
    for variant in variants:
        forms.add(tuple(variant.split()))
        forms.add(tuple(part for part in _SPLIT.split(variant) if part))
    return sorted(forms)


def _pluralize(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if not last.isalpha() or len(last) < 3 or last.endswith("s") or not _has_vowel(last):
        return phrase
    if last.endswith(("ch", "sh", "x", "z")):
        plural = f"{last}es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = f"{last[:-1]}ies"
    else:
        plural = f"{last}s"
    return f"{head} {plural}".strip()


def _has_vowel(word: str) -> bool:
    return any(char in "aeiouy" for char in word)
