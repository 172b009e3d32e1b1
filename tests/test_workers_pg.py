"""Real worker processes on one PostgreSQL database: every reminder once, and a SIGKILLed
worker's leased reminders delivered by the others after the lease."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pg_server
import pytest
from support.harness import TEST_TOKEN

from coachbot.config import Defaults
from coachbot.sandbox import Sandbox
from coachbot.storage import Storage

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = range(50_000, 50_600)


async def seed(url: str, now: datetime) -> None:
    store = Storage(url)
    await store.open()
    try:
        offset = 12 - now.hour
        zone = "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"  # local noon: awake
        for uid in PEOPLE:
            await store.people.create(uid, uid, "en", Defaults(), now, first_step=None)  # type: ignore[arg-type]
            await store.people.update_settings(uid, timezone=zone)
        await store.reminders.upsert([(uid, "checkin", now - timedelta(minutes=1), None) for uid in PEOPLE])
    finally:
        await store.close()


def sent_per_chat(sb: Sandbox) -> dict[int, int]:
    out: dict[int, int] = {}
    for c in sb.calls:
        if c.method == "sendMessage" and c.status == 200 and c.chat_id in PEOPLE:
            out[c.chat_id] = out.get(c.chat_id, 0) + 1
    return out


async def until(condition, timeout: float, what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout   # waiting on real processes, not a bound on their speed
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


@pytest.fixture
def url(pg: pg_server.PgServer) -> str:
    return pg.fresh_url("workers")


@pytest.mark.timeout(240)
async def test_three_workers_send_each_reminder_once_and_survive_a_sigkill(url: str) -> None:
    await seed(url, datetime.now(UTC))
    async with Sandbox(token=TEST_TOKEN, rate_limits=False) as sb:
        for uid in PEOPLE:
            sb.user(uid)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        workers = [subprocess.Popen([sys.executable, str(ROOT / "tests" / "mp_worker.py"), url, sb.base_url],
                                    cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                   for _ in range(3)]
        try:
            await until(lambda: sum(sent_per_chat(sb).values()) >= 100, 120, "the burst to start")
            workers[0].send_signal(signal.SIGKILL)
            workers[0].wait(10)
            await until(lambda: len(sent_per_chat(sb)) == len(PEOPLE), 120, "every reminder to go out")
            await asyncio.sleep(2)   # a few more ticks: nothing else may go out
        finally:
            for w in workers:
                if w.poll() is None:
                    w.send_signal(signal.SIGKILL)
                    w.wait(10)
    sent = sent_per_chat(sb)
    store = Storage(url)
    await store.open()
    try:
        rows = await store.db.fetchall("SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status")
        assert {r["status"]: r["n"] for r in rows} == {"sent": len(PEOPLE)}
    finally:
        await store.close()
    assert set(sent) == set(PEOPLE), "0 lost"
    twice = [uid for uid, n in sent.items() if n > 1]
    assert len(twice) <= 32, f"only sends in flight when the worker died may repeat: {len(twice)}"
