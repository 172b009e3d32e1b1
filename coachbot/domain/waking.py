"""Waking hours that make sense, and which day a moment of the night belongs to."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from .timeparse import in_window, minutes_of_day

MIN_SLEEP = 4 * 60    # minutes; less is not a night's sleep (bedtime 06:00, wake-up 07:00)
MAX_SLEEP = 14 * 60   # minutes; more would leave a waking day too short to remind anyone
DAY = 24 * 60


@dataclass(frozen=True)
class Hours:
    wake: str
    sleep: str
    checkin: str


def _hhmm(minutes: int) -> str:
    minutes %= DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def sleep_minutes(wake: str, sleep: str) -> int:
    """Length of the night from bedtime to wake-up."""
    return (minutes_of_day(wake) - minutes_of_day(sleep)) % DAY


def day_rollover(wake: str, sleep: str) -> int:
    """Minute of the day at which a new waking day begins: the middle of the night."""
    return (minutes_of_day(sleep) + sleep_minutes(wake, sleep) // 2) % DAY


def waking_day(local: datetime, wake: str, sleep: str) -> date:
    """The day a local moment belongs to: until the middle of the night, it is still the day before.

    00:30 with bedtime 01:00 is the end of yesterday, not the start of today.
    """
    rollover = day_rollover(wake, sleep)
    before = local.hour * 60 + local.minute < rollover
    return local.date() - timedelta(days=1) if before else local.date()


@dataclass(frozen=True)
class Change:
    hours: Hours
    moved: tuple[str, ...] = ()  # the other fields moved to keep the hours sensible ("sleep", "checkin")
    problem: str | None = None   # catalog key when the value is refused


def change_hours(current: Hours, field: str, value: str, *, onboarding: bool) -> Change:
    """Apply a new wake-up, bedtime or check-in time, keeping the day sensible.

    During onboarding a wake-up is taken as is (bedtime comes next) and a bedtime that leaves
    less than 4 or more than 14 hours of sleep is refused. Later, changing one end of the day
    moves the other so the night keeps its length, and a check-in left outside the waking
    hours moves with them, so a change is never refused for the order it is made in.
    """
    new = replace(current, **{field: value})
    if new.wake == new.sleep:
        return Change(current, problem="error-wake-equals-sleep")
    if field == "checkin":
        if not in_window(value, new.wake, new.sleep):
            return Change(current, problem="error-checkin-outside-window")
        return Change(new)
    if onboarding:
        if field == "sleep" and not MIN_SLEEP <= sleep_minutes(new.wake, new.sleep) <= MAX_SLEEP:
            return Change(current, problem="error-sleep-length")
        return Change(new)
    moved: list[str] = []
    night = sleep_minutes(current.wake, current.sleep)
    if not MIN_SLEEP <= sleep_minutes(new.wake, new.sleep) <= MAX_SLEEP:
        if field == "wake":
            new = replace(new, sleep=_hhmm(minutes_of_day(value) - night))
            moved.append("sleep")
        else:
            new = replace(new, wake=_hhmm(minutes_of_day(value) + night))
            moved.append("wake")
    if not in_window(new.checkin, new.wake, new.sleep):
        shift = minutes_of_day(value) - minutes_of_day(getattr(current, field))
        checkin = _hhmm(minutes_of_day(current.checkin) + shift)
        if not in_window(checkin, new.wake, new.sleep):
            checkin = _hhmm(minutes_of_day(new.sleep) - 60)
        new = replace(new, checkin=checkin)
        moved.append("checkin")
    return Change(new, tuple(moved))


def day_part(hour: int) -> str:
    """morning, afternoon, evening or night, so greetings and good-byes fit the person's local hour."""
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 18:
        return "afternoon"
    return "evening" if 18 <= hour < 23 else "night"
