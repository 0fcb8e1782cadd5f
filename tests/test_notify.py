"""Notifications: a local mail server receives the report, a failure notice, or nothing."""

from __future__ import annotations

import email
import email.policy
import os
import socket
import subprocess
import sys

import pytest

from tests.conftest import REPO, SEEDS

PASSWORD = "not-in-any-log-7f3a"


@pytest.fixture
def mail_server():
    """A local SMTP server that keeps every message it receives."""
    from aiosmtpd.controller import Controller

    class Keeper:
        def __init__(self):
            self.messages: list[email.message.EmailMessage] = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append(email.message_from_bytes(envelope.content,
                                                          policy=email.policy.default))
            return "250 OK"

    keeper = Keeper()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(keeper, hostname="127.0.0.1", port=port)
    controller.start()
    yield keeper, port
    controller.stop()


def anonymous_in_all(tables) -> str:
    """The anonymous-citation count of the key findings, from the report's tables."""
    import pandas as pd

    articles = pd.read_parquet(tables / "articles.parquet")
    counted = articles[(articles["duplicate_of"] == "") & articles["analysed"]]
    attributions = pd.read_parquet(tables / "attributions.parquet")
    cited = attributions[attributions["citation"]
                         & attributions["article_id"].isin(counted["article_id"])]
    return f"{(cited['source_kind'] == 'anonymous').sum()} of {len(cited)} in all"


def run_report(tmp_path, port, *arguments):
    environment = {**os.environ, "NEWS_WORKBOOK_SMTP_HOST": "127.0.0.1",
                   "NEWS_WORKBOOK_SMTP_PORT": str(port), "NEWS_WORKBOOK_SMTP_TLS": "none",
                   "NEWS_WORKBOOK_SMTP_PASSWORD": PASSWORD}
    return subprocess.run([sys.executable, "-m", "analysis", "report", "--reports-dir",
                           str(tmp_path / "reports"), "--date", "2024-01-31", *arguments],
                          cwd=REPO, env=environment, capture_output=True, text=True,
                          timeout=900)


def test_a_published_report_is_mailed_with_its_findings_and_attached(tmp_path, mail_server):
    keeper, port = mail_server
    result = run_report(tmp_path, port, "--corpus", str(SEEDS), "--notify", "desk@example.org",
                        "--notify", "editor@example.org")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "notified: desk@example.org, editor@example.org" in result.stdout
    (message,) = keeper.messages
    assert message["Subject"] == "Coverage report of 2024-01-31: seeds"
    assert message["To"] == "desk@example.org, editor@example.org"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Key findings:" in text and "Cited most:" in text
    assert anonymous_in_all(next((tmp_path / "reports").glob("*/tables"))) in text
    (attached,) = list(message.iter_attachments())
    assert attached.get_filename() == "report.html"
    assert b"Key findings" in attached.get_payload(decode=True)
    assert PASSWORD not in result.stdout + result.stderr


def test_a_failed_run_sends_a_short_notice_with_the_log_tail(tmp_path, mail_server):
    keeper, port = mail_server
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("")
    result = run_report(tmp_path, port, "--corpus", str(empty), "--notify", "desk@example.org")
    assert result.returncode == 2
    (message,) = keeper.messages
    assert message["Subject"] == "Coverage report failed"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "no usable article" in text and "blank.txt: empty text" in text
    assert "The last good report and the index are unchanged." in text
    assert not list(message.iter_attachments())


def test_a_mail_that_cannot_be_sent_is_a_warning_not_a_failure(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]  # nothing listens once the probe is closed
    result = run_report(tmp_path, closed, "--corpus", str(SEEDS), "--notify", "desk@example.org")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "warning: could not send the notification to desk@example.org" in result.stderr
    assert PASSWORD not in result.stdout + result.stderr


def test_a_run_with_nothing_new_can_stay_silent(tmp_path, mail_server):
    keeper, port = mail_server
    assert run_report(tmp_path, port, "--corpus", str(SEEDS)).returncode == 0
    quiet = run_report(tmp_path, port, "--corpus", str(SEEDS), "--notify", "desk@example.org",
                       "--quiet-if-unchanged")
    assert quiet.returncode == 0 and quiet.stdout == "" and keeper.messages == []


def test_notify_without_a_mail_server_exits_2_naming_the_setting(tmp_path):
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith("NEWS_WORKBOOK_SMTP_")}
    result = subprocess.run([sys.executable, "-m", "analysis", "report", "--reports-dir",
                             str(tmp_path), "--notify", "desk@example.org"], cwd=REPO,
                            env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "NEWS_WORKBOOK_SMTP_HOST" in result.stderr
