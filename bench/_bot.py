"""The real bot in its own process against a sandbox, so the emulator's CPU is not charged to the bot.

    python -m bench._bot --db PATH-OR-URL --base-url URL --token TOKEN --now ISO [--no-rate-limiter]
                         [--speedup K] [--global-rate R] [--webhook-port P --webhook-secret S]

Prints "ready" once polling (or, with --webhook-port, PTB's webhook server) has started and,
on SIGTERM, one JSON line with its CPU seconds and resident memory before exiting. A line
"tick" on stdin runs one reminders tick at --now and prints {"tick": {...}} when it is done;
"beat" only writes this process's heartbeat (several processes: each learns its share of
the send budget) and prints {"tick": {"workers": N}}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import Stalls, rss_mb
from coachbot import eventloop
from coachbot.app import build_application, running
from coachbot.cli import serving_webhook
from coachbot.config import ReminderSettings, Settings, WebhookSettings
from coachbot.reminders.engine import JOB_NAME, engine_of

ROOT = Path(__file__).resolve().parents[1]


async def serve(args: argparse.Namespace) -> None:
    now = datetime.fromisoformat(args.now)
    base = ReminderSettings()
    reminders = replace(base, rate_scale=args.speedup, global_rate=args.global_rate or base.global_rate,
                        tick_seconds=3600.0)  # ticks come from stdin
    settings = Settings(token=args.token, db_path=args.db, source="<bench>", reminders=reminders,
                        api_base_url=args.base_url, api_file_url=args.base_url.replace("/bot", "/file/bot"))
    if args.webhook_port:
        settings = replace(settings, mode="webhook", webhook=WebhookSettings(
            port=args.webhook_port, url="https://bench.invalid/", path="hook", secret_token=args.webhook_secret))
    app = build_application(settings, clock=lambda: now, rate_limiter=args.rate_limiter,
                            max_concurrent_updates=args.concurrency)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    async with serving_webhook(app, settings) if args.webhook_port else running(app):
        for job in app.job_queue.get_jobs_by_name(JOB_NAME):  # ticks come from stdin only
            job.schedule_removal()
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        commands = asyncio.create_task(ticks(app, reader, now))
        for task in [v for v in app.bot_data.values() if isinstance(v, asyncio.Task)]:
            await task  # start-up work in the background (e.g. warming a cache) is not the measured work
        print("ready", json.dumps({"ready_cpu_s": cpu_seconds(), "event_loop": eventloop.name(loop)}), flush=True)
        await stop.wait()
        commands.cancel()
    print(json.dumps({"cpu_s": cpu_seconds(), "rss_mb": rss_mb(), "thread_cpu_s": thread_cpu()}), flush=True)


def cpu_seconds() -> float:
    usage = os.times()
    return round(usage.user + usage.system, 3)


def thread_cpu() -> dict[str, float]:
    """CPU seconds of the event loop's thread and of all other threads (aiosqlite's), from /proc on Linux."""
    out = {"loop": 0.0, "other_threads": 0.0}
    tick = os.sysconf("SC_CLK_TCK")
    for task in Path("/proc/self/task").glob("*"):
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        key = "loop" if task.name == str(os.getpid()) else "other_threads"
        out[key] = round(out[key] + (int(fields[11]) + int(fields[12])) / tick, 2)
    return out


async def ticks(app: object, reader: asyncio.StreamReader, now: datetime) -> None:
    """Run a reminders tick for every "tick" line on stdin, a heartbeat for every "beat"."""
    while line := await reader.readline():
        command = line.strip()
        if command not in (b"tick", b"beat"):
            continue
        engine = engine_of(app)  # type: ignore[arg-type]
        try:
            if command == b"tick":   # with this process's pauses, to tell them from the sandbox's
                stalls = Stalls(every=0.002, late=0.005)
                watching = asyncio.create_task(stalls.watch())
                report = vars(await engine.tick(now))
                watching.cancel()
                report.update(bot_stalls=stalls.summary(), bot_lags=stalls.lag)
            else:
                await engine.coordinate(now)
                report = {"workers": engine.workers}
        except Exception as exc:
            report = {"error": repr(exc)}
        print(json.dumps({"tick": report}), flush=True)


class BotProcess(dict):
    """Stats of the child bot (cpu_s, rss_mb after it stops) and a way to ask it for a tick."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        super().__init__()
        self.proc = proc

    async def tick(self, command: bytes = b"tick") -> dict:
        """Run a reminders tick (or only a heartbeat: b"beat") in the bot process; its report."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(command + b"\n")
        await self.proc.stdin.drain()
        while True:
            line = await self.proc.stdout.readline()
            if not line:
                raise RuntimeError("bot process ended during a tick")
            if line.startswith(b'{"tick"'):
                report = json.loads(line)["tick"]
                if "error" in report:
                    raise RuntimeError(f"tick failed in the bot process: {report['error']}")
                return report


@asynccontextmanager
async def bot_process(*, db: str, base_url: str, token: str, now: datetime, concurrency: int = 64,
                      rate_limiter: bool = False, speedup: float = 1.0,
                      global_rate: float | None = None, stock: bool = False,
                      webhook_port: int | None = None, webhook_secret: str = "") -> AsyncIterator[BotProcess]:
    """Run the bot in a child process; the yielded dict gets its cpu_s and rss_mb after it stops.

    `stock=True` runs the baseline instead (bench/_stock_bot.py: stock PTB doing the same work).
    """
    # BENCH_BOT_PROFILE=PATH profiles the bot: PATH.prof is a cProfile dump, anything else pyinstrument's text.
    profile = os.environ.get("BENCH_BOT_PROFILE")
    prefix = ([] if not profile else ["-m", "cProfile", "-o", profile] if profile.endswith(".prof")
              else ["-m", "pyinstrument", "-o", profile])
    module = "bench._stock_bot" if stock else "bench._bot"
    cmd = [sys.executable, *prefix, "-m", module, "--db", db, "--base-url", base_url, "--token", token,
           "--now", now.isoformat(), "--concurrency", str(concurrency), "--speedup", str(speedup)]
    if global_rate is not None:
        cmd += ["--global-rate", str(global_rate)]
    if webhook_port is not None:
        cmd += ["--webhook-port", str(webhook_port), "--webhook-secret", webhook_secret]
    if not rate_limiter:
        cmd.append("--no-throttle" if stock else "--no-rate-limiter")
    proc = await asyncio.create_subprocess_exec(*cmd, cwd=str(ROOT), stdout=asyncio.subprocess.PIPE,
                                                stdin=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    started = time.perf_counter()
    line = await asyncio.wait_for(proc.stdout.readline(), 120)
    if not line.startswith(b"ready"):
        raise RuntimeError(f"bot process did not start: {line!r}")
    stats = BotProcess(proc)
    stats["startup_s"] = round(time.perf_counter() - started, 2)
    stats.update(json.loads(line[len(b"ready"):] or b"{}"))
    try:
        yield stats
    finally:
        proc.terminate()
        out, _ = await proc.communicate()
        for raw in out.decode().splitlines()[::-1]:
            if raw.startswith("{"):
                stats.update(json.loads(raw))
                break
        if "cpu_s" in stats and "ready_cpu_s" in stats:  # CPU spent on the measured work, not start-up
            stats["work_cpu_s"] = round(stats["cpu_s"] - stats["ready_cpu_s"], 2)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--base-url", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--now", required=True)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--speedup", type=float, default=1.0)
    p.add_argument("--global-rate", type=float, default=None)
    p.add_argument("--no-rate-limiter", dest="rate_limiter", action="store_false")
    p.add_argument("--webhook-port", type=int, default=None, help="serve a webhook on 127.0.0.1:PORT instead of polling")
    p.add_argument("--webhook-secret", default="")
    args = p.parse_args()
    profile = os.environ.get("BENCH_BOT_CPU_PROFILE")
    if not profile:
        eventloop.run(serve(args))   # the loop `coachbot run` uses (uvloop when installed)
        return
    import cProfile  # the event loop thread's CPU time per function (a wall-clock profile counts GIL waits)

    prof = cProfile.Profile(time.thread_time)
    prof.runcall(eventloop.run, serve(args))
    prof.dump_stats(profile)


if __name__ == "__main__":
    main()
