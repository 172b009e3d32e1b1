"""The shared pacer: overall rate, replies ahead of a reminder burst, a 429 holds back one chat or everyone."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import pytest
from support.rates import busiest_window
from support.virtual_time import VirtualTime
from telegram.error import RetryAfter

from coachbot.pacer import SharedPacer, background_sends, overall_limit_hit
from coachbot.reminders.sender import Outcome, PacedSender
from coachbot.sandbox.limits import PER_CHAT_BURST, FloodControl
from coachbot.sandbox.models import ApiError


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


async def test_no_second_holds_more_than_the_rate_even_after_a_quiet_spell(vt: VirtualTime) -> None:
    """The bucket's burst (capacity) alone would put capacity + rate sends into the first second."""
    pacer, rec = SharedPacer(10, timer=vt), Recorder(vt)
    await vt.run(asyncio.gather(*(background(pacer, rec) for _ in range(40)),
                                *(call(pacer, rec, "reply") for _ in range(5))))
    stamps = [t for _, t in rec.calls]
    assert busiest_window(stamps, 1.0) == 10
    assert max(stamps) - min(stamps) < 45 / 10, "and the whole rate is still used"


async def test_three_processes_sharing_the_budget_stay_under_it_together(vt: VirtualTime) -> None:
    """Each worker's pacer gets global_rate / 3 (ReminderEngine.share_budget), its burst shrinking too;
    here time runs 10x faster (rate_scale 10), so a second is 0.1 s."""
    pacers = [SharedPacer(290, window=0.1, timer=vt) for _ in range(3)]
    full = pacers[0].capacity
    rec = Recorder(vt)
    for p in pacers:
        p.set_rate(290 / 3, spread=1.1)
    assert pacers[0].capacity < full
    await vt.run(asyncio.gather(*(background(p, rec) for p in pacers for _ in range(60))))
    stamps = [t for _, t in rec.calls]
    assert busiest_window(stamps, 0.1) <= 29
    rng = random.Random(7)   # each send reaches Telegram up to 0.09 (scaled) s late
    assert busiest_window([t + rng.uniform(0, 0.009) for t in stamps], 0.1) <= 29
    assert max(stamps) - min(stamps) < 180 / 290 * 1.4, "most of the budget is used"


async def test_several_processes_space_their_sends_evenly_also_when_their_share_changes(vt: VirtualTime) -> None:
    """With several workers each one's sends are spaced evenly (spread × window / share), not sent in
    bursts: jitter on the way to Telegram then moves a send or two across a second's edge, never a
    whole burst (three real workers at x10: 38-59 in one scaled second with bursts). When a worker
    dies the others take its share (set_rate) from their next send on, still evenly."""
    pacers = [SharedPacer(290, window=0.1, timer=vt) for _ in range(3)]
    recs = [Recorder(vt) for _ in pacers]
    for p in pacers:
        p.set_rate(290 / 3, spread=1.1)

    async def worker(i: int, count: int) -> None:
        for _ in range(count):
            with background_sends():
                await pacers[i].process_request(recs[i], ("reminder",), {}, "sendMessage", {"chat_id": 1}, None)

    await vt.run(asyncio.gather(*(worker(i, 30) for i in range(3))))
    switched = vt.time()
    for p in pacers[1:]:   # worker 0 died; its heartbeat aged out
        p.set_rate(290 / 2, spread=1.1)
    await vt.run(asyncio.gather(worker(1, 40), worker(2, 40)))
    for i, rec in enumerate(recs):
        stamps = [t for _, t in rec.calls]
        gaps = [(b - a, a) for a, b in zip(stamps, stamps[1:], strict=False)]
        assert all(g >= 0.11 / 9 - 1e-9 for g, at in gaps if at < switched), f"worker {i}: 9 per 0.11 s, evenly"
        if i:
            assert all(g >= 0.11 / 14 - 1e-9 for g, _ in gaps), f"worker {i}: then 14 per 0.11 s, evenly"
            assert min(g for g, at in gaps if at >= switched) < 0.11 / 9, f"worker {i}: the larger share is used"
    stamps = [t for rec in recs for _, t in rec.calls]
    rng = random.Random(11)   # each send reaches Telegram up to 0.09 (scaled) s late
    assert busiest_window([t + rng.uniform(0, 0.009) for t in stamps], 0.1) <= 29


class StallingTelegram:
    """Telegram's flood control (the sandbox's buckets) behind a link that stalls once: calls made
    during the stall reach Telegram together when it ends, as after a network or server hiccup."""

    def __init__(self, vt: VirtualTime, stall: tuple[float, float]) -> None:
        self.vt, self.stall = vt, stall
        self.flood = FloodControl(30, 30, 1, PER_CHAT_BURST)
        self.refused = 0
        self.arrived: list[float] = []

    async def __call__(self, chat: int) -> bool:
        start, end = self.stall
        if start <= self.vt.time() < end:
            await self.vt.sleep(end - self.vt.time())
        try:
            self.flood.check(chat, self.vt.time())
        except ApiError:
            self.refused += 1
            raise RetryAfter(1) from None
        self.arrived.append(self.vt.time())
        return True


async def test_a_stall_on_telegrams_side_delivers_no_more_than_its_allowance_at_once(vt: VirtualTime) -> None:
    """A 3 s hiccup mid-burst: at 30/s, 90 sends would pile up and reach Telegram together, and it
    refuses everything past one second's allowance. Outstanding calls stay under it (flight_cap)."""
    pacer = SharedPacer(30, timer=vt)
    telegram = StallingTelegram(vt, (vt.time() + 2.0, vt.time() + 5.0))

    async def remind(chat: int) -> None:
        with background_sends():
            await pacer.process_request(telegram, (chat,), {}, "sendMessage", {"chat_id": chat}, None)

    await vt.run(asyncio.gather(*(remind(chat) for chat in range(300))))
    assert telegram.refused == 0 and pacer.flood_waits == 0
    assert len(telegram.arrived) == 300
    assert pacer.flight_cap == 24 < telegram.arrived.count(telegram.stall[1]) <= 30  # the pile, then a few new
