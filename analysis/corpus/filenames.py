"""What a file's name and folders tell: the publication date and the outlet.

Saved corpora often keep their metadata only in their file names
("nyt_2024-03-05_border-talks.txt", "corpus/wash-post/2024/03/05/talks.txt"). The path of
a file inside the corpus gives, as the lowest-ranked metadata source (``filename``):

- a publication date: a date written YYYY-MM-DD or YYYY_MM_DD anywhere in the file name
  or a folder name, a folder named YYYYMMDD, or folders YYYY/MM/DD in a row. Bare runs of
  eight digits in a file name are ids as often as dates and are not read. A path that
  holds two different dates gives none.
- an outlet: the file name's leading token (before its date, or before its first "_")
  or a folder's whole name, when it names an outlet of the alias list. A token that
  names no known outlet gives none; so does a path whose names point to two outlets.

Dates are checked like every other source's (``metadata.checked_date``) when the
article's metadata is finished.
"""

from __future__ import annotations

import re
from datetime import date

from analysis.corpus.metadata import Layer
from analysis.corpus.outlets import OutletNames

SOURCE = "filename"
# The same separator on both sides, and no letter or digit glued to the date, so
# "v2024-03-05" and "2024-03-051" are no dates; a time may follow ("2024-03-05T10-30").
SEPARATED_DATE = re.compile(
    r"(?<![0-9A-Za-z])(\d{4})([-_])(\d{2})\2(\d{2})(?:(?![0-9A-Za-z])|(?=T\d))")
DIGITS_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
YEAR, MONTH_OR_DAY = re.compile(r"^\d{4}$"), re.compile(r"^\d{2}$")
TOKEN_EDGES = "-_. "


def filename_layer(folders: tuple[str, ...], stem: str, names: OutletNames) -> Layer:
    """Return the metadata a file's path inside the corpus gives, as a ``filename`` Layer.

    ``folders`` are the folder names between the corpus folder and the file (the corpus
    folder's own name and those above it are not read); ``stem`` is the file name
    without its suffixes. Values are "" where the path gives none or is ambiguous.
    """
    return Layer(SOURCE, {"published": date_in_path(folders, stem),
                          "outlet": outlet_in_path(folders, stem, names)})


def date_in_path(folders: tuple[str, ...], stem: str) -> str:
    """Return the one date that a file's folders and name give, as YYYY-MM-DD, or "".

    Refuses (returns "") a path with two different dates and a digits-only date that is
    no calendar day; a separated date is returned as written, for the caller to check.
    """
    found = set(_separated_dates(stem))
    for folder in folders:
        found.update(_separated_dates(folder))
        digits = DIGITS_DATE.match(folder)
        if digits:
            found.update(_calendar_day(*digits.groups()))
    for year, month, day in zip(folders, folders[1:], folders[2:], strict=False):
        if YEAR.match(year) and MONTH_OR_DAY.match(month) and MONTH_OR_DAY.match(day):
            found.update(_calendar_day(year, month, day))
    return found.pop() if len(found) == 1 else ""


def _separated_dates(name: str) -> list[str]:
    return [f"{year}-{month}-{day}"
            for year, _, month, day in SEPARATED_DATE.findall(name)]


def _calendar_day(year: str, month: str, day: str) -> list[str]:
    """Return [the ISO date] when the digits make a calendar day, else []."""
    try:
        return [date(int(year), int(month), int(day)).isoformat()]
    except ValueError:
        return []


def outlet_in_path(folders: tuple[str, ...], stem: str, names: OutletNames) -> str:
    """Return the one known outlet that a file's folders or leading token name, or "".

    Refuses a token no alias names (nothing is invented from an unknown word) and a path
    whose names point to two different outlets.
    """
    by_name = next(filter(None, map(names.alias_in_file_name, leading_tokens(stem))), "")
    found = {names.alias_in_file_name(folder) for folder in folders} | {by_name}
    found.discard("")
    return found.pop() if len(found) == 1 else ""


def leading_tokens(stem: str) -> list[str]:
    """Return the parts of a file name that may name its outlet: before its date, then
    before its first "_" ([] for a name with neither).

    "USA_Today_2016-09-12_slug" -> ["USA_Today", "USA"]; "nyt-2024-03-05-talks" ->
    ["nyt"]; "nyt_talks" -> ["nyt"]; "talks" -> [].
    """
    dated = SEPARATED_DATE.search(stem)
    ends = [dated.start() if dated else -1, stem.find("_")]
    tokens = [stem[:end].strip(TOKEN_EDGES) for end in ends if end >= 0]
    return list(dict.fromkeys(token for token in tokens if token))
