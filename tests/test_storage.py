"""The storage layer: migrations, pragmas, people, and deletion that leaves nothing behind."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from coachbot.config import Defaults
from coachbot.storage import Storage
from coachbot.storage.db import migrations

pytestmark = pytest.mark.both_backends
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


async def open_store(url: str) -> Storage:
    store = Storage(url)
    await store.open()
    return store


async def test_migrations_apply_once_and_track_the_schema_version(db_url: str) -> None:
    store = await open_store(db_url)
    latest = len(migrations(store.db.backend))
    assert await store.db.schema_version() == latest
    assert await store.db.migrate() == latest  # re-running is a no-op
    if store.db.backend == "sqlite":
        mode = await store.db.fetchone("PRAGMA journal_mode")
        fk = await store.db.fetchone("PRAGMA foreign_keys")
        assert mode[0] == "wal" and fk[0] == 1
    await store.close()


def test_every_backend_has_the_same_numbered_migrations() -> None:
    sqlite = [name for _, name, _ in migrations("sqlite")]
    assert sqlite == [name for _, name, _ in migrations("postgres")]


async def foreign_keys(store: Storage, table: str) -> set[tuple[str, str]]:
    """(referenced table, ON DELETE rule) of every foreign key of `table`."""
    if store.db.backend == "sqlite":
        return {(fk["table"], fk["on_delete"])
                for fk in await store.db.fetchall("SELECT * FROM pragma_foreign_key_list(?)", (table,))}
    rows = await store.db.fetchall(
        "SELECT ccu.table_name AS ref, rc.delete_rule AS rule FROM information_schema.referential_constraints rc"
        " JOIN information_schema.table_constraints tc ON tc.constraint_name = rc.constraint_name"
        "  AND tc.constraint_schema = rc.constraint_schema"
        " JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name"
        "  AND ccu.constraint_schema = rc.unique_constraint_schema"
        " WHERE tc.table_schema = current_schema() AND tc.table_name = ?", (table,))
    return {(r["ref"], r["rule"]) for r in rows}


async def test_restart_keeps_people_and_settings(db_url: str) -> None:
    store = await open_store(db_url)
    await store.people.create(7, 7, "es", Defaults(), NOW, first_step="lang")
    await store.people.update_settings(7, timezone="Europe/Madrid", checkin_time="21:00")
    await store.close()
    store = await open_store(db_url)
    profile = await store.people.get(7)
    assert (profile.language, profile.timezone, profile.checkin_time) == ("es", "Europe/Madrid", "21:00")
    await store.close()


async def test_create_never_overwrites_an_existing_person(db_url: str) -> None:
    store = await open_store(db_url)
    await store.people.create(7, 7, "es", Defaults(), NOW, first_step="lang")
    await store.people.update_settings(7, wake_time="06:00")
    again = await store.people.create(7, 7, "en", Defaults(), NOW, first_step="lang")
    assert again.language == "es" and again.wake_time == "06:00"
    await store.close()


async def test_delete_removes_every_row_about_the_person(db_url: str) -> None:
    store = await open_store(db_url)
    for pid in (7, 8):
        await store.people.create(pid, pid, "en", Defaults(), NOW, first_step=None)  # type: ignore[arg-type]
    await store.people.delete(7)
    for table in await store.db.tables():
        cols = [c.name for c in table.columns]
        key = "person_id" if "person_id" in cols else ("id" if table.name == "people" else None)
        if key:
            row = await store.db.fetchone(f"SELECT COUNT(*) FROM {table.name} WHERE {key} = ?", (7,))  # noqa: S608
            assert row[0] == 0, table.name
    assert await store.people.get(8) is not None
    await store.close()


async def test_every_table_cascades_from_people(db_url: str) -> None:
    """The rule that makes /delete complete: each table with person_id references people ON DELETE CASCADE."""
    store = await open_store(db_url)
    for table in await store.db.tables():
        if any(c.name == "person_id" for c in table.columns):
            assert ("people", "CASCADE") in await foreign_keys(store, table.name), table.name
    await store.close()


async def test_settings_columns_are_an_allow_list(db_url: str) -> None:
    store = await open_store(db_url)
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
