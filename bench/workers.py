"""Three (or --workers) real bot processes on one PostgreSQL database, 10,000 reminders due at once. Prints JSON.

    python bench/workers.py                 # the README's run: 10,000 people, 3 workers, x10, one SIGKILLed
    python bench/workers.py --quick         # smoke test: 600 people
    python bench/workers.py --pg-url postgresql://…   # an existing server instead of a throwaway one

The workers (tests/mp_worker.py) are the real Application in webhook mode with the reminders
engine on the JobQueue; the sandbox here records every send. Reported: reminders lost and sent
twice, the busiest (scaled) second of the whole bot against reminders.global_rate, each
worker's share of the sends, and the scaled time the burst took. Time runs `--speedup` times
faster (reminders.rate_scale); "scaled" figures are as they would be against Telegram.

The busiest second is the most sends within *any* (sliding) scaled second, by the time each
request reached the sandbox. `timing` says where it comes from: the same count over the send
slots the workers' pacers handed out (each worker logs them, mp_worker --send-log), the delay
from slot to arrival, and this process's own pauses (it plays Telegram; its garbage collector
is off during the burst, see coachbot.sandbox.steady.no_gc_pauses).
tests/test_workers_pg.py asserts the same at x4.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
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

from bench._common import Stalls, emit, machine
from coachbot.sandbox import Sandbox
from coachbot.sandbox.steady import no_gc_pauses
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
    p.add_argument("--dump", type=Path, help="write every send slot and every arrival (monotonic s) as JSON here")
    args = p.parse_args(argv)
    if args.quick:
        args.people = min(args.people, 600)
    return args


def read_logs(folder: Path, n: int) -> tuple[list[list[tuple[float, int]]], list[list[tuple[float, float]]]]:
    """Each worker's pacer send slots (time, chat) and share changes (time, rate), from mp_worker --send-log."""
    slots: list[list[tuple[float, int]]] = [[] for _ in range(n)]
    rates: list[list[tuple[float, float]]] = [[] for _ in range(n)]
    for i in range(n):
        path = folder / f"worker{i}.log"
        for line in (path.read_text().splitlines() if path.exists() else []):
            parts = line.split()
            if len(parts) != 3:
                continue   # a SIGKILLed worker's half-written last line
            if parts[0] == "S":
                slots[i].append((float(parts[1]), int(parts[2])))
            elif parts[0] == "R":
                rates[i].append((float(parts[1]), float(parts[2])))
    return slots, rates


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def timing(sb: Sandbox, people: range, slots: list[list[tuple[float, int]]], window: float,
           started: float) -> dict[str, object]:
    """Where the busiest second comes from: the pacers' own slots, or the way there.

    `slots` are the times each worker's pacer let a send go; `arrived` when the sandbox got the
    request; `answered` when it had answered it (the time the old check counted). Delay: slot to
    arrival, per send (matched by worker and chat, in order)."""
    calls = [c for c in sb.calls if c.method == "sendMessage" and c.status == 200 and c.chat_id in people]
    arrived = [c.arrived if c.arrived is not None else c.at for c in calls]
    pending: dict[int, list[float]] = {}
    for c, at in zip(calls, arrived, strict=True):
        pending.setdefault(int(c.chat_id or 0), []).append(at)
    delays: list[float] = []
    for worker in slots:
        for at, chat in worker:
            later = [a for a in pending.get(chat, []) if a >= at]
            if later:
                delays.append(min(later) - at)
    all_slots = [at for worker in slots for at, _ in worker]
    most_slots, slots_at = busiest(all_slots, window)
    return {
        "busiest_by_arrival": busiest(arrived, window)[0],
        "busiest_by_answer": busiest([c.at for c in calls], window)[0],
        "busiest_by_slot_all_workers": most_slots,
        "busiest_slot_at_real_s": round(slots_at - started, 2) if slots_at is not None else None,
        "busiest_by_slot_per_worker": [busiest([at for at, _ in w], window)[0] for w in slots],
        "slots_per_worker": [len(w) for w in slots],
        "slot_to_arrival_ms": {q: round(1000 * pct(delays, p), 1)
                               for q, p in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0))},
    }


def rss_mb() -> float:
    import resource
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


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
            logs = Path(tempfile.mkdtemp(prefix="coachbot-sends-"))
            stalls = Stalls()
            watcher = asyncio.create_task(stalls.watch())
            with no_gc_pauses(), Workers(url, sb, n=args.workers, rate_scale=args.speedup,
                                         lease_seconds=args.lease, send_logs=logs) as w:
                started, killed_at = time.monotonic(), None
                if args.kill:
                    await until(lambda: len(sends(sb, people)) >= args.people // 4, 600, "a quarter sent")
                    w.kill(0)
                    killed_at = time.monotonic()
                await until_async(all_recorded, 1800, "every delivery recorded as sent")
                took = time.monotonic() - started
            watcher.cancel()
            sent = sends(sb, people)
            slots, rates = read_logs(logs, args.workers)
            timing_figures = timing(sb, people, slots, 1 / args.speedup, started)
            if args.dump:
                args.dump.write_text(json.dumps({
                    "started": started, "killed_at": killed_at, "gc": stalls.gc, "lag": stalls.lag, "slots": slots, "rates": rates,
                    "arrivals": [(c.chat_id, c.arrived, c.at) for c in sb.calls
                                 if c.method == "sendMessage" and c.status == 200 and c.chat_id in people]}))
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
        "timing": timing_figures,
        "sandbox_gc_over_20ms": sorted(round(d * 1000) for _, d, _ in stalls.gc if d > 0.02),
        "sandbox_rss_mb": rss_mb(),
        "sandbox_loop_lags_ms": sorted(round(d * 1000) for _, d in stalls.lag),
        "share_changes_real_s": [[(round(t - started, 2), r) for t, r in w] for w in rates],
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
