"""The paced sender on its own: pacing, RetryAfter, Forbidden and other errors."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from support.virtual_time import VirtualTime
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from coachbot.reminders.sender import Outcome, PacedSender


@pytest.fixture
def vt() -> VirtualTime:
    return VirtualTime()


class FakeBot:
    def __init__(self, *errors: Exception, vt: VirtualTime | None = None) -> None:
        self.errors = list(errors)
        self.vt = vt or VirtualTime()
        self.sent: list[tuple[int, float]] = []

    async def send_message(self, chat_id: int, text: str, **_: Any) -> None:
        if self.errors:
            raise self.errors.pop(0)
        self.sent.append((chat_id, self.vt.time()))


def sender_for(bot: FakeBot, **kw: Any) -> PacedSender:
    return PacedSender(bot, timer=bot.vt, **kw)  # type: ignore[arg-type]


async def test_global_rate_is_respected(vt: VirtualTime) -> None:
    bot = FakeBot(vt=vt)
    sender = sender_for(bot, rate=50, per_chat_interval=1.0)
    started = vt.time()
    outcomes = await vt.run(asyncio.gather(*(sender.send(chat, "hi") for chat in range(11))))
    assert all(o is Outcome.SENT for o in outcomes)
    stamps = sorted(t for _, t in bot.sent)
    assert stamps[0] == started and stamps[-1] - started == pytest.approx(10 / 50)
    assert all(b - a >= 1 / 50 - 1e-9 for a, b in zip(stamps, stamps[1:], strict=False))


async def test_one_chat_gets_at_most_one_message_per_interval(vt: VirtualTime) -> None:
    bot = FakeBot(vt=vt)
    sender = sender_for(bot, rate=100, per_chat_interval=0.3)
    await vt.run(asyncio.gather(sender.send(7, "a"), sender.send(7, "b")))
    (_, first), (_, second) = bot.sent
    assert second - first == pytest.approx(0.3)


async def test_retry_after_waits_and_retries(vt: VirtualTime) -> None:
    bot = FakeBot(RetryAfter(1), vt=vt)
    sender = sender_for(bot, rate=30, per_chat_interval=0.0)
    started = vt.time()
    assert await vt.run(sender.send(1, "hi")) is Outcome.SENT
    assert len(bot.sent) == 1 and sender.flood_waits == 1
    assert bot.sent[0][1] - started == pytest.approx(1.0)


async def test_forbidden_and_other_errors() -> None:
    assert await PacedSender(FakeBot(Forbidden("blocked")), rate=30, per_chat_interval=0).send(1, "x") \
        is Outcome.BLOCKED  # type: ignore[arg-type]
    for transient in (NetworkError("Internal Server Error (500)"), TimedOut()):
        assert await PacedSender(FakeBot(transient), rate=30, per_chat_interval=0).send(1, "x") \
            is Outcome.RETRY  # type: ignore[arg-type]
    assert await PacedSender(FakeBot(BadRequest("chat not found")), rate=30, per_chat_interval=0).send(1, "x") \
        is Outcome.FAILED  # type: ignore[arg-type]


async def test_a_slot_is_held_until_the_send_is_recorded(vt: VirtualTime) -> None:
    """At most `concurrency` messages can be out but not yet recorded: the duplicate bound at a crash."""
    bot = FakeBot(vt=vt)
    sender = sender_for(bot, rate=1000, per_chat_interval=0, concurrency=3)
    release = asyncio.Event()
    unrecorded = 0

    async def record() -> None:
        nonlocal unrecorded
        unrecorded += 1
        await release.wait()

    tasks = [asyncio.create_task(sender.send(chat, "x", on_sent=record)) for chat in range(10)]
    await vt.advance(0.5)
    assert len(bot.sent) == unrecorded == 3, "the fourth send waits until one of the three is recorded"
    release.set()
    assert all(o is Outcome.SENT for o in await vt.run(asyncio.gather(*tasks))) and len(bot.sent) == 10
