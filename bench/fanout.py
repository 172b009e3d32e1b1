"""Reminder fan-out: everyone's check-in prompt due in the same minute, through Telegram's limits. Prints JSON.

    python bench/fanout.py               # the README's run: 10,000 people, ×10, then the stock-PTB baseline
    python bench/fanout.py --quick       # smoke test

The real Application and reminders engine run in their own process (bench/_bot.py)
and send through the sandbox, which enforces 30 messages/s overall and 1/s per
chat. `--speedup K` multiplies the sandbox's limits and the bot's pacing
(reminders.rate_scale) by K so the run takes 1/K of the time; every time below
is also given "scaled" (× K), i.e. as it would be against Telegram. The bot's
shared pacer (coachbot/pacer.py, reminders.global_rate for every send) serves
replies first and gives the reminders what is left. While the burst runs,
people who already got their prompt tap "No" on it (`--reply-rate` taps per
scaled second) and we time the bot's edit.

Baseline (same run): a stock PTB bot (bench/_stock_bot.py) with one
`JobQueue.run_once` per person and `AIORateLimiter` (30 messages/s × K, three
retries), answering the same taps.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._bot import bot_process
from bench._common import Replies, emit, load, machine, ms, pct
from coachbot.config import ReminderSettings
from coachbot.handlers.checkin_views import button
from coachbot.sandbox import Sandbox
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
    args = p.parse_args(argv)
    if args.quick:
        args.people, args.baseline = min(args.people, 300), False
    return args


def fill(path: str, people: int) -> None:
    """People whose check-in prompt is due in the same minute, bulk-inserted."""
    created, due = to_iso(NOW), to_iso(NOW - timedelta(seconds=30))
    con = sqlite3.connect(path)
    with con:
        con.executemany("INSERT INTO people (id, chat_id, onboarding_step, created_utc, updated_utc)"
                        " VALUES (?, ?, NULL, ?, ?)", ((i, i, created, created) for i in range(1, people + 1)))
        con.executemany("INSERT INTO settings (person_id, language, timezone, wake_time, sleep_time, checkin_time,"
                        " water_goal_ml, caffeine_limit_mg) VALUES (?, 'en', ?, '07:00', '23:00', '18:00', 2000, 400)",
                        ((i, ZONES[i % len(ZONES)]) for i in range(1, people + 1)))
        con.executemany("INSERT INTO reminders (person_id, kind, next_due_utc) VALUES (?, 'checkin', ?)",
                        ((i, due) for i in range(1, people + 1)))
    con.close()


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


async def measure(args: argparse.Namespace, stock: bool = False) -> dict:
    k = args.speedup
    rate = args.reminder_rate or ReminderSettings().global_rate
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "fanout.sqlite3")
        storage = Storage(db)
        await storage.open()
        await storage.close()
        fill(db, args.people)
        async with Sandbox(token=TOKEN, speedup=k) as sb:
            for pid in range(1, args.people + 1):
                sb.user(pid)
            replies = Replies(sb)
            async with bot_process(db=db, base_url=sb.base_url, token=TOKEN, now=NOW, rate_limiter=True,
                                   speedup=k, global_rate=rate, stock=stock) as bot:
                done, latencies = asyncio.Event(), []
                tapping = asyncio.create_task(replier(sb, replies, args, done, latencies))
                started = time.perf_counter()
                report = await bot.tick()
                elapsed = time.perf_counter() - started
                bench_cpu = os.times()
                done.set()
                await tapping
                await asyncio.sleep(0.2)
            con = sqlite3.connect(db)
            status = Counter(r[0] for r in con.execute("SELECT status FROM deliveries"))
            con.close()
            first_sends = sorted(times[0] for times in replies.at.values() if times)
            all_sends = sorted(t for times in replies.at.values() for t in times)
            prompts = Counter(len([m for m in sb.user(pid).messages]) for pid in range(1, args.people + 1))
    delivered = args.people - prompts.get(0, 0)
    duplicated = sum((n - 1) * c for n, c in prompts.items() if n > 1)
    span = (first_sends[-1] - first_sends[0]) if len(first_sends) > 1 else elapsed
    achieved = (len(first_sends) - 1) / span / k if span > 0 else None
    in_span = [t for t in all_sends if first_sends and first_sends[0] <= t <= first_sends[-1]]
    total = (len(in_span) - 1) / span / k if span > 0 else None
    lateness = [t - started for t in first_sends]
    return {
        "bot": "stock-ptb" if stock else "coachbot", "due": report["claimed"],
        "delivered": delivered, "lost": args.people - delivered, "duplicated": duplicated,
        "http_429": sb.count_429, "jobs_never_ran": report.get("never_ran"), "deliveries": dict(status), "seconds": round(elapsed, 2),
        "achieved_rate_per_s": round(achieved, 1) if achieved else None, "limit_per_s": 30,
        "achieved_vs_limit": round(achieved / 30, 3) if achieved else None,
        "all_sends_per_s": round(total, 1) if total else None,
        "global_rate_setting": None if stock else rate,
        "lateness_s_p50_scaled": round(pct(lateness, 50) * k, 1) if lateness else None,
        "lateness_s_p99_scaled": round(pct(lateness, 99) * k, 1) if lateness else None,
        "replies": len(latencies),
        "reply_ms_p50": ms(pct(latencies, 50)), "reply_ms_p95": ms(pct(latencies, 95)),
        "reply_ms_p95_scaled": ms(pct(latencies, 95) * k) if latencies else None,
        "bot_cpu_s": bot.get("work_cpu_s"),
        "sandbox_cpu_s": round(bench_cpu.user + bench_cpu.system, 2),
        "bot_rate_limiter": "AIORateLimiter" if stock else "SharedPacer",
    }


async def run(args: argparse.Namespace) -> dict:
    result: dict = {"benchmark": "fanout", "people": args.people, "speedup": args.speedup,
                    "reply_rate_per_s": args.reply_rate, "coachbot": await measure(args)}
    if args.baseline:
        ours = result["coachbot"]
        theirs = result["stock_ptb"] = await measure(args, stock=True)

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
