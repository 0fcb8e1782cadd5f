"""Who the source is: one record per coordinated source, and one name per person or
organisation within an article and across a corpus (``source_name``)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.attribution import (
    SideGazetteer,
    attributions_frame,
    fold_source_names,
    load_lexicon,
    top_sources,
)
from analysis.attribution.person_names import person_name
from tests.attribution.helpers import attributions, by_cue, only


def names(nlp, text: str, **options) -> list[str]:
    return [record.source_name for record in attributions(nlp, text, **options)]


def test_titles_and_a_surname_fold_into_the_fullest_name_of_the_article(nlp):
    text = ("President Joe Biden said the talks would go on. Mr. Biden added that Mexico had "
            "agreed. Biden also noted that the border was calm.")
    assert names(nlp, text) == ["Joe Biden", "Joe Biden", "Joe Biden"]


def test_a_resolved_pronoun_takes_the_name_of_its_person(nlp):
    text = "Secretary of State Antony Blinken met the minister. He said the talks went well."
    assert names(nlp, text) == ["Antony Blinken"]


def test_coordinated_sources_are_one_citation_each(nlp):
    text = "Antony Blinken and Alejandro Mayorkas said the talks had gone well."
    records = attributions(nlp, text)
    assert [(r.source, r.source_name) for r in records] == [
        ("Antony Blinken", "Antony Blinken"), ("Alejandro Mayorkas", "Alejandro Mayorkas")]
    assert len({(r.cue_start, r.content_start) for r in records}) == 1


def test_coordinated_sources_stay_one_record_when_asked(nlp):
    text = "Antony Blinken and Alejandro Mayorkas said the talks had gone well."
    (record,) = attributions(nlp, text, split_coordinated=False)
    assert record.source == "Antony Blinken and Alejandro Mayorkas"


def test_an_alias_gives_an_organisation_one_name(nlp):
    text = ("DHS said the flights would resume. The Department of Homeland Security added that "
            "the border was calm.")
    assert names(nlp, text) == ["Department of Homeland Security"] * 2


def test_an_unnamed_source_is_its_description_in_the_singular(nlp):
    text = ("Three U.S. officials said the talks had stalled. A senior Mexican official said "
            "they had not.")
    assert names(nlp, text) == ["U.S. official", "senior Mexican official"]


def test_the_administration_of_a_president_is_the_presidents_administration(nlp):
    text = ("The administration of President Joe Biden said the talks would go on. The Biden "
            "administration added that the border was calm.")
    assert names(nlp, text) == ["Biden administration", "Biden administration"]


def test_an_outlets_report_and_its_short_name_are_the_outlet(nlp):
    gazetteer = SideGazetteer(sides={}, outlets=("Daily Planet", "Planet"))
    text = ("According to a Daily Planet report, the talks had stalled. The Planet reported "
            "that they resumed.")
    assert names(nlp, text, gazetteer=gazetteer) == ["Daily Planet", "Daily Planet"]


def test_a_later_document_takes_the_name_of_the_first_of_its_kind(nlp):
    text = ("According to a statement released by the Mexican government, the talks went "
            "well. The statement said the next round would be in May.")
    assert names(nlp, text) == ["Mexican government", "Mexican government"]


def test_two_people_with_one_surname_keep_their_names(nlp):
    text = ("Hillary Clinton said the debate went well. Bill Clinton said it went badly. "
            "Clinton added that she would win.")
    assert names(nlp, text)[:2] == ["Hillary Clinton", "Bill Clinton"]
    assert names(nlp, text)[2] == "Clinton"


def test_a_surname_takes_the_full_name_the_gazetteer_gives(nlp):
    assert names(nlp, "Biden said the talks went well.") == ["Joe Biden"]


def test_who_is_cited_most_folds_a_surname_into_the_full_name_another_article_gives(nlp):
    rows = [("a1", record) for record in attributions(nlp, "The talks went well, Ruiz said.")]
    rows += [("a2", record) for record in attributions(
        nlp, "Ana Ruiz said the border was calm.")]
    frame = attributions_frame(rows)
    assert frame["source_name"].tolist() == ["Ruiz", "Ana Ruiz"]  # as each article gives it
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["Paper", "Wire"]})
    table = top_sources(frame, articles)
    assert table[["source_name", "citations", "articles"]].values.tolist() == [
        ["Ana Ruiz", 2, 2]]


def test_folding_leaves_a_surname_shared_by_two_people(nlp):
    frame = pd.DataFrame({"source_kind": ["named_person"] * 3,
                          "source_name": ["Clinton", "Hillary Clinton", "Bill Clinton"]})
    assert fold_source_names(frame)["source_name"].tolist() == [
        "Clinton", "Hillary Clinton", "Bill Clinton"]


def test_a_users_alias_list_extends_the_shipped_one(nlp, tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('extends = "default"\n\n[aliases]\n"Ministry of Roads" = ["MoR"]\n',
                    encoding="utf-8")
    lexicon = load_lexicon(sources=path)
    text = "MoR said the bridge would close. DHS said the flights would resume."
    assert names(nlp, text, lexicon=lexicon) == ["Ministry of Roads",
                                                "Department of Homeland Security"]


def test_the_name_of_the_cue_the_parser_split_is_kept(nlp):
    record = by_cue(attributions(nlp, "Mexican officials and others briefed on the talks "
                                      "said the plan had stalled."), "said")
    assert [r.source_name for r in record] == ["Mexican official", "others"]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # dateline
        ("WASHINGTON — Sen. Jane Whitcombe", "Jane Whitcombe"),
        ("ORLANDO, Fla. (Reuters) - President Tom Aldous", "Tom Aldous"),
        # aside
        ("Tom Aldous, celebrating a victory in his home state", "Tom Aldous"),
        ("Sen. Jane Whitcombe (D-Ohio)", "Jane Whitcombe"),
        # possessive
        ("Mexico's President Ana Ruiz", "Ana Ruiz"),
        ("Aldous's", "Aldous"),
        # description
        ("Retired neurosurgeon Tom Aldous", "Tom Aldous"),
        ("former Secretary of State Ana Ruiz", "Ana Ruiz"),
        ("real estate tycoon Tom Aldous", "Tom Aldous"),
        ("Osama bin Laden", "Osama bin Laden"),
        # title
        ("Senate Majority Leader Tom Aldous", "Tom Aldous"),
        ("White House Press Secretary Ana Ruiz", "Ana Ruiz"),
        ("President-elect Tom Aldous", "Tom Aldous"),
        ("New Jersey Gov. Tom Aldous", "Tom Aldous"),
        ("Chief Of Staff Tom Aldous", "Tom Aldous"),
        ("Mr. Aldous", "Aldous"),
        # a surname that is a title word is the name when nothing follows it
        ("Jim Justice", "Jim Justice"),
        # a description without a name stays as written
        ("Republican presidential candidate", "Republican presidential candidate"),
    ],
)
def test_a_persons_name_leaves_out_dateline_aside_owner_description_and_title(phrase, name):
    assert person_name(phrase, load_lexicon()) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Retired neurosurgeon Ben Carson told reporters that he would stay in the race.",
         "Ben Carson"),
        ("MACAU (Reuters) – Top casino owner Tom Aldous said on Friday he met the governor.",
         "Tom Aldous"),
        ("LONDON, March 3 (Reuters) – Britain's top trade official Ann Ortiz said on Monday "
         "the talks had stalled.", "Ann Ortiz"),
        ("Senate Majority Leader Mitch McConnell said the vote would wait.", "Mitch McConnell"),
        ("Former Secretary of State Hillary Clinton said the plan was bad.", "Hillary Clinton"),
        ("The Republican presidential candidate said the plan would fail.",
         "Republican presidential candidate"),
    ],
)
def test_a_named_source_is_named_by_the_person_not_the_description(nlp, text, name):
    (record,) = [r for r in attributions(nlp, text) if r.cue in ("said", "told")]
    assert (record.source_kind, record.source_name) == ("named_person", name)


def test_a_longer_name_in_the_article_does_not_take_a_title_or_dateline_into_the_name(nlp):
    text = ("WASHINGTON — Sen. Jane Whitcombe (D-Ohio) defended her vote on the bill, saying "
            "that it would lower prices.\nJane Whitcombe said the vote was close. Whitcombe "
            "added that she would run again.")
    assert set(names(nlp, text)) == {"Jane Whitcombe"}


def test_a_title_tells_which_of_two_people_with_one_surname_is_meant(nlp):
    text = ("Hillary Clinton and Bill Clinton spoke. Mrs. Clinton said she would win. "
            "Mr. Clinton said he agreed.")
    assert names(nlp, text) == ["Hillary Clinton", "Bill Clinton"]


def test_a_person_named_inside_a_description_is_not_the_source(nlp):
    record = by_cue(attributions(nlp, "Hillary Clinton spoke first. Clinton's campaign "
                                      "chairman said the race was close."), "said")[0]
    assert "chairman" in record.source_name


def test_a_proper_name_opening_with_a_given_name_is_a_person(nlp):
    # The entity recognizer reads "Carly Fiorina" as an organisation.
    record = only(nlp, "Carly Fiorina said the plan would fail.")
    assert (record.source_kind, record.source_name) == ("named_person", "Carly Fiorina")


@pytest.mark.parametrize("text", [
    ">Sanders said the primary was far from over.",
    "• Whitcombe said the mill would close.",
])
def test_layout_marks_before_a_name_are_no_part_of_it(nlp, text):
    (name,) = names(nlp, text)
    assert name and name[0].isalpha(), name
