"""Helpers for attribution tests: extract from a sentence and check every record's offsets."""

from __future__ import annotations

from analysis.attribution import Attribution, extract_attributions


def attributions(nlp, text: str, **options) -> list[Attribution]:
    """Return the records in ``text``, asserting that each offset points at its text."""
    doc = nlp(text)
    found = list(extract_attributions(doc, **options))
    for record in found:
        assert doc.text[record.cue_start:record.cue_end] == record.cue
        if record.source_start >= 0:
            assert doc.text[record.source_start:record.source_end] == record.source_surface
        if record.content_start >= 0:
            assert doc.text[record.content_start:record.content_end] == record.content
    return found


def only(nlp, text: str, **options) -> Attribution:
    """Return the one record in ``text`` (the test fails when there are more or none)."""
    (record,) = attributions(nlp, text, **options)
    return record


def citations(nlp, text: str, **options) -> list[Attribution]:
    """Return the records in ``text`` that are citations."""
    return [record for record in attributions(nlp, text, **options) if record.citation]


def summary(record: Attribution) -> tuple[str, str, str, str, str]:
    """Return cue, source, kind, side and quote type: what most tests compare."""
    return (record.cue, record.source, record.source_kind, record.side, record.quote_type)


def by_cue(records: list[Attribution], cue: str) -> list[Attribution]:
    """Return the records whose cue is ``cue``."""
    return [record for record in records if record.cue == cue]
