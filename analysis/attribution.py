"""Who an article cites, how, and for which side: cue, source and content on the spaCy parse.

An attribution has a *cue* (a reporting verb such as "said", "told", "noted", or the phrase
"according to"), a *source* (the noun phrase of whoever speaks) and a *content* (what is
attributed). The extractor reads all three from the dependency parse:

- the source is the subject of the reporting verb (climbing through coordinated and
  subordinate verbs: "declined to comment, but noted that ...", "adding that ...", and
  from a gerund to the verb whose object it completes: "made a point of praising X"; the
  object of a causative verb speaks for its infinitive: "led the mayor to warn X"), the
  agent of a passive ("NBC News was informed by a senior administration official"), or the
  object of "according to"; its span is the head noun phrase without appositive or
  relative clauses ("Roberto Velasco, director general ..., said" -> "Roberto Velasco");
- the content is the verb's clausal complement, the quotation next to the cue
  ("“...,” said the US representative"; after "responded:" it may open the next
  paragraph), or the rest of the clause around "according to";
- beside speech, news attributes findings ("a poll shows that"), stances ("called him
  “unhinged”", "criticized X for Y", "called for X to Y") and commitments ("vowed to
  block"): for these verbs the object is the content. "As the Post reported, X" and "as
  the mayor put it, X" attribute X; "X was reported by Reuters" attributes X to Reuters;
  a headline "John McCain: X" has the colon as its cue, and so has a paragraph ending in
  a colon before a quoted paragraph;
  "In a CNN poll, X" and "in her words, X" work like "according to"; beliefs and
  commitments ("believe", "hope to", "agreed to", "analysts expect") count, a passive
  forecast ("is expected to") does not;
- where the parse hides the content: "a survey found X" and "says odd things" attribute
  the object, "the things he said" the antecedent, "the columnist writes: X" the text
  after the colon, and "X, but Y, said the mayor" (the cue hung on X) the sentence around
  the cue; after a quotation, "“X,” added a councillor" names its speaker after the verb;
  "X, said an analyst" where the parser made X a first subject of "said" attributes X;
- adjectives and nouns are cues with a complement: a stance adjective of a subject ("has
  been critical of X", "was sure X") and a stance noun with a holder ("the mayor's
  criticism of X", "attacks on X by Y", "raised questions about X"); "reportedly"
  attributes its clause to nobody, "made it clear that X" states X;
- speech acts count with a plain object ("praised the plan"), and so do phrasal verbs of
  speech ("shot back that X", "weighed in on X"); "speak" only with its topic
  ("spoke about X", not "spoke at the rally"), "cast" only with a predicate ("cast the
  plan as a giveaway", not "cast a vote"), mental states only with a proposition:
  "thinks that X", "knows Mexico will pay", "wants Mexico to pay", "wants to build a
  wall" count, "knows the area" and "wants a bridge" do not; an evidential ("Kasich
  appears to lead", "the plan seems like a long shot") has no source and attributes its
  whole clause;
- a verb of speech used as a plain action cites nobody ("released 200 migrants",
  "pushed migrants back", "maintained the policy", "migrants continue to arrive");
  "refused to comment" and "did not respond to a request for comment" are cues without
  content, like "declined to comment";
- a direct quotation runs on where it resumes and no cue claims the rest ("“A,” said
  Ebrard, “B.”", or a quotation left open at a paragraph's end into the next paragraph's);
- one citation is counted once: a cue inside another attribution's content ("told
  reporters that he believes X") or in a wish or belief describing its source ("an
  official, who wished to remain anonymous, said") is left out, like a cue inside a
  quotation;
- a subject the parser hung as an apposition on an opening phrase ("In a letter to the
  governor, Ruiz, head of the agency, wrote X") is the speaker, unless it names a place;
- a pronoun source ("he added") is replaced by the person it refers to: looking back from
  its own sentence to three before it, in the first sentence with a candidate the last
  compatible speaker wins over a person only named, and a subject over a non-subject;
  further back it stays a pronoun of unknown kind; a relative pronoun ("Barkley, who
  said") keeps its span and takes the name of its antecedent;
- the kind of source comes from its head word and named entities, the side from the
  editable gazetteer ``data/sides.toml``.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import pandas as pd
from spacy.tokens import Doc, Token

from analysis.files import extends_default, read_toml
from analysis.schema import ATTRIBUTIONS, records_frame

SourceKind = Literal[
    "named_person", "anonymous", "organization", "media_outlet", "document", "group", "unknown"
]
Side = Literal["US", "Mexico", "other", ""]
QuoteType = Literal["direct", "indirect", "mixed", "according_to"]
CountBy = Literal["article", "outlet"]

SOURCE_KINDS: tuple[SourceKind, ...] = (
    "named_person", "anonymous", "organization", "media_outlet", "document", "group", "unknown"
)
SIDES: tuple[Side, ...] = ("US", "Mexico", "other", "")
QUOTE_TYPES: tuple[QuoteType, ...] = ("direct", "indirect", "mixed", "according_to")
DEFAULT_GAZETTEER = Path(__file__).resolve().parent / "data" / "sides.toml"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One cited statement. Fields follow schema.ATTRIBUTIONS (without article_id).

    Offsets are character offsets into ``doc.text``, end exclusive;
    ``doc.text[source_start:source_end] == source_surface``. A statement without a named
    source span has ``source_start == source_end == -1`` and empty source texts; a cue
    without content ("declined to comment") has ``content_start == content_end == -1``.
    """

    cue: str
    cue_start: int
    cue_end: int
    source: str
    source_start: int
    source_end: int
    source_surface: str
    source_kind: SourceKind
    side: Side
    quote_type: QuoteType
    content: str
    content_start: int
    content_end: int


# --- the side gazetteer -------------------------------------------------------------------


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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- quotations ---------------------------------------------------------------------------

_OPENING_MARKS = "“„«"
_CLOSING_MARKS = "”»"


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int


def find_quotations(text: str) -> list[Quotation]:
    """Return the double-quoted passages of ``text`` in order.

    Straight and curly marks pair up within a paragraph; an opening curly mark typed where a
    closing one belongs (“review“) closes the quotation. Two apostrophes ('') count as a
    straight double mark, as some newspapers type them (''We are ready,'' she said). A
    quotation left open runs to the end of its paragraph, as when a quote continues into
    the next paragraph. Single quotes are not read as quotation marks: they are too often
    apostrophes.
    """
    quotations: list[Quotation] = []
    offset = 0
    for paragraph in text.split("\n"):
        quotations.extend(_paragraph_quotations(paragraph, offset))
        offset += len(paragraph) + 1
    return quotations


# A straight or curly double mark, or a run of two or more apostrophes: '' and, where a
# nested single quotation ends with the outer one, '''.
_QUOTE_MARK = re.compile("[\"“”„«»]|'{2,}")
_STRAIGHT_MARKS = "\"'"


def _paragraph_quotations(paragraph: str, offset: int) -> Iterator[Quotation]:
    opened: re.Match[str] | None = None
    for mark in _QUOTE_MARK.finditer(paragraph):
        char = mark.group()[0]
        if opened is None and char in _STRAIGHT_MARKS + _OPENING_MARKS:
            opened = mark
        elif opened is not None and char in _STRAIGHT_MARKS + _CLOSING_MARKS + "“":
            start, end = offset + opened.start(), offset + mark.end()
            yield Quotation(start, end, offset + opened.end(), offset + mark.start())
            opened = None
    if opened is not None:
        inner_start = offset + opened.end()
        end = max(offset + len(paragraph.rstrip()), inner_start)
        yield Quotation(offset + opened.start(), end, inner_start, end)


def _unquoted_tokens(doc: Doc, quotations: Sequence[Quotation]) -> Iterator[Token]:
    """Yield the tokens of ``doc`` that start inside no quotation, in one pass over both."""
    bounds = sorted((quote.start, quote.end) for quote in quotations)
    upcoming = 0
    quoted_until = -1  # quotations may nest, so keep the furthest end seen so far
    for token in doc:
        while upcoming < len(bounds) and bounds[upcoming][0] < token.idx:
            quoted_until = max(quoted_until, bounds[upcoming][1])
            upcoming += 1
        if token.idx >= quoted_until:
            yield token


# --- cues and speakers --------------------------------------------------------------------

# Reporting verbs (lemmas). Each must come with content: a clause, a quotation or, for
# the verbs in _OBJECT_VERBS, an object ("reported 10,000 crossings a day"). Beside verbs
# of speech, news attributes findings ("polls show that"), stances ("praised the plan",
# "called him a liar") and commitments ("vowed to fight"). Verbs of a mental state that as
# often take a plain thing ("support the plan", "want a bridge", "know the area") are not
# here: _BELIEF_VERBS and _VOLITION_VERBS below count only with a proposition.
_SPEECH_VERBS = _words(
    "say tell state add note report announce describe warn confirm contend acknowledge "
    "reveal claim explain insist argue assert declare write tweet deny admit concede stress "
    "emphasize emphasise predict inform reply recall complain allege caution testify point "
    "decline ask suggest respond conclude indicate estimate remark joke wonder boast assure "
    "reiterate mention promise vow pledge agree post fear worry hope show find seem remind "
    "imply comment muse quip observe retort lament proclaim recount speculate continue "
    "acknowledge disclose maintain contend hint believe expect plan seek decide answer "
    "signal shout yell chant scream email text read"
)
_STANCE_VERBS = _words(
    "call criticize criticise accuse praise endorse defend blast slam urge denounce dismiss "
    "blame reject mock tout thank cite question propose express voice decry rail condemn "
    "portray order list echo discuss refer talk oppose attack threaten refuse deride "
    "applaud hail chide scold fault ridicule lambast berate rebuke castigate pan "
    "demand recommend advocate compare nominate deem promote charge repeat quote "
    "reference highlight preach offer release issue push identify apologize remember "
    "name favor favour publish request press retweet bemoan encourage liken invoke knock "
    "congratulate balk plead outline credit assail label rebut envision brag vouch recite "
    "lash interject characterize characterise articulate allude spar rebuff reaffirm "
    "interpret forecast dub contemplate acquiesce utter repudiate dwell trumpet scoff "
    "revile pronounce posit opine mull lecture herald foresee dispute clarify reassure "
    "counter concur elaborate vote lay rule single disagree side prefer approve disapprove "
    "persuade distance detail brush attribute disavow document justify underscore resist "
    "unveil contradict broadcast rip"
)
_REPORTING_VERBS = _SPEECH_VERBS | _STANCE_VERBS
_OBJECT_VERBS = _STANCE_VERBS | _words(
    "report announce describe confirm reveal acknowledge deny admit predict warn ask "
    "promise vow pledge show mention express estimate disclose seem point hope plan seek "
    "expect view regard consider"
) | _words(
    # Speech whose object or topic is what was said: "noted the risk", "tweeted a photo",
    # "responded to the charge", "commented on the vote", "complained about the heat".
    "note write recall tweet retweet post explain declare reiterate answer emphasize "
    "emphasise stress signal suggest claim state respond comment complain boast argue "
    "worry fear remind agree"
) | _words(
    # Rarer speech verbs whose object or topic is a gold content in at least half of their
    # new uses on train: "cautioned against X", "recounted the night", "testified about X".
    "caution hint joke lament proclaim recount speculate testify email chant allege "
    "concede assert inform"
)
# Beliefs count as attributions only with a proposition, a clause: "thinks that X", "knows
# Mexico will pay"; "knows the area" or "feels tired" attributes nothing.
_BELIEF_VERBS = _words(
    "think know feel consider recognize recognise realize realise understand learn doubt "
    "suspect assume imagine figure guess sense notice discover convince view regard"
)
# Wishes and intentions count with a clause or an infinitive: "wants Mexico to pay", "would
# like to see X", "aims to cut X"; "wants a sandwich" names a thing, not a proposition.
_VOLITION_VERBS = _words("want wish intend prefer like aim")
# Evidentials: in "Kasich appears to lead", the reporter attributes the clause to nobody in
# particular; the cue has no source and the content is the whole clause.
_EVIDENTIAL_VERBS = _words("seem appear")
_INFINITIVE_DEPS = frozenset({"ccomp", "xcomp"})
# Prepositions whose object is what a stance verb is about ("criticized him for X").
_CONTENT_PREPOSITIONS = frozenset({"as", "of", "about", "for", "against", "over", "to"})
_STATEMENT_WORDS = frozenset({"that", "this", "it", "yes", "no", "otherwise", "what", "same"})
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acomp"})
_MISSING = object()


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    anchor: Token
    speaker: Token | None
    according_to: bool
    declined: bool = False
    colon: bool = False
    speaker_tokens: tuple[Token, ...] = ()
    # What an adjective or noun cue attributes, read at the cue ("critical of X").
    content_tokens: tuple[Token, ...] = ()


def _find_cues(doc: Doc, quotations: Sequence[Quotation]) -> Iterator[_Cue]:
    for token in _unquoted_tokens(doc, quotations):
        if token.lower_ == "according":
            cue = _according_to_cue(token)
        elif token.lower_ == "in":
            cue = _in_source_cue(token)
        elif token.text == ":":
            cue = _colon_cue(token)
        elif token.lower_ == "reportedly":
            cue = _reportedly_cue(token)
        elif token.pos_ == "ADJ":
            cue = _adjective_cue(token)
        elif token.pos_ == "NOUN":
            cue = _noun_cue(token)
        else:
            cue = _verb_cue(token) or _made_clear_cue(token)
        if cue is not None:
            yield cue


_NAME_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "POS", "HYPH"})


def _colon_cue(colon: Token) -> _Cue | None:
    """Return the cue of a name opening a paragraph with a colon ("John McCain: X")."""
    text = _text(colon.doc)
    start, end = _paragraph(text, colon.idx)
    if not text[colon.idx + 1:end].strip():
        return _closing_colon_cue(colon, end)
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
    if not text[colon.idx + 1:end].strip(_CORE_PUNCTUATION):
        return None
    head = max(name, key=lambda t: t.i if t.tag_ != "POS" else -1)
    return _Cue(colon.idx, colon.idx + 1, colon, head, according_to=False, colon=True,
                speaker_tokens=tuple(name))


def _closing_colon_cue(colon: Token, paragraph_end: int) -> _Cue | None:
    """Return the cue of a paragraph ending "...:" before a quoted paragraph, where no
    reporting verb introduces the quotation ("He then listed the qualities:\n\n“X”")."""
    text = _text(colon.doc)
    following = text[paragraph_end:].lstrip()
    if not following or not (following[0] in _OPENING_MARKS + '"' or following[:2] == "''"):
        return None
    # The next paragraph is a quotation and nothing else ("“X,” she said" has its own cue).
    quoted = following.split("\n", 1)[0].rstrip()
    if not quoted or quoted[-1] not in _CLOSING_MARKS + _STRAIGHT_MARKS:
        return None
    start = _paragraph(text, colon.idx)[0]
    clause = [t for t in colon.sent if start <= t.idx < colon.idx]
    if any(_is_reporting_verb(t) for t in clause):
        return None
    subjects = [t for t in clause if t.dep_ == "nsubj"]
    return _Cue(colon.idx, colon.idx + 1, colon, subjects[0] if subjects else None,
                according_to=False, colon=True)


def _according_to_cue(token: Token) -> _Cue | None:
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is None or following.lower_ != "to":
        return None
    objects = [t for t in token.subtree if t.dep_ == "pobj" and t.head.lower_ == "to"]
    if not objects:
        return None
    end = following.idx + len(following.text)
    return _Cue(token.idx, end, token, objects[0], according_to=True)


# "In a CNN poll, X" and "in her words, X" attribute X like "according to".
_IN_SOURCE_WORDS = _words("poll polls survey surveys study words view estimate estimates")


def _in_source_cue(token: Token) -> _Cue | None:
    if token.dep_ != "prep" or _is_reporting_verb(token.head):
        return None
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if not objects or objects[0].lower_ not in _IN_SOURCE_WORDS:
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
    return _Cue(token.idx, token.idx + len(token.text), token, objects[0], according_to=True)


# Stances and mental states told by an adjective: "has been critical of X", "is confident
# that X", "were willing to X". They count only with a complement, like beliefs.
_STANCE_ADJECTIVES = _words(
    "critical confident willing unwilling eager sure certain convinced concerned worried "
    "skeptical sceptical aware unaware hopeful optimistic pessimistic doubtful wary nervous "
    "angry adamant supportive opposed reluctant determined afraid fearful furious upset "
    "insistent keen anxious"
)
# Prepositions that carry what a stance adjective or noun is about.
_ABOUT_PREPOSITIONS = frozenset({"of", "about", "with", "in", "over", "on", "for", "against", "to"})


def _made_clear_cue(verb: Token) -> _Cue | None:
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
    return _Cue(verb.idx, clear[0].idx + len(clear[0].text), verb, _speaker(verb),
                according_to=False, content_tokens=tuple(content))


def _reportedly_cue(adverb: Token) -> _Cue | None:
    """Return the cue of "reportedly": the clause it qualifies is attributed to nobody
    in particular ("The firm reportedly paid a fine")."""
    clause = adverb.head
    if adverb.dep_ != "advmod" or clause.i == adverb.i:
        return None
    content = [t for t in clause.subtree
               if t.i != adverb.i and not (t.is_punct and t.head.i == clause.i)]
    return _Cue(adverb.idx, adverb.idx + len(adverb.text), adverb, None, according_to=False,
                content_tokens=tuple(content))


def _adjective_cue(adjective: Token) -> _Cue | None:
    """Return the cue of a stance adjective predicated of a subject with a complement:
    "Graham has been critical of the plan", "she was sure the mayor would win"."""
    if adjective.lemma_.lower() not in _STANCE_ADJECTIVES or adjective.dep_ != "acomp":
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
    return _Cue(first.idx, last.idx + len(last.text), adjective, subjects[0],
                according_to=False, content_tokens=tuple(content))


def _adjective_complement(adjective: Token) -> list[Token]:
    """Return the clause, infinitive or prepositional object of a stance adjective."""
    for child in adjective.children:
        if child.dep_ in _INFINITIVE_DEPS and not _is_open_question(child):
            return [t for t in child.subtree if not _is_that(t, child)]
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


# Statements and stances told by a noun: "the mayor's criticism of the plan", "support for
# X from unions", "her claim that X", "raised questions about X". They count only with a
# holder (a possessor, "from"/"by" X, or the subject of a light verb) and a complement.
_STANCE_NOUNS = _words(
    "criticism statement claim remark attack call opposition decision promise pledge vow "
    "warning question complaint allegation assertion argument suggestion endorsement "
    "concern fear doubt belief insistence praise condemnation denial admission prediction "
    "announcement assessment opinion objection defense defence plea"
)
# Verbs that turn a stance noun into an act of its subject: "raised questions about X".
_LIGHT_VERBS = _words(
    "make raise issue release offer deliver level launch renew pose share have send lodge "
    "file avoid step double"
)


def _noun_cue(noun: Token) -> _Cue | None:
    """Return the cue of a stance noun with a holder and a complement."""
    if noun.lemma_.lower() not in _STANCE_NOUNS:
        return None
    content = _noun_complement(noun)
    if not content:
        return None
    first, holder = noun, _noun_holder(noun)
    verb = noun.head
    if holder is None and noun.dep_ == "dobj" and _verb_lemma(verb) in _LIGHT_VERBS:
        # "Graham raised questions about X": the subject of the light verb holds them.
        own = _own_speaker(verb)
        holder = own if isinstance(own, Token) else None
        first = _verb_group_start(verb)
    if holder is None or (_is_reporting_verb(verb) and noun.dep_ == "dobj"):
        return None
    last = _content_preposition(noun, content) or noun
    return _Cue(first.idx, last.idx + len(last.text), noun, holder, according_to=False,
                content_tokens=tuple(content))


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
            any(_is_that(t, child) for t in child.children)
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return [t for t in child.subtree if not _is_that(t, child)]
    return _prepositional_object(noun, _ABOUT_PREPOSITIONS - {"in"})


def _verb_cue(token: Token) -> _Cue | None:
    if not _is_reporting_verb(token) or token.dep_ == "amod" or _is_plain_action(token):
        return None
    if token.dep_ == "acl" and not _speaking_participle(token):
        return None
    # "is expected to announce the plan" reports an event, not a statement; "refused to say"
    # is one cue, found at "refused".
    if token.dep_ == "xcomp" and (_is_passive(token.head) or _is_reporting_verb(token.head)):
        return None
    if token.lemma_ == "expect" and _is_passive(token) and not any(
        c.dep_ == "agent" for c in token.children
    ):
        # "is expected to announce" forecasts an event; "analysts expect X" is a belief.
        return None
    last = token
    withheld = _withheld_statement(token)
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
        last = _as_put_it(token) or token
    elif (particle := _phrasal_particle(token)) is not None:
        last = particle
    end = last.idx + len(last.text)
    speaker = None if _is_evidential(token) else _speaker(token)
    question = _declined_question(last) if declined else ()
    return _Cue(token.idx, end, token, speaker, according_to=False, declined=declined,
                content_tokens=question)


# What "released" and "issued" must have released to be a statement, beside a document.
_PUBLISHED_THINGS = _words("plan proposal list ad advertisement guidance warning call appeal")


def _is_plain_action(verb: Token) -> bool:
    """Return whether a verb that can report speech or a stance is a plain action here.

    "released a statement" is a statement, "released 200 migrants" is not; "pushed for
    talks", "pushed the envoy to resign" and "pushed back on X" are stances, "pushed migrants
    back" is not; "maintained that X" is speech, "maintained the policy" is not; "“X,” she
    continued" is speech, "migrants continue to arrive" is not.
    """
    lemma = _verb_lemma(verb)
    children = list(verb.children)
    if lemma == "continue":
        return any(c.dep_ == "xcomp" and not _is_reporting_verb(c) for c in children)
    if lemma in ("release", "issue"):
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        return bool(objects) and not any(
            _counted_noun(o).lemma_.lower() in _DOCUMENT_WORDS | _PUBLISHED_THINGS
            for o in objects)
    if lemma == "push":
        return not any(c.dep_ in ("xcomp", "ccomp") or _is_infinitive(c) or (
            c.dep_ == "prep" and c.lower_ in ("for", "against", "on")) for c in children)
    if lemma == "maintain":
        return any(c.dep_ == "dobj" for c in children)
    return False


def _is_infinitive(clause: Token) -> bool:
    """Return whether ``clause`` is a to-infinitive, whatever the parser called it."""
    return clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _holds_a_proposition(verb: Token) -> bool:
    """Return whether a belief ``verb`` takes a clause ("thinks that X", not "will see
    whether X") or an object with a predicate ("sees him as a threat")."""
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if any(not _is_open_question(clause) for clause in clauses):
        return True
    has_object = any(c.dep_ == "dobj" for c in children)
    return has_object and any(
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in children)


def _is_open_question(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _is_evidential(verb: Token) -> bool:
    return _verb_lemma(verb) in _EVIDENTIAL_VERBS and bool(_evidential_complements(verb))


def _evidential_complements(verb: Token) -> list[Token]:
    """Return the clause or infinitive of "seems to lead", "appears that X", or the "like"
    phrase of "seems like a long shot"."""
    return [child for child in verb.children if child.dep_ in _INFINITIVE_DEPS
            or (child.dep_ == "prep" and child.lower_ == "like")]


def _speaking_participle(verb: Token) -> bool:
    """Return whether ``verb`` is "calling" in "Graham, calling X a liar, ..." (not "the
    plan announced Monday")."""
    noun = verb.head
    if verb.tag_ != "VBG":
        return False
    # "a poll showing that X", "a message saying X": a participle with a clause speaks.
    return noun.ent_type_ in ("PERSON", "ORG") or noun.pos_ == "PRON" or any(
        child.dep_ == "ccomp" for child in verb.children)


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def _is_reporting_verb(token: Token) -> bool:
    if token.pos_ != "VERB":
        return False
    lemma = _verb_lemma(token)
    return (lemma in _REPORTING_VERBS or _states_a_proposition(token, lemma)
            or _has_topic(token, lemma) or _as_put_it(token) is not None
            or _phrasal_particle(token) is not None)


# Phrasal verbs of speech: "shot back that X", "fired back at X", "weighed in on X".
_PHRASAL_CUES = {"shoot": "back", "fire": "back", "hit": "back", "weigh": "in", "chime": "in"}


def _phrasal_particle(verb: Token) -> Token | None:
    """Return the particle that makes ``verb`` a verb of speech ("back" of "shot back")."""
    particle = _PHRASAL_CUES.get(verb.lemma_.lower())
    return next((c for c in verb.children if c.lower_ == particle
                 and c.dep_ in ("prt", "advmod")), None) if particle else None


def _as_put_it(verb: Token) -> Token | None:
    """Return "it" of "as the mayor put it, X", a way of quoting: the clause is what was
    said ("put it into play" is no speech)."""
    if verb.lemma_.lower() != "put" or not any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"), None)


# Verbs that report speech or a stance only with their topic or predicate: "spoke about X",
# "spoke out against X", "cast the plan as a giveaway"; "spoke at the rally", "spoke to
# reporters" or "cast a vote" attributes nothing.
_TOPIC_VERBS = {"speak": frozenset({"about", "of", "against"}), "cast": frozenset({"as"})}


def _has_topic(verb: Token, lemma: str) -> bool:
    topics = _TOPIC_VERBS.get(lemma, ())
    return any(c.dep_ == "prep" and c.lower_ in topics for c in verb.children)


def _states_a_proposition(verb: Token, lemma: str) -> bool:
    """Return whether a belief, wish or evidential ``verb`` takes a propositional complement
    ("thinks that X", "wants Mexico to pay", "appears to lead"), not a plain object."""
    if lemma in _BELIEF_VERBS:
        return _holds_a_proposition(verb)
    if lemma in _EVIDENTIAL_VERBS:
        return _is_evidential(verb)
    if lemma in _VOLITION_VERBS:
        return any(child.dep_ in _INFINITIVE_DEPS for child in verb.children)
    return False


def _verb_lemma(token: Token) -> str:
    """Return the lemma of ``token``, mended where the model errs ("hopes" -> "hop",
    "retweeted" -> "retweete")."""
    lemma = token.lemma_.lower()
    if lemma == "hop" and not token.lower_.startswith("hopp"):
        return "hope"
    return "retweet" if lemma == "retweete" else lemma


# What one declines to do when declining to speak: "declined to say whether X".
_DECLINED_ACTS = _words(
    "comment say discuss elaborate answer specify confirm respond provide identify detail "
    "address disclose reveal explain release speculate name speak weigh"
)


def _declined_to_comment(token: Token) -> Token | None:
    """Return the act of speech declined ("declined to comment", "declined to speak",
    "declined to endorse him"), a statement withheld."""
    for child in token.children:
        if child.dep_ == "xcomp" and (child.lemma_.lower() in _DECLINED_ACTS
                                      or _verb_lemma(child) in _REPORTING_VERBS):
            return child
    return None


# What a source leaves unanswered: "did not respond to a request for comment".
_REQUESTS = _words("request call email message inquiry")
_ANSWER_VERBS = _words("respond answer reply return")


def _withheld_statement(verb: Token) -> Token | None:
    """Return the last word of a statement ``verb`` withholds: "comment" of "declined (or
    refused) to comment", "comment" of "did not respond to a request for comment"."""
    lemma = verb.lemma_.lower()
    if lemma in ("decline", "refuse"):
        return _declined_to_comment(verb)
    if lemma not in _ANSWER_VERBS or not any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(c.dep_ == "nsubjpass" and c.lemma_.lower() in _REQUESTS for c in verb.children):
        return verb  # "a request for comment was not answered"
    requests = [t for t in verb.subtree if t.i > verb.i and t.dep_ in ("dobj", "pobj")
                and t.lemma_.lower() in _REQUESTS and t.head in (verb, *verb.children)]
    return max(requests[0].subtree, key=lambda t: t.i) if requests else None


def _declined_question(act: Token) -> tuple[Token, ...]:
    """Return the question left unanswered in "declined to say whether X", if any."""
    return tuple(t for child in act.children if child.dep_ == "ccomp"
                 for t in child.subtree)


def _speaker(verb: Token) -> Token | None:
    """Return the head token of whoever the reporting ``verb`` attributes to, if any."""
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    own = _own_speaker(verb)
    if own is not _MISSING:
        return own
    if _is_bare_participle(verb):
        return None
    controller = _object_controller(verb)
    if controller is not None:
        return controller
    climbed = _climbed_speaker(verb) or _gerund_of_object_speaker(verb)
    if climbed is not None:
        return climbed
    return _subject_in_opening_phrase(verb) or _adjacent_name(verb)


_PLACES_AND_TIMES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def _gerund_of_object_speaker(verb: Token) -> Token | None:
    """Return the subject of the verb whose object a gerund completes with "of": in "made a
    point of saying X", "has a history of blaming X", the subject says and blames."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.lower_ != "of" or preposition.head.dep_ != "dobj":
        return None
    own = _own_speaker(preposition.head.head)
    return own if isinstance(own, Token) else None


# Verbs whose object does what their infinitive says: "led the mayor to warn".
_CAUSATIVE_VERBS = _words("lead leave force prompt cause drive compel spur inspire")


def _object_controller(verb: Token) -> Token | None:
    """Return the object that does what an infinitive says ("the vote led the mayor to
    warn that X", "left voters to wonder whether X"), not the subject of the verb above."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in _CAUSATIVE_VERBS:
        return None
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
    return objects[-1] if objects else None


def _subject_in_opening_phrase(verb: Token) -> Token | None:
    """Return the subject the parser read as an apposition inside an opening phrase of a
    verb without subject ("In a letter to the governor, Ruiz, head of the agency, wrote
    X", where "Ruiz" hangs on "governor")."""
    for phrase in verb.children:
        if phrase.dep_ != "prep" or phrase.i > verb.i:
            continue
        for token in phrase.subtree:
            if (token.dep_ == "appos" and verb.doc[token.left_edge.i - 1].text == ","
                    and token.ent_type_ not in _PLACES_AND_TIMES):
                return token  # "In Salem, Ohio, said" names a place, not a speaker
    return None


# Verbs that introduce a quotation with the speaker after them: "“X,” added a councillor".
_QUOTATIVE_VERBS = _words(
    "say add write tweet reply continue quip joke insist argue declare explain note recall "
    "respond state report ask"
)
_CLOSING_QUOTES = ("”", '"', "''")


def _inverted_speaker(verb: Token) -> Token | None:
    """Return the noun phrase after a quotative verb that follows a quotation ("“X,” added a
    councillor", "X," wrote Ortiz) or, for "say", a comma ("The reason, say officials, is Y"),
    which the parser sometimes reads as an object while taking a word before as subject."""
    doc = verb.doc
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if _verb_lemma(verb) not in _QUOTATIVE_VERBS or any(
            c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    before = doc[verb.i - 1].text
    quoted = before in _CLOSING_QUOTES or (
        before == "," and verb.i > 1 and doc[verb.i - 2].text in _CLOSING_QUOTES)
    if not quoted and not (before == "," and _verb_lemma(verb) == "say"):
        return None
    chunk = next((c for c in verb.sent.noun_chunks if c.start == verb.i + 1), None)
    if chunk is None or chunk.root.pos_ == "PRON" or chunk.root.ent_type_ in ("DATE", "TIME"):
        return None
    return None if chunk.root.lower_ in _STATEMENT_WORDS else chunk.root


def _is_bare_participle(verb: Token) -> bool:
    """Return whether ``verb`` is "Asked" in "Asked about X, Rubio said": whoever asked is
    not named, and the subject of the main clause is who answered."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl"


def _climbed_speaker(verb: Token) -> Token | None:
    # "declined to comment, but noted that ... and said ...": coordinated reporting verbs
    # share the first one's speaker, not the subject of the clause in between.
    # A reporting verb that is itself a reported clause ("said that she would offer X and
    # predicted Y", where the parser hung "predicted" on "offer") is passed over for the
    # reporting verb above it: the conjunct is a second statement of the outer speaker.
    token = verb
    while token.dep_ in _CLIMB_DEPS | {"ccomp"} and token.head.i != token.i:
        token = token.head
        if _is_reporting_verb(token) and not _is_reported_clause(token):
            return _speaker(token)
    token = verb
    for _ in range(4):
        if token.dep_ not in _CLIMB_DEPS or token.head.i == token.i:
            break
        token = token.head
        own = _own_speaker(token)
        if own is not _MISSING:
            return own
    return None


_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``"})


def _is_reported_clause(verb: Token) -> bool:
    """Return whether ``verb`` heads the clause a reporting verb before it reports, with no
    quotation mark between them (in "“We could see it,” Ortiz said" the parser makes "said"
    a clause of "see")."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i > verb.i or not _is_reporting_verb(head):
        return False
    return not any(t.text in _QUOTE_MARKS for t in verb.doc[head.i + 1:verb.i])


_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


def _adjacent_name(verb: Token) -> Token | None:
    """Return the name the parser failed to make the subject: right after an inverted cue
    ("“X,” said Robin Maynard, half joking") or right before it and its auxiliaries
    ("Sanders hasn't said whether")."""
    doc = verb.doc
    after = verb.i + 1
    if after < len(doc) and _is_loose_name(doc[after]):
        last = after
        while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
            last += 1
        return doc[last]
    before = verb.i - 1
    while before >= 0 and doc[before].head.i == verb.i and doc[before].dep_ in ("aux", "neg"):
        before -= 1
    if before >= 0 and before < verb.i - 1 and _is_loose_name(doc[before]):
        return doc[before]
    return None


def _is_loose_name(token: Token) -> bool:
    return (token.pos_ == "PROPN" and token.ent_type_ not in _NOT_SPEAKERS
            and token.dep_ not in ("dobj", "dative", "pobj", "npadvmod"))


def _own_speaker(verb: Token) -> object:
    if verb.dep_ == "acl":
        return verb.head
    children = list(verb.children)
    for child in children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    subjects = [child for child in children if child.dep_ == "nsubj"]
    if subjects:
        # A relative pronoun ("Barkley, who said X") is the span; _describe_source
        # reads the name from its antecedent. Of two subjects the parser gave one verb
        # ("9:30 p.m. <paragraph> Ortiz says", "In Salem, Ohio, Ortiz said") the one
        # nearest before the verb is the speaker.
        before = [child for child in subjects if child.i < verb.i]
        return before[-1] if before else subjects[0]
    if any(child.dep_ == "nsubjpass" for child in children):
        return None
    return _MISSING


# --- content and quote type ---------------------------------------------------------------

_EDGE_PUNCTUATION = " \t\n\u00a0,;:—–-"
_CORE_PUNCTUATION = _EDGE_PUNCTUATION + ".?!\"“”„«»'’‘()"


@dataclass(frozen=True, slots=True)
class _Content:
    start: int
    end: int
    quote_type: QuoteType


_NO_CONTENT = _Content(-1, -1, "indirect")


def _content(doc: Doc, cue: _Cue, quotations: Sequence[Quotation]) -> _Content | None:
    """Return what ``cue`` attributes, or None when it attributes nothing."""
    if cue.according_to:
        return _according_to_content(doc, cue.anchor)
    if cue.content_tokens:
        return _with_quotations(_text(doc), _token_range(cue.content_tokens), quotations)
    if cue.declined:
        return _NO_CONTENT
    if cue.colon:
        paragraph_end = _paragraph(_text(doc), cue.end)[1]
        if not _text(doc)[cue.end:paragraph_end].strip():
            # A closing colon: the quotation opens the next paragraph.
            start = len(_text(doc)) - len(_text(doc)[paragraph_end:].lstrip())
            paragraph_end = _paragraph(_text(doc), start)[1]
            return _with_quotations(_text(doc), (start, paragraph_end), quotations)
        return _with_quotations(_text(doc), (cue.end, paragraph_end), quotations)
    complement = _without_speaker(_complement(cue.anchor), cue.speaker)
    if complement:
        return _with_quotations(_text(doc), _token_range(complement), quotations)
    quote = _adjacent_quotation(_text(doc), _clause_range(cue), quotations)
    if quote is not None:
        return _trimmed(_text(doc), quote.inner_start, quote.inner_end, "direct")
    after = _after_colon(doc, cue.anchor) if cue.speaker is not None else None
    if after is not None:
        return _with_quotations(_text(doc), after, quotations)
    return None


def _after_colon(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """Return the range after a colon that closes a speech verb's phrase ("the columnist
    writes: X"): the rest of the paragraph or, when the colon ends it, the next one."""
    if _verb_lemma(verb) not in _SPEECH_VERBS:
        return None
    colon = _cue_phrase(verb)[-1].i + 1
    if colon >= len(doc) or doc[colon].text != ":":
        return None
    text = _text(doc)
    start = doc[colon].idx + 1
    end = _paragraph(text, start)[1]
    if not text[start:end].strip():
        start = len(text) - len(text[end:].lstrip())
        end = _paragraph(text, start)[1]
    return (start, end) if text[start:end].strip() else None


def _without_speaker(tokens: list[Token], speaker: Token | None) -> list[Token]:
    """Return ``tokens`` without the speaker's phrase and what follows it, where the parser
    hung the speaker on the reported clause ("“We won,” said Robin Maynard")."""
    if speaker is None or not any(t.i == speaker.i for t in tokens):
        return tokens
    first = min(t.i for t in speaker.subtree)
    # An inverted speaker the parser read as the object ("wrote a reader") is no content.
    found = _inverted_speaker(speaker.head) if first > speaker.head.i else None
    inverted = found is not None and found.i == speaker.i
    return [t for t in tokens if t.i < first] if first > tokens[0].i or inverted else tokens


def _complement(verb: Token) -> list[Token]:
    """Return the tokens of what ``verb`` reports, within its paragraph; [] if none."""
    clauses = [child for child in verb.children if child.dep_ == "ccomp"]
    clauses = clauses or _that_clauses_in_adjuncts(verb)
    if _is_evidential(verb):
        tokens = _evidential_clause(verb)
    elif clauses:
        tokens = [t for clause in clauses for t in clause.subtree if not _is_that(t, clause)]
    elif verb.dep_ == "parataxis":
        # "Even then, he said, he has learned enough": the sentence around the cue.
        inner = {t.i for t in verb.subtree}
        tokens = [t for t in verb.sent if t.i not in inner]
    elif verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        # "As the Post reported, X": the clause the cue qualifies.
        inner = {t.i for t in verb.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in inner]
    elif _is_passive(verb) and any(c.dep_ == "agent" for c in verb.children):
        # "The deal was first reported by Reuters": what was reported is the subject.
        tokens = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
    elif (_verb_lemma(verb) in _OBJECT_VERBS.union(_TOPIC_VERBS) or _is_document_finding(verb)
          or _phrasal_particle(verb) is not None):
        # "responded to the charge" attributes "the charge", without the preposition.
        tokens = [t for child in verb.rights if _is_object(child) for t in child.subtree
                  if not (child.dep_ == "prep" and t.i == child.i)]
    else:
        # "said that", "said yes": a word standing for what was said; "agreed to X": the
        # commitment.
        tokens = [t for child in verb.rights if child.dep_ == "xcomp" for t in child.subtree]
        tokens = tokens or _statement_word(verb)
    if not tokens and _is_misread_parenthetical(verb):
        # "X has grown, she said.", parsed as if "she said" were part of X.
        phrase = _cue_phrase(verb)
        inner = {t.i for t in phrase}
        tokens = [t for t in verb.sent if t.i not in inner
                  and not (t.is_punct and t.i > phrase[-1].i)]
    if not tokens:
        # "The promise appeals to them, said an analyst": the parser made the reported
        # clause a first subject of the verb, before the speaker.
        tokens = _subject_read_as_content(verb)
    if not tokens and _is_object_relative(verb):
        # "the things the candidate said about X": what was said is the antecedent.
        inner = {t.i for t in verb.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in inner]
    nested = _nested_cue_tokens(tokens)
    start, end = _paragraph(_text(verb.doc), verb.idx)
    tokens = sorted((t for t in tokens if t.i not in nested and start <= t.idx < end),
                    key=lambda t: t.i)
    # The parser sometimes reads the complementizer as a pronoun ("telling NBC that AMLO ...").
    if tokens and tokens[0].lower_ == "that" and tokens[0].dep_ in ("mark", "nsubj"):
        tokens = tokens[1:]
    return tokens


def _statement_word(verb: Token) -> list[Token]:
    """Return the word that stands for what was said ("said yes", "said that") or, for
    "said the same of X" and any object of "say" ("says odd things", "said little
    about X"), the phrase with its topic."""
    for child in verb.rights:
        if child.dep_ not in ("dobj", "intj"):
            continue
        if child.lower_ in _STATEMENT_WORDS - {"same"}:
            return [child]
        if child.lower_ == "same" or (child.dep_ == "dobj" and _verb_lemma(verb) == "say"):
            topics = [t for c in verb.rights if c.dep_ == "prep" and c.i > child.i
                      and c.lower_ in ("of", "about", "for") for t in c.subtree]
            return [*child.subtree, *topics]
    return []


def _subject_read_as_content(verb: Token) -> list[Token]:
    """Return the first of two subjects of ``verb`` when a comma parts it from the second,
    the speaker ("The plan is dead, the mayor said", parsed with two subjects)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) < 2 or subjects[0].i > verb.i:
        return []
    first, speaker = subjects[0], subjects[-1]
    doc = verb.doc
    end = min(speaker.left_edge.i, verb.i)
    if not any(t.text == "," for t in doc[first.right_edge.i + 1:end]):
        return []
    return [t for t in doc[first.left_edge.i:end] if not (t.is_punct and t.i >= first.right_edge.i)]


def _is_misread_parenthetical(verb: Token) -> bool:
    """Return whether ``verb`` with its subject stands between commas or after a comma at
    the end of the sentence, where the parser hung it on the reported clause as a conjunct,
    adverbial or complement ("X has grown, she said."; "If X, he noted, Y")."""
    if verb.dep_ not in ("conj", "advcl", "ccomp") or not _has_own_subject(verb):
        return False
    if any(c.dep_ in ("mark", "cc") or c.tag_ in ("WRB", "WDT", "WP") for c in verb.children):
        return False
    phrase = _cue_phrase(verb)
    doc, first, last = verb.doc, phrase[0].i, phrase[-1].i
    if first == verb.sent.start or doc[first - 1].text not in (",", "—", "–"):
        return False
    return last + 1 >= verb.sent.end or doc[last + 1].is_punct


def _is_object_relative(verb: Token) -> bool:
    """Return whether ``verb`` heads a relative clause with a subject of its own whose gap
    is the object ("the things he said", "a claim the union disputed"), not a place or time
    ("the letter in which she argues", "the day she spoke")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PRON"):
        return False
    if not _has_own_subject(verb):
        return False
    return not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "dative")
        or (c.dep_ == "advmod" and c.tag_ == "WRB")
        or (c.dep_ == "prep" and any(g.tag_ in ("WDT", "WP") for g in c.children))
        for c in verb.children)


def _has_own_subject(verb: Token) -> bool:
    """Return whether ``verb`` has a subject that is not a relative pronoun."""
    return any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children)


def _is_document_finding(verb: Token) -> bool:
    """Return whether ``verb`` is "found" with a poll, study or report as its subject: "a
    survey found broad support" reports a finding, "the mayor found a wallet" does not."""
    return _verb_lemma(verb) == "find" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _DOCUMENT_WORDS | _MEDIA_WORDS
        for c in verb.children)


_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "conj", "cc", "punct", "parataxis"})


def _cue_phrase(verb: Token) -> list[Token]:
    """Return ``verb`` with its subject, auxiliaries, objects and adjuncts, without the
    clauses, conjuncts and punctuation hung on it, in text order."""
    tokens = [verb, *(t for c in verb.children if c.dep_ not in _CLAUSE_DEPS
                      for t in c.subtree)]
    return sorted(tokens, key=lambda t: t.i)


def _evidential_clause(verb: Token) -> list[Token]:
    """Return the subject and complement of "Kasich appears to lead"; only the clause of
    "it seems that X"."""
    complements = {child.i for child in _evidential_complements(verb)}
    return [
        token for child in verb.children
        if child.i in complements or (
            child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "there"))
        for token in child.subtree
    ]


# Prepositions that carry the content of one verb only: "distanced himself from X",
# "brushed off X" (which the parser reads as a preposition), "lashed out at X", "hinted at X".
_VERB_PREPOSITIONS = {"distance": "from", "brush": "off", "lash": "at", "rail": "at",
                      "balk": "at", "hint": "at", "scoff": "at"}


def _is_object(child: Token) -> bool:
    if child.dep_ == "dobj" and child.tag_ == "PRP" and child.head.lemma_ in _VERB_PREPOSITIONS:
        return False  # "distanced herself from X": the reflexive is no content
    if child.dep_ in ("dobj", "attr", "oprd", "xcomp", "acomp"):
        return True
    if child.dep_ == "advcl":
        # "called for Mexico to do more": a "for ... to" clause.
        return any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children)
    if child.dep_ != "prep":
        return False
    lemma = child.head.lemma_.lower()
    if lemma in _TOPIC_VERBS:
        return child.lower_ in _TOPIC_VERBS[lemma]
    if child.lower_ == "on":
        # "commented on the vote", not "announced on Monday".
        return not any(c.ent_type_ in ("DATE", "TIME") for c in child.children)
    if child.lower_ == "with":
        # "agreed with X"; "responded with a statement", "countered with X": the reply.
        return lemma in ("agree", "disagree", "side", "concur", "respond", "reply", "counter")
    if _VERB_PREPOSITIONS.get(lemma) == child.lower_:
        return True
    if child.lower_ not in _CONTENT_PREPOSITIONS:
        return False
    # "talked to reporters" names the listener; "referred to X" names what is meant.
    return child.lower_ != "to" or lemma in ("refer", "point", "respond")


def _that_clauses_in_adjuncts(verb: Token) -> list[Token]:
    """Return "that" clauses the parser hung on an adjunct ("said in a statement that X")."""
    return [
        token
        for child in verb.rights if child.dep_ == "prep"
        for token in child.subtree
        if token.dep_ in ("acl", "relcl") and any(_is_that(t, token) for t in token.children)
    ][:1]


def _is_that(token: Token, clause: Token) -> bool:
    return token.dep_ == "mark" and token.head.i == clause.i and token.lower_ == "that"


def _nested_cue_tokens(tokens: Sequence[Token]) -> set[int]:
    """Return the indexes of other cues' phrases inside ``tokens``, to leave them out.

    "noted that X, and said Y" reports X, not "X, and said Y"; "Z said that, according
    to W, X" reports X; "says X — arguing that Y" reports X, and "arguing" Y.
    """
    nested: set[int] = set()
    for token in tokens:
        coordinated = token.dep_ == "conj" and _is_reporting_verb(token)
        if coordinated or token.lower_ == "according" or (
                _is_own_clause_cue(token) and _is_reporting_verb(token)):
            nested.update(t.i for t in token.subtree)
            nested.update(
                sibling.i for sibling in token.head.children
                if sibling.dep_ in ("cc", "punct") and token.left_edge.i - 2 <= sibling.i
                and sibling.i < token.left_edge.i
            )
    return nested


def _paragraph(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def _according_to_content(doc: Doc, according: Token) -> _Content | None:
    """Return the clause that "according to X" qualifies, without the phrase itself."""
    phrase = list(according.subtree)
    clause = according.head
    # Climb to the main clause ("..., urging Mexico to ..., according to officials"), but
    # not out of a reported clause ("According to X, Y has ..., officials have revealed").
    while clause.head.i != clause.i and (
        clause.pos_ not in ("VERB", "AUX") or clause.dep_ in ("advcl", "conj", "xcomp")
    ):
        clause = clause.head
    paragraph_start, paragraph_end = _paragraph(_text(doc), according.idx)
    scope = [
        t for t in (clause.subtree if clause.i != according.i else according.sent)
        if paragraph_start <= t.idx < paragraph_end
    ]
    before = [t for t in scope if t.i < phrase[0].i]
    after = [t for t in scope if t.i > phrase[-1].i]
    candidates = [
        _trimmed(_text(doc), *_token_range(part), "according_to")
        for part in (before, after) if part
    ]
    candidates = [c for c in candidates if c.end > c.start]
    if not candidates:
        return None
    return max(candidates, key=lambda c: c.end - c.start)


def _with_quotations(
    text: str, span: tuple[int, int], quotations: Sequence[Quotation]
) -> _Content:
    start, end = span
    core_start, core_end = _strip(text, start, end, _CORE_PUNCTUATION)
    for quote in quotations:
        if quote.inner_start <= core_start and core_end <= quote.inner_end:
            return _trimmed(text, quote.inner_start, quote.inner_end, "direct")
    touching = [q for q in quotations if q.start < end and start < q.end]
    touching += [q for q in quotations if q.start >= end and _only_punctuation(text[end:q.start])]
    if not touching:
        return _trimmed(text, start, end, "indirect")
    start = min(start, *(q.start for q in touching))
    end = max(end, *(q.end for q in touching))
    return _trimmed(text, start, end, "mixed")


def _adjacent_quotation(
    text: str, clause: tuple[int, int], quotations: Sequence[Quotation]
) -> Quotation | None:
    """Return the quotation just before or just after the cue's clause, if any."""
    start, end = clause
    before = [q for q in quotations if q.end <= start and _only_punctuation(text[q.end:start])]
    if before:
        return before[-1]
    after = [q for q in quotations if q.start >= end and _only_punctuation(text[end:q.start])]
    return after[0] if after else None


def _clause_range(cue: _Cue) -> tuple[int, int]:
    tokens = [cue.anchor]
    if cue.speaker is not None:
        tokens.extend(cue.speaker.subtree)
    start, end = _token_range(tokens)
    return min(start, cue.start), max(end, cue.end)


def _only_punctuation(between: str) -> bool:
    if ":" in between:
        # "Breitbart News responded:" followed by the quotation in the next paragraph.
        return not between.strip(" ,:\n\t\u00a0")
    return len(between) <= 3 and not between.strip(" ,:")


def _token_range(tokens: Iterable[Token]) -> tuple[int, int]:
    tokens = list(tokens)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _strip(text: str, start: int, end: int, characters: str) -> tuple[int, int]:
    while start < end and text[start] in characters:
        start += 1
    while end > start and text[end - 1] in characters:
        end -= 1
    return start, end


_DATELINE = re.compile(r"[A-Z][A-Z.,' ]+ [—–-]+ ")


def _trimmed(text: str, start: int, end: int, quote_type: QuoteType) -> _Content:
    start, end = _strip(text, start, end, _EDGE_PUNCTUATION)
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    return _Content(start, end, quote_type)


# --- sources: span, kind, side, pronouns --------------------------------------------------

_DOCUMENT_WORDS = _words(
    "statement record document release memo memorandum letter data filing transcript tweet "
    "post communique communiqué announcement declaration survey poll study report figure "
    "estimate notice decree bulletin order complaint lawsuit ruling email video"
)
_MEDIA_WORDS = _words(
    "report article story newspaper paper investigation analysis reporting broadcast "
    "interview outlet network magazine reporter correspondent journalist columnist editor"
)
_ANONYMOUS_WORDS = _words(
    "official source person people insider representative aide diplomat spokesperson "
    "spokesman spokeswoman negotiator authority officer staffer adviser advisor member "
    "agent someone employee"
)
_GROUP_WORDS = _words(
    "group migrant advocate activist expert analyst critic observer resident lawmaker "
    "legislator republican democrat side community family worker researcher economist "
    "scholar witness survivor asylum-seeker volunteer"
)
_OFFICE_WORDS = _words(
    "president minister secretary ambassador governor mayor chancellor head envoy "
    "commissioner director senator congressman congresswoman"
)
_ORGANIZATION_WORDS = _words(
    "government ministry administration department agency patrol police house office "
    "institute institution council commission congress senate embassy court party military "
    "army guard secretariat service bureau union organization organisation committee "
    "delegation country nation state company"
)
_QUANTIFIERS = _words("one some many several most few all each two three four five")
_SINGULAR_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_PRONOUNS = _SINGULAR_PERSON_PRONOUNS | _PLURAL_PRONOUNS | {"it", "its", "i", "we", "you", "who"}
_DROPPED_FROM_SOURCE = frozenset({"appos", "relcl", "punct", "advcl", "parataxis"})


@dataclass(frozen=True, slots=True)
class _Source:
    text: str
    start: int
    end: int
    surface: str
    kind: SourceKind
    side: Side
    plural: bool
    head_lemma: str = ""


_NO_SOURCE = _Source("", -1, -1, "", "unknown", "", plural=False)


def _describe_source(
    doc: Doc,
    head: Token | None,
    gazetteer: SideGazetteer,
    earlier: Sequence[_Source],
    tokens: Sequence[Token] = (),
) -> _Source:
    if head is None:
        return _NO_SOURCE
    if _is_relative_subject(head):
        named = _describe_source(doc, head.head.head, gazetteer, earlier)
        span = (head.idx, head.idx + len(head.text))
        return _Source(named.text, *span, head.text, named.kind, named.side, named.plural,
                       named.head_lemma)
    tokens = tokens or _source_tokens(head)
    start, end = _strip(_text(doc), *_token_range(tokens), _EDGE_PUNCTUATION + "\"“”")
    if end <= start:
        start, end = head.idx, head.idx + len(head.text)
    surface = _text(doc)[start:end]
    plural = _is_plural(head)
    if head.lower_ in _PRONOUNS and head.pos_ == "PRON":
        resolved = _resolve_pronoun(doc, head, gazetteer, earlier)
        if resolved is not None:
            return _Source(resolved.text, start, end, surface, resolved.kind, resolved.side,
                           resolved.plural)
        return _Source(surface, start, end, surface, "unknown", "", plural)
    kind = _source_kind(doc, head, (start, end), gazetteer)
    side = _side(doc, (start, end), head, kind, gazetteer)
    if not side and kind == "document" and _is_definite(head):
        side = _earlier_side(head.lemma_.lower(), earlier)
    return _Source(" ".join(surface.split()), start, end, surface, kind, side, plural,
                   head.lemma_.lower())


def _is_relative_subject(token: Token) -> bool:
    """Return whether ``token`` is "who" or "that" opening a relative clause it is subject of."""
    return (token.tag_ in ("WP", "WDT") and token.dep_ == "nsubj"
            and token.head.dep_ == "relcl" and token.head.head.i != token.head.i)


def _earlier_side(lemma: str, earlier: Sequence[_Source]) -> Side:
    """Return the side of the latest earlier document of the same kind ("the statement")."""
    for source in reversed(earlier):
        if source.kind == "document" and source.head_lemma == lemma:
            return source.side
    return ""


def _source_tokens(head: Token) -> list[Token]:
    """Return the tokens of the noun phrase headed by ``head``, without its clauses."""
    kept = [head]
    lemma = head.lemma_.lower()
    for child in head.children:
        if child.dep_ in _DROPPED_FROM_SOURCE:
            continue
        if child.dep_ == "acl" and (lemma in _DOCUMENT_WORDS or lemma in _MEDIA_WORDS):
            continue
        if child.dep_ == "acl" and _is_reporting_verb(child) and _speaking_participle(child):
            continue  # the cue itself: "Graham, calling X a liar"
        kept.extend(_source_tokens(child))
    return kept


def _is_plural(head: Token) -> bool:
    return head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children) or (
        head.lower_ in _PLURAL_PRONOUNS
    )


def _source_kind(
    doc: Doc, head: Token, span: tuple[int, int], gazetteer: SideGazetteer
) -> SourceKind:
    noun = _counted_noun(head)
    lemma = noun.lemma_.lower()
    if _names_outlet(doc, noun, span, gazetteer):
        return "media_outlet"
    if lemma in _DOCUMENT_WORDS:
        return "document"
    if lemma in _ORGANIZATION_WORDS and _is_definite(noun):
        # "the Border Patrol", which the entity recognizer may take for a person.
        return "organization"
    if _is_person_name(doc, noun, gazetteer):
        return "named_person"
    if lemma in _ANONYMOUS_WORDS:
        return "anonymous"
    if lemma in _GROUP_WORDS or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS")):
        return "group"
    if lemma in _OFFICE_WORDS and _is_definite(noun):
        # An office held by one person ("the Mexican head of state") identifies them.
        return "named_person"
    if lemma in _OFFICE_WORDS:
        return "anonymous"
    if noun.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or lemma in _ORGANIZATION_WORDS:
        return "organization"
    if noun.pos_ == "PROPN":
        return "named_person"
    return "unknown"


def _counted_noun(head: Token) -> Token:
    """Return "officials" for "one of the officials", else ``head`` itself."""
    if head.lower_ in _QUANTIFIERS or head.pos_ == "NUM":
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return head


def _names_outlet(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer) -> bool:
    start, end = span
    outlets = [(start + a, start + b) for a, b in gazetteer.outlet_spans(_text(doc)[start:end])]
    if not outlets:
        return False
    covers_head = any(a <= noun.idx < b for a, b in outlets)
    return covers_head or noun.lemma_.lower() in _MEDIA_WORDS


def _is_person_name(doc: Doc, noun: Token, gazetteer: SideGazetteer) -> bool:
    if noun.ent_type_ == "PERSON":
        return True
    sentence = noun.sent
    people = gazetteer.person_spans(sentence.text)
    offset = sentence.start_char
    return any(offset + a <= noun.idx < offset + b for a, b in people)


def _is_definite(noun: Token) -> bool:
    return any(
        (child.dep_ == "det" and child.lower_ == "the") or child.dep_ == "poss"
        for child in noun.children
    )


def _side(
    doc: Doc, span: tuple[int, int], head: Token, kind: SourceKind, gazetteer: SideGazetteer
) -> Side:
    """Return the side named in the source phrase, else in its clauses, else ""."""
    phrase_start, phrase_end = _token_range(head.subtree)
    for start, end in (span, (min(phrase_start, span[0]), max(phrase_end, span[1]))):
        text = _text(doc)[start:end]
        if kind == "media_outlet":
            text = _blank(text, gazetteer.outlet_spans(text))
        sides = gazetteer.sides_in(text)
        if len(sides) == 1:
            return sides.pop()  # type: ignore[return-value]
        if sides:
            return ""
    return ""


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


_PRONOUN_REACH = 3  # sentences before the pronoun's own in which its antecedent may lie
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _resolve_pronoun(
    doc: Doc, pronoun: Token, gazetteer: SideGazetteer, earlier: Sequence[_Source]
) -> _Source | None:
    """Return whom ``pronoun`` means: looking back sentence by sentence, from its own to
    three before it, the first sentence with a candidate decides.

    An earlier compatible source wins over a person only named there, and a person who is
    the subject over one who is not ("The envoy said Biden erred. He added" is the envoy;
    "Bárcena met Blinken. She said" is Bárcena). In the pronoun's own sentence only a source
    or a subject counts ("Asked about Trump, he said" is not Trump). Beyond that reach the
    article does not make it clear and None is returned.
    """
    word = pronoun.lower_
    sentences = _sentence_starts(doc)
    own = bisect_right(sentences, pronoun.idx) - 1
    reach = sentences[max(own - _PRONOUN_REACH, 0)]

    def sentence_of(offset: int) -> int:
        return bisect_right(sentences, offset) - 1

    # (sentence, rank, start, who): a speaker ranks 2, a subject 1, another person 0.
    candidates: list[tuple[int, int, int, _Source | tuple[str, int, int]]] = [
        (sentence_of(source.start), 2, source.start, source) for source in earlier
        if reach <= source.start < pronoun.idx and _compatible(word, source)]
    if word in _SINGULAR_PERSON_PRONOUNS:
        candidates.extend(
            (sentence_of(start), int(is_subject), start, (text, start, end))
            for text, start, end, is_subject in _people(doc)
            if reach <= start and end <= pronoun.idx)
    eligible = [c for c in candidates if c[0] < own or c[1] > 0]
    if not eligible:
        return None
    *_, who = max(eligible, key=lambda candidate: candidate[:3])
    return who if isinstance(who, _Source) else _named_person(*who, gazetteer)


def _compatible(word: str, source: _Source) -> bool:
    if word in _SINGULAR_PERSON_PRONOUNS:
        return source.kind in ("named_person", "anonymous") and not source.plural
    if word in _PLURAL_PRONOUNS:
        return source.plural or source.kind in ("organization", "group")
    if word in ("it", "its"):
        return not source.plural and source.kind in ("organization", "document", "media_outlet")
    return False


def _named_person(text: str, start: int, end: int, gazetteer: SideGazetteer) -> _Source:
    """Return the source for a person named at ``start``:``end``, with the side of the name."""
    sides = gazetteer.sides_in(text)
    side = sides.pop() if len(sides) == 1 else ""
    return _Source(text, start, end, text, "named_person", side,  # type: ignore[arg-type]
                   plural=False)


def _people(doc: Doc) -> tuple[tuple[str, int, int, bool], ...]:
    """Return the text, offsets and subjecthood of every PERSON entity, read once per Doc."""
    people = doc.user_data.get(_PEOPLE_KEY)
    if people is None:
        people = doc.user_data[_PEOPLE_KEY] = tuple(
            (entity.text, entity.start_char, entity.end_char,
             entity.root.dep_ in _SUBJECT_DEPS)
            for entity in doc.ents if entity.label_ == "PERSON")
    return people


def _sentence_starts(doc: Doc) -> list[int]:
    """Return the character offset where each sentence starts, read once per Doc."""
    starts = doc.user_data.get(_SENTENCES_KEY)
    if starts is None:
        starts = doc.user_data[_SENTENCES_KEY] = [sent.start_char for sent in doc.sents]
    return starts


def _text(doc: Doc) -> str:
    """Return ``doc.text``, built once per Doc: spaCy joins every token on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = "".join(token.text_with_ws for token in doc)
    return text


_TEXT_KEY = ("analysis.attribution", "text")
_PEOPLE_KEY = ("analysis.attribution", "people")
_SENTENCES_KEY = ("analysis.attribution", "sentences")


# --- the extractor ------------------------------------------------------------------------


def extract_attributions(
    doc: Doc, *, gazetteer: SideGazetteer | None = None
) -> Iterator[Attribution]:
    """Yield every attribution in ``doc``, in the order of their cues.

    Cues inside a quotation are skipped (they belong to the quoted speaker). A reporting
    verb with nothing attributed ("said in Mexico City") yields nothing; "declined to
    comment" yields a record without content. Never raises on unusual text.
    """
    quotations = find_quotations(_text(doc))
    found = list(_all_attributions(doc, gazetteer or load_gazetteer(), quotations))
    yield from _outermost(doc, _resumed_quotations(_text(doc), found, quotations))


Governed = tuple[tuple[int, int], ...]


def _all_attributions(
    doc: Doc, gazetteer: SideGazetteer, quotations: Sequence[Quotation]
) -> Iterator[tuple[Attribution, Governed]]:
    """Yield each attribution with the character ranges its cue governs: the content and
    the relative clauses of the source ("an official, who wished to remain anonymous,")."""
    sources: list[_Source] = []
    for cue in _find_cues(doc, quotations):
        content = _content(doc, cue, quotations)
        if content is None:
            continue
        source = _describe_source(doc, cue.speaker, gazetteer, sources, cue.speaker_tokens)
        if source is not _NO_SOURCE:
            sources.append(source)
        governed = ((content.start, content.end), *_source_clauses(cue.speaker))
        yield _record(_text(doc), cue, source, content), governed


def _resumed_quotations(
    text: str, found: Sequence[tuple[Attribution, Governed]], quotations: Sequence[Quotation]
) -> list[tuple[Attribution, Governed]]:
    """Return ``found`` with each direct quotation running on into the quotation that
    resumes it, where no cue claims that one:

    - after the cue in the same paragraph: "“A,” said Ebrard, “B.”" and "“A,” said
      Ebrard. “B.”" are both Ebrard's;
    - in the next paragraph, when the quotation is left open at its paragraph's end, the
      convention for a quotation that runs over several paragraphs.
    """
    claimed = [(record.content_start, record.content_end) for record, _ in found]
    resumed = []
    for record, governed in found:
        end = record.content_end
        if record.quote_type == "direct":
            while (following := _resuming(text, record, end, quotations)) is not None and not any(
                    start < following.inner_end and following.inner_start < stop
                    for start, stop in claimed):
                end = _trimmed(text, following.inner_start, following.inner_end, "direct").end
        if end != record.content_end:
            # What it governs stays as it was: cues inside the quotations are skipped anyway,
            # and one between them ("said X, speaking of Y. “B”") is a citation of its own.
            record = dataclasses.replace(record, content=text[record.content_start:end],
                                         content_end=end)
        resumed.append((record, governed))
    return resumed


def _resuming(
    text: str, record: Attribution, end: int, quotations: Sequence[Quotation]
) -> Quotation | None:
    """Return the quotation that resumes the one ending at ``end``, if any."""
    following = next((q for q in quotations if q.inner_start > end), None)
    if following is None:
        return None
    between = text[end:following.start]
    if "\n" not in between:
        # The cue stands between the two parts, and nothing else but its clause.
        interrupted = end <= record.cue_start < following.start and len(between) <= 80
        return following if interrupted and between.rstrip()[-1:] in (",", ".") else None
    left_open = not any(mark in between for mark in _CLOSING_MARKS + '"')
    next_paragraph = not between.strip(" \t\n\u00a0.,;:!?")
    return following if left_open and next_paragraph else None


def _source_clauses(speaker: Token | None) -> list[tuple[int, int]]:
    """Return the ranges of relative clauses on ``speaker`` that state a wish or belief:
    "an official, who wished to remain anonymous, said X" cites the official once."""
    if speaker is None:
        return []
    return [_token_range(child.subtree) for child in speaker.children
            if child.dep_ == "relcl" and _is_mental_state(child)]


def _is_mental_state(verb: Token) -> bool:
    lemma = _verb_lemma(verb)
    return lemma in _BELIEF_VERBS or lemma in _VOLITION_VERBS or lemma in _EVIDENTIAL_VERBS


def _own_clause_cues(doc: Doc) -> set[int]:
    """Return the offsets of cues that head an adverbial clause with a clause of their own
    ("insisted that X, claiming that Y"): a second statement, not part of the first."""
    return {token.idx for token in doc if _is_own_clause_cue(token)}


def _is_own_clause_cue(token: Token) -> bool:
    return token.dep_ == "advcl" and any(c.dep_ == "ccomp" for c in token.children)


def _outermost(
    doc: Doc,
    found: Sequence[tuple[Attribution, tuple[tuple[int, int], ...]]]
) -> Iterator[Attribution]:
    """Yield the attributions whose cue lies in no range another attribution governs.

    "The mayor told a local paper that she believes X" cites the mayor once: "believes" is
    part of what she told, like a cue inside a quotation; and in "an official, who wished to remain
    anonymous, said X" the wish describes the source.
    """
    own_clauses = _own_clause_cues(doc)
    for record, _ in found:
        if not any(
            other is not record and start <= record.cue_start < end
            for other, governed in found
            for start, end in (governed[1:] if record.cue_start in own_clauses else governed)
        ):
            yield record


def _record(text: str, cue: _Cue, source: _Source, content: _Content) -> Attribution:
    has_content = content.start >= 0
    return Attribution(
        cue=text[cue.start:cue.end],
        cue_start=cue.start,
        cue_end=cue.end,
        source=source.text,
        source_start=source.start,
        source_end=source.end,
        source_surface=source.surface,
        source_kind=source.kind,
        side=source.side,
        quote_type="according_to" if cue.according_to else content.quote_type,
        content=text[content.start:content.end] if has_content else "",
        content_start=content.start,
        content_end=content.end,
    )


# --- tables -------------------------------------------------------------------------------


def attributions_frame(rows: Iterable[tuple[str, Attribution]]) -> pd.DataFrame:
    """Return ``(article_id, Attribution)`` pairs as a DataFrame with schema.ATTRIBUTIONS."""
    return records_frame(rows, ATTRIBUTIONS)


def attribution_counts(
    frame: pd.DataFrame, articles: pd.DataFrame, *, by: CountBy = "outlet"
) -> pd.DataFrame:
    """Return one row per outlet (or article): how many attributions, of which kind and side.

    Columns: the key (``outlet`` or ``article_id``), ``attributions``, ``sources`` (distinct
    source texts per article, summed), ``kind_<kind>`` for every source kind,
    ``side_US``, ``side_Mexico``, ``side_other``, ``side_none``, one column per quote type
    (``direct``, ``indirect``, ``mixed``, ``according_to``) and ``anonymous_share`` (of the
    attributions that have a source, the share whose source is anonymous; an evidential or
    "reportedly" without a source is left out of it; 0.0 where there are none). Every
    outlet or article of ``articles`` has a row, sorted by the key. Raises ValueError for
    any other ``by``.
    """
    if by not in ("article", "outlet"):
        raise ValueError(f"by must be 'article' or 'outlet', got {by!r}")
    key = "outlet" if by == "outlet" else "article_id"
    merged = frame.merge(articles[["article_id", "outlet"]], on="article_id", how="inner")
    keys = sorted(articles[key].astype(str).unique())
    grouped = merged.assign(**{key: merged[key].astype(str)}).groupby(key)
    counts = pd.DataFrame(index=pd.Index(keys, name=key))
    counts["attributions"] = grouped.size()
    counts["sources"] = _distinct_sources(merged, key)
    for kind in SOURCE_KINDS:
        counts[f"kind_{kind}"] = grouped["source_kind"].apply(lambda s, k=kind: (s == k).sum())
    for side in SIDES:
        counts[f"side_{side or 'none'}"] = grouped["side"].apply(lambda s, v=side: (s == v).sum())
    for quote_type in QUOTE_TYPES:
        counts[quote_type] = grouped["quote_type"].apply(lambda s, q=quote_type: (s == q).sum())
    counts = counts.fillna(0).astype(int)
    sourced = grouped["source"].apply(lambda s: (s.astype(str) != "").sum())
    total = sourced.reindex(counts.index, fill_value=0)
    total = total.where(total > 0)
    counts["anonymous_share"] = (counts["kind_anonymous"] / total).fillna(0.0).round(3)
    return counts.reset_index()


def _distinct_sources(merged: pd.DataFrame, key: str) -> pd.Series:
    named = merged[merged["source"].astype(str) != ""]
    distinct = named.drop_duplicates(["article_id", "source"])
    return distinct.assign(**{key: distinct[key].astype(str)}).groupby(key).size()
