"""Character ranges and per-Doc caches the attribution modules share."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

_TEXT_KEY = ("analysis.attribution", "text")
_PEOPLE_KEY = ("analysis.attribution", "people")
_SENTENCES_KEY = ("analysis.attribution", "sentences")
_PERSONS_KEY = ("analysis.attribution", "persons")
_MID_SENTENCE_KEY = ("analysis.attribution", "mid-sentence")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
EDGE_PUNCTUATION = " \t\n\u00a0,;:—–-"
CORE_PUNCTUATION = EDGE_PUNCTUATION + ".?!\"“”„«»'’‘()"


def doc_text(doc: Doc) -> str:
    """Return ``doc.text``, built once per Doc: spaCy joins every token on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = "".join(token.text_with_ws for token in doc)
    return text


def sentence_starts(doc: Doc) -> list[int]:
    """Return the character offset where each sentence starts, read once per Doc."""
    starts = doc.user_data.get(_SENTENCES_KEY)
    if starts is None:
        starts = doc.user_data[_SENTENCES_KEY] = [sent.start_char for sent in doc.sents]
    return starts


def people(doc: Doc) -> tuple[tuple[str, int, int, bool], ...]:
    """Return the text, offsets and subjecthood of every PERSON entity, read once per Doc."""
    found = doc.user_data.get(_PEOPLE_KEY)
    if found is None:
        found = doc.user_data[_PEOPLE_KEY] = tuple(
            (entity.text, entity.start_char, entity.end_char,
             entity.root.dep_ in SUBJECT_DEPS)
            for entity in person_entities(doc))
    return found


def person_entities(doc: Doc) -> tuple:
    """Return the PERSON entity spans of ``doc``, read once per Doc (``doc.ents`` builds
    every span on each access)."""
    found = doc.user_data.get(_PERSONS_KEY)
    if found is None:
        found = doc.user_data[_PERSONS_KEY] = tuple(
            entity for entity in doc.ents if entity.label_ == "PERSON")
    return found


def words_written_mid_sentence(doc: Doc) -> frozenset[str]:
    """Return the words of ``doc`` that occur other than first in a sentence, read once."""
    found = doc.user_data.get(_MID_SENTENCE_KEY)
    if found is None:
        found = doc.user_data[_MID_SENTENCE_KEY] = frozenset(
            token.text for token in doc if not token.is_sent_start)
    return found


def paragraph(text: str, position: int) -> tuple[int, int]:
    """Return the start and end of the line (paragraph) of ``text`` holding ``position``."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A word in capitals ("WASHINGTON", "ST.", "HUFFPOLLSTER"), and a run of them.
_CAPITALS = r"[A-Z][A-Z.'’&!?]*"
_CAPITAL_RUN = rf"{_CAPITALS}(?:[ -]{_CAPITALS})*"
# What opens a wire story or a newsletter item before its first sentence, ending in a
# dash: a place in capitals ("WASHINGTON —", "ST. LOUIS —", "MANCHESTER, N.H. -") or a
# label in capitals ("EXCLUSIVE –", "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY -"),
# a place in any case before a wire credit ("Mexico City (AFP) –"), with a state, a date
# and a wire credit in parentheses ("ORLANDO, Fla. (Reuters) -", "LONDON, March 3
# (Reuters) –", "WASHINGTON, Dec. 8 (UPI) —"), or a date and a credit alone ("Dec 29
# (Reuters) -").
DATELINE = re.compile(rf"""
    (?:
        (?:(?=[^a-z\n]*[A-Z]{{2}}){_CAPITAL_RUN}(?:,\s+{_CAPITAL_RUN})*
          | [A-Z][a-z]+(?:\s[A-Z][a-z]+)*(?=\s*\())
        (?:,\s+(?!{_MONTH}\s+\d)[A-Z][A-Za-z.]*(?:\s[A-Z][a-z.]*)?)?
        (?:,?\s+{_MONTH}\s+\d{{1,2}})?
      | {_MONTH}\s+\d{{1,2}}(?=\s*\()
    )
    \s*(?:\([A-Z][\w .&/-]{{0,30}}\))?
    \s*(?:—|–|--?)\s+
""", re.VERBOSE)


def past_dateline(text: str, start: int, end: int) -> int:
    """Return where the span ``start``:``end`` of ``text`` begins once a dateline that opens
    its paragraph is left out ("WASHINGTON — Sen. Bernie Sanders" -> "Sen. Bernie
    Sanders"; see ``DATELINE``); ``start`` itself when the span does not open a paragraph,
    holds no dateline or holds nothing else."""
    if text[text.rfind("\n", 0, start) + 1:start].strip():
        return start
    found = DATELINE.match(text, start, end)
    if found is None or not text[found.end():end].strip(CORE_PUNCTUATION):
        return start
    return found.end()


def token_range(tokens: Iterable[Token]) -> tuple[int, int]:
    """Return the character range from the first to the last of ``tokens`` (not empty)."""
    tokens = list(tokens)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def strip(text: str, start: int, end: int, characters: str) -> tuple[int, int]:
    """Return ``start``, ``end`` moved inwards past any of ``characters``."""
    while start < end and text[start] in characters:
        start += 1
    while end > start and text[end - 1] in characters:
        end -= 1
    return start, end
