"""The next-fire planner: DST gaps and folds, zones, wake windows, cap, pause, grace."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coachbot.domain import planner
from coachbot.domain.profile import Profile

MADRID = "Europe/Madrid"


def person(**kw: object) -> Profile:
    base = dict(person_id=1, chat_id=1, active=True, onboarding_step=None, awaiting=None, language="en",
                timezone=MADRID, wake_time="07:00", sleep_time="23:00", checkin_time="20:00",
                water_goal_ml=2000, caffeine_limit_mg=400)
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_spring_gap_fires_once_at_the_next_valid_minute() -> None:
    # Madrid skips 02:00-03:00 on 2026-03-29; a night owl's 02:30 check-in fires at 03:00 CEST.
    p = person(wake_time="10:00", sleep_time="04:00", checkin_time="02:30")
    first = planner.next_fire(p, "checkin", utc(2026, 3, 28, 12))
    assert first == utc(2026, 3, 29, 1, 0)
    assert first.astimezone(ZoneInfo(MADRID)).strftime("%H:%M") == "03:00"
    second = planner.next_fire(p, "checkin", first + timedelta(seconds=20), fired_due=first)
    assert second == utc(2026, 3, 30, 0, 30), "the next day is back to 02:30 local"


def test_autumn_fold_fires_once_at_the_first_occurrence() -> None:
    # 02:30 happens twice in Madrid on 2026-10-25 (00:30Z CEST, then 01:30Z CET).
    p = person(wake_time="10:00", sleep_time="04:00", checkin_time="02:30")
    first = planner.next_fire(p, "checkin", utc(2026, 10, 24, 12))
    assert first == utc(2026, 10, 25, 0, 30)
    after_first = planner.next_fire(p, "checkin", first + timedelta(seconds=20), fired_due=first)
    assert after_first == utc(2026, 10, 26, 1, 30), "the repeated 02:30 does not fire again"
    # Even a re-plan (no fired_due) between the two occurrences does not schedule the repeat.
    assert planner.next_fire(p, "checkin", utc(2026, 10, 25, 1, 0)) == utc(2026, 10, 26, 1, 30)


def test_a_person_who_changes_time_zone_gets_local_times_in_the_new_zone() -> None:
    now = utc(2026, 6, 1, 12)
    madrid = planner.next_fire(person(), "checkin", now)
    tokyo = planner.next_fire(person(timezone="Asia/Tokyo"), "checkin", now)
    new_york = planner.next_fire(person(timezone="America/New_York"), "checkin", now)
    assert madrid == utc(2026, 6, 1, 18)      # 20:00 CEST
    assert tokyo == utc(2026, 6, 2, 11)       # 20:00 JST the next day (already 21:00 there)
    assert new_york == utc(2026, 6, 2, 0)     # 20:00 EDT
    for when, zone in ((madrid, MADRID), (tokyo, "Asia/Tokyo"), (new_york, "America/New_York")):
        assert when.astimezone(ZoneInfo(zone)).strftime("%H:%M") == "20:00"


def test_wake_window_crossing_midnight() -> None:
    p = person(timezone="UTC", wake_time="18:00", sleep_time="02:00", checkin_time="01:00",
               hydration_every_minutes=120)
    assert planner.is_awake(p, utc(2026, 5, 1, 1, 0))
    assert not planner.is_awake(p, utc(2026, 5, 1, 3, 0))
    assert planner.next_fire(p, "checkin", utc(2026, 5, 1, 12)) == utc(2026, 5, 2, 1, 0)
    # 00:30 + 2 h = 02:30 is asleep: the next water reminder comes an hour after waking at 18:00.
    assert planner.next_fire(p, "hydration", utc(2026, 5, 1, 0, 30)) == utc(2026, 5, 1, 19, 0)
    assert planner.next_fire(p, "hydration", utc(2026, 5, 1, 22, 0)) == utc(2026, 5, 2, 0, 0)


def test_hydration_never_planned_outside_waking_hours() -> None:
    p = person(timezone="UTC", hydration_every_minutes=180)
    due = planner.next_fire(p, "hydration", utc(2026, 5, 1, 21, 30))  # 00:30 would be asleep
    assert due == utc(2026, 5, 2, 8, 0)


@pytest.mark.parametrize(("kind", "sent_today", "cap", "allowed"), [
    ("hydration", 4, 6, True),
    ("hydration", 5, 6, False),      # the last slot is kept for the check-in
    ("checkin", 5, 6, True),
    ("checkin", 6, 6, False),
    ("tip", 0, 1, False),
    ("checkin", 0, 1, True),
])
def test_daily_cap(kind: str, sent_today: int, cap: int, allowed: bool) -> None:
    p = person(timezone="UTC", daily_tip_on=True)
    now = utc(2026, 5, 1, 12)
    v = planner.verdict(p, kind, now, now, grace_minutes=30, sent_today=sent_today, cap=cap)
    assert (v.action == planner.SEND) is allowed
    assert v.action in (planner.SEND, planner.CAPPED)
    assert v.next_due is not None and v.next_due > now


def test_pause_holds_everything_until_it_ends() -> None:
    now = utc(2026, 5, 1, 12)
    until = planner.pause_until(now, 3)
    p = person(timezone="UTC", paused_until_utc=until)
    assert until == utc(2026, 5, 4, 12)
    assert planner.next_fire(p, "checkin", now) == utc(2026, 5, 4, 20)
    assert planner.next_fire(p, "hydration", now) == until + timedelta(minutes=120)
    v = planner.verdict(p, "checkin", now, now, grace_minutes=180, sent_today=0, cap=6)
    assert v.action == planner.PAUSED and v.next_due == utc(2026, 5, 4, 20)
    assert planner.pause_until(now, 999) == now + timedelta(days=planner.MAX_PAUSE_DAYS)


@pytest.mark.parametrize(("kind", "late_minutes", "grace", "action"), [
    ("hydration", 29, 30, planner.SEND),
    ("hydration", 31, 30, planner.STALE),
    ("checkin", 170, 180, planner.SEND),
    ("checkin", 6 * 60, 180, planner.STALE),
])
def test_grace_window(kind: str, late_minutes: int, grace: int, action: str) -> None:
    p = person(timezone="UTC", wake_time="06:00", sleep_time="23:30")
    now = utc(2026, 5, 1, 20)
    v = planner.verdict(p, kind, now - timedelta(minutes=late_minutes), now, grace_minutes=grace,
                        sent_today=0, cap=6)
    assert v.action == action
    assert v.late == (action == planner.SEND)


def test_nothing_is_sent_while_the_person_sleeps() -> None:
    p = person(timezone="UTC")
    now = utc(2026, 5, 1, 23, 10)
    v = planner.verdict(p, "hydration", now, now, grace_minutes=30, sent_today=0, cap=6)
    assert v.action == planner.ASLEEP and planner.is_awake(p, v.next_due)  # type: ignore[arg-type]


def test_daily_kind_sent_late_does_not_fire_twice_the_same_day() -> None:
    p = person(timezone="UTC")
    due, now = utc(2026, 5, 1, 20), utc(2026, 5, 1, 22, 30)
    v = planner.verdict(p, "checkin", due, now, grace_minutes=180, sent_today=0, cap=6)
    assert v.action == planner.SEND and v.late and v.next_due == utc(2026, 5, 2, 20)


def test_every_days() -> None:
    p = person(timezone="UTC")
    due = utc(2026, 5, 1, 20)
    assert planner.next_fire(p, "checkin", due, fired_due=due, every_days=2) == utc(2026, 5, 3, 20)


def test_an_undeclared_kind_never_fires() -> None:
    p = person(timezone="UTC")
    assert not planner.enabled(p, "retired-kind") and planner.fire_time(p, "retired-kind") is None
    assert planner.next_fire(p, "retired-kind", utc(2026, 5, 1, 12)) is None


def test_kind_times_and_switches() -> None:
    p = person(timezone="UTC", weekly_summary_on=True, daily_tip_on=True)
    assert planner.fire_time(p, "caffeine") == "16:30"            # cut-off 17:00 = 6 h before 23:00
    assert planner.fire_time(p, "tip") == "10:00"
    summary = planner.next_fire(p, "summary", utc(2026, 5, 1, 12))  # a Friday
    assert summary == utc(2026, 5, 3, 19) and summary.weekday() == 6
    assert planner.next_fire(person(hydration_on=False), "hydration", utc(2026, 5, 1)) is None
    assert planner.next_fire(person(), "tip", utc(2026, 5, 1)) is None, "tips are off by default"
    assert planner.next_fire(person(caffeine_limit_mg=0), "caffeine", utc(2026, 5, 1)) is None


def test_collapse_orders_kinds_and_removes_repeats() -> None:
    assert planner.collapse(["hydration", "checkin", "hydration", "caffeine"]) == ["checkin", "caffeine", "hydration"]


def test_snooze_lands_inside_waking_hours() -> None:
    p = person(timezone="UTC")
    assert planner.snooze_until(p, utc(2026, 5, 1, 12)) == utc(2026, 5, 1, 13)
    assert planner.snooze_until(p, utc(2026, 5, 1, 22, 30)) == utc(2026, 5, 2, 7, 30)


ZONES = ["Europe/Madrid", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago",
         "Pacific/Chatham", "Europe/Moscow", "UTC", "America/St_Johns", "Africa/Casablanca"]
HHMM = st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"{t[0]:02d}:{t[1]:02d}")
INSTANTS = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda d: d.replace(tzinfo=UTC))


@settings(max_examples=300, deadline=None)
@given(zone=st.sampled_from(ZONES), hhmm=HHMM, after=INSTANTS)
def test_daily_fires_once_a_day_at_the_local_time(zone: str, hhmm: str, after: datetime) -> None:
    z = ZoneInfo(zone)
    first = planner.next_daily(z, hhmm, after)
    assert after < first <= after + timedelta(days=2)
    local = first.astimezone(z)
    h, m = map(int, hhmm.split(":"))
    wanted = datetime(local.year, local.month, local.day, h, m)
    shift = (local.replace(tzinfo=None) - wanted).total_seconds() / 60
    assert 0 <= shift <= 180, "on time, or just after a DST gap"
    second = planner.next_daily(z, hhmm, first, min_day=local.date() + timedelta(days=1))
    assert second.astimezone(z).date() == local.date() + timedelta(days=1), "exactly once per local day"


@settings(max_examples=300, deadline=None)
@given(zone=st.sampled_from(ZONES), wake=HHMM, sleep=HHMM, every=st.sampled_from([30, 60, 120, 180, 720]),
       after=INSTANTS)
def test_hydration_is_always_in_the_future_and_awake(zone: str, wake: str, sleep: str, every: int,
                                                     after: datetime) -> None:
    if wake == sleep:
        return
    p = person(timezone=zone, wake_time=wake, sleep_time=sleep, hydration_every_minutes=every)
    due = planner.next_fire(p, "hydration", after)
    assert due is not None and after < due <= after + timedelta(days=2)
    assert planner.is_awake(p, due) or planner.window_minutes(wake, sleep) < 2


@settings(max_examples=200, deadline=None)
@given(zone=st.sampled_from(ZONES), day=st.dates(date(2024, 1, 1), date(2030, 12, 31)), hhmm=HHMM)
def test_local_to_utc_round_trips_for_existing_times(zone: str, day: date, hhmm: str) -> None:
    z = ZoneInfo(zone)
    at = planner.local_to_utc(z, day, hhmm)
    local = at.astimezone(z)
    h, m = map(int, hhmm.split(":"))
    wanted = datetime(day.year, day.month, day.day, h, m)
    shift = (local.replace(tzinfo=None) - wanted).total_seconds() / 60
    assert shift == 0 or 0 < shift <= 180, "exact, or the first valid minute after a gap"
