"""What a word on the parse is: a reporting verb, a belief with a proposition, an
evidential, a verb of speech used as a plain action. Every list comes from the lexicon."""

from __future__ import annotations

from spacy.tokens import Token

from analysis.attribution.lexicons import Lexicon

INFINITIVE_DEPS = frozenset({"ccomp", "xcomp"})


def verb_lemma(token: Token) -> str:
    """Return the lemma of ``token``, mended where the model errs ("hopes" -> "hop",
    "retweeted" -> "retweete")."""
    lemma = token.lemma_.lower()
    if lemma == "hop" and not token.lower_.startswith("hopp"):
        return "hope"
    return "retweet" if lemma == "retweete" else lemma


def is_reporting_verb(token: Token, lexicon: Lexicon) -> bool:
    """Return whether ``token`` is a verb that reports speech, a finding, a stance, or a
    belief or wish with a proposition."""
    if token.pos_ != "VERB":
        return False
    lemma = verb_lemma(token)
    return (lemma in lexicon.reporting_verbs or states_a_proposition(token, lemma, lexicon)
            or has_topic(token, lemma, lexicon) or as_put_it(token) is not None
            or phrasal_particle(token, lexicon) is not None)


def phrasal_particle(verb: Token, lexicon: Lexicon) -> Token | None:
    """Return the particle that makes ``verb`` a verb of speech ("back" of "shot back")."""
    particle = lexicon.phrasal_verbs.get(verb.lemma_.lower())
    return next((c for c in verb.children if c.lower_ == particle
                 and c.dep_ in ("prt", "advmod")), None) if particle else None


def as_put_it(verb: Token) -> Token | None:
    """Return "it" of "as the mayor put it, X", a way of quoting: the clause is what was
    said ("put it into play" is no speech)."""
    if verb.lemma_.lower() != "put" or not any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"), None)


def has_topic(verb: Token, lemma: str, lexicon: Lexicon) -> bool:
    """Return whether a topic verb has its topic: "spoke about X", "cast X as Y"."""
    topics = lexicon.topic_verbs.get(lemma, ())
    return any(c.dep_ == "prep" and c.lower_ in topics for c in verb.children)


def states_a_proposition(verb: Token, lemma: str, lexicon: Lexicon) -> bool:
    """Return whether a belief, wish or evidential ``verb`` takes a propositional complement
    ("thinks that X", "wants Mexico to pay", "appears to lead"), not a plain object."""
    if lemma in lexicon.clause_verbs:
        return holds_a_proposition(verb)
    if lemma in lexicon.sourceless_verbs:
        return is_evidential(verb, lexicon)
    if lemma in lexicon.infinitive_verbs:
        return any(child.dep_ in INFINITIVE_DEPS for child in verb.children)
    return False


def holds_a_proposition(verb: Token) -> bool:
    """Return whether a belief ``verb`` takes a clause ("thinks that X", not "will see
    whether X") or an object with a predicate ("sees him as a threat")."""
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if any(not is_open_question(clause) for clause in clauses):
        return True
    has_object = any(c.dep_ == "dobj" for c in children)
    return has_object and any(
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in children)


def is_open_question(clause: Token) -> bool:
    """Return whether ``clause`` opens with "whether" or "if"."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def is_evidential(verb: Token, lexicon: Lexicon) -> bool:
    """Return whether ``verb`` is "appears to lead", "seems like X": no one is the source."""
    return (verb_lemma(verb) in lexicon.sourceless_verbs
            and bool(evidential_complements(verb)))


def evidential_complements(verb: Token) -> list[Token]:
    """Return the clause or infinitive of "seems to lead", "appears that X", or the "like"
    phrase of "seems like a long shot"."""
    return [child for child in verb.children if child.dep_ in INFINITIVE_DEPS
            or (child.dep_ == "prep" and child.lower_ == "like")]


def is_passive(verb: Token) -> bool:
    """Return whether ``verb`` has a passive auxiliary or subject."""
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def is_infinitive(clause: Token) -> bool:
    """Return whether ``clause`` is a to-infinitive, whatever the parser called it."""
    return clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def is_that(token: Token, clause: Token) -> bool:
    """Return whether ``token`` is the complementizer "that" of ``clause``."""
    return token.dep_ == "mark" and token.head.i == clause.i and token.lower_ == "that"


def speaking_participle(verb: Token) -> bool:
    """Return whether ``verb`` is "calling" in "Graham, calling X a liar, ..." (not "the
    plan announced Monday")."""
    noun = verb.head
    if verb.tag_ != "VBG":
        return False
    # "a poll showing that X", "a message saying X": a participle with a clause speaks.
    return noun.ent_type_ in ("PERSON", "ORG") or noun.pos_ == "PRON" or any(
        child.dep_ == "ccomp" for child in verb.children)


def is_plain_action(verb: Token, lexicon: Lexicon) -> bool:
    """Return whether a verb that can report speech or a stance is a plain action here.

    "released a statement" is a statement, "released 200 migrants" is not; "pushed for
    talks", "pushed the envoy to resign" and "pushed back on X" are stances, "pushed migrants
    back" is not; "maintained that X" is speech, "maintained the policy" is not; "“X,” she
    continued" is speech, "migrants continue to arrive" is not.
    """
    lemma = verb_lemma(verb)
    children = list(verb.children)
    if lemma == "continue":
        return any(c.dep_ == "xcomp" and not is_reporting_verb(c, lexicon) for c in children)
    if lemma in ("release", "issue"):
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        published = lexicon.listed("content", "published_things")
        return bool(objects) and not any(
            counted_noun(o, lexicon).lemma_.lower() in published for o in objects)
    if lemma == "push":
        return not any(c.dep_ in ("xcomp", "ccomp") or is_infinitive(c) or (
            c.dep_ == "prep" and c.lower_ in ("for", "against", "on")) for c in children)
    if lemma == "maintain":
        return any(c.dep_ == "dobj" for c in children)
    return False


def counted_noun(head: Token, lexicon: Lexicon) -> Token:
    """Return "officials" for "one of the officials", else ``head`` itself."""
    if head.lower_ in lexicon.listed("kinds", "quantifiers") or head.pos_ == "NUM":
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return head


def is_mental_state(verb: Token, lexicon: Lexicon) -> bool:
    """Return whether ``verb`` is a belief, wish or appearance that needs a proposition."""
    return verb_lemma(verb) in lexicon.mental_state_verbs
