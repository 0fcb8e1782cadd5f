"""The word lists of attribution as data: cue words by class (``data/cues.toml``) and who a
source is (``data/sources.toml``: kind words, titles, gendered names and words, aliases).

Both files are plain TOML users copy and edit; a copy whose top level says
``extends = "default"`` adds its entries to the shipped ones (``load_lexicon``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from analysis.files import extends_default, read_toml

CueClass = Literal["speech", "document", "evidential", "belief", "intention", "stance"]
CUE_CLASSES: tuple[CueClass, ...] = (
    "speech", "document", "evidential", "belief", "intention", "stance")
DATA = Path(__file__).resolve().parent / "data"
DEFAULT_CUES = DATA / "cues.toml"
DEFAULT_SOURCES = DATA / "sources.toml"

# The lists each file may hold, by table; a key outside these is an error naming the file.
_CLASS_LISTS = ("verbs", "clause_verbs", "infinitive_verbs", "sourceless_verbs", "deeds",
                "adjectives", "nouns")
_CONTENT_LISTS = ("object_verbs", "quotative_verbs", "causative_verbs", "declined_acts",
                  "requests", "answer_verbs", "published_things", "document_heads",
                  "light_verbs",
                  "in_source_words")
_CONTENT_TABLES = ("topic_verbs", "verb_prepositions", "phrasal_verbs")
_CITATION_LISTS = ("conversation_verbs", "topic_verbs", "commitments", "object_deeds",
                   "findings")
_KIND_LISTS = ("documents", "media", "anonymous", "groups", "offices", "people",
               "organizations", "quantifiers")
_GENDER_LISTS = ("female_names", "male_names", "female_words", "male_words")


class LexiconError(ValueError):
    """A lexicon file is missing, is not valid TOML, or does not follow the format."""


@dataclass(frozen=True)
class Lexicon:
    """Every word list the attribution rules read. Words are lower case unless noted.

    ``classes`` maps a class and a list name ("speech", "verbs") to its words; the other
    fields hold the tables of the two files under their own names.
    """

    classes: Mapping[tuple[str, str], frozenset[str]]
    content: Mapping[str, frozenset[str]]
    topic_verbs: Mapping[str, frozenset[str]]
    verb_prepositions: Mapping[str, str]
    phrasal_verbs: Mapping[str, str]
    citation: Mapping[str, frozenset[str]]
    kinds: Mapping[str, frozenset[str]]
    titles: frozenset[str] = frozenset()
    # Words in lower case that are part of a name ("bin", "de", "van").
    name_particles: frozenset[str] = frozenset()
    gender: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Canonical name by folded alias (see ``names.fold_name``); the canonical as written.
    aliases: Mapping[str, str] = field(default_factory=dict)

    def words(self, cue_class: str, kind: str) -> frozenset[str]:
        """Return the words listed under ``[classes.<cue_class>].<kind>`` (empty if none)."""
        return self.classes.get((cue_class, kind), frozenset())

    def listed(self, table: Literal["content", "citation", "kinds"], name: str
               ) -> frozenset[str]:
        """Return the words of the list ``name`` in ``table`` ("content", "causative_verbs")."""
        return getattr(self, table).get(name, frozenset())

    def every(self, kind: str) -> frozenset[str]:
        """Return the words listed under ``kind`` in every class."""
        return frozenset().union(*(words for (_, name), words in self.classes.items()
                                   if name == kind))

    @cached_property
    def reporting_verbs(self) -> frozenset[str]:
        """Verbs that are cues with any content, stance deeds included."""
        return self.every("verbs") | self.words("stance", "deeds")

    @cached_property
    def clause_verbs(self) -> frozenset[str]:
        """Verbs that are cues only with a clause (beliefs, "learn")."""
        return self.every("clause_verbs")

    @cached_property
    def infinitive_verbs(self) -> frozenset[str]:
        """Verbs that are cues only with a clause or an infinitive (wishes)."""
        return self.every("infinitive_verbs")

    @cached_property
    def sourceless_verbs(self) -> frozenset[str]:
        """Evidential verbs without a source ("appears to lead")."""
        return self.every("sourceless_verbs")

    @cached_property
    def object_verbs(self) -> frozenset[str]:
        """Verbs whose object is their content: every stance verb and deed, and the list."""
        stances = self.words("stance", "verbs") | self.words("stance", "deeds")
        return stances | self.content.get("object_verbs", frozenset())

    @cached_property
    def mental_state_verbs(self) -> frozenset[str]:
        """Verbs of a belief, wish or appearance that need a proposition."""
        return self.clause_verbs | self.infinitive_verbs | self.sourceless_verbs

    @cached_property
    def stance_adjectives(self) -> frozenset[str]:
        """Adjectives that are cues with a complement ("critical of X")."""
        return self.every("adjectives")

    @cached_property
    def stance_nouns(self) -> frozenset[str]:
        """Nouns that are cues with a holder and a complement ("her claim that X")."""
        return self.every("nouns")

    def class_of(self, lemma: str, part: Literal["verb", "adjective", "noun"]) -> CueClass:
        """Return the class that lists ``lemma`` as a verb, adjective or noun; "speech" when
        none does (phrasal verbs of speech, "made it clear")."""
        kinds = {"verb": ("verbs", "clause_verbs", "infinitive_verbs", "sourceless_verbs",
                          "deeds"),
                 "adjective": ("adjectives",), "noun": ("nouns",)}[part]
        for cue_class in CUE_CLASSES:
            if any(lemma in self.words(cue_class, kind) for kind in kinds):
                return cue_class
        return "speech"


def load_lexicon(*, cues: Path | None = None, sources: Path | None = None) -> Lexicon:
    """Return the lexicon of the TOML files ``cues`` and ``sources`` (default: the shipped
    ones, ``data/cues.toml`` and ``data/sources.toml``).

    A file whose top level says ``extends = "default"`` adds its words to the shipped
    file's. Raises LexiconError naming the file when it is missing, is not valid UTF-8
    TOML, names a class other than speech, evidential, belief, intention or stance, holds a
    table or list this format does not know, or a list that is not a list of strings.
    """
    if cues is None and sources is None:
        return _default_lexicon()
    cue_tables = _tables(cues, DEFAULT_CUES, _parse_cues)
    source_tables = _tables(sources, DEFAULT_SOURCES, _parse_sources)
    return _lexicon(cue_tables, source_tables)


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return _lexicon(_parse_cues(_read(DEFAULT_CUES), DEFAULT_CUES),
                    _parse_sources(_read(DEFAULT_SOURCES), DEFAULT_SOURCES))


def _read(path: Path) -> dict:
    return read_toml(path, error=LexiconError, what="lexicon")


_Tables = dict[str, dict[str, object]]


def _tables(path: Path | None, default: Path, parse) -> _Tables:
    if path is None:
        return parse(_read(default), default)
    path = Path(path)
    document = _read(path)
    own = parse(document, path)
    if not extends_default(document, path, error=LexiconError):
        return own
    return _merged(parse(_read(default), default), own)


def _merged(base: _Tables, extra: _Tables) -> _Tables:
    merged: _Tables = {name: dict(table) for name, table in base.items()}
    for name, table in extra.items():
        into = merged.setdefault(name, {})
        for key, value in table.items():
            # Word lists add up; a word mapped in a table ("shoot" = "back") is replaced.
            into[key] = into.get(key, frozenset()) | value if isinstance(
                value, frozenset) else value
    return merged


def _parse_cues(document: dict, path: Path) -> _Tables:
    _known(document, ("extends", "classes", "content", "citation"), path, "the top level")
    classes = _table(document, "classes", path)
    unknown = sorted(set(classes) - (set(CUE_CLASSES) - {"document"}))
    if unknown:
        raise LexiconError(f"{path}: unknown class(es) {unknown}; expected [classes.speech], "
                           "[classes.evidential], [classes.belief], [classes.intention] or "
                           "[classes.stance]")
    tables: _Tables = {}
    for cue_class, table in classes.items():
        where = f"classes.{cue_class}"
        if not isinstance(table, dict):
            raise LexiconError(f"{path}: {where} must be a table of word lists")
        _known(table, _CLASS_LISTS, path, where)
        tables[where] = {name: _words(table[name], path, f"{where}.{name}") for name in table}
    content = _table(document, "content", path)
    _known(content, _CONTENT_LISTS + _CONTENT_TABLES, path, "content")
    tables["content"] = {name: _words(content[name], path, f"content.{name}")
                         for name in content if name in _CONTENT_LISTS}
    for name in _CONTENT_TABLES:
        tables[name] = _mapping(content.get(name, {}), path, f"content.{name}")
    citation = _table(document, "citation", path)
    _known(citation, _CITATION_LISTS, path, "citation")
    tables["citation"] = {name: _words(citation[name], path, f"citation.{name}")
                          for name in citation}
    return tables


def _parse_sources(document: dict, path: Path) -> _Tables:
    _known(document, ("extends", "kinds", "names", "gender", "aliases"), path, "the top level")
    kinds = _table(document, "kinds", path)
    _known(kinds, _KIND_LISTS, path, "kinds")
    names = _table(document, "names", path)
    _known(names, ("titles", "particles"), path, "names")
    gender = _table(document, "gender", path)
    _known(gender, _GENDER_LISTS, path, "gender")
    aliases = _table(document, "aliases", path)
    return {
        "kinds": {name: _words(kinds[name], path, f"kinds.{name}") for name in kinds},
        "names": {"titles": _words(names.get("titles", []), path, "names.titles"),
                  "particles": _words(names.get("particles", []), path, "names.particles")},
        # Given names keep their case: they are matched against names as written.
        "gender": {name: _words(gender[name], path, f"gender.{name}",
                                lower=not name.endswith("_names")) for name in gender},
        "aliases": {canonical: _words(others, path, f"aliases.{canonical!r}", lower=False)
                    for canonical, others in aliases.items()},
    }


def fold_name(name: str) -> str:
    """Return ``name`` as aliases are matched: lower case, without accents, a leading
    "the", a possessive "'s" or runs of spaces ("The  Department's" -> "department")."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.replace("’", "'"))
                     if not unicodedata.combining(c)).lower()
    words = folded.split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return " ".join(words)


def _lexicon(cue_tables: _Tables, source_tables: _Tables) -> Lexicon:
    classes = {(where.split(".", 1)[1], name): words
               for where, table in cue_tables.items() if where.startswith("classes.")
               for name, words in table.items()}
    aliases: dict[str, str] = {}
    for canonical, others in source_tables.get("aliases", {}).items():
        for alias in (canonical, *others):
            aliases[fold_name(alias)] = canonical
    return Lexicon(
        classes=MappingProxyType(classes),
        content=MappingProxyType(dict(cue_tables.get("content", {}))),
        topic_verbs=MappingProxyType({verb: frozenset(preps) if isinstance(preps, tuple)
                                      else frozenset([preps])
                                      for verb, preps in cue_tables.get("topic_verbs",
                                                                        {}).items()}),
        verb_prepositions=MappingProxyType(dict(cue_tables.get("verb_prepositions", {}))),
        phrasal_verbs=MappingProxyType(dict(cue_tables.get("phrasal_verbs", {}))),
        citation=MappingProxyType(dict(cue_tables.get("citation", {}))),
        kinds=MappingProxyType(dict(source_tables.get("kinds", {}))),
        titles=source_tables.get("names", {}).get("titles", frozenset()),
        name_particles=source_tables.get("names", {}).get("particles", frozenset()),
        gender=MappingProxyType(dict(source_tables.get("gender", {}))),
        aliases=MappingProxyType(aliases),
    )


def _known(table: dict, keys: tuple[str, ...], path: Path, where: str) -> None:
    unknown = sorted(set(table) - set(keys))
    if unknown:
        raise LexiconError(f"{path}: unknown key(s) {unknown} in {where}; expected any of "
                           f"{', '.join(keys)}")


def _table(document: dict, name: str, path: Path) -> dict:
    table = document.get(name, {})
    if not isinstance(table, dict):
        raise LexiconError(f"{path}: '{name}' must be a table")
    return table


def _words(value: object, path: Path, where: str, *, lower: bool = True) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LexiconError(f"{path}: {where} must be a list of strings, got {value!r}")
    return frozenset((item.strip().lower() if lower else item.strip())
                     for item in value if item.strip())


def _mapping(value: object, path: Path, where: str) -> dict[str, tuple[str, ...] | str]:
    """Return a table of a word to a word ("shoot" = "back") or to a list of words."""
    if not isinstance(value, dict):
        raise LexiconError(f"{path}: {where} must be a table such as {{ word = \"particle\" }}")
    mapping: dict[str, tuple[str, ...] | str] = {}
    for key, item in value.items():
        if isinstance(item, str):
            mapping[key.lower()] = item.lower()
        elif isinstance(item, list) and all(isinstance(word, str) for word in item):
            mapping[key.lower()] = tuple(word.lower() for word in item)
        else:
            raise LexiconError(f"{path}: {where}.{key} must be a word or a list of words")
    return mapping
