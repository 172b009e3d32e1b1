"""The shared pacer: overall rate, replies ahead of a reminder burst, RetryAfter pauses everyone."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from telegram.error import RetryAfter

from coachbot.pacer import SharedPacer, background_sends
from coachbot.reminders.sender import Outcome, PacedSender


class Recorder:
    """Stands in for the HTTP call: records when it ran; can fail first with given errors."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls: list[tuple[str, float]] = []

    async def __call__(self, kind: str) -> bool:
        if self.errors:
            raise self.errors.pop(0)
        self.calls.append((kind, time.monotonic()))
        return True


async def call(pacer: SharedPacer, rec: Recorder, kind: str, *, chat: int | None = 1) -> Any:
    data = {} if chat is None else {"chat_id": chat}
    return await pacer.process_request(rec, (kind,), {}, "sendMessage", data, None)


async def background(pacer: SharedPacer, rec: Recorder) -> None:
    with background_sends():
        await call(pacer, rec, "reminder")


async def test_overall_rate_is_respected_for_everyone() -> None:
    pacer, rec = SharedPacer(200), Recorder()
    started = time.monotonic()
    await asyncio.gather(*(background(pacer, rec) for _ in range(30)),
                         *(call(pacer, rec, "reply") for _ in range(10)))
    # 40 calls, at most `capacity` of them at once, the rest at 200/s
    assert time.monotonic() - started >= (40 - pacer.capacity) / 200 * 0.9


async def test_a_reply_does_not_wait_behind_a_reminder_burst() -> None:
    pacer, rec = SharedPacer(100), Recorder()
    burst = [asyncio.create_task(background(pacer, rec)) for _ in range(60)]
    await asyncio.sleep(0.1)  # the burst is running at the ceiling
    asked = time.monotonic()
    await call(pacer, rec, "reply")
    assert time.monotonic() - asked < 0.02  # the reserve is there for it
    await asyncio.gather(*burst)
    kinds = [k for k, _ in rec.calls]
    assert kinds.count("reminder") == 60 and kinds.index("reply") < 59


async def test_calls_without_a_chat_are_not_paced() -> None:
    pacer, rec = SharedPacer(1), Recorder()
    started = time.monotonic()
    await asyncio.gather(*(call(pacer, rec, "answer", chat=None) for _ in range(20)))
    assert time.monotonic() - started < 0.5


async def test_retry_after_pauses_everyone_and_retries() -> None:
    pacer, rec = SharedPacer(1000), Recorder(RetryAfter(0.2))  # type: ignore[arg-type]
    started = time.monotonic()
    assert await call(pacer, rec, "reply") is True
    await call(pacer, rec, "other")
    assert pacer.flood_waits == 1
    assert all(t - started >= 0.19 for _, t in rec.calls)


class PacedBot:
    """A bot whose rate limiter is the shared pacer, as build_application makes it."""

    def __init__(self, pacer: SharedPacer) -> None:
        self.rate_limiter = pacer
        self.rec = Recorder()

    async def send_message(self, chat_id: int, text: str, **_: Any) -> None:
        await self.rate_limiter.process_request(self.rec, ("reminder",), {}, "sendMessage",
                                                {"chat_id": chat_id}, None)


async def test_reminders_sender_leaves_the_overall_rate_to_the_pacer() -> None:
    bot = PacedBot(SharedPacer(500))
    sender = PacedSender(bot, rate=1, per_chat_interval=0)  # type: ignore[arg-type]
    started = time.monotonic()
    outcomes = await asyncio.gather(*(sender.send(chat, "hi") for chat in range(20)))
    assert all(o is Outcome.SENT for o in outcomes)
    assert time.monotonic() - started < 0.5  # 500/s from the pacer, not 1/s from the sender
