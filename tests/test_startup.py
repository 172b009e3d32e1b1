"""`coachbot run` as an operator meets it: one line per failure, one bot per database, private files.

Every test runs the real command in a subprocess against the loopback sandbox.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from support.harness import TEST_TOKEN
from test_crash import ROOT

from coachbot.sandbox import Sandbox
from coachbot.startup import StartupError, check_database

pytestmark = [pytest.mark.subprocess, pytest.mark.timeout(120)]


def env_for(db: Path, base_url: str, token: str = TEST_TOKEN, **extra: str) -> dict[str, str]:
    env = {**os.environ, "COACHBOT_TOKEN": token, "COACHBOT_API_BASE_URL": base_url, "COACHBOT_DB": str(db),
           "COACHBOT_LOG_LEVEL": "INFO", "PYTHONPATH": str(ROOT), **extra}
    env.pop("COACHBOT_CONFIG", None)
    return env


def coachbot(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coachbot.cli", *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=lambda: os.umask(0o022))


def start(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "coachbot.cli", "run"], env=env, cwd=ROOT,
                            stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            preexec_fn=lambda: os.umask(0o022))


async def wait_for_text(path: Path, text: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> str:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        content = path.read_text(errors="replace") if path.exists() else ""
        if text in content:
            return content
        if proc.poll() is not None:
            raise AssertionError(f"exited {proc.returncode} before {text!r}: {content}")
        await asyncio.sleep(0.05)
    raise AssertionError(f"no {text!r} within {timeout} s: {path.read_text(errors='replace')}")


def stop(proc: subprocess.Popen[bytes]) -> int:
    if proc.poll() is None:
        proc.terminate()
        try:
            return proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
    return proc.wait(10)


def lines(out: subprocess.CompletedProcess[str]) -> list[str]:
    return [ln for ln in (out.stdout + out.stderr).splitlines() if ln.strip()]


async def test_a_rejected_token_is_one_line_and_never_shown(tmp_path: Path) -> None:
    rejected = "7654321:REJECTED-token-never-print-me-0000000"
    async with Sandbox(token=TEST_TOKEN) as sb:
        out = await asyncio.to_thread(coachbot, "run", env=env_for(tmp_path / "bot.sqlite3", sb.base_url, rejected))
    assert out.returncode == 2
    printed = out.stdout + out.stderr
    assert rejected not in printed and rejected.split(":")[1] not in printed
    assert "Traceback" not in printed
    assert [ln for ln in lines(out) if "no database at" not in ln] == [
        "coachbot: Telegram rejected the token (telegram.token / COACHBOT_TOKEN); get a valid one from @BotFather"]


@pytest.mark.parametrize("case", ["not-sqlite", "newer", "folder-missing"])
async def test_an_unusable_database_is_one_line_naming_the_path(tmp_path: Path, case: str) -> None:
    db = tmp_path / "bot.sqlite3"
    if case == "not-sqlite":
        db.write_bytes(b"this is not a database, just some text " * 100)
    elif case == "newer":
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA user_version = 999")
        conn.close()
    else:
        db = tmp_path / "missing-folder" / "bot.sqlite3"
    async with Sandbox(token=TEST_TOKEN) as sb:
        out = await asyncio.to_thread(coachbot, "run", env=env_for(db, sb.base_url))
    assert out.returncode == 2, out
    [line] = lines(out)
    assert line.startswith("coachbot: ") and str(db) in line and "Traceback" not in line
    assert {"not-sqlite": "not a coachbot database", "newer": "newer coachbot",
            "folder-missing": "does not exist"}[case] in line


def test_a_read_only_database_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked through os.access (tests run as root, for whom chmod does not make a file read-only)."""
    db = tmp_path / "bot.sqlite3"
    sqlite3.connect(db).close()
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    with pytest.raises(StartupError, match=f"database {db} is read-only"):
        check_database(str(db), 4, print)


async def test_an_unreachable_bot_api_is_retried_with_backoff_one_line_each(tmp_path: Path) -> None:
    async with Sandbox(token=TEST_TOKEN) as sb:
        closed = sb.base_url           # the sandbox's port, closed once it stops
    log = tmp_path / "out.log"
    proc = start(env_for(tmp_path / "bot.sqlite3", closed), log)
    try:
        text = await wait_for_text(log, "(attempt 2)", proc)
    finally:
        stop(proc)
    attempts = [ln for ln in text.splitlines() if "cannot reach the Bot API" in ln]
    assert attempts[0].endswith("retrying in 1 s (attempt 1)") and attempts[1].endswith("retrying in 2 s (attempt 2)")
    assert "Traceback" not in text and TEST_TOKEN not in text
    assert "/bot" not in attempts[0], "the URL path (which holds the token) is never printed"


async def test_one_bot_per_database_and_private_files_under_umask_022(tmp_path: Path) -> None:
    db, log = tmp_path / "bot.sqlite3", tmp_path / "first.log"
    backups = tmp_path / "backups"
    backups.mkdir()
    async with Sandbox(token=TEST_TOKEN, rate_limits=False) as sb:
        env = env_for(db, sb.base_url)
        first = start(env, log)
        try:
            text = await wait_for_text(log, "coachbot ready", first)
            assert f"no database at {db}; starting a new, empty one" in text
            user = sb.user(8300)
            await user.send("/start")                         # a write: -wal and -shm exist now
            await user.wait_for("Which language", timeout=30)
            second = await asyncio.to_thread(coachbot, "run", env=env)
            assert second.returncode == 2
            [line] = lines(second)
            assert line == (f"coachbot: database {db} is already used by a running coachbot"
                            f" (PID {first.pid}); one database serves one bot")
            # The operator's tools still work beside the running bot.
            check = await asyncio.to_thread(coachbot, "check-config", env=env)
            assert check.returncode == 0, check
            backup = await asyncio.to_thread(coachbot, "backup", str(backups), env=env)
            assert backup.returncode == 0, backup
            assert first.poll() is None, "the running bot is untouched"
            files = [db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}.lock"), *backups.iterdir()]
            for path in files:
                assert path.exists(), path
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, (path, oct(path.stat().st_mode))
        finally:
            assert stop(first) == 0
    # Killed or stopped, the lock goes with the process: the next start is fine.
    assert "already used" not in log.read_text()


async def test_two_processes_on_one_database_send_each_reminder_once(tmp_path: Path) -> None:
    """The issue's duplicate: two `coachbot run` on one file. The second one never starts."""
    db = tmp_path / "bot.sqlite3"
    async with Sandbox(token=TEST_TOKEN, rate_limits=False) as sb:
        env = env_for(db, sb.base_url)
        procs = [start(env, tmp_path / f"bot{i}.log") for i in range(2)]
        try:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 60
            while all(p.poll() is None for p in procs) and loop.time() < deadline:
                await asyncio.sleep(0.05)
            exited = [p for p in procs if p.poll() is not None]
            assert len(exited) == 1 and exited[0].returncode == 2
            running = next(p for p in procs if p.poll() is None)
            log = tmp_path / f"bot{procs.index(exited[0])}.log"
            assert f"(PID {running.pid})" in log.read_text()
        finally:
            for p in procs:
                stop(p)


async def test_a_database_deleted_while_running_stops_the_bot_with_one_line(tmp_path: Path) -> None:
    db, log, config = tmp_path / "bot.sqlite3", tmp_path / "bot.log", tmp_path / "coachbot.toml"
    config.write_text("[reminders]\ntick_seconds = 1\n")
    async with Sandbox(token=TEST_TOKEN, rate_limits=False) as sb:
        proc = start(env_for(db, sb.base_url, COACHBOT_CONFIG=str(config)), log)
        try:
            await wait_for_text(log, "coachbot ready", proc)
            db.unlink()
            code = await asyncio.to_thread(proc.wait, 60)
        finally:
            stop(proc)
    assert code == 1
    last = log.read_text().splitlines()[-1]
    assert last == f"coachbot: database file {db} was deleted; stopped"
    assert "Traceback" not in log.read_text()
