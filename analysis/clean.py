"""Derive the clean text every extractor reads, and find rewrites across articles.

Three layers remove page furniture from an article's text: editable regex rules
(``data/boilerplate.toml``), lines that repeat across several articles of the same
outlet (site chrome), and paragraphs printed twice in one article. The raw text is never
changed: the clean text is derived, and every removed span is kept with its rule for
audit. Rewrites and syndicated copies are found afterwards (``analysis.duplicates``).
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



class BoilerplateRulesError(ValueError):
    """The boilerplate rule file is malformed; the message names the file and rule."""


@dataclass(frozen=True)
class BoilerplateRule:
    """A named regular expression whose matches are page furniture."""

    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed span: offsets into the article's raw text (line ends normalised)."""

    start: int
    end: int
    rule: str
    text: str


@dataclass(frozen=True, slots=True)
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
