"""Reminder fan-out: everyone's check-in prompt due in the same minute, through Telegram's limits. Prints JSON.

    python bench/fanout.py               # the README's run: 10,000 people, ×10, then the stock-PTB baseline
    python bench/fanout.py --quick       # smoke test
    python bench/fanout.py --storage postgresql --workers 3 --people 3000 --no-baseline
                                         # three bot processes claiming from one PostgreSQL database

The real Application and reminders engine run in their own process (bench/_bot.py)
and send through the sandbox, which enforces 30 messages/s overall and 1/s per
chat. `--speedup K` multiplies the sandbox's limits and the bot's pacing
(reminders.rate_scale) by K so the run takes 1/K of the time; every time below
is also given "scaled" (× K), i.e. as it would be against Telegram. The bot's
shared pacer (coachbot/pacer.py, reminders.global_rate for every send) serves
replies first and gives the reminders what is left. While the burst runs,
people who already got their prompt tap "No" on it (`--reply-rate` taps per
scaled second) and we time the bot's edit.

`--storage postgresql --workers N` (bench/_cluster.py): N bot processes tick together on one
PostgreSQL database; each claims its own rows (FOR UPDATE SKIP LOCKED) and sends its share of
the one send budget (global_rate / N). The database server's CPU per claimed reminder is
reported too. The baseline runs only with the default storage and one process.

Baseline (same run): a stock PTB bot (bench/_stock_bot.py) with one
`JobQueue.run_once` per person (run however late: `misfire_grace_time=None`) and `AIORateLimiter` (30 messages/s × K, three
retries), answering the same taps.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _cluster
from bench._bot import bot_process
from bench._common import Replies, Stalls, cpu_ticks, emit, load, machine, ms, pct, steal_pct
from coachbot.config import ReminderSettings
from coachbot.handlers.checkin_views import button
from coachbot.sandbox import Sandbox
from coachbot.sandbox.steady import no_gc_pauses
from coachbot.storage import Storage
from coachbot.storage.timefmt import to_iso

TOKEN = "1234567:BENCH-token-not-real-BENCH-token-1"
NOW = datetime(2026, 5, 1, 18, 0, 30, tzinfo=UTC)
ZONES = ("UTC", "Europe/London", "Africa/Lagos", "Atlantic/Reykjavik")  # 18:00-19:00 local: awake


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--people", type=int, default=10_000)
    p.add_argument("--quick", action="store_true", help="300 people, no baseline (smoke test)")
    p.add_argument("--no-baseline", dest="baseline", action="store_false")
    p.add_argument("--speedup", type=float, default=10.0)
    p.add_argument("--reply-rate", type=float, default=2.0, help="taps per (scaled) second during the burst")
    p.add_argument("--reminder-rate", type=float, default=None,
                   help="reminders.global_rate (all sends) before scaling (default: the config default)")
    p.add_argument("--seed", type=int, default=3)
    _cluster.add_options(p)
    args = p.parse_args(argv)
    _cluster.check_options(p, args)
    if args.quick:
        args.people, args.baseline = min(args.people, 300), False
    if args.storage != "sqlite" or args.workers > 1:
        args.baseline = False   # the stock bot is a one-process SQLite bot
    return args


async def fill(db: Storage, people: int) -> None:
    """People whose check-in prompt is due in the same minute, bulk-inserted (either backend)."""
    created, due = to_iso(NOW), to_iso(NOW - timedelta(seconds=30))
    ids = range(1, people + 1)
    async with db.db.transaction() as tx:
        await tx.executemany("INSERT INTO people (id, chat_id, onboarding_step, created_utc, updated_utc)"
                             " VALUES (?, ?, NULL, ?, ?)", [(i, i, created, created) for i in ids])
        await tx.executemany("INSERT INTO settings (person_id, language, timezone, wake_time, sleep_time,"
                             " checkin_time, water_goal_ml, caffeine_limit_mg)"
                             " VALUES (?, 'en', ?, '07:00', '23:00', '18:00', 2000, 400)",
                             [(i, ZONES[i % len(ZONES)]) for i in ids])
        await tx.executemany("INSERT INTO reminders (person_id, kind, next_due_utc) VALUES (?, 'checkin', ?)",
                             [(i, due) for i in ids])


async def replier(sb: Sandbox, replies: Replies, args: argparse.Namespace, done: asyncio.Event,
                  latencies: list[float]) -> None:
    """Tap "No" on a prompt someone already got, at a steady rate, and time the bot's edit."""
    rng = random.Random(args.seed)
    tapped: set[int] = set()
    waits: list[asyncio.Task[None]] = []

    async def tap(pid: int) -> None:
        user = sb.user(pid)
        prompt = user.last
        before = replies.count(pid)
        t0 = time.perf_counter()
        await user.press_data(button("t", NOW.date(), "no"), prompt)
        if await replies.wait(pid, before + 1, 30):
            latencies.append(replies.at[pid][before] - t0)

    while not done.is_set():
        got = [pid for pid, times in replies.at.items() if times and pid not in tapped]
        if got:
            pid = rng.choice(got)
            tapped.add(pid)
            waits.append(asyncio.create_task(tap(pid)))
        await asyncio.sleep(1 / (args.reply_rate * args.speedup))
    await asyncio.gather(*waits)


def refusals(sb: Sandbox, speedup: float, sandbox_lags: Sequence[tuple[float, float]] = (),
             bot_lags: Sequence[tuple[float, float]] = ()) -> list[dict]:
    """For each 429: what the sandbox saw just before it (scaled seconds), to tell a burst the bot
    sent from sends that were spread out but reached the sandbox together after a stall, and the
    longest event-loop pause of the sandbox and of the bot in that time (whose stall it was)."""
    seen = sb.flood_log
    out = []
    for i, (at, refused) in enumerate(seen):
        if not refused:
            continue
        before = [t for t, _ in seen[:i] if at - t <= 2 / speedup]
        gaps = [b - a for a, b in zip(before, [*before[1:], at], strict=True)]

        def longest(lags: Sequence[tuple[float, float]], at: float = at) -> int:
            return round(max((late for woke, late in lags if 0 <= at - woke <= 2 / speedup), default=0)
                         * speedup * 1000)

        out.append({"arrivals_in_last": {f"{span}s": sum(1 for t in before if at - t <= span / speedup)
                                         for span in (0.1, 0.25, 0.5, 1, 2)},
                    "longest_silence_before_ms_scaled": round(max(gaps, default=0) * speedup * 1000),
                    "sandbox_loop_pause_before_ms_scaled": longest(sandbox_lags),
                    "bot_loop_pause_before_ms_scaled": longest(bot_lags)})
    return out


def bots(args: argparse.Namespace, db: str, sb: Sandbox, stock: bool,
         rate: float) -> AbstractAsyncContextManager[Any]:
    options: dict[str, Any] = {"rate_limiter": True, "speedup": args.speedup, "global_rate": rate}
    if stock:
        return bot_process(db=db, base_url=sb.base_url, token=TOKEN, now=NOW, stock=True, **options)
    return _cluster.workers(args.workers, db=db, sb=sb, token=TOKEN, now=NOW, **options)


async def measure(args: argparse.Namespace, stock: bool = False, dbs: _cluster.Database | None = None) -> dict:
    if dbs is None:
        async with _cluster.database(args.storage) as fresh:
            return await measure(args, stock, fresh)
    k = args.speedup
    rate = args.reminder_rate or ReminderSettings().global_rate
    db = await dbs.fresh()
    storage = Storage(db)
    await storage.open()
    await fill(storage, args.people)
    async with Sandbox(token=TOKEN, speedup=k) as sb:
        for pid in range(1, args.people + 1):
            sb.user(pid)
        replies = Replies(sb)
        async with bots(args, db, sb, stock, rate) as bot:
            workers_seen = await bot.beat() if isinstance(bot, _cluster.Workers) and args.workers > 1 else 1
            done, latencies = asyncio.Event(), []
            tapping = asyncio.create_task(replier(sb, replies, args, done, latencies))
            db_cpu = dbs.cpu_s()
            started, ticks = time.perf_counter(), cpu_ticks()
            stalls = Stalls(every=0.002, late=0.005)
            watching = asyncio.create_task(stalls.watch())
            with no_gc_pauses():  # Telegram has no GC pause that stamps sends together
                report = await bot.tick()
            elapsed, steal = time.perf_counter() - started, steal_pct(ticks, cpu_ticks())
            watching.cancel()
            db_cpu = None if db_cpu is None else round((dbs.cpu_s() or 0) - db_cpu, 2)
            bench_cpu = os.times()
            done.set()
            await tapping
            await asyncio.sleep(0.2)
        status = Counter(r[0] for r in await storage.db.fetchall("SELECT status FROM deliveries"))
        await storage.close()
        stats = bot.stats() if isinstance(bot, _cluster.Workers) else bot
        first_sends = sorted(times[0] for times in replies.at.values() if times)
        all_sends = sorted(t for times in replies.at.values() for t in times)
        flood = refusals(sb, k, stalls.lag, report.get("bot_lags", ()))
        sandbox_stalls = stalls.summary()
        prompts = Counter(len([m for m in sb.user(pid).messages]) for pid in range(1, args.people + 1))
    delivered = args.people - prompts.get(0, 0)
    duplicated = sum((n - 1) * c for n, c in prompts.items() if n > 1)
    span = (first_sends[-1] - first_sends[0]) if len(first_sends) > 1 else elapsed
    achieved = (len(first_sends) - 1) / span / k if span > 0 else None
    in_span = [t for t in all_sends if first_sends and first_sends[0] <= t <= first_sends[-1]]
    total = (len(in_span) - 1) / span / k if span > 0 else None
    lateness = [t - started for t in first_sends]
    return {
        "bot": "stock-ptb" if stock else "coachbot", "storage": args.storage, "workers": 1 if stock else args.workers,
        "workers_seen_by_each": workers_seen if not stock else None,
        "worker_cpu_s": stats.get("worker_cpu_s"), "db_cpu_s": db_cpu,
        "db_cpu_ms_per_reminder": round(db_cpu * 1000 / report["claimed"], 3)
        if db_cpu is not None and report.get("claimed") else None,
        "due": report["claimed"],
        "delivered": delivered, "lost": args.people - delivered, "duplicated": duplicated,
        "http_429": sb.count_429, "refusals": flood, "bot_stalls": report.get("bot_stalls"),
        "sandbox_stalls": sandbox_stalls, "machine_steal_pct": steal, "jobs_never_ran": report.get("never_ran"), "deliveries": dict(status), "seconds": round(elapsed, 2),
        "achieved_rate_per_s": round(achieved, 1) if achieved else None, "limit_per_s": 30,
        "achieved_vs_limit": round(achieved / 30, 3) if achieved else None,
        "all_sends_per_s": round(total, 1) if total else None,
        "global_rate_setting": None if stock else rate,
        "lateness_s_p50_scaled": round(pct(lateness, 50) * k, 1) if lateness else None,
        "lateness_s_p99_scaled": round(pct(lateness, 99) * k, 1) if lateness else None,
        "replies": len(latencies),
        "reply_ms_p50": ms(pct(latencies, 50)), "reply_ms_p95": ms(pct(latencies, 95)),
        "reply_ms_p95_scaled": ms(pct(latencies, 95) * k) if latencies else None,
        "bot_cpu_s": stats.get("work_cpu_s"),
        "bot_cpu_ms_per_reminder": round(stats["work_cpu_s"] * 1000 / report["claimed"], 2)
        if stats.get("work_cpu_s") and report.get("claimed") else None,
        "sandbox_cpu_s": round(bench_cpu.user + bench_cpu.system, 2), "bot_event_loop": stats.get("event_loop"),
        "bot_rate_limiter": "AIORateLimiter" if stock else "SharedPacer",
    }


async def run(args: argparse.Namespace) -> dict:
    async with _cluster.database(args.storage) as dbs:
        return await _run(args, dbs)


async def _run(args: argparse.Namespace, dbs: _cluster.Database) -> dict:
    result: dict = {"benchmark": "fanout", "people": args.people, "storage": args.storage, "workers": args.workers,
                    "speedup": args.speedup, "reply_rate_per_s": args.reply_rate,
                    "coachbot": await measure(args, dbs=dbs)}
    if args.baseline:
        ours = result["coachbot"]
        theirs = result["stock_ptb"] = await measure(args, stock=True, dbs=dbs)

        def ratio(key: str) -> float | None:
            return round(ours[key] / theirs[key], 2) if ours.get(key) and theirs.get(key) else None

        result["ratio_ours_vs_stock"] = {"achieved_vs_limit": ratio("achieved_vs_limit"),
                                         "reply_ms_p95": ratio("reply_ms_p95"), "seconds": ratio("seconds")}
    result.update({"targets": {"lost": 0, "duplicated": 0, "http_429": 0, "achieved_vs_limit": 0.9,
                               "reply_ms_p95_scaled": 1000},
                   "load": load(), "machine": machine()})
    return result


def main(argv: list[str] | None = None) -> dict:
    return emit(asyncio.run(run(parse(argv))))


if __name__ == "__main__":
    main()
