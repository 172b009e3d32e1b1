"""`coachbot backup PATH`: a consistent copy of a database that is being written at the same time."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coachbot.cli import main
from coachbot.config import Defaults
from coachbot.storage import Storage
from coachbot.storage.backup import backup_file, backup_into

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def check_copy(path: Path) -> tuple[int, int]:
    """integrity_check and foreign_key_check pass; return (people, settings) row counts."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete", "a single self-contained file"
        people = conn.execute("SELECT COUNT(*) FROM people").fetchone()[0]
        settings = conn.execute("SELECT COUNT(*) FROM settings").fetchone()[0]
        return people, settings
    finally:
        conn.close()


async def test_backup_while_the_database_is_written(tmp_path: Path) -> None:
    storage = Storage(str(tmp_path / "live.sqlite3"))
    await storage.open()
    stop = asyncio.Event()
    written = 0

    async def writer() -> None:
        nonlocal written
        i = 0
        while not stop.is_set():
            i += 1
            # people + settings in one transaction: a torn copy would show unequal counts
            await storage.people.create(10_000 + i, 10_000 + i, "en", Defaults(), T0 + timedelta(seconds=i), "lang")
            await storage.people.set_state(10_000 + i, T0, awaiting="tz")
            written = i
            await asyncio.sleep(0)

    task = asyncio.create_task(writer())
    try:
        copies = []
        for n in range(5):
            while written < (n + 1) * 20:
                await asyncio.sleep(0.005)
            copies.append(await backup_file(storage.db.path, tmp_path / f"copy{n}.sqlite3"))
    finally:
        stop.set()
        await task
        await storage.close()
    counts = [check_copy(p) for p in copies]
    for people, settings in counts:
        assert people == settings and people > 0
    assert [c[0] for c in counts] == sorted(c[0] for c in counts), "later copies hold more"
    assert counts[-1][0] < written + 1
    assert not list(tmp_path.glob("*.partial"))


async def test_the_cli_copies_a_running_bots_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bot.sqlite3"
    storage = Storage(str(db))
    await storage.open()  # stays open, WAL active, like a running bot
    try:
        await storage.people.create(1, 1, "en", Defaults(), T0, "lang")
        monkeypatch.setenv("COACHBOT_DB", str(db))
        monkeypatch.delenv("COACHBOT_CONFIG", raising=False)
        target = tmp_path / "backups"
        target.mkdir()
        code = await asyncio.to_thread(main, ["backup", str(target)])
        assert code == 0
        [copy] = target.iterdir()
        assert copy.name.startswith("bot-") and copy.suffix == ".sqlite3"
        assert check_copy(copy) == (1, 1)
        assert copy.stat().st_mode & 0o777 == 0o600, "backups hold health data"
    finally:
        await storage.close()


def test_a_folder_gets_timestamped_copies_and_keeps_the_newest(tmp_path: Path) -> None:
    db = tmp_path / "coachbot.sqlite3"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a backup")
    written = []
    for minute in range(5):
        path, removed = backup_into(db, folder, keep=3, now=T0 + timedelta(minutes=minute))
        written.append(path)
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".sqlite3") == [p.name for p in written[-3:]]
    assert written[0].name == "coachbot-20260310T090000Z.sqlite3"
    assert (folder / "notes.txt").exists(), "only our own backups are pruned"
    again, _ = backup_into(db, folder, keep=3, now=T0 + timedelta(minutes=4))   # same second: a new name
    assert again != written[-1] and again.exists() and written[-1].exists()


def test_a_folder_that_does_not_exist_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "coachbot.sqlite3"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.close()
    monkeypatch.setenv("COACHBOT_DB", str(db))
    monkeypatch.delenv("COACHBOT_CONFIG", raising=False)
    assert main(["backup", str(tmp_path / "nowhere") + "/"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["backup", str(tmp_path / "nowhere" / "copy.sqlite3")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


def test_a_missing_database_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COACHBOT_DB", str(tmp_path / "nope.sqlite3"))
    monkeypatch.delenv("COACHBOT_CONFIG", raising=False)
    assert main(["backup", str(tmp_path / "copy.sqlite3")]) == 1
    assert "no database at" in capsys.readouterr().err
