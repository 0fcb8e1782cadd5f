"""Concepts: the codebook terms a figure offers (its governing verb and counted noun), and
whether the text is on the concept's subject.

A concept from the codebook is dropped, by the first rule of ``CONTEXT_RULES`` that
applies: an age ("Elizabeth Burton, 32, was arrested" counts no arrest), a span of time
("detained for three years" counts no detention), a sentence on another matter (the
subject's ``unless`` words: "two TD passes", "a $3 billion buyout"), or a text not on the
concept's subject (no migration word in the sentence or the article: "stopped 30 shots"
in a hockey report is no vaccine dose), or a generic thing counted ("people", "loan")
with no word of the subject in its sentence or the one before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from analysis.codebook import Codebook
from analysis.figures.unit_table import TIME

_AGE_UNITS = {"years old", "months old", "weeks old", "days old"}


@dataclass
class TextContext:
    """The lower-cased text of a document and of its sentences, read once when asked."""

    doc: Doc
    _article: str | None = None
    _sentences: dict[int, str] = field(default_factory=dict)

    def article(self) -> str:
        """The whole document, lower-cased."""
        if self._article is None:
            self._article = self.doc.text.lower()
        return self._article

    def sentence(self, i: int) -> str:
        """The sentence of token ``i``, lower-cased."""
        span = self.doc[i].sent if self.doc.has_annotation("SENT_START") else self.doc[:]
        if span.start not in self._sentences:
            self._sentences[span.start] = span.text.lower()
        return self._sentences[span.start]

    def sentence_before(self, i: int) -> str:
        """The sentence before the one of token ``i``, lower-cased ("" for the first)."""
        if not self.doc.has_annotation("SENT_START"):
            return ""
        start = self.doc[i].sent.start
        return self.sentence(start - 1) if start > 0 else ""


@dataclass(frozen=True, slots=True)
class ConceptQuery:
    """A figure's concept from the codebook and what decides whether it applies."""

    concept: str
    unit: str
    token: int
    codebook: Codebook
    context: TextContext
    dimension: str = ""
    generic: bool = False  # the concept comes from a generic object ("people")


def concept_in_context(query: ConceptQuery) -> tuple[str, str]:
    """Return (concept, "") when ``query.concept`` applies to its text, else ("", the name
    of the context rule that drops it)."""
    if not query.concept:
        return "", ""
    for name, drops in CONTEXT_RULES:
        if drops(query):
            return "", name
    return query.concept, ""


def _is_age(query: ConceptQuery) -> bool:
    """A person's age is no count of anything: "Burton, 32, was arrested"."""
    return query.unit in _AGE_UNITS


def _is_duration(query: ConceptQuery) -> bool:
    """A span of time counts nothing: "detained for three years" is no count of detentions,
    "a 30-day detention" none either."""
    return query.dimension == TIME


def _is_on_other_matter(query: ConceptQuery) -> bool:
    """The sentence speaks of a game or a company deal (the subject's ``unless`` words)."""
    subject = query.codebook.subject_of(query.concept)
    veto = subject.veto if subject is not None else None
    return veto is not None and veto.search(query.context.sentence(query.token)) is not None


def _is_off_subject(query: ConceptQuery) -> bool:
    """Neither the sentence nor the article says a word of the concept's subject."""
    subject = query.codebook.subject_of(query.concept)
    pattern = subject.pattern if subject is not None else None
    if pattern is None:
        return False
    context = query.context
    if pattern.search(context.sentence(query.token)) is not None:
        return False
    return pattern.search(context.article()) is None


def _is_generic_far_from_subject(query: ConceptQuery) -> bool:
    """A generic object ("13 million people", "$2 billion investment") counts for the
    concept only where its sentence or the one before it speaks of the subject: a word of
    it somewhere else in the article does not make an election's voters migrants."""
    subject = query.codebook.subject_of(query.concept)
    pattern = subject.pattern if subject is not None else None
    if not query.generic or pattern is None:
        return False
    context = query.context
    return not any(pattern.search(text) for text in (
        context.sentence(query.token), context.sentence_before(query.token)))


CONTEXT_RULES: list[tuple[str, Callable[[ConceptQuery], bool]]] = [
    ("age_has_no_concept", _is_age),
    ("duration_has_no_concept", _is_duration),
    ("other_matter", _is_on_other_matter),
    ("off_subject", _is_off_subject),
    ("generic_far_from_subject", _is_generic_far_from_subject),
]


def governing_word(phrase: Token) -> Token | None:
    """The verb or noun that governs the figure phrase ("accept" in "accept back 30,000")."""
    if phrase.dep_ == "pobj" and phrase.head.dep_ == "prep":
        return phrase.head.head
    if (
        phrase.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative")
        and phrase.head != phrase
    ):
        return phrase.head
    return None


def governors(phrase: Token, noun: Token | None) -> list[Token]:
    """The verb or noun governing the figure phrase ("accept" in "accept back 30,000"), then
    verbs that modify the counted noun ("deported" in "500 migrants deported last week")."""
    governor = governing_word(phrase)
    modifiers = [child for child in noun.children if child.dep_ == "acl"] if noun else []
    return [*([governor] if governor is not None else []), *modifiers]


def governor_terms(governor: Token, phrase: Token) -> list[str]:
    """Candidate codebook terms for a governor, the most specific first."""
    lemma = governor.lemma_.lower()
    terms = []
    for child in governor.children:
        if child.dep_ in ("prt", "advmod") and child.lower_ in ("back", "in", "out", "away"):
            terms.append(f"{lemma} {child.lower_}")
        elif child.dep_ == "dobj" and child != phrase:
            terms.append(f"{lemma} {child.lemma_.lower()}")
        elif child.dep_ == "prep":
            terms.extend(
                f"{lemma} {child.lower_} {pobj.lemma_.lower()}"
                for pobj in child.children
                if pobj.dep_ == "pobj"
            )
    return [*terms, lemma, governor.lower_]


def object_terms(noun: Token, lemma: str) -> list[str]:
    """Candidate codebook terms for the counted noun: with its modifiers first, then alone."""
    modifiers = []
    for child in reversed(list(noun.lefts)):
        if child.dep_ not in ("compound", "amod") or child.i != noun.i - len(modifiers) - 1:
            break
        modifiers.insert(0, child)
    terms = []
    for begin in range(len(modifiers)):
        words = modifiers[begin:]
        terms.append(" ".join([*(word.lemma_.lower() for word in words), lemma]))
        terms.append(" ".join([*(word.lower_ for word in words), noun.lower_]))
    return [*terms, lemma, noun.lower_]


