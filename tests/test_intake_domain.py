"""Hydration and caffeine rules: parsing, goals, warnings, decay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coachbot.domain import caffeine, hydration


@pytest.mark.parametrize(("text", "ml"), [
    ("300", 300), ("300 ml", 300), ("0.5 l", 500), ("1,5л", 1500), ("1.5", 1500), ("250мл", 250),
    ("0", None), ("5000", None), ("lots", None), ("", None),
])
def test_parse_amount_ml(text: str, ml: int | None) -> None:
    assert hydration.parse_amount_ml(text) == ml


@pytest.mark.parametrize(("now", "wake", "sleep", "fraction"), [
    ("07:00", "07:00", "23:00", 0.0), ("15:00", "07:00", "23:00", 0.5), ("23:00", "07:00", "23:00", 1.0),
    ("23:30", "07:00", "23:00", 1.0),      # after bedtime: the day is done
    ("06:00", "07:00", "23:00", 1.0),      # before waking: still the end of yesterday's day
    ("02:00", "18:00", "06:00", 2 / 3),    # a night worker's day crosses midnight
])
def test_day_fraction(now: str, wake: str, sleep: str, fraction: float) -> None:
    assert hydration.day_fraction(now, wake, sleep) == pytest.approx(fraction)


@pytest.mark.parametrize(("text", "mg"), [("120", 120), ("120 mg", 120), ("80мг", 80), ("0", None),
                                          ("2000", None), ("a lot", None)])
def test_parse_mg(text: str, mg: int | None) -> None:
    assert caffeine.parse_mg(text) == mg


def test_goal_from_weight() -> None:
    assert hydration.goal_from_weight(70) == 2300
    assert hydration.goal_from_weight(20) == hydration.MIN_GOAL_ML
    assert hydration.goal_from_weight(200) == hydration.MAX_GOAL_ML
    assert hydration.parse_weight_kg("70,5 kg") == 70.5 and hydration.parse_weight_kg("5") is None


def test_reminders_only_while_behind() -> None:
    assert hydration.should_remind(0, 2000, 0.1)
    assert not hydration.should_remind(2000, 2000, 0.9)
    assert not hydration.should_remind(1500, 2000, 0.5), "well ahead of an even pace"
    assert hydration.should_remind(500, 2000, 0.6)
    assert hydration.progress_bar(1000, 2000) == "▰▰▰▰▰▱▱▱▱▱"


def test_drinks_table() -> None:
    assert {d.key: d.mg for d in caffeine.DRINKS} == {
        "coffee": 95, "espresso": 63, "black_tea": 47, "green_tea": 28, "cola": 34, "energy": 80}
    assert caffeine.DEFAULT_LIMIT_MG == 400


@pytest.mark.parametrize(("before", "after", "limit", "warn"), [
    (200, 295, 400, None), (285, 380, 400, 75), (380, 475, 400, 100), (250, 420, 400, 100),
    (410, 505, 400, None), (0, 95, 100, 75), (0, 28, 0, 100),
])
def test_warnings_when_crossing_75_and_100_percent(before: int, after: int, limit: int, warn: int | None) -> None:
    assert caffeine.crossed(before, after, limit) == warn


def test_caffeine_halves_every_five_hours() -> None:
    t = datetime(2026, 5, 1, 8, tzinfo=UTC)
    assert caffeine.remaining_mg([(t, 200)], t + timedelta(hours=5)) == 100
    assert caffeine.remaining_mg([(t, 200)], t + timedelta(hours=10)) == 50
    assert caffeine.remaining_mg([(t + timedelta(hours=1), 100)], t) == 0, "future doses do not count"


@pytest.mark.parametrize(
    ("text", "read"),
    [("1", (250, "glasses")), ("2", (500, "glasses")), ("10", (2500, "glasses")), ("20", None),
     ("49", None), ("50", (50, "as-typed")), ("300", (300, "as-typed")), ("1.5", (1500, "as-typed")),
     ("1 l", (1000, "as-typed")), ("2 ml", (2, "as-typed")), ("0", None), ("lots", None)],
)
def test_small_bare_water_numbers_are_glasses(text: str, read: tuple[int, str] | None) -> None:
    assert hydration.read_water(text) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [("1", (1, 0)), ("2", (2, 0)), ("5", (5, 0)), ("6", (0, 6)), ("120", (0, 120)), ("2 mg", (0, 2)),
     ("2mg", (0, 2)), ("0", None), ("lots", None)],
)
def test_small_bare_coffee_numbers_are_drinks(text: str, read: tuple[int, int] | None) -> None:
    assert caffeine.read_caffeine(text) == read


def test_the_usual_drink_is_the_most_logged_one() -> None:
    assert caffeine.usual_drink([]).key == "coffee"
    assert caffeine.usual_drink(["custom", "espresso"]).key == "espresso"
    assert caffeine.usual_drink(["green_tea", "coffee", "coffee", "green_tea"]).key == "green_tea"
    assert caffeine.usual_drink(["espresso", "coffee", "coffee"]).key == "coffee"
