"""One name per person across a corpus: the spellings articles give one person fold into one
``source_name`` over a whole attributions table.

Each article names its sources on its own (``names``): "Jane Whitcombe" in one article may
be "Whitcombe" in another that never gives her first name. ``FOLD_STEPS``, in order:

- ``middle_initials``: "Paul D. Ryan" is "Paul Ryan" where the corpus also has "Paul
  Ryan" and no other initials between those names ("George W. Bush" stays where "George
  H.W. Bush" is also cited);
- ``surname``: a surname alone (or a surname of two words) takes the one full name of the
  corpus that ends with it ("Whitcombe" -> "Jane Whitcombe"; see
  ``person_names.fuller_name``), of the gender a title gives ("Mrs. Clinton"), and
  among those the corpus writes with the same title where any is ("President Obama" is
  the "President Barack Obama", not the "first lady Michelle Obama"; "Secretary
  Clinton" the "former Secretary of State Hillary Clinton");
- ``surname_kind``: a single capitalised word cited with a verb of speech that the
  entity recognizer took for an organisation, or could not place ("Whitcombe said"), is a
  named person where the corpus cites a person of that surname at least as often as an
  organisation of that name, and takes that person's full name as above.

A surname two people of the corpus share stays as written: with "Hillary Clinton" and "Bill
Clinton" both cited, "Clinton" is neither, unless "Mrs.", "Mr." or a title tells which. The
corpus's full names are those of its named sources, so a surname whose person is never
cited by full name ("Reagan" where only "Nancy Reagan" is) may take the one that is. Rows of
any other kind, and people named by a description ("the Democratic nominee"), are
unchanged. The fold is idempotent: a table folded when it was written folds to itself.

``SourceNameFolder`` does the same for a table written chunk by chunk: ``add`` every chunk
first, then ``fold`` each.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.attribution.lexicons import Lexicon, load_lexicon
from analysis.attribution.person_names import (
    fuller_name,
    is_whole_name,
    is_written_as_name,
    name_gender,
    same_given_name,
    without_middle_initials,
    written_titles,
)

FOLD_STEPS = ("middle_initials", "surname", "surname_kind")
# Kinds a lone capitalised word may be given where it is a person's surname.
_MISTAKEN_KINDS = frozenset({"organization", "unknown"})


class SourceNameFolder:
    """The names of a corpus's attributions, gathered chunk by chunk, and the fold they
    give (see the module docstring)."""

    def __init__(self, *, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.people: Counter[str] = Counter()  # named_person rows per source_name
        self.organizations: Counter[str] = Counter()  # rows of a lone word of another kind
        self.titles: dict[str, set[str]] = {}  # titles written before each full name
        self._maps: tuple | None = None  # what ``fold`` looks names up in, once per corpus

    def add(self, frame: pd.DataFrame) -> None:
        """Count the source names of ``frame`` (attribution rows) for the fold."""
        if frame.empty or "source_name" not in frame:
            return
        self._maps = None
        kinds = frame["source_kind"].astype(str)
        names = frame["source_name"].astype(str)
        self.people.update(name for name in names[kinds == "named_person"]
                           if is_written_as_name(name, self.lexicon))
        sources = frame["source"].astype(str) if "source" in frame else names
        for name, source in zip(names[kinds == "named_person"],
                                sources[kinds == "named_person"], strict=True):
            if " " in name and (titles := written_titles(source, name, self.lexicon)):
                self.titles.setdefault(name, set()).update(titles)
        self.organizations.update(
            name for name in names[kinds.isin(_MISTAKEN_KINDS)] if _is_lone_word(name))

    def fold(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Return ``frame`` with its named people's names folded (and lone surnames of
        mistaken kind made named people); ``frame`` itself when nothing changes."""
        if frame.empty or "source_name" not in frame:
            return frame
        if self._maps is None:
            self._maps = self._lookups()
        plain, by_surname, surnames, titled, fuller = self._maps

        def folded(name: str, row) -> str:
            if is_whole_name(name, self.lexicon):
                return name
            source = str(getattr(row, "source", "") or "")
            key = (name, name_gender(source, self.lexicon),
                   written_titles(source, name, self.lexicon))
            if key not in fuller:
                candidates = by_surname.get(name.split()[-1], set())
                # "President Obama" is the Obama the corpus calls President.
                candidates = {other for other in candidates
                              if titled.get(other, set()) & key[2]} or candidates
                fuller[key] = fuller_name(name, candidates, self.lexicon, sex=key[1]) or name
            return fuller[key]

        kinds = frame["source_kind"].astype(str)
        article_names = self._article_names(frame)
        folded_names, folded_kinds = [], []
        changed = False
        for row, kind, name in zip(frame.itertuples(index=False), kinds,
                                   frame["source_name"].astype(str), strict=True):
            new_kind, new_name = kind, name
            others = article_names.get(str(getattr(row, "article_id", "")), set())
            if kind == "named_person" and is_written_as_name(name, self.lexicon):
                new_name = plain.get(name, name)
                new_name = _unless_contradicted(new_name, folded(new_name, row), others)
            elif kind in _MISTAKEN_KINDS and self._is_person_surname(row, name, surnames):
                new_kind = "named_person"
                new_name = _unless_contradicted(name, folded(name, row), others)
            changed = changed or (new_kind, new_name) != (kind, name)
            folded_kinds.append(new_kind)
            folded_names.append(new_name)
        if not changed:
            return frame
        result = frame.copy()
        result["source_kind"] = folded_kinds
        result["source_name"] = folded_names
        return result

    def _lookups(self) -> tuple:
        """Return what ``fold`` looks names up in, from every name added: plain names, the
        full names per surname, rows per surname of a full name, the titles written before
        each plain name, and an empty memo of fuller names."""
        plain = self._plain_names()
        by_surname: dict[str, set[str]] = {}
        surnames: Counter[str] = Counter()
        for name, count in self.people.items():
            by_surname.setdefault(name.split()[-1], set()).add(plain.get(name, name))
            if " " in name:
                surnames[name.split()[-1]] += count
        titled: dict[str, set[str]] = {}
        for name, titles in self.titles.items():
            titled.setdefault(plain.get(name, name), set()).update(titles)
        fuller: dict[tuple[str, str, frozenset[str]], str] = {}
        return plain, by_surname, surnames, titled, fuller

    def _article_names(self, frame: pd.DataFrame) -> dict[str, set[str]]:
        """Return the full names (two words or more) of the named people of each article."""
        if "article_id" not in frame:
            return {}
        people = frame[frame["source_kind"].astype(str) == "named_person"]
        return {str(article_id): {name for name in names.astype(str)
                                  if " " in name and is_written_as_name(name, self.lexicon)}
                for article_id, names in people.groupby("article_id")["source_name"]}

    def _plain_names(self) -> dict[str, str]:
        """Return the plain name each name with middle initials stands for, where the corpus
        has that plain name and one set of initials for it ("Paul D. Ryan" -> "Paul
        Ryan")."""
        variants: dict[str, set[str]] = {}
        for name in self.people:
            plain = without_middle_initials(name)
            if plain != name:
                variants.setdefault(plain, set()).add(name)
        return {name: plain for plain, spelled in variants.items()
                if plain in self.people and len(spelled) == 1 for name in spelled}

    def _is_person_surname(self, row, name: str, surnames: Counter[str]) -> bool:
        """Return whether ``name`` is a lone capitalised word cited by a verb of speech that
        the corpus cites as a person's surname (``surnames``: rows per last word of a
        person's full name) at least as often as under another kind."""
        if not _is_lone_word(name) or str(getattr(row, "cue_class", "speech")) != "speech":
            return False
        surface = str(getattr(row, "source_surface", name) or name).replace("’", "'")
        if surface.removesuffix("'s") != name:
            return False
        return surnames[name] > 0 and surnames[name] >= self.organizations[name]


def _unless_contradicted(name: str, fuller: str, article_names) -> str:
    """Return ``fuller`` unless the article of ``name`` names another person with its
    surname ("Cheney" where the article cites "Liz Cheney" while the corpus's one full name
    is someone else's), then ``name``."""
    if fuller == name:
        return name
    words, surname = fuller.split(), name.split()
    for other in article_names:
        others = other.split()
        if others[-len(surname):] != surname or others == words:
            continue
        if not (others[-len(words):] == words or words[-len(others):] == others
                or same_given_name(others[0], words[0])):
            return name
    return fuller


def _is_lone_word(name: str) -> bool:
    """Return whether ``name`` is one capitalised word, not written in capitals ("NATO")."""
    return (bool(name) and " " not in name and name[:1].isupper() and not name.isupper()
            and name.replace("-", "").replace("'", "").isalpha())


def fold_source_names(frame: pd.DataFrame, *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Return ``frame`` (attribution rows of a whole corpus) with one name per person: the
    fold of ``FOLD_STEPS`` over every row (see the module docstring). Rows of other kinds
    and names no step changes are as they were."""
    folder = SourceNameFolder(lexicon=lexicon)
    folder.add(frame)
    return folder.fold(frame)
