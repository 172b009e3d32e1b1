"""Logging that can never print the bot token, and keeps httpx's URL logs (which hold it) quiet."""

from __future__ import annotations

import logging
import re
import sys

TOKEN_SHAPE = re.compile(r"\d{3,12}:[A-Za-z0-9_-]{20,}")


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes the token and anything shaped like one (tracebacks included)."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
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
