"""Ages: a whole number that gives a person's age in years, without "years old" written.

"Senard, 65, said" (apposed), "she is 42", "he turned 60", "the retirement age is 67",
"under the age of 12" (predicated). Each rule is named; the name goes on the figure row.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from analysis.figures.lexicon import AGE_NOUNS, APPROXIMATIONS, EXPECTANCY_WINDOW
from analysis.figures.records import Run


def age_rule(doc: Doc, run: Run) -> str:
    """The name of the first age rule that reads ``run`` as an age in years, else ""."""
    for name, rule in AGE_RULES:
        if rule(doc, run):
            return name
    return ""


def _predicated_age(doc: Doc, run: Run) -> bool:
    """A whole number said of a person or of an age is an age: "She is 42", "he turned 60",
    "the retirement age is 67", "life expectancy is about 75", "under the age of 12"."""
    number = doc[run.start]
    if run.end - run.start != 1 or not number.text.isdigit() or not 0 < run.value < 120:
        return False
    # "over the age of 18", "at age 74", "aged 30", read on word order: the parser may take
    # the number for a modifier.
    preceding = tuple(token.lemma_.lower() for token in doc[max(run.start - 2, 0) : run.start])
    if preceding[-2:] == ("age", "of"):
        return True
    if preceding[-1:] == ("age",):
        return run.end >= len(doc) or doc[run.end].pos_ != "NOUN"
    if _is_life_expectancy(doc, run):
        return True
    verb = number.head
    if (number.dep_, verb.lemma_.lower()) not in (("attr", "be"), ("dobj", "turn")):
        return False
    # "He was 1 of 5 finalists" counts something.
    if any(child.dep_ in ("prep", "pobj") for child in number.children):
        return False
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if not subjects:
        return False
    subject = subjects[0]
    person = subject.lower_ in ("he", "she", "i") or subject.ent_type_ == "PERSON"
    age = subject.lemma_.lower() in AGE_NOUNS and verb.lemma_.lower() == "be"
    return person or age


def _is_life_expectancy(doc: Doc, run: Run) -> bool:
    """"life expectancy in the region is around 78", read on word order (the parser
    may not take the number for the attribute): "expectancy" in the few words before a
    form of "be" right before the number, with no other number between; "is 3 years"
    counts years."""
    if run.end < len(doc) and doc[run.end].pos_ == "NOUN":
        return False
    i = run.start - 1
    while i >= 0 and doc[i].lower_ in APPROXIMATIONS:
        i -= 1
    if i < 0 or doc[i].lemma_ != "be":
        return False
    window = doc[max(i - EXPECTANCY_WINDOW, doc[i].sent.start) : i]
    if any(token.like_num for token in window):
        return False
    return any(token.lower_ == "expectancy" for token in window)


def _apposed_age(doc: Doc, run: Run) -> bool:
    """A whole number set off by commas after a name is an age: "Senard, 65, said"; so is
    one in brackets after a person's name: "Clinton (68) and Trump (69)"."""
    start, end = run.start, run.end
    if end - start != 1 or run.spelled or start < 2 or end >= len(doc):
        return False
    if not (doc[start].text.isdigit() and 0 < run.value < 120):
        return False
    name = doc[start - 2]
    if (doc[start - 1].text, doc[end].text) == ("(", ")"):
        return name.ent_type_ == "PERSON"
    return doc[start - 1].text == "," and doc[end].text == "," and name.pos_ == "PROPN"


AGE_RULES: list[tuple[str, Callable[[Doc, Run], bool]]] = [
    ("apposed_age", _apposed_age),
    ("predicated_age", _predicated_age),
]
