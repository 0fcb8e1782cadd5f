"""Keyword trends: tracked-term counts, trends with zero-filled periods, KWIC, discovery."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import keywords
from analysis.corpus import load_corpus
from analysis.keywords import TermFileError, TermList
from analysis.pipeline import extract_tables
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def matcher(nlp):
    return keywords.build_term_matcher(nlp, keywords.load_terms())


def counts(nlp, matcher, text: str) -> dict[str, int]:
    return {found.term: found.count for found in keywords.count_terms(nlp(text), matcher)}


# --- term lists ---------------------------------------------------------------------------


def test_shipped_term_list_has_the_migration_terms():
    terms = keywords.load_terms()
    assert {"Title 42", "asylum", "border crossing", "deportation flight", "remittances"} <= set(
        terms.names)
    assert "Title 42" in terms.groups["Title 42"]


def test_extra_terms_become_groups_of_their_own():
    terms = keywords.load_terms(extra=["wall", " caravan ", ""])
    assert terms.names[-1] == "wall"
    assert terms.groups["wall"] == ("wall",)
    assert terms.names.count("caravan") == 1


def test_user_term_file_replaces_or_extends_the_shipped_list(tmp_path):
    own = tmp_path / "own.toml"
    own.write_text('[terms]\n"wall" = ["border wall", "the wall"]\n', encoding="utf-8")
    assert keywords.load_terms(own).names == ["wall"]
    extending = tmp_path / "more.toml"
    extending.write_text('extends = "default"\n[terms]\n"wall" = ["border wall"]\n',
                         encoding="utf-8")
    names = keywords.load_terms(extending).names
    assert "wall" in names and "Title 42" in names


@pytest.mark.parametrize(("content", "message"), [
    ("[terms\n", "not valid TOML"),
    ('title = "no terms"\n', "expected a [terms] table"),
    ('[terms]\n"wall" = "border wall"\n', "'wall' must be a list of non-empty strings"),
    ('[terms]\n"wall" = ["border wall", ""]\n', "'wall' must be a list of non-empty strings"),
    ('extends = "mine"\n[terms]\n"wall" = ["wall"]\n', "'extends' must be"),
])
def test_malformed_term_file_is_refused_naming_the_file(tmp_path, content, message):
    path = tmp_path / "terms.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TermFileError) as error:
        keywords.load_terms(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_missing_term_file_is_refused_naming_the_file(tmp_path):
    with pytest.raises(TermFileError, match=r"missing\.toml: term list file not found"):
        keywords.load_terms(tmp_path / "missing.toml")


# --- matching -----------------------------------------------------------------------------


def test_variants_match_case_insensitively_with_hyphens_and_plurals(nlp, matcher):
    found = counts(nlp, matcher, "Title 42 ended. TITLE-42 was invoked again under title 42. "
                                 "Asylum-seekers and asylum seekers waited; an asylum seeker "
                                 "spoke. Remittances rose.")
    assert found["Title 42"] == 3
    assert found["asylum seeker"] == 3
    assert found["asylum"] == 3
    assert found["remittances"] == 1


def test_inflected_verbs_and_irregular_plurals_count(nlp, matcher):
    found = counts(nlp, matcher, "Mexico deported them. The U.S. deports more. "
                                 "Unaccompanied children arrived, then an unaccompanied minor.")
    assert found["deportation"] == 2
    assert found["unaccompanied minors"] == 2


def test_a_capitalised_headline_plural_counts(nlp, matcher):
    assert counts(nlp, matcher, "The Asylum Seekers Who Wait")["asylum seeker"] == 1


def test_a_plural_is_formed_by_the_rules_of_english_not_by_adding_es_to_anything(nlp, matcher):
    found = counts(nlp, matcher, "Two aides to the minister said the aid had arrived. "
                                 "Aides from both parties agreed.")
    assert found["aid"] == 1


def test_a_word_in_capitals_in_running_text_is_an_acronym_not_the_term(nlp, matcher):
    found = counts(nlp, matcher, "The clinic treats AIDS patients and receives US aid.\n"
                                 "Aid workers met the AIDS charity.")
    assert found["aid"] == 2


def test_a_term_written_in_capitals_as_listed_still_counts(nlp):
    matcher = keywords.build_term_matcher(nlp, TermList({"covid": ("covid",)}))
    assert counts(nlp, matcher, "Cases of COVID rose. Covid wards filled.")["covid"] == 2


def test_a_headline_in_capitals_still_counts_its_terms(nlp, matcher):
    assert counts(nlp, matcher, "MIGRANT AID REACHES THE BORDER\nThe aid came late.")["aid"] == 2


def test_groups_count_independently_but_a_group_counts_a_span_once(nlp, matcher):
    found = counts(nlp, matcher, "Border crossings fell at the border.")
    assert found["border crossing"] == 1
    assert found["border"] == 2


def test_acronym_variants_match_only_in_capitals(nlp):
    terms = TermList({"ICE": ("ICE",)})
    matcher = keywords.build_term_matcher(nlp, terms)
    assert counts(nlp, matcher, "ICE agents walked on the ice. Ice was thin.") == {"ICE": 1}


def test_rate_per_thousand_words_uses_words_not_punctuation(nlp, matcher):
    doc = nlp("Asylum, asylum and asylum!")  # four words, three hits
    assert keywords.count_words(doc) == 4
    (asylum,) = [found for found in keywords.count_terms(doc, matcher) if found.term == "asylum"]
    assert asylum.count == 3
    assert asylum.per_1k_words == 750.0


def test_terms_without_a_hit_are_not_listed(nlp, matcher):
    assert counts(nlp, matcher, "The weather was mild on Tuesday.") == {}


def test_keyword_in_context_shows_each_hit_between_its_context(nlp, matcher):
    text = "Officials said the\nTitle 42 order would end in May, after years of expulsions."
    hits = [hit for hit in keywords.keyword_in_context(nlp(text), matcher, window=12)
            if hit.term == "Title 42"]
    assert len(hits) == 1
    (hit,) = hits
    assert hit.match == "Title 42"
    assert text[hit.start:hit.end] == "Title 42"
    assert hit.left == "said the "
    assert hit.right == " order would"


# --- trends -------------------------------------------------------------------------------


def small_corpus() -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = pd.DataFrame([
        {"article_id": "a", "outlet": "Daily", "published": "2021-01-05", "words": 200},
        {"article_id": "b", "outlet": "Daily", "published": "2021-01-20", "words": 300},
        {"article_id": "c", "outlet": "Weekly", "published": "2021-03-02", "words": 500},
        {"article_id": "d", "outlet": "Weekly", "published": "", "words": 100},
    ])
    found = pd.DataFrame([
        {"article_id": "a", "term": "asylum", "count": 2, "per_1k_words": 10.0},
        {"article_id": "b", "term": "asylum", "count": 3, "per_1k_words": 10.0},
        {"article_id": "c", "term": "border", "count": 5, "per_1k_words": 10.0},
        {"article_id": "d", "term": "border", "count": 9, "per_1k_words": 90.0},
    ])
    return articles, found


def test_trends_sum_counts_and_words_per_period_and_outlet():
    articles, found = small_corpus()
    trends = keywords.build_trends(found, articles, terms=["asylum", "border"], period="month")
    row = trends.set_index(["period", "outlet", "term"]).loc[("2021-01", "Daily", "asylum")]
    assert (row["count"], row["articles"], row["words"]) == (5, 2, 500)
    assert row["per_1k_words"] == 10.0


def test_trends_fill_empty_periods_with_zero_for_every_outlet_and_term():
    articles, found = small_corpus()
    trends = keywords.build_trends(found, articles, terms=["asylum", "border"], period="month")
    assert list(trends.columns) == ["period", "outlet", "term", "count", "articles", "words",
                                    "per_1k_words"]
    assert sorted(trends["period"].unique()) == ["2021-01", "2021-02", "2021-03"]
    assert len(trends) == 3 * 2 * 2
    february = trends[trends["period"] == "2021-02"]
    assert (february[["count", "articles", "words", "per_1k_words"]] == 0).all().all()


def test_trends_list_outlets_with_nothing_to_count():
    articles, found = small_corpus()
    trends = keywords.build_trends(found, articles, terms=["asylum"], outlets=["Monthly"])
    monthly = trends[trends["outlet"] == "Monthly"]
    assert len(monthly) == 3
    assert monthly["articles"].sum() == 0


def test_trends_leave_out_undated_articles():
    articles, found = small_corpus()
    trends = keywords.build_trends(found, articles, terms=["border"], period="quarter")
    assert trends["count"].sum() == 5
    assert trends["period"].tolist() == ["2021Q1", "2021Q1"]


@pytest.mark.parametrize(("period", "labels"), [
    ("day", ["2021-01-05", "2021-01-06"]),
    ("week", ["2021-W01", "2021-W02", "2021-W03", "2021-W04", "2021-W05"]),
    ("month", ["2021-01", "2021-02", "2021-03"]),
    ("quarter", ["2021Q1"]),
])
def test_period_labels_sort_in_time_order(period, labels):
    articles, found = small_corpus()
    trends = keywords.build_trends(found, articles, terms=["asylum"], period=period)
    periods = list(dict.fromkeys(trends["period"]))
    assert periods == sorted(periods)
    assert periods[:len(labels)] == labels


def test_iso_weeks_cross_the_year_boundary():
    dates = pd.Series(["2020-12-31", "2021-01-03", "2021-01-04"])
    assert keywords.period_label(dates, "week").tolist() == ["2020-W53", "2020-W53", "2021-W01"]


def test_trends_of_a_corpus_without_dates_are_empty_with_the_contract_columns():
    articles, found = small_corpus()
    trends = keywords.build_trends(found, articles.assign(published=""), terms=["asylum"])
    assert trends.empty
    assert list(trends.columns)[:3] == ["period", "outlet", "term"]


# --- discovery ----------------------------------------------------------------------------


def test_distinctive_terms_rank_what_one_group_says_more_than_the_rest():
    frequencies = {
        "A": Counter({"wall": 30, "border": 20, "talk": 10}),
        "B": Counter({"remittance": 25, "border": 20, "talk": 10}),
        "C": Counter({"vaccine": 20, "border": 20, "talk": 10}),
    }
    table = keywords.distinctive_terms(frequencies, comparison="outlet", top=2)
    top_of = table[table["group"] == "A"].iloc[0]
    assert (top_of["term"], top_of["count"], top_of["rest_count"]) == ("wall", 30, 0)
    assert top_of["z_score"] > 0
    shared = keywords.distinctive_terms(frequencies, comparison="outlet", top=10)
    border = shared[(shared["group"] == "A") & (shared["term"] == "border")].iloc[0]
    assert border["z_score"] < top_of["z_score"]
    assert set(table["comparison"]) == {"outlet"}


def test_an_outlet_naming_itself_is_not_distinctive_of_it():
    frequencies = {
        "Breitbart": Counter({"breitbart": 40, "wall": 30, "talk": 10}),
        "The New York Times": Counter({"times": 25, "remittance": 25, "talk": 10}),
    }
    table = keywords.distinctive_terms(frequencies, comparison="outlet", own_words={
        outlet: keywords.name_words(outlet) for outlet in frequencies})
    firsts = table.groupby("group")["term"].first().to_dict()
    assert firsts == {"Breitbart": "wall", "The New York Times": "remittance"}
    assert not {"breitbart", "times"} & set(table["term"])


def test_distinctive_terms_need_another_group_to_compare_with():
    table = keywords.distinctive_terms({"only": Counter({"wall": 5})}, comparison="outlet")
    assert table.empty
    assert table["z_score"].dtype == "float64"  # an empty table still sorts by score


def test_term_frequencies_count_content_lemmas(nlp):
    frequencies = keywords.term_frequencies(nlp("The migrants crossed. A migrant was there."))
    assert frequencies["migrant"] == 2
    assert "the" not in frequencies


def test_keyterms_are_ranked_and_skip_too_short_texts(nlp, seed_text):
    found = list(keywords.extract_keyterms(nlp(seed_text("001")), topn=5))
    assert [keyterm.rank for keyterm in found] == [1, 2, 3, 4, 5]
    assert found[0].score >= found[-1].score
    assert list(keywords.extract_keyterms(nlp("Hi."))) == []


# --- on the seeds -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_tables(nlp):
    return extract_tables(load_corpus(SEEDS), nlp=nlp)


def test_seed_trends_run_from_march_2021_to_january_2024_over_five_outlets(seed_tables):
    trends = seed_tables.trends
    periods = list(dict.fromkeys(trends["period"]))
    assert periods[0] == "2021-03"
    assert periods[-1] == "2024-01"
    assert len(periods) == 35
    assert trends["outlet"].nunique() == 5
    empty_month = trends[trends["period"] == "2022-06"]
    assert (empty_month["articles"] == 0).all()


def test_seed_trends_fold_the_rewrite_and_keywords_keep_every_article(seed_tables):
    folded = seed_tables.trends
    press_tv = folded[folded["outlet"] == "Press TV"]
    assert press_tv["articles"].sum() == 0
    assert "000_8c58a1b6ffc7d96e" in set(seed_tables.keywords["article_id"])


def test_seed_keyterms_hold_no_boilerplate(seed_tables):
    keyterms = " | ".join(seed_tables.keyterms["keyterm"]).lower()
    assert seed_tables.keyterms["article_id"].nunique() == 5
    for furniture in ("reproductive rights", "press tv news roku", "roku", "donation",
                      "read also"):
        assert furniture not in keyterms


def test_seed_kwic_offsets_point_into_the_cleaned_text(seed_tables):
    texts = seed_tables.articles.set_index("article_id")["text"]
    kwic = seed_tables.kwic
    assert len(kwic) > 20
    for row in kwic.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.match


def test_seed_distinctive_terms_compare_outlets_and_periods(seed_tables):
    distinctive = seed_tables.distinctive
    assert set(distinctive["comparison"]) == {"outlet", "period"}
    assert "Press TV" not in set(distinctive["group"])  # its only article is a folded rewrite
    assert (distinctive.groupby(["comparison", "group"]).size() <= 15).all()


# --- any text in, no exception out ---------------------------------------------------------


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_counts_without_error(nlp, matcher, text):
    doc = nlp(text)
    found = list(keywords.count_terms(doc, matcher))
    assert all(item.count > 0 for item in found)
    for hit in keywords.keyword_in_context(doc, matcher):
        assert text[hit.start:hit.end] == hit.match
    list(keywords.extract_keyterms(doc, topn=3))


def test_a_term_of_eight_ordinary_words_matches_without_combining_every_form(nlp):
    term = "migrants asking asylum returned across border crossing points"
    terms = keywords.load_terms(extra=[term])
    matcher = keywords.build_term_matcher(nlp, terms)
    by_word = matcher.folded[2]
    assert term in by_word  # matched word by word: its forms are not multiplied out
    doc = nlp("Officials said migrant asking asylum returns across border crossings point "
              "were rare.")
    assert term in [name for name, _ in keywords.find_terms(doc, matcher)]


def test_a_variant_longer_than_a_phrase_is_refused_naming_the_term(tmp_path):
    words = " ".join(f"word{n}" for n in range(13))
    path = tmp_path / "terms.toml"
    path.write_text(f'[terms]\nlong = ["{words}"]\n', encoding="utf-8")
    with pytest.raises(TermFileError, match=r"term 'long': variant .* has 13 words \(at most 12\)"):
        keywords.load_terms(path)
    with pytest.raises(TermFileError, match=r"parameter 'terms': term '.*' has 13 words"):
        keywords.load_terms(extra=[words])
