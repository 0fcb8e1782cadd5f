"""Who speaks: the speaker of a reporting verb on the dependency parse.

The subject (climbing through coordinated and subordinate verbs: "declined to comment, but
noted that ...", "adding that ...", and from a gerund to the verb whose object it
completes: "made a point of praising X"), the agent of a passive ("was informed by a senior
official"), the object of a causative verb ("led the mayor to warn X"), a name after an
inverted quotative verb ("“X,” added a councillor") or one the parser left unattached. A
dateline the parser took for the subject is passed over for the name after it.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.attribution.lexicons import Lexicon
from analysis.attribution.spans import doc_text, paragraph, past_dateline
from analysis.attribution.verbs import is_reporting_verb, verb_lemma

# The clause a speaker may be found above, and the statement words a quotative verb takes.
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acomp"})
STATEMENT_WORDS = frozenset({"that", "this", "it", "yes", "no", "otherwise", "what", "same"})
# Returned by ``own_speaker`` when a verb has neither subject nor agent to ask.
MISSING = object()


def speaker_of(verb: Token, lexicon: Lexicon) -> Token | None:
    """Return the head token of whoever the reporting ``verb`` attributes to, if any."""
    inverted = inverted_speaker(verb, lexicon)
    if inverted is not None:
        return inverted
    own = own_speaker(verb)
    if own is not MISSING:
        return own
    if _is_bare_participle(verb):
        return None
    controller = _object_controller(verb, lexicon)
    if controller is not None:
        return controller
    climbed = _climbed_speaker(verb, lexicon) or _gerund_of_object_speaker(verb)
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
    own = own_speaker(preposition.head.head)
    return own if isinstance(own, Token) else None


def _object_controller(verb: Token, lexicon: Lexicon) -> Token | None:
    """Return the object that does what an infinitive says ("the vote led the mayor to
    warn that X", "left voters to wonder whether X"), not the subject of the verb above."""
    causative = lexicon.listed("content", "causative_verbs")
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in causative:
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


_CLOSING_QUOTES = ("”", '"', "''")


def inverted_speaker(verb: Token, lexicon: Lexicon) -> Token | None:
    """Return the noun phrase after a quotative verb that follows a quotation ("“X,” added a
    councillor", "X," wrote Ortiz) or, for "say", a comma ("The reason, say officials, is Y"),
    which the parser sometimes reads as an object while taking a word before as subject."""
    doc = verb.doc
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if verb_lemma(verb) not in lexicon.listed("content", "quotative_verbs") or any(
            c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    before = doc[verb.i - 1].text
    quoted = before in _CLOSING_QUOTES or (
        before == "," and verb.i > 1 and doc[verb.i - 2].text in _CLOSING_QUOTES)
    if not quoted and not (before == "," and verb_lemma(verb) == "say"):
        return None
    chunk = next((c for c in verb.sent.noun_chunks if c.start == verb.i + 1), None)
    if chunk is None or chunk.root.pos_ == "PRON" or chunk.root.ent_type_ in ("DATE", "TIME"):
        return None
    return None if chunk.root.lower_ in STATEMENT_WORDS else chunk.root


def _is_bare_participle(verb: Token) -> bool:
    """Return whether ``verb`` is "Asked" in "Asked about X, Rubio said": whoever asked is
    not named, and the subject of the main clause is who answered."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl"


def _climbed_speaker(verb: Token, lexicon: Lexicon) -> Token | None:
    # "declined to comment, but noted that ... and said ...": coordinated reporting verbs
    # share the first one's speaker, not the subject of the clause in between.
    # A reporting verb that is itself a reported clause ("said that she would offer X and
    # predicted Y", where the parser hung "predicted" on "offer") is passed over for the
    # reporting verb above it: the conjunct is a second statement of the outer speaker.
    token = verb
    while token.dep_ in CLIMB_DEPS | {"ccomp"} and token.head.i != token.i:
        token = token.head
        if is_reporting_verb(token, lexicon) and not _is_reported_clause(token, lexicon):
            return speaker_of(token, lexicon)
    token = verb
    for _ in range(4):
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            break
        token = token.head
        own = own_speaker(token)
        if own is not MISSING:
            return own
    return None


_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``"})


def _is_reported_clause(verb: Token, lexicon: Lexicon) -> bool:
    """Return whether ``verb`` heads the clause a reporting verb before it reports, with no
    quotation mark between them (in "“We could see it,” Ortiz said" the parser makes "said"
    a clause of "see")."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i > verb.i or not is_reporting_verb(head, lexicon):
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


def _past_dateline(subject: Token) -> Token:
    """Return the speaker the parser hung on a dateline it took for the subject
    ("ORLANDO, Fla. (Reuters) - President Barack Obama said", with "Obama" in apposition
    to "ORLANDO"): the first noun after the dateline whose head lies in it; else
    ``subject``."""
    text = doc_text(subject.doc)
    start, end = paragraph(text, subject.idx)
    after = past_dateline(text, start, end)
    if subject.idx >= after:
        return subject
    return next((token for token in subject.subtree
                 if token.idx >= after and token.head.idx < after
                 and token.pos_ in ("PROPN", "NOUN", "PRON")), subject)


def own_speaker(verb: Token) -> object:
    """Return the speaker ``verb`` names itself (the noun a participle hangs on, the agent
    of a passive, the nearest subject before it), None for a passive without agent, or
    MISSING when it names none and one must be looked for above it."""
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
        return _past_dateline(before[-1] if before else subjects[0])
    if any(child.dep_ == "nsubjpass" for child in children):
        return None
    return MISSING
