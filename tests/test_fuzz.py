"""Property tests: any bytes into the loader, any text into the extractors, no exception out.

The default profile keeps this file under a minute. The hand-run fuzz session
(10,000 examples each, about 6 minutes on 2 cores):

    HYPOTHESIS_PROFILE=fuzz .venv/bin/python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import attribution, keywords
from analysis.clean import clean_text, normalise_line_ends
from analysis.corpus import CorpusError, load_corpus
from analysis.figures import extract_figures

# Registered here because conftest.py is shared; "fuzz" is the long hand-run session.
settings.register_profile("default-fuzz", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default-fuzz")
settings.load_profile(PROFILE)
# A whole-pipeline example costs about a second; the fuzz session runs a few hundred.
PIPELINE_EXAMPLES = 600 if PROFILE == "fuzz" else 5

# News-like pieces the extractors react to, to be mixed with arbitrary Unicode.
PIECES = st.sampled_from([
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "``", "''",
    "said", " said ", "told reporters", "according to", "officials", "Biden", "López Obrador",
    "the Mexican government", "Reuters", "30,000", "1.5 million", "$4 billion", "€2.5m", "10%",
    "a day", "per month", "about", "at least", "between", "and", "to", "-", "\u2013", "½",
    "twenty-five", "two dozen", "hundreds of thousands", "migrants", "deportations",
    "remain in Mexico", "asylum seekers", "ICE", "border", "2021", "March 18", "No. 3", ".",
    ",", ":", ";", "(", ")", "\n", "\n\n", " ", "\t", "\u00a0", "\u200b", "\ufeff", "\r\n",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)
IDS = st.one_of(st.sampled_from(["a", "A", "../x", "", " ", "a/b", "a.b", "1"]),
                st.text(max_size=8))
VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                   st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3),
                                                                       st.integers(), max_size=2))


def folder_with(name: str, data: bytes) -> tuple[tempfile.TemporaryDirectory, Path]:
    holder = tempfile.TemporaryDirectory()
    folder = Path(holder.name)
    (folder / name).write_bytes(data)
    return holder, folder


def check_loads_or_names(path: Path, name: str) -> None:
    """Load ``path``: it loads, or raises CorpusError naming ``name``; problems name it."""
    try:
        corpus = load_corpus(path)
    except CorpusError as error:
        assert name in str(error), f"CorpusError does not name {name}: {error}"
        return
    for problem in [*corpus.skipped, *corpus.warnings]:
        # A crawl's record is named "crawl.warc.gz (its URL)".
        assert problem.path.split(" (")[0] in (name, "manifest.csv"), str(problem)
    for article in corpus.articles:
        assert article.text.strip()
        article.text.encode("utf-8")  # no unpaired surrogates reach the parser or the CSV
        for value in (article.article_id, article.outlet, article.published, article.title):
            value.encode("utf-8")
    json.dumps([str(problem) for problem in corpus.skipped]).encode("utf-8")


# --- the corpus loader ----------------------------------------------------------------------


@given(data=st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda text: text.encode("utf-8")),
    st.tuples(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252",
                               "utf-8-sig", "utf-32"]),
              st.text(alphabet=st.characters(max_codepoint=0xFF), max_size=200))
    .map(lambda pair: pair[1].encode(pair[0], errors="replace")),
    st.tuples(st.sampled_from([b"%PDF", b"\x89PNG", b"\x1f\x8b", b"\xff\xfe", b"\xfe\xff",
                               b"\xef\xbb\xbf", b"PK\x03\x04"]), st.binary(max_size=200))
    .map(b"".join),
), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_as_an_article_file_load_or_are_named(data, suffix):
    name = f"article{suffix}"
    holder, folder = folder_with(name, data)
    with holder:
        check_loads_or_names(folder, name)


@given(lines=st.lists(st.one_of(
    st.fixed_dictionaries({"article_id": IDS, "text": st.one_of(TEXTS, VALUES)},
                          optional={"published": st.one_of(
                              st.sampled_from(["2024-01-31", "2024-02-30", "31/01/2024",
                                               "2999-01-01", "2024-01-31T10:00:00Z"]),
                              VALUES),
                              "outlet": VALUES, "title": VALUES, "extra": VALUES})
    .map(json.dumps),
    st.text(max_size=40),
    st.sampled_from(["{", "[]", "null", "1" * 5000, "[" * 3000, '{"article_id": "a"}',
                     '"\\ud800"', '{"article_id": "s", "text": "x \\udfff y"}']),
), max_size=8))
def test_any_jsonl_lines_load_or_are_named(lines):
    holder, folder = folder_with("corpus.jsonl", "\n".join(lines).encode("utf-8",
                                                                         "surrogatepass"))
    with holder:
        check_loads_or_names(folder / "corpus.jsonl", "corpus.jsonl")


@given(manifest=st.lists(st.lists(st.one_of(IDS, st.text(max_size=10)), max_size=8),
                         max_size=5))
def test_any_manifest_loads_or_is_named(manifest):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows(manifest)
    holder, folder = folder_with("a.txt", b"Officials said 300 migrants crossed the border.")
    with holder:
        (folder / "manifest.csv").write_text(buffer.getvalue(), encoding="utf-8",
                                             errors="surrogatepass")
        try:
            check_loads_or_names(folder, "a.txt")
        except AssertionError:
            # A fatal manifest problem names the manifest instead of the article file.
            with pytest.raises(CorpusError, match="manifest"):
                load_corpus(folder)


CELLS = st.one_of(IDS, TEXTS, st.sampled_from(["", ",", '"', '""', "\n", "\r", "a,b", "=1+1"]))


@given(rows=st.lists(st.lists(CELLS, max_size=6), max_size=6),
       header=st.sampled_from([["article_id", "text"], ["id", "maintext", "publish_date"],
                               ["url", "content", "media_name"], ["text"], ["title"]]))
def test_any_csv_export_loads_or_is_named(rows, header):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    holder, folder = folder_with("export.csv", buffer.getvalue().encode("utf-8", "surrogatepass"))
    with holder:
        check_loads_or_names(folder / "export.csv", "export.csv")


@given(document=st.one_of(
    st.lists(st.dictionaries(st.sampled_from(["article_id", "id", "text", "content", "url",
                                              "source", "publishedAt", "authors"]),
                             st.one_of(TEXTS, VALUES), max_size=6), max_size=5),
    st.fixed_dictionaries({"articles": st.lists(st.one_of(VALUES, st.fixed_dictionaries(
        {"content": TEXTS, "source": st.fixed_dictionaries({"name": VALUES})})), max_size=4)}),
    VALUES))
def test_any_json_document_loads_or_is_named(document):
    holder, folder = folder_with("export.json", json.dumps(document).encode("utf-8",
                                                                            "surrogatepass"))
    with holder:
        check_loads_or_names(folder / "export.json", "export.json")


@given(columns=st.dictionaries(
    st.sampled_from(["article_id", "text", "outlet", "published", "title", "extra"]),
    st.one_of(st.lists(st.one_of(st.none(), TEXTS), min_size=2, max_size=2),
              st.lists(st.integers(-5, 5), min_size=2, max_size=2),
              st.lists(st.floats(allow_nan=True), min_size=2, max_size=2),
              st.lists(st.lists(st.integers(), max_size=2), min_size=2, max_size=2)),
    max_size=5))
def test_any_parquet_table_loads_or_is_named(columns):
    import pyarrow as pa
    import pyarrow.parquet as pq

    holder = tempfile.TemporaryDirectory()
    with holder:
        path = Path(holder.name) / "export.parquet"
        try:
            table = pa.table({name: pa.array(values) for name, values in columns.items()})
        except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeEncodeError, OverflowError):
            return  # not a table pyarrow can write
        pq.write_table(table, path)
        check_loads_or_names(path, "export.parquet")


@given(data=st.one_of(st.binary(max_size=300), TEXTS.map(
    lambda text: text.encode("utf-8", "surrogatepass"))),
    compress=st.booleans(), name=st.sampled_from(["page.html.gz", "crawl.warc.gz", "crawl.warc"]))
def test_any_bytes_as_a_compressed_page_or_crawl_load_or_are_named(data, compress, name):
    import gzip

    holder, folder = folder_with(name, gzip.compress(data) if compress else data)
    with holder:
        check_loads_or_names(folder, name)


# --- cleaning and the extractors ------------------------------------------------------------


@given(text=TEXTS)
def test_cleaning_any_text_keeps_every_removal_at_its_offsets(text):
    cleaned = clean_text(text)
    normalised = normalise_line_ends(text)
    for removal in cleaned.removals:
        assert 0 <= removal.start < removal.end <= len(normalised)
        assert normalised[removal.start:removal.end] == removal.text


@pytest.fixture(scope="module")
def matcher(nlp):
    return keywords.build_term_matcher(nlp, keywords.load_terms())


@given(text=TEXTS)
def test_figures_in_any_text_point_at_their_surface(nlp, text):
    doc = nlp(text)
    for figure in extract_figures(doc):
        assert 0 <= figure.start < figure.end <= len(text), figure
        assert text[figure.start:figure.end] == figure.surface, figure


@given(text=TEXTS)
def test_attributions_in_any_text_point_at_their_surface(nlp, text):
    doc = nlp(text)
    for record in attribution.extract_attributions(doc):
        assert 0 <= record.cue_start < record.cue_end <= len(text), record
        assert text[record.cue_start:record.cue_end] == record.cue, record
        if record.source_start >= 0:
            assert 0 <= record.source_start < record.source_end <= len(text), record
            assert text[record.source_start:record.source_end] == record.source_surface
        if record.content_start >= 0:
            assert 0 <= record.content_start <= record.content_end <= len(text), record
            assert text[record.content_start:record.content_end] == record.content


@given(text=TEXTS)
def test_keywords_in_any_text_point_at_their_surface(nlp, matcher, text):
    doc = nlp(text)
    for group, span in keywords.find_terms(doc, matcher):
        assert group and text[span.start_char:span.end_char] == span.text
    for hit in keywords.keyword_in_context(doc, matcher):
        assert 0 <= hit.start < hit.end <= len(text), hit
        assert text[hit.start:hit.end] == hit.match, hit
    assert all(count.count > 0 for count in keywords.count_terms(doc, matcher))
    assert keywords.count_words(doc) >= 0
    list(keywords.extract_keyterms(doc))
    keywords.term_frequencies(doc)


@settings(max_examples=PIPELINE_EXAMPLES)
@given(texts=st.lists(TEXTS, min_size=1, max_size=3))
def test_the_whole_pipeline_on_any_texts_keeps_offsets_in_the_clean_text(nlp, texts):
    from analysis.corpus import Article, Corpus
    from analysis.pipeline import extract_tables

    articles = [Article(article_id=f"a{number}", text=text, outlet="O")
                for number, text in enumerate(texts) if text.strip()]
    if not articles:
        return
    tables = extract_tables(Corpus(source=Path("."), articles=articles), nlp=nlp)
    clean = tables.articles.set_index("article_id")["text"]
    for row in tables.figures.itertuples():
        assert clean[row.article_id][row.start:row.end] == row.surface
    for row in tables.attributions.itertuples():
        assert clean[row.article_id][row.cue_start:row.cue_end] == row.cue
    for row in tables.kwic.itertuples():
        assert clean[row.article_id][row.start:row.end] == row.match
