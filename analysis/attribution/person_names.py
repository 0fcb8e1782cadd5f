"""A person's one name: what a source phrase says of a person that is not their name, and
the fuller name a shorter one stands for.

``PERSON_NAME_STEPS`` clean a phrase that names a person, in order; each is a named step:

- ``dateline``: a dateline before the name ("WASHINGTON — Sen. Bernie Sanders");
- ``aside``: what follows a comma, a parenthesis or a dash ("Bernie Sanders, celebrating a
  victory in Vermont", "Sen. Ted Cruz (R-Texas)");
- ``possessive``: an owner before the name and a possessive ending ("Mexico's President
  Andrés Manuel López Obrador", "Trump's");
- ``description``: the words up to the last one in lower case ("Retired neurosurgeon Ben
  Carson", "former Secretary of State Hillary Clinton", "real estate tycoon Donald
  Trump"); the particles of a name stay ("Osama bin Laden", the lexicon's
  ``[names].particles``);
- ``title``: the words up to the last title, office or role ("Sen.", "Senate Majority
  Leader Mitch McConnell", "White House Press Secretary Josh Earnest", "President-elect
  Donald Trump", "New Jersey Gov. Chris Christie"), the lexicon's ``[names].titles`` and
  the people and offices of its ``[kinds]``.

A step that would leave no name (a capitalised word) changes nothing, so a person named by
description keeps it ("Republican presidential candidate", "the Democratic nominee").

A shorter name stands for a fuller one (``fuller_name``) when every fuller name that ends
with it is one person's: a surname ("Carson" -> "Ben Carson"), or a surname of two words
("Wasserman Schultz"); never a name that starts with a known given name or an initial
("Ted Cruz" is whole). A title that makes the gender clear ("Mrs. Clinton", "Mr. Obama")
leaves out the fuller names of the other gender ("Hillary Clinton" beside "Bill
Clinton"). Otherwise a surname that two people share stays as written, and so does a given
name alone ("Hillary").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from analysis.attribution.lexicons import Lexicon
from analysis.attribution.sources import gender
from analysis.attribution.spans import past_dateline

Step = Callable[[list[str], Lexicon], list[str]]

_ASIDE_OPENERS = ("(", "—", "–", "-", "--")
_ARTICLES = frozenset({"the", "a", "an"})
# Words that join a title in title case ("Chief Of Staff", "Secretary For Defense").
_JOINING_WORDS = frozenset({"of", "for", "and", "on", "to", "at", "in"})
# A middle initial or a run of them: "D.", "H.W.", "J".
_INITIAL = re.compile(r"^[A-Z]\.?$|^(?:[A-Z]\.){2,3}$")


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _has_name(words: list[str]) -> bool:
    return any(_is_capitalised(word) for word in words)


def _dateline(words: list[str], lexicon: Lexicon) -> list[str]:
    """A dateline before the name: "ORLANDO, Fla. (Reuters) - President Barack Obama"."""
    text = " ".join(words)
    return text[past_dateline(text, 0, len(text)):].split()


def _aside(words: list[str], lexicon: Lexicon) -> list[str]:
    """What follows the name after a comma, a parenthesis or a dash: "Bernie Sanders,
    celebrating a victory", "Sen. Ted Cruz (R-Texas)"."""
    for number, word in enumerate(words):
        if number and (word.startswith(_ASIDE_OPENERS) or word in ("—", "–")):
            return words[:number]
        if word.endswith(",") and _has_name(words[:number + 1]):
            return [*words[:number], word.rstrip(",")]
    return words


def _possessive(words: list[str], lexicon: Lexicon) -> list[str]:
    """An owner before the name and a possessive ending: "Mexico's President X" -> "President
    X", "Trump's" -> "Trump"."""
    owners = [number for number, word in enumerate(words[:-1]) if word.endswith(("'s", "'"))]
    if owners:
        words = words[owners[-1] + 1:]
    last = words[-1]
    if last.endswith("'s"):
        return [*words[:-1], last[:-2]]
    return [*words[:-1], last[:-1]] if last.endswith("'") and len(last) > 1 else words


def _description(words: list[str], lexicon: Lexicon) -> list[str]:
    """The words up to the last one in lower case: "Retired neurosurgeon Ben Carson",
    "former Secretary of State X"; not a particle of a name ("Osama bin Laden")."""
    particles = lexicon.name_particles
    lower = [number for number, word in enumerate(words)
             if (not _is_capitalised(word) and word.lower() not in particles)
             or word.lower() in _JOINING_WORDS]
    return words[lower[-1] + 1:] if lower else words


def _title(words: list[str], lexicon: Lexicon) -> list[str]:
    """The words up to the last title, office or role before the name: "Sen.", "Senate
    Majority Leader", "White House Press Secretary", "President-elect"."""
    titles = person_titles(lexicon)
    last = -1
    for number, word in enumerate(words[:-1]):
        lowered = word.lower()
        if lowered in titles or lowered.split("-")[0] in titles:
            last = number
    return words[last + 1:]


PERSON_NAME_STEPS: tuple[tuple[str, Step], ...] = (
    ("dateline", _dateline),
    ("aside", _aside),
    ("possessive", _possessive),
    ("description", _description),
    ("title", _title),
)


def person_titles(lexicon: Lexicon) -> frozenset[str]:
    """Return the words that are no part of a person's name: the lexicon's titles, its
    people by role and offices, its unnamed people ("spokesman"), and articles."""
    return (lexicon.titles | lexicon.listed("kinds", "people") | lexicon.listed("kinds", "offices")
            | lexicon.listed("kinds", "anonymous") | _ARTICLES)


# Words before a name that say nothing of which person it is ("former President").
_QUALIFIERS = frozenset({"former", "then", "acting", "u.s.", "us", "democratic",
                         "republican", "gop", "presidential", "presumptive", "special",
                         "national", "first", "the", "a", "an"})


def written_titles(text: str, name: str, lexicon: Lexicon) -> frozenset[str]:
    """Return the titles, offices and roles written before ``name``'s first word in the
    source phrase ``text`` ("President Barack Obama" -> {"president"}, "former Secretary of
    State Hillary Clinton" -> {"secretary", "state"}), without qualifiers such as
    "former"."""
    words = text.replace("’", "'").split()
    first = name.split()[0] if name else ""
    if first not in words:
        return frozenset()
    titles = person_titles(lexicon) - _QUALIFIERS
    return frozenset(word.lower().split("-")[0] for word in words[:words.index(first)]
                     if word.lower().split("-")[0] in titles)


def person_name(text: str, lexicon: Lexicon) -> str:
    """Return the name of the person ``text`` names, cleaned by ``PERSON_NAME_STEPS``
    ("WASHINGTON — Sen. Bernie Sanders (I-Vt.)" -> "Bernie Sanders"); a step that would leave
    no capitalised word is skipped, so a description stays as written."""
    words = text.replace("’", "'").split()
    for _, step in PERSON_NAME_STEPS:
        if not words:
            break
        cleaned = step(words, lexicon)
        if _has_name(cleaned):
            words = cleaned
    return " ".join(words)


def _is_given_name(word: str, lexicon: Lexicon) -> bool:
    return word in lexicon.gender.get("female_names", frozenset()) or word in (
        lexicon.gender.get("male_names", frozenset()))


def is_written_as_name(name: str, lexicon: Lexicon) -> bool:
    """Return whether ``name`` is written as a person's name, every word capitalised but a
    name's particles ("Osama bin Laden"), rather than a description ("the Democratic
    nominee", "Republican presidential candidate")."""
    words = name.split()
    return bool(words) and _is_capitalised(words[0]) and all(
        _is_capitalised(word) or word.lower() in lexicon.name_particles for word in words)


def is_whole_name(name: str, lexicon: Lexicon) -> bool:
    """Return whether ``name`` names a person in full: two words or more, the first a given
    name the lexicon knows or an initial ("Ted Cruz", "J. Smith"), or with a middle initial
    ("Paul D. Ryan")."""
    words = name.split()
    if len(words) < 2:
        return False
    return _is_given_name(words[0], lexicon) or any(_INITIAL.match(word)
                                                    for word in words[:-1])


def name_gender(text: str, lexicon: Lexicon) -> str:
    """Return "female" or "male" where the phrase ``text`` that names a person makes it
    clear by a title or gendered word ("Mrs. Clinton", "Congresswoman Ruiz") or a given
    name; else "". A pronoun resolved to a name says nothing of it: it was resolved there
    because the name did not tell."""
    return gender(text, lexicon)


def fuller_name(name: str, names: Iterable[str], lexicon: Lexicon, *, sex: str = "") -> str:
    """Return the fuller name of ``names`` that ``name`` stands for, else "".

    The candidates are the longer names that end with all of ``name``'s words, of the
    given ``sex`` where their given name tells it (else not of the other); where some are
    whole
    names (``is_whole_name``), only those ("Barack Obama", not a headline's "Derelict
    Obama"), and a given name alone ("Ryan") or a surname of two words ("Wasserman
    Schultz") takes only a whole name. They must be one person's: every one ends with the
    shortest or has its given name, or a given name the other begins with ("Paul Ryan",
    "Paul D. Ryan"; "Ken Starr", "Kenneth Starr"). A whole name stands for no longer one,
    and a surname two people share ("Clinton" beside "Hillary Clinton" and "Bill Clinton")
    for neither.
    """
    words = name.split()
    if not words or is_whole_name(name, lexicon):
        return ""
    longer = [other for other in {tuple(other.split()) for other in names}
              if len(other) > len(words) and list(other[-len(words):]) == words]
    if sex:
        # Of the sex a title or pronoun gives: those whose given name says so, if any,
        # else those whose given name does not say otherwise.
        same = lexicon.gender.get(f"{sex}_names", frozenset())
        other_names = lexicon.gender.get(
            "male_names" if sex == "female" else "female_names", frozenset())
        longer = ([other for other in longer if other[0] in same]
                  or [other for other in longer if other[0] not in other_names])
    whole = [other for other in longer if is_whole_name(" ".join(other), lexicon)]
    if whole or len(words) > 1 or _is_given_name(name, lexicon):
        longer = whole
    if not longer:
        return ""
    shortest = min(longer, key=lambda other: (len(other), other))
    if any(other[-len(shortest):] != shortest and not same_given_name(other[0], shortest[0])
           for other in longer):
        return ""
    return " ".join(shortest)


def same_given_name(one: str, other: str) -> bool:
    """Return whether two given names are one person's: equal, or the shorter (of three
    letters or more) begins the longer ("Ken", "Kenneth"; "Pete", "Peter")."""
    shorter, longer = sorted((one, other), key=len)
    return shorter == longer or (len(shorter) >= 3 and longer.startswith(shorter))


def without_middle_initials(name: str) -> str:
    """Return ``name`` without the initials between its first and last word ("Paul D. Ryan"
    -> "Paul Ryan", "George H.W. Bush" -> "George Bush"); ``name`` when it has none."""
    words = name.split()
    if len(words) < 3:
        return name
    kept = [words[0], *(word for word in words[1:-1] if not _INITIAL.match(word)), words[-1]]
    return " ".join(kept)
