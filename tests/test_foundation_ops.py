"""Operator-facing promises of the foundation: no token in logs, `coachbot chat` scripted through a pipe."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from support.harness import TEST_TOKEN, Harness, onboard

from coachbot import logsetup
from coachbot.sandbox import Fault

ROOT = Path(__file__).resolve().parent.parent


async def test_token_appears_in_no_log_line_even_when_calls_fail(bot: Harness) -> None:
    stream = io.StringIO()
    logsetup.configure("DEBUG", secrets=[TEST_TOKEN], stream=stream)
    try:
        user = bot.user(2001)
        await onboard(bot, user)
        bot.sandbox.inject(Fault(method="sendMessage", kind="500", times=3))
        await user.send("/help")
        await bot.idle()
        logging.getLogger("test").error("a message quoting the token %s", TEST_TOKEN)
    finally:
        bot.sandbox.clear_faults()
        logging.getLogger().handlers.clear()
    text = stream.getvalue()
    assert text, "something was logged"
    assert TEST_TOKEN not in text
    assert TEST_TOKEN.split(":")[1] not in text
    assert "<redacted>" in text


def test_redaction_covers_token_shaped_strings_in_tracebacks() -> None:
    formatter = logsetup.RedactingFormatter("%(message)s", [])
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TEST_TOKEN}/sendMessage failed")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", None, sys.exc_info())
    out = formatter.format(record)
    assert TEST_TOKEN not in out and "Traceback" in out


@pytest.mark.subprocess
def test_onboarding_through_a_pipe_into_coachbot_chat(tmp_path: Path) -> None:
    script = "/start\n1\nLisbon\n3\n3\n3\n/settings\n"
    proc = subprocess.run(
        [sys.executable, "-m", "coachbot.cli", "chat", "--db", str(tmp_path / "chat.db")],
        input=script, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Which language" in out and "Europe/Lisbon" in out and "All set" in out
    assert "Check-in time: 20:00" in out
    assert "Traceback" not in proc.stderr
