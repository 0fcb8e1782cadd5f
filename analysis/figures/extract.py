"""The figure extractor: number runs -> units -> claims -> refusals -> rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from analysis.codebook import Codebook, load_codebook
from analysis.figures.claims import claims
from analysis.figures.concepts import (
    ConceptQuery,
    TextContext,
    concept_in_context,
    governor_terms,
    governors,
    object_terms,
)
from analysis.figures.lexicon import GLUED_DIMENSION, MEASURE_NOUNS, PHONE
from analysis.figures.numbers import number_runs
from analysis.figures.objects import counted_noun, object_lemma, object_phrase, phrase_head
from analysis.figures.rates import rate_period
from analysis.figures.records import Bound, Claim, Figure, Run
from analysis.figures.refusals import Candidate, refusal
from analysis.figures.unit_table import TIME, UnitTable, load_unit_table
from analysis.figures.units import attach_units, coordinated_units

# --- public API ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NumberReading:
    """What the extractor made of one number in a text: the figure's rule, or the refusal
    that dropped it (exactly one of the two is set)."""

    start: int
    end: int
    surface: str
    rule: str
    refusal: str
    sentence: str
    concept: str = ""
    concept_dropped: str = ""


def extract_figures(
    doc: Doc, *, codebook: Codebook | None = None, units: UnitTable | None = None
) -> Iterator[Figure]:
    """Yield every numeric claim in ``doc``, in text order; a range yields one figure per end.

    Refuses (yields nothing for) years, dates, times of day, ordinals, law and bill numbers,
    names containing digits, phone numbers, list numbering, "one" used as a pronoun or
    article and idioms of time ("half the time", "one day" as someday; ``explain_numbers``
    names the refusal of each). A duration is a figure whose unit is its unit of time.
    ``codebook`` maps counted things to concepts (default: the shipped codebook); ``units``
    is the unit and currency table (default: the shipped one, see ``load_unit_table``).
    Each figure's ``rule`` names the rule that read it; ``source`` is left empty for the
    attribution step to fill.
    """
    for figure, _noun in _figures_with_nouns(doc, codebook=codebook, units=units):
        yield figure


def extract_object_phrases(
    doc: Doc, *, codebook: Codebook | None = None, units: UnitTable | None = None
) -> Iterator[tuple[Figure, str]]:
    """Yield each figure of ``extract_figures`` with the counted thing as a phrase.

    The phrase is the counted noun's lemma after its adjective and compound modifiers,
    lower-cased ("nine coastal border towns" -> "coastal border town", "40
    deportation flights" -> "deportation flight"); it is "" when the figure counts nothing.
    """
    for figure, noun in _figures_with_nouns(doc, codebook=codebook, units=units):
        phrase = object_phrase(noun, figure) if noun is not None else ""
        yield figure, phrase


def explain_numbers(
    doc: Doc, *, codebook: Codebook | None = None, units: UnitTable | None = None
) -> Iterator[NumberReading]:
    """Yield every number the extractor saw in ``doc``, in text order: with the ``rule`` of
    the figure it became, or the name of the ``refusal`` that dropped it ("date_or_time",
    "identifier", ...; see ``refusals.REFUSALS``)."""
    codebook = load_codebook() if codebook is None else codebook
    table = load_unit_table() if units is None else units
    context = TextContext(doc)
    for claim, noun, refused in _judged_claims(doc, table):
        if refused:
            start = doc[claim.qualifier_start].idx
            last = doc[claim.runs[-1].suffix_end - 1]
            end = last.idx + _figure_length(last.text)
            sentence = _sentence(doc, claim.runs[0].start)
            yield NumberReading(start, end, doc.text[start:end], "", refused, sentence)
            continue
        dropped: list[str] = []
        for figure, _noun in _claim_figures(doc, claim, noun=noun, codebook=codebook,
                                            text=doc.text, table=table, context=context,
                                            dropped=dropped):
            yield NumberReading(figure.start, figure.end, figure.surface, figure.rule, "",
                                figure.sentence, figure.concept, "".join(dropped[:1]))


def _figures_with_nouns(
    doc: Doc, *, codebook: Codebook | None, units: UnitTable | None
) -> Iterator[tuple[Figure, Token | None]]:
    codebook = load_codebook() if codebook is None else codebook
    table = load_unit_table() if units is None else units
    text = doc.text  # built anew on every access
    context = TextContext(doc)
    for claim, noun, refused in _judged_claims(doc, table):
        if not refused:
            yield from _claim_figures(doc, claim, noun=noun, codebook=codebook, text=text,
                                      table=table, context=context)


def _judged_claims(doc: Doc, table: UnitTable) -> Iterator[tuple[Claim, Token | None, str]]:
    """Yield (claim, counted noun, refusal name or "") for every claim in ``doc``."""
    text = doc.text
    phones = [match.span() for match in PHONE.finditer(text)]
    runs = [attach_units(doc, run, table) for run in number_runs(doc, table)]
    runs = coordinated_units(doc, runs, table)
    parallels: dict[tuple[int, str], tuple[str, Token | None] | None] = {}
    counts: dict[int, int] = {}  # counted noun -> end of the figure that counts it
    for claim in claims(doc, runs):
        noun = counted_noun(doc, claim.runs[-1])
        claim, noun = _time_noun_as_unit(doc, claim, noun, table)
        if _is_in_name(doc, claim, noun, counts):
            yield claim, noun, "part_of_name"
            continue
        unit = claim.runs[-1].unit or claim.runs[0].unit
        refused = refusal(Candidate(doc, claim, noun, unit, phones, text, table))
        if refused:
            yield claim, noun, refused
            continue
        if noun is not None:
            counts[noun.i] = claim.runs[-1].suffix_end
        # "Horsepower climbed to 215", "the price index stood at 104.2": the subject names what is
        # measured (and keeps the number from being read as a date), it is not counted.
        if noun is not None and _is_measure_subject(noun):
            noun = None
        claim, noun = _elided_unit(doc, claim, noun, parallels, table)
        yield claim, noun, ""


def _time_noun_as_unit(doc: Doc, claim: Claim, noun: Token | None, table: UnitTable
                       ) -> tuple[Claim, Token | None]:
    """A unit of time the number counts, written apart from it, is the figure's unit, as it is
    right after the number: "a week or two", "the 20 previous years" (rule
    ``duration_noun``)."""
    last = claim.runs[-1]
    if noun is None or last.unit:
        return claim, noun
    if noun.i > last.end:
        # "the 2024 election year" dates; a span of more than one is plural.
        between = doc[last.suffix_end : noun.i]
        if noun.tag_ != "NNS" or any(token.dep_ not in ("amod", "compound") for token in between):
            return claim, noun
    elif not (noun.i < claim.runs[0].start and doc[noun.i + 1].lower_ == "or"):
        return claim, noun
    codes = table.words.get((noun.lemma_.lower(),)) or table.words.get((noun.lower_,)) or ()
    if not codes or table.units[codes[0]].dimension != TIME:
        return claim, noun
    runs = tuple(replace(run, unit=codes[0], unit_token=noun.i, rule="duration_noun")
                 for run in claim.runs)
    return replace(claim, runs=runs), None


def _is_in_name(doc: Doc, claim: Claim, noun: Token | None, counts: dict[int, int]) -> bool:
    """"three new 787 Dreamliner planes": a number right after a count of the same noun (adjectives
    between at most) is part of the noun's name. "5 and 6 trucks" are two counts."""
    if noun is None or noun.i not in counts or claim.runs[-1].unit:
        return False
    between = doc[counts[noun.i] : claim.runs[0].prefix_start]
    return all(token.pos_ == "ADJ" for token in between)


def _is_measure_subject(noun: Token) -> bool:
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.lemma_.lower() in MEASURE_NOUNS


def _elided_unit(
    doc: Doc,
    claim: Claim,
    noun: Token | None,
    parallels: dict[tuple[int, str], tuple[str, Token | None] | None],
    table: UnitTable,
) -> tuple[Claim, Token | None]:
    """A bare number shares the unit or counted noun of an earlier figure of its sentence
    after the same preposition ("grew by 2 percent, imports by 1", "closed at 2,187
    points, the other index at 1,902"), or of the figure right before it after "and" or
    "or" ("a 3.5 degree slope in 2020 and 4.2 this year"). Records in ``parallels`` what
    ``claim`` has to share, under its preposition and as the sentence's last figure."""
    before = claim.qualifier_start - 1
    sentence = doc[claim.runs[0].start].sent.start
    own = _to_share(claim, noun, table)
    previous = parallels.get((sentence, ""))
    parallels[(sentence, "")] = own
    word = doc[before] if before >= 0 else None
    if word is not None and word.pos_ == "ADP":
        key = (sentence, word.lower_)
        if claim.runs[-1].unit or noun is not None:
            parallels[key] = own
            return claim, noun
        shared = parallels.get(key)
    elif word is not None and word.lower_ in ("and", "or"):
        shared = previous
    else:
        return claim, noun
    bare = not claim.runs[-1].unit and noun is None
    if not bare or shared is None or len(claim.runs) > 1 or claim.runs[0].spelled:
        return claim, noun
    parallels[(sentence, "")] = shared
    runs = tuple(replace(run, unit=shared[0], rule="shared_unit") for run in claim.runs)
    return replace(claim, runs=runs), shared[1]


def _to_share(claim: Claim, noun: Token | None, table: UnitTable
              ) -> tuple[str, Token | None] | None:
    """The unit, else the counted noun, that a later bare number may share; None for a
    price: a bare number after one is as often an index level ("traded at $50 a barrel,
    the index closed at 1,200"). With a unit, the noun is what the figure is about
    ("exports grew by 2 percent"), not a unit to share."""
    unit = claim.runs[-1].unit
    if not (unit or noun is not None) or table.is_currency(unit):
        return None
    return unit, None if unit else noun




def _claim_figures(
    doc: Doc, claim: Claim, *, noun: Token | None, codebook: Codebook, text: str,
    table: UnitTable, context: TextContext, dropped: list[str] | None = None
) -> Iterator[tuple[Figure, Token | None]]:
    last = claim.runs[-1]
    lemma = object_lemma(noun, codebook) if noun is not None else ""
    phrase = phrase_head(doc, last, noun)
    terms = {
        "objects": object_terms(noun, lemma) if noun is not None else [],
        "governors": [term for governor in governors(phrase, noun)
                      for term in governor_terms(governor, phrase)],
    }
    concept = codebook.concept_for(**terms)
    # A compound unit ("USD per hour") is not in the table: it has no dimension of its own.
    dimension = table.units[last.unit].dimension if last.unit in table.units else ""
    query = ConceptQuery(concept, last.unit, claim.runs[0].start, codebook, context,
                         dimension=dimension, generic=codebook.is_generic(**terms))
    concept, dropped_by = concept_in_context(query)
    if dropped is not None and dropped_by:
        dropped.append(dropped_by)
    rate = rate_period(doc, claim, noun=noun)
    sentence = _sentence(doc, claim.runs[0].start)
    for position, run in enumerate(claim.runs):
        start_token = claim.qualifier_start if claim.kind == "single" else run.prefix_start
        start = doc[start_token].idx
        end_token = doc[run.suffix_end - 1]
        end = end_token.idx + _figure_length(end_token.text)
        figure = Figure(
            start=start,
            end=end,
            surface=text[start:end],
            value=run.value,
            unit=run.unit or last.unit,
            object=lemma,
            concept=concept,
            rate_period=rate,
            approximate=claim.approximate,
            bound=_row_bound(claim, position),
            qualifier=claim.qualifier,
            source="",
            sentence=sentence,
            rule=_rule(run, last, noun),
        )
        yield figure, noun


def _rule(run: Run, last: Run, noun: Token | None) -> str:
    """The rule that read a figure: its unit's rule (the first end of a range takes the
    second's), else "count" (a counted noun) or "number" (a bare number)."""
    return run.rule or last.rule or ("count" if noun is not None else "number")


def _figure_length(text: str) -> int:
    """The characters of a figure's last token that belong to the figure: not a sentence's
    full stop split off with a unit ("45g."), nor a dimension glued after a bracketed
    conversion ("(39ft)-long")."""
    dimension = GLUED_DIMENSION.search(text)
    if dimension is not None:
        return dimension.start()
    return len(text.rstrip(".") or text)


def _row_bound(claim: Claim, position: int) -> Bound:
    if claim.kind == "range":
        return "lower" if position == 0 else "upper"
    return claim.bound


def _sentence(doc: Doc, i: int) -> str:
    if doc.has_annotation("SENT_START"):
        return doc[i].sent.text.strip()
    return doc.text.strip()
