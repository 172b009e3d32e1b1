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
from pathlib import Path

import pytest
from conftest import TEST_TOKEN

from coachbot.sandbox import Sandbox, SandboxUser

ROOT = Path(__file__).resolve().parent.parent


def start_bot(sandbox: Sandbox, db: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "COACHBOT_TOKEN": TEST_TOKEN, "COACHBOT_API_BASE_URL": sandbox.base_url,
           "COACHBOT_DB": str(db), "COACHBOT_LOG_LEVEL": "INFO", "PYTHONPATH": str(ROOT)}
    env.pop("COACHBOT_CONFIG", None)
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
    """Onboard through the subprocess bot (no in-process harness to wait on: wait for replies)."""
    await user.send("/start")
    await user.wait_for("Which language", timeout=30)
    await user.press("English")
    await user.wait_for(lambda m: bool(m.reply_keyboard), timeout=10)
    await user.send("Lisbon")
    await user.wait_for(lambda m: any(b[0] == "07:00" for row in m.buttons for b in row), timeout=10)
    await user.press("07:00")
    await user.wait_for(lambda m: any(b[0] == "23:00" for row in m.buttons for b in row), timeout=10)
    await user.press("23:00")
    await user.wait_for(lambda m: any(b[0] == "20:00" for row in m.buttons for b in row), timeout=10)
    await user.press("20:00")
    await user.wait_for("All set", timeout=10)


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


@pytest.mark.skip(reason="needs the reminders engine (issue 4): not on main yet")
async def test_sigkill_in_a_reminder_burst_loses_nothing_and_sends_no_stale_burst() -> None:
    """To complete when issue 4 lands (same subprocess wiring as above).

    1. Seed 200 people whose hydration reminder is due now (storage API of issue 4),
       start the bot with reminders.tick_seconds = 1 and a sandbox that is slow on
       sendMessage (Fault(kind="slow", delay=0.05)) so the burst takes seconds.
    2. SIGKILL once ~50 reminders were delivered (count sandbox sendMessage calls).
    3. Restart. Wait for the deliveries table to drain.
    Assert: every reminder still inside its grace window was delivered; none older
    than its grace window was sent after the restart (dropped as stale, counted in
    coachbot_reminders_dropped_total); duplicates per person <= 1 and in total <= the
    number of sends in flight at the kill (the sender's concurrency: state it from the
    engine's config); PRAGMA integrity_check ok; check-ins recorded before the kill intact.
    """
