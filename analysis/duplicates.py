"""Rewrites and syndicated copies: which article repeats an earlier one's story.

Each article's word shingles get a MinHash signature (datasketch); the signature is cut
into bands (LSH), and articles that agree on a whole band become candidates. Only the
band keys are kept, as 32-bit numbers in one array, so memory grows by about 200 bytes
an article. A band bucket of more than ``MAX_BUCKET`` articles is a shared template
(automated weather, results or earnings items) and says nothing about rewrites: it is
left out, and each article is compared with at most ``NEIGHBOURS`` earlier members of a
bucket. Each article's best candidates (most bands shared) are then checked on the texts
themselves (``story_similarity``), so time grows about linearly with the corpus.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

logger = logging.getLogger(__name__)

DEFAULT_DUPLICATE_THRESHOLD = 0.15
SHINGLE_WORDS = 3
MINHASH_PERMUTATIONS = 128
MINHASH_SEED = 1
# A bucket this large is a template shared by many stories, not a sign of a rewrite.
MAX_BUCKET = 500
# In a bucket, an article is paired with at most this many earlier members.
NEIGHBOURS = 6
# The candidates of an article checked on the text, those sharing most bands first.
CHECKED_CANDIDATES = 4
# A candidate this similar is taken without checking the others.
NEAR_COPY = 0.9
WORD = re.compile(r"\w+")
# A closing paragraph is shared when this share of its shingles stands in the other text;
# two closing blocks are the same block when their shingles overlap this much.
SHARED_PARAGRAPH = 0.5
SHARED_TAIL_MATCH = 0.5
# Paragraphs this short (headings such as "About Ascom") do not end a shared block.
HEADING_WORDS = 5


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article that repeats an earlier one, with the Jaccard similarity of their stories."""

    article_id: str
    duplicate_of: str
    score: float


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[str]:
    """Return the set of lower-cased ``size``-word shingles of ``text``."""
    words = WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def find_duplicates(
    articles: Sequence[tuple[str, str, str]],
    *,
    threshold: float = DEFAULT_DUPLICATE_THRESHOLD,
) -> list[Duplicate]:
    """Return each article whose text repeats an earlier article's, linked to the earliest.

    ``articles`` holds (article_id, published, clean text). Articles are taken in
    publication order (undated last, ties by id: without dates the first id is the
    original); each is linked to the earlier candidate whose story similarity
    (``story_similarity``: word-shingle Jaccard, leaving out a closing block both share)
    is highest and reaches ``threshold``. A duplicate of a duplicate points to the
    cluster's first article. Memory holds the band keys, not the signatures.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    order = sorted(range(len(articles)), key=lambda index: _publication_order(articles[index]))
    ranked = [articles[index] for index in order]
    candidates = _candidates(_band_keys([text for _id, _published, text in ranked], threshold))
    root: dict[str, str] = {}
    found = []
    for later, earlier_ranks in candidates:
        article_id, _published, text = ranked[later]
        scored = []
        for earlier in earlier_ranks:  # most shared bands first
            scored.append((_checked_similarity(text, ranked[earlier][2], threshold),
                           ranked[earlier][0]))
            if scored[-1][0] >= NEAR_COPY:
                break  # a near copy: no other candidate can be much closer
        best = max(scored, default=None)
        if best is not None and best[0] >= threshold:
            root[article_id] = root.get(best[1], best[1])
            found.append(Duplicate(article_id, root[article_id], round(best[0], 4)))
    return found


def _band_keys(texts: Sequence[str], threshold: float) -> np.ndarray:
    """Return one 32-bit key per article and LSH band (articles × bands, uint32)."""
    from datasketch import MinHash
    from datasketch.lsh import _optimal_param

    bands, rows = _optimal_param(threshold, MINHASH_PERMUTATIONS, 0.5, 0.5)
    keys = np.zeros((len(texts), bands), dtype=np.uint32)
    # An odd multiplier per row mixes a band's values into one key (collisions are
    # harmless: every candidate is checked on the text).
    mixers = np.array([0x9E3779B97F4A7C15 + 2 * row for row in range(rows)], dtype=np.uint64)
    prototype = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED)
    with np.errstate(over="ignore"):
        for position, text in enumerate(texts):
            signature = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED,
                                permutations=prototype.permutations, scheme=prototype.scheme)
            signature.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
            values = signature.hashvalues[:bands * rows].astype(np.uint64).reshape(bands, rows)
            mixed = (values * mixers).sum(axis=1, dtype=np.uint64)
            keys[position] = (mixed ^ (mixed >> np.uint64(32))).astype(np.uint32)
    return keys


def _candidates(keys: np.ndarray) -> Iterator[tuple[int, list[int]]]:
    """Yield (later, earlier candidates) by publication rank, later ranks in order.

    Two articles are candidates when a band key agrees and the band's bucket holds at
    most MAX_BUCKET articles; each article is paired with its NEIGHBOURS nearest earlier
    members of a bucket, and keeps the CHECKED_CANDIDATES that share most bands. The
    pairs are counted band by band into one array of unique pairs, so memory holds at
    most NEIGHBOURS pairs an article, however many bands or duplicates there are.
    """
    count = keys.shape[0]
    codes = np.empty(0, dtype=np.int64)  # sorted, unique
    shared = np.empty(0, dtype=np.uint8)  # bands each pair shares (there are under 256)
    templates = 0
    for band in range(keys.shape[1]):
        band_codes, skipped = _band_pairs(keys[:, band], count)
        templates += skipped
        codes, shared = _merge_pairs(codes, shared, np.unique(band_codes))
    if templates:
        logger.info("rewrite detection left out %d template buckets of more than %d articles",
                    templates, MAX_BUCKET)
    del keys  # the largest array: freed before the candidates are checked on the texts
    later = (codes // count).astype(np.int32)
    earlier = (codes % count).astype(np.int32)
    del codes
    # Most shared bands first within each later article, then the earlier one first.
    order = np.lexsort((earlier, -shared.astype(np.int16), later))
    del shared
    later, earlier = later[order], earlier[order]
    del order
    starts = np.flatnonzero(np.r_[True, later[1:] != later[:-1]]) if len(later) else []
    ends = np.r_[starts[1:], len(later)] if len(later) else []
    for start, end in zip(starts, ends, strict=True):
        yield int(later[start]), earlier[start:min(end, start + CHECKED_CANDIDATES)].tolist()


def _merge_pairs(codes: np.ndarray, shared: np.ndarray, band_codes: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Return ``codes`` and ``shared`` with one band's unique pair codes counted in: a pair
    already there shares one band more, a new one is inserted in order sharing one. The
    arrays are merged without sorting them again, so memory holds about two copies."""
    where = np.searchsorted(codes, band_codes)
    known = where < len(codes)
    known[known] = codes[where[known]] == band_codes[known]
    shared[where[known]] += 1
    fresh = ~known
    return (np.insert(codes, where[fresh], band_codes[fresh]),
            np.insert(shared, where[fresh], np.ones(int(fresh.sum()), dtype=np.uint8)))


def _band_pairs(column: np.ndarray, count: int) -> tuple[np.ndarray, int]:
    """Return the pair codes (later * count + earlier) one band gives, and how many of its
    buckets were left out as templates."""
    ranks = np.argsort(column, kind="stable")  # equal keys keep publication order
    sorted_keys = column[ranks]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, count])
    size_of = np.repeat(sizes, sizes)
    group_of = np.repeat(np.arange(len(starts)), sizes)
    pairs = []
    for distance in range(1, NEIGHBOURS + 1):
        same = (group_of[distance:] == group_of[:-distance]) & (size_of[distance:] <= MAX_BUCKET)
        pairs.append(ranks[distance:][same].astype(np.int64) * count + ranks[:-distance][same])
    return np.concatenate(pairs), int((sizes > MAX_BUCKET).sum())


def _checked_similarity(text: str, other: str, threshold: float) -> float:
    """Return ``story_similarity``, or the plain Jaccard similarity when that is below
    ``threshold``: leaving out a shared closing block never raises a score."""
    whole = _jaccard(_cached_shingles(text), _cached_shingles(other))
    return story_similarity(text, other) if whole >= threshold else whole


@lru_cache(maxsize=4096)
def _cached_shingles(text: str) -> frozenset[str]:
    # An earlier article is the candidate of many later ones: its shingles are kept.
    return frozenset(shingles(text))


def story_similarity(text: str, other: str) -> float:
    """Return the word-shingle Jaccard similarity of two texts' stories.

    A block of closing paragraphs that both texts share at their end (a company's "About
    us" paragraph under two different press releases, a site's standard disclaimer) is
    no shared story: when both texts end with such a block and have story before it,
    only the paragraphs before the block are compared. Otherwise the whole texts are.
    """
    own, theirs = _cached_shingles(text), _cached_shingles(other)
    whole = _jaccard(own, theirs)
    own_story, own_tail = _split_shared_tail(text, theirs)
    their_story, their_tail = _split_shared_tail(other, own)
    story_shingles = shingles(own_story), shingles(their_story)
    tails_match = _jaccard(shingles(own_tail), shingles(their_tail)) >= SHARED_TAIL_MATCH
    if own_tail and their_tail and all(story_shingles) and tails_match:
        return _jaccard(*story_shingles)
    return whole


def _split_shared_tail(text: str, other_shingles: Set[str]) -> tuple[str, str]:
    """Return (story, tail): ``tail`` is the run of closing paragraphs of ``text`` that
    stand in the other text (short headings inside the run included)."""
    paragraphs = [line for line in text.split("\n") if line.strip()]
    cut = len(paragraphs)
    while cut > 0:
        paragraph = paragraphs[cut - 1]
        own = shingles(paragraph)
        if len(paragraph.split()) >= HEADING_WORDS and (
                len(own & other_shingles) < SHARED_PARAGRAPH * len(own)):
            break
        cut -= 1
    while cut < len(paragraphs) and len(paragraphs[cut].split()) < HEADING_WORDS:
        cut += 1  # a heading that opens the story is no part of the tail
    return "\n".join(paragraphs[:cut]), "\n".join(paragraphs[cut:])


def _jaccard(first: Set[str], second: Set[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _publication_order(article: tuple[str, str, str]) -> tuple[bool, str, str]:
    article_id, published, _text = article
    return (not published, published, article_id)
