"""One name per outlet: site names, short names and domains mapped through an alias list.

``data/outlets.toml`` maps each outlet's name to its aliases ("nytimes.com", "New York
Times", "NYT" -> "The New York Times"). Users copy it, add their own and pass the copy
(``--outlets-file``); ``extends = "default"`` keeps the shipped entries. A name that is
no alias stays as it is; a page with no site name is named after its registered domain
("edition.cnn.com" -> "cnn.com", unless an alias says "CNN").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from analysis.files import extends_default, read_toml

DEFAULT_OUTLETS_FILE = Path(__file__).resolve().parent.parent / "data" / "outlets.toml"
NAME_SEPARATORS = re.compile(r"[\W_]+")
# An abbreviated word in a file name keeps at least this many letters ("wash", not "w").
MIN_ABBREVIATED_WORD = 3
DOMAIN = re.compile(r"^(?:[a-z]+://)?(?:[\w-]+\.)+[a-z]{2,}(?:[:/].*)?$", re.IGNORECASE)


class OutletNamesError(ValueError):
    """The outlet alias file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class OutletNames:
    """Aliases to outlet names: by normalised name and by registered domain."""

    by_name: dict[str, str]
    by_domain: dict[str, str]

    def alias(self, value: str) -> str:
        """Return the outlet an alias names for a name or domain, or "" when none does."""
        value = " ".join(value.split())
        if looks_like_domain(value):
            return self.known_domain(value) or self.by_name.get(_key(value), "")
        return self.by_name.get(_key(value), "")

    def name(self, value: str) -> str:
        """Return the outlet name for a site name, short name or domain ("" for "").

        An alias gives the name; otherwise a URL is named by its registered domain and any
        other name (a bare domain too) stays as written, without a leading "www.".
        """
        value = " ".join(value.split())
        if not value:
            return ""
        return self.alias(value) or (registered_domain(value) if "://" in value
                                     else value.removeprefix("www."))

    def for_url(self, url: str) -> str:
        """Return the outlet named by an alias of the URL's domain, or that domain ("")."""
        return self.known_domain(url) or registered_domain(url)

    def alias_in_file_name(self, token: str) -> str:
        """Return the outlet a token of a file or folder name names, or "" when none does.

        The token is an alias or domain ("nytimes.com"), or one written without case,
        spaces, hyphens, underscores or dots ("usa-today", "USA_Today", "huff-post"), or
        of two or more words each of which starts the same word of exactly one outlet's
        name or alias ("wash-post" -> "The Washington Post"; words of at least three
        letters). A single word must be a whole alias: "news" names no outlet.
        """
        token = token.strip()
        if not token:
            return ""
        words = _words(token)
        return (self.alias(token) or self.alias(" ".join(words))
                or self._by_compact_name.get("".join(words), "")
                or self._by_abbreviation(words))

    def _by_abbreviation(self, words: list[str]) -> str:
        if len(words) < 2 or min(map(len, words)) < MIN_ABBREVIATED_WORD:
            return ""
        candidates = self._by_initials.get(tuple(word[0] for word in words), [])
        outlets = {outlet for full, outlet in candidates
                   if all(whole.startswith(word) for word, whole in zip(words, full,
                                                                      strict=True))}
        return outlets.pop() if len(outlets) == 1 else ""

    @cached_property
    def _by_compact_name(self) -> dict[str, str]:
        """Outlets by name keys without spaces or punctuation; keys two outlets share left out."""
        outlets: dict[str, set[str]] = defaultdict(set)
        for key, outlet in self.by_name.items():
            outlets["".join(_words(key))].add(outlet)
        return {compact: next(iter(named)) for compact, named in outlets.items()
                if len(named) == 1}

    @cached_property
    def _by_initials(self) -> dict[tuple[str, ...], list[tuple[list[str], str]]]:
        """(words, outlet) of every name key, by the initials of its words."""
        index: dict[tuple[str, ...], list[tuple[list[str], str]]] = defaultdict(list)
        for key, outlet in self.by_name.items():
            words = _words(key)
            if words:
                index[tuple(word[0] for word in words)].append((words, outlet))
        return dict(index)

    def known_domain(self, url: str) -> str:
        """Return the outlet an alias gives the URL's host (or its registered domain), or ""."""
        host = _host(url)
        if not host:
            return ""
        return self.by_domain.get(host) or self.by_domain.get(registered_domain(host), "")


def load_outlet_names(path: Path | str | None = None) -> OutletNames:
    """Return the outlet aliases of a TOML file (default: the shipped list).

    Raises OutletNamesError naming the file and entry for bad TOML, an entry that is not
    a list of strings, or an alias given to two outlets.
    """
    return _load(Path(path) if path else DEFAULT_OUTLETS_FILE)


@lru_cache(maxsize=8)
def _load(path: Path) -> OutletNames:
    document = read_toml(path, error=OutletNamesError, what="outlet aliases")
    base = _load(DEFAULT_OUTLETS_FILE) if extends_default(
        document, path, error=OutletNamesError) else OutletNames({}, {})
    by_name, by_domain = dict(base.by_name), dict(base.by_domain)
    outlets = document.get("outlets", {})
    if not isinstance(outlets, dict):
        raise OutletNamesError(f"{path}: [outlets] must be a table of name = [aliases]")
    seen: dict[tuple[str, str], str] = {}
    for name, aliases in outlets.items():
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise OutletNamesError(f"{path}: outlet {name!r}: expected a list of aliases "
                                   f"(strings), got {aliases!r}")
        for alias in [name, *aliases]:
            domain = looks_like_domain(alias)
            kind, key = ("domain", _host(alias)) if domain else ("name", _key(alias))
            if seen.setdefault((kind, key), name) != name:
                raise OutletNamesError(f"{path}: alias {alias!r} names both "
                                       f"{seen[(kind, key)]!r} and {name!r}")
            (by_domain if domain else by_name)[key] = name
    return OutletNames(by_name=by_name, by_domain=by_domain)


def _key(name: str) -> str:
    """Return a name compared without case, spacing or a leading "The"."""
    key = " ".join(name.casefold().split())
    return key[4:] if key.startswith("the ") else key


def _words(name: str) -> list[str]:
    """Return the words of a name, without case, punctuation or a leading "the"."""
    words = [word for word in NAME_SEPARATORS.split(name.casefold()) if word]
    return words[1:] if words[:1] == ["the"] and len(words) > 1 else words


def looks_like_domain(value: str) -> bool:
    """Return whether ``value`` is a URL or a bare domain ("nytimes.com")."""
    return " " not in value.strip() and bool(DOMAIN.match(value.strip()))


def _host(url: str) -> str:
    """Return the host of a URL or bare domain, lower-cased and without "www."."""
    url = url.strip()
    if url and "://" not in url:
        url = "http://" + url
    return (urlsplit(url).hostname or "").lower().removeprefix("www.") if url else ""


def registered_domain(url: str) -> str:
    """Return the registered domain of a URL or host, without "www." ("" when none).

    "https://edition.cnn.com/x" -> "cnn.com"; "www.bbc.co.uk" -> "bbc.co.uk"; a host
    that is no public domain (localhost, an IP address) is returned as it is.
    """
    from tld import get_fld

    host = _host(url)
    if not host:
        return ""
    return get_fld(f"http://{host}", fail_silently=True) or host
