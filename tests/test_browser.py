"""The published report as a reader sees it: headless Chromium opens the HTML file."""

from __future__ import annotations

import pytest

from tests.browser import Browser, find_chromium
from tests.conftest import REPORT_DATE

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
def desktop(browser, published):
    reports, _ = published
    browser.open(reports / REPORT_DATE / "report.html")
    return browser.evaluate(PAGE_FACTS), browser.requests()


def test_report_fetches_nothing_from_the_network(desktop):
    facts, requests = desktop
    assert facts["scripts_with_src"] == 0
    assert facts["links_to_styles"] == []
    fetched = [url for url in requests if not url.startswith(("file:", "data:", "about:"))]
    assert fetched == []


def test_report_shows_its_sections_and_every_chart_decodes(desktop):
    facts, _ = desktop
    for heading in ("Coverage report", "Articles", "Keyword trends", "Hits in context",
                    "Sources", "Figures", "Removed text", "Provenance"):
        assert any(shown.startswith(heading) for shown in facts["headings"]), heading
    assert facts["images"] == 6
    assert facts["decoded"] == facts["images"]
    assert facts["code_cells"] == 0


def test_report_text_shows_the_seed_findings(desktop):
    facts, _ = desktop
    text = facts["text"]
    assert "The New York Times" in text and "30,000" in text
    assert "Title 42" in text
    assert "Your support helps us to tell the story" in text  # in the removed-text audit


def test_report_reads_on_a_phone_without_sideways_scrolling(browser, published):
    reports, _ = published
    browser.open(reports / REPORT_DATE / "report.html", width=390, height=844, mobile=True)
    facts = browser.evaluate(PAGE_FACTS)
    assert facts["overflow"] <= 1, f"page is {facts['overflow']} px wider than a phone"


def test_index_links_to_the_report(browser, published):
    reports, _ = published
    browser.open(reports / "index.html")
    links = browser.evaluate("[...document.links].map(a => a.href)")
    assert any(link.endswith(f"/{REPORT_DATE}/report.html") for link in links)
