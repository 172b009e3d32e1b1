"""Three (or --workers) real bot processes on one PostgreSQL database, 10,000 reminders due at once. Prints JSON.

    python bench/workers.py                 # the README's run: 10,000 people, 3 workers, x10, one SIGKILLed
    python bench/workers.py --quick         # smoke test: 600 people
    python bench/workers.py --pg-url postgresql://…   # an existing server instead of a throwaway one

The workers (tests/mp_worker.py) are the real Application in webhook mode with the reminders
engine on the JobQueue; the sandbox here records every send. Reported: reminders lost and sent
twice, the busiest (scaled) second of the whole bot against reminders.global_rate, each
worker's share of the sends, and the scaled time the burst took. Time runs `--speedup` times
faster (reminders.rate_scale); "scaled" figures are as they would be against Telegram.
tests/test_workers_pg.py asserts the same at 2,000 reminders.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pg_server
from support.rates import busiest, windows
from support.workers import (
    GLOBAL_RATE,
    Workers,
    delivery_states,
    per_chat,
    seed_due,
    sends,
    until,
    until_async,
)

from bench._common import emit, machine
from coachbot.sandbox import Sandbox
from coachbot.storage import Storage

TOKEN = "1234567:BENCH-token-not-real-BENCH-token-1"


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--people", type=int, default=10_000)
    p.add_argument("--workers", type=int, default=3)
    p.add_argument("--speedup", type=float, default=10.0)
    p.add_argument("--no-kill", dest="kill", action="store_false", help="keep every worker alive")
    p.add_argument("--lease", type=int, default=10, help="reminders.lease_seconds (real seconds)")
    p.add_argument("--pg-url", help="an existing PostgreSQL database (a fresh schema is made in it)")
    p.add_argument("--quick", action="store_true", help="600 people")
    args = p.parse_args(argv)
    if args.quick:
        args.people = min(args.people, 600)
    return args


async def burst(url: str, args: argparse.Namespace) -> dict[str, object]:
    people = range(100_000, 100_000 + args.people)
    await seed_due(url, people, datetime.now(UTC))
    store = Storage(url)
    await store.open()

    async def all_recorded() -> bool:
        return await delivery_states(store) == {"sent": args.people}

    try:
        async with Sandbox(token=TOKEN, rate_limits=False) as sb:
            for uid in people:
                sb.user(uid)
            with Workers(url, sb, n=args.workers, rate_scale=args.speedup, lease_seconds=args.lease) as w:
                started, killed_at = time.monotonic(), None
                if args.kill:
                    await until(lambda: len(sends(sb, people)) >= args.people // 4, 600, "a quarter sent")
                    w.kill(0)
                    killed_at = time.monotonic()
                await until_async(all_recorded, 1800, "every delivery recorded as sent")
                took = time.monotonic() - started
            sent = sends(sb, people)
    finally:
        await store.close()
    counts = per_chat(sent)
    times = [at for _, at in sent]
    per_second = list(windows(times, 1 / args.speedup))
    most, most_at = busiest(times, 1 / args.speedup)
    return {
        "people": args.people, "workers": args.workers, "speedup": args.speedup, "killed_one": args.kill,
        "lost": args.people - len(counts), "sent_twice": sum(1 for n in counts.values() if n > 1),
        "global_rate": GLOBAL_RATE,
        "busiest_scaled_second": most,
        "busiest_at_real_s": round(most_at - started, 2) if most_at is not None else None,
        "killed_at_real_s": round(killed_at - started, 2) if killed_at is not None else None,
        "median_scaled_second": sorted(per_second)[len(per_second) // 2] if per_second else 0,
        "scaled_seconds": round(took * args.speedup, 1),
        "real_seconds": round(took, 1),
        "first_send_real_s": round(min(times) - started, 1) if times else None,
        "sends_per_real_second": list(windows(times, 1.0)),
    }


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    server = None
    if args.pg_url:
        url = pg_server.PgServer(args.pg_url).fresh_url("bench")
    else:
        server = pg_server.start()
        url = server.fresh_url("bench")
    try:
        result = asyncio.run(burst(url, args))
    finally:
        if server is not None:
            server.stop()
    emit({"machine": machine(), "workers_pg": result})


if __name__ == "__main__":
    main()
