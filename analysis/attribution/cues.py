"""Cues: the words that attribute, found by named rules over the tokens outside quotations.

Each rule is a function of a token and the lexicon that returns a Cue or None; ``CUE_RULES``
lists them in order and the first that matches a token wins, its name going on the row
(``rule``). The rules and what they cover:

- ``according_to``: "according to X" (the source is the object of "to");
- ``in_source``: "In a CNN poll, X", "in her words, X";
- ``headline_colon``: a name opening a paragraph with a colon ("John McCain: X");
- ``closing_colon``: a paragraph ending "...:" before a quoted paragraph, with no reporting
  verb of its own ("He then listed the qualities:\\n\\n“X”");
- ``reportedly``: "The firm reportedly paid a fine" (no source);
- ``stance_adjective``: a stance adjective with a complement ("has been critical of X", "was
  sure X would win");
- ``stance_noun``: a stance noun with a holder and a complement ("the mayor's criticism of
  X", "attacks on X by Y", "raised questions about X");
- ``reporting_verb``: a verb of speech, finding, stance or commitment, or of belief and wish
  with a proposition; not a verb of speech used as a plain action ("released 200
  migrants"), a participle on a noun that does not speak, or a passive forecast ("is
  expected to"); "declined (refused) to comment" and "did not respond to a request for
  comment" are cues without content;
- ``made_clear``: "made (it) clear that X".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from analysis.attribution.lexicons import Lexicon
from analysis.attribution.quotes import (
    CLOSING_MARKS,
    OPENING_MARKS,
    STRAIGHT_MARKS,
    Quotation,
    unquoted_tokens,
)
from analysis.attribution.spans import CORE_PUNCTUATION, doc_text, paragraph
from analysis.attribution.speakers import own_speaker, speaker_of
from analysis.attribution.verbs import (
    INFINITIVE_DEPS,
    as_put_it,
    is_evidential,
    is_open_question,
    is_passive,
    is_plain_action,
    is_reporting_verb,
    is_that,
    phrasal_particle,
    speaking_participle,
    verb_lemma,
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found on the parse: its character range, the word it hangs on (``anchor``),
    the head of its speaker, and what its rule read at the cue."""

    start: int
    end: int
    anchor: Token
    speaker: Token | None
    according_to: bool
    rule: str = "reporting_verb"
    declined: bool = False
    colon: bool = False
    speaker_tokens: tuple[Token, ...] = ()
    # What an adjective or noun cue attributes, read at the cue ("critical of X").
    content_tokens: tuple[Token, ...] = ()


CueRule = Callable[[Token, Lexicon], "Cue | None"]


def find_cues(doc: Doc, quotations: Sequence[Quotation], lexicon: Lexicon) -> Iterator[Cue]:
    """Yield the cue of every token outside quotations that a rule of ``CUE_RULES`` finds;
    a cue inside a quotation belongs to the quoted speaker."""
    for token in unquoted_tokens(doc, quotations):
        for _, rule in CUE_RULES:
            cue = rule(token, lexicon)
            if cue is not None:
                yield cue
                break


_NAME_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "POS", "HYPH"})


def _colon_cue(colon: Token, lexicon: Lexicon) -> Cue | None:
    """Return the cue of a name opening a paragraph with a colon ("John McCain: X")."""
    text = doc_text(colon.doc)
    start, end = paragraph(text, colon.idx)
    if not text[colon.idx + 1:end].strip():
        return _closing_colon_cue(colon, end, lexicon)
    name = [t for t in colon.doc[max(0, colon.i - 6):colon.i] if t.idx >= start]
    if not name or name[0].idx != start or colon.i + 1 >= len(colon.doc):
        return None
    if not all(t.tag_ in _NAME_TAGS or t.text == "." for t in name):
        return None
    named = any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in name)
    # In the headline, a short capitalized name is enough ("Poll: X", "Issa: X").
    headline = start == 0 and len(name) <= 3 and name[0].text[:1].isupper()
    if not named and not headline:
        return None
    if not text[colon.idx + 1:end].strip(CORE_PUNCTUATION):
        return None
    head = max(name, key=lambda t: t.i if t.tag_ != "POS" else -1)
    return Cue(colon.idx, colon.idx + 1, colon, head, according_to=False, colon=True,
               rule="headline_colon", speaker_tokens=tuple(name))


def _closing_colon_cue(colon: Token, paragraph_end: int, lexicon: Lexicon) -> Cue | None:
    """Return the cue of a paragraph ending "...:" before a quoted paragraph, where no
    reporting verb introduces the quotation ("He then listed the qualities:\n\n“X”")."""
    text = doc_text(colon.doc)
    following = text[paragraph_end:].lstrip()
    if not following or not (following[0] in OPENING_MARKS + '"' or following[:2] == "''"):
        return None
    # The next paragraph is a quotation and nothing else ("“X,” she said" has its own cue).
    quoted = following.split("\n", 1)[0].rstrip()
    if not quoted or quoted[-1] not in CLOSING_MARKS + STRAIGHT_MARKS:
        return None
    start = paragraph(text, colon.idx)[0]
    clause = [t for t in colon.sent if start <= t.idx < colon.idx]
    if any(is_reporting_verb(t, lexicon) for t in clause):
        return None
    subjects = [t for t in clause if t.dep_ == "nsubj"]
    return Cue(colon.idx, colon.idx + 1, colon, subjects[0] if subjects else None,
               rule="closing_colon", according_to=False, colon=True)


def _according_to_cue(token: Token) -> Cue | None:
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is None or following.lower_ != "to":
        return None
    objects = [t for t in token.subtree if t.dep_ == "pobj" and t.head.lower_ == "to"]
    if not objects:
        return None
    end = following.idx + len(following.text)
    return Cue(token.idx, end, token, objects[0], according_to=True, rule="according_to")


def _in_source_cue(token: Token, lexicon: Lexicon) -> Cue | None:
    """Return the cue of "In a CNN poll, X" or "in her words, X": a phrase on the clause,
    not on a noun ("voters in a CNN poll said X" is cited by "said")."""
    if token.dep_ != "prep" or is_reporting_verb(token.head, lexicon) or token.head.pos_ in (
            "NOUN", "PROPN", "PRON", "NUM"):
        return None
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if not objects or objects[0].lower_ not in lexicon.listed("content", "in_source_words"):
        return None
    noun = objects[0]
    if noun.lower_ == "words":
        # "in his words", not "in other words".
        if not any(c.dep_ == "poss" for c in noun.children):
            return None
    elif not any(c.dep_ in ("det", "poss") for c in noun.children) or not (
        token.i < token.head.i or any(c.pos_ == "PROPN" for c in noun.lefts)
    ):
        # "In a CNN poll, X" or "X leads in a CNN poll", not "X slid in the polls".
        return None
    return Cue(token.idx, token.idx + len(token.text), token, objects[0], according_to=True,
               rule="in_source")


# Prepositions that carry what a stance adjective or noun is about.
_ABOUT_PREPOSITIONS = frozenset({"of", "about", "with", "in", "over", "on", "for", "against", "to"})


def _made_clear_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """Return the cue of "made (it) clear that X": a statement, whose content is X."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "make":
        return None
    clear = [c for c in verb.children if c.lower_ == "clear" and c.pos_ == "ADJ"]
    if not clear:
        return None
    content = [t for t in verb.subtree if t.i > clear[0].i and t.dep_ != "punct"
               and not (t.lower_ == "that" and t.dep_ == "mark" and t.i == clear[0].i + 1)]
    if not content:
        return None
    return Cue(verb.idx, clear[0].idx + len(clear[0].text), verb, speaker_of(verb, lexicon),
               rule="made_clear", according_to=False, content_tokens=tuple(content))


def _reportedly_cue(adverb: Token) -> Cue | None:
    """Return the cue of "reportedly": the clause it qualifies is attributed to nobody
    in particular ("The firm reportedly paid a fine")."""
    clause = adverb.head
    if adverb.dep_ != "advmod" or clause.i == adverb.i:
        return None
    content = [t for t in clause.subtree
               if t.i != adverb.i and not (t.is_punct and t.head.i == clause.i)]
    return Cue(adverb.idx, adverb.idx + len(adverb.text), adverb, None, according_to=False,
               rule="reportedly", content_tokens=tuple(content))


def _adjective_cue(adjective: Token, lexicon: Lexicon) -> Cue | None:
    """Return the cue of a stance adjective predicated of a subject with a complement:
    "Graham has been critical of the plan", "she was sure the mayor would win"."""
    if adjective.lemma_.lower() not in lexicon.stance_adjectives or adjective.dep_ != "acomp":
        return None
    content = _adjective_complement(adjective)
    if not content:
        return None
    link = adjective.head
    subjects = [c for c in link.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    first = _verb_group_start(link)
    last = _content_preposition(adjective, content) or adjective
    return Cue(first.idx, last.idx + len(last.text), adjective, subjects[0],
               rule="stance_adjective", according_to=False, content_tokens=tuple(content))


def _adjective_complement(adjective: Token) -> list[Token]:
    """Return the clause, infinitive or prepositional object of a stance adjective."""
    for child in adjective.children:
        if child.dep_ in INFINITIVE_DEPS and not is_open_question(child):
            return [t for t in child.subtree if not is_that(t, child)]
    # "critical of X" is a stance, "critical to X" an importance; "opposed to X" a stance.
    about = _ABOUT_PREPOSITIONS if adjective.lemma_.lower() == "opposed" else (
        _ABOUT_PREPOSITIONS - {"to"})
    return _prepositional_object(adjective, about)


def _content_preposition(word: Token, content: Sequence[Token]) -> Token | None:
    """Return the preposition of ``word`` that introduces ``content`` ("critical of")."""
    inside = {t.i for t in content}
    for token in content:
        if token.head.i not in inside:
            preposition = token.head
            if preposition.dep_ == "prep" and preposition.head.i == word.i:
                return preposition
    return None


def _verb_group_start(verb: Token) -> Token:
    """Return the first word of ``verb`` with its auxiliaries and negation ("has not been")."""
    return min([verb, *(c for c in verb.children if c.dep_ in ("aux", "neg"))],
               key=lambda t: t.i)


def _prepositional_object(
    word: Token, prepositions: frozenset[str] = _ABOUT_PREPOSITIONS
) -> list[Token]:
    """Return what ``word`` is about: the object of "of X", "about X" ..., not a time
    ("remarks on Tuesday")."""
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")
                       and c.ent_type_ not in ("DATE", "TIME")]
            if objects:
                return list(objects[0].subtree)
    return []


def _noun_cue(noun: Token, lexicon: Lexicon) -> Cue | None:
    """Return the cue of a stance noun with a holder and a complement."""
    if noun.lemma_.lower() not in lexicon.stance_nouns:
        return None
    content = _noun_complement(noun)
    if not content:
        return None
    first, holder = noun, _noun_holder(noun)
    verb = noun.head
    light = lexicon.listed("content", "light_verbs")
    if holder is None and noun.dep_ == "dobj" and verb_lemma(verb) in light:
        # "Graham raised questions about X": the subject of the light verb holds them.
        own = own_speaker(verb)
        holder = own if isinstance(own, Token) else None
        first = _verb_group_start(verb)
    if holder is None or (is_reporting_verb(verb, lexicon) and noun.dep_ == "dobj"):
        return None
    last = _content_preposition(noun, content) or noun
    return Cue(first.idx, last.idx + len(last.text), noun, holder, according_to=False,
               rule="stance_noun", content_tokens=tuple(content))


def _noun_holder(noun: Token) -> Token | None:
    """Return the possessor of a stance noun or the object of its "from"/"by" phrase."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _noun_complement(noun: Token) -> list[Token]:
    """Return the clause, infinitive or prepositional object of a stance noun."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.pos_ in ("VERB", "AUX") and (
            any(is_that(t, child) for t in child.children)
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return [t for t in child.subtree if not is_that(t, child)]
    return _prepositional_object(noun, _ABOUT_PREPOSITIONS - {"in"})


def _verb_cue(token: Token, lexicon: Lexicon) -> Cue | None:
    """Return the cue of a reporting verb with its particle, or of a statement withheld."""
    if (not is_reporting_verb(token, lexicon) or token.dep_ == "amod"
            or is_plain_action(token, lexicon)):
        return None
    if token.dep_ == "acl" and not speaking_participle(token):
        return None
    # "is expected to announce the plan" reports an event, not a statement; "refused to say"
    # is one cue, found at "refused".
    if token.dep_ == "xcomp" and (is_passive(token.head) or is_reporting_verb(token.head, lexicon)):
        return None
    if token.lemma_ == "expect" and is_passive(token) and not any(
        c.dep_ == "agent" for c in token.children
    ):
        # "is expected to announce" forecasts an event; "analysts expect X" is a belief.
        return None
    last = token
    withheld = _withheld_statement(token, lexicon)
    declined = withheld is not None
    if declined:
        last = withheld
    elif token.lemma_ == "decline":
        return None
    elif token.lemma_ == "point":
        particles = [c for c in token.children if (c.dep_ == "prt" and c.lower_ == "out")
                     or (c.dep_ == "prep" and c.lower_ == "to")]
        if not particles:
            return None
        last = particles[0]
    elif token.lemma_ == "put":
        last = as_put_it(token) or token
    elif (particle := phrasal_particle(token, lexicon)) is not None:
        last = particle
    end = last.idx + len(last.text)
    speaker = None if is_evidential(token, lexicon) else speaker_of(token, lexicon)
    question = _declined_question(last) if declined else ()
    return Cue(token.idx, end, token, speaker, according_to=False, declined=declined,
                content_tokens=question)


def _declined_to_comment(token: Token, lexicon: Lexicon) -> Token | None:
    """Return the act of speech declined ("declined to comment", "declined to speak",
    "declined to endorse him"), a statement withheld."""
    for child in token.children:
        if child.dep_ == "xcomp" and (
                child.lemma_.lower() in lexicon.listed("content", "declined_acts")
                or verb_lemma(child) in lexicon.reporting_verbs):
            return child
    return None


def _withheld_statement(verb: Token, lexicon: Lexicon) -> Token | None:
    """Return the last word of a statement ``verb`` withholds: "comment" of "declined (or
    refused) to comment", "comment" of "did not respond to a request for comment"."""
    lemma = verb.lemma_.lower()
    if lemma in ("decline", "refuse"):
        return _declined_to_comment(verb, lexicon)
    answers, asked = (lexicon.listed("content", "answer_verbs"),
                      lexicon.listed("content", "requests"))
    if lemma not in answers or not any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(c.dep_ == "nsubjpass" and c.lemma_.lower() in asked for c in verb.children):
        return verb  # "a request for comment was not answered"
    requests = [t for t in verb.subtree if t.i > verb.i and t.dep_ in ("dobj", "pobj")
                and t.lemma_.lower() in asked and t.head in (verb, *verb.children)]
    return max(requests[0].subtree, key=lambda t: t.i) if requests else None


def _declined_question(act: Token) -> tuple[Token, ...]:
    """Return the question left unanswered in "declined to say whether X", if any."""
    return tuple(t for child in act.children if child.dep_ == "ccomp"
                 for t in child.subtree)


def _reportedly_rule(token: Token, lexicon: Lexicon) -> Cue | None:
    return _reportedly_cue(token) if token.lower_ == "reportedly" else None


def _colon_rule(token: Token, lexicon: Lexicon) -> Cue | None:
    return _colon_cue(token, lexicon) if token.text == ":" else None


def _according_to_rule(token: Token, lexicon: Lexicon) -> Cue | None:
    return _according_to_cue(token) if token.lower_ == "according" else None


def _in_source_rule(token: Token, lexicon: Lexicon) -> Cue | None:
    return _in_source_cue(token, lexicon) if token.lower_ == "in" else None


def _adjective_rule(token: Token, lexicon: Lexicon) -> Cue | None:
    return _adjective_cue(token, lexicon) if token.pos_ == "ADJ" else None


def _noun_rule(token: Token, lexicon: Lexicon) -> Cue | None:
    return _noun_cue(token, lexicon) if token.pos_ == "NOUN" else None


# The cue rules in order: the first that finds a cue at a token wins. A colon rule names
# itself headline_colon or closing_colon on the cue.
CUE_RULES: tuple[tuple[str, CueRule], ...] = (
    ("according_to", _according_to_rule),
    ("in_source", _in_source_rule),
    ("colon", _colon_rule),
    ("reportedly", _reportedly_rule),
    ("stance_adjective", _adjective_rule),
    ("stance_noun", _noun_rule),
    ("reporting_verb", _verb_cue),
    ("made_clear", _made_clear_cue),
)
