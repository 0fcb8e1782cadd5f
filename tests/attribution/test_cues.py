"""Cue rules (``cues.CUE_RULES``): which words attribute, and which look like it but do not."""

from __future__ import annotations

import pytest

from tests.attribution.helpers import attributions, by_cue, only, summary


def test_according_to_at_the_end_of_the_sentence(nlp):
    record = only(nlp, "Biden is running out of options, according to three U.S. officials.")
    assert summary(record) == (
        "according to", "three U.S. officials", "anonymous", "US", "according_to")
    assert record.content == "Biden is running out of options"


def test_according_to_a_document(nlp):
    record = only(nlp, "According to a statement from the White House, the two presidents "
                       "spoke on Monday.")
    assert (record.source_kind, record.side) == ("document", "US")
    assert record.content == "the two presidents spoke on Monday."


def test_declined_to_comment_has_no_content(nlp):
    record = only(nlp, "The White House declined to comment.")
    assert summary(record) == (
        "declined to comment", "The White House", "organization", "US", "indirect")
    assert (record.content, record.content_start, record.content_end) == ("", -1, -1)


def test_a_reporting_verb_without_content_is_not_an_attribution(nlp):
    assert attributions(nlp, "The minister said so in Mexico City.") == []
    assert attributions(nlp, "The administration is expected to announce the plan.") == []


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("The mayor called the governor “reckless.”", "called", "The mayor",
         "the governor “reckless.”"),
        ("Democrats criticized the senator for his remarks.", "criticized", "Democrats",
         "the senator for his remarks"),
        ("Critics accused the campaign of lying about the emails.", "accused", "Critics",
         "the campaign of lying about the emails"),
        ("The senator is calling for Mexico to expand its patrols.",
         "calling", "The senator", "for Mexico to expand its patrols"),
        ("The senator vowed to block the nomination.", "vowed", "The senator",
         "to block the nomination"),
        ("The governor pointed to the jobs report.", "pointed to", "The governor",
         "the jobs report"),
    ],
)
def test_stance_and_commitment_verbs_attribute_their_object(nlp, sentence, cue, source, content):
    record = only(nlp, sentence)
    assert (record.cue, record.source, record.content) == (cue, source, content)
    assert record.quote_type in ("indirect", "mixed")


def test_a_poll_shows_a_finding(nlp):
    record = only(nlp, "A new poll shows that Clinton leads in Ohio.")
    assert (record.cue, record.source, record.source_kind) == ("shows", "A new poll", "document")
    assert record.content == "Clinton leads in Ohio"


def test_a_name_and_a_colon_open_a_headline_attribution(nlp):
    record = only(nlp, "John McCain: Populist anger appeals to our bad angels")
    assert (record.cue, record.source, record.source_kind) == (":", "John McCain",
                                                             "named_person")
    assert record.content == "Populist anger appeals to our bad angels"


@pytest.mark.parametrize("text", ["Wait, it gets better: the plan was shelved.",
                                  "9:15 p.m.: Polls close in Texas."])
def test_a_colon_after_anything_but_a_name_is_not_a_cue(nlp, text):
    assert [r.cue for r in attributions(nlp, text)] == []


def test_verbs_that_as_often_report_plain_events_are_not_cues(nlp):
    assert attributions(nlp, "The senator wants a new bridge and supports the plan.") == []


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Migrants continue to arrive at the border.", []),
        ("“We will not pay,” Ebrard continued.", ["continued"]),
        ("The senator continued to insist that the wall would be built.", ["continued"]),
        ("The Border Patrol released 200 migrants in El Paso.", []),
        ("The ministry released a statement on the talks.", ["released"]),
        ("Mexico pushed migrants back across the river.", []),
        ("Mexico pushed for more aid.", ["pushed"]),
        ("Mexico pushed the envoy to drop the tariff.", ["pushed"]),
        ("The administration maintained the policy.", []),
        ("The administration maintained that the policy was legal.", ["maintained"]),
    ],
)
def test_a_verb_of_speech_used_as_a_plain_action_cites_nobody(nlp, text, cues):
    assert [record.cue for record in attributions(nlp, text)] == cues


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ministry did not respond to a request for comment.",
         "respond to a request for comment"),
        ("The embassy did not answer requests for comment.", "answer requests for comment"),
        ("A request for comment was not answered by the ministry.", "answered"),
        ("The mayor refused to comment.", "refused to comment"),
        ("The mayor refused to say whether the talks had failed.", "refused to say"),
    ],
)
def test_a_request_left_unanswered_is_a_cue_without_content_like_declining(nlp, text, cue):
    record = only(nlp, text)
    assert record.cue == cue
    assert record.content_start == -1 or record.content.startswith("whether")


def test_refusing_to_act_is_still_a_stance_with_its_content(nlp):
    assert only(nlp, "Mexico refused to pay for the wall.").content == "to pay for the wall"


def test_beliefs_and_hopes_are_attributed(nlp):
    record = only(nlp, "Economists believe the tax cut helps employers.")
    assert (record.cue, record.source) == ("believe", "Economists")
    assert record.content == "the tax cut helps employers"
    record = only(nlp, "Sanders hopes to win the state.")  # the model's lemma is "hop"
    assert (record.cue, record.source, record.content) == ("hopes", "Sanders", "to win the state")


def test_agreeing_to_something_is_a_commitment(nlp):
    record = only(nlp, "The governor agreed to debate his rival.")
    assert (record.cue, record.source, record.content) == (
        "agreed", "The governor", "to debate his rival")


def test_a_passive_forecast_is_not_a_belief_but_an_active_one_is(nlp):
    assert attributions(nlp, "The vote is expected to take place on Monday.") == []
    record = only(nlp, "Analysts expect the vote to take place on Monday.")
    assert (record.cue, record.source) == ("expect", "Analysts")


def test_in_a_named_poll_attributes_the_clause_to_the_poll(nlp):
    record = only(nlp, "In a CNN poll released Monday, Clinton led Sanders by ten points.")
    assert (record.cue, record.quote_type) == ("In", "according_to")
    assert record.source_surface.startswith("a CNN poll")
    assert record.content.rstrip(".") == "Clinton led Sanders by ten points"


def test_in_other_words_and_trailing_in_the_polls_are_not_cues(nlp):
    assert attributions(nlp, "In other words, Clinton led Sanders by ten points.") == []
    assert attributions(nlp, "Carson slid in the polls after the debate.") == []


def test_in_someones_words_is_a_cue(nlp):
    record = only(nlp, "In Obama's words, the economy has recovered.")
    assert record.cue == "In"
    assert record.content.rstrip(".") == "the economy has recovered"


def test_a_headline_colon_after_a_short_name_is_a_cue(nlp):
    record = only(nlp, "Poll: Sanders Leads Clinton in New Hampshire\n\nThe race tightened.")
    assert (record.cue, record.source) == (":", "Poll")
    assert record.content == "Sanders Leads Clinton in New Hampshire"


def test_a_closing_colon_introduces_the_quoted_next_paragraph(nlp):
    record = only(nlp, "The senator ended his speech with a warning:\n\n"
                       "“Nobody will cross this border again.”")
    assert (record.cue, record.source, record.quote_type) == (":", "The senator", "direct")
    assert record.content == "Nobody will cross this border again."
    records = attributions(nlp, "It gets better:\n\n“The wall will be paid for,” the letter "
                                "read.")
    assert by_cue(records, ":") == []


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("Most voters think the economy is improving.", "think", "Most voters",
         "the economy is improving"),
        ("The mayor knows that the bridge is unsafe.", "knows", "The mayor",
         "the bridge is unsafe"),
        ("The governor wants Canada to cover the cost.", "wants", "The governor",
         "Canada to cover the cost"),
        ("The governor wants to build a new bridge.", "wants", "The governor",
         "to build a new bridge"),
    ],
)
def test_beliefs_and_wishes_with_a_proposition_are_attributed(nlp, sentence, cue, source,
                                                               content):
    record = only(nlp, sentence)
    assert (record.cue, record.source, record.content) == (cue, source, content)


@pytest.mark.parametrize(
    "sentence",
    ["The mayor knows the area well.", "The senator feels tired after the vote.",
     "Voters think about the economy.", "The governor wants a new bridge."],
)
def test_beliefs_and_wishes_with_a_plain_object_are_not_attributed(nlp, sentence):
    assert attributions(nlp, sentence) == []


def test_a_belief_with_an_object_and_a_predicate_is_attributed(nlp):
    record = only(nlp, "Many voters view the senator as a threat to the party.")
    assert (record.cue, record.source) == ("view", "Many voters")
    assert record.content.startswith("the senator as a threat")


def test_an_open_question_is_not_a_belief(nlp):
    assert attributions(nlp, "The mayor does not know whether the bridge is safe.") == []


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        ("The governor repeated his promise to cut taxes.", "repeated", "The governor"),
        ("The senator highlighted the cost of the program.", "highlighted", "The senator"),
        ("Protesters chanted that the election was stolen.", "chanted", "Protesters"),
    ],
)
def test_more_speech_acts_are_cues(nlp, sentence, cue, source):
    record = only(nlp, sentence)
    assert (record.cue, record.source) == (cue, source)


def test_stance_adjective_with_a_complement_is_a_cue(nlp):
    record = only(nlp, "Councillor Okafor has been critical of the parking levy for months.")
    assert record.cue == "has been critical of"
    assert record.source == "Councillor Okafor"
    assert record.content == "the parking levy"


def test_stance_adjective_with_a_clause_or_infinitive(nlp):
    sure = only(nlp, "The harbour master was sure the ferry would sail on time.")
    assert (sure.source, sure.content) == ("The harbour master", "the ferry would sail on time")
    willing = only(nlp, "Several growers were willing to sell their land to the county.")
    assert willing.source == "Several growers"
    assert willing.content == "to sell their land to the county"


def test_stance_adjective_without_complement_or_as_importance_is_no_cue(nlp):
    assert attributions(nlp, "The fishermen were angry.") == []
    assert attributions(nlp, "Fresh water is critical to the survival of the valley.") == []


def test_stance_noun_with_possessor_and_complement(nlp):
    record = only(nlp, "The mayor's criticism of the stadium deal surprised the council.")
    assert record.cue == "criticism of"
    assert record.source == "The mayor's"
    assert record.content == "the stadium deal"


def test_stance_noun_holder_from_by_or_light_verb(nlp):
    attacks = only(nlp, "Attacks on the mayor by the opposition continued.")
    assert attacks.cue == "Attacks on"
    assert (attacks.source, attacks.content) == ("the opposition", "the mayor")
    raised = only(nlp, "Senator Alvarez raised questions about the contract.")
    assert raised.cue == "raised questions about"
    assert (raised.source, raised.content) == ("Senator Alvarez", "the contract")


def test_stance_noun_without_holder_or_about_a_time_is_no_cue(nlp):
    assert attributions(nlp, "Criticism of the stadium deal grew.") == []
    assert attributions(nlp, "His remarks on Tuesday were brief.") == []


def test_speech_verb_with_a_topic_or_object_is_a_cue(nlp):
    responded = only(nlp, "The ferry company responded to the complaints of its riders.")
    assert responded.source == "The ferry company"
    assert responded.content == "the complaints of its riders"
    noted = only(nlp, "Dr. Amara Singh noted the rise in admissions.")
    assert (noted.cue, noted.content) == ("noted", "the rise in admissions")


def test_acts_of_public_stance_are_cues(nlp):
    apology = only(nlp, "The club's chairman apologized for the delay.")
    assert (apology.cue, apology.content) == ("apologized", "the delay")
    liken = only(nlp, "Governor Brandt likened the tax to a toll on bread.")
    assert liken.source == "Governor Brandt"
    assert liken.content.startswith("the tax")


def test_declined_to_say_whether_attributes_the_question(nlp):
    record = only(nlp, "The coach declined to say whether the striker would play.")
    assert record.cue == "declined to say"
    assert record.source == "The coach"
    assert record.content == "whether the striker would play"


def test_rarer_speech_verbs_are_cues(nlp):
    rebut = only(nlp, "The union's lawyer rebutted the claim at once.")
    assert (rebut.cue, rebut.source, rebut.content) == (
        "rebutted", "The union's lawyer", "the claim")
    retweet = only(nlp, "Senator Holt retweeted a cartoon of the mayor.")
    assert (retweet.cue, retweet.source) == ("retweeted", "Senator Holt")


def test_voting_and_ruling_out_are_cues(nlp):
    ruled = only(nlp, "The minister ruled out a second referendum.")
    assert (ruled.cue, ruled.source, ruled.content) == (
        "ruled", "The minister", "a second referendum")
    voted = only(nlp, "Councillor Reyes voted against the new bus lanes.")
    assert (voted.cue, voted.content) == ("voted", "the new bus lanes")


def test_reportedly_attributes_its_clause_to_nobody(nlp):
    record = only(nlp, "The striker reportedly asked for a transfer.")
    assert record.cue == "reportedly"
    assert record.source_start == -1 and record.source == ""
    assert record.content.startswith("The striker")
    assert record.content.endswith("asked for a transfer")


def test_made_it_clear_states_its_clause(nlp):
    record = only(nlp, "The mayor made it clear that the bridge would close.")
    assert record.cue == "made it clear"
    assert (record.source, record.content) == ("The mayor", "the bridge would close")


def test_poll_preferences_are_stances(nlp):
    record = only(nlp, "Most of the surveyed nurses prefer the night shift.")
    assert record.cue == "prefer"
    assert record.content == "the night shift"
    assert attributions(nlp, "The nurses want a sandwich.") == []


def test_stance_verbs_chosen_by_their_share_of_cues_on_train(nlp):
    disavowed = only(nlp, "The councillor disavowed the leaflet.")
    assert (disavowed.cue, disavowed.source, disavowed.content) == (
        "disavowed", "The councillor", "the leaflet")
    distanced = only(nlp, "The mayor distanced herself from the old plan.")
    assert (distanced.cue, distanced.source, distanced.content) == (
        "distanced", "The mayor", "the old plan")
    brushed = only(nlp, "The club owner brushed off the criticism from fans.")
    assert (brushed.cue, brushed.content) == ("brushed", "the criticism from fans")
    persuaded = only(nlp, "The coach persuaded the board to delay the vote.")
    assert (persuaded.cue, persuaded.content) == ("persuaded", "the board to delay the vote")


def test_resisting_unveiling_and_contradicting_are_stances(nlp):
    resisted = only(nlp, "The union resisted the new pay scale.")
    assert (resisted.cue, resisted.source, resisted.content) == (
        "resisted", "The union", "the new pay scale")
    unveiled = only(nlp, "The minister unveiled a plan to cut fares.")
    assert (unveiled.cue, unveiled.source, unveiled.content) == (
        "unveiled", "The minister", "a plan to cut fares")
    contradicts = only(nlp, "Her account contradicts the police report.")
    assert (contradicts.source, contradicts.content) == ("Her account", "the police report")


def test_speaking_counts_only_with_a_topic(nlp):
    record = only(nlp, "The bishop spoke about the families waiting at the border.")
    assert (record.cue, record.source, record.content) == (
        "spoke", "The bishop", "the families waiting at the border")
    record = only(nlp, "The mayor spoke out against the new checkpoints.")
    assert (record.source, record.content) == ("The mayor", "the new checkpoints")
    assert attributions(nlp, "The mayor spoke at the rally on Friday.") == []
    assert attributions(nlp, "The consul spoke to reporters in Tijuana.") == []


def test_as_someone_put_it_quotes_the_clause(nlp):
    record = only(nlp, "As the mayor put it, the border is not a wall but a door.")
    assert (record.cue, record.source, record.content) == (
        "put it", "the mayor", "the border is not a wall but a door.")
    assert by_cue(attributions(nlp, "The governor plans to put it into law."), "put it") == []


def test_declining_any_act_of_speech_is_a_cue_without_content(nlp):
    record = only(nlp, "The mayor declined to criticize the governor.")
    assert (record.cue, record.source, record.content) == (
        "declined to criticize", "The mayor", "")
    record = only(nlp, "The consul declined to weigh in.")
    assert (record.cue, record.source) == ("declined to weigh", "The consul")


def test_casting_someone_as_something_is_a_stance(nlp):
    record = only(nlp, "The senator cast the new tariffs as a tax on families.")
    assert (record.cue, record.source, record.content) == (
        "cast", "The senator", "the new tariffs as a tax on families")
    assert attributions(nlp, "The senator cast a vote against the border bill.") == []


def test_phrasal_verbs_of_speech(nlp):
    record = only(nlp, "The governor shot back that the fees were legal.")
    assert (record.cue, record.source, record.content) == (
        "shot back", "The governor", "the fees were legal")
    record = only(nlp, "The senator weighed in on the border dispute.")
    assert (record.cue, record.content) == ("weighed in", "the border dispute")


def test_aiming_to_do_something_is_an_intention(nlp):
    record = only(nlp, "The governor aims to cut the wait at the bridge.")
    assert (record.cue, record.source, record.content) == (
        "aims", "The governor", "to cut the wait at the bridge")
    assert attributions(nlp, "The new ad is aimed at young voters.") == []
