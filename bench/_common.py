"""Helpers shared by the benchmarks: percentiles, memory, the machine, and reply tracking in the sandbox."""

from __future__ import annotations

import asyncio
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coachbot.sandbox import Sandbox


def insert_people(con: sqlite3.Connection, people: int, zones: Sequence[str], created_iso: str) -> None:
    """People 1..N with settings, spread over `zones`; awake all day, so due rows are sent, not dropped as asleep."""
    con.executemany("INSERT INTO people (id, chat_id, onboarding_step, created_utc, updated_utc)"
                    " VALUES (?, ?, NULL, ?, ?)", ((i, i, created_iso, created_iso) for i in range(1, people + 1)))
    con.executemany("INSERT INTO settings (person_id, language, timezone, wake_time, sleep_time, checkin_time,"
                    " water_goal_ml, caffeine_limit_mg, daily_tip_on, weekly_summary_on)"
                    " VALUES (?, 'en', ?, '00:01', '00:00', '20:00', 2000, 400, 1, 1)",
                    ((i, zones[i % len(zones)]) for i in range(1, people + 1)))


def pct(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (nearest rank), or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def rss_mb() -> float:
    """Resident memory now, from /proc (falls back to the peak from getrusage)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def machine() -> dict[str, Any]:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.machine()}


def load() -> dict[str, Any]:
    """The machine's load when the figure was taken (the machine is shared): `uptime`'s averages."""
    one, five, fifteen = os.getloadavg()
    return {"loadavg_1_5_15": [round(one, 2), round(five, 2), round(fifteen, 2)]}


_SPEED_LOOP = """
import json, select, sys, time
times = []
while not select.select([sys.stdin], [], [], 0.25)[0]:
    t0 = time.thread_time()
    sum(i * i for i in range(100_000))
    times.append(time.thread_time() - t0)
print(json.dumps(times))
"""


class SpeedWatch:
    """Times a fixed pure-Python loop four times a second, in a process of its own, during a run.

    On a quiet machine the same loop took 13–23 ms from one second to the next (other guests on
    the host, rarely visible as steal), so two runs are only comparable at the speeds they ran at. CPU time, not wall-clock: waiting for a core the run keeps busy is not slowness.
    The loop takes ~1 % of a core; its median over the run is the run's speed.
    """

    def __enter__(self) -> SpeedWatch:
        self._proc = subprocess.Popen([sys.executable, "-c", _SPEED_LOOP], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True)
        self.loop_s: list[float] = []
        return self

    def __exit__(self, *exc: object) -> None:
        out, _ = self._proc.communicate("")
        self.loop_s = json.loads(out or "[]")

    def summary(self) -> dict[str, Any] | None:
        if not self.loop_s:
            return None
        return {"loop_ms_p50": ms(pct(self.loop_s, 50)), "loop_ms_p90": ms(pct(self.loop_s, 90)),
                "samples": len(self.loop_s)}


def cpu_ticks() -> tuple[int, int] | None:
    """(all ticks, stolen ticks) of the whole machine from /proc/stat, or None where there is none."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(f) for f in fields[:8]]   # user nice system idle iowait irq softirq steal
    return sum(ticks), (ticks[7] if len(ticks) > 7 else 0)


def steal_pct(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """Percent of the machine's time the hypervisor gave to someone else between two `cpu_ticks()`.

    A run that is slow for no reason of its own often shows it here: the same code gets less CPU.
    """
    if before is None or after is None or after[0] <= before[0]:
        return None
    return round(100 * (after[1] - before[1]) / (after[0] - before[0]), 1)


def emit(result: dict[str, Any]) -> dict[str, Any]:
    """Print the result as one JSON line (the last line of output) and return it."""
    print(json.dumps(result, separators=(", ", ": ")), flush=True)
    return result


class Replies:
    """Times every message the bot sends or edits, per chat, so people can wait for their answer.

    Listens to every message the sandbox records (`Sandbox.on_message`) instead of polling
    `user.messages`: 10,000 waiters re-scanning chats on every change would cost
    the benchmark more than the bot it measures.
    """

    def __init__(self, sandbox: Sandbox) -> None:
        self.at: dict[int, list[float]] = defaultdict(list)
        self._waiting: dict[int, tuple[int, asyncio.Future[None]]] = {}
        sandbox.on_message.append(lambda msg: self._record(msg.chat_id))

    def _record(self, chat_id: int) -> None:
        times = self.at[chat_id]
        times.append(time.perf_counter())
        waiting = self._waiting.get(chat_id)
        if waiting is not None and len(times) >= waiting[0] and not waiting[1].done():
            waiting[1].set_result(None)

    def count(self, chat_id: int) -> int:
        return len(self.at.get(chat_id, ()))

    async def wait(self, chat_id: int, count: int, timeout: float) -> bool:
        """Wait until the chat has at least `count` bot messages/edits; False on timeout."""
        if self.count(chat_id) >= count:
            return True
        fut = asyncio.get_running_loop().create_future()
        self._waiting[chat_id] = (count, fut)
        try:
            await asyncio.wait_for(fut, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            self._waiting.pop(chat_id, None)


class Stalls:
    """Pauses of this process: garbage collections and event-loop lag, with when they happened.

    A timer every `every` seconds; a wake-up more than `late` seconds late is a lag. Tells a
    stall of the sandbox (the bench's process) from one of the bot's.
    """

    def __init__(self, every: float = 0.005, late: float = 0.02) -> None:
        self.every, self.late = every, late
        self.gc: list[tuple[float, float, int]] = []     # (start, seconds, generation)
        self.lag: list[tuple[float, float]] = []         # (when it woke, seconds late)
        self._gc_start = 0.0

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_start = time.monotonic()
        else:
            self.gc.append((self._gc_start, time.monotonic() - self._gc_start, info["generation"]))

    async def watch(self) -> None:
        import gc
        gc.callbacks.append(self._on_gc)
        try:
            while True:
                before = time.monotonic()
                await asyncio.sleep(self.every)
                woke = time.monotonic()
                if woke - before - self.every > self.late:
                    self.lag.append((woke, woke - before - self.every))
        finally:
            gc.callbacks.remove(self._on_gc)

    def summary(self) -> dict[str, list[float]]:
        """The longest pauses in ms: collections over 20 ms and loop lags."""
        return {"gc_over_20ms": sorted((round(d * 1000) for _, d, _ in self.gc if d > 0.02), reverse=True)[:10],
                "loop_lags_ms": sorted((round(d * 1000) for _, d in self.lag), reverse=True)[:10]}
