"""What a cue reports (its class) and whether it is a citation: a source given words or
information, which is what counts, charts and the anonymous share use.

The class comes from the lexicon (``data/cues.toml``): speech, evidential, belief,
intention or stance, and document where the source is a statement, report, poll or filing.
"According to X", "reportedly" and "X reported" are evidential, and so is a statement whose
source is "sources" ("sources say").

``CITATION_RULES`` then decide, in order, the first that applies winning; a cue no rule
refuses is a citation, named after its class. The row's ``rule`` is the rule that found
the cue and its content, "/", and the rule that decided:

- ``no_source``: nobody is named ("reportedly", "it seems", "was criticized");
- ``withheld``: "declined to comment", "did not respond to a request for comment";
- ``reader_addressed``: the source is the reader ("you read");
- ``first_person``: "I" or "we" outside a quotation: the writer, not a source;
- ``label``: a name and a colon that label a line ("EXCLUSIVE: X", "BYLINE: X", or
  "Carson: A miracle." inside the article) rather than quote a speaker; inside the
  article a name and a colon cite only a quotation ("Trump: “We will win.”");
- ``headline``: a headline (a short first paragraph before the body, or a short one
  without a final full stop) counts only with a verb of saying ("Trump Says X",
  "McCain: X"); "Biden Urges Mexico" or "US and Mexico discuss immigration" sum the story
  up;
- ``negated``: "did not say", "has never criticized X": nothing was said;
- ``accordance``: "according to" a thing of its holder that is no source ("according to
  their instinctive preference", "according to his wishes"): a common noun of no known
  kind with a possessive; "according to his campaign's filings" (a document), "according
  to her aides" (people) cite;
- ``possibility``: what someone nobody can name could say ("even the devil can quote
  statistics", "one could say X"): a modal of possibility (can, could, may, might) with a
  source of no known kind or the generic "one"; "the panel could declare X" and "Rubio
  can ask them" stay citations;
- ``appearance``: "he seems to suggest X" is the reporter's impression, not a source's;
- ``mental_state``: belief and intention ("is worried about", "wants Mexico to pay",
  "agreed to accept migrants"): a state of mind or a plan, in the reporter's words;
- ``state_adjective``: a stance adjective ("has been critical of X") describes a state;
- ``deed``: a stance taken by deeds ("threatened tariffs", "pushed the government",
  "voted against"): an act, not words;
- ``conversation``: talks held ("discussed immigration", "the delegations negotiated"):
  what was said in them is cited by a verb of saying;
- ``topic_only``: a verb that gives words only with a clause, a quotation or a
  proposition has only a topic ("responded to such demands", "spoke of progress", "the
  things he said"); "spoke of sending $4 billion" cites;
- ``target_only``: a stance names only whom or what it is about ("attacked Clinton",
  "endorsed Trump"): the position, not the words; with what was said ("accused X of Y",
  "called X a liar", "urged X to Y", "criticized X for Y") or a quotation it cites;
- ``display``: a person or an organisation that shows or finds displays or discovers
  ("showed the crowd a clip", "has shown signs of irritation"); a document, poll or
  medium that shows or finds gives information ("a poll shows X");
- ``description``: a relative clause on its source with only an object ("Christie, who
  endorsed him last week", "an ad that slams X") describes the source; "Trump, who said
  that X" cites;
- ``object_deed``: a verb of saying whose plain noun object is a thing made or taken
  ("wrote a column", "posted a photo", "pledged $1 million", "claimed the nomination");
- ``nominal``: a statement or stance named by a noun ("his claim that X", "her criticism
  of the plan") is referred to, not reported; where it is reported a verb cites it;
- ``not_a_speaker``: an evidential or a stance whose source is a thing, not someone who
  can be cited ("as the record increase shows", "new SUVs highlight X"): a common noun of
  no known kind; or "it", "that", "which" that no earlier source explains ("That said").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from analysis.attribution.lexicons import CueClass, Lexicon
from analysis.attribution.spans import doc_text, paragraph
from analysis.attribution.verbs import INFINITIVE_DEPS, verb_lemma

if TYPE_CHECKING:
    from analysis.attribution.extract import Found

HEADLINE_WORDS = 20  # a paragraph of at most this many words may be a headline
_READER = frozenset({"you", "your"})
_WRITER = frozenset({"i", "we", "me", "us", "my", "our"})
_SAYING = frozenset({"speech", "document", "evidential"})
_THINGS = frozenset({"it", "its", "this", "that", "which", "what"})


@dataclass(frozen=True, slots=True)
class Decision:
    """The class of a cue, whether it is a citation, and the rule path for its row."""

    cue_class: CueClass
    citation: bool
    rule: str


def classify(doc: Doc, found: Found, lexicon: Lexicon) -> Decision:
    """Return the class of ``found``'s cue and whether it cites its source, with the names
    of the rules that found it and decided."""
    cue_class = class_of(found, lexicon)
    finding = _finding_rule(found)
    for name, refuses in CITATION_RULES:
        if refuses(doc, found, cue_class, lexicon):
            return Decision(cue_class, False, f"{finding}/{name}")
    return Decision(cue_class, True, f"{finding}/{cue_class}")


def _finding_rule(found: Found) -> str:
    cue, content = found.cue, found.content
    if cue.rule == "reporting_verb" and content.rule:
        return f"{cue.rule}.{content.rule}"
    return cue.rule


def class_of(found: Found, lexicon: Lexicon) -> CueClass:
    """Return what ``found``'s cue reports: its lexicon class, evidential for "according
    to", "reportedly" and "sources say", document where the source is a document."""
    cue, source = found.cue, found.source
    anchor = cue.anchor
    if cue.rule in ("according_to", "in_source", "reportedly"):
        cue_class: CueClass = "speech" if anchor.lower_ == "in" and any(
            c.lower_ == "words" for c in anchor.children) else "evidential"
    elif cue.rule in ("headline_colon", "closing_colon", "made_clear"):
        cue_class = "speech"
    elif cue.rule == "stance_adjective":
        cue_class = lexicon.class_of(anchor.lemma_.lower(), "adjective")
    elif cue.rule == "stance_noun":
        cue_class = lexicon.class_of(anchor.lemma_.lower(), "noun")
    else:
        lemma = verb_lemma(anchor)
        cue_class = lexicon.class_of(lemma, "verb")
        if lemma in lexicon.listed("citation", "commitments") and any(
                c.dep_ in INFINITIVE_DEPS and any(a.lower_ == "to" for a in c.children)
                for c in anchor.children):
            cue_class = "intention"
    if cue_class in ("speech", "evidential", "stance") and source.kind == "document":
        return "document"
    if cue_class == "speech" and source.head_lemma == "source":
        return "evidential"
    return cue_class


Refusal = Callable[[Doc, "Found", CueClass, Lexicon], bool]


def _no_source(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return found.source.start < 0


def _withheld(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return found.content.start < 0


def _reader_addressed(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return found.source.surface.lower() in _READER


def _first_person(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return found.source.surface.lower() in _WRITER


def _headline(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return cue_class not in _SAYING and in_headline(doc_text(doc), found.cue.start)


def in_headline(text: str, position: int) -> bool:
    """Return whether ``position`` lies in a headline: a short paragraph followed by others
    that is the first of ``text`` or has no final full stop (a subhead)."""
    start, end = paragraph(text, position)
    line = text[start:end].strip()
    if len(line.split()) > HEADLINE_WORDS or not text[end:].strip():
        return False
    first = not text[:start].strip()
    return first or line[-1:] not in ".!?\"”’'"


def _negated(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    anchor = found.cue.anchor
    return anchor.pos_ == "VERB" and any(c.dep_ == "neg" for c in anchor.children)


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_POSSIBILITY_MODALS = frozenset({"can", "could", "may", "might"})


def _accordance(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    source = found.source
    if found.cue.rule != "according_to" or source.kind != "unknown" or source.head < 0:
        return False
    head = doc[source.head]
    return head.pos_ == "NOUN" and not head.ent_type_ and any(
        child.dep_ == "poss" and child.lower_ in _POSSESSIVE_PRONOUNS for child in head.children)


def _possibility(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    source, anchor = found.source, found.cue.anchor
    if source.kind != "unknown" and source.surface.lower() != "one":
        return False
    return anchor.pos_ in ("VERB", "AUX") and any(
        child.dep_ == "aux" and child.lower_ in _POSSIBILITY_MODALS for child in anchor.children)


def _appearance(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return (found.cue.rule == "reporting_verb"
            and verb_lemma(found.cue.anchor) in lexicon.sourceless_verbs)


def _label(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    cue = found.cue
    if cue.rule != "headline_colon":
        return False
    if any(t.text.isupper() and len(t.text) > 1 for t in cue.speaker_tokens):
        return True
    first = not doc_text(doc)[:paragraph(doc_text(doc), cue.start)[0]].strip()
    return not first and found.content.quote_type == "indirect"


def _display(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    cue = found.cue
    return (cue.rule == "reporting_verb"
            and verb_lemma(cue.anchor) in lexicon.listed("citation", "findings")
            and found.source.kind not in ("document", "media_outlet"))


def _mental_state(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return cue_class in ("belief", "intention")


def _state_adjective(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return found.cue.rule == "stance_adjective"


def _deed(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return (found.cue.rule == "reporting_verb"
            and verb_lemma(found.cue.anchor) in lexicon.words("stance", "deeds"))


def _conversation(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return (found.cue.rule == "reporting_verb" and verb_lemma(found.cue.anchor)
            in lexicon.listed("citation", "conversation_verbs"))


def _topic_only(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    cue, content = found.cue, found.content
    if cue.rule != "reporting_verb" or content.quote_type != "indirect":
        return False
    if content.rule == "relative_antecedent":
        return True  # "the things he said about X"
    if verb_lemma(cue.anchor) not in lexicon.listed("citation", "topic_verbs"):
        return False
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    return span is not None and span.root.pos_ not in ("VERB", "AUX")


# Prepositions that carry what a stance says of its target: "criticized X for Y", "accused
# X of Y", "praised X as Y", "clashed over Y".
_PREDICATE_PREPOSITIONS = frozenset({"as", "for", "of", "over"})
_PREDICATE_DEPS = frozenset({"ccomp", "xcomp", "oprd", "acomp", "parataxis"})


def _target_only(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    cue, content = found.cue, found.content
    if cue_class != "stance" or content.quote_type != "indirect":
        return False
    if cue.rule != "reporting_verb" or content.rule != "object":
        return False
    return not any(_says_something(child) for child in cue.anchor.children)


def _says_something(child) -> bool:
    """Return whether ``child`` of a stance verb carries what it says of its target."""
    if child.dep_ in _PREDICATE_DEPS:
        return True
    if child.dep_ == "prep" and child.lower_ in _PREDICATE_PREPOSITIONS and child.i > child.head.i:
        return True
    if child.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children)
    return child.dep_ == "dobj" and any(
        g.dep_ == "prep" and g.lower_ in _PREDICATE_PREPOSITIONS for g in child.children)


def _description(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    cue, content = found.cue, found.content
    return (cue.rule == "reporting_verb" and cue.anchor.dep_ == "relcl"
            and content.rule == "object" and content.quote_type == "indirect"
            and found.source.surface.lower() in ("who", "that", "which"))


def _object_deed(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    cue, content = found.cue, found.content
    if cue.rule != "reporting_verb" or content.rule != "object" or content.quote_type != "indirect":
        return False
    if verb_lemma(cue.anchor) not in lexicon.listed("citation", "object_deeds"):
        return False
    children = list(cue.anchor.children)
    return not any(c.dep_ in _PREDICATE_DEPS for c in children) and any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") for c in children)


def _nominal(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    return found.cue.rule == "stance_noun"


def _not_a_speaker(doc: Doc, found: Found, cue_class: CueClass, lexicon: Lexicon) -> bool:
    source = found.source
    if source.kind == "unknown" and source.surface.lower() in _THINGS:
        return True  # "it", "that" or "which" no earlier source explains: "That said, X"
    # Things show, suggest and highlight; they do not say: a verb of saying makes its
    # subject a speaker even where the lexicon does not know the word, and "according to"
    # makes its object a source.
    if (cue_class not in ("evidential", "stance") or found.cue.rule != "reporting_verb"
            or source.kind != "unknown" or source.head < 0):
        return False
    head = doc[source.head]
    return head.pos_ == "NOUN" and not head.ent_type_


CITATION_RULES: tuple[tuple[str, Refusal], ...] = (
    ("no_source", _no_source),
    ("withheld", _withheld),
    ("reader_addressed", _reader_addressed),
    ("first_person", _first_person),
    ("label", _label),
    ("headline", _headline),
    ("negated", _negated),
    ("accordance", _accordance),
    ("possibility", _possibility),
    ("appearance", _appearance),
    ("mental_state", _mental_state),
    ("state_adjective", _state_adjective),
    ("deed", _deed),
    ("conversation", _conversation),
    ("topic_only", _topic_only),
    ("target_only", _target_only),
    ("display", _display),
    ("description", _description),
    ("object_deed", _object_deed),
    ("nominal", _nominal),
    ("not_a_speaker", _not_a_speaker),
)
