"""What is logged: never the token (not even in a traceback or an error reply), no health details at INFO."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from support.harness import TEST_TOKEN, Harness, onboard

from coachbot import logsetup
from coachbot.sandbox import Fault

SECRET_PART = TEST_TOKEN.split(":")[1]
# Something a person might type that counts as health detail; it must never reach INFO logs.
HEALTH_TEXT = "my left eyelid twitched 40 times after 5 coffees SENTINEL-4711"


@pytest.fixture
def production_logging(caplog: pytest.LogCaptureFixture) -> Iterator[io.StringIO]:
    """The operator's logging setup (redacting formatter, quiet httpx) at DEBUG, plus caplog."""
    stream = io.StringIO()
    logsetup.configure("DEBUG", secrets=[TEST_TOKEN], stream=stream)
    caplog.set_level(logging.DEBUG)
    try:
        yield stream
    finally:
        logging.getLogger().handlers[:] = [h for h in logging.getLogger().handlers
                                           if not isinstance(h.formatter, logsetup.RedactingFormatter)]


def record_texts(caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    """Every captured record fully rendered, traceback included."""
    fmt = logging.Formatter("%(name)s %(message)s")
    return [(r.levelno, fmt.format(r)) for r in caplog.records]


async def test_an_e2e_flow_with_a_forced_error_leaks_nothing(
        bot: Harness, production_logging: io.StringIO, caplog: pytest.LogCaptureFixture) -> None:
    user = bot.user(3001)
    await onboard(bot, user)
    await user.send(HEALTH_TEXT)
    await bot.idle()
    await user.send("/settings")
    await bot.idle()
    # A forced failure: Telegram refuses the reply, the handler raises, the error handler runs.
    bot.sandbox.inject(Fault(method="sendMessage", kind="500", times=1))
    await user.send(HEALTH_TEXT)
    await bot.idle()
    assert any("Sorry, something went wrong" in (m.text or "") for m in user.messages), "the person was told"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and errors[0].exc_info, "the forced error was logged with its traceback"

    rendered = record_texts(caplog)
    assert rendered
    for level, text in rendered:
        assert SECRET_PART not in text, text
        if level >= logging.INFO:
            assert "SENTINEL-4711" not in text, text
    out = production_logging.getvalue()
    assert out
    for line in out.splitlines():
        assert SECRET_PART not in line
        if " INFO " in line or " WARNING " in line or " ERROR " in line:
            assert "SENTINEL-4711" not in line
    for message in user.messages:
        assert SECRET_PART not in (message.text or "") and "Traceback" not in (message.text or "")


async def test_httpx_request_lines_which_hold_the_token_stay_below_the_output(
        bot: Harness, production_logging: io.StringIO, caplog: pytest.LogCaptureFixture) -> None:
    user = bot.user(3002)
    await user.send("/help")
    await bot.idle()
    assert not [r for r in caplog.records if r.name.startswith(("httpx", "httpcore")) and r.levelno < logging.WARNING]
    assert SECRET_PART not in production_logging.getvalue()
