"""Content: what a cue attributes, and how (direct, indirect, mixed or "according to").

The content of a reporting verb comes from the first of ``COMPLEMENT_RULES`` that applies
to it, and failing that from ``FALLBACK_RULES``, a quotation next to the cue
(``quotation``) or the text after a colon that closes the cue (``after_colon``); the name
of the rule that gave it goes on the row. Contents stay within the cue's paragraph, and
other cues' phrases inside a content are left out of it ("noted that X, and said Y"
reports X).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from analysis.attribution.cues import Cue
from analysis.attribution.lexicons import Lexicon
from analysis.attribution.quotes import Quotation
from analysis.attribution.records import QuoteType
from analysis.attribution.spans import (
    CORE_PUNCTUATION,
    EDGE_PUNCTUATION,
    doc_text,
    paragraph,
    strip,
    token_range,
)
from analysis.attribution.speakers import STATEMENT_WORDS, inverted_speaker
from analysis.attribution.verbs import (
    evidential_complements,
    is_evidential,
    is_passive,
    is_reporting_verb,
    is_that,
    phrasal_particle,
    verb_lemma,
)


@dataclass(frozen=True, slots=True)
class Content:
    """The character range of a content, how it is quoted, and the rule that found it."""

    start: int
    end: int
    quote_type: QuoteType
    rule: str = ""


NO_CONTENT = Content(-1, -1, "indirect", "withheld")


def content_of(doc: Doc, cue: Cue, quotations: Sequence[Quotation], lexicon: Lexicon
               ) -> Content | None:
    """Return what ``cue`` attributes, or None when it attributes nothing."""
    text = doc_text(doc)
    if cue.according_to:
        return _according_to_content(doc, cue.anchor)
    if cue.content_tokens:
        return _with_quotations(text, token_range(cue.content_tokens), quotations, "complement")
    if cue.declined:
        return NO_CONTENT
    if cue.colon:
        paragraph_end = paragraph(text, cue.end)[1]
        if not text[cue.end:paragraph_end].strip():
            # A closing colon: the quotation opens the next paragraph.
            start = len(text) - len(text[paragraph_end:].lstrip())
            paragraph_end = paragraph(text, start)[1]
            return _with_quotations(text, (start, paragraph_end), quotations, "paragraph")
        return _with_quotations(text, (cue.end, paragraph_end), quotations, "paragraph")
    found, rule = _complement(cue.anchor, lexicon)
    complement = _without_speaker(found, cue.speaker, lexicon)
    if complement:
        return _with_quotations(text, token_range(complement), quotations, rule)
    quote = _adjacent_quotation(text, _clause_range(cue), quotations)
    if quote is not None:
        return trimmed(text, quote.inner_start, quote.inner_end, "direct", "quotation")
    after = _after_colon(doc, cue.anchor, lexicon) if cue.speaker is not None else None
    if after is not None:
        return _with_quotations(text, after, quotations, "after_colon")
    return None


def _after_colon(doc: Doc, verb: Token, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the range after a colon that closes a speech verb's phrase ("the columnist
    writes: X"): the rest of the paragraph or, when the colon ends it, the next one."""
    if verb_lemma(verb) not in lexicon.words("speech", "verbs") | lexicon.words(
            "evidential", "verbs"):
        return None
    colon = cue_phrase(verb)[-1].i + 1
    if colon >= len(doc) or doc[colon].text != ":":
        return None
    text = doc_text(doc)
    start = doc[colon].idx + 1
    end = paragraph(text, start)[1]
    if not text[start:end].strip():
        start = len(text) - len(text[end:].lstrip())
        end = paragraph(text, start)[1]
    return (start, end) if text[start:end].strip() else None


def _without_speaker(tokens: list[Token], speaker: Token | None, lexicon: Lexicon
                     ) -> list[Token]:
    """Return ``tokens`` without the speaker's phrase and what follows it, where the parser
    hung the speaker on the reported clause ("“We won,” said Robin Maynard")."""
    if speaker is None or not any(t.i == speaker.i for t in tokens):
        return tokens
    first = min(t.i for t in speaker.subtree)
    # An inverted speaker the parser read as the object ("wrote a reader") is no content.
    found = inverted_speaker(speaker.head, lexicon) if first > speaker.head.i else None
    inverted = found is not None and found.i == speaker.i
    return [t for t in tokens if t.i < first] if first > tokens[0].i or inverted else tokens


# A content rule returns the tokens a reporting verb attributes, or None where it does not
# apply; the first of COMPLEMENT_RULES that applies decides, even when it finds nothing.
ComplementRule = Callable[[Token, Lexicon], "list[Token] | None"]


def _evidential_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"Kasich appears to lead": the subject and the complement."""
    return _evidential_clause(verb) if is_evidential(verb, lexicon) else None


def _clause_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"said (that) X", "said in a statement that X": the clausal complement."""
    clauses = [child for child in verb.children if child.dep_ == "ccomp"]
    clauses = clauses or _that_clauses_in_adjuncts(verb)
    if not clauses:
        return None
    return [t for clause in clauses for t in clause.subtree if not is_that(t, clause)]


def _parenthetical_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"Even then, he said, he has learned enough": the sentence around the cue."""
    if verb.dep_ != "parataxis":
        return None
    inner = {t.i for t in verb.subtree}
    return [t for t in verb.sent if t.i not in inner]


def _as_clause_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"As the Post reported, X": the clause the cue qualifies."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as"
                                       for c in verb.children):
        return None
    inner = {t.i for t in verb.subtree}
    return [t for t in verb.head.subtree if t.i not in inner]


def _passive_subject_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"The deal was first reported by Reuters": what was reported is the subject."""
    if not is_passive(verb) or not any(c.dep_ == "agent" for c in verb.children):
        return None
    return [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]


def _object_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"noted the rise", "responded to the charge": the object or topic, without the
    preposition, of a verb whose object is what it attributes."""
    if not (verb_lemma(verb) in lexicon.object_verbs | lexicon.topic_verbs.keys()
            or _is_document_finding(verb, lexicon) or phrasal_particle(verb, lexicon)
            is not None):
        return None
    return [t for child in verb.rights if _is_object(child, lexicon) for t in child.subtree
            if not (child.dep_ == "prep" and t.i == child.i)]


def _infinitive_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"agreed to X": the commitment."""
    tokens = [t for child in verb.rights if child.dep_ == "xcomp" for t in child.subtree]
    return tokens or None


def _statement_word_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"said that", "said yes", "said the same of X": a word standing for what was said."""
    return _statement_word(verb)


def _misread_parenthetical_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"X has grown, she said.", parsed as if "she said" were part of X."""
    if not _is_misread_parenthetical(verb):
        return None
    phrase = cue_phrase(verb)
    inner = {t.i for t in phrase}
    return [t for t in verb.sent if t.i not in inner
            and not (t.is_punct and t.i > phrase[-1].i)]


def _first_subject_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"The promise appeals to them, said an analyst": the parser made the reported clause
    a first subject of the verb, before the speaker."""
    return _subject_read_as_content(verb) or None


def _relative_antecedent_rule(verb: Token, lexicon: Lexicon) -> list[Token] | None:
    """"the things the candidate said about X": what was said is the antecedent."""
    if not _is_object_relative(verb):
        return None
    inner = {t.i for t in verb.subtree}
    return [t for t in verb.head.subtree if t.i not in inner]


COMPLEMENT_RULES: tuple[tuple[str, ComplementRule], ...] = (
    ("evidential_clause", _evidential_rule),
    ("clause", _clause_rule),
    ("parenthetical", _parenthetical_rule),
    ("as_clause", _as_clause_rule),
    ("passive_subject", _passive_subject_rule),
    ("object", _object_rule),
    ("infinitive", _infinitive_rule),
    ("statement_word", _statement_word_rule),
)
# Tried in order when the complement rule found nothing.
FALLBACK_RULES: tuple[tuple[str, ComplementRule], ...] = (
    ("misread_parenthetical", _misread_parenthetical_rule),
    ("first_subject", _first_subject_rule),
    ("relative_antecedent", _relative_antecedent_rule),
)


def _complement(verb: Token, lexicon: Lexicon) -> tuple[list[Token], str]:
    """Return the tokens of what ``verb`` reports, within its paragraph, and the name of
    the rule that found them; [] if none."""
    tokens, rule = [], ""
    for name, complement_rule in COMPLEMENT_RULES:
        found = complement_rule(verb, lexicon)
        if found is not None:
            tokens, rule = found, name
            break
    for name, fallback in FALLBACK_RULES:
        if tokens:
            break
        tokens, rule = fallback(verb, lexicon) or [], name
    nested = nested_cue_tokens(tokens, lexicon)
    start, end = paragraph(doc_text(verb.doc), verb.idx)
    tokens = sorted((t for t in tokens if t.i not in nested and start <= t.idx < end),
                    key=lambda t: t.i)
    # The parser sometimes reads the complementizer as a pronoun ("telling NBC that AMLO ...").
    if tokens and tokens[0].lower_ == "that" and tokens[0].dep_ in ("mark", "nsubj"):
        tokens = tokens[1:]
    return tokens, rule


def _statement_word(verb: Token) -> list[Token]:
    """Return the word that stands for what was said ("said yes", "said that") or, for
    "said the same of X" and any object of "say" ("says odd things", "said little
    about X"), the phrase with its topic."""
    for child in verb.rights:
        if child.dep_ not in ("dobj", "intj"):
            continue
        if child.lower_ in STATEMENT_WORDS - {"same"}:
            return [child]
        if child.lower_ == "same" or (child.dep_ == "dobj" and verb_lemma(verb) == "say"):
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
    if verb.dep_ not in ("conj", "advcl", "ccomp") or not has_own_subject(verb):
        return False
    if any(c.dep_ in ("mark", "cc") or c.tag_ in ("WRB", "WDT", "WP") for c in verb.children):
        return False
    phrase = cue_phrase(verb)
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
    if not has_own_subject(verb):
        return False
    return not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "dative")
        or (c.dep_ == "advmod" and c.tag_ == "WRB")
        or (c.dep_ == "prep" and any(g.tag_ in ("WDT", "WP") for g in c.children))
        for c in verb.children)


def has_own_subject(verb: Token) -> bool:
    """Return whether ``verb`` has a subject that is not a relative pronoun."""
    return any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children)


def _is_document_finding(verb: Token, lexicon: Lexicon) -> bool:
    """Return whether ``verb`` is "found" with a poll, study or report as its subject: "a
    survey found broad support" reports a finding, "the mayor found a wallet" does not."""
    return verb_lemma(verb) == "find" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.listed("content", "document_heads")
        for c in verb.children)


_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "conj", "cc", "punct", "parataxis"})


def cue_phrase(verb: Token) -> list[Token]:
    """Return ``verb`` with its subject, auxiliaries, objects and adjuncts, without the
    clauses, conjuncts and punctuation hung on it, in text order."""
    tokens = [verb, *(t for c in verb.children if c.dep_ not in _CLAUSE_DEPS
                      for t in c.subtree)]
    return sorted(tokens, key=lambda t: t.i)


def _evidential_clause(verb: Token) -> list[Token]:
    """Return the subject and complement of "Kasich appears to lead"; only the clause of
    "it seems that X"."""
    complements = {child.i for child in evidential_complements(verb)}
    return [
        token for child in verb.children
        if child.i in complements or (
            child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "there"))
        for token in child.subtree
    ]


# Prepositions whose object is what a stance verb is about ("criticized him for X").
_CONTENT_PREPOSITIONS = frozenset({"as", "of", "about", "for", "against", "over", "to"})


def _is_object(child: Token, lexicon: Lexicon) -> bool:
    """Return whether ``child`` of a verb is what the verb attributes: its object, or a
    topic the verb or the lexicon's ``verb_prepositions`` allow ("distanced herself from
    X", "commented on the vote", "agreed with X"; not "announced on Monday")."""
    prepositions = lexicon.verb_prepositions
    if child.dep_ == "dobj" and child.tag_ == "PRP" and child.head.lemma_ in prepositions:
        return False  # "distanced herself from X": the reflexive is no content
    if child.dep_ in ("dobj", "attr", "oprd", "xcomp", "acomp"):
        return True
    if child.dep_ == "advcl":
        # "called for Mexico to do more": a "for ... to" clause.
        return any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children)
    if child.dep_ != "prep":
        return False
    lemma = child.head.lemma_.lower()
    if lemma in lexicon.topic_verbs:
        return child.lower_ in lexicon.topic_verbs[lemma]
    if child.lower_ == "on":
        # "commented on the vote", not "announced on Monday".
        return not any(c.ent_type_ in ("DATE", "TIME") for c in child.children)
    if child.lower_ == "with":
        # "agreed with X"; "responded with a statement", "countered with X": the reply.
        return lemma in ("agree", "disagree", "side", "concur", "respond", "reply", "counter")
    if prepositions.get(lemma) == child.lower_:
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
        if token.dep_ in ("acl", "relcl") and any(is_that(t, token) for t in token.children)
    ][:1]


def is_own_clause_cue(token: Token) -> bool:
    """Return whether ``token`` heads an adverbial clause with a clause of its own
    ("insisted that X, claiming that Y"): a second statement, not part of the first."""
    return token.dep_ == "advcl" and any(c.dep_ == "ccomp" for c in token.children)


def nested_cue_tokens(tokens: Sequence[Token], lexicon: Lexicon) -> set[int]:
    """Return the indexes of other cues' phrases inside ``tokens``, to leave them out.

    "noted that X, and said Y" reports X, not "X, and said Y"; "Z said that, according
    to W, X" reports X; "says X — arguing that Y" reports X, and "arguing" Y.
    """
    nested: set[int] = set()
    for token in tokens:
        coordinated = token.dep_ == "conj" and is_reporting_verb(token, lexicon)
        if coordinated or token.lower_ == "according" or (
                is_own_clause_cue(token) and is_reporting_verb(token, lexicon)):
            nested.update(t.i for t in token.subtree)
            nested.update(
                sibling.i for sibling in token.head.children
                if sibling.dep_ in ("cc", "punct") and token.left_edge.i - 2 <= sibling.i
                and sibling.i < token.left_edge.i
            )
    return nested


def _according_to_content(doc: Doc, according: Token) -> Content | None:
    """Return the clause that "according to X" qualifies, without the phrase itself."""
    phrase = list(according.subtree)
    clause = according.head
    # Climb to the main clause ("..., urging Mexico to ..., according to officials"), but
    # not out of a reported clause ("According to X, Y has ..., officials have revealed").
    while clause.head.i != clause.i and (
        clause.pos_ not in ("VERB", "AUX") or clause.dep_ in ("advcl", "conj", "xcomp")
    ):
        clause = clause.head
    paragraph_start, paragraph_end = paragraph(doc_text(doc), according.idx)
    scope = [
        t for t in (clause.subtree if clause.i != according.i else according.sent)
        if paragraph_start <= t.idx < paragraph_end
    ]
    before = [t for t in scope if t.i < phrase[0].i]
    after = [t for t in scope if t.i > phrase[-1].i]
    candidates = [
        trimmed(doc_text(doc), *token_range(part), "according_to", "according_to")
        for part in (before, after) if part
    ]
    candidates = [c for c in candidates if c.end > c.start]
    if not candidates:
        return None
    return max(candidates, key=lambda c: c.end - c.start)


def _with_quotations(
    text: str, span: tuple[int, int], quotations: Sequence[Quotation], rule: str
) -> Content:
    """Return the content at ``span``: direct when a quotation holds it, mixed when one
    touches it, else indirect."""
    start, end = span
    core_start, core_end = strip(text, start, end, CORE_PUNCTUATION)
    for quote in quotations:
        if quote.inner_start <= core_start and core_end <= quote.inner_end:
            return trimmed(text, quote.inner_start, quote.inner_end, "direct", rule)
    touching = [q for q in quotations if q.start < end and start < q.end]
    touching += [q for q in quotations if q.start >= end and _only_punctuation(text[end:q.start])]
    if not touching:
        return trimmed(text, start, end, "indirect", rule)
    start = min(start, *(q.start for q in touching))
    end = max(end, *(q.end for q in touching))
    return trimmed(text, start, end, "mixed", rule)


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


def _clause_range(cue: Cue) -> tuple[int, int]:
    tokens = [cue.anchor]
    if cue.speaker is not None:
        tokens.extend(cue.speaker.subtree)
    start, end = token_range(tokens)
    return min(start, cue.start), max(end, cue.end)


def _only_punctuation(between: str) -> bool:
    if ":" in between:
        # "Breitbart News responded:" followed by the quotation in the next paragraph.
        return not between.strip(" ,:\n\t\u00a0")
    return len(between) <= 3 and not between.strip(" ,:")


_DATELINE = re.compile(r"[A-Z][A-Z.,' ]+ [—–-]+ ")


def trimmed(text: str, start: int, end: int, quote_type: QuoteType, rule: str) -> Content:
    """Return the content from ``start`` to ``end`` without edge punctuation or a
    dateline ("MEXICO CITY — ")."""
    start, end = strip(text, start, end, EDGE_PUNCTUATION)
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    return Content(start, end, quote_type, rule)


