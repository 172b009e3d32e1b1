"""SQLite: reads and one-statement writes run on the event loop's connection; a failed write leaves no transaction open."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coachbot.config import Defaults
from coachbot.storage import Storage
from coachbot.storage.db import IntegrityError

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


async def test_reads_and_one_statement_writes_skip_the_thread_transactions_use_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Storage(str(tmp_path / "a.db"))
    await store.open()
    await store.people.create(1, 1, "en", Defaults(), NOW, first_step="lang")
    conn = store.db.conn
    hops = 0
    real = conn._execute

    async def counted(fn, *args, **kwargs):
        nonlocal hops
        hops += 1
        return await real(fn, *args, **kwargs)

    monkeypatch.setattr(conn, "_execute", counted)
    row = await store.db.fetchone("SELECT chat_id FROM people WHERE id = ?", (1,))
    assert row["chat_id"] == 1 and hops == 0
    assert await store.db.execute("UPDATE people SET chat_id = ? WHERE id = ?", (5, 1)) == 1
    assert [r[0] for r in await store.db.fetchall("SELECT chat_id FROM people")] == [5] and hops == 0
    async with store.db.transaction() as tx:   # several statements: aiosqlite's thread, as before
        await tx.execute("UPDATE people SET chat_id = ? WHERE id = ?", (6, 1))
    assert hops > 0
    # What a transaction on the thread's connection committed, the loop's connection reads at once.
    assert (await store.db.fetchone("SELECT chat_id FROM people WHERE id = 1"))[0] == 6
    await store.close()


async def test_the_wal_is_checkpointed_off_the_loop_every_so_many_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from coachbot.storage import sqlite

    monkeypatch.setattr(sqlite, "CHECKPOINT_EVERY", 3)
    ran_on: list[str] = []
    real = sqlite._checkpoint

    def recorded(db):
        ran_on.append(threading.current_thread().name)
        real(db)

    monkeypatch.setattr(sqlite, "_checkpoint", recorded)
    store = Storage(str(tmp_path / "a.db"))
    await store.open()
    await store.people.create(1, 1, "en", Defaults(), NOW, first_step="lang")
    for chat in range(7):
        await store.db.execute("UPDATE people SET chat_id = ? WHERE id = 1", (chat,))
    await store.close()   # waits for a checkpoint still running
    # One at a time: the second is skipped if the first is still running when it is due.
    assert 1 <= len(ran_on) <= 2 and threading.main_thread().name not in ran_on


async def test_a_checkpoint_due_during_a_transaction_does_not_fail(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkpoint inside a transaction open on the same connection would fail: it has one of its own."""
    from coachbot.storage import sqlite

    monkeypatch.setattr(sqlite, "CHECKPOINT_EVERY", 1)
    store = Storage(str(tmp_path / "a.db"))
    await store.open()
    await store.people.create(1, 1, "en", Defaults(), NOW, first_step="lang")
    failures: list[BaseException] = []
    for chat in range(20):
        await store.db.execute("UPDATE people SET chat_id = ? WHERE id = 1", (chat,))  # a checkpoint is due
        async with store.db.transaction() as tx:   # and this transaction opens before it runs
            await tx.execute("UPDATE people SET awaiting = NULL WHERE id = 1")
            await tx.execute("UPDATE people SET chat_id = chat_id WHERE id = 1")
        task = store.db._checkpoint  # type: ignore[attr-defined]
        if task is not None:
            failures += [r for r in await asyncio.gather(task, return_exceptions=True) if r is not None]
    await store.close()
    assert failures == []


async def test_a_slow_checkpoint_holds_up_no_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkpoint fsyncs; on a busy disk that can take long. Taps that write must not queue behind it."""
    import threading

    from coachbot.storage import sqlite

    monkeypatch.setattr(sqlite, "CHECKPOINT_EVERY", 2)
    started, release = threading.Event(), threading.Event()
    real = sqlite._checkpoint

    def slow_disk(db):
        started.set()
        release.wait(10)
        real(db)

    monkeypatch.setattr(sqlite, "_checkpoint", slow_disk)
    store = Storage(str(tmp_path / "a.db"))
    await store.open()
    await store.people.create(1, 1, "en", Defaults(), NOW, first_step="lang")
    for _ in range(2):   # the second write makes a checkpoint due
        await store.db.execute("UPDATE people SET chat_id = 0 WHERE id = 1")
    assert await asyncio.to_thread(started.wait, 10)
    for chat in range(1, 6):   # all of them land while the checkpoint is still stuck on the disk
        assert await asyncio.wait_for(store.db.execute("UPDATE people SET chat_id = ? WHERE id = 1", (chat,)), 5) == 1
    async with store.db.transaction() as tx:   # a transaction on aiosqlite's thread too
        await tx.execute("UPDATE people SET awaiting = NULL WHERE id = 1")
    assert not release.is_set() and not store.db._checkpoint.done()  # type: ignore[attr-defined]
    release.set()
    await store.close()
    again = Storage(str(tmp_path / "a.db"))
    await again.open()
    assert (await again.db.fetchone("SELECT chat_id FROM people WHERE id = 1"))[0] == 5
    assert (await again.db.fetchone("PRAGMA integrity_check"))[0] == "ok"
    await again.close()


async def test_a_failed_write_rolls_back_and_the_next_one_works(tmp_path: Path) -> None:
    store = Storage(str(tmp_path / "a.db"))
    await store.open()
    await store.people.create(1, 1, "en", Defaults(), NOW, first_step="lang")
    with pytest.raises(IntegrityError):
        await store.db.execute("INSERT INTO people (id, chat_id, created_utc, updated_utc) VALUES (1, 1, 'x', 'x')")
    assert await store.db.execute("UPDATE people SET chat_id = 9 WHERE id = 1") == 1
    assert (await store.db.fetchone("SELECT chat_id FROM people WHERE id = 1"))[0] == 9
    await store.close()


async def test_a_write_returning_its_row_is_one_statement_on_the_loop_and_commits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A check-in answer is saved and read back in one statement (RETURNING), not a write then a read."""
    store = Storage(str(tmp_path / "a.db"))
    await store.open()
    await store.people.create(1, 1, "en", Defaults(), NOW, first_step="lang")
    statements: list[str] = []
    store.db._quick.set_trace_callback(statements.append)  # type: ignore[attr-defined]
    hops = 0
    real = store.db.conn._execute

    async def counted(fn, *args, **kwargs):
        nonlocal hops
        hops += 1
        return await real(fn, *args, **kwargs)

    monkeypatch.setattr(store.db.conn, "_execute", counted)
    saved = await store.checkins.save(1, NOW.date(), NOW, twitches=True, step="where")
    assert (saved.twitches, saved.step) == (True, "where") and hops == 0
    assert [s.split()[0] for s in statements] == ["BEGIN", "INSERT", "COMMIT"]
    again = await store.checkins.save(1, NOW.date(), NOW, step="often")
    assert (again.twitches, again.step) == (True, "often"), "the upsert returns the whole stored row"
    assert await store.checkins.get(1, NOW.date()) == again
    with pytest.raises(IntegrityError):   # a refused write leaves no transaction open
        await store.db.fetch_written("INSERT INTO people (id, chat_id, created_utc, updated_utc)"
                                     " VALUES (1, 1, 'x', 'x') RETURNING id")
    assert (await store.db.fetch_written("UPDATE people SET chat_id = 4 WHERE id = 1 RETURNING chat_id"))[0] == 4
    await store.close()
