"""Content rules (``content.COMPLEMENT_RULES``): what a cue attributes, and how it is quoted."""

from __future__ import annotations

from tests.attribution.helpers import attributions, by_cue, only, summary


def test_quote_first_with_straight_quotes(nlp):
    record = only(nlp, '"We are ready," said the spokesman.')
    assert summary(record) == ("said", "the spokesman", "anonymous", "", "direct")
    assert record.content == "We are ready"


def test_quote_after_a_colon(nlp):
    record = only(nlp, 'The spokesman said: "We will not pay for the wall."')
    assert (record.quote_type, record.content) == ("direct", "We will not pay for the wall.")


def test_quote_spanning_two_sentences(nlp):
    record = only(nlp, "“We are ready. We have always been ready,” Marcelo Ebrard said.")
    assert summary(record) == ("said", "Marcelo Ebrard", "named_person", "Mexico", "direct")
    assert record.content == "We are ready. We have always been ready"


def test_indirect_speech_without_that(nlp):
    record = only(nlp, "A senior Mexican official said the talks would resume in January.")
    assert summary(record) == (
        "said", "A senior Mexican official", "anonymous", "Mexico", "indirect")
    assert record.content == "the talks would resume in January"


def test_told_reporters_keeps_the_listener_out_of_the_content(nlp):
    record = only(nlp, "Alejandro Mayorkas told reporters that the border was not open.")
    assert summary(record) == ("told", "Alejandro Mayorkas", "named_person", "US", "indirect")
    assert record.content == "the border was not open"


def test_said_in_a_statement_that(nlp):
    record = only(nlp, "Mexico's foreign ministry said in a statement that the meeting was good.")
    assert summary(record) == (
        "said", "Mexico's foreign ministry", "organization", "Mexico", "indirect")
    assert record.content == "the meeting was good"


def test_mixed_quote_inside_indirect_speech(nlp):
    record = only(nlp, "The insiders described such talks as “preliminary.”")
    assert (record.cue, record.quote_type) == ("described", "mixed")
    assert record.content == "such talks as “preliminary.”"


def test_as_the_outlet_reported_attributes_the_main_clause(nlp):
    record = only(nlp, "As The Washington Post reported, the plan was shelved.")
    assert (record.cue, record.source, record.source_kind) == (
        "reported", "The Washington Post", "media_outlet")
    assert record.content == "the plan was shelved."


def test_passive_with_an_agent_attributes_the_subject(nlp):
    record = only(nlp, "The decision was first reported by Reuters.")
    assert (record.cue, record.source, record.content) == ("reported", "Reuters", "The decision")


def test_said_that_stands_for_what_was_said(nlp):
    record = only(nlp, "Later, in 2019, Ebrard said that.")
    assert (record.cue, record.source, record.content) == ("said", "Ebrard", "that")


def test_a_quotation_after_a_colon_may_open_the_next_paragraph(nlp):
    record = only(nlp, 'Univision responded:\n\n"If the numbers are wrong, they should be '
                       'corrected."')
    assert (record.cue, record.source, record.quote_type) == (
        "responded", "Univision", "direct")
    assert record.content == "If the numbers are wrong, they should be corrected."


def test_an_evidential_has_no_source_and_attributes_the_whole_clause(nlp):
    record = only(nlp, "The senator appears to have lost the support of his party.")
    assert (record.cue, record.source, record.source_start) == ("appears", "", -1)
    assert record.content == "The senator appears to have lost the support of his party"
    assert attributions(nlp, "The senator appeared on television on Sunday.") == []


def test_a_parenthetical_cue_attributes_the_sentence_around_it(nlp):
    record = only(nlp, "By then, the senator said, the plan was already doomed.")
    assert (record.cue, record.source) == ("said", "the senator")
    assert record.content.startswith("By then")
    assert record.content.rstrip(".").endswith("already doomed")


def test_agreeing_with_and_commenting_on_a_topic(nlp):
    agreed = only(nlp, "The rival candidate agreed with the verdict of the panel.")
    assert (agreed.cue, agreed.content) == ("agreed", "the verdict of the panel")
    commented = only(nlp, "The museum commented on the theft.")
    assert (commented.cue, commented.content) == ("commented", "the theft")
    assert attributions(nlp, "The museum announced on Monday.") == []


def test_a_poll_or_study_finding_a_thing_is_a_finding(nlp):
    record = only(nlp, "A survey by the state university found broad support for the new park.")
    assert (record.cue, record.source) == ("found", "A survey by the state university")
    assert record.content == "broad support for the new park"
    assert record.source_kind == "document"
    assert attributions(nlp, "The mayor found a wallet on the bench.") == []


def test_unquoted_content_after_a_colon_that_closes_the_cue(nlp):
    record = only(nlp, "In his weekly column, Dale Porter wrote:\n\n"
                       "The new bridge is a waste of money. Nobody will use it.")
    assert (record.cue, record.source) == ("wrote", "Dale Porter")
    assert record.content == "The new bridge is a waste of money. Nobody will use it."
    record = only(nlp, "The coach explained his choice in the following way:  Young players "
                       "need time on the pitch, and they will get it.")
    assert (record.cue, record.source) == ("explained", "The coach")
    assert record.content == "Young players need time on the pitch, and they will get it."


def test_a_relative_clause_whose_gap_is_the_object_attributes_its_antecedent(nlp):
    record = only(nlp, "The harsh things the senator said about the miners cost him the vote.")
    assert (record.cue, record.source, record.content) == (
        "said", "the senator", "The harsh things")
    record = only(nlp, "It was a claim the union has long disputed.")
    assert (record.cue, record.source, record.content) == ("disputed", "the union", "a claim")
    assert attributions(nlp, "The night she spoke at the harbor was cold.") == []


def test_a_parenthetical_cue_the_parser_hung_on_the_reported_clause(nlp):
    record = only(nlp, "Our town is doing fine, but it is under strain from the new highway, "
                       "said the mayor, Tove Dahl.")
    assert (record.cue, record.source) == ("said", "the mayor")
    assert record.content == "Our town is doing fine, but it is under strain from the new highway"


def test_saying_the_same_of_someone_is_a_statement(nlp):
    found = attributions(nlp, "Half the players praised the coach, and 43 said the same about "
                              "his assistant.")
    said = by_cue(found, "said")[0]
    assert (said.source, said.content) == ("43", "the same about his assistant")


def test_the_object_of_say_is_what_was_said(nlp):
    record = only(nlp, "The coach said little about the injury.")
    assert (record.cue, record.source, record.content) == (
        "said", "The coach", "little about the injury")
    record = only(nlp, "The mayor says odd things.")
    assert (record.cue, record.content) == ("says", "odd things")


def test_rarer_speech_verbs_with_a_topic_or_object(nlp):
    record = only(nlp, "The consul cautioned against a rush to judgment.")
    assert (record.cue, record.source, record.content) == (
        "cautioned", "The consul", "a rush to judgment")
    record = only(nlp, "The senator testified about the detention centers.")
    assert (record.cue, record.content) == ("testified", "the detention centers")
    record = only(nlp, "The border agent recounted the night of the crossing.")
    assert (record.cue, record.content) == ("recounted", "the night of the crossing")


def test_verbs_whose_content_follows_at(nlp):
    record = only(nlp, "The mayor lashed out at the new bridge tolls.")
    assert (record.cue, record.source, record.content) == (
        "lashed", "The mayor", "the new bridge tolls")
    record = only(nlp, "The consulate hinted at a change in the visa rules.")
    assert (record.cue, record.content) == ("hinted", "a change in the visa rules")


def test_seems_like_is_an_evidential_without_source(nlp):
    record = only(nlp, "The new visa plan seems like a long shot.")
    assert (record.cue, record.source, record.content) == (
        "seems", "", "The new visa plan seems like a long shot")


def test_a_reported_clause_parsed_as_a_first_subject_is_the_content(nlp):
    # The parser gives "said" two subjects: "plan" (the reported clause) and "Ortiz".
    record = only(nlp, "The plan to reopen the crossing appeals to shop owners, said Luis "
                       "Ortiz, a trader in Nogales.")
    assert (record.cue, record.source, record.content) == (
        "said", "Luis Ortiz", "The plan to reopen the crossing appeals to shop owners")


def test_responding_with_something_attributes_the_reply(nlp):
    record = only(nlp, "The consulate responded with a short statement on the new rule.")
    assert (record.cue, record.source, record.content) == (
        "responded", "The consulate", "a short statement on the new rule")
