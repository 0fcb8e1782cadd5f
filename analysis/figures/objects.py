"""The counted thing: the noun a figure counts, its lemma and its phrase."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.codebook import Codebook
from analysis.figures.lexicon import (
    LEADING_AMOUNT,
    ONE_WORDS,
    RATE_DETERMINERS,
    RATE_NOUNS,
    TIME_DEICTICS,
    TIME_NOUNS,
    TOTAL_NOUNS,
    TOTAL_VERBS,
    WHEN_NOUNS,
    words,
)
from analysis.figures.records import Figure, Run


def _anchor(doc: Doc, run: Run) -> Token:
    """The unit word if there is one ("%", "dollars"), else the number's syntactic root."""
    if run.unit_token >= 0:
        return doc[run.unit_token]
    roots = [doc[i] for i in range(run.start, run.end) if not run.start <= doc[i].head.i < run.end]
    return roots[-1] if roots else doc[run.end - 1]


def counted_noun(doc: Doc, run: Run) -> Token | None:
    """Return the noun the number counts: its head ("30,000 migrants"), the complement of a
    unit or multiplier ("$4 billion in aid", "10% of the total", "half of the migrants"),
    the subject of a total ("the number of migrants reached 30,000"), or the noun right
    after the number when the parse attached it elsewhere."""
    anchor = _anchor(doc, run)
    noun = (
        _time_modifier_after(doc, run)
        or _modified_noun(anchor)
        or _noun_before_or(doc, run)
        or _of_complement(anchor)
        or _subject_of_total(anchor)
        or (_noun_after(doc, run.suffix_end) if run.unit_token < 0 else None)
    )
    # The figure's own unit ("hr" in "300km/hr") is not the thing counted.
    if noun is not None and run.start <= noun.i < run.suffix_end:
        return None
    return None if noun is not None and _is_time_adverbial(noun, run) else noun


def _is_time_adverbial(noun: Token, run: Run) -> bool:
    """"4.2 last year", "5% this month", "36 last season": a singular time noun with "last",
    "next" or "this" after a number other than one tells when, it is not counted."""
    if noun.tag_ != "NN" or noun.lemma_.lower() not in WHEN_NOUNS or run.value == 1:
        return False
    return any(
        child.lower_ in TIME_DEICTICS and run.end <= child.i < noun.i for child in noun.children
    )


def _time_modifier_after(doc: Doc, run: Run) -> Token | None:
    """A unit of time between the number and a noun is what it counts: "a 10 minute walk",
    "a 9.8 second sprint" (the parser may read "second" as an ordinal)."""
    i = run.suffix_end
    if run.unit_token >= 0 or i + 1 >= len(doc) or doc[i].lemma_.lower() not in TIME_NOUNS:
        return None
    word = doc[i]
    if doc[i + 1].text in ("-", "‐") or word.head.i <= i or word.dep_ not in MODIFIER_DEPS:
        return None
    return word


def _noun_before_or(doc: Doc, run: Run) -> Token | None:
    """"another pick or two", "a drink or three": the noun before "or" is counted."""
    i = run.prefix_start
    if run.unit or i < 3 or doc[i - 1].lower_ != "or" or doc[i - 3].lower_ not in ONE_WORDS:
        return None
    noun = doc[i - 2]
    return noun if noun.tag_ == "NN" and _is_noun(noun) else None


def _modified_noun(anchor: Token) -> Token | None:
    head = anchor.head
    modifier = anchor.dep_ in ("nummod", "quantmod", "compound", "predet", "amod", "nmod")
    if not modifier or head.i <= anchor.i or not _is_noun(head):
        return None
    if is_rate_expression(head) and not _is_counted_period(anchor, head):
        return None
    while head.dep_ == "compound" and head.head.i > head.i and _is_noun(head.head):
        head = head.head
    return head


def _is_counted_period(number: Token, noun: Token) -> bool:
    """"every 76 years": the number counts the period; "a month" alone is a rate."""
    return number.dep_ == "nummod" and any(
        child.lower_ in ("every", "each") and child.i < number.i for child in noun.children
    )


def _noun_after(doc: Doc, i: int) -> Token | None:
    while i < len(doc) and doc[i].dep_ in ("compound", "amod") and doc[i].head.i > i:
        i += 1
    if i < len(doc) and doc[i].pos_ == "NOUN" and _is_noun(doc[i]) and not doc[i].is_sent_start:
        return None if is_rate_expression(doc[i]) else doc[i]
    return None


def _is_noun(token: Token) -> bool:
    # A sign or another figure tagged as a noun ("500 +0.3%") is not a counted thing.
    if not any(char.isalpha() for char in token.text) or LEADING_AMOUNT.match(token.text):
        return False
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.ent_type_ == "NORP")


def is_rate_expression(token: Token) -> bool:
    return token.lemma_.lower() in RATE_NOUNS and any(
        child.lower_ in RATE_DETERMINERS for child in token.children
    )


def _of_complement(anchor: Token) -> Token | None:
    """The noun after "of" or "in": "10% of the total", "$4 billion in aid". "In" counts a
    bare noun only: "$4 billion in the red" says where the money stands, and never after a
    unit of time: "three years in prison" says where the time was spent."""
    prepositions = ("of",) if anchor.lemma_.lower() in TIME_NOUNS else ("of", "in")
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in prepositions and child.i > anchor.i:
            objects = [
                grand for grand in child.children
                if grand.dep_ == "pobj" and _is_noun(grand)
                and not (child.lower_ == "in" and _has_determiner(grand))
            ]
            if objects:
                return objects[0]
    return None


def _has_determiner(noun: Token) -> bool:
    return any(child.dep_ in ("det", "poss") for child in noun.children)


def _subject_of_total(anchor: Token) -> Token | None:
    """The subject of a total: "the number of migrants reached 30,000" -> migrants."""
    verb = anchor.head
    if anchor.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("at", "to", "from", "by"):
        verb = verb.head
    elif anchor.dep_ not in ("dobj", "attr"):
        return None
    if verb.lemma_.lower() not in TOTAL_VERBS:
        return None
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not _is_noun(subjects[0]):
        return None
    subject = subjects[0]
    if subject.lemma_.lower() in TOTAL_NOUNS:
        return _of_complement(subject)
    return subject


def phrase_head(doc: Doc, run: Run, noun: Token | None) -> Token:
    """The token that stands for the whole figure phrase in its clause."""
    anchor = _anchor(doc, run)
    if noun is not None and noun.i > anchor.i and noun.is_ancestor(anchor):
        anchor = noun
    while anchor.dep_ in ("conj", "appos") and anchor.head != anchor:
        anchor = anchor.head
    return anchor




MODIFIER_DEPS = {"amod", "compound", "nmod"}
_PHRASE_SKIPPED_DEPS = {"det", "cc", "poss", "case", "predet", "nummod", "quantmod", "advmod"}
# Adjectives that place the counted things in time or a sequence rather than say what they
# are: "the 20 previous years", "5 other flights".
_PHRASE_SKIPPED_WORDS = set(words("previous last next past other same such"))


def object_phrase(noun: Token, figure: Figure) -> str:
    """The counted noun's lemma (``figure.object``) after the adjective and compound
    modifiers written between the number and the noun, lemmatised and lower-cased; words
    written joined ("long-haul") stay joined. Participles ("abandoned cars") are left out."""
    words = sorted(
        (
            token
            for child in noun.lefts
            if child.dep_ in MODIFIER_DEPS and child.idx >= figure.end
            for token in child.subtree
            if _is_phrase_word(token, figure)
        ),
        key=lambda token: token.i,
    )
    # A number in the name of the counted thing: "three new 787 Dreamliner planes".
    words = sorted(
        [*words, *(child for child in noun.lefts if _is_name_number(child, figure))],
        key=lambda token: token.i,
    )
    phrase = ""
    for token in words:
        phrase += token.lemma_.lower() + (" " if token.whitespace_ else "")
    return f"{phrase.rstrip()} {figure.object}".strip() if phrase.strip() else figure.object


def _is_name_number(token: Token, figure: Figure) -> bool:
    return token.dep_ == "nummod" and token.idx >= figure.end and token.text.isdigit()


def _is_phrase_word(token: Token, figure: Figure) -> bool:
    if token.idx < figure.end or token.dep_ in _PHRASE_SKIPPED_DEPS:
        return False
    if token.tag_ in ("VBG", "VBN") or token.lower_ in _PHRASE_SKIPPED_WORDS:
        return False
    return token.is_alpha or (token.text in ("-", "‐") and not token.whitespace_)


def object_lemma(noun: Token, codebook: Codebook) -> str:
    """The noun's lemma, corrected by the codebook where the lemmatizer errs ("doses" -> "dos")."""
    lemma = noun.lemma_.lower()
    lower = noun.lower_
    if lower[-1:] in ("-", "–", "—"):
        # A dash glued to the noun ("miles-") is punctuation the lemmatizer kept.
        lower = lower.rstrip("-–—")
        lemma = _plain_singular(lower) if noun.tag_ in ("NNS", "NNPS") else lower
    if lemma in codebook.objects or noun.tag_ not in ("NNS", "NNPS"):
        return lemma
    for singular in (lower[:-1], lower[:-2]):
        if lower.endswith("s") and singular in codebook.objects:
            return singular
    return lemma


def _plain_singular(word: str) -> str:
    """A regular English singular, for words the lemmatizer did not see cleanly."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word

