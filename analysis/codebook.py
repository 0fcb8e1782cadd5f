"""The concept codebook: an editable TOML lexicon that maps counted things to concepts.

A figure's concept comes from two kinds of terms. *Objects* name the thing counted
("migrant", "border crossing"). *Governors* name the verb or noun that governs it and win
over the object ("accept back 30,000 migrants" counts returns, not just migrants).

A concept may belong to a *subject* (``subject = "migration"``): it applies only where
the text is on that subject, that is where one of the subject's words appears in the
figure's sentence or its article, and none of the subject's ``unless`` words appears in
the sentence ("stopped 30 shots" in a hockey report is no vaccine dose, "a $3 billion
buyout" no aid). A concept's *generic* objects ("people", "family") count for it only where
the figure's own sentence, or the one before it, is on the subject: an election story that
mentions the border somewhere does not make "13 million people voted" a count of migrants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

from analysis.files import extends_default, read_toml

DEFAULT_CODEBOOK = Path(__file__).resolve().parent / "data" / "codebook.toml"
_TERM_KINDS = ("objects", "governors")


class CodebookError(ValueError):
    """A codebook file is missing, is not valid TOML, or does not follow the format."""


@dataclass(frozen=True)
class Subject:
    """What a text must speak of for a subject's concepts to apply: any of ``words`` in the
    sentence or the article, none of ``unless`` in the sentence (lower-cased phrases,
    matched as whole words with an optional plural "s")."""

    words: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    label: str = ""

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """A regular expression for ``words`` in lower-cased text, None without words."""
        return _phrases_pattern(self.words)

    @cached_property
    def veto(self) -> re.Pattern[str] | None:
        """A regular expression for ``unless`` in lower-cased text, None without words."""
        return _phrases_pattern(self.unless)


def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:e?s)?(?![\w-])")


@dataclass(frozen=True)
class Codebook:
    """Terms (lower-cased, single-spaced) mapped to concept names, plus readable labels, the
    subject each concept belongs to and what puts a text on a subject."""

    objects: Mapping[str, str] = field(default_factory=dict)
    governors: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    concept_subjects: Mapping[str, str] = field(default_factory=dict)
    subjects: Mapping[str, Subject] = field(default_factory=dict)
    generic: frozenset[str] = frozenset()  # objects that need the subject close by

    def subject_of(self, concept: str) -> Subject | None:
        """The subject ``concept`` belongs to, None when it applies to any text."""
        name = self.concept_subjects.get(concept, "")
        return self.subjects.get(name) if name else None

    @property
    def concepts(self) -> tuple[str, ...]:
        """Return the concept names, sorted."""
        return tuple(sorted({*self.objects.values(), *self.governors.values(), *self.labels}))

    def concept_for(self, *, objects: Iterable[str], governors: Iterable[str] = ()) -> str:
        """Return the concept of the first governor term, else of the first object term, else "".

        Callers pass candidate terms most specific first (the longest phrase first).
        """
        return self.matching_term(objects=objects, governors=governors)[0]

    def matching_term(self, *, objects: Iterable[str],
                      governors: Iterable[str] = ()) -> tuple[str, str, str]:
        """Return (concept, "governors" or "objects", the normalised term) of the term
        ``concept_for`` picks, or ("", "", "")."""
        for kind, terms, lexicon in (("governors", governors, self.governors),
                                     ("objects", objects, self.objects)):
            for term in terms:
                concept = lexicon.get(normalize_term(term))
                if concept:
                    return concept, kind, normalize_term(term)
        return "", "", ""

    def is_generic(self, *, objects: Iterable[str], governors: Iterable[str] = ()) -> bool:
        """Whether the concept ``concept_for`` picks comes from a generic object term."""
        _, kind, term = self.matching_term(objects=objects, governors=governors)
        return kind == "objects" and term in self.generic


def normalize_term(term: str) -> str:
    """Return ``term`` lower-cased with runs of whitespace collapsed to one space."""
    return " ".join(term.lower().split())


def load_codebook(path: Path | None = None) -> Codebook:
    """Return the codebook in the TOML file ``path`` (default: the shipped migration codebook).

    A file whose top level says ``extends = "default"`` adds to (and may override) the
    shipped concepts. Raises CodebookError naming the file when it is missing, is not
    valid TOML, or a concept's terms are not a list of strings.
    """
    if path is None:
        return _default_codebook()
    path = Path(path)
    document = _read_toml(path)
    extends = extends_default(document, path, error=CodebookError)
    base = _default_codebook() if extends else Codebook()
    return _checked_subjects(_merge(base, _parse_concepts(document, path)), path)


def _checked_subjects(codebook: Codebook, path: Path) -> Codebook:
    """Return ``codebook``, or raise CodebookError naming a concept whose subject is not
    defined: a misspelt subject would silently lift the concept's guard."""
    for concept, subject in codebook.concept_subjects.items():
        if subject and subject not in codebook.subjects:
            raise CodebookError(f"{path}: concepts.{concept}.subject {subject!r} is not a "
                                f"[subjects.NAME] table; defined: "
                                f"{', '.join(sorted(codebook.subjects)) or 'none'}")
    return codebook


@lru_cache(maxsize=1)
def _default_codebook() -> Codebook:
    return _checked_subjects(_parse_concepts(_read_toml(DEFAULT_CODEBOOK), DEFAULT_CODEBOOK),
                             DEFAULT_CODEBOOK)


def _read_toml(path: Path) -> dict:
    return read_toml(path, error=CodebookError, what="codebook")


def _parse_concepts(document: dict, path: Path) -> Codebook:
    concepts = document.get("concepts", {})
    if not isinstance(concepts, dict):
        raise CodebookError(f"{path}: 'concepts' must be a table of [concepts.NAME] tables")
    lexicons: dict[str, dict[str, str]] = {kind: {} for kind in _TERM_KINDS}
    labels: dict[str, str] = {}
    concept_subjects: dict[str, str] = {}
    generic: set[str] = set()
    for name, entry in concepts.items():
        if not isinstance(entry, dict):
            raise CodebookError(f"{path}: [concepts.{name}] must be a table")
        labels[name] = str(entry.get("label", name))
        subject = entry.get("subject", "")
        if not isinstance(subject, str):
            raise CodebookError(f"{path}: concepts.{name}.subject must be a string")
        concept_subjects[name] = subject.strip()
        for kind in _TERM_KINDS:
            for term in _terms(entry.get(kind, []), path=path, where=f"concepts.{name}.{kind}"):
                lexicons[kind][term] = name
        for term in _terms(entry.get("generic", []), path=path, where=f"concepts.{name}.generic"):
            lexicons["objects"][term] = name
            generic.add(term)
    return Codebook(
        objects=MappingProxyType(lexicons["objects"]),
        governors=MappingProxyType(lexicons["governors"]),
        labels=MappingProxyType(labels),
        concept_subjects=MappingProxyType(concept_subjects),
        subjects=MappingProxyType(_parse_subjects(document, path)),
        generic=frozenset(generic),
    )


def _parse_subjects(document: dict, path: Path) -> dict[str, Subject]:
    subjects = document.get("subjects", {})
    if not isinstance(subjects, dict):
        raise CodebookError(f"{path}: 'subjects' must be a table of [subjects.NAME] tables")
    parsed = {}
    for name, entry in subjects.items():
        if not isinstance(entry, dict):
            raise CodebookError(f"{path}: [subjects.{name}] must be a table")
        parsed[name] = Subject(
            words=tuple(_terms(entry.get("words", []), path=path, where=f"subjects.{name}.words")),
            unless=tuple(_terms(entry.get("unless", []), path=path,
                                where=f"subjects.{name}.unless")),
            label=str(entry.get("label", name)),
        )
    return parsed


def _terms(value: object, *, path: Path, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(term, str) for term in value):
        raise CodebookError(f"{path}: {where} must be a list of strings, got {value!r}")
    return [normalize_term(term) for term in value if term.strip()]


def _merge(base: Codebook, extra: Codebook) -> Codebook:
    return Codebook(
        objects=MappingProxyType({**base.objects, **extra.objects}),
        governors=MappingProxyType({**base.governors, **extra.governors}),
        labels=MappingProxyType({**base.labels, **extra.labels}),
        concept_subjects=MappingProxyType({**base.concept_subjects, **extra.concept_subjects}),
        subjects=MappingProxyType({**base.subjects, **extra.subjects}),
        generic=(base.generic - set(extra.objects)) | extra.generic,
    )
