"""Bytes to text: UTF-8 first, UTF-16 by its marks, other encodings detected and named.

Also reads gzip-compressed files with the same size cap as plain ones, so that a small
compressed file cannot expand without bound.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Callable
from pathlib import Path

import charset_normalizer

from analysis.corpus.model import CorpusError

BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "gzip-compressed data",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
}
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
LONE_SURROGATES = re.compile("[\ud800-\udfff]")
# An article file larger than this is refused from its size alone, without reading it
# (for a compressed file: once this much has been decompressed); HTML pages carry markup
# and scripts beside the text, hence the margin.
MAX_FILE_BYTES = 16 * 1024 * 1024

Warn = Callable[[str], None]


def read_file_bytes(path: Path, *, compressed: bool, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the content of ``path``, decompressed when ``compressed`` (gzip).

    Raises CorpusError when the file, or its decompressed content, exceeds ``limit``
    bytes or is not valid gzip; OSError when it cannot be read.
    """
    if not compressed:
        size = path.stat().st_size
        if size > limit:
            raise CorpusError(f"file of {size:,} bytes is too large to be one article (at "
                              f"most {limit:,} bytes); split it into articles")
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise CorpusError(f"not valid gzip-compressed data ({error})") from None
    if len(data) > limit:
        raise CorpusError(f"decompresses to more than {limit:,} bytes, too large to be one "
                          f"article; split it into articles")
    return data


def decode_text(data: bytes, warn: Warn) -> str:
    """Return ``data`` decoded as text: UTF-8, UTF-16 with a BOM, or a detected encoding.

    A decoding other than UTF-8 calls ``warn`` with a message naming the encoding.
    Raises CorpusError for binary data or text whose encoding cannot be told.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise CorpusError(f"starts with a UTF-16 byte-order mark but does not decode as "
                              f"UTF-16 ({error.reason})") from error
        warn("not UTF-8; decoded as UTF-16 (byte-order mark)")
        return valid_unicode(text, warn, name="text")
    kind = next((name for magic, name in BINARY_SIGNATURES.items() if data.startswith(magic)),
                None)
    if kind:
        raise CorpusError(f"binary file ({kind}); expected UTF-8 text")
    if b"\x00" in data[:4096]:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise CorpusError("binary file (contains NUL bytes); expected UTF-8 text")
        warn(f"not UTF-8; decoded as {encoding} (no byte-order mark)")
        return data.decode(encoding)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = _best_encoding(charset_normalizer.from_bytes(data))
    if best is None:
        raise CorpusError("text is not UTF-8 and its encoding could not be detected; "
                          "save it as UTF-8")
    warn(f"not UTF-8; decoded as {best.encoding}")
    return valid_unicode(str(best), warn, name="text")


def valid_unicode(value: str, warn: Warn, *, name: str) -> str:
    """Return ``value`` with unpaired surrogates (which no encoder accepts) as U+FFFD."""
    if not LONE_SURROGATES.search(value):
        return value
    warn(f"{name} holds unpaired surrogate code points (invalid Unicode); each is replaced "
         f"with U+FFFD")
    return LONE_SURROGATES.sub("\ufffd", value)


def _bomless_utf16(data: bytes) -> str | None:
    """Return "UTF-16-LE" or "UTF-16-BE" when ``data`` reads as such text, else None.

    Text in UTF-16 without a byte-order mark has a NUL in nearly every other byte (the
    high byte of each ASCII letter); other data with NUL bytes is binary.
    """
    if len(data) % 2:
        return None
    half = len(data) // 2
    for encoding, high_bytes in (("UTF-16-LE", data[1::2]), ("UTF-16-BE", data[0::2])):
        if high_bytes.count(0) >= 0.9 * half:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            printable = sum(char.isprintable() or char.isspace() for char in text)
            return encoding if printable >= 0.95 * len(text) else None
    return None


def _best_encoding(matches: charset_normalizer.CharsetMatches):
    """Return the detector's best match, preferring Windows-1252 among equally good ones.

    English news scraped as a legacy single-byte encoding is nearly always Windows-1252
    or Latin-1, and the detector cannot tell cp1250 from cp1252 on a few accented names.
    """
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding in WESTERN_ENCODINGS and (match.chaos, -match.coherence) <= (
            best.chaos, -best.coherence
        ):
            return match
    return best
