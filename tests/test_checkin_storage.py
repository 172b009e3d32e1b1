"""Check-in storage: partial answers upsert, screens, nudges scoped to their person, cascade."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from support.stores import open_with_people

from coachbot.domain.checkins import CheckinDay
from coachbot.domain.nudges import Nudge
from coachbot.storage import Storage

pytestmark = pytest.mark.both_backends
NOW = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)
DAY = date(2026, 3, 10)


async def test_answers_upsert_one_at_a_time_and_survive_a_restart(db_url: str) -> None:
    s = await open_with_people(db_url, NOW)
    await s.checkins.save(1, DAY, NOW, twitches=True, step="where")
    await s.checkins.save(1, DAY, NOW, locations=("leg", "face"))
    await s.close()
    s = Storage(db_url)
    await s.open()
    day = await s.checkins.get(1, DAY)
    assert day == CheckinDay(day=DAY, twitches=True, locations=("face", "leg"), step="where")
    assert await s.checkins.get(2, DAY) is None
    await s.close()


async def test_between_returns_days_in_order(db_url: str) -> None:
    s = await open_with_people(db_url, NOW)
    for offset in (3, 0, 1, 20):
        await s.checkins.put(1, CheckinDay(day=DAY - timedelta(days=offset), twitches=False, step=None), NOW)
    days = await s.checkins.between(1, DAY - timedelta(days=13), DAY)
    assert [d.day for d in days] == [DAY - timedelta(days=3), DAY - timedelta(days=1), DAY]
    await s.close()


@pytest.mark.both_backends
async def test_screens_merge_fields_and_only_complete_ones_count(db_url: str) -> None:
    s = await open_with_people(db_url, NOW)
    await s.checkins.save_screen(1, DAY - timedelta(days=8), NOW, flags=(), complete=True)
    first = await s.checkins.save_screen(1, DAY, NOW, emergency=True)     # a new row: the rest as defaults
    assert (first.flags, first.complete, first.emergency) == ((), False, True)
    await s.checkins.save_screen(1, DAY, NOW, flags=("speech",))
    returned = await s.checkins.save_screen(1, DAY, NOW, emergency=True)
    screen = await s.checkins.screen(1, DAY)
    assert screen == returned
    assert (screen.flags, screen.complete, screen.emergency) == (("speech",), False, True)
    assert await s.checkins.last_screen_day(1, DAY + timedelta(days=1)) == DAY - timedelta(days=8)
    await s.checkins.save_screen(1, DAY, NOW, complete=True)
    assert await s.checkins.last_screen_day(1, DAY + timedelta(days=1)) == DAY
    assert await s.checkins.last_screen_day(2, DAY + timedelta(days=1)) is None
    await s.close()


async def test_nudges_are_stored_with_reasons_and_answered_only_by_their_person(db_url: str) -> None:
    s = await open_with_people(db_url, NOW)
    nid = await s.checkins.add_nudge(1, Nudge(3, ("persistent", "places")), NOW)
    assert await s.checkins.respond(2, nid, "booked", NOW) is None
    assert (await s.checkins.nudge(1, nid)).response is None
    record = await s.checkins.respond(1, nid, "booked", NOW + timedelta(hours=1))
    assert (record.level, record.reasons, record.response) == (3, ("persistent", "places"), "booked")
    assert record.responded == NOW + timedelta(hours=1)
    assert (await s.checkins.last_nudge(1, 3)).id == nid and await s.checkins.last_nudge(1, 2) is None
    assert [r.id for r in await s.checkins.nudges_since(1, NOW - timedelta(days=1))] == [nid]
    assert await s.checkins.nudges_since(1, NOW + timedelta(days=1)) == []
    await s.close()


async def test_intake_totals_for_the_summary(db_url: str) -> None:
    s = await open_with_people(db_url, NOW)
    rows = [(1, "water", 250, DAY), (1, "water", 500, DAY), (1, "caffeine", 95, DAY),
            (1, "water", 999, DAY - timedelta(days=1)), (2, "water", 300, DAY)]
    await s.db.executemany("INSERT INTO intake (person_id, kind, amount, at_utc, day) VALUES (?, ?, ?, '', ?)",
                           [(p, k, a, d.isoformat()) for p, k, a, d in rows])
    intake = await s.checkins.intake(1, DAY)
    assert (intake.water_ml, intake.caffeine_mg) == (750, 95)
    await s.close()


async def test_deleting_a_person_removes_their_checkins_screens_and_nudges(db_url: str) -> None:
    s = await open_with_people(db_url, NOW)
    await s.checkins.save(1, DAY, NOW, twitches=False, step=None)
    await s.checkins.save_screen(1, DAY, NOW, flags=(), complete=True)
    await s.checkins.add_nudge(1, Nudge(1, ("emergency",)), NOW)
    await s.checkins.record_warning_sign(1, DAY, ["weakness"], "command", NOW)
    await s.people.delete(1)
    for table in ("checkins", "red_flag_screens", "nudges", "warning_signs"):
        row = await s.db.fetchone(f"SELECT COUNT(*) AS n FROM {table}")  # noqa: S608 - fixed names
        assert row["n"] == 0, table
    await s.close()


async def test_warning_signs_are_stored_with_their_source_and_merged_with_weekly_screens(db_url: str) -> None:
    s = await open_with_people(db_url, NOW)
    store = s.checkins
    await store.save_screen(1, DAY - timedelta(days=1), NOW, flags=("speech",), complete=True)  # legacy code
    await store.save_screen(1, DAY - timedelta(days=2), NOW, flags=("balance",))                # never finished
    assert await store.record_warning_sign(1, DAY, ["numbness", "weakness"], "button", NOW) == (
        "weakness", "numbness")
    await store.record_warning_sign(1, DAY, ["weakness"], "button", NOW)       # again: no duplicate
    await store.record_warning_sign(1, DAY, ["weakness"], "text", NOW)         # another source: its own row
    await store.record_warning_sign(2, DAY, ["breathing"], "command", NOW)
    reports = await store.sign_reports_since(1, DAY - timedelta(days=6))
    assert [(r.day, r.sign, r.source) for r in reports] == [
        (DAY - timedelta(days=1), "speech", "screen"),
        (DAY, "weakness", "button"), (DAY, "weakness", "text"), (DAY, "numbness", "button")]
    assert await store.sign_reports_since(1, DAY + timedelta(days=1)) == []
    flags = await s.insights.red_flags(1)
    assert [(f.day, f.flags) for f in flags] == [
        (DAY - timedelta(days=2), ("balance",)), (DAY - timedelta(days=1), ("speech",)),
        (DAY, ("weakness", "numbness"))]
    await s.close()


async def test_unknown_signs_or_sources_are_refused(db_url: str) -> None:
    s = await open_with_people(db_url, NOW)
    for codes, source in ((["weaknes"], "button"), (["weakness"], "email"), (["weakness", "x"], "text")):
        try:
            await s.checkins.record_warning_sign(1, DAY, codes, source, NOW)
        except ValueError:
            continue
        raise AssertionError(f"{codes} {source} accepted")
    assert await s.checkins.sign_reports_since(1, DAY) == []
    await s.people.delete(1)
    assert await s.checkins.sign_reports_since(2, DAY) == []
    await s.close()
