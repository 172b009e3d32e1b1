"""Scheduler scale: the reminders tick over 1,000,000 rows, beside one JobQueue job per person. Prints JSON.

    python bench/scheduler_scale.py --people 200000 --due 1000

`--people` × 5 kinds reminder rows across every IANA time zone, bulk-inserted
with executemany; `--due` × `--ticks` of them are due now. A fresh process
(so its memory is the engine's, not the fill's) opens the database, builds
the engine and runs ticks: start-up is the time until the first tick has
claimed and re-planned its rows. Another fresh process schedules the same
daily check-in as one PTB JobQueue job per person for `--jobqueue-people`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
import zoneinfo
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import emit, insert_people, machine, rss_mb
from coachbot.storage.timefmt import to_iso

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)
KINDS = ("checkin", "hydration", "caffeine", "tip", "summary")
ROOT = Path(__file__).resolve().parents[1]


def zones() -> list[str]:
    return sorted(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith("SystemV"))


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--people", type=int, default=20_000, help="people; reminder rows = 5 × people")
    p.add_argument("--due", type=int, default=1000, help="rows due per tick")
    p.add_argument("--ticks", type=int, default=5)
    p.add_argument("--jobqueue-people", type=int, default=10_000)
    p.add_argument("--phase", choices=("all", "engine", "jobqueue"), default="all", help=argparse.SUPPRESS)
    p.add_argument("--db", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def fill(path: str, people: int, per_tick: int, ticks: int) -> None:
    """Bulk insert people, settings and reminder rows in one transaction with executemany."""
    tz = zones()
    created = to_iso(NOW)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    with con:
        insert_people(con, people, tz, created)

        def rows():
            n = 0
            for i in range(1, people + 1):
                for kind in KINDS:
                    n += 1
                    # Tick k (at NOW + k × 20 s) finds the k-th `per_tick` rows due; the rest spread over a week.
                    when = (NOW + timedelta(seconds=20 * ((n - 1) // per_tick) - 10) if n <= per_tick * ticks
                            else NOW + timedelta(minutes=1 + n % 10080))
                    yield i, kind, to_iso(when)
        con.executemany("INSERT INTO reminders (person_id, kind, next_due_utc) VALUES (?, ?, ?)", rows())
    con.close()


async def engine_phase(args: argparse.Namespace) -> dict:
    """In a fresh process: open, build the engine, tick; report start-up, tick times and memory."""
    started = time.perf_counter()
    from coachbot.config import ReminderSettings, Settings
    from coachbot.i18n import I18n
    from coachbot.reminders.engine import ReminderEngine
    from coachbot.runtime import Services
    from coachbot.storage import Storage

    imported = time.perf_counter()
    storage = Storage(args.db)
    await storage.open()
    settings = Settings(db_path=args.db, reminders=ReminderSettings(batch_size=args.due))
    engine = ReminderEngine(Services(settings=settings, storage=storage, i18n=I18n(), clock=lambda: NOW),
                            bot=None)  # type: ignore[arg-type]
    ticks, claimed = [], []
    try:
        for k in range(args.ticks):
            t0 = time.perf_counter()
            report = await engine.claim(NOW + timedelta(seconds=20 * k))
            ticks.append(time.perf_counter() - t0)
            claimed.append(report.claimed)
            if len(ticks) == 1:
                startup = time.perf_counter() - imported
        queued = (await storage.db.fetchone("SELECT COUNT(*) FROM deliveries"))[0]
        rows = (await storage.db.fetchone("SELECT COUNT(*) FROM reminders"))[0]
    finally:
        await storage.close()
    return {"reminder_rows": rows, "startup_s": round(startup, 3), "import_s": round(imported - started, 3),
            "tick_ms": [round(t * 1000, 1) for t in ticks], "claimed_per_tick": claimed,
            "tick_ms_median": round(sorted(ticks)[len(ticks) // 2] * 1000, 1),
            "deliveries_queued": queued, "rss_mb": rss_mb()}


async def jobqueue_phase(args: argparse.Namespace) -> dict:
    """In a fresh process: the same daily check-in as one PTB JobQueue job per person."""
    from telegram.ext import ApplicationBuilder

    tz = [zoneinfo.ZoneInfo(z) for z in zones()]
    base = rss_mb()
    app = ApplicationBuilder().token("1:x").build()
    await app.job_queue.start()

    async def checkin(context) -> None:
        return None

    t0 = time.perf_counter()
    for i in range(1, args.jobqueue_people + 1):
        app.job_queue.run_daily(checkin, dtime(20, 0, tzinfo=tz[i % len(tz)]), chat_id=i, user_id=i,
                                name=f"checkin-{i}")
    seconds = time.perf_counter() - t0
    memory = rss_mb()
    await app.job_queue.stop(wait=False)
    return {"people": args.jobqueue_people, "jobs": args.jobqueue_people, "schedule_s": round(seconds, 2),
            "rss_mb": memory, "rss_mb_before_jobs": base}


def child(phase: str, args: argparse.Namespace, db: str | None = None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--due", str(args.due),
           "--ticks", str(args.ticks), "--jobqueue-people", str(args.jobqueue_people)]
    if db:
        cmd += ["--db", db]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def run(args: argparse.Namespace) -> dict:
    from coachbot.storage import Storage

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "scale.sqlite3")

        async def create() -> None:
            storage = Storage(db)
            await storage.open()
            await storage.close()
        asyncio.run(create())
        t0 = time.perf_counter()
        fill(db, args.people, args.due, args.ticks)
        fill_s = time.perf_counter() - t0
        engine = child("engine", args, db)
    jobs = child("jobqueue", args)
    return {
        "benchmark": "scheduler_scale", "people": args.people, "time_zones": len(zones()), "fill_s": round(fill_s, 1),
        "engine": engine, "jobqueue": jobs,
        "ratio": {"jobqueue_schedule_s_vs_engine_startup_s": round(jobs["schedule_s"] / engine["startup_s"], 1),
                  "jobqueue_rss_vs_engine_rss": round(jobs["rss_mb"] / engine["rss_mb"], 2)},
        "targets": {"startup_s": 2, "rss_mb": 150, "tick_ms": 100}, "machine": machine(),
    }


def main(argv: list[str] | None = None) -> dict:
    args = parse(argv)
    if args.phase == "engine":
        return emit(asyncio.run(engine_phase(args)))
    if args.phase == "jobqueue":
        return emit(asyncio.run(jobqueue_phase(args)))
    return emit(run(args))


if __name__ == "__main__":
    main()
