"""Rate periods: "a day", "per week", "every month", "annually" near a figure."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from analysis.figures.concepts import governing_word
from analysis.figures.lexicon import LONGEST_ASIDE, RATE_ADVERBS, RATE_DETERMINERS, RATE_NOUNS
from analysis.figures.objects import is_rate_expression, phrase_head
from analysis.figures.records import Claim, RatePeriod


def rate_period(doc: Doc, claim: Claim, *, noun: Token | None) -> RatePeriod:
    """Return the period of "a day", "per week", "every month", "annually" near the figure."""
    run = claim.runs[-1]
    phrase = phrase_head(doc, run, noun)
    numbers = [doc[i] for each in claim.runs for i in range(each.start, each.end)]
    holders = [*numbers, *(token.head for token in numbers)]
    if noun is not None:
        holders.append(noun)
    # An earlier conjunct's rate is its own: "$2,000 a month rent and three children".
    if phrase.i >= claim.runs[0].prefix_start:
        holders += [token for token in (phrase, governing_word(phrase)) if token is not None]
    # The counted period or the figure's own unit of time is no rate: "every 3 days".
    own = {i for each in claim.runs for i in range(each.end, each.suffix_end)}
    if noun is not None:
        own.add(noun.i)
    for holder in holders:
        for child in holder.children:
            period = _rate_of(child) if child.i not in own else ""
            if period:
                return period
    return _rate_after(doc, noun.i + 1 if noun is not None else run.suffix_end)


def _rate_of(token: Token) -> RatePeriod:
    lower = token.lower_
    if lower in RATE_ADVERBS and token.dep_ in ("advmod", "amod", "npadvmod"):
        return RATE_ADVERBS[lower]
    if is_rate_expression(token):
        return RATE_NOUNS[token.lemma_.lower()]
    if token.dep_ == "prep" and lower in RATE_DETERMINERS:
        for pobj in token.children:
            if pobj.lemma_.lower() in RATE_NOUNS:
                return RATE_NOUNS[pobj.lemma_.lower()]
    return ""


def _rate_after(doc: Doc, i: int) -> RatePeriod:
    """Fallback on word order: "... crossings a day" right after the counted noun, or after
    a conversion in brackets ("6 billion pesos ($300 million) a year")."""
    i = _after_brackets(doc, i)
    if i + 1 >= len(doc) or doc[i].lower_ not in RATE_DETERMINERS or doc[i + 1].is_sent_start:
        return ""
    following = doc[i + 2].lower_ if i + 2 < len(doc) else ""
    if following in ("ago", "earlier", "later", "after", "before"):
        return ""
    return RATE_NOUNS.get(doc[i + 1].lemma_.lower(), "")


def _after_brackets(doc: Doc, i: int) -> int:
    """The token after a short bracketed aside that starts at ``doc[i]``, else ``i``."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    for j in range(i + 1, min(i + LONGEST_ASIDE + 2, len(doc))):
        if doc[j].text == ")":
            return j + 1
    return i

