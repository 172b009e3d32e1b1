"""Update throughput: many people tapping through today's check-in at once, over HTTP. Prints JSON.

    python bench/updates.py --people 1000 --think 2.5

Each simulated person sends /checkin, then answers the nine questions of a
twitch day. Answers go out `--burst` at a time without waiting (a quick double
tap on consecutive questions), then the person waits for the bot's edits and
"thinks" for about `--think` seconds before the next burst. Latency is measured
per update, from the moment the sandbox queues it to the moment the bot's
reply or edit for it lands in the sandbox. At the end every person's stored
check-in must equal the answers in the order they were tapped: an update
handled out of order would be refused as stale and show up as a mismatch.

The sandbox's flood limits are switched off and the bot runs without its
AIORateLimiter: this measures how fast the bot handles updates, not Telegram's
per-chat ceiling (1 message/s would cap one person's check-in at 10 s).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._bot import bot_process
from bench._common import Replies, emit, machine, ms, pct
from coachbot.app import build_application, running
from coachbot.config import Defaults, Settings
from coachbot.domain.checkins import CheckinDay
from coachbot.handlers.checkin_views import button
from coachbot.sandbox import Sandbox
from coachbot.storage import Storage

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
    p.add_argument("--people", type=int, default=200)
    p.add_argument("--think", type=float, default=2.5, help="seconds a person waits between bursts")
    p.add_argument("--burst", type=int, default=2, help="answers sent back to back without waiting")
    p.add_argument("--concurrency", type=int, default=64, help="PerPersonUpdateProcessor max_concurrent")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one reply")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--bot", choices=("process", "inline"), default="process",
                   help="run the bot in its own process (default) or in this event loop")
    return p.parse_args(argv)


async def person(sb: Sandbox, replies: Replies, pid: int, args: argparse.Namespace,
                 rng: random.Random, latencies: list[float]) -> bool:
    """One person's check-in; False if a reply never came."""
    user = sb.user(pid)
    await asyncio.sleep(rng.uniform(0, args.think))
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
    replied = replies.at[pid]
    latencies.extend(r - q for q, r in zip(pushed, replied, strict=False))
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


@asynccontextmanager
async def inline_bot(db: str, sb: Sandbox, concurrency: int) -> AsyncIterator[dict]:
    settings = Settings(token=TOKEN, db_path=db, source="<bench>",
                        api_base_url=sb.base_url, api_file_url=sb.base_file_url)
    app = build_application(settings, clock=lambda: NOW, rate_limiter=False,
                            max_concurrent_updates=concurrency)
    async with running(app):
        yield {}


async def run(args: argparse.Namespace) -> dict:
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.sqlite3")
        storage = Storage(db)
        await storage.open()
        await add_people(storage, args.people)
        async with Sandbox(token=TOKEN, rate_limits=False) as sb:
            replies = Replies(sb)
            bot = (bot_process(db=db, base_url=sb.base_url, token=TOKEN, now=NOW, concurrency=args.concurrency)
                   if args.bot == "process" else inline_bot(db, sb, args.concurrency))
            async with bot as bot_stats:
                latencies: list[float] = []
                started = time.perf_counter()
                done = await asyncio.gather(*(person(sb, replies, pid, args, rng, latencies)
                                              for pid in range(1, args.people + 1)))
                elapsed = time.perf_counter() - started
            wrong = await wrong_answers(storage, replies, args.people)
        await storage.close()
    updates = len(latencies)
    return {
        "benchmark": "updates", "people": args.people, "updates": updates,
        "answers": updates - sum(done), "seconds": round(elapsed, 2),
        "updates_per_s": round(updates / elapsed, 1),
        "answers_per_s": round((updates - sum(done)) / elapsed, 1),
        "latency_ms_p50": ms(pct(latencies, 50)), "latency_ms_p95": ms(pct(latencies, 95)),
        "latency_ms_p99": ms(pct(latencies, 99)), "latency_ms_max": ms(max(latencies, default=None)),
        "unanswered_people": args.people - sum(done), "order_violations": wrong,
        "order_preserved": wrong == 0 and all(done),
        "think_s": args.think, "burst": args.burst, "processor_concurrency": args.concurrency,
        "bot": args.bot, "bot_cpu_s": bot_stats.get("cpu_s"), "bot_rss_mb": bot_stats.get("rss_mb"),
        "sandbox_rate_limits": False, "bot_rate_limiter": False,
        "targets": {"answers_per_s": 300, "latency_ms_p99": 250}, "machine": machine(),
    }


def main(argv: list[str] | None = None) -> dict:
    return emit(asyncio.run(run(parse(argv))))


if __name__ == "__main__":
    main()
