"""What a cue reports (its class) and whether it cites (``citations.CITATION_RULES``): one test
per class and per rule, on sentences written for them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.attribution import CUE_CLASSES, extract_attributions
from analysis.attribution.citations import CITATION_RULES
from analysis.attribution.content import COMPLEMENT_RULES, FALLBACK_RULES
from analysis.attribution.cues import CUE_RULES
from tests.attribution.helpers import attributions, by_cue


def decided(nlp, text: str, cue: str) -> tuple[str, bool, str]:
    """Return the class, citation flag and deciding rule of the record whose cue is ``cue``."""
    (record,) = by_cue(attributions(nlp, text), cue)
    return record.cue_class, record.citation, record.rule.split("/")[-1]


# --- classes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("The mayor said the bridge would close in May.", "said", ("speech", True, "speech")),
        ("A statement from the ministry said the bridge would close.", "said",
         ("document", True, "document")),
        ("According to the ministry, the bridge will close in May.", "According to",
         ("evidential", True, "evidential")),
        ("The Daily Planet reported that the bridge would close.", "reported",
         ("evidential", True, "evidential")),
        ("Sources say the bridge will close in May.", "say",
         ("evidential", True, "evidential")),
        ("The engineers believe that the bridge will close.", "believe",
         ("belief", False, "mental_state")),
        ("The governor wants to close the bridge in May.", "wants",
         ("intention", False, "mental_state")),
        ("The senator accused the governor of hiding the report.", "accused",
         ("stance", True, "stance")),
    ],
)
def test_each_class_and_whether_it_cites(nlp, text, cue, expected):
    assert decided(nlp, text, cue) == expected


def test_agreeing_to_do_something_is_an_intention_agreeing_that_is_speech(nlp):
    assert decided(nlp, "Mexico agreed to accept more migrants.", "agreed")[:2] == (
        "intention", False)
    assert decided(nlp, "The two leaders agreed that the talks had gone well.", "agreed")[:2] \
        == ("speech", True)


def test_a_poll_that_finds_is_a_document(nlp):
    assert decided(nlp, "A new poll shows the senator leading by ten points.", "shows") == (
        "document", True, "document")


# --- the rules that refuse a citation -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "rule"),
    [
        # no_source: nobody is named.
        ("The firm reportedly paid a fine to settle the case.", "reportedly", "no_source"),
        ("That announcement was criticized for coming on the same day as the vote.",
         "criticized", "no_source"),
        # withheld: a statement not given.
        ("The ministry declined to comment on the talks.", "declined to comment", "withheld"),
        # reader_addressed: the reader is no source.
        ("You may recall that the talks failed last year.", "recall", "reader_addressed"),
        # first_person: the writer outside a quotation.
        ("I said the talks would fail, and they did.", "said", "first_person"),
        ("We believe that quality journalism matters.", "believe", "first_person"),
        # negated: nothing was said.
        ("The minister did not say when the talks would resume.", "say", "negated"),
        # accordance: "according to" a wish or habit of its holder.
        ("Voters pull the lever for either party, according to their instinctive "
         "preference.", "according to", "accordance"),
        ("The vote was delayed, according to his wishes.", "according to", "accordance"),
        # possibility: what someone nobody can name could say.
        ("As the Planet — even the devil can quote statistics — observed, turnout rose.",
         "quote", "possibility"),
        ("By some standards one could say the talks went well.", "say", "possibility"),
        # appearance: the reporter's impression.
        ("Trump seemed a little unsure of the plan.", "seemed", "appearance"),
        # state_adjective: a stance adjective describes a state.
        ("The mayor has been critical of the new toll.", "has been critical of",
         "state_adjective"),
        # deed: a stance taken by deeds.
        ("The administration threatened crippling tariffs on all imports.", "threatened",
         "deed"),
        ("Mexico pushed the government to fund more projects.", "pushed", "deed"),
        ("The senators voted against the bill on Tuesday.", "voted", "deed"),
        # conversation: talks held give nobody's words.
        ("The two delegations discussed immigration on Tuesday.", "discussed", "conversation"),
        # topic_only: a topic, no words.
        ("The senator responded to the charges on Monday.", "responded", "topic_only"),
        ("The two governments spoke of progress on trade.", "spoke", "topic_only"),
        # target_only: the position, not the words.
        ("The governor attacked the mayor at the rally.", "attacked", "target_only"),
        # display: people show things.
        ("The senator showed the crowd a short video.", "showed", "display"),
        # object_deed: a thing written or taken.
        ("The columnist wrote a book about the campaign.", "wrote", "object_deed"),
        # nominal: a statement named by a noun is referred to.
        ("The mayor's criticism of the plan grew louder.", "criticism of", "nominal"),
        # not_a_speaker: things show; "that said" is an idiom.
        ("As the record increase shows, the policy did not work.", "shows", "display"),
        ("That said, the talks will continue next week.", "said", "not_a_speaker"),
    ],
)
def test_a_refusing_rule_names_itself_on_the_row(nlp, text, cue, rule):
    _, citation, decided_by = decided(nlp, text, cue)
    assert (citation, decided_by) == (False, rule)


def test_a_headline_without_a_verb_of_saying_sums_the_story_up(nlp):
    text = "Governor accuses mayor of lying about the toll\n\nThe council meets on Monday."
    assert decided(nlp, text, "accuses") == ("stance", False, "headline")
    body = "The council met on Monday.\n\nThe governor accuses the mayor of lying about the toll."
    assert decided(nlp, body, "accuses") == ("stance", True, "stance")


def test_a_headline_with_a_verb_of_saying_cites(nlp):
    text = "Mayor Says the Bridge Will Close in May\n\nThe council meets on Monday."
    assert decided(nlp, text, "Says")[1:] == (True, "speech")


def test_a_label_before_a_colon_is_no_speaker(nlp):
    text = "EXCLUSIVE: Officials plan a new bridge\n\nThe council meets on Monday."
    assert decided(nlp, text, ":")[1:] == (False, "label")


def test_a_name_and_a_colon_opening_the_article_cite(nlp):
    text = "John McCain: We will not give up\n\nThe senator spoke on Monday."
    assert decided(nlp, text, ":")[1:] == (True, "speech")


def test_a_stance_with_what_was_said_cites(nlp):
    assert decided(nlp, "The governor accused the mayor of lying about the toll.",
                   "accused")[1] is True
    assert decided(nlp, "The governor called the mayor “a liar.”", "called")[1] is True
    assert decided(nlp, "The governor urged the mayor to resign.", "urged")[1] is True


def test_speaking_of_a_proposition_cites_speaking_of_a_topic_does_not(nlp):
    assert decided(nlp, "Biden has spoken of sending $4 billion in aid.", "spoken")[1] is True
    assert decided(nlp, "Biden has spoken of progress on trade.", "spoken")[1] is False


def test_writing_that_something_is_so_cites(nlp):
    assert decided(nlp, "The columnist wrote that the plan would fail.", "wrote")[1] is True


def test_a_relative_clause_with_only_an_object_describes_its_source(nlp):
    text = "Christie, who mentioned the wall last week, arrived in Iowa on Monday."
    assert decided(nlp, text, "mentioned")[1:] == (False, "description")
    said = "Christie, who said that the race was over, arrived in Iowa on Monday."
    assert decided(nlp, said, "said")[1] is True


def test_something_that_cannot_speak_does_not_highlight(nlp):
    assert decided(nlp, "New bridges highlight the need for better roads.", "highlight")[1:] \
        == (False, "not_a_speaker")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The talks stalled, according to her aides.", "according to"),
        ("The plan will cost more, according to his own estimate.", "according to"),
        ("The firm had little cash, according to its campaign filings.", "according to"),
        ("Rubio can ask his delegates to back another candidate.", "ask"),
        ("The senator could say more about the bill on Monday, her aide said.", "said"),
    ],
)
def test_according_to_a_holders_source_and_what_a_named_speaker_can_say_cite(nlp, text, cue):
    assert decided(nlp, text, cue)[1] is True


def test_according_to_names_a_source_whatever_the_word(nlp):
    assert decided(nlp, "According to the latest tally, turnout rose.", "According to")[1] \
        is True


# --- every row says why ----------------------------------------------------------------------


_FINDINGS = ({name for name, _ in CUE_RULES} - {"colon"}) | {"headline_colon", "closing_colon"}
_CONTENTS = {name for name, _ in (*COMPLEMENT_RULES, *FALLBACK_RULES)} | {
    "quotation", "after_colon", "withheld", "complement", "paragraph"}
_DECISIONS = {name for name, _ in CITATION_RULES} | set(CUE_CLASSES)


def test_every_rule_on_a_row_is_a_named_rule(nlp):
    text = ("Biden Urges Mexico to Act\n\nThe mayor said the bridge would close. According to "
            "officials, it will. The governor wants to act. The senators voted against it.")
    for record in extract_attributions(nlp(text)):
        finding, decision = record.rule.split("/")
        cue_rule, _, content_rule = finding.partition(".")
        assert cue_rule in _FINDINGS and (not content_rule or content_rule in _CONTENTS)
        assert decision in _DECISIONS
        assert record.citation == (decision in CUE_CLASSES)


_PIECES = st.sampled_from(
    ["said", "says", "according to", "believes", "wants to", "threatened", "discussed",
     "Officials", "He", "You", "We", "The mayor", "a poll", "shows", "“", "”", ":", ",", ".",
     "\n", "\n\n", "not", "that", "the plan", "Mexico", "reportedly", "critical of"])
_TEXTS = st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=6)), max_size=25).map(
    " ".join)


@settings(max_examples=60, deadline=None)
@given(_TEXTS)
def test_any_text_yields_rows_with_a_valid_class_and_a_decision(nlp, text):
    for record in extract_attributions(nlp(text)):
        assert record.cue_class in CUE_CLASSES
        assert isinstance(record.citation, bool)
        assert record.rule.split("/")[-1] in _DECISIONS
        assert record.citation == (record.rule.split("/")[-1] in CUE_CLASSES)
