"""Memory of `coachbot run`: after start-up, after 1,000 people's check-ins, and while a chart and report are made.

    python bench/memory.py               # the README's figures (1,000 people)
    python bench/memory.py --quick       # a smoke run

The real `coachbot run` command (a separate process, configured through the
environment like a deployment) talks to the loopback sandbox with 1,000 onboarded
people in its database. Resident memory (VmRSS from /proc) is read from the bot
process and from any child process it starts, so the figure "while a chart and a
report are made" is the bot plus its drawing child, sampled every few milliseconds.

Baseline: a stock PTB bot on the same database and sandbox (PTB defaults: httpx,
AIORateLimiter, a JobQueue with one daily job per person) that answers the same
updates with a reply or an edit, and draws the chart and PDF in-process the way a
typical bot does (matplotlib and fpdf imported at the top).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import emit, insert_people, load, machine
from coachbot.handlers.checkin_views import button
from coachbot.sandbox import Sandbox
from coachbot.storage import Storage
from coachbot.storage.timefmt import to_iso

TOKEN = "1234567:BENCH-token-not-real-BENCH-token-1"
ROOT = Path(__file__).resolve().parents[1]
SPEEDUP = 20.0  # sandbox limits and the bot's pacing ×20: memory does not depend on pace, the run time does


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--people", type=int, default=1000)
    p.add_argument("--quick", action="store_true", help="100 people, no baseline (smoke test)")
    p.add_argument("--no-baseline", dest="baseline", action="store_false")
    args = p.parse_args(argv)
    if args.quick:
        args.people, args.baseline = 100, False
    return args


def rss_of(pid: int) -> float:
    """VmRSS of a process in MB (0 once it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def children_of(pid: int) -> list[int]:
    try:
        raw = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in raw.split()]


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def tree_rss(pid: int) -> tuple[float, float]:
    """(the process's RSS, the RSS of its descendants) in MB.

    A child caught between fork and exec still shows its parent's pages (shared, not
    new memory), so children still running the parent's command line are skipped.
    """
    own, kids, parent, stack = rss_of(pid), 0.0, cmdline(pid), children_of(pid)
    while stack:
        child = stack.pop()
        if cmdline(child) != parent:
            kids += rss_of(child)
        stack.extend(children_of(child))
    return own, kids


async def settle_rss(pid: int, quiet_s: float = 1.5, limit_s: float = 60.0) -> float:
    """RSS once it has stopped changing for `quiet_s` (work started in the background has finished)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit_s
    last, since = rss_of(pid), loop.time()
    while loop.time() < deadline:
        await asyncio.sleep(0.25)
        now = rss_of(pid)
        if abs(now - last) > 0.2:
            last, since = now, loop.time()
        elif loop.time() - since >= quiet_s:
            break
    return round(last, 1)


CITY_PROBE = """
import resource, sys, time
from pathlib import Path
def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
import coachbot.domain.timezones as tz
before, started = rss(), time.perf_counter()
(getattr(tz, "warm_up", None) or (lambda: tz.find_city("Madrid")))()
print(round(rss() - before, 1), round(time.perf_counter() - started, 2))
"""


def city_index() -> dict[str, float]:
    """What loading the city lookup for typed time zones costs, in a fresh process."""
    import subprocess

    out = subprocess.run([sys.executable, "-c", CITY_PROBE], cwd=str(ROOT), capture_output=True, text=True,
                         check=True).stdout.split()
    return {"rss_mb": float(out[0]), "seconds": float(out[1])}


async def peak_while(pid: int, work: asyncio.Task) -> dict[str, float]:
    """Sample the process tree until `work` finishes; the peaks of the bot, its children and both together."""
    bot = kids = both = 0.0
    while not work.done():
        own, child = tree_rss(pid)
        bot, kids, both = max(bot, own), max(kids, child), max(both, own + child)
        await asyncio.sleep(0.005)
    await work
    return {"bot_mb": round(bot, 1), "children_mb": round(kids, 1), "total_mb": round(both, 1)}


def fill(path: str, people: int) -> None:
    con = sqlite3.connect(path)
    with con:
        insert_people(con, people, ("UTC",), to_iso(datetime.now(UTC)))
    con.close()


async def start_bot(cmd: list[str], env: dict[str, str], sb: Sandbox) -> asyncio.subprocess.Process:
    proc = await asyncio.create_subprocess_exec(*cmd, cwd=str(ROOT), env=env, stdout=asyncio.subprocess.DEVNULL,
                                                stderr=asyncio.subprocess.DEVNULL)
    user = sb.user(1)
    before = len(user.messages)
    deadline = time.monotonic() + 120
    await user.send("/help")   # answered once polling runs: start-up is over
    while len(user.messages) == before:
        if proc.returncode is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the bot did not start: {cmd}")
        await asyncio.sleep(0.05)
    return proc


async def checkins(sb: Sandbox, people: int, today: str) -> None:
    """Everyone opens today's check-in and taps "No" (a good day); 50 people at a time."""
    day = datetime.fromisoformat(today).date()
    gate = asyncio.Semaphore(50)

    async def one(pid: int) -> None:
        async with gate:
            user = sb.user(pid)
            await user.send("/checkin")
            prompt = await user.wait_for(lambda m: bool(m.buttons), timeout=60)
            edits = prompt.edits
            await user.press_data(button("t", day, "no"), prompt)
            await user.wait_for(lambda m: m.message_id == prompt.message_id and m.edits > edits, timeout=60)

    await asyncio.gather(*(one(pid) for pid in range(2, people + 1)))


async def chart_and_report(sb: Sandbox) -> None:
    user = sb.user(1)
    await user.send("/chart")
    await user.wait_for(lambda m: m.kind == "photo", timeout=120)
    await user.send("/report")
    await user.wait_for(lambda m: m.kind == "document", timeout=120)


async def measure(cmd: list[str], env: dict[str, str], people: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "memory.sqlite3")
        storage = Storage(db)
        await storage.open()
        await storage.close()
        fill(db, people)
        async with Sandbox(token=TOKEN, speedup=SPEEDUP) as sb:
            env = {**env, "COACHBOT_DB": db, "COACHBOT_API_BASE_URL": sb.base_url}
            started = time.perf_counter()
            proc = await start_bot(cmd, env, sb)
            startup_s = time.perf_counter() - started
            after_start = await settle_rss(proc.pid)
            await sb.user(1).send("/checkin")
            prompt = await sb.user(1).wait_for(lambda m: bool(m.buttons), timeout=60)
            await sb.user(1).press_data(button("t", datetime.now(UTC).date(), "no"), prompt)
            await checkins(sb, people, datetime.now(UTC).date().isoformat())
            after_checkins = await settle_rss(proc.pid)
            during = await peak_while(proc.pid, asyncio.create_task(chart_and_report(sb)))
            after_report = await settle_rss(proc.pid)
            proc.terminate()
            await proc.wait()
    return {"startup_s": round(startup_s, 2), "rss_mb_after_start": after_start,
            "rss_mb_after_checkins": after_checkins, "during_chart_and_report": during,
            "extra_mb_during_chart_and_report": round(during["total_mb"] - after_checkins, 1),
            "rss_mb_after_report": after_report}


async def run(args: argparse.Namespace) -> dict[str, object]:
    config = Path(tempfile.mkdtemp()) / "coachbot.toml"
    config.write_text(f"[reminders]\nrate_scale = {SPEEDUP}\n")
    env = {**os.environ, "COACHBOT_TOKEN": TOKEN, "COACHBOT_CONFIG": str(config), "COACHBOT_LOG_LEVEL": "WARNING"}
    ours = await measure([sys.executable, "-m", "coachbot.cli", "run"], env, args.people)
    result: dict[str, object] = {"benchmark": "memory", "people": args.people, "coachbot": ours,
                                 "city_index_share": city_index()}
    if args.baseline:
        theirs = await measure([sys.executable, "-m", "bench._stock_bot", "--speedup", str(SPEEDUP)], env,
                               args.people)
        result["stock_ptb"] = theirs
        result["ratio_ours_vs_stock"] = {
            key: round(ours[key] / theirs[key], 2)  # type: ignore[operator]
            for key in ("rss_mb_after_start", "rss_mb_after_checkins", "rss_mb_after_report")}
    result.update({"targets": {"rss_mb_after_checkins": 80, "extra_mb_during_chart_and_report": 80},
                   "load": load(), "machine": machine()})
    config.unlink()
    config.parent.rmdir()
    return result


def main(argv: list[str] | None = None) -> dict[str, object]:
    return emit(asyncio.run(run(parse(argv))))


if __name__ == "__main__":
    main()
