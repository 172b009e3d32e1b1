"""The storage layer: migrations, pragmas, people, and deletion that leaves nothing behind."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from coachbot.config import Defaults
from coachbot.storage import Storage
from coachbot.storage.db import migrations

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


async def open_store(path: Path) -> Storage:
    store = Storage(str(path))
    await store.open()
    return store


async def test_migrations_apply_once_and_track_user_version(tmp_path: Path) -> None:
    store = await open_store(tmp_path / "a.db")
    latest = len(migrations())
    assert await store.db.schema_version() == latest
    assert await store.db.migrate() == latest  # re-running is a no-op
    mode = await store.db.fetchone("PRAGMA journal_mode")
    fk = await store.db.fetchone("PRAGMA foreign_keys")
    assert mode[0] == "wal" and fk[0] == 1
    await store.close()


async def test_restart_keeps_people_and_settings(tmp_path: Path) -> None:
    store = await open_store(tmp_path / "b.db")
    await store.people.create(7, 7, "es", Defaults(), NOW, first_step="lang")
    await store.people.update_settings(7, timezone="Europe/Madrid", checkin_time="21:00")
    await store.close()
    store = await open_store(tmp_path / "b.db")
    profile = await store.people.get(7)
    assert (profile.language, profile.timezone, profile.checkin_time) == ("es", "Europe/Madrid", "21:00")
    await store.close()


async def test_create_never_overwrites_an_existing_person(tmp_path: Path) -> None:
    store = await open_store(tmp_path / "c.db")
    await store.people.create(7, 7, "es", Defaults(), NOW, first_step="lang")
    await store.people.update_settings(7, wake_time="06:00")
    again = await store.people.create(7, 7, "en", Defaults(), NOW, first_step="lang")
    assert again.language == "es" and again.wake_time == "06:00"
    await store.close()


async def test_delete_removes_every_row_about_the_person(tmp_path: Path) -> None:
    store = await open_store(tmp_path / "d.db")
    for pid in (7, 8):
        await store.people.create(pid, pid, "en", Defaults(), NOW, first_step=None)  # type: ignore[arg-type]
    await store.people.delete(7)
    tables = [r[0] for r in await store.db.fetchall("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        cols = [r[1] for r in await store.db.fetchall(f"PRAGMA table_info({table})")]
        key = "person_id" if "person_id" in cols else ("id" if table == "people" else None)
        if key:
            row = await store.db.fetchone(f"SELECT COUNT(*) FROM {table} WHERE {key} = ?", (7,))  # noqa: S608
            assert row[0] == 0, table
    assert await store.people.get(8) is not None
    await store.close()


async def test_every_table_cascades_from_people(tmp_path: Path) -> None:
    """The rule that makes /delete complete: each table with person_id references people ON DELETE CASCADE."""
    store = await open_store(tmp_path / "e.db")
    tables = [r[0] for r in await store.db.fetchall("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        cols = [r[1] for r in await store.db.fetchall(f"PRAGMA table_info({table})")]
        if "person_id" in cols:
            fks = await store.db.fetchall(f"PRAGMA foreign_key_list({table})")
            assert any(fk["table"] == "people" and fk["on_delete"] == "CASCADE" for fk in fks), table
    await store.close()


async def test_settings_columns_are_an_allow_list(tmp_path: Path) -> None:
    store = await open_store(tmp_path / "f.db")
    await store.people.create(7, 7, "en", Defaults(), NOW, first_step="lang")
    try:
        await store.people.update_settings(7, **{"language = 'x'; --": "en"})
    except ValueError:
        pass
    else:
        raise AssertionError("an unknown column name was accepted")
    assert (await store.people.get(7)).language == "en"
    await store.close()


def test_a_path_or_sqlite_url_selects_sqlite_and_postgresql_urls_select_postgres() -> None:
    from coachbot.storage.db import sqlite_path
    cases = {"coachbot.sqlite3": "coachbot.sqlite3", "/var/lib/c.db": "/var/lib/c.db",
             "sqlite:///data/c.db": "data/c.db", "sqlite:////var/lib/c.db": "/var/lib/c.db",
             "postgresql://bot@db/coachbot": None, "postgres://bot@db/coachbot": None}
    for url, path in cases.items():
        assert sqlite_path(url) == path, url
    for bad in ("mysql://x/y", "sqlite://host/c.db"):
        try:
            sqlite_path(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad} was accepted")
