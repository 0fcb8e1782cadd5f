"""Tracked terms, trends, hits in context, keyterms and distinctive terms.

Tracked terms come from an editable TOML file of term groups (``data/terms.toml``);
each group counts its variants case-insensitively on words and lemmas, so plural and
inflected forms count. Trends put every period between the first and the last dated
article on the axis, with zeros where an outlet published nothing, so a chart never
bridges a gap silently.
"""

from __future__ import annotations

import dataclasses
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Literal

import pandas as pd
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from analysis import schema
from analysis.files import extends_default, read_toml

DEFAULT_TERMS = Path(__file__).parent / "data" / "terms.toml"
Period = Literal["day", "week", "month", "quarter", "year"]
PERIODS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
_PANDAS_FREQUENCY = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}


# An empty comparison must keep numeric columns, or concatenating it turns scores to objects.
_DISTINCTIVE_TYPES = {"comparison": "str", "group": "str", "term": "str", "count": "int64",
                      "rest_count": "int64", "log_odds": "float64", "z_score": "float64"}


class TermFileError(ValueError):
    """A term list file is missing, is not valid TOML, or a group is malformed."""


@dataclass(frozen=True)
class TermList:
    """Tracked term groups: each name maps to the variants that count for it."""

    groups: dict[str, tuple[str, ...]]

    @property
    def names(self) -> list[str]:
        """Return the group names in file order."""
        return list(self.groups)


@dataclass(frozen=True)
class TermMatcher:
    """Phrase matchers for a TermList: acronyms by exact spelling, the rest by lower case
    and lemma.

    Match ids are the group names. Phrase matchers look each token up in a table, so a
    Doc costs the same however many variants the list spells out.
    """

    exact: PhraseMatcher
    folded: tuple  # PhraseMatchers on LOWER and LEMMA, and a token Matcher for long terms
    terms: TermList

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Return ``(match_id, start, end)`` of every match in ``doc``.

        A word in capitals inside running text is an acronym: it counts only as a variant
        is written ("COVID" for "covid"), not as an inflected form ("AIDS" is not the plural
        of "aid"). A headline in capitals counts every form.
        """
        matches = list(self.exact(doc))
        for matcher in self.folded:
            matches.extend(match for match in matcher(doc) if not self._other_acronym(doc, match))
        return matches

    def _other_acronym(self, doc: Doc, match: tuple[int, int, int]) -> bool:
        match_id, start, end = match
        span = doc[start:end]
        if not _is_acronym_in_prose(span):
            return False
        variants = self.terms.groups[doc.vocab.strings[match_id]]
        written = {spelling.upper() for variant in variants for spelling in _spellings(variant)}
        return span.text.upper() not in written


@dataclass(frozen=True)
class TermCount:
    """How often one tracked term occurs in one article."""

    term: str
    count: int
    per_1k_words: float


@dataclass(frozen=True)
class TermHit:
    """One occurrence of a tracked term with its left and right context."""

    term: str
    start: int
    end: int
    left: str
    match: str
    right: str


@dataclass(frozen=True)
class Keyterm:
    """One keyterm of an article as textacy ranks it (higher score, more key)."""

    rank: int
    keyterm: str
    score: float


@dataclass(frozen=True)
class DistinctiveTerm:
    """A term's log-odds of appearing in one group rather than in the rest."""

    comparison: str
    group: str
    term: str
    count: int
    rest_count: int
    log_odds: float
    z_score: float


# --- term lists -------------------------------------------------------------------------


def load_terms(path: Path | None = None, *, extra: Sequence[str] = ()) -> TermList:
    """Return the term groups of the TOML file ``path`` (default: the shipped migration list).

    A file whose top level says ``extends = "default"`` adds to the shipped groups. Each of
    ``extra`` becomes a group of its own (the notebook's ad-hoc ``terms`` parameter).
    Raises TermFileError naming the file when it is missing, is not valid TOML, or a group
    is not a list of non-empty strings.
    """
    groups: dict[str, tuple[str, ...]] = {}
    if path is None:
        groups.update(_default_terms().groups)
    else:
        path = Path(path)
        document = _read_toml(path)
        if extends_default(document, path, error=TermFileError):
            groups.update(_default_terms().groups)
        groups.update(_parse_groups(document, path))
    for term in extra:
        if term.strip() and term.strip() not in groups:
            _check_lengths(term.strip(), [term.strip()], "parameter 'terms'")
            groups[term.strip()] = (term.strip(),)
    return TermList(groups)


@lru_cache(maxsize=1)
def _default_terms() -> TermList:
    return TermList(_parse_groups(_read_toml(DEFAULT_TERMS), DEFAULT_TERMS))


def _read_toml(path: Path) -> dict:
    return read_toml(path, error=TermFileError, what="term list")


def _parse_groups(document: dict, path: Path) -> dict[str, tuple[str, ...]]:
    table = document.get("terms")
    if not isinstance(table, dict) or not table:
        raise TermFileError(f"{path}: expected a [terms] table of name = [variants, ...] lines")
    groups = {}
    for name, variants in table.items():
        if not isinstance(variants, list) or not all(
            isinstance(variant, str) and variant.strip() for variant in variants
        ):
            raise TermFileError(f"{path}: term {name!r} must be a list of non-empty strings, "
                                f"got {variants!r}")
        if not name.strip():
            raise TermFileError(f"{path}: a term name is empty")
        unique = dict.fromkeys(variant.strip() for variant in [name, *variants])
        _check_lengths(name, unique, path)
        groups[name.strip()] = tuple(unique)
    return groups


def _check_lengths(name: str, variants: Iterable[str], path: Path | str) -> None:
    """Raise TermFileError naming the term when a variant has more than MAX_TERM_WORDS."""
    for variant in variants:
        words = len(re.split(r"[\s-]+", variant.strip()))
        if words > MAX_TERM_WORDS:
            raise TermFileError(f"{path}: term {name!r}: variant {variant[:60]!r} has {words} "
                                f"words (at most {MAX_TERM_WORDS}); a tracked term is a "
                                f"phrase, not a sentence")


# --- matching ---------------------------------------------------------------------------


def build_term_matcher(nlp: Language, terms: TermList) -> TermMatcher:
    """Return a matcher that finds every variant of every group of ``terms`` in a Doc.

    Each variant matches on the words as written (lower-cased) and on their lemmas, so
    inflected forms count; a space and a hyphen between words are interchangeable; a
    variant written in capitals (an acronym) matches only in capitals. A variant whose
    word forms combine into more than ``MAX_PHRASE_FORMS`` phrases is matched word by
    word (a token pattern with each word's forms), so its cost grows with its length,
    not with the product of its words' forms.
    """
    from spacy.matcher import Matcher

    by_attribute = {attribute: PhraseMatcher(nlp.vocab, attr=attribute)
                    for attribute in ("ORTH", "LOWER", "LEMMA")}
    by_word = Matcher(nlp.vocab)
    for name, variants in terms.groups.items():
        phrases: dict[str, list[Doc]] = {attribute: [] for attribute in by_attribute}
        patterns: list[list[dict]] = []
        for variant in variants:
            for spelling in _spellings(variant):
                found = _phrases(nlp, spelling)
                if isinstance(found, list):
                    patterns.extend(found)
                    continue
                for attribute, docs in found.items():
                    phrases[attribute].extend(docs)
        for attribute, docs in phrases.items():
            if docs:
                by_attribute[attribute].add(name, docs)
        if patterns:
            by_word.add(name, patterns)
    # An empty token Matcher warns on every Doc: it joins only when a term needs it.
    folded = (by_attribute["LOWER"], by_attribute["LEMMA"], *([by_word] if len(by_word) else []))
    return TermMatcher(exact=by_attribute["ORTH"], folded=folded, terms=terms)


# A variant whose words' forms combine into more phrases than this is matched word by word.
MAX_PHRASE_FORMS = 256
# A variant of more words than this is refused: it names a sentence, not a term.
MAX_TERM_WORDS = 12


def _spellings(variant: str) -> set[str]:
    words = re.split(r"[\s-]+", variant.strip())
    return {variant.strip(), " ".join(words), "-".join(words)}


def _phrases(nlp: Language, spelling: str) -> dict[str, list[Doc]] | list[list[dict]]:
    """Return the phrase Docs that match ``spelling``, keyed by the attribute they match on,
    or token patterns when the phrases would be too many.

    An acronym matches as written; anything else in lower case with regular plurals
    (each word's forms combined) or by the lemmas a Doc gives its words.
    """
    # The variant is parsed, not only tokenised, so its lemmas are the ones a Doc has.
    tokens = [token for token in nlp(spelling) if not token.is_space]
    if _is_acronym(spelling):
        return {"ORTH": [Doc(nlp.vocab, words=[token.text for token in tokens])]}
    forms = [_inflected(token.lower_, token.lemma_.lower()) for token in tokens]
    lemmas = [_cased(token.lemma_, token.lower_) for token in tokens]
    if max(math.prod(map(len, forms)), math.prod(map(len, lemmas))) > MAX_PHRASE_FORMS:
        return [[{"LOWER": {"IN": words}} for words in forms],
                [{"LEMMA": {"IN": words}} for words in lemmas]]
    return {
        "LOWER": [Doc(nlp.vocab, words=list(words)) for words in product(*forms)],
        "LEMMA": [Doc(nlp.vocab, words=list(words), lemmas=list(words))
                  for words in product(*lemmas)],
    }


def _inflected(*forms: str) -> list[str]:
    """Return ``forms`` with their regular plurals.

    The tagger takes a capitalised plural in a headline ("Asylum Seekers") for a proper
    noun and keeps it as its own lemma, so the plain plural must match as written.
    """
    spellings = set(forms)
    for form in forms:
        if form[-1:].isalpha():
            spellings.add(_regular_plural(form))
    return sorted(spellings)


def _regular_plural(noun: str) -> str:
    """Return the regular English plural of ``noun``: "crossing" -> "crossings", "bus" ->
    "buses", "city" -> "cities"; never "aid" -> "aides", which are people."""
    if re.search(r"(?:s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def _is_acronym(spelling: str) -> bool:
    letters = [char for char in spelling if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _is_acronym_in_prose(span: Span) -> bool:
    """Return True if ``span`` is written in capitals and the rest of its line is not."""
    words = [token.text for token in span if token.is_alpha]
    if not words or not all(_is_acronym(word) for word in words):
        return False
    text = span.doc.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:span.start_char] + text[span.end_char:line_end]
    return any(char.islower() for char in line)


def _cased(*forms: str) -> list[str]:
    """Return the spellings a lemma can have in a Doc: lemmas keep a proper noun's case."""
    spellings = set()
    for form in forms:
        spellings.update({form, form.lower(), form.capitalize(), form.title(), form.upper()})
    return sorted(spellings)


def find_terms(doc: Doc, matcher: TermMatcher) -> list[tuple[str, Span]]:
    """Return ``(term, span)`` for every hit in ``doc``, in reading order.

    Overlapping hits of one group count once (the longest wins); different groups count
    independently, so "border crossings" is a hit for "border crossing" and for "border".
    """
    by_group: dict[str, list[Span]] = {}
    for match_id, start, end in matcher(doc):
        name = doc.vocab.strings[match_id]
        by_group.setdefault(name, []).append(doc[start:end])
    hits = [(name, span) for name, spans in by_group.items() for span in filter_spans(spans)]
    return sorted(hits, key=lambda hit: (hit[1].start_char, hit[0]))


def count_words(doc: Doc) -> int:
    """Return the number of words in ``doc``: tokens that are neither punctuation nor space."""
    return sum(1 for token in doc if not (token.is_punct or token.is_space))


Hits = list[tuple[str, Span]]


def count_terms(
    doc: Doc, matcher: TermMatcher, *, hits: Hits | None = None, words: int | None = None
) -> Iterator[TermCount]:
    """Yield the count and rate per 1,000 words of each tracked term found in ``doc``.

    Terms without a hit are not yielded; trends fill them in as zeros. ``hits`` and
    ``words``, when the caller has them from ``find_terms`` and ``count_words``, save
    matching and counting again.
    """
    counts = Counter(name for name, _ in (find_terms(doc, matcher) if hits is None else hits))
    words = count_words(doc) if words is None else words
    for name in matcher.terms.names:
        if counts[name]:
            yield TermCount(term=name, count=counts[name],
                            per_1k_words=round(1000 * counts[name] / max(words, 1), 3))


def keywords_frame(rows: Iterable[tuple[str, TermCount]]) -> pd.DataFrame:
    """Return the ``keywords`` table from ``(article_id, TermCount)`` pairs."""
    return schema.records_frame(rows, schema.KEYWORDS)


def keyword_in_context(
    doc: Doc, matcher: TermMatcher, *, window: int = 60, hits: Hits | None = None
) -> Iterator[TermHit]:
    """Yield every hit of a tracked term with up to ``window`` characters either side.

    Context is cut at word boundaries and line breaks are shown as spaces; ``hits`` from
    ``find_terms`` save matching again.
    """
    text = doc.text
    for name, span in find_terms(doc, matcher) if hits is None else hits:
        left_start = max(0, span.start_char - window)
        right_end = min(len(text), span.end_char + window)
        left = text[left_start:span.start_char]
        right = text[span.end_char:right_end]
        if left_start > 0 and not text[left_start - 1].isspace():
            left = re.sub(r"^\S+", "", left)
        if right_end < len(text) and not text[right_end].isspace():
            right = re.sub(r"\S+$", "", right)
        yield TermHit(term=name, start=span.start_char, end=span.end_char,
                      left=_one_line(left).lstrip(), match=span.text,
                      right=_one_line(right).rstrip())


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def kwic_frame(rows: Iterable[tuple[str, TermHit]]) -> pd.DataFrame:
    """Return the hits-in-context table from ``(article_id, TermHit)`` pairs."""
    return schema.records_frame(rows, schema.KWIC)


# --- trends -----------------------------------------------------------------------------


def period_label(dates: pd.Series, period: Period) -> pd.Series:
    """Return the label of the period each ISO date falls in.

    Labels sort in time order: "2021-03-18" (day), "2021-W11" (ISO week), "2021-03"
    (month), "2021Q1" (quarter), "2021" (year).
    """
    periods = pd.to_datetime(dates, format="%Y-%m-%d").dt.to_period(_PANDAS_FREQUENCY[period])
    return periods.map(lambda value: _label(value, period)).astype(str)


def _label(value: pd.Period, period: Period) -> str:
    if period == "week":
        year, week, _ = value.start_time.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "quarter":
        return f"{value.year}Q{value.quarter}"
    if period == "month":
        return value.strftime("%Y-%m")
    if period == "year":
        return str(value.year)
    return value.strftime("%Y-%m-%d")


def all_periods(dates: pd.Series, period: Period) -> list[str]:
    """Return the label of every period from the first to the last of ``dates``."""
    frequency = _PANDAS_FREQUENCY[period]
    parsed = pd.to_datetime(dates, format="%Y-%m-%d")
    span = pd.period_range(parsed.min().to_period(frequency), parsed.max().to_period(frequency),
                           freq=frequency)
    return [_label(value, period) for value in span]


def build_trends(
    keywords: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    terms: Sequence[str],
    period: Period = "month",
    outlets: Sequence[str] = (),
) -> pd.DataFrame:
    """Return the ``trends`` table: term counts per period and outlet, per 1,000 words.

    ``articles`` are the articles to count (fold duplicates before calling). Every period
    between the first and the last dated article appears for every outlet and term, with
    zero counts and zero articles where nothing was published. Undated articles are left
    out. ``outlets`` adds outlets with nothing to count (all their articles folded, say),
    so that every outlet of the corpus has its rows. Rows are sorted by period, outlet and
    term.
    """
    dated = articles[articles["published"].fillna("") != ""]
    if dated.empty or not terms:
        return pd.DataFrame(columns=list(schema.TRENDS))
    dated = dated.assign(period=period_label(dated["published"], period))
    volume = dated.groupby(["period", "outlet"]).agg(
        articles=("article_id", "size"), words=("words", "sum"))
    hits = keywords.merge(dated[["article_id", "period", "outlet"]], on="article_id")
    counts = hits.groupby(["period", "outlet", "term"])["count"].sum()
    grid = pd.MultiIndex.from_product(
        [all_periods(dated["published"], period), sorted({*dated["outlet"], *outlets}),
         list(dict.fromkeys(terms))],
        names=["period", "outlet", "term"])
    trends = pd.DataFrame(index=grid).join(counts).join(volume, on=["period", "outlet"])
    trends = trends.fillna({"count": 0, "articles": 0, "words": 0}).astype(
        {"count": "int64", "articles": "int64", "words": "int64"})
    trends["per_1k_words"] = (1000 * trends["count"] / trends["words"].where(trends["words"] > 0)
                              ).fillna(0.0).round(3)
    return trends.reset_index()[list(schema.TRENDS)]


def term_totals(keywords: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return each tracked term's mentions per outlet over all ``articles``, dated or not.

    Columns: outlet, term, count, articles (of the outlet), words (of the outlet) and
    per_1k_words, one row per outlet and term found anywhere; what a term × outlet
    comparison needs when there are no dates to make trends of. Pass the articles to
    count (fold duplicates before calling).
    """
    columns = ["outlet", "term", "count", "articles", "words", "per_1k_words"]
    if articles.empty or keywords.empty:
        return pd.DataFrame(columns=columns)
    volume = articles.groupby("outlet").agg(articles=("article_id", "size"),
                                            words=("words", "sum"))
    hits = keywords.merge(articles[["article_id", "outlet"]], on="article_id")
    counts = hits.groupby(["outlet", "term"])["count"].sum()
    # Every outlet has a row for every term, as in trends, so pooled rates stay right.
    grid = pd.MultiIndex.from_product([sorted(volume.index), sorted(set(keywords["term"]))],
                                      names=["outlet", "term"])
    totals = pd.DataFrame(index=grid).join(counts).fillna({"count": 0}).reset_index()
    totals = totals.join(volume, on="outlet").astype({"count": "int64"})
    totals["per_1k_words"] = (1000 * totals["count"] / totals["words"].where(
        totals["words"] > 0)).fillna(0.0).round(3)
    return totals[columns]


# --- discovery --------------------------------------------------------------------------


def extract_keyterms(
    doc: Doc, *, topn: int = 10, algorithm: Literal["yake", "sgrank"] = "yake"
) -> Iterator[Keyterm]:
    """Yield the ``topn`` keyterms of ``doc`` by textacy's ``algorithm``, best first.

    YAKE is the default because it is linear in the text: SGRank weighs every pair of
    candidates and took 2.3 s on a 600-word article against 0.25 s to parse it, so here
    it only looks 200 tokens apart. Run it on cleaned text, so that site furniture never
    ranks as a keyterm. A text too short to rank yields nothing.
    """
    if count_words(doc) < 3:
        return
    try:
        ranked = _ranked_keyterms(doc, topn=topn, algorithm=algorithm)
    except (statistics.StatisticsError, ZeroDivisionError):
        # YAKE takes a standard deviation over the words: one repeated word has none.
        return
    for rank, (term, score) in enumerate(ranked, start=1):
        yield Keyterm(rank=rank, keyterm=term, score=round(float(score), 4))


def _ranked_keyterms(doc: Doc, *, topn: int, algorithm: str) -> list[tuple[str, float]]:
    from textacy.extract import keyterms as textacy_keyterms

    if algorithm == "sgrank":
        ranked = textacy_keyterms.sgrank(doc, normalize="lemma", topn=topn, window_size=200)
    else:
        # YAKE scores key terms low (from 0 up); 1 / (1 + score) makes higher better.
        ranked = [(term, 1.0 / (1.0 + score)) for term, score in
                  textacy_keyterms.yake(doc, normalize="lemma", topn=topn)]
    return list(ranked)


def keyterms_frame(rows: Iterable[tuple[str, Keyterm]]) -> pd.DataFrame:
    """Return the keyterms table from ``(article_id, Keyterm)`` pairs."""
    return schema.records_frame(rows, schema.KEYTERMS)


def term_frequencies(doc: Doc) -> Counter[str]:
    """Return how often each content word of ``doc`` occurs, by lower-cased lemma.

    Content words are alphabetic, at least three letters and not stop words; these are
    what distinctive-term comparisons count.
    """
    return Counter(
        token.lemma_.lower() for token in doc
        if token.is_alpha and len(token) > 2 and not token.is_stop
    )


def distinctive_terms(
    frequencies: Mapping[str, Counter[str]],
    *,
    comparison: str,
    top: int = 15,
    min_count: int = 2,
    own_words: Mapping[str, set[str]] | None = None,
) -> pd.DataFrame:
    """Return the ``top`` terms most distinctive of each group against all other groups.

    Scores are the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
    Quinn 2008): the prior is the pooled counts of all groups, and ``z_score`` divides the
    log-odds by its standard deviation, so a rare term needs a large difference to rank.
    Groups with no words and terms seen fewer than ``min_count`` times in the group are
    left out. ``comparison`` names what the groups are ("outlet", "period");
    ``own_words`` holds per group the words that only name it ("breitbart" for Breitbart:
    an outlet naming itself says nothing about its coverage), left out of its terms.
    """
    pooled: Counter[str] = Counter()
    for counts in frequencies.values():
        pooled.update(counts)
    pooled_total = sum(pooled.values())
    rows = []
    for group, counts in frequencies.items():
        group_total = sum(counts.values())
        rest_total = pooled_total - group_total
        if not group_total or not rest_total:
            continue
        scored = []
        skipped = (own_words or {}).get(group, set())
        for term, count in counts.items():
            if count < min_count or term in skipped:
                continue
            prior = pooled[term]
            rest = pooled[term] - count
            log_odds = (
                math.log((count + prior) / (group_total + pooled_total - count - prior))
                - math.log((rest + prior) / (rest_total + pooled_total - rest - prior))
            )
            z_score = log_odds / math.sqrt(1 / (count + prior) + 1 / (rest + prior))
            scored.append(DistinctiveTerm(comparison, group, term, count, rest,
                                          round(log_odds, 4), round(z_score, 3)))
        scored.sort(key=lambda row: (-row.z_score, row.term))
        rows.extend(scored[:top])
    table = pd.DataFrame([dataclasses.asdict(row) for row in rows],
                         columns=list(schema.DISTINCTIVE))
    return table.astype(_DISTINCTIVE_TYPES)


def name_words(name: str) -> set[str]:
    """Return the lower-cased words of an outlet's name, run together too ("The New York
    Times" -> the, new, york, times, newyorktimes): the words it names itself with."""
    words = re.findall(r"[a-z]+", name.lower())
    return {*words, "".join(words)} if words else set()

