"""Who an article cites, how, and for which side: cue, source and content on the spaCy parse.

An attribution has a *cue* (a reporting verb such as "said", "told", "noted", or the phrase
"according to"), a *source* (the noun phrase of whoever speaks) and a *content* (what is
attributed). PolNeAR's notion of attribution (every stance, belief and intention) is kept
in the table for research; each row also says whether it is a *citation*, a source given
words or information, which is what counts, charts and the anonymous share use.

The package is cut along the way a row is made:

- ``quotes``: quotation marks and the tokens outside them (a cue inside a quotation
  belongs to the quoted speaker);
- ``cues``: the named rules that find cues (``CUE_RULES``), with ``speakers`` for who
  speaks and ``verbs`` for what a word on the parse is;
- ``content``: what a cue attributes, by named rules (``COMPLEMENT_RULES``), and how it
  is quoted;
- ``sources``: the source span, its kind and side (``sides``: the editable gazetteer
  ``analysis/data/sides.toml``), and whom a pronoun means;
- ``citations``: the class of a cue and the named rules that decide whether it is a
  citation (``CITATION_RULES``);
- ``names``: one record per coordinated source, and one name per person or organisation
  in an article (``person_names``: what in a phrase is a person's name);
- ``folding``: one name per person across a corpus (``fold_source_names``);
- ``counts``: the contract table, counts, who is cited most and the anonymous share;
- ``lexicons``: every word list, read from ``data/cues.toml`` and ``data/sources.toml``.

Every row's ``rule`` names the rule that found its cue and content and, after "/", the
rule that decided whether it is a citation ("reporting_verb.clause/speech",
"reporting_verb.object/deed", "according_to/evidential").
"""

from analysis.attribution.counts import (
    CountBy,
    anonymous_shares,
    attribution_counts,
    attributions_frame,
    only_citations,
    top_sources,
)
from analysis.attribution.extract import extract_attributions
from analysis.attribution.folding import SourceNameFolder, fold_source_names
from analysis.attribution.lexicons import (
    CUE_CLASSES,
    CueClass,
    Lexicon,
    LexiconError,
    load_lexicon,
)
from analysis.attribution.quotes import Quotation, find_quotations
from analysis.attribution.records import (
    QUOTE_TYPES,
    SIDES,
    SOURCE_KINDS,
    Attribution,
    QuoteType,
    Side,
    SourceKind,
)
from analysis.attribution.sides import (
    DEFAULT_GAZETTEER,
    GazetteerError,
    SideGazetteer,
    load_gazetteer,
)

__all__ = [
    "CUE_CLASSES",
    "DEFAULT_GAZETTEER",
    "QUOTE_TYPES",
    "SIDES",
    "SOURCE_KINDS",
    "Attribution",
    "CountBy",
    "CueClass",
    "GazetteerError",
    "Lexicon",
    "LexiconError",
    "Quotation",
    "QuoteType",
    "Side",
    "SideGazetteer",
    "SourceKind",
    "SourceNameFolder",
    "anonymous_shares",
    "attribution_counts",
    "attributions_frame",
    "extract_attributions",
    "find_quotations",
    "fold_source_names",
    "load_gazetteer",
    "load_lexicon",
    "only_citations",
    "top_sources",
]
