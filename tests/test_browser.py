"""The published report as a reader sees it: headless Chromium opens the HTML file."""

from __future__ import annotations

import re

import pytest

from tests.browser import Browser, find_chromium
from tests.conftest import REPORT_DATE, SEED_CHARTS, report_folder
from tests.test_cli import run_cli

PAGE_FACTS = """(() => {
  const images = [...document.images];
  return {
    headings: [...document.querySelectorAll('h1, h2, h3')].map(h => h.innerText.trim()),
    images: images.length,
    decoded: images.filter(i => i.complete && i.naturalWidth > 0).length,
    scripts_with_src: document.querySelectorAll('script[src]').length,
    links_to_styles: [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href),
    text: document.body.innerText,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    code_cells: document.querySelectorAll('.jp-InputArea-editor, .jp-InputPrompt').length,
  };
})()"""


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    opened = Browser(executable)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def desktop(browser, published, tmp_path_factory):
    reports, _ = published
    browser.open(report_folder(reports, REPORT_DATE) / "report.html")
    shot = browser.screenshot(tmp_path_factory.mktemp("screenshots") / "desktop.png")
    return (browser.evaluate(PAGE_FACTS), browser.requests(), browser.failed_requests(),
            browser.console_errors(), shot)


def test_report_fetches_nothing_and_logs_no_error_with_the_network_cut(desktop):
    facts, requests, failed, errors, _ = desktop
    assert facts["scripts_with_src"] == 0
    assert facts["links_to_styles"] == []
    # blob: URLs are made in the page from its own embedded script (the table library).
    fetched = [url for url in requests
               if not url.startswith(("file:", "data:", "about:", "blob:"))]
    assert fetched == []
    assert failed == []
    assert errors == []


def test_desktop_screenshot_shows_a_long_page(desktop):
    *_, shot = desktop
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width >= 1100 and height > 3000, (width, height)  # less a scrollbar


def test_table_of_contents_links_to_every_section(browser, published):
    reports, _ = published
    browser.open(report_folder(reports, REPORT_DATE) / "report.html")
    broken = browser.evaluate("""[...document.querySelectorAll('nav.toc a')]
        .filter(a => !document.getElementById(a.hash.slice(1))).map(a => a.hash)""")
    count = browser.evaluate("document.querySelectorAll('nav.toc a').length")
    assert count >= 8 and broken == []


def test_every_chart_has_alt_text_and_a_caption(browser, published):
    reports, _ = published
    browser.open(report_folder(reports, REPORT_DATE) / "report.html")
    charts = browser.evaluate("""[...document.images].map(i => ({
        alt: i.alt, caption: i.closest('figure')?.querySelector('figcaption')?.innerText}))""")
    assert len(charts) == SEED_CHARTS
    for chart in charts:
        assert chart["alt"] and chart["alt"] == chart["caption"]


def test_provenance_links_to_the_tables_beside_the_report(browser, published):
    reports, _ = published
    browser.open(report_folder(reports, REPORT_DATE) / "report.html")
    links = browser.evaluate("[...document.links].map(a => a.href).filter(h => h.endsWith('.csv'))")
    assert any(link.endswith("/tables/articles.csv") for link in links)
    for link in links:
        table = report_folder(reports, REPORT_DATE) / "tables" / link.rsplit("/", 1)[-1]
        assert table.is_file(), link


def test_report_shows_its_sections_and_every_chart_decodes(desktop):
    facts, *_ = desktop
    for heading in ("Coverage report", "Articles", "Keyword trends", "Hits in context",
                    "Sources", "Figures", "Removed text", "Provenance"):
        assert any(shown.startswith(heading) for shown in facts["headings"]), heading
    assert facts["images"] == SEED_CHARTS
    assert facts["decoded"] == facts["images"]
    assert facts["code_cells"] == 0


def test_report_text_shows_the_seed_findings(desktop):
    facts, *_ = desktop
    text = facts["text"]
    assert "The New York Times" in text and "Title 42" in text
    # The largest return in the unit and rate most articles give returns in; per month and per
    # year are one article each, and a tie goes to the first by name.
    assert "return (per month): 30,000" in text
    assert "No concept was reported by two outlets in the same unit and rate." in text


LONGEST_LISTING = """(() => {
  const containers = [...document.querySelectorAll('.dt-container')];
  const total = c => Number((c.querySelector('.dt-info')?.innerText.match(/of ([\\d,]+)/)
                              || [0, '0'])[1].replace(/,/g, ''));
  containers.sort((a, b) => total(b) - total(a));
  window._listing = containers[0];
  return total(containers[0]);
})()"""
FIRST_ROW = "window._listing.querySelector('tbody tr').innerText"
INFO = "window._listing.querySelector('.dt-info').innerText"


def test_long_listings_page_and_search_with_the_network_cut(browser, published):
    reports, _ = published
    browser.open(report_folder(reports, REPORT_DATE) / "report.html")
    assert browser.evaluate("document.querySelectorAll('.dt-container').length") >= 5
    total = browser.evaluate(LONGEST_LISTING)
    assert total > 10
    assert browser.evaluate(INFO).startswith(f"Showing 1 to 10 of {total}")
    first_page = browser.evaluate(FIRST_ROW)
    browser.evaluate("window._listing.querySelector("
                     "'.dt-paging button[data-dt-idx=next], .dt-paging-button.next').click()")
    second_page = browser.evaluate(FIRST_ROW)
    assert second_page != first_page
    assert browser.evaluate(INFO).startswith("Showing 11 to ")
    word = max(re.findall(r"[A-Za-z]{6,}", second_page), key=len)
    browser.evaluate(f"""(() => {{
      const input = window._listing.querySelector('input[type=search]');
      input.value = {word!r};
      input.dispatchEvent(new Event('input', {{bubbles: true}}));
      input.dispatchEvent(new KeyboardEvent('keyup', {{bubbles: true}}));
    }})()""")
    assert f"filtered from {total} total entries" in browser.evaluate(INFO)
    assert word in browser.evaluate(FIRST_ROW)
    fetched = [url for url in browser.requests()
               if not url.startswith(("file:", "data:", "blob:"))]
    assert fetched == [] and browser.console_errors() == []


KEY_COLUMNS = """(() => [...document.querySelectorAll('.dt-container, table.dataframe')]
  .map(table => {
    const first = table.querySelector('thead th');
    if (!first) return null;
    const box = first.getBoundingClientRect();
    return {left: box.left, right: box.right, text: first.innerText};
  }).filter(Boolean))()"""


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_the_key_column_of_every_table_is_in_view(browser, published, width, height):
    reports, _ = published
    browser.open(report_folder(reports, REPORT_DATE) / "report.html", width=width,
                 height=height, mobile=width < 600)
    columns = browser.evaluate(KEY_COLUMNS)
    assert len(columns) >= 10
    outside = [column for column in columns
               if column["left"] < 0 or column["right"] > width + 1]
    assert outside == [], f"first columns out of view at {width} px: {outside}"
    assert browser.evaluate(PAGE_FACTS)["overflow"] <= 1


def test_key_findings_name_the_numbers_the_tables_hold(browser, published):
    import pandas as pd

    from analysis.comparisons import describe_group, plain_number

    reports, _ = published
    folder = report_folder(reports, REPORT_DATE)
    browser.open(folder / "report.html")
    findings = browser.evaluate(
        "[...document.querySelectorAll('ul.key-findings li')].map(li => li.innerText)")
    articles = pd.read_csv(folder / "tables" / "articles.csv", dtype=str, keep_default_na=False)
    attributions = pd.read_csv(folder / "tables" / "attributions.csv", dtype=str,
                               keep_default_na=False)
    counted = articles[(articles["duplicate_of"] == "") & (articles["analysed"] == "True")]
    figures = pd.read_csv(folder / "tables" / "figures.csv", dtype=str, keep_default_na=False)
    figures = figures[(figures["concept"] != "")
                      & figures["article_id"].isin(counted["article_id"])]
    (largest,) = [item for item in findings if item.startswith("Largest figure per concept")]
    for (concept, unit, rate), rows in figures.groupby(["concept", "unit", "rate_period"]):
        top = plain_number(rows["value"].astype(float).max())
        if f"{describe_group(concept, unit, rate)}: " in largest:
            assert f"{describe_group(concept, unit, rate)}: {top} (" in largest
    coverage = findings[0]
    assert coverage.startswith(f"{len(counted)} articles from {counted['outlet'].nunique()} "
                               f"outlets, published {counted['published'].min()} to "
                               f"{counted['published'].max()}")
    cited = attributions[(attributions["citation"] == "True")
                         & attributions["article_id"].isin(counted["article_id"])]
    outlet_of = dict(zip(counted["article_id"], counted["outlet"], strict=True))
    cited = cited.assign(outlet=cited["article_id"].map(outlet_of))
    (anonymous,) = [item for item in findings if item.startswith("Citations resting on")]
    assert (f"{(cited['source_kind'] == 'anonymous').sum()} of {len(cited)} in all"
            in anonymous)
    for outlet, rows in cited.groupby("outlet"):
        assert f"{outlet} {(rows['source_kind'] == 'anonymous').sum()} of {len(rows)}" \
            in anonymous, outlet


def test_report_reads_on_a_phone_without_sideways_scrolling(browser, published, tmp_path):
    reports, _ = published
    browser.open(report_folder(reports, REPORT_DATE) / "report.html", width=390, height=844,
                 mobile=True)
    facts = browser.evaluate(PAGE_FACTS)
    assert facts["overflow"] <= 1, f"page is {facts['overflow']} px wider than a phone"
    shot = browser.screenshot(tmp_path / "phone.png").read_bytes()
    assert int.from_bytes(shot[16:20], "big") == 390


HOSTILE_TEXT = """Officials discussed asylum <script>window.pwned = 1</script> at the border.
The agency said 5,000 migrants <img src=x onerror="window.pwned = 2"> crossed each day.
"""


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile")
    (corpus / "evil.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "article_id,outlet,published,title\n"
        'evil,<i>Evil</i> Times,2024-01-02,"<b onmouseover=alert(1)>Title</b>"\n',
        encoding="utf-8")
    reports = tmp_path_factory.mktemp("hostile-reports")
    result = run_cli("report", "--corpus", str(corpus), "--reports-dir", str(reports),
                     "--date", REPORT_DATE)
    assert result.returncode == 0, result.stderr[-3000:]
    return report_folder(reports, REPORT_DATE) / "report.html"


def test_article_text_and_metadata_render_as_text_not_markup(browser, hostile_report):
    browser.open(hostile_report)
    assert browser.evaluate("typeof window.pwned") == "undefined"
    text = browser.evaluate("document.body.innerText")
    assert "<script>window.pwned = 1</script>" in text
    assert "<i>Evil</i> Times" in text
    assert browser.evaluate("document.querySelectorAll('main i, main b').length") == 0


def test_index_links_to_the_report_and_needs_no_network(browser, published):
    reports, _ = published
    browser.open(reports / "index.html", width=390, height=844, mobile=True)
    links = browser.evaluate("[...document.links].map(a => a.href)")
    folder = report_folder(reports, REPORT_DATE).name
    assert any(link.endswith(f"/{folder}/report.html") for link in links)
    assert browser.failed_requests() == [] and browser.console_errors() == []
    assert [url for url in browser.requests() if not url.startswith("file:")] == []
    # On a phone the report links are in view without scrolling sideways.
    first_link_right = browser.evaluate(
        "document.querySelector('tbody a').getBoundingClientRect().right")
    assert first_link_right <= 390
