"""Where every loader hands its articles in: one place that checks, names and records.

Each reader (folders, crawls, table exports) produces candidate articles with metadata
in layers; ``Intake.add`` checks the text and the id, composes the metadata field by
field, and appends the Article, or skips it with a Problem naming the file and line.
"""

from __future__ import annotations

import logging
import re

from analysis.corpus import metadata
from analysis.corpus.decoding import valid_unicode
from analysis.corpus.metadata import Layer
from analysis.corpus.model import Article, Corpus, CorpusError, Problem
from analysis.corpus.outlets import OutletNames

log = logging.getLogger("analysis.corpus")

# One article is at most 500,000 characters (about 85,000 words, four times the longest
# long-read). Parsing costs about 3.5 MB of memory per 1,000 characters (1,000,000
# characters: 45 s and 3.5 GB with en_core_web_sm), and spaCy refuses texts over its
# max_length of 1,000,000; a longer text is a feed or a book, not an article.
MAX_ARTICLE_CHARS = 500_000
SAFE_ID = re.compile(r"^[\w][\w.\-]*$")


class Intake:
    """Collects the articles of one corpus, skipping and warning as the rules say."""

    def __init__(self, corpus: Corpus, *, strict: bool, names: OutletNames):
        self.corpus = corpus
        self.strict = strict
        self.names = names
        self._first: dict[str, int | str] = {}
        self._cased: dict[str, str] = {}  # lower-cased id -> the first id with capitals

    def skip(self, problem: Problem) -> None:
        """Record ``problem`` as a skipped input; with ``strict``, raise CorpusError."""
        if self.strict:
            raise CorpusError(f"{problem} (--strict makes every bad input fatal)")
        log.warning("skipped %s", problem)
        self.corpus.skipped.append(problem)

    def warn(self, problem: Problem) -> None:
        """Record ``problem`` as a caveat of an input that was still loaded."""
        log.warning("%s", problem)
        self.corpus.warnings.append(problem)

    def warner(self, shown: str, line: int | None = None):
        """Return a function that warns about ``shown`` (and ``line``) with a message."""
        return lambda reason: self.warn(Problem(shown, reason, line))

    def add(self, article_id: str, text: str, *, shown: str, layers: list[Layer],
            line: int | None = None, declared_language: str = "", fetched: str = "",
            source_file: str = "", check_id: bool = False) -> bool:
        """Add one article unless its id or text is unusable; return whether it was added.

        ``layers`` hold its metadata, lowest priority first. With ``check_id`` the id must
        be a plain name (ids from records; file stems are names already). ``source_file``
        is the file it came from (default: ``shown``).
        """
        problem = self._id_problem(article_id, shown, line, check_id=check_id)
        problem = problem or text_problem(text)
        if problem:
            self.skip(Problem(shown, problem, line))
            return False
        warn = self.warner(shown, line)
        text = valid_unicode(text, warn, name="text")
        layers = [Layer(layer.source, {name: valid_unicode(value, warn, name=name)
                                       for name, value in layer.values.items()})
                  for layer in layers]
        values, sources = metadata.compose(layers)
        values = metadata.finish(values, sources, text=text, declared_language=declared_language,
                                 names=self.names, warn=warn)
        self.corpus.articles.append(Article(
            article_id=article_id, text=text,
            source_file=source_file or shown, fetched=fetched,
            metadata_source=metadata.describe_sources(sources), **values))
        self._remember(article_id, shown, line)
        return True

    def _id_problem(self, article_id: str, shown: str, line: int | None, *,
                    check_id: bool) -> str | None:
        problem = id_problem(article_id) if check_id else None
        if problem:
            return problem
        if article_id in self._first:
            first = self._first[article_id]
            if isinstance(first, int):
                return f"duplicate article_id {article_id!r} (first on line {first})"
            return f"duplicate article id {article_id!r} (also {first})"
        other = self._case_twin(article_id)
        if other:
            self.warn(Problem(shown, f"article id {article_id!r} differs only in case from "
                              f"{other!r} (one file would overwrite the other on a "
                              f"case-insensitive disk)", line))
        return None

    def _remember(self, article_id: str, shown: str, line: int | None) -> None:
        # The first line of a table record, or the file of a folder's article: ids of a
        # million records cost an int each, not a tuple.
        self._first[article_id] = line if line is not None else shown
        lowered = article_id.lower()
        if lowered != article_id:
            self._cased.setdefault(lowered, article_id)

    def _case_twin(self, article_id: str) -> str:
        """Return an id added before that differs from ``article_id`` only in case, or ""."""
        lowered = article_id.lower()
        if lowered != article_id and lowered in self._first:
            return lowered
        twin = self._cased.get(lowered, "")
        return twin if twin != article_id else ""


def id_problem(article_id: str) -> str | None:
    """Return why ``article_id`` cannot name an article (missing, not a plain name), or None."""
    if not article_id.strip():
        return "missing article_id"
    if not SAFE_ID.match(article_id) or ".." in article_id:
        return (f"article_id {article_id!r} is not a plain name; expected letters, digits, "
                f"'_', '-' and '.' only")
    return None


def text_problem(text: str) -> str | None:
    """Return why ``text`` cannot be an article (empty, too long), or None."""
    if not text.strip():
        return "empty text; expected the article's text"
    if len(text) > MAX_ARTICLE_CHARS:
        return (f"text of {len(text):,} characters is too long for one article (at most "
                f"{MAX_ARTICLE_CHARS:,}); split it into articles")
    return None
