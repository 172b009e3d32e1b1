"""Logging that can never print the bot token, and keeps httpx's URL logs (which hold it) quiet."""

from __future__ import annotations

import copy
import logging
import re
import sys

TOKEN_SHAPE = re.compile(r"\d{3,12}:[A-Za-z0-9_-]{20,}")
CONTROL = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


def escape_controls(text: str) -> str:
    """Control characters (newlines included) as visible escapes: one record, one line."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                       else f"\\u{ord(m.group()):04x}", text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes the token and anything shaped like one (tracebacks included)."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        safe = escape_controls(message)   # a name with a newline cannot forge a second log line
        if safe != message:
            record = copy.copy(record)
            record.msg, record.args = safe, None
        return redact(super().format(record), self.secrets)


def redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "<redacted>")
    return TOKEN_SHAPE.sub("<redacted>", text)


def configure(level: str = "INFO", secrets: list[str] | None = None, stream: object = None) -> None:
    handler = logging.StreamHandler(stream or sys.stderr)  # type: ignore[arg-type]
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets or []))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # Request logs carry the token inside the URL; only warnings and worse get through.
    for noisy in ("httpx", "httpcore", "apscheduler", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
