"""Sources: the span of whoever is cited, its kind, its side, and whom a pronoun means.

The span is the head noun phrase without appositive or relative clauses ("Roberto Velasco,
director general ..., said" -> "Roberto Velasco") and without a dateline that opens its
paragraph ("WASHINGTON (AP) — Sen. Bernie Sanders" -> "Sen. Bernie Sanders"); the kind
comes from the head word (the lexicon's ``[kinds]`` lists) and named entities, the side
from the editable gazetteer ``data/sides.toml``. A pronoun ("he added") is replaced by
the person it refers to: looking back from its own sentence to three before it, in the
first sentence with a candidate the last compatible speaker wins over a person only named,
and a subject over a non-subject; further back it stays a pronoun of unknown kind. A
relative pronoun ("Barkley, who said") keeps its span and takes the name of its
antecedent.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from analysis.attribution.lexicons import Lexicon
from analysis.attribution.records import Side, SourceKind
from analysis.attribution.sides import SideGazetteer
from analysis.attribution.spans import (
    EDGE_PUNCTUATION,
    doc_text,
    past_dateline,
    people,
    sentence_starts,
    strip,
    token_range,
    words_written_mid_sentence,
)
from analysis.attribution.verbs import counted_noun, is_reporting_verb, speaking_participle


def _words(lexicon: Lexicon, *kinds: str) -> frozenset[str]:
    return frozenset().union(*(lexicon.listed("kinds", kind) for kind in kinds))


_SINGULAR_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_PRONOUNS = _SINGULAR_PERSON_PRONOUNS | _PLURAL_PRONOUNS | {"it", "its", "i", "we", "you", "who"}
_DROPPED_FROM_SOURCE = frozenset({"appos", "relcl", "punct", "advcl", "parataxis"})


@dataclass(frozen=True, slots=True)
class Source:
    """Who a cue cites: the text (a pronoun's referent), span, kind and side."""

    text: str
    start: int
    end: int
    surface: str
    kind: SourceKind
    side: Side
    plural: bool
    head_lemma: str = ""
    # The index of the head token in the Doc (the pronoun, for a resolved pronoun).
    head: int = -1
    # The head of the source a resolved pronoun or relative pronoun stands for, else -1.
    referent: int = -1


NO_SOURCE = Source("", -1, -1, "", "unknown", "", plural=False)


def describe_source(
    doc: Doc,
    head: Token | None,
    gazetteer: SideGazetteer,
    earlier: Sequence[Source],
    lexicon: Lexicon,
    tokens: Sequence[Token] = (),
) -> Source:
    """Return the source headed by ``head`` (``tokens`` when a rule read its phrase), with
    a pronoun resolved against the ``earlier`` sources of the article; NO_SOURCE for
    None."""
    if head is None:
        return NO_SOURCE
    if _is_relative_subject(head):
        named = describe_source(doc, head.head.head, gazetteer, earlier, lexicon)
        span = (head.idx, head.idx + len(head.text))
        return Source(named.text, *span, head.text, named.kind, named.side, named.plural,
                      named.head_lemma, head.i, named.head)
    tokens = tokens or source_tokens(head, lexicon)
    start, end = strip(doc_text(doc), *token_range(tokens), EDGE_PUNCTUATION + "\"“”")
    if end <= start:
        start, end = head.idx, head.idx + len(head.text)
    # "WASHINGTON — Sen. Bernie Sanders said": the dateline is where, not who.
    start = past_dateline(doc_text(doc), start, end)
    surface = doc_text(doc)[start:end]
    plural = _is_plural(head)
    if head.lower_ in _PRONOUNS and head.pos_ == "PRON":
        resolved = _resolve_pronoun(doc, head, gazetteer, earlier, lexicon)
        if resolved is not None:
            return Source(resolved.text, start, end, surface, resolved.kind, resolved.side,
                          resolved.plural, head=head.i, referent=resolved.head)
        return Source(surface, start, end, surface, "unknown", "", plural, head=head.i)
    kind = _source_kind(doc, head, (start, end), gazetteer, lexicon)
    side = _side(doc, (start, end), head, kind, gazetteer)
    if not side and kind == "document" and _is_definite(head):
        side = _earlier_side(head.lemma_.lower(), earlier)
    return Source(" ".join(surface.split()), start, end, surface, kind, side, plural,
                  head.lemma_.lower(), head.i)


def _is_relative_subject(token: Token) -> bool:
    """Return whether ``token`` is "who" or "that" opening a relative clause it is subject of."""
    return (token.tag_ in ("WP", "WDT") and token.dep_ == "nsubj"
            and token.head.dep_ == "relcl" and token.head.head.i != token.head.i)


def _earlier_side(lemma: str, earlier: Sequence[Source]) -> Side:
    """Return the side of the latest earlier document of the same kind ("the statement")."""
    for source in reversed(earlier):
        if source.kind == "document" and source.head_lemma == lemma:
            return source.side
    return ""


def source_tokens(head: Token, lexicon: Lexicon, *, coordinated: bool = True) -> list[Token]:
    """Return the tokens of the noun phrase headed by ``head``, without its clauses; without
    its conjuncts too unless ``coordinated``."""
    kept = [head]
    lemma = head.lemma_.lower()
    for child in head.children:
        if child.dep_ in _DROPPED_FROM_SOURCE or (
                not coordinated and child.dep_ in ("conj", "cc", "preconj")):
            continue
        if child.dep_ == "acl" and lemma in lexicon.listed("content", "document_heads"):
            continue
        if child.dep_ == "acl" and is_reporting_verb(child, lexicon) and speaking_participle(child):
            continue  # the cue itself: "Graham, calling X a liar"
        kept.extend(source_tokens(child, lexicon))
    return kept


def _is_plural(head: Token) -> bool:
    return head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children) or (
        head.lower_ in _PLURAL_PRONOUNS
    )


def _source_kind(
    doc: Doc, head: Token, span: tuple[int, int], gazetteer: SideGazetteer, lexicon: Lexicon
) -> SourceKind:
    """Return the kind of the source headed by ``head`` ("one of the officials" is counted
    as "officials"): the first of ``KIND_RULES`` that gives one, else "unknown"."""
    noun = counted_noun(head, lexicon)
    for _, rule in KIND_RULES:
        kind = rule(doc, noun, span, gazetteer, lexicon)
        if kind is not None:
            return kind
    return "unknown"


KindRule = Callable[[Doc, Token, tuple[int, int], SideGazetteer, Lexicon], "SourceKind | None"]


def _outlet_kind(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
                 lexicon: Lexicon) -> SourceKind | None:
    """An outlet the gazetteer names ("The Washington Post", "a Reuters reporter")."""
    return "media_outlet" if _names_outlet(doc, noun, span, gazetteer, lexicon) else None


def _document_kind(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
                   lexicon: Lexicon) -> SourceKind | None:
    """A statement, report, poll, filing or post ("a statement", "flight records")."""
    return "document" if noun.lemma_.lower() in _words(lexicon, "documents") else None


def _media_kind(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
                lexicon: Lexicon) -> SourceKind | None:
    """A news medium or a journalist without an outlet's name ("the newspaper", "a
    reporter", "the media")."""
    return "media_outlet" if noun.lemma_.lower() in _words(lexicon, "media") else None


def _definite_organization_kind(doc: Doc, noun: Token, span: tuple[int, int],
                                gazetteer: SideGazetteer, lexicon: Lexicon
                                ) -> SourceKind | None:
    """"the Border Patrol", which the entity recognizer may take for a person."""
    if noun.lemma_.lower() in _words(lexicon, "organizations") and _is_definite(noun):
        return "organization"
    return None


def _person_name_kind(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
                      lexicon: Lexicon) -> SourceKind | None:
    """A person the entity recognizer or the gazetteer's people name, or a proper name
    that opens with a given name the lexicon knows ("Carly Fiorina said", where the entity
    recognizer saw an organisation)."""
    if _is_person_name(doc, noun, gazetteer) or _opens_with_given_name(noun, lexicon):
        return "named_person"
    return None


def _anonymous_kind(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
                    lexicon: Lexicon) -> SourceKind | None:
    """An official, a source, a person unnamed ("a senior official", "people familiar
    with the talks", "others"); people only counted are a group ("some say", "many
    argue"), one of them anonymous ("one said")."""
    lemma = noun.lemma_.lower()
    if lemma in _words(lexicon, "anonymous") or noun.lower_ in _UNNAMED:
        return "anonymous"
    if noun.lower_ in _words(lexicon, "quantifiers"):
        return "anonymous" if noun.lower_ in ("one", "each") else "group"
    return None


def _group_kind(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
                lexicon: Lexicon) -> SourceKind | None:
    """A group ("analysts", "Republicans", "Mexicans"), or people by role in the plural
    ("voters", "supporters")."""
    lemma = noun.lemma_.lower()
    plural = noun.tag_ in ("NNS", "NNPS")
    if lemma in _words(lexicon, "groups") or (noun.ent_type_ == "NORP" and plural):
        return "group"
    if plural and lemma in _words(lexicon, "people", "offices"):
        return "group"
    return None


def _role_kind(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
               lexicon: Lexicon) -> SourceKind | None:
    """An office or a role held by one person: named when definite ("the Mexican head of
    state", "the billionaire"), anonymous when not ("a Honduran congressman", "a voter")."""
    if noun.lemma_.lower() not in _words(lexicon, "offices", "people"):
        return None
    return "named_person" if _is_definite(noun) else "anonymous"


# Endings of nouns for people by what they do: "a lobbyist", "the commenter", "an
# investigator", "a historian", "a participant", "a proponent".
_AGENT_ENDINGS = ("ist", "er", "or", "ian", "ant", "ent")


def _agent_noun_kind(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
                     lexicon: Lexicon) -> SourceKind | None:
    """A common noun for a person by what they do, which the lexicon does not list, as the
    source of a cue: like a role ("the lobbyist" named, "a lobbyist" unnamed, "lobbyists" a
    group)."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.ent_type_ or not lemma.endswith(_AGENT_ENDINGS):
        return None
    if noun.tag_ in ("NNS", "NNPS"):
        return "group"
    return "named_person" if _is_definite(noun) else "anonymous"


def _organization_kind(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
                       lexicon: Lexicon) -> SourceKind | None:
    """An organisation, a country or a party ("Mexico", "a campaign")."""
    organizations = _words(lexicon, "organizations")
    if noun.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or noun.lemma_.lower() in organizations:
        return "organization"
    return None


def _proper_name_kind(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
                      lexicon: Lexicon) -> SourceKind | None:
    """A proper noun no entity names, or a word the article writes as a name ("Sanders
    said", tagged as a plural noun, where "Sanders" is capitalised mid-sentence elsewhere)."""
    return "named_person" if noun.pos_ == "PROPN" or written_as_name(noun) else None


KIND_RULES: tuple[tuple[str, KindRule], ...] = (
    ("outlet", _outlet_kind),
    ("document", _document_kind),
    ("media", _media_kind),
    ("definite_organization", _definite_organization_kind),
    ("person_name", _person_name_kind),
    ("anonymous", _anonymous_kind),
    ("group", _group_kind),
    ("role", _role_kind),
    ("organization", _organization_kind),
    ("proper_name", _proper_name_kind),
    ("agent_noun", _agent_noun_kind),
)
# Pronouns for people left unnamed: "others said", "those who spoke said".
_UNNAMED = frozenset({"others", "those", "someone", "somebody", "anyone", "anybody",
                      "everyone", "everybody", "another", "both"})


def written_as_name(noun: Token) -> bool:
    """Return whether ``noun`` is capitalised where a common noun would not be: not at the
    start of its sentence, or so written elsewhere in the article."""
    if not noun.text[:1].isupper() or noun.text.isupper():
        return False
    if not noun.is_sent_start:
        return True
    return noun.text in words_written_mid_sentence(noun.doc)


def _names_outlet(doc: Doc, noun: Token, span: tuple[int, int], gazetteer: SideGazetteer,
                  lexicon: Lexicon) -> bool:
    start, end = span
    outlets = [(start + a, start + b) for a, b in gazetteer.outlet_spans(doc_text(doc)[start:end])]
    if not outlets:
        return False
    covers_head = any(a <= noun.idx < b for a, b in outlets)
    # "a New York Times report", "a Reuters reporter": the outlet's work or journalist.
    return covers_head or noun.lemma_.lower() in _words(lexicon, "media", "documents")


def _is_person_name(doc: Doc, noun: Token, gazetteer: SideGazetteer) -> bool:
    """Return whether ``noun`` names a person: a PERSON entity, a name of the gazetteer's
    people, or the surname of a person the article names in full ("Fields said" after
    "Michelle Fields", where the entity recognizer took "Fields" for an organisation)."""
    if noun.ent_type_ == "PERSON":
        return True
    sentence = noun.sent
    known = gazetteer.person_spans(sentence.text)
    offset = sentence.start_char
    if any(offset + a <= noun.idx < offset + b for a, b in known):
        return True
    return noun.pos_ in ("PROPN", "NOUN") and noun.text[:1].isupper() and any(
        " " in name and name.split()[-1] == noun.text for name, *_ in people(doc))


def _opens_with_given_name(noun: Token, lexicon: Lexicon) -> bool:
    """Return whether ``noun`` ends a proper name of two or three words whose first is a
    given name ("Carly Fiorina", "Ted Cruz"), not an organisation's ("Bill Foundation")."""
    if noun.pos_ != "PROPN" or noun.lemma_.lower() in _words(lexicon, "organizations"):
        return False
    before = [child for child in noun.children
              if child.dep_ == "compound" and child.i < noun.i and child.pos_ == "PROPN"]
    if not 1 <= len(before) <= 2 or before[-1].i + 1 != noun.i:
        return False
    given = before[0].text
    return given in lexicon.gender.get("female_names", ()) or given in lexicon.gender.get(
        "male_names", ())


def _is_definite(noun: Token) -> bool:
    return any(
        (child.dep_ == "det" and child.lower_ == "the") or child.dep_ == "poss"
        for child in noun.children
    )


def _side(
    doc: Doc, span: tuple[int, int], head: Token, kind: SourceKind, gazetteer: SideGazetteer
) -> Side:
    """Return the side named in the source phrase, else in its clauses, else ""."""
    phrase_start, phrase_end = token_range(head.subtree)
    for start, end in (span, (min(phrase_start, span[0]), max(phrase_end, span[1]))):
        text = doc_text(doc)[start:end]
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


def _resolve_pronoun(
    doc: Doc, pronoun: Token, gazetteer: SideGazetteer, earlier: Sequence[Source],
    lexicon: Lexicon,
) -> Source | None:
    """Return whom ``pronoun`` means: looking back sentence by sentence, from its own to
    three before it, the first sentence with a candidate decides.

    An earlier compatible source wins over a person only named there, and a person who is
    the subject over one who is not ("The envoy said Biden erred. He added" is the envoy;
    "Bárcena met Blinken. She said" is Bárcena). In the pronoun's own sentence only a source
    or a subject counts ("Asked about Trump, he said" is not Trump). "He" never means a
    woman nor "she" a man where a given name, a title or a word such as "spokeswoman" makes
    it clear (the lexicon's ``[gender]``). Beyond that reach the article does not make it
    clear and None is returned.
    """
    word = pronoun.lower_
    sentences = sentence_starts(doc)
    own = bisect_right(sentences, pronoun.idx) - 1
    reach = sentences[max(own - _PRONOUN_REACH, 0)]

    def sentence_of(offset: int) -> int:
        return bisect_right(sentences, offset) - 1

    # (sentence, rank, start, who): a speaker ranks 2, a subject 1, another person 0.
    wrong = _OTHER_GENDER.get(word, "")
    candidates: list[tuple[int, int, int, Source | tuple[str, int, int]]] = [
        (sentence_of(source.start), 2, source.start, source) for source in earlier
        if reach <= source.start < pronoun.idx and _compatible(word, source)
        and not (wrong and gender(source.text, lexicon) == wrong)]
    if word in _SINGULAR_PERSON_PRONOUNS:
        text = doc_text(doc)
        candidates.extend(
            (sentence_of(start), int(is_subject), start, (name, start, end))
            for name, start, end, is_subject in people(doc)
            if reach <= start and end <= pronoun.idx
            and not (wrong and gender(text[max(start - 5, 0):end], lexicon) == wrong))
    eligible = [c for c in candidates if c[0] < own or c[1] > 0]
    if not eligible:
        return None
    *_, who = max(eligible, key=lambda candidate: candidate[:3])
    return who if isinstance(who, Source) else _named_person(*who, gazetteer)


# The gender a pronoun cannot mean.
_OTHER_GENDER = {"he": "female", "him": "female", "his": "female",
                 "she": "male", "her": "male"}


def gender(text: str, lexicon: Lexicon) -> str:
    """Return "female" or "male" where ``text`` (a name with what precedes it, or a source
    phrase) makes it clear: a gendered title or word ("Mrs.", "spokeswoman"), else the
    first given name the lexicon knows ("Hillary Clinton"); "" when it does not."""
    words = text.replace("’", "'").split()
    for side in ("female", "male"):
        if any(word.lower() in lexicon.gender.get(f"{side}_words", ()) for word in words):
            return side
    for word in words:
        for side in ("female", "male"):
            if word in lexicon.gender.get(f"{side}_names", ()):
                return side
    return ""


def _compatible(word: str, source: Source) -> bool:
    if word in _SINGULAR_PERSON_PRONOUNS:
        return source.kind in ("named_person", "anonymous") and not source.plural
    if word in _PLURAL_PRONOUNS:
        return source.plural or source.kind in ("organization", "group")
    if word in ("it", "its"):
        return not source.plural and source.kind in ("organization", "document", "media_outlet")
    return False


def _named_person(text: str, start: int, end: int, gazetteer: SideGazetteer) -> Source:
    """Return the source for a person named at ``start``:``end``, with the side of the name."""
    sides = gazetteer.sides_in(text)
    side = sides.pop() if len(sides) == 1 else ""
    return Source(text, start, end, text, "named_person", side,  # type: ignore[arg-type]
                   plural=False)
