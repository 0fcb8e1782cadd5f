"""The extractor: cues, their content and source, then what counts as a citation and who
the source is, one record per cited source."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from analysis.attribution.citations import Decision, classify
from analysis.attribution.content import Content, content_of, is_own_clause_cue, trimmed
from analysis.attribution.cues import Cue, find_cues
from analysis.attribution.lexicons import Lexicon, load_lexicon
from analysis.attribution.names import coordinated_sources, name_sources
from analysis.attribution.quotes import CLOSING_MARKS, Quotation, find_quotations
from analysis.attribution.records import Attribution
from analysis.attribution.sides import SideGazetteer, load_gazetteer
from analysis.attribution.sources import NO_SOURCE, Source, describe_source
from analysis.attribution.spans import doc_text, token_range
from analysis.attribution.verbs import is_mental_state

Governed = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Found:
    """A cue with its source and content, and the character ranges the cue governs: the
    content and the relative clauses of the source ("an official, who wished to remain
    anonymous,")."""

    cue: Cue
    source: Source
    content: Content
    governed: Governed


def extract_attributions(
    doc: Doc,
    *,
    gazetteer: SideGazetteer | None = None,
    lexicon: Lexicon | None = None,
    split_coordinated: bool = True,
) -> Iterator[Attribution]:
    """Yield every attribution in ``doc``, in the order of their cues, one per cited source.

    Cues inside a quotation are skipped (they belong to the quoted speaker), and so is a
    cue inside another attribution's content ("told reporters that he believes X" cites
    once). A reporting verb with nothing attributed ("said in Mexico City") yields
    nothing; "declined to comment" yields a record without content. Coordinated sources
    ("Blinken and Mayorkas said") yield one record each, with the same cue and content,
    unless ``split_coordinated`` is off (one record per cue, as span benchmarks count).
    Each record says its class, whether it is a citation, its source's name and the rules
    that decided (see ``Attribution``). Never raises on unusual text.
    """
    gazetteer = gazetteer or load_gazetteer()
    lexicon = lexicon or load_lexicon()
    text = doc_text(doc)
    quotations = find_quotations(text)
    found = list(_all_attributions(doc, gazetteer, lexicon, quotations))
    kept = _outermost(doc, _resumed_quotations(text, found, quotations))
    records = [
        (_record(text, found.cue, source, found.content, classify(doc, found, lexicon)), source)
        for found in kept
        for source in (coordinated_sources(doc, found.source, gazetteer, lexicon)
                       if split_coordinated else [found.source])
    ]
    yield from name_sources(doc, records, gazetteer, lexicon)


def _all_attributions(
    doc: Doc, gazetteer: SideGazetteer, lexicon: Lexicon, quotations: Sequence[Quotation]
) -> Iterator[Found]:
    """Yield every cue that attributes something, with its source and content."""
    sources: list[Source] = []
    for cue in find_cues(doc, quotations, lexicon):
        content = content_of(doc, cue, quotations, lexicon)
        if content is None:
            continue
        source = describe_source(doc, cue.speaker, gazetteer, sources, lexicon,
                                 cue.speaker_tokens)
        if source is not NO_SOURCE:
            sources.append(source)
        governed = ((content.start, content.end), *_source_clauses(cue.speaker, lexicon))
        yield Found(cue, source, content, governed)


def _resumed_quotations(
    text: str, found: Sequence[Found], quotations: Sequence[Quotation]
) -> list[Found]:
    """Return ``found`` with each direct quotation running on into the quotation that
    resumes it, where no cue claims that one:

    - after the cue in the same paragraph: "“A,” said Ebrard, “B.”" and "“A,” said
      Ebrard. “B.”" are both Ebrard's;
    - in the next paragraph, when the quotation is left open at its paragraph's end, the
      convention for a quotation that runs over several paragraphs.
    """
    claimed = [(item.content.start, item.content.end) for item in found]
    resumed = []
    for item in found:
        content = item.content
        end = content.end
        if content.quote_type == "direct":
            while (following := _resuming(text, item.cue, end, quotations)) is not None and not any(
                    start < following.inner_end and following.inner_start < stop
                    for start, stop in claimed):
                end = trimmed(text, following.inner_start, following.inner_end, "direct",
                              content.rule).end
        if end != content.end:
            # What it governs stays as it was: cues inside the quotations are skipped anyway,
            # and one between them ("said X, speaking of Y. “B”") is a citation of its own.
            item = dataclasses.replace(item, content=dataclasses.replace(content, end=end))
        resumed.append(item)
    return resumed


def _resuming(text: str, cue: Cue, end: int, quotations: Sequence[Quotation]
              ) -> Quotation | None:
    """Return the quotation that resumes the one ending at ``end``, if any."""
    following = next((q for q in quotations if q.inner_start > end), None)
    if following is None:
        return None
    between = text[end:following.start]
    if "\n" not in between:
        # The cue stands between the two parts, and nothing else but its clause.
        interrupted = end <= cue.start < following.start and len(between) <= 80
        return following if interrupted and between.rstrip()[-1:] in (",", ".") else None
    left_open = not any(mark in between for mark in CLOSING_MARKS + '"')
    next_paragraph = not between.strip(" \t\n\u00a0.,;:!?")
    return following if left_open and next_paragraph else None


def _source_clauses(speaker: Token | None, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Return the ranges of relative clauses on ``speaker`` that state a wish or belief:
    "an official, who wished to remain anonymous, said X" cites the official once."""
    if speaker is None:
        return []
    return [token_range(child.subtree) for child in speaker.children
            if child.dep_ == "relcl" and is_mental_state(child, lexicon)]


def _outermost(doc: Doc, found: Sequence[Found]) -> Iterator[Found]:
    """Yield the attributions whose cue lies in no range another attribution governs.

    "The mayor told a local paper that she believes X" cites the mayor once: "believes" is
    part of what she told, like a cue inside a quotation; and in "an official, who wished
    to remain anonymous, said X" the wish describes the source. A cue heading an adverbial
    clause with a clause of its own ("insisted that X, claiming that Y") is a second
    statement, even inside the first one's content.
    """
    own_clauses = {token.idx for token in doc if is_own_clause_cue(token)}
    for item in found:
        if not any(
            other is not item and start <= item.cue.start < end
            for other in found
            for start, end in (other.governed[1:] if item.cue.start in own_clauses
                               else other.governed)
        ):
            yield item


def _record(text: str, cue: Cue, source: Source, content: Content, decision: Decision
            ) -> Attribution:
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
        cue_class=decision.cue_class,
        citation=decision.citation,
        source_name="",
        rule=decision.rule,
    )
