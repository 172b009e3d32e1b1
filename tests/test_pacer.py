"""The shared pacer: overall rate, replies ahead of a reminder burst, a 429 holds back one chat or everyone."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from support.virtual_time import VirtualTime
from telegram.error import RetryAfter

from coachbot.pacer import SharedPacer, background_sends, overall_limit_hit
from coachbot.reminders.sender import Outcome, PacedSender


@pytest.fixture
def vt() -> VirtualTime:
    return VirtualTime()


class Recorder:
    """Stands in for the HTTP call: records when (virtual time) it ran; can fail first with given errors."""

    def __init__(self, vt: VirtualTime, *errors: Exception) -> None:
        self.vt = vt
        self.errors = list(errors)
        self.calls: list[tuple[str, float]] = []

    async def __call__(self, kind: str) -> bool:
        if self.errors:
            raise self.errors.pop(0)
        self.calls.append((kind, self.vt.time()))
        return True


async def call(pacer: SharedPacer, rec: Recorder, kind: str, *, chat: int | None = 1) -> Any:
    data = {} if chat is None else {"chat_id": chat}
    return await pacer.process_request(rec, (kind,), {}, "sendMessage", data, None)


async def background(pacer: SharedPacer, rec: Recorder) -> None:
    with background_sends():
        await call(pacer, rec, "reminder")


async def test_overall_rate_is_respected_for_everyone(vt: VirtualTime) -> None:
    pacer, rec = SharedPacer(200, timer=vt), Recorder(vt)
    started = vt.time()
    await vt.run(asyncio.gather(*(background(pacer, rec) for _ in range(30)),
                                *(call(pacer, rec, "reply") for _ in range(10))))
    # 40 calls: at most `capacity` of them at once, the rest at 200/s, at every moment
    stamps = sorted(t for _, t in rec.calls)
    assert len(stamps) == 40
    for n, at in enumerate(stamps, start=1):
        assert n <= pacer.capacity + (at - started) * 200 + 1e-6, (n, at - started)
    assert stamps[-1] - started >= (40 - pacer.capacity) / 200 - 1e-9


async def test_a_reply_does_not_wait_behind_a_reminder_burst(vt: VirtualTime) -> None:
    pacer, rec = SharedPacer(100, timer=vt), Recorder(vt)
    burst = [asyncio.create_task(background(pacer, rec)) for _ in range(60)]
    await vt.advance(0.1)  # the burst is running at the ceiling
    assert 5 < len(rec.calls) < 60
    asked = vt.time()
    await vt.run(call(pacer, rec, "reply"))
    assert vt.time() - asked < 0.001  # the reserve is there for it: no waiting at all
    await vt.run(asyncio.gather(*burst))
    kinds = [k for k, _ in rec.calls]
    assert kinds.count("reminder") == 60 and kinds.index("reply") < 59


async def test_calls_without_a_chat_are_not_paced(vt: VirtualTime) -> None:
    pacer, rec = SharedPacer(1, timer=vt), Recorder(vt)
    started = vt.time()
    await vt.run(asyncio.gather(*(call(pacer, rec, "answer", chat=None) for _ in range(20))))
    assert len(rec.calls) == 20 and vt.time() == started


class ChatRecorder:
    """The HTTP call per chat: refuses the first call of each chat in `refuse` with a 429."""

    def __init__(self, vt: VirtualTime, refuse: set[int], wait: float) -> None:
        self.vt = vt
        self.refuse, self.wait = set(refuse), wait
        self.calls: list[int] = []
        self.at: list[float] = []

    async def __call__(self, chat: int) -> bool:
        if chat in self.refuse:
            self.refuse.discard(chat)
            raise RetryAfter(self.wait)  # type: ignore[arg-type]
        self.calls.append(chat)
        self.at.append(self.vt.time())
        return True


async def send(pacer: SharedPacer, rec: ChatRecorder, chat: int) -> Any:
    return await pacer.process_request(rec, (chat,), {}, "sendMessage", {"chat_id": chat}, None)


@pytest.mark.parametrize(("refused_chats", "sends", "chats", "overall"), [
    (1, 0, 0, False),     # one chat refused while the bot is quiet: that chat's limit
    (1, 3, 1, False),     # a burst to one person: still that chat's limit
    (1, 29, 1, False),    # however many messages, one chat is one chat
    (1, 20, 12, False),   # busy, but well under the overall rate
    (1, 24, 12, True),    # 80 % of the overall rate to many chats: the overall limit
    (1, 30, 2, True),
    (2, 0, 0, True),      # two chats refused within the window: the overall limit
    (5, 40, 30, True),
])
def test_whose_limit_a_429_points_at(refused_chats: int, sends: int, chats: int, overall: bool) -> None:
    assert overall_limit_hit(refused_chats, sends, chats, rate=30) is overall


async def test_one_chats_429_holds_back_only_that_chat(vt: VirtualTime) -> None:
    pacer, rec = SharedPacer(1000, timer=vt), ChatRecorder(vt, {1}, wait=0.3)
    refused_at = vt.time()
    first = asyncio.create_task(send(pacer, rec, 1))
    await vt.advance(0.01)                         # chat 1 was refused and waits
    assert await vt.run(send(pacer, rec, 2)) is True   # chat 2 goes out meanwhile
    assert rec.at == [refused_at + 0.01]
    assert await vt.run(first) is True
    assert rec.calls == [2, 1] and rec.at[1] >= refused_at + 0.3
    assert (pacer.flood_waits, pacer.chat_flood_waits) == (0, 1)


async def test_several_chats_refused_hold_back_everyone(vt: VirtualTime) -> None:
    pacer, rec = SharedPacer(1000, timer=vt), ChatRecorder(vt, {1, 2}, wait=0.3)
    refused = [asyncio.create_task(send(pacer, rec, chat)) for chat in (1, 2)]
    await vt.advance(0.01)
    assert await vt.run(send(pacer, rec, 3)) is True   # waits for the pause like everyone else
    assert all(await vt.run(asyncio.gather(*refused)))
    assert pacer.flood_waits == 1 and sorted(rec.calls) == [1, 2, 3]
    assert min(rec.at) >= pacer._flood_until        # nobody, chat 3 included, went out during the pause


class PacedBot:
    """A bot whose rate limiter is the shared pacer, as build_application makes it."""

    def __init__(self, pacer: SharedPacer, vt: VirtualTime) -> None:
        self.rate_limiter = pacer
        self.rec = Recorder(vt)

    async def send_message(self, chat_id: int, text: str, **_: Any) -> None:
        await self.rate_limiter.process_request(self.rec, ("reminder",), {}, "sendMessage",
                                                {"chat_id": chat_id}, None)


async def test_reminders_sender_leaves_the_overall_rate_to_the_pacer(vt: VirtualTime) -> None:
    bot = PacedBot(SharedPacer(500, timer=vt), vt)
    sender = PacedSender(bot, rate=1, per_chat_interval=0, timer=vt)  # type: ignore[arg-type]
    started = vt.time()
    outcomes = await vt.run(asyncio.gather(*(sender.send(chat, "hi") for chat in range(20))))
    assert all(o is Outcome.SENT for o in outcomes)
    assert vt.time() - started <= 20 / 500  # 500/s from the pacer, not 1/s from the sender

