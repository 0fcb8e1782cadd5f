"""E-mail the people who follow a scheduled report: what it found, or that it failed.

The mail server comes from the environment or from a TOML file (``--notify-config``),
never from the command line, and the password is never printed or logged:

    NEWS_WORKBOOK_SMTP_HOST      the server (required)
    NEWS_WORKBOOK_SMTP_PORT      default 587 (starttls), 465 (ssl) or 25 (none)
    NEWS_WORKBOOK_SMTP_TLS       starttls (default), ssl or none
    NEWS_WORKBOOK_SMTP_USER      and NEWS_WORKBOOK_SMTP_PASSWORD, to log in (optional)
    NEWS_WORKBOOK_SMTP_FROM      the sender (default: news-workbook@<this host>)

The file holds the same settings under ``[smtp]`` (host, port, tls, user, password,
from); a variable that is set wins over the file. A message that cannot be sent is a
warning: it never turns a good run into a failed one.
"""

from __future__ import annotations

import html
import os
import smtplib
import socket
import ssl
import tomllib
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

ENVIRONMENT = "NEWS_WORKBOOK_SMTP_"
TLS_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
# A report larger than this is linked by its path instead of attached.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 30


class NotifyError(ValueError):
    """The mail settings are missing or wrong; the message names the setting."""


@dataclass(frozen=True)
class MailSettings:
    """Where and how to send mail (the password is kept out of its repr)."""

    host: str
    port: int
    tls: str
    user: str
    sender: str
    password: str = ""

    def __repr__(self) -> str:
        return (f"MailSettings(host={self.host!r}, port={self.port}, tls={self.tls!r}, "
                f"user={self.user!r}, sender={self.sender!r})")


def mail_settings(config: Path | None = None) -> MailSettings:
    """Return the mail settings from the environment and the optional TOML ``config``.

    Raises NotifyError naming the setting when the host is missing, the port is not a
    number or the TLS mode is unknown, or when the file cannot be read.
    """
    values: dict[str, object] = {}
    if config is not None:
        try:
            values = dict(tomllib.loads(config.read_text(encoding="utf-8")).get("smtp", {}))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise NotifyError(f"{config}: cannot read the mail settings ({error})") from None
    for name in ("host", "port", "tls", "user", "password", "from"):
        if os.environ.get(ENVIRONMENT + name.upper()):
            values[name] = os.environ[ENVIRONMENT + name.upper()]
    host = str(values.get("host", "")).strip()
    if not host:
        raise NotifyError(f"no mail server: set {ENVIRONMENT}HOST (or host under [smtp] in "
                          f"--notify-config)")
    tls = str(values.get("tls", "starttls")).strip().lower()
    if tls not in TLS_MODES:
        raise NotifyError(f"mail setting tls {tls!r} is not one of {', '.join(TLS_MODES)}")
    try:
        port = int(values.get("port", DEFAULT_PORTS[tls]))
    except (TypeError, ValueError):
        raise NotifyError(f"mail setting port {values.get('port')!r} is not a number") from None
    sender = str(values.get("from", "")) or f"news-workbook@{socket.gethostname()}"
    return MailSettings(host=host, port=port, tls=tls, user=str(values.get("user", "")),
                        sender=sender, password=str(values.get("password", "")))


def report_message(settings: MailSettings, recipients: list[str], *, title: str,
                   findings: list[str], report: Path) -> EmailMessage:
    """Return the mail of a published report: its key findings (what changed first) in
    the body, the report attached, or its path when it is too large to attach."""
    attach = report.stat().st_size <= MAX_ATTACHMENT_BYTES
    where = ("The report is attached: one HTML file that opens offline in any browser."
             if attach else f"The report is too large to attach; it is at {report}.")
    text = "\n".join([title, "", "Key findings:", *(f"- {line}" for line in findings), "",
                      where, f"Published at: {report}"])
    items = "".join(f"<li>{html.escape(line)}</li>" for line in findings)
    body = (f"<h2>{html.escape(title)}</h2><p><strong>Key findings</strong></p><ul>{items}</ul>"
            f"<p>{html.escape(where)}</p><p>Published at: {html.escape(str(report))}</p>")
    message = _message(settings, recipients, subject=title, text=text, html_body=body)
    if attach:
        message.add_attachment(report.read_bytes(), maintype="text", subtype="html",
                               filename=report.name)
    return message


def failure_message(settings: MailSettings, recipients: list[str], *, title: str,
                    error: str, log_tail: list[str]) -> EmailMessage:
    """Return the short mail of a failed run: the error and the last lines of its log."""
    text = "\n".join([title, "", error, "", "Last lines of the log:", *log_tail, "",
                      "The last good report and the index are unchanged."])
    body = (f"<h2>{html.escape(title)}</h2><p>{html.escape(error)}</p>"
            f"<p>Last lines of the log:</p><pre>{html.escape(chr(10).join(log_tail))}</pre>"
            f"<p>The last good report and the index are unchanged.</p>")
    return _message(settings, recipients, subject=title, text=text, html_body=body)


def _message(settings: MailSettings, recipients: list[str], *, subject: str, text: str,
             html_body: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.sender
    message["To"] = ", ".join(recipients)
    message.set_content(text)
    message.add_alternative(f"<html><body>{html_body}</body></html>", subtype="html")
    return message


def send(settings: MailSettings, message: EmailMessage) -> None:
    """Send ``message``; raises OSError or smtplib.SMTPException when it cannot be sent."""
    context = ssl.create_default_context()
    if settings.tls == "ssl":
        client = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT_SECONDS,
                                  context=context)
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
    with client:
        if settings.tls == "starttls":
            client.starttls(context=context)
        if settings.user:
            client.login(settings.user, settings.password)
        client.send_message(message)
