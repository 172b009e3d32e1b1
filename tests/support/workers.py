"""Real bot worker processes (tests/mp_worker.py) on one PostgreSQL database, for
tests/test_workers_pg.py and bench/workers.py.

Each worker is the real Application in webhook mode with its reminders engine ticking
on the JobQueue (the production path), sending to a sandbox in this process.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import aiohttp

from coachbot.config import ReminderSettings
from coachbot.sandbox import Sandbox
from coachbot.storage import Storage
from coachbot.storage.timefmt import to_iso

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "mp_worker.py"
SECRET = "workers-secret-Token_1"
GLOBAL_RATE = ReminderSettings().global_rate   # the whole bot's sends per second


def noon_zone(now: datetime) -> str:
    """A fixed-offset zone where it is about noon at `now` (awake: reminders may go out)."""
    offset = 12 - now.hour
    return "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


async def seed_due(url: str, people: range, now: datetime) -> None:
    """Onboarded people, each with a check-in prompt due a minute ago (bulk inserts)."""
    store = Storage(url)
    await store.open()
    try:
        stamp, due, zone = to_iso(now), to_iso(now - timedelta(minutes=1)), noon_zone(now)
        db = store.db
        await db.executemany("INSERT INTO people (id, chat_id, onboarding_step, created_utc, updated_utc)"
                             " VALUES (?, ?, NULL, ?, ?)", [(i, i, stamp, stamp) for i in people])
        await db.executemany("INSERT INTO settings (person_id, language, timezone, wake_time, sleep_time,"
                             " checkin_time, water_goal_ml, caffeine_limit_mg)"
                             " VALUES (?, 'en', ?, '07:00', '23:00', '20:00', 2000, 400)",
                             [(i, zone) for i in people])
        await db.executemany("INSERT INTO reminders (person_id, kind, next_due_utc) VALUES (?, 'checkin', ?)",
                             [(i, due) for i in people])
    finally:
        await store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Workers:
    """`n` worker processes; each serves Telegram's webhook on its own loopback port."""

    url: str
    sandbox: Sandbox
    n: int = 3
    rate_scale: float = 10.0
    lease_seconds: int = 10
    send_logs: Path | None = None   # a folder: each worker logs its pacer's send slots there (mp_worker --send-log)
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)

    def start(self) -> Workers:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        for i in range(self.n):
            port = free_port()
            self.ports.append(port)
            log = ["--send-log", str(self.send_logs / f"worker{i}.log")] if self.send_logs else []
            self.procs.append(subprocess.Popen(
                [sys.executable, str(WORKER), self.url, self.sandbox.base_url, "--port", str(port),
                 "--token", self.sandbox.token or "", "--secret", SECRET,
                 "--rate-scale", str(self.rate_scale), "--lease", str(self.lease_seconds), *log],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        return self

    def kill(self, i: int) -> None:
        self.procs[i].send_signal(signal.SIGKILL)
        self.procs[i].wait(10)

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                p.wait(10)

    async def ready(self) -> None:
        """Every live worker answers on its webhook port (a GET is refused, but answered)."""
        async with aiohttp.ClientSession() as session:
            for port, proc in zip(self.ports, self.procs, strict=True):
                async def up(port: int = port) -> bool:
                    try:
                        async with session.get(f"http://127.0.0.1:{port}/telegram",
                                               timeout=aiohttp.ClientTimeout(2)):
                            return True
                    except (aiohttp.ClientError, TimeoutError):
                        return False
                await until_async(up, 120, f"worker on port {port} to start",
                                  alive=lambda proc=proc: proc.poll() is None)

    async def post(self, i: int, update: dict) -> int:
        """Deliver one update to worker i's webhook, as Telegram (behind nginx) would."""
        async with aiohttp.ClientSession() as session:
            async with session.post(f"http://127.0.0.1:{self.ports[i]}/telegram", data=json.dumps(update),
                                    headers={"Content-Type": "application/json",
                                             "X-Telegram-Bot-Api-Secret-Token": SECRET},
                                    timeout=aiohttp.ClientTimeout(30)) as r:
                return r.status

    def __enter__(self) -> Workers:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


async def until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Wait for real processes to get somewhere (a guard against hanging, not a bound on their speed)."""
    async def check() -> bool:
        return condition()
    await until_async(check, timeout, what)


async def until_async(condition: Callable[[], Awaitable[bool]], timeout: float, what: str,
                      alive: Callable[[], bool] = lambda: True) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await condition():
        if not alive():
            raise AssertionError(f"a worker died waiting for {what}")
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.2)


def sends(sb: Sandbox, people: range) -> list[tuple[int, float]]:
    """(chat, when it reached the sandbox) of every message the sandbox accepted for these people, in order."""
    return [(c.chat_id, c.arrived if c.arrived is not None else c.at) for c in sb.calls
            if c.method == "sendMessage" and c.status == 200 and c.chat_id in people]


def per_chat(sent: list[tuple[int, float]]) -> Counter[int]:
    return Counter(chat for chat, _ in sent)


async def delivery_states(store: Storage) -> dict[str, int]:
    rows = await store.db.fetchall("SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status")
    return {r["status"]: int(r["n"]) for r in rows}
