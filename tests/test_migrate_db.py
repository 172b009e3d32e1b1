"""`coachbot migrate-db`: a SQLite instance moves to PostgreSQL with every row, verified, and keeps working."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from pathlib import Path

import pg_server
import pytest

from coachbot.cli import main
from coachbot.config import Defaults
from coachbot.domain.checkins import CheckinDay
from coachbot.domain.nudges import Nudge
from coachbot.storage import Storage
from coachbot.storage.transfer import TransferError, copy_database

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
DAY = date(2026, 3, 10)


async def seeded_sqlite(path: Path) -> None:
    store = Storage(str(path))
    await store.open()
    for pid in (11, 12):
        await store.people.create(pid, pid, "ru", Defaults(), NOW, first_step=None)  # type: ignore[arg-type]
        await store.checkins.put(pid, CheckinDay(day=DAY, step=None, twitches=True, locations=("leg",),
                                                 stress=4, sleep="5to6"), NOW)
        await store.checkins.add_nudge(pid, Nudge(2, ("persistent",)), NOW)
        await store.intake.add(pid, "water", 250, "glass", NOW, DAY, ref="t1")
    await store.coaching.log_food(11, "other", "борщ, «домашний» & <b>", NOW, DAY)
    await store.checkins.record_warning_sign(12, DAY, ["weakness"], "button", NOW)
    await store.close()


def test_sqlite_to_postgresql_copies_every_row_and_the_bot_keeps_numbering(
        tmp_path: Path, pg: pg_server.PgServer, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "old.sqlite3"
    asyncio.run(seeded_sqlite(source))
    target = pg.fresh_url("migrate")
    assert main(["migrate-db", "--from", f"sqlite:///{source}", "--to", target]) == 0
    out = capsys.readouterr().out
    assert "people: 2 rows copied and verified" in out and "identical row by row" in out

    asyncio.run(check_moved(target))

    # A second run refuses: the target is not empty.
    assert main(["migrate-db", "--from", str(source), "--to", target]) == 1
    assert "not empty" in capsys.readouterr().err


async def check_moved(target: str) -> None:
    moved = Storage(target)
    await moved.open()
    try:
        profile = await moved.people.get(11)
        assert profile is not None and profile.language == "ru" and profile.onboarded
        assert (await moved.checkins.get(12, DAY)).stress == 4            # type: ignore[union-attr]
        [food] = await moved.coaching.food_since(11, DAY)
        assert food.note == "борщ, «домашний» & <b>"
        # New rows get fresh ids after the copied ones (identity counters moved on).
        new_id = await moved.checkins.add_nudge(12, Nudge(1, ("emergency",)), NOW)
        assert new_id > max(n.id for n in await moved.checkins.nudges_since(11, NOW))
        assert not await moved.intake.add(11, "water", 250, "glass", NOW, DAY, ref="t1"), "refs moved too"
    finally:
        await moved.close()


async def test_a_difference_after_the_copy_is_reported(tmp_path: Path) -> None:
    source, target = Storage(str(tmp_path / "a.sqlite3")), Storage(str(tmp_path / "b.sqlite3"))
    await source.open()
    await target.open()
    try:
        await source.people.create(1, 1, "en", Defaults(), NOW, first_step=None)  # type: ignore[arg-type]
        await target.db.execute("CREATE TRIGGER mangle AFTER INSERT ON settings BEGIN"
                                " UPDATE settings SET language = 'xx' WHERE person_id = NEW.person_id; END")
        with pytest.raises(TransferError, match="settings differs"):
            await copy_database(source.db, target.db)
    finally:
        await source.close()
        await target.close()


def test_a_missing_source_is_an_error_not_an_empty_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate-db", "--from", str(tmp_path / "nope.sqlite3"), "--to", str(tmp_path / "b.db")]) == 1
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "b.db").exists()
