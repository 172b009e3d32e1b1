"""Check-in values: toggles, steps, which days can be answered, when the red-flag screen is due."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.domain.checkins import (
    LOCATIONS,
    answerable,
    day_code,
    next_step,
    parse_day_code,
    parse_list,
    screen_due,
    toggle,
)

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(("twitches", "last_days_ago", "expected"), [
    (True, None, True),      # never screened: ask once
    (True, 0, False),        # never daily
    (True, 1, False),
    (True, 6, False),
    (True, 7, True),         # weekly while twitches go on
    (True, 30, True),
    (False, None, False),    # a good day stays one tap
    (False, 30, False),
])
def test_red_flag_screen_is_weekly_on_twitch_days(twitches: bool, last_days_ago: int | None,
                                                  expected: bool) -> None:
    last = None if last_days_ago is None else TODAY - timedelta(days=last_days_ago)
    assert screen_due(TODAY, twitches, last) is expected


def test_screen_comes_once_a_week_over_fifteen_twitch_days() -> None:
    last, asked = None, []
    for offset in range(15):
        day = TODAY + timedelta(days=offset)
        if screen_due(day, True, last):
            asked.append(offset)
            last = day
    assert asked == [0, 7, 14]


@pytest.mark.parametrize(("current", "with_screen", "expected"), [
    ("twitches", False, "where"), ("where", False, "often"), ("often", False, "strength"),
    ("strength", False, "stress"), ("stress", False, "sleep"), ("sleep", False, "med"),
    ("med", False, None), ("med", True, "flags"), ("flags", True, None), ("bogus", True, None),
])
def test_steps_in_order(current: str, with_screen: bool, expected: str | None) -> None:
    assert next_step(current, with_screen) == expected


@pytest.mark.parametrize(("days_ago", "expected"), [(-1, False), (0, True), (1, True), (2, False)])
def test_only_today_and_yesterday_can_be_answered(days_ago: int, expected: bool) -> None:
    assert answerable(TODAY - timedelta(days=days_ago), TODAY) is expected


@given(st.lists(st.sampled_from(LOCATIONS)), st.sampled_from(LOCATIONS), st.booleans())
def test_toggle_is_idempotent_and_ordered(current: list[str], place: str, on: bool) -> None:
    once = toggle(current, place, on, LOCATIONS)
    assert toggle(once, place, on, LOCATIONS) == once
    assert (place in once) is on
    assert list(once) == [p for p in LOCATIONS if p in once]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_day_codes_round_trip(day: date) -> None:
    assert parse_day_code(day_code(day)) == day


@pytest.mark.parametrize("text", ["", "2026031", "20261310", "2026-03-1", "abcdefgh", "20260230"])
def test_bad_day_codes(text: str) -> None:
    assert parse_day_code(text) is None


def test_stored_lists_keep_known_values_only() -> None:
    assert parse_list("leg,face,,elbow,leg", LOCATIONS) == ("face", "leg")
    assert parse_list(None, LOCATIONS) == ()
