"""The tables of a corpus: articles in another language are listed but not analysed."""

from __future__ import annotations

from analysis.corpus import Article, Corpus
from analysis.pipeline import extract_tables, language_caveat

ENGLISH = ("Mexico agreed to accept back 30,000 migrants every month, officials said on "
           "Tuesday after the talks.")
SPANISH = ("México aceptará de regreso a 30.000 migrantes cada mes, dijeron los funcionarios "
           "el martes tras las conversaciones.")


def test_an_article_in_another_language_is_listed_with_its_language_and_not_extracted(
        nlp, tmp_path):
    corpus = Corpus(source=tmp_path, articles=[
        Article("en1", ENGLISH, outlet="A", published="2024-01-02", language="en"),
        Article("es1", SPANISH, outlet="B", published="2024-01-03", language="es"),
        Article("unknown", "Border agents reported 2,000 crossings a day in March, the agency "
                           "said on Friday.", outlet="A", published="2024-01-04")])
    tables = extract_tables(corpus, nlp=nlp)
    articles = tables.articles.set_index("article_id")
    assert articles.loc["es1", "language"] == "es" and not articles.loc["es1", "analysed"]
    assert articles.loc["en1", "analysed"] and articles.loc["unknown", "analysed"]
    assert set(tables.figures["article_id"]) == {"en1", "unknown"}
    assert "es1" not in set(tables.counted_articles()["article_id"])
    assert set(tables.trends["outlet"]) - {""} <= {"A", "B"}
    assert tables.trends.loc[tables.trends["outlet"] == "B", "articles"].sum() == 0
    assert language_caveat(corpus, nlp) == (
        "1 of 3 articles are not in the pipeline's language (en) and are listed but not "
        "analysed: es1 (es).")
    assert tables.folded == 0
