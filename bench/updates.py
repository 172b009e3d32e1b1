"""Update throughput and latency: many people tapping through today's check-in at once, over HTTP. Prints JSON.

    python bench/updates.py                  # the README's run: 1,000 people, capacity, then 80 % of it,
                                             # then the stock-PTB baseline
    python bench/updates.py --rate 240       # one run at an offered 240 updates/s
    python bench/updates.py --quick          # smoke test
    python bench/updates.py --storage postgresql --workers 3 --people 300 --rate 60
                                             # three bot processes on one PostgreSQL database

Each simulated person sends /checkin, then answers the nine questions of a
twitch day. Answers go out `--burst` at a time without waiting (a quick double
tap on consecutive questions), then the person waits for the bot's edits and
"thinks" for about `--think` seconds before the next burst. Latency is measured
per update, from the moment the sandbox queues it to the moment the bot's
reply or edit for it lands in the sandbox. At the end every person's stored
check-in must equal the answers in the order they were tapped: an update
handled out of order would be refused as stale and show up as a mismatch.

Capacity: `--people` start within the first half second and think at most half a
second between bursts, more than the bot can handle, so the bot runs flat out
(its latency then is mostly queueing). Whenever one of them is done, a new person
takes their place, for `--capacity-seconds` (30): the figure is what the bot
sustains with that many people at once, not a ten-second burst.
Offered rate (`--rate R`): people start one after another so that R updates a
second arrive on average (R/10 people a second, each tapping at their own pace),
which measures latency below saturation. The rate only holds once the first
people are leaving as fast as new ones arrive, so such a run also reports the
"steady" stretch on its own: from the first person's last tap to the last
person's first, the updates offered and their latency. The default run measures
capacity, then latency at 80 % of it with enough people for a minute of steady
stretch.

Baseline (same run): a stock PTB bot (bench/_stock_bot.py: httpx, AIORateLimiter,
one update at a time) answering the same taps: answer the callback, store the
tap in SQLite, edit the message.

`--storage postgresql` and `--workers N` (bench/_cluster.py) run the same people against
PostgreSQL and N bot processes behind a webhook; the figures then include the database
server's CPU and each worker's. The baseline runs only with the default storage and one process.

Looking at the tail: `BENCH_TIMELINE=PATH` writes every update's (time pushed, latency) of the
last run to PATH as JSON. Where the bot's CPU goes, without cProfile's inflation of small calls:
`py-spy record -s -r 250 -f raw -o spy.txt -- python bench/updates.py --rate 250 --no-baseline`
(the bench extra installs py-spy; its idle filter counts aiosqlite's waiting thread as busy).

The machine during each run: `machine_steal_pct` (time the hypervisor gave other guests, from
/proc/stat) and `machine_speed` (a fixed loop's CPU time, timed four times a second in a process
of its own). The 80 % run also reports `offered_vs_capacity_at_this_speed`: its offered rate
over the capacity, scaled by how much slower the loop ran than during the capacity run;
and `offered_vs_capacity_after_steal`: the same, also scaled by the CPU share the
hypervisor left the machine in each run.

The sandbox's flood limits are switched off and neither bot throttles: this
measures how fast a bot handles updates, not Telegram's per-chat ceiling
(1 message/s would cap one person's check-in at 10 s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _cluster
from bench._bot import bot_process
from bench._common import Replies, SpeedWatch, cpu_ticks, emit, load, machine, ms, pct, steal_pct
from coachbot.app import build_application, running
from coachbot.config import Defaults, Settings
from coachbot.domain.checkins import CheckinDay
from coachbot.handlers.checkin_views import button
from coachbot.sandbox import Sandbox
from coachbot.sandbox.steady import no_gc_pauses
from coachbot.storage import Storage

STEADY_S = 60.0   # the 80 % run has people enough to keep arriving for this long
CAPACITY_THINK_S = 0.5   # the capacity run's people start and think this fast: more than the bot handles
CAPACITY_S = 30.0   # the capacity run keeps --people tapping at once for this long (see `Crowd`)
MAX_UPDATES_PER_S = 3000   # more than any bot here handles: how many people to onboard for a capacity run
TOKEN = "1234567:BENCH-token-not-real-BENCH-token-1"
NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)  # 19:00 in Madrid
TODAY = date(2026, 3, 10)
# A twitch day, in the order a person answers it; the red-flag screen is due on a first check-in.
ANSWERS = [("t", "yes"), ("w", "face", 1), ("wd",), ("o", "onoff"), ("s", "mild"), ("st", 3),
           ("sl", "7to8"), ("m", "no"), ("fn",)]
EXPECTED = CheckinDay(day=TODAY, twitches=True, locations=("face",), frequency="onoff", intensity="mild",
                      stress=3, sleep="7to8", new_medicine=False, step=None)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--people", type=int, default=1000)
    p.add_argument("--rate", type=float, default=None,
                   help="offered updates/s (default: capacity, then 80 %% of it, then the baseline)")
    p.add_argument("--quick", action="store_true", help="a few people, one capacity run, no baseline")
    p.add_argument("--no-baseline", dest="baseline", action="store_false")
    p.add_argument("--think", type=float, default=2.5, help="seconds a person waits between bursts")
    p.add_argument("--burst", type=int, default=2, help="answers sent back to back without waiting")
    p.add_argument("--concurrency", type=int, default=64, help="PerPersonUpdateProcessor max_concurrent")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one reply")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--capacity-seconds", type=float, default=CAPACITY_S,
                   help="the capacity run keeps --people tapping at once for this long (0: one wave of --people)")
    p.add_argument("--bot", choices=("process", "inline"), default="process",
                   help="run the bot in its own process (default) or in this event loop")
    _cluster.add_options(p)
    args = p.parse_args(argv)
    _cluster.check_options(p, args)
    if args.quick:
        args.people, args.think, args.baseline = min(args.people, 20), min(args.think, 0.05), False
        args.capacity_seconds = 0.0
    if args.storage != "sqlite" or args.workers > 1:
        args.baseline = False   # the stock bot is a one-process SQLite bot
        if args.bot == "inline":
            p.error("--bot inline runs one bot on SQLite")
    return args


async def person(sb: Sandbox, replies: Replies, pid: int, args: argparse.Namespace,
                 rng: random.Random, taps: Taps, start: float) -> bool:
    """One person's check-in, starting `start` seconds in; False if a reply never came."""
    user = sb.user(pid)
    await asyncio.sleep(start)
    pushed = [time.perf_counter()]
    await user.send("/checkin")
    if not await replies.wait(pid, 1, args.timeout):
        return False
    prompt = user.last
    assert prompt is not None
    for i in range(0, len(ANSWERS), args.burst):
        for action, *rest in ANSWERS[i:i + args.burst]:
            pushed.append(time.perf_counter())
            await user.press_data(button(action, TODAY, *rest), prompt)
        if not await replies.wait(pid, len(pushed), args.timeout):
            return False
        if i + args.burst < len(ANSWERS):
            await asyncio.sleep(args.think * rng.uniform(0.5, 1.5))
    taps.add(pushed, replies.at[pid])
    return True


async def add_people(storage: Storage, count: int) -> None:
    """Onboarded people in Madrid, written through storage."""
    defaults = replace(Defaults(), timezone="Europe/Madrid")
    for pid in range(1, count + 1):
        await storage.people.create(pid, pid, "en", defaults, NOW, first_step="lang")
        await storage.people.set_state(pid, NOW, onboarding_step=None)


async def wrong_answers(storage: Storage, replies: Replies, count: int) -> int:
    """People whose stored check-in differs from the answers in tapping order (or who got extra messages)."""
    wrong = 0
    for pid in range(1, count + 1):
        day = await storage.checkins.get(pid, TODAY)
        screen = await storage.checkins.screen(pid, TODAY)
        if (day != EXPECTED or screen is None or not screen.complete
                or replies.count(pid) != len(ANSWERS) + 1):
            wrong += 1
    return wrong


def stock_wrong_answers(db: str, replies: Replies, count: int) -> int:
    """The baseline stores every tap; a person's taps must be stored in the order they were sent."""
    expected = [button(action, TODAY, *rest) for action, *rest in ANSWERS]
    con = sqlite3.connect(db)
    taps: dict[int, list[str]] = {}
    for pid, data in con.execute("SELECT person_id, data FROM stock_answers ORDER BY rowid"):
        taps.setdefault(pid, []).append(data)
    con.close()
    return sum(1 for pid in range(1, count + 1)
               if taps.get(pid) != expected or replies.count(pid) != len(ANSWERS) + 1)


@asynccontextmanager
async def inline_bot(db: str, sb: Sandbox, concurrency: int) -> AsyncIterator[dict]:
    settings = Settings(token=TOKEN, db_path=db, source="<bench>",
                        api_base_url=sb.base_url, api_file_url=sb.base_file_url)
    app = build_application(settings, clock=lambda: NOW, rate_limiter=False,
                            max_concurrent_updates=concurrency)
    async with running(app):
        yield {}


class Taps:
    """Every update pushed (when, and how long until its reply) and each person's first and last."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, float]] = []
        self.spans: list[tuple[float, float]] = []

    def add(self, pushed: list[float], replied: list[float]) -> None:
        self.samples.extend((q, r - q) for q, r in zip(pushed, replied, strict=False))
        self.spans.append((pushed[0], pushed[-1]))

    def latencies(self) -> list[float]:
        return [lat for _, lat in self.samples]

    def steady(self) -> dict | None:
        """The stretch where people leave as fast as they arrive: updates per second and latency."""
        if not self.spans:
            return None
        begin, end = min(last for _, last in self.spans), max(first for first, _ in self.spans)
        inside = [lat for at, lat in self.samples if begin <= at <= end]
        if end - begin < 1 or not inside:
            return None
        return {"seconds": round(end - begin, 1), "updates_per_s": round(len(inside) / (end - begin), 1),
                "latency_ms_p50": ms(pct(inside, 50)), "latency_ms_p95": ms(pct(inside, 95)),
                "latency_ms_p99": ms(pct(inside, 99)), "latency_ms_max": ms(max(inside))}


def process_cpu_s() -> float:
    """CPU seconds of this process: the sandbox playing Telegram and the people tapping."""
    t = os.times()
    return t.user + t.system


def varied(args: argparse.Namespace, **changes: Any) -> argparse.Namespace:
    """A copy of the options with some changed (one run's sizes)."""
    return argparse.Namespace(**{**vars(args), **changes})


def people_for(rate: float, args: argparse.Namespace) -> int:
    """People enough to keep arriving at `rate` for STEADY_S seconds (at least --people)."""
    return max(args.people, math.ceil(rate * STEADY_S / (len(ANSWERS) + 1)))


def starts(args: argparse.Namespace, rate: float | None, rng: random.Random) -> list[float]:
    """When each person begins: all within `think` s (capacity), or spread to offer `rate` updates/s."""
    if rate is None:
        return [rng.uniform(0, args.think) for _ in range(args.people)]
    gap = (len(ANSWERS) + 1) / rate   # seconds between two people starting
    at, out = 0.0, []
    for _ in range(args.people):
        out.append(at)
        at += rng.expovariate(1 / gap)
    return out


class Crowd:
    """Who taps in a run, and when: `size` people onboarded, the first `used` of them checked in."""

    def __init__(self, args: argparse.Namespace, rate: float | None) -> None:
        self.args, self.rate = args, rate
        self.sustained = rate is None and args.capacity_seconds > 0
        extra = math.ceil(args.capacity_seconds * MAX_UPDATES_PER_S / (len(ANSWERS) + 1)) if self.sustained else 0
        self.size, self.used = args.people + extra, 0

    async def run(self, tap: Callable[[int, float], Awaitable[bool]], rng: random.Random) -> list[bool]:
        """Everyone's check-in; each True if every reply came.

        One wave (`--rate`, or `--capacity-seconds 0`): --people begin at `starts`. Sustained
        capacity: --people slots, each starting a new person as soon as the last one is done,
        until `capacity_seconds` have passed. A single wave of 1,000 people lasts ~10 s: short
        enough to catch the machine at a fast moment and overstate what it sustains for the
        minute the 80 % run then lasts (see the README's performance section, session 12).
        """
        first = starts(self.args, self.rate, rng)
        self.used = len(first)
        if not self.sustained:
            return list(await asyncio.gather(*(tap(pid, start) for pid, start in enumerate(first, 1))))
        deadline = time.perf_counter() + self.args.capacity_seconds

        async def slot(pid: int, start: float) -> list[bool]:
            done = [await tap(pid, start)]
            while time.perf_counter() < deadline and self.used < self.size:
                self.used += 1
                done.append(await tap(self.used, 0.0))
            return done

        slots = await asyncio.gather(*(slot(pid, start) for pid, start in enumerate(first, 1)))
        return [ok for done in slots for ok in done]


def bots(args: argparse.Namespace, db: str, sb: Sandbox, stock: bool) -> AbstractAsyncContextManager[dict]:
    """The bot(s) answering: in a process (or N), inline in this loop, or the stock baseline."""
    if stock:
        return bot_process(db=db, base_url=sb.base_url, token=TOKEN, now=NOW, concurrency=args.concurrency,
                           stock=True)
    if args.bot == "inline":
        return inline_bot(db, sb, args.concurrency)
    return _cluster.workers(args.workers, db=db, sb=sb, token=TOKEN, now=NOW, concurrency=args.concurrency)


async def measure(args: argparse.Namespace, rate: float | None = None, stock: bool = False,
                  dbs: _cluster.Database | None = None) -> dict:
    """One run: our bot (or the stock-PTB baseline) at capacity or at an offered rate."""
    if dbs is None:
        async with _cluster.database(args.storage) as fresh:
            return await measure(args, rate, stock, fresh)
    if rate is None:   # capacity: people start and think faster than the bot can answer
        args = varied(args, think=min(args.think, CAPACITY_THINK_S))
    rng = random.Random(args.seed)
    crowd = Crowd(args, rate)
    db = await dbs.fresh()
    storage = Storage(db)
    await storage.open()
    await add_people(storage, crowd.size)
    async with Sandbox(token=TOKEN, rate_limits=False) as sb:
        replies = Replies(sb)
        async with bots(args, db, sb, stock) as bot_stats:
            db_cpu = dbs.cpu_s()   # from here on: the measured work, not start-up and migrations
            taps = Taps()
            started, own_cpu, calls_before = time.perf_counter(), process_cpu_s(), len(sb.calls)
            ticks = cpu_ticks()
            # the sandbox's collector pausing would read as the bot's latency
            with no_gc_pauses(), SpeedWatch() as speed:
                done = await crowd.run(lambda pid, start: person(sb, replies, pid, args, rng, taps, start), rng)
            elapsed, own_cpu = time.perf_counter() - started, process_cpu_s() - own_cpu
            steal = steal_pct(ticks, cpu_ticks())
            polls = sum(1 for call in sb.calls[calls_before:] if call.method.lower() == "getupdates")
        db_cpu = None if db_cpu is None else round((dbs.cpu_s() or 0) - db_cpu, 2)
        wrong = (stock_wrong_answers(db, replies, crowd.used) if stock
                 else await wrong_answers(storage, replies, crowd.used))
    await storage.close()
    if isinstance(bot_stats, _cluster.Workers):
        bot_stats = bot_stats.stats()
    if os.environ.get("BENCH_TIMELINE"):   # every update's (pushed, latency) for looking at the tail
        Path(os.environ["BENCH_TIMELINE"]).write_text(json.dumps([started, taps.samples]))
    latencies = taps.latencies()
    updates = len(latencies)
    answers = updates - sum(done)
    cpu = bot_stats.get("work_cpu_s")
    return {
        "storage": args.storage, "workers": 1 if stock else args.workers,
        "worker_cpu_s": bot_stats.get("worker_cpu_s"), "updates_per_worker": bot_stats.get("updates_per_worker"),
        "db_cpu_s": db_cpu, "db_cpu_ms_per_update": round(db_cpu * 1000 / len(latencies), 2)
        if db_cpu is not None and latencies else None,
        "bot": "stock-ptb" if stock else "coachbot", "people": crowd.used, "people_at_once": args.people,
        "sustained_s": args.capacity_seconds if crowd.sustained else None, "offered_updates_per_s": rate,
        "updates": updates, "answers": answers, "seconds": round(elapsed, 2),
        "updates_per_s": round(updates / elapsed, 1), "answers_per_s": round(answers / elapsed, 1),
        "latency_ms_p50": ms(pct(latencies, 50)), "latency_ms_p95": ms(pct(latencies, 95)),
        "latency_ms_p99": ms(pct(latencies, 99)), "latency_ms_max": ms(max(latencies, default=None)),
        "steady": taps.steady() if rate is not None else None,
        "updates_per_poll": round(updates / polls, 2) if polls and not args.workers > 1 else None,
        "unanswered_people": len(done) - sum(done), "order_violations": wrong,
        "order_preserved": wrong == 0 and all(done),
        "bot_cpu_s": cpu, "bot_startup_s": bot_stats.get("startup_s"), "bot_cpu_ms_per_update": round(cpu * 1000 / updates, 2) if cpu and updates else None,
        "sandbox_cpu_ms_per_update": round(own_cpu * 1000 / updates, 2) if updates else None,
        "cores_busy": round(((cpu or 0) + own_cpu) / elapsed, 2) if elapsed else None,
        "bot_rss_mb": bot_stats.get("rss_mb"), "bot_thread_cpu_s": bot_stats.get("thread_cpu_s"),
        "bot_event_loop": bot_stats.get("event_loop"), "machine_steal_pct": steal,
        "machine_speed": speed.summary(),
    }


def at_this_speed(rate: float, capacity: dict, run: dict) -> float | None:
    """The offered rate as a share of the capacity the machine had during `run`, not during the capacity run.

    "80 %" of a capacity measured while the machine was fast is more than 100 % once it slows down;
    the speed loop timed during each run (`SpeedWatch`) tells by how much. None without its figures.
    """
    if not (capacity["machine_speed"] and run["machine_speed"]):
        return None
    slower = run["machine_speed"]["loop_ms_p50"] / capacity["machine_speed"]["loop_ms_p50"]
    return round(rate / capacity["updates_per_s"] * slower, 2)


def after_steal(rate: float, capacity: dict, run: dict) -> float | None:
    """The offered rate as a share of the capacity left by the hypervisor during `run`.

    Time stolen for other guests is time the bot cannot run: a capacity measured while 5 % was
    stolen shrinks by a seventh when 18 % is. Speed and steal both, or None without their figures.
    """
    speed = at_this_speed(rate, capacity, run)
    stolen = capacity["machine_steal_pct"], run["machine_steal_pct"]
    if speed is None or None in stolen or stolen[1] >= 100:
        return None
    return round(speed * (100 - stolen[0]) / (100 - stolen[1]), 2)


async def run(args: argparse.Namespace) -> dict:
    async with _cluster.database(args.storage) as dbs:
        return await _run(args, dbs)


async def _run(args: argparse.Namespace, dbs: _cluster.Database) -> dict:
    result: dict = {"benchmark": "updates", "people": args.people, "storage": args.storage, "workers": args.workers,
                    "think_s": args.think, "capacity_think_s": min(args.think, CAPACITY_THINK_S), "burst": args.burst,
                    "processor_concurrency": args.concurrency, "bot_process": args.bot,
                    "sandbox_rate_limits": False, "bot_throttling": False}
    if args.rate is not None:
        result["run"] = await measure(args, args.rate, dbs=dbs)
    else:
        capacity = await measure(args, dbs=dbs)
        result["capacity"] = capacity
        if not args.quick:
            rate = round(0.8 * capacity["updates_per_s"], 1)
            below = await measure(varied(args, people=people_for(rate, args)), rate, dbs=dbs)
            below["offered_vs_capacity_at_this_speed"] = at_this_speed(rate, capacity, below)
            below["offered_vs_capacity_after_steal"] = after_steal(rate, capacity, below)
            result["at_80_percent"] = below
    if args.baseline:
        ours = result.get("capacity") or result["run"]
        theirs = await measure(args, args.rate, stock=True, dbs=dbs)
        result["stock_ptb"] = theirs
        result["ratio_ours_vs_stock"] = {
            "answers_per_s": round(ours["answers_per_s"] / theirs["answers_per_s"], 2)
            if theirs["answers_per_s"] else None,
            "bot_cpu_ms_per_update": round(ours["bot_cpu_ms_per_update"] / theirs["bot_cpu_ms_per_update"], 2)
            if ours["bot_cpu_ms_per_update"] and theirs["bot_cpu_ms_per_update"] else None,
        }
    result.update({"targets": {"answers_per_s": 300, "bot_cpu_ms_per_update": 2, "latency_ms_p99_at_80_percent": 250},
                   "load": load(), "machine": machine()})
    return result


def main(argv: list[str] | None = None) -> dict:
    return emit(asyncio.run(run(parse(argv))))


if __name__ == "__main__":
    main()
