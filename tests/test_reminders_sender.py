"""The paced sender on its own: pacing, RetryAfter, Forbidden and other errors."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from telegram.error import Forbidden, NetworkError, RetryAfter

from coachbot.reminders.sender import Outcome, PacedSender


class FakeBot:
    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.sent: list[tuple[int, float]] = []

    async def send_message(self, chat_id: int, text: str, **_: Any) -> None:
        if self.errors:
            raise self.errors.pop(0)
        self.sent.append((chat_id, time.monotonic()))


async def test_global_rate_is_respected() -> None:
    bot = FakeBot()
    sender = PacedSender(bot, rate=50, per_chat_interval=1.0)  # type: ignore[arg-type]
    started = time.monotonic()
    outcomes = await asyncio.gather(*(sender.send(chat, "hi") for chat in range(11)))
    assert all(o is Outcome.SENT for o in outcomes)
    assert time.monotonic() - started >= 10 / 50 * 0.9
    stamps = sorted(t for _, t in bot.sent)
    assert all(b - a >= 1 / 50 * 0.8 for a, b in zip(stamps, stamps[1:], strict=False))


async def test_one_chat_gets_at_most_one_message_per_interval() -> None:
    bot = FakeBot()
    sender = PacedSender(bot, rate=100, per_chat_interval=0.3)  # type: ignore[arg-type]
    await asyncio.gather(sender.send(7, "a"), sender.send(7, "b"))
    (_, first), (_, second) = bot.sent
    assert second - first >= 0.3 * 0.9


async def test_retry_after_waits_and_retries() -> None:
    bot = FakeBot(RetryAfter(1))
    sender = PacedSender(bot, rate=30, per_chat_interval=0.0)  # type: ignore[arg-type]
    started = time.monotonic()
    assert await sender.send(1, "hi") is Outcome.SENT
    assert time.monotonic() - started >= 0.95 and len(bot.sent) == 1 and sender.flood_waits == 1


async def test_forbidden_and_other_errors() -> None:
    assert await PacedSender(FakeBot(Forbidden("blocked")), rate=30, per_chat_interval=0).send(1, "x") \
        is Outcome.BLOCKED  # type: ignore[arg-type]
    assert await PacedSender(FakeBot(NetworkError("down")), rate=30, per_chat_interval=0).send(1, "x") \
        is Outcome.RETRY  # type: ignore[arg-type]
