"""SIGKILL in the middle of work, then a restart: the database survives and nothing answered is lost.

The bot runs as a real `coachbot run` subprocess whose Bot API is the sandbox
in this test's process (COACHBOT_API_BASE_URL), so the kill is a real kill.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from support.harness import TEST_TOKEN

from coachbot.config import Defaults
from coachbot.domain.checkins import CheckinDay
from coachbot.reminders.sender import PacedSender
from coachbot.sandbox import Fault, Sandbox, SandboxUser
from coachbot.storage import Storage

pytestmark = pytest.mark.subprocess  # the bot runs as a real process here

ROOT = Path(__file__).resolve().parent.parent


def start_bot(sandbox: Sandbox, db: Path, log: Path, config: Path | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "COACHBOT_TOKEN": TEST_TOKEN, "COACHBOT_API_BASE_URL": sandbox.base_url,
           "COACHBOT_DB": str(db), "COACHBOT_LOG_LEVEL": "INFO", "PYTHONPATH": str(ROOT)}
    env.pop("COACHBOT_CONFIG", None)
    if config is not None:
        env["COACHBOT_CONFIG"] = str(config)
    return subprocess.Popen([sys.executable, "-m", "coachbot.cli", "run"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=log.open("ab"))


def profile_row(db: Path, person_id: int) -> tuple | None:
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute("SELECT p.onboarding_step, s.timezone, s.wake_time, s.sleep_time, s.checkin_time"
                            " FROM people p JOIN settings s ON s.person_id = p.id WHERE p.id = ?",
                            (person_id,)).fetchone()
    finally:
        conn.close()


async def onboard_remote(user: SandboxUser) -> None:
    """Onboard through the subprocess bot (no in-process harness to wait on: wait for replies).

    Generous timeouts: the first city answer builds the city index (about a second alone, far
    longer on a loaded machine); these are bounds on a hang, not on speed."""
    await user.send("/start")
    await user.wait_for("Which language", timeout=30)
    await user.press("English")
    await user.wait_for(lambda m: bool(m.reply_keyboard), timeout=45)
    await user.send("Lisbon")
    await user.wait_for(lambda m: any(b[0] == "07:00" for row in m.buttons for b in row), timeout=45)
    await user.press("07:00")
    await user.wait_for(lambda m: any(b[0] == "23:00" for row in m.buttons for b in row), timeout=45)
    await user.press("23:00")
    await user.wait_for(lambda m: any(b[0] == "20:00" for row in m.buttons for b in row), timeout=45)
    await user.press("20:00")
    await user.wait_for("All set", timeout=45)


@pytest.mark.timeout(120)
async def test_sigkill_mid_traffic_then_restart_keeps_everything(tmp_path: Path) -> None:
    db, log = tmp_path / "bot.sqlite3", tmp_path / "bot.log"
    async with Sandbox(token=TEST_TOKEN, rate_limits=False) as sb:
        proc = start_bot(sb, db, log)
        try:
            settled = [sb.user(8000 + i) for i in range(3)]
            for user in settled:
                await onboard_remote(user)
            # A burst of traffic from many people, killed while it is being handled.
            busy = [sb.user(8100 + i) for i in range(30)]
            for user in busy:
                await user.send("/start")
            for user in settled:
                await user.send("/settings")
            await sb._wait_until(lambda: next(iter(m for u in busy for m in u.messages), None), 10)
            proc.send_signal(signal.SIGKILL)
            assert proc.wait(10) == -signal.SIGKILL
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)

        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            conn.close()
        for user in settled:
            assert profile_row(db, user.id) == (None, "Europe/Lisbon", "07:00", "23:00", "20:00")

        proc = start_bot(sb, db, log)
        try:
            # Updates never fetched are answered after the restart. An update that was being
            # handled at the kill is not redelivered (PTB confirms a batch when it fetches the
            # next one): the person sees no question and, like anyone, sends /start again.
            await sb.wait_idle(timeout=20)
            await asyncio.sleep(1.0)
            await sb.wait_idle(timeout=20)
            for user in busy:
                if not any("Which language" in (m.text or "") for m in user.messages):
                    await user.send("/start")
            for user in busy:
                await user.wait_for("Which language", timeout=15)
            for user in settled:
                await user.send("/start")
                await user.wait_for("Good to see you again", timeout=15)
            await sb.wait_idle(timeout=15)
            for user in busy:
                starts = [m for m in user.messages if "Which language" in (m.text or "")]
                assert 1 <= len(starts) <= 2
                assert profile_row(db, user.id)[0] == "lang"  # type: ignore[index]
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
    assert TEST_TOKEN.split(":")[1] not in log.read_text(), "the operator's log never holds the token"
    for user in settled + busy:
        assert not any("Traceback" in (m.text or "") or "Sorry" in (m.text or "") for m in user.messages)


# A burst that lasts a few seconds: 20 reminders/s, every send answered after 0.25 s (so several are
# in flight at any moment), a tick every second; water reminders have a one-minute grace window.
BURST_CONFIG = """
[reminders]
tick_seconds = 1
global_rate = 20
per_chat_interval = 1.0
checkin_grace_minutes = 30
hydration_grace_minutes = 1
"""
FRESH, EXPIRING = range(9000, 9100), range(9200, 9230)   # check-in due 2 min ago / water due 50 s ago
ANSWERED_BEFORE = FRESH[:5]                               # people with yesterday's check-in on record


def awake_zone(now: datetime) -> str:
    """A fixed-offset zone where it is around noon right now, so nobody is asleep whatever the hour."""
    offset = 12 - now.hour                                # UTC+offset, -11..+12
    return "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


async def seed_burst(db: Path, now: datetime) -> None:
    """People whose reminders are due right now, written before the bot starts (as after a quiet night)."""
    storage = Storage(str(db))
    await storage.open()
    try:
        people = storage.people
        zone = awake_zone(now)
        for uid in [*FRESH, *EXPIRING]:
            await people.create(uid, uid, "en", Defaults(), now, first_step="lang")
            await people.set_state(uid, now, onboarding_step=None)
            await people.update_settings(uid, timezone=zone, wake_time="06:00", sleep_time="23:00")
        await storage.reminders.upsert([(uid, "checkin", now - timedelta(minutes=2), None) for uid in FRESH])
        await storage.reminders.upsert([(uid, "hydration", now - timedelta(seconds=50), 120) for uid in EXPIRING])
        yesterday = (now.astimezone(ZoneInfo(zone)) - timedelta(days=1)).date()
        for uid in ANSWERED_BEFORE:
            await storage.checkins.put(uid, CheckinDay(day=yesterday, step=None, twitches=True, locations=("calf",),
                                                       stress=3, sleep="6to7"), now)
    finally:
        await storage.close()


def query(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def accepted(sb: Sandbox) -> dict[int, int]:
    """Messages the sandbox (Telegram) accepted, per chat."""
    per_chat: dict[int, int] = {}
    for c in sb.calls:
        if c.method == "sendMessage" and c.status == 200 and c.chat_id is not None:
            per_chat[c.chat_id] = per_chat.get(c.chat_id, 0) + 1
    return per_chat


async def until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def stop(proc: subprocess.Popen[bytes], sig: signal.Signals = signal.SIGINT) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.mark.timeout(60)
async def test_sigkill_in_a_reminder_burst_loses_nothing_and_sends_no_stale_burst(tmp_path: Path) -> None:
    db, log, config = tmp_path / "bot.sqlite3", tmp_path / "bot.log", tmp_path / "coachbot.toml"
    config.write_text(BURST_CONFIG)
    seeded_at = datetime.now(UTC)
    await seed_burst(db, seeded_at)
    checkins_before = query(db, "SELECT * FROM checkins ORDER BY person_id, day")
    assert len(checkins_before) == len(ANSWERED_BEFORE)
    async with Sandbox(token=TEST_TOKEN, rate_limits=False) as sb:
        for uid in [*FRESH, *EXPIRING]:
            sb.user(uid)                              # they started the bot once, so Telegram knows the chat
        sb.inject(Fault(method="sendMessage", kind="slow", delay=0.25))
        proc = start_bot(sb, db, log, config)
        try:
            await until(lambda: sum(accepted(sb).values()) >= 40, 30, "the burst to be under way")
            proc.send_signal(signal.SIGKILL)
            assert proc.wait(10) == -signal.SIGKILL
        finally:
            stop(proc, signal.SIGKILL)
        await asyncio.sleep(0.5)                      # requests that were on the wire finish on Telegram's side
        before_restart = accepted(sb)
        assert 40 <= sum(before_restart.values()) < len(FRESH), "killed in the middle of the burst"
        assert not set(before_restart) & set(EXPIRING), "the check-ins were due first"
        assert query(db, "PRAGMA integrity_check") == [("ok",)]
        recorded = {pid for (pid,) in query(db, "SELECT person_id FROM deliveries WHERE status = 'sent'")}
        unrecorded = set(before_restart) - recorded   # Telegram took them, the database never heard back
        assert recorded <= set(before_restart), "nothing is marked sent that Telegram did not accept"

        # Down until the water reminders' one-minute grace window is over: they must not come as a burst.
        expiry = seeded_at - timedelta(seconds=50) + timedelta(minutes=1)
        await asyncio.sleep(max(0.0, (expiry - datetime.now(UTC)).total_seconds()) + 1.0)
        proc = start_bot(sb, db, log, config)
        try:
            await until(lambda: set(accepted(sb)) >= set(FRESH), 20, "every check-in reminder to go out")
            await until(lambda: not query(db, "SELECT 1 FROM deliveries WHERE status = 'pending'"), 10,
                        "the pending deliveries to drain")
            # a delivery held under a lease is neither pending nor decided yet: wait for the verdict
            await until(lambda: query(db, "SELECT COUNT(*) FROM deliveries WHERE kind = 'hydration'"
                                          " AND status = 'stale'") == [(len(EXPIRING),)], 20,
                        "the expired water reminders to be set aside")
            await asyncio.sleep(1.5)                  # one more tick: nothing else may go out
        finally:
            stop(proc)
    sent = accepted(sb)
    concurrency = PacedSender(None, rate=20, per_chat_interval=1.0).concurrency  # type: ignore[arg-type]
    duplicates = {pid: n - 1 for pid, n in sent.items() if n > 1}
    assert set(duplicates) <= unrecorded, "only a send Telegram took but the database never recorded repeats"
    assert sum(duplicates.values()) <= len(unrecorded) <= concurrency, (duplicates, unrecorded)
    assert all(n == 1 for n in duplicates.values())
    assert not set(sent) & set(EXPIRING), "water reminders whose grace ended during the downtime were not sent"
    stale = query(db, "SELECT COUNT(*) FROM deliveries WHERE kind = 'hydration' AND status = 'stale'")
    assert stale == [(len(EXPIRING),)]
    assert query(db, "SELECT status, COUNT(*) FROM deliveries WHERE kind = 'checkin' GROUP BY status") \
        == [("sent", len(FRESH))]
    assert query(db, "SELECT * FROM checkins ORDER BY person_id, day") == checkins_before, "check-ins intact"
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "PRAGMA foreign_key_check") == []
    assert TEST_TOKEN.split(":")[1] not in log.read_text()
