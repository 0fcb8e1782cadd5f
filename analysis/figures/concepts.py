"""Concepts: the codebook terms a figure offers, from its governing verb and counted noun."""

from __future__ import annotations

from spacy.tokens import Token


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


