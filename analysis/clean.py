"""Derive the clean text every extractor reads, and find rewrites across articles.

Three layers remove page furniture from an article's text: editable regex rules
(``data/boilerplate.toml``), lines that repeat across several articles of the same
outlet (site chrome), and paragraphs printed twice in one article. The raw text is never
changed: the clean text is derived, and every removed span is kept with its rule for
audit. ``find_duplicates`` then links rewrites and syndicated copies to the earliest
article of their cluster with MinHash LSH, so that trends can count a story once.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.corpus import Corpus
from analysis.files import extends_default

DEFAULT_RULES_FILE = Path(__file__).resolve().parent / "data" / "boilerplate.toml"
# A repeated line shorter than this ("Read more", "Advertisement") is left to the
# rules; only real paragraphs printed twice are collapsed.
MIN_REPEATED_PARAGRAPH_CHARS = 40
# A line must stand in this many articles of one outlet before it counts as site chrome.
MIN_CHROME_ARTICLES = 3
BLANK_RUNS = re.compile(r"\n{3,}")
TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
WORD = re.compile(r"\w+")

DEFAULT_DUPLICATE_THRESHOLD = 0.15
SHINGLE_WORDS = 3
MINHASH_PERMUTATIONS = 128
MINHASH_SEED = 1


class BoilerplateRulesError(ValueError):
    """The boilerplate rule file is malformed; the message names the file and rule."""


@dataclass(frozen=True)
class BoilerplateRule:
    """A named regular expression whose matches are page furniture."""

    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Removal:
    """One removed span: offsets into the article's raw text (line ends normalised)."""

    start: int
    end: int
    rule: str
    text: str


@dataclass(frozen=True)
class CleanText:
    """The clean text of one article and every span that cleaning removed from it."""

    text: str
    removals: tuple[Removal, ...]

    @property
    def removed_chars(self) -> int:
        """Return how many characters of page furniture were removed."""
        return sum(removal.end - removal.start for removal in self.removals)


def load_boilerplate_rules(path: Path | None = None) -> tuple[BoilerplateRule, ...]:
    """Return the rules of a boilerplate TOML file (default: the shipped rule set).

    A file whose top level says ``extends = "default"`` runs the shipped rules first, then
    its own. Raises BoilerplateRulesError naming the file and rule for bad TOML or a bad
    pattern.
    """
    return _load_rules(Path(path) if path else DEFAULT_RULES_FILE)


@lru_cache(maxsize=8)
def _load_rules(path: Path) -> tuple[BoilerplateRule, ...]:
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BoilerplateRulesError(f"{path}: cannot read boilerplate rules ({error})") from None
    rules = []
    for number, entry in enumerate(document.get("rule", []), start=1):
        if not isinstance(entry, dict) or not {"name", "pattern"} <= entry.keys():
            raise BoilerplateRulesError(f"{path}: rule {number} needs a name and a pattern")
        try:
            pattern = re.compile(entry["pattern"], re.MULTILINE)
        except re.error as error:
            raise BoilerplateRulesError(f"{path}: rule {number} ({entry['name']}): bad "
                                        f"pattern ({error})") from None
        rules.append(BoilerplateRule(name=str(entry["name"]), pattern=pattern))
    if extends_default(document, path, error=BoilerplateRulesError):
        return (*_load_rules(DEFAULT_RULES_FILE), *rules)
    return tuple(rules)


def normalise_line_ends(raw: str) -> str:
    """Return ``raw`` with CRLF and CR line ends as LF and byte-order marks dropped."""
    return raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")


def clean_text(
    raw: str,
    *,
    rules: Sequence[BoilerplateRule] | None = None,
    site_chrome: frozenset[str] = frozenset(),
) -> CleanText:
    """Return the clean text of ``raw`` and the audit of what was removed.

    ``site_chrome`` holds normalised lines known to repeat across the outlet's articles
    (from ``find_site_chrome``); they are removed wherever they stand alone on a line.
    """
    text = normalise_line_ends(raw)
    rules = load_boilerplate_rules() if rules is None else rules
    removals = [*_rule_removals(text, rules), *_line_removals(text, site_chrome)]
    merged = _merge(removals)
    kept = _without(text, merged)
    kept = TRAILING_SPACE.sub("", kept)
    kept = BLANK_RUNS.sub("\n\n", kept).strip()
    return CleanText(text=kept, removals=tuple(merged))


def _rule_removals(text: str, rules: Sequence[BoilerplateRule]) -> Iterable[Removal]:
    for rule in rules:
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                yield Removal(match.start(), match.end(), rule.name, match.group(0))


def _line_removals(text: str, site_chrome: frozenset[str]) -> Iterable[Removal]:
    """Yield repeated paragraphs (second copy on) and site-chrome lines."""
    seen: set[str] = set()
    offset = 0
    for line in text.split("\n"):
        key = normalise_line(line)
        if key in site_chrome:
            yield Removal(offset, offset + len(line), "repeated across outlet", line)
        elif len(key) >= MIN_REPEATED_PARAGRAPH_CHARS:
            if key in seen:
                yield Removal(offset, offset + len(line), "repeated paragraph", line)
            seen.add(key)
        offset += len(line) + 1


def normalise_line(line: str) -> str:
    """Return a line lower-cased with its whitespace collapsed, for comparing lines."""
    return " ".join(line.split()).lower()


def _merge(removals: Iterable[Removal]) -> list[Removal]:
    """Return removals sorted with overlaps folded into the earlier removal."""
    merged: list[Removal] = []
    for removal in sorted(removals, key=lambda r: (r.start, -r.end)):
        if merged and removal.start < merged[-1].end:
            last = merged[-1]
            if removal.end > last.end:
                text = last.text + removal.text[last.end - removal.start:]
                merged[-1] = Removal(last.start, removal.end, last.rule, text)
            continue
        merged.append(removal)
    return merged


def _without(text: str, removals: Sequence[Removal]) -> str:
    pieces, position = [], 0
    for removal in removals:
        pieces.append(text[position:removal.start])
        position = removal.end
    pieces.append(text[position:])
    return "".join(pieces)


def find_site_chrome(
    articles: Iterable[tuple[str, str]], *, min_articles: int = MIN_CHROME_ARTICLES
) -> dict[str, frozenset[str]]:
    """Return, per outlet, the normalised lines found in ``min_articles`` or more articles.

    ``articles`` yields (outlet, raw text) pairs. Articles without an outlet are not
    compared: chrome is a property of one site.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for outlet, raw in articles:
        if outlet:
            lines = {normalise_line(line) for line in normalise_line_ends(raw).split("\n")}
            counts[outlet].update(line for line in lines if line)
    return {outlet: frozenset(line for line, n in counter.items() if n >= min_articles)
            for outlet, counter in counts.items()}


def clean_corpus(
    corpus: Corpus, *, rules: Sequence[BoilerplateRule] | None = None
) -> list[CleanText]:
    """Return the clean text of every article, with each outlet's site chrome removed."""
    rules = load_boilerplate_rules() if rules is None else rules
    chrome = find_site_chrome((article.outlet, article.text) for article in corpus.articles)
    return [clean_text(article.text, rules=rules,
                       site_chrome=chrome.get(article.outlet, frozenset()))
            for article in corpus.articles]


# --- near-duplicates and rewrites --------------------------------------------------------


@dataclass(frozen=True)
class Duplicate:
    """An article that repeats an earlier one, with their estimated word-shingle Jaccard."""

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
    original); each one is compared, through MinHash LSH buckets rather than all pairs,
    with those before it, and linked to the most similar one whose story similarity
    (``story_similarity``: word-shingle Jaccard, leaving out a closing block both share)
    reaches ``threshold``. A duplicate of a duplicate points to the cluster's first
    article.
    """
    from datasketch import MinHash, MinHashLSH

    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    lsh = MinHashLSH(threshold=threshold, num_perm=MINHASH_PERMUTATIONS)
    signatures: dict[str, MinHash] = {}
    texts: dict[str, str] = {}
    root: dict[str, str] = {}
    found = []
    for article_id, _published, text in sorted(articles, key=_publication_order):
        signature = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED)
        signature.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
        candidates = [other for other in lsh.query(signature)
                      if signature.jaccard(signatures[other]) >= threshold]
        scored = [(story_similarity(text, texts[other]), other) for other in candidates]
        best = max(scored, default=None)
        if best is not None and best[0] >= threshold:
            root[article_id] = root.get(best[1], best[1])
            found.append(Duplicate(article_id, root[article_id], round(best[0], 4)))
        signatures[article_id] = signature
        texts[article_id] = text
        lsh.insert(article_id, signature)
    return found


def story_similarity(text: str, other: str) -> float:
    """Return the word-shingle Jaccard similarity of two texts' stories.

    A block of closing paragraphs that both texts share at their end (a company's "About
    us" paragraph under two different press releases, a site's standard disclaimer) is
    no shared story: when both texts end with such a block and have story before it,
    only the paragraphs before the block are compared. Otherwise the whole texts are.
    """
    own, theirs = shingles(text), shingles(other)
    whole = _jaccard(own, theirs)
    own_story, own_tail = _split_shared_tail(text, theirs)
    their_story, their_tail = _split_shared_tail(other, own)
    story_shingles = shingles(own_story), shingles(their_story)
    tails_match = _jaccard(shingles(own_tail), shingles(their_tail)) >= SHARED_TAIL_MATCH
    if own_tail and their_tail and all(story_shingles) and tails_match:
        return _jaccard(*story_shingles)
    return whole


# A closing paragraph is shared when this share of its shingles stands in the other text;
# two closing blocks are the same block when their shingles overlap this much.
SHARED_PARAGRAPH = 0.5
SHARED_TAIL_MATCH = 0.5
# Paragraphs this short (headings such as "About Ascom") do not end a shared block.
HEADING_WORDS = 5


def _split_shared_tail(text: str, other_shingles: set[str]) -> tuple[str, str]:
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


def _jaccard(first: set[str], second: set[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _publication_order(article: tuple[str, str, str]) -> tuple[bool, str, str]:
    article_id, published, _text = article
    return (not published, published, article_id)
