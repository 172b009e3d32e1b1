"""Waking hours that make sense, and the day a moment of the night belongs to."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.domain.timeparse import in_window
from coachbot.domain.waking import (
    MAX_SLEEP,
    MIN_SLEEP,
    Hours,
    change_hours,
    sleep_minutes,
    waking_day,
)

DAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    ("clock", "wake", "sleep", "day"),
    [("00:30", "09:00", "01:00", date(2026, 3, 9)),   # up late: still yesterday
     ("00:30", "07:00", "23:00", date(2026, 3, 9)),   # awake past bedtime: still yesterday
     ("02:59", "07:00", "23:00", date(2026, 3, 9)),   # middle of the night is 03:00
     ("03:00", "07:00", "23:00", DAY),
     ("06:00", "07:00", "23:00", DAY),                # up early: already today
     ("12:00", "07:00", "23:00", DAY),
     ("09:00", "18:00", "10:00", date(2026, 3, 9)),   # night shift: the shift began yesterday
     ("20:00", "18:00", "10:00", DAY)],
)
def test_a_moment_belongs_to_the_waking_day(clock: str, wake: str, sleep: str, day: date) -> None:
    hour, minute = map(int, clock.split(":"))
    assert waking_day(datetime(2026, 3, 10, hour, minute), wake, sleep) == day


@pytest.mark.parametrize(
    ("sleep", "problem"),
    [("06:00", "error-sleep-length"), ("03:00", None), ("04:00", "error-sleep-length"), ("23:00", None), ("17:00", None),
     ("16:00", "error-sleep-length"), ("07:00", "error-wake-equals-sleep")],
)
def test_onboarding_refuses_a_bedtime_that_leaves_no_real_night(sleep: str, problem: str | None) -> None:
    change = change_hours(Hours("07:00", "23:00", "20:00"), "sleep", sleep, onboarding=True)
    assert change.problem == problem


def test_onboarding_takes_any_wake_up_because_bedtime_comes_next() -> None:
    assert change_hours(Hours("07:00", "23:00", "20:00"), "wake", "16:00", onboarding=True).problem is None


@pytest.mark.parametrize(
    ("field", "value", "hours", "moved"),
    [("wake", "16:00", Hours("16:00", "08:00", "20:00"), ("sleep",)),  # night shift, the night keeps its 8 h
     ("sleep", "06:00", Hours("14:00", "06:00", "20:00"), ("wake",)),
     ("wake", "21:00", Hours("21:00", "13:00", "10:00"), ("sleep", "checkin")),
     ("wake", "08:00", Hours("08:00", "23:00", "20:00"), ()),
     ("sleep", "19:00", Hours("07:00", "19:00", "16:00"), ("checkin",)),
     ("checkin", "21:00", Hours("07:00", "23:00", "21:00"), ())],
)
def test_later_changes_move_the_other_times_instead_of_refusing(field: str, value: str, hours: Hours,
                                                                 moved: tuple[str, ...]) -> None:
    change = change_hours(Hours("07:00", "23:00", "20:00"), field, value, onboarding=False)
    assert (change.problem, change.hours, change.moved) == (None, hours, moved)


def test_check_in_outside_the_waking_hours_is_refused() -> None:
    assert change_hours(Hours("07:00", "23:00", "20:00"), "checkin", "03:00",
                        onboarding=False).problem == "error-checkin-outside-window"


times = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


@given(times, times, times, st.sampled_from(["wake", "sleep", "checkin"]), times)
def test_any_accepted_change_leaves_a_sensible_day(wake: str, sleep: str, checkin: str, field: str,
                                                   value: str) -> None:
    current = Hours(wake, sleep, checkin)
    if wake == sleep or not MIN_SLEEP <= sleep_minutes(wake, sleep) <= MAX_SLEEP \
            or not in_window(checkin, wake, sleep):
        return
    change = change_hours(current, field, value, onboarding=False)
    if change.problem is None:
        new = change.hours
        assert getattr(new, field) == value
        assert MIN_SLEEP <= sleep_minutes(new.wake, new.sleep) <= MAX_SLEEP
        assert in_window(new.checkin, new.wake, new.sleep)
