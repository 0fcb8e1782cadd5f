"""The figure extractor: number runs -> units -> claims -> refusals -> rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from analysis.codebook import Codebook, load_codebook
from analysis.figures.claims import claims
from analysis.figures.concepts import governor_terms, governors, object_terms
from analysis.figures.lexicon import ALL_CURRENCIES, GLUED_DIMENSION, MEASURE_NOUNS, PHONE
from analysis.figures.numbers import number_runs
from analysis.figures.objects import counted_noun, object_lemma, object_phrase, phrase_head
from analysis.figures.rates import rate_period
from analysis.figures.records import Bound, Claim, Figure
from analysis.figures.refusals import is_refused
from analysis.figures.units import attach_units, coordinated_units

# --- public API ---------------------------------------------------------------------------


def extract_figures(doc: Doc, *, codebook: Codebook | None = None) -> Iterator[Figure]:
    """Yield every numeric claim in ``doc``, in text order; a range yields one figure per end.

    Refuses (yields nothing for) years, dates, times of day, ordinals, law and bill numbers,
    names containing digits, phone numbers, list numbering and "one" used as a pronoun or
    article. ``codebook`` maps counted things to concepts (default: the shipped codebook).
    The ``source`` field is left empty for the attribution step to fill.
    """
    for figure, _noun in _figures_with_nouns(doc, codebook=codebook):
        yield figure


def extract_object_phrases(
    doc: Doc, *, codebook: Codebook | None = None
) -> Iterator[tuple[Figure, str]]:
    """Yield each figure of ``extract_figures`` with the counted thing as a phrase.

    The phrase is the counted noun's lemma after its adjective and compound modifiers,
    lower-cased ("nine coastal border towns" -> "coastal border town", "40
    deportation flights" -> "deportation flight"); it is "" when the figure counts nothing.
    """
    for figure, noun in _figures_with_nouns(doc, codebook=codebook):
        phrase = object_phrase(noun, figure) if noun is not None else ""
        yield figure, phrase


def _figures_with_nouns(
    doc: Doc, *, codebook: Codebook | None
) -> Iterator[tuple[Figure, Token | None]]:
    codebook = load_codebook() if codebook is None else codebook
    text = doc.text  # built anew on every access
    phones = [match.span() for match in PHONE.finditer(text)]
    runs = coordinated_units(doc, [attach_units(doc, run) for run in number_runs(doc)])
    parallels: dict[tuple[int, str], tuple[str, Token | None] | None] = {}
    counts: dict[int, int] = {}  # counted noun -> end of the figure that counts it
    for claim in claims(doc, runs):
        noun = counted_noun(doc, claim.runs[-1])
        if _is_in_name(doc, claim, noun, counts):
            continue
        if is_refused(doc, claim, noun=noun, phones=phones, text=text):
            continue
        if noun is not None:
            counts[noun.i] = claim.runs[-1].suffix_end
        # "Horsepower climbed to 215", "the price index stood at 104.2": the subject names what is
        # measured (and keeps the number from being read as a date), it is not counted.
        if noun is not None and _is_measure_subject(noun):
            noun = None
        claim, noun = _elided_unit(doc, claim, noun, parallels)
        yield from _claim_figures(doc, claim, noun=noun, codebook=codebook, text=text)


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
) -> tuple[Claim, Token | None]:
    """A bare number shares the unit or counted noun of an earlier figure of its sentence
    after the same preposition ("grew by 2 percent, imports by 1", "closed at 2,187
    points, the other index at 1,902"), or of the figure right before it after "and" or
    "or" ("a 3.5 degree slope in 2020 and 4.2 this year"). Records in ``parallels`` what
    ``claim`` has to share, under its preposition and as the sentence's last figure."""
    before = claim.qualifier_start - 1
    sentence = doc[claim.runs[0].start].sent.start
    own = _to_share(claim, noun)
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
    runs = tuple(replace(run, unit=shared[0]) for run in claim.runs)
    return replace(claim, runs=runs), shared[1]


def _to_share(claim: Claim, noun: Token | None) -> tuple[str, Token | None] | None:
    """The unit, else the counted noun, that a later bare number may share; None for a
    price: a bare number after one is as often an index level ("traded at $50 a barrel,
    the index closed at 1,200"). With a unit, the noun is what the figure is about
    ("exports grew by 2 percent"), not a unit to share."""
    unit = claim.runs[-1].unit
    if not (unit or noun is not None) or unit.split(" per ")[0] in ALL_CURRENCIES:
        return None
    return unit, None if unit else noun




def _claim_figures(
    doc: Doc, claim: Claim, *, noun: Token | None, codebook: Codebook, text: str
) -> Iterator[tuple[Figure, Token | None]]:
    last = claim.runs[-1]
    lemma = object_lemma(noun, codebook) if noun is not None else ""
    phrase = phrase_head(doc, last, noun)
    concept = codebook.concept_for(
        objects=object_terms(noun, lemma) if noun is not None else [],
        governors=[
            term
            for governor in governors(phrase, noun)
            for term in governor_terms(governor, phrase)
        ],
    )
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
        )
        yield figure, noun


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
