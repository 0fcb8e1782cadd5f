"""The side gazetteer: which words put a source on the US, Mexico or other side, which names
are people, and which are news outlets (``analysis/data/sides.toml``, user-editable)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

from analysis.files import extends_default, read_toml

DEFAULT_GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "sides.toml"

class GazetteerError(ValueError):
    """A side gazetteer file is missing, is not valid TOML, or does not follow the format."""


@dataclass(frozen=True)
class SideGazetteer:
    """Terms that place a source on a side, names of people, and names of news outlets."""

    sides: Mapping[str, tuple[str, ...]]
    people: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    # Phrases that hold a side's word but name no side ("Latin American", "North America").
    neutral: tuple[str, ...] = ()

    def sides_in(self, text: str) -> set[str]:
        """Return the sides whose terms occur in ``text`` as whole words.

        The longest term wins where terms overlap, so "Latin American" (other) hides
        "American" (US), and a neutral phrase hides the side words inside it.
        """
        found = (self._sides_of.get(match, ()) for match in _matches(self._all_terms, text))
        return {side for sides in found for side in sides}

    @cached_property
    def _all_terms(self) -> tuple[str, ...]:
        return (*self.neutral, *self._sides_of)

    @cached_property
    def _sides_of(self) -> dict[str, tuple[str, ...]]:
        sides_of: dict[str, tuple[str, ...]] = {}
        for side, terms in self.sides.items():
            for term in terms:
                sides_of[_fold(term)] = (*sides_of.get(_fold(term), ()), side)
        return sides_of

    def person_spans(self, text: str) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` offsets of known people's names in ``text``."""
        return _spans(self.people, text)

    def outlet_spans(self, text: str) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` offsets of news outlet names in ``text``."""
        return _spans(self.outlets, text)


def load_gazetteer(path: Path | None = None) -> SideGazetteer:
    """Return the side gazetteer in the TOML file ``path`` (default: the shipped one).

    A file whose top level says ``extends = "default"`` adds its terms, people and outlets
    to the shipped ones. Raises GazetteerError naming the file when it is missing, is not
    valid UTF-8 TOML, names a side other than US, Mexico or other, or a list is not a list
    of strings.
    """
    if path is None:
        return _default_gazetteer()
    path = Path(path)
    document = _read_toml(path)
    own = _parse_gazetteer(document, path)
    if extends_default(document, path, error=GazetteerError):
        return _merged_gazetteer(_default_gazetteer(), own)
    return own


def _merged_gazetteer(base: SideGazetteer, extra: SideGazetteer) -> SideGazetteer:
    sides = {side: (*base.sides.get(side, ()), *extra.sides.get(side, ()))
             for side in {**base.sides, **extra.sides}}
    return SideGazetteer(MappingProxyType(sides), (*base.people, *extra.people),
                         (*base.outlets, *extra.outlets), (*base.neutral, *extra.neutral))


@lru_cache(maxsize=1)
def _default_gazetteer() -> SideGazetteer:
    return _parse_gazetteer(_read_toml(DEFAULT_GAZETTEER), DEFAULT_GAZETTEER)


def _read_toml(path: Path) -> dict:
    return read_toml(path, error=GazetteerError, what="side gazetteer")


def _parse_gazetteer(document: dict, path: Path) -> SideGazetteer:
    tables = document.get("sides", {})
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise GazetteerError(f"{path}: 'sides' must hold [sides.US], [sides.Mexico], ... tables")
    unknown = sorted(set(tables) - {"US", "Mexico", "other"})
    if unknown:
        raise GazetteerError(
            f"{path}: unknown side(s) {unknown}; expected [sides.US], [sides.Mexico] or "
            "[sides.other]"
        )
    sides: dict[str, tuple[str, ...]] = {}
    people: list[str] = []
    for side, table in tables.items():
        names = _strings(table.get("people", []), path=path, where=f"sides.{side}.people")
        terms = _strings(table.get("terms", []), path=path, where=f"sides.{side}.terms")
        sides[side] = (*terms, *names)
        people.extend(names)
    media = document.get("media", {})
    if not isinstance(media, dict):
        raise GazetteerError(f"{path}: 'media' must be a table with an 'outlets' list")
    outlets = _strings(media.get("outlets", []), path=path, where="media.outlets")
    neutral = document.get("neutral", {})
    if not isinstance(neutral, dict):
        raise GazetteerError(f"{path}: 'neutral' must be a table with a 'terms' list")
    neutral_terms = _strings(neutral.get("terms", []), path=path, where="neutral.terms")
    return SideGazetteer(MappingProxyType(sides), tuple(people), outlets, neutral_terms)


def _strings(value: object, *, path: Path, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise GazetteerError(f"{path}: {where} must be a list of strings, got {value!r}")
    return tuple(item.strip() for item in value if item.strip())


def _spans(terms: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    pattern = _pattern(terms)
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(_fold(text))]


def _matches(terms: tuple[str, ...], text: str) -> list[str]:
    """Return the folded terms found in ``text``, longest first where they overlap."""
    pattern = _pattern(terms)
    return [] if pattern is None else pattern.findall(_fold(text))


@lru_cache(maxsize=64)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    # Longest first, so "Mexico City" wins over "Mexico"; case matters ("US" is not "us").
    alternatives = "|".join(re.escape(_fold(term)) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _fold(text: str) -> str:
    """Return ``text`` without accents and with curly apostrophes straight, same length."""
    return "".join(_fold_char(char) for char in text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in "’‘":
        return "'"
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char
