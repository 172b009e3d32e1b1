"""Time one reminders claim over a large table, and start-up on it. Prints JSON.

    PYTHONPATH=. python bench/reminders_tick.py --people 200000 --due 1000

200k people × 5 kinds = 1,000,000 reminder rows; `--due` of them are due now.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import insert_people
from coachbot.config import ReminderSettings, Settings
from coachbot.i18n import I18n
from coachbot.reminders.engine import ReminderEngine, TickReport
from coachbot.runtime import Services
from coachbot.storage import Storage
from coachbot.storage.timefmt import to_iso

KINDS = ("checkin", "hydration", "caffeine", "tip", "summary")
ZONES = ("Europe/Madrid", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney")


def fill(path: str, people: int, due: int, now: datetime) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    created = to_iso(now)
    insert_people(con, people, ZONES, created)

    def rows():
        n = 0
        for i in range(1, people + 1):
            for kind in KINDS:
                n += 1
                when = now - timedelta(seconds=30) if n <= due else now + timedelta(minutes=1 + n % 1440)
                yield i, kind, to_iso(when)
    con.executemany("INSERT INTO reminders (person_id, kind, next_due_utc) VALUES (?, ?, ?)", rows())
    con.commit()
    con.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--due", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    now = datetime(2026, 5, 1, 12, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.sqlite3")
        storage = Storage(path)
        await storage.open()           # create the schema
        await storage.close()
        started = time.perf_counter()
        fill(path, args.people, args.due * args.repeat, now)
        fill_seconds = time.perf_counter() - started

        started = time.perf_counter()
        storage = Storage(path)
        await storage.open()
        settings = Settings(db_path=path, reminders=ReminderSettings(batch_size=args.due))
        services = Services(settings=settings, storage=storage, i18n=I18n(), clock=lambda: now)
        engine = ReminderEngine(services, bot=None)  # type: ignore[arg-type]
        startup_seconds = time.perf_counter() - started

        plan = await storage.db.fetchall("EXPLAIN QUERY PLAN SELECT * FROM reminders INDEXED BY reminders_due"
                                         " WHERE next_due_utc <= ? ORDER BY next_due_utc LIMIT 1000",
                                         (to_iso(now),))
        times = []
        for _ in range(args.repeat):   # each round claims a fresh 1,000 due rows
            started = time.perf_counter()
            claimed, queued = await storage.reminders.claim_due(now, args.due, engine._decider(now, TickReport()))
            times.append(time.perf_counter() - started)
            assert claimed == args.due, claimed
        rows = (await storage.db.fetchone("SELECT COUNT(*) FROM reminders"))[0]
        await storage.close()
    print(json.dumps({
        "reminder_rows": rows, "due_per_tick": args.due, "fill_seconds": round(fill_seconds, 1),
        "startup_seconds": round(startup_seconds, 3),
        "claim_ms": [round(t * 1000, 1) for t in times], "claim_ms_median": round(sorted(times)[len(times) // 2] * 1000, 1),
        "deliveries_queued_last": queued, "query_plan": [r[3] for r in plan],
    }))


if __name__ == "__main__":
    asyncio.run(main())
