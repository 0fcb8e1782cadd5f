"""Progress lines for runs whose output goes to a log file rather than a terminal."""

import logging

from analysis.files import LogProgress, progress


def progress_lines(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records
            if record.name == "analysis.progress"]


def test_a_line_every_so_many_items_and_one_at_the_end(caplog):
    caplog.set_level(logging.INFO, logger="analysis.progress")
    with LogProgress(25, unit="article", desc="extract", every=10, seconds=3600) as bar:
        for _ in range(25):
            bar.update()
    lines = progress_lines(caplog)
    assert [line.split(",")[0] for line in lines] == [
        "extract: 10 of 25 articles (40%)", "extract: 20 of 25 articles (80%)",
        "extract: 25 of 25 articles (100%)"]


def test_a_slow_run_says_how_far_it_got_before_the_count_is_reached(caplog):
    caplog.set_level(logging.INFO, logger="analysis.progress")
    with LogProgress(924, unit="article", desc="extract", every=1000, seconds=0) as bar:
        bar.update(3)
    assert progress_lines(caplog)[0].startswith("extract: 3 of 924 articles (0%)")


def test_a_short_run_stays_silent(caplog):
    caplog.set_level(logging.INFO, logger="analysis.progress")
    with progress(5, unit="article", desc="extract", requested=False) as bar:
        bar.update(5)
    assert progress_lines(caplog) == []


def test_an_interrupted_run_has_no_closing_line(caplog):
    caplog.set_level(logging.INFO, logger="analysis.progress")
    try:
        with LogProgress(30, unit="file", desc="loading", every=10, seconds=3600) as bar:
            bar.update(15)
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert [line.split(",")[0] for line in progress_lines(caplog)] == [
        "loading: 15 of 30 files (50%)"]
