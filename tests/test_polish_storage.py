"""Storage behind undo, the usual drink and the day's note, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from support.stores import open_with_people

pytestmark = pytest.mark.both_backends
NOW = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)
DAY = date(2026, 3, 10)


async def test_an_intake_entry_is_logged_once_per_tap_and_only_its_owner_undoes_it(db_url: str) -> None:
    s = await open_with_people(db_url, NOW)
    try:
        first = await s.intake.add(1, "caffeine", 63, "espresso", NOW, DAY, ref="abc")
        assert first is not None and await s.intake.add(1, "caffeine", 63, "espresso", NOW, DAY, ref="abc") is None
        second = await s.intake.add(1, "caffeine", 95, "coffee", NOW + timedelta(minutes=1), DAY)
        assert await s.intake.recent_items(1, "caffeine") == ["coffee", "espresso"]
        assert await s.intake.remove(2, second) is None, "someone else's entry"
        assert await s.intake.remove(1, second) == ("caffeine", 95, "coffee")
        assert await s.intake.remove(1, second) is None
        assert (await s.intake.totals(1, DAY))["caffeine"] == 63
    finally:
        await s.close()


async def test_notes_add_up_within_the_limit_and_reset_keeps_them(db_url: str) -> None:
    s = await open_with_people(db_url, NOW)
    try:
        assert await s.checkins.add_note(1, DAY, "eyelid", NOW) == "eyelid"
        assert await s.checkins.add_note(1, DAY, "after coffee", NOW) == "eyelid\nafter coffee"
        assert len(await s.checkins.add_note(1, DAY, "x" * 600, NOW)) == 500
        assert list(await s.checkins.notes_between(1, DAY - timedelta(days=1), DAY)) == [DAY]
        await s.checkins.save(1, DAY, NOW, twitches=False, step=None)
        assert await s.checkins.reset(1, DAY, NOW)
        day = await s.checkins.get(1, DAY)
        assert day is not None and day.twitches is None and day.step == "twitches"
        assert await s.checkins.notes_between(1, DAY, DAY) != {}
        assert await s.checkins.notes_between(2, DAY, DAY) == {}
    finally:
        await s.close()
