"""SQLite: reads and one-statement writes cost one hop to aiosqlite's thread; a failed write leaves no transaction open."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from coachbot.config import Defaults
from coachbot.storage import Storage
from coachbot.storage.db import IntegrityError

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


async def test_a_read_and_a_write_are_one_hop_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
    assert row["chat_id"] == 1 and hops == 1
    assert await store.db.execute("UPDATE people SET chat_id = ? WHERE id = ?", (5, 1)) == 1 and hops == 2
    assert [r[0] for r in await store.db.fetchall("SELECT chat_id FROM people")] == [5] and hops == 3
    await store.close()


async def test_a_failed_write_rolls_back_and_the_next_one_works(tmp_path: Path) -> None:
    store = Storage(str(tmp_path / "a.db"))
    await store.open()
    await store.people.create(1, 1, "en", Defaults(), NOW, first_step="lang")
    with pytest.raises(IntegrityError):
        await store.db.execute("INSERT INTO people (id, chat_id, created_utc, updated_utc) VALUES (1, 1, 'x', 'x')")
    assert await store.db.execute("UPDATE people SET chat_id = 9 WHERE id = 1") == 1
    assert (await store.db.fetchone("SELECT chat_id FROM people WHERE id = 1"))[0] == 9
    await store.close()
