"""Who the source is: one record per coordinated source, and one name per person or
organisation within an article (``source_name``).

- Coordinated sources are split: "Blinken and Mayorkas said X" is two citations, each with
  its own span, kind and side.
- A person's name is the named entity in the source phrase, or the phrase, without what is
  not the name (``person_names.PERSON_NAME_STEPS``: a dateline, an aside, an owner,
  a description, titles: "Retired neurosurgeon Ben Carson", "Secretary of State Antony
  Blinken", "Mr. Biden"); a shorter name in the article or the side gazetteer's people
  takes the fuller one it ends ("Biden" -> "Joe Biden", "López Obrador" -> "Andrés Manuel
  López Obrador") where that is one person, of the gender a title gives ("Mrs.
  Clinton"), and a resolved pronoun takes the name of its person. A person named by a
  common noun ("the Democratic nominee") is the description.
- An organisation, a group or an anonymous source is its phrase without determiners and
  quantifiers, the head in the singular ("three U.S. officials" -> "U.S. official"); an
  outlet is the outlet's name ("a New York Times report" -> "New York Times"); "the
  administration of President Joe Biden" is "Biden administration"; a document is named
  after who issued it ("a statement released by the Mexican government"), and "the
  statement" after the document of that kind before it.
- Aliases from the lexicon's ``[aliases]`` table give the one name last ("DHS" ->
  "Department of Homeland Security"). Across articles, ``folding.fold_source_names``
  gives a person named by surname alone in some articles the full name others give.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from analysis.attribution.lexicons import Lexicon, fold_name
from analysis.attribution.person_names import fuller_name, name_gender, person_name
from analysis.attribution.records import Attribution
from analysis.attribution.sides import SideGazetteer
from analysis.attribution.sources import Source, describe_source, source_tokens, written_as_name
from analysis.attribution.spans import person_entities

_DROPPED_WORDS = frozenset({"det", "predet", "nummod", "case", "punct", "preconj", "quantmod"})
_GOVERNMENTS = frozenset({"administration", "government", "campaign", "cabinet", "team"})


def coordinated_sources(doc: Doc, source: Source, gazetteer: SideGazetteer,
                        lexicon: Lexicon) -> list[Source]:
    """Return one source per conjunct of ``source``'s head ("Antony Blinken and Alejandro
    Mayorkas" -> two sources), or ``[source]`` when it is not coordinated."""
    if source.head < 0 or source.start < 0:
        return [source]
    head = doc[source.head]
    if head.pos_ == "PRON" or not head.conjuncts:
        return [source]
    conjuncts = sorted([head, *head.conjuncts], key=lambda token: token.i)
    if any(not source.start <= token.idx < source.end for token in conjuncts):
        return [source]
    sources = []
    for number, token in enumerate(conjuncts):
        # A conjunct's span ends before the next one, even where the parser hung a modifier
        # of the last on the first ("officials and others briefed on X").
        following = conjuncts[number + 1].left_edge.i if number + 1 < len(conjuncts) else None
        tokens = [t for t in source_tokens(token, lexicon, coordinated=False)
                  if following is None or t.i < following]
        sources.append(describe_source(doc, token, gazetteer, (), lexicon, tokens))
    return sources


# Marks of a page's layout or markup left around a name (">Sanders" from a quoted e-mail,
# "• Jane Roe" from a list) are no part of it.
STRAY_MARKS = " \t>|<*•·#:;,–—-"


def name_sources(doc: Doc, records: Sequence[tuple[Attribution, Source]],
                 gazetteer: SideGazetteer, lexicon: Lexicon) -> Iterator[Attribution]:
    """Yield ``records`` with their ``source_name``: one name per person or organisation
    within the article (see the module docstring)."""
    people = _article_people(doc, records, gazetteer, lexicon)
    outlets = {record.source: _outlet_name(record.source, gazetteer, lexicon)
               for record, _ in records if record.source_kind == "media_outlet"}
    # "the Post" after "The Washington Post": a shorter outlet name takes the fuller one.
    fuller = {name: full for name in outlets.values()
              if (full := _fuller(name, outlets.values()))}
    documents: dict[str, str] = {}
    for record, source in records:
        if record.source_kind == "media_outlet":
            name = outlets[record.source]
            name = fuller.get(name, name)
        else:
            name = _name(doc, record, source, people, documents, lexicon)
        name = name.strip(STRAY_MARKS)
        yield dataclasses.replace(record, source_name=lexicon.aliases.get(fold_name(name), name))


def _name(doc: Doc, record: Attribution, source: Source, people: set[str],
          documents: dict[str, str], lexicon: Lexicon) -> str:
    if record.source_start < 0:
        return ""
    # A resolved pronoun is named after the source it stands for.
    index = source.referent if source.referent >= 0 else source.head
    head = doc[index] if index >= 0 else None
    if head is not None and head.pos_ == "PRON" and record.source_kind == "unknown":
        return ""  # "she said", with no one she can be: nobody to name
    if record.source_kind == "named_person":
        own = _own_person_name(doc, record, source, lexicon)
        if own is None:
            # A person by office or role ("the Democratic nominee"): the description.
            return _phrase_name(head, record.source, lexicon)
        # An alias names the person outright ("AMLO", "López Obrador"); else the article's
        # fuller name, of the person's gender where a title tells it.
        sex = name_gender(record.source, lexicon)
        return (lexicon.aliases.get(fold_name(own))
                or fuller_name(own, people, lexicon, sex=sex) or own)
    if record.source_kind == "document" and head is not None and head.pos_ != "PRON":
        return _document_name(doc, head, source.text, documents, lexicon)
    return _phrase_name(head, record.source, lexicon)


def _own_person_name(doc: Doc, record: Attribution, source: Source, lexicon: Lexicon
                     ) -> str | None:
    """Return the name a named person's source phrase gives (``person_name`` of its PERSON
    entity, else of the phrase), or None for a person named by a common noun ("the
    candidate"; "Sanders" tagged as a plural noun is a name where it is capitalised)."""
    index = source.referent if source.referent >= 0 else source.head
    head = doc[index] if index >= 0 else None
    entity = _entity(doc, head, lexicon)
    if entity is None and index == source.head and head is not None and head.pos_ != "NOUN":
        entity = _entity_in(doc, record.source_start, record.source_end)
    if entity is None and head is not None and head.pos_ == "NOUN" and not written_as_name(head):
        return None
    if entity is None and head is not None and head.pos_ != "PRON" and index == source.head:
        entity = doc.char_span(record.source_start, record.source_end, alignment_mode="expand")
    # A pronoun resolved to a person only named before it is named by that person's text.
    return person_name(_without_sentence_opener(entity) if entity is not None
                       else record.source, lexicon)


def _without_sentence_opener(span: Span) -> str:
    """Return the text of ``span`` without a word that is capitalised only because it
    opens the sentence and is not a name ("Certainly Donald Trump", "Said Comey",
    "Derelict Obama": an adverb, verb or adjective the entity recognizer took in)."""
    start = span.start
    first = span.doc[start]
    opens = first.is_sent_start or all(
        token.is_punct for token in span.doc[first.sent.start:start])
    if opens and first.pos_ not in ("PROPN", "NOUN") and span.end - start > 1:
        start += 1
    return span.doc[start:span.end].text


def _entity(doc: Doc, head: Token | None, lexicon: Lexicon) -> Span | None:
    """Return the PERSON named by ``head``'s phrase, if any (for a pronoun, none)."""
    if head is None or head.pos_ == "PRON":
        return None
    covering = [entity for entity in person_entities(doc)
                if entity.start <= head.i < entity.end]
    if covering or head.pos_ == "NOUN":
        # "Clinton's campaign chairman", "Trump's son": the person named is someone else.
        return covering[0] if covering else None
    # A name the entity recognizer cut short of the head ("Sen. Ted Cruz (R-Texas)"), not
    # one in a clause or an apposition ("Carly Fiorina, who praised Bill Clinton").
    inside = {t.i for t in source_tokens(head, lexicon, coordinated=False)}
    names = [entity for entity in person_entities(doc) if entity.root.i in inside]
    return names[0] if names else None


def _entity_in(doc: Doc, start: int, end: int) -> Span | None:
    """Return the last PERSON entity inside the characters ``start``:``end`` ("rival Donald
    Trump" -> "Donald Trump"), or None."""
    names = [entity for entity in person_entities(doc) if start <= entity.start_char < end]
    return names[-1] if names else None


def _article_people(doc: Doc, records: Sequence[tuple[Attribution, Source]],
                    gazetteer: SideGazetteer, lexicon: Lexicon) -> set[str]:
    """Return the names of the people of ``doc`` a shorter name may stand for: its PERSON
    entities, the names its named sources give and the gazetteer's people, each cleaned by
    ``person_name``."""
    names = {person_name(_without_sentence_opener(entity), lexicon)
             for entity in person_entities(doc)}
    names |= {own for record, source in records if record.source_kind == "named_person"
              and record.source_start >= 0
              and (own := _own_person_name(doc, record, source, lexicon))}
    return names | set(gazetteer.people)


def _fuller(name: str, names: Iterable[str]) -> str:
    """Return the shortest of ``names`` that is longer than ``name`` and ends with all of
    its words, when every such name ends with that one ("the Post" -> "Washington Post");
    else ""."""
    words = name.split()
    longer = sorted({tuple(other.split()) for other in names
                     if len(other.split()) > len(words) and other.split()[-len(words):] == words},
                    key=lambda other: (len(other), other))
    if not longer:
        return ""
    shortest = longer[0]
    if any(other[-len(shortest):] != shortest for other in longer):
        return ""
    return " ".join(shortest)


def _outlet_name(text: str, gazetteer: SideGazetteer, lexicon: Lexicon) -> str:
    """Return the outlet's name in ``text`` ("a New York Times report" -> "New York
    Times"): the longest the gazetteer or an alias names, else the text without a leading
    article."""
    spans = gazetteer.outlet_spans(text)
    if spans:
        start, end = max(spans, key=lambda span: span[1] - span[0])
        return _without_article(text[start:end])
    folded = fold_name(text)
    for alias in sorted(lexicon.aliases, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", folded):
            return lexicon.aliases[alias]
    return _without_article(text)


def _document_name(doc: Doc, head: Token, text: str, documents: dict[str, str],
                   lexicon: Lexicon) -> str:
    """Return the name of who issued a document ("a statement released by the Mexican
    government", "the ministry's statement"), else its kind; "the statement" takes the
    name of the last statement before it."""
    issuer = _issuer(head)
    lemma = head.lemma_.lower()
    if issuer is not None:
        name = _phrase_name(issuer, issuer.text, lexicon)
    elif any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in head.children):
        name = documents.get(lemma, lemma)
    else:
        name = _phrase_name(head, text, lexicon)
    documents[lemma] = name
    return name


def _issuer(document: Token) -> Token | None:
    """Return who issued ``document``: its possessor or the agent of a participle on it."""
    for child in document.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "acl":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                objects = [c for c in agent.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def _phrase_name(head: Token | None, text: str, lexicon: Lexicon) -> str:
    """Return a noun phrase as a name: without determiners, numbers, possessive pronouns
    or clauses, its head in the singular ("three U.S. officials" -> "U.S. official"); "the
    administration of President Joe Biden" -> "Biden administration"."""
    if head is None or head.pos_ == "PRON":
        return _without_article(text)
    counted = head
    if head.pos_ == "NUM" or head.lower_ in lexicon.listed("kinds", "quantifiers"):
        counted = next((o for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children if o.dep_ == "pobj"), head)
    owner = _governed_by(counted)
    if owner:
        return f"{owner} {counted.lemma_.lower()}"
    kept = {t.i for t in source_tokens(counted, lexicon, coordinated=False)}
    pieces = []
    for token in _phrase(counted):
        hyphen = token.tag_ == "HYPH" and token.head.i in kept
        if (token.i not in kept and not hyphen) or (
                token.head.i == counted.i and token.i != counted.i and (
                token.dep_ in _DROPPED_WORDS or (token.dep_ == "poss" and token.pos_ == "PRON"))):
            continue
        word = token.text
        if token.i == counted.i and token.tag_ in ("NNS", "NNPS") and token.pos_ != "PROPN" and (
                token.lower_ not in _KEPT_PLURALS):
            word = token.lemma_.lower()
        elif (not pieces and token.is_sent_start and not token.ent_type_
              and token.pos_ not in ("PROPN", "NUM")):
            word = token.lower_
        pieces.append(word + token.whitespace_)
    return " ".join("".join(pieces).split()).strip(" ,") or _without_article(text)


# Plurals that name no one in the singular: "others said" stays "others".
_KEPT_PLURALS = frozenset({"others", "people", "media"})


def _phrase(head: Token) -> list[Token]:
    """Return the head with its modifiers before it and its "of"/"from" phrases after it."""
    kept = [head]
    for child in head.children:
        before = child.i < head.i and child.dep_ not in ("appos",)
        if before or (child.dep_ == "prep" and child.lower_ in ("of", "from", "for", "at", "in")):
            kept.extend(child.subtree)
    return sorted(kept, key=lambda token: token.i)


def _governed_by(noun: Token) -> str:
    """Return the surname in "the administration of President Joe Biden", else ""."""
    if noun.lemma_.lower() not in _GOVERNMENTS:
        return ""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for person in child.children:
                if person.dep_ == "pobj" and person.ent_type_ == "PERSON":
                    return person.text
    return ""


def _without_article(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)
