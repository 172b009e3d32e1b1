"""Trigger statistics, summaries and trends: thresholds, counts and the evening-before lag."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.domain.checkins import CheckinDay as CheckinRow
from coachbot.domain.stats import (
    MIN_DAYS,
    Day,
    FoodRow,
    IntakeRow,
    Limits,
    build_days,
    cutoff_minutes_after_wake,
    is_late,
    summarize,
    trend,
    trigger_stats,
)

LIMITS = Limits(timezone="Europe/Madrid", wake_time="07:00", sleep_time="23:00", water_goal_ml=2000,
                caffeine_limit_mg=400, caffeine_cutoff_minutes=360)
D0 = date(2026, 3, 1)


def day(n: int) -> date:
    return D0 + timedelta(days=n)


def at(n: int, hhmm: str, zone: str = "Europe/Madrid") -> datetime:
    h, m = map(int, hhmm.split(":"))
    return datetime.combine(day(n), datetime.min.time()).replace(hour=h, minute=m,
                                                                 tzinfo=ZoneInfo(zone)).astimezone(UTC)


def stat(days: list[Day], factor: str, since: date | None = None):
    return next(s for s in trigger_stats(days, LIMITS, since) if s.factor == factor)


def checkin_days(twitch_by_stress: list[tuple[bool, int]]) -> list[Day]:
    rows = [CheckinRow(day(i), twitches=t, stress=s) for i, (t, s) in enumerate(twitch_by_stress)]
    return build_days(day(0), day(len(rows) - 1), rows, [], [], LIMITS)


@pytest.mark.parametrize(("with_days", "without_days", "enough"), [
    (2, 5, False), (5, 2, False), (2, 2, False), (3, 3, True), (3, 10, True), (0, 9, False),
])
def test_nothing_is_claimed_until_three_days_on_each_side(with_days: int, without_days: int, enough: bool) -> None:
    days = checkin_days([(True, 5)] * with_days + [(False, 1)] * without_days)
    s = stat(days, "high_stress")
    assert (s.with_days, s.without_days) == (with_days, without_days)
    assert s.enough is enough
    if not enough:
        assert s.verdict == "unknown"
    else:
        assert s.verdict == "more"  # every stressed day twitched, no calm day did


def test_counts_and_verdicts() -> None:
    # stress 4-5 on 4 days (3 twitched), calm on 6 days (1 twitched)
    days = checkin_days([(True, 4), (True, 5), (True, 4), (False, 5)] + [(True, 2)] + [(False, 1)] * 5)
    s = stat(days, "high_stress")
    assert (s.with_days, s.with_twitch_days, s.without_days, s.without_twitch_days) == (4, 3, 6, 1)
    assert s.verdict == "more"
    same = checkin_days([(True, 5), (False, 5), (True, 5), (False, 5), (True, 1), (False, 1), (True, 1), (False, 1)])
    assert stat(same, "high_stress").verdict == "none"
    fewer = checkin_days([(False, 5)] * 3 + [(True, 1)] * 3)
    assert stat(fewer, "high_stress").verdict == "fewer"


def test_days_without_an_answer_or_a_log_do_not_count() -> None:
    rows = [CheckinRow(day(0), twitches=True, stress=5), CheckinRow(day(1), twitches=None, stress=5),
            CheckinRow(day(2), twitches=False)]
    days = build_days(day(0), day(3), rows, [], [], LIMITS)
    s = stat(days, "high_stress")
    assert (s.with_days, s.without_days) == (1, 0)   # day 1 has no twitch answer, day 2 no stress answer
    # water never logged: the factor is unknown rather than "below goal every day"
    assert stat(days, "water_low").with_days + stat(days, "water_low").without_days == 0
    # no food diary use at all: unknown as well
    assert stat(days, "mgk_food").without_days == 0


def test_water_caffeine_sleep_and_food_factors() -> None:
    rows = [CheckinRow(day(i), twitches=i < 3, sleep="lt5" if i < 3 else "7to8") for i in range(6)]
    intake = [IntakeRow("water", 800 if i < 3 else 2500, at(i, "10:00"), day(i)) for i in range(6)]
    intake += [IntakeRow("caffeine", 500, at(i, "09:00"), day(i)) for i in range(3)]
    food = [FoodRow("banana", day(i)) for i in range(3, 6)] + [FoodRow("other", day(0))]
    days = build_days(day(0), day(5), rows, intake, food, LIMITS)
    assert [(s.factor, s.with_days, s.with_twitch_days, s.without_days, s.without_twitch_days)
            for s in trigger_stats(days, LIMITS)] == [
        ("caffeine_over", 3, 3, 3, 0),
        ("caffeine_late", 0, 0, 5, 2),      # day 0 has no yesterday in range
        ("water_low", 3, 3, 3, 0),
        ("short_sleep", 3, 3, 3, 0),
        ("high_stress", 0, 0, 0, 0),
        ("mgk_food", 3, 0, 3, 3),           # 'other' is not a magnesium/potassium food
    ]
    assert stat(days, "mgk_food").verdict == "fewer"


def test_late_caffeine_counts_against_the_next_day() -> None:
    # Coffee at 19:00 (after the 17:00 cut-off) on days 0, 2, 4; twitches on days 1, 3, 5.
    rows = [CheckinRow(day(i), twitches=i % 2 == 1) for i in range(7)]
    intake = [IntakeRow("caffeine", 80, at(i, "19:00" if i % 2 == 0 else "08:00"), day(i)) for i in range(7)]
    days = build_days(day(0), day(6), rows, intake, [], LIMITS)
    late = stat(days, "caffeine_late")
    assert (late.with_days, late.with_twitch_days, late.without_days, late.without_twitch_days) == (3, 3, 3, 0)
    assert late.verdict == "more"
    # Same-day view would see no link: late coffee days are the calm ones.
    assert [d.late_caffeine_mg for d in days] == [80, 0, 80, 0, 80, 0, 80]


def test_lag_day_before_the_window_feeds_only_yesterday() -> None:
    rows = [CheckinRow(day(i), twitches=True) for i in range(4)]
    intake = [IntakeRow("caffeine", 80, at(0, "20:00"), day(0))]
    days = build_days(day(0), day(3), rows, intake, [], LIMITS)
    late = stat(days, "caffeine_late", since=day(1))
    assert (late.with_days, late.without_days) == (1, 0)   # day 1 saw day 0's evening coffee
    assert stat(days, "caffeine_over", since=day(1)).with_days + stat(days, "caffeine_over", since=day(1)).without_days == 0


def test_cutoff_from_bedtime_and_after_midnight_coffee() -> None:
    assert cutoff_minutes_after_wake(LIMITS) == 10 * 60   # 07:00 + 10 h = 17:00
    assert not is_late(at(0, "16:59"), LIMITS)
    assert is_late(at(0, "17:00"), LIMITS)
    night = Limits("Europe/Madrid", "09:00", "01:00", 2000, 400, 120)
    assert cutoff_minutes_after_wake(night) == 14 * 60    # 23:00
    assert not is_late(at(0, "22:30"), night)
    assert is_late(at(0, "23:30"), night)
    # A coffee at 00:30 on day 1 belongs to the evening of day 0, so it weighs on day 1's twitches.
    intake = [IntakeRow("caffeine", 60, at(1, "00:30"), day(1))]
    days = build_days(day(0), day(2), [], intake, [], LIMITS)
    assert [d.late_caffeine_mg for d in days] == [60, 0, 0]
    assert days[1].caffeine_mg == 60


def test_summary_figures() -> None:
    rows = [CheckinRow(day(0), True, ("arm", "leg"), "few", "mild", 2, "lt5"),
            CheckinRow(day(1), True, ("leg",), "most", "strong", 4, "7to8"),
            CheckinRow(day(2), False, (), None, None, 3, "gt8")]
    intake = [IntakeRow("caffeine", 200, at(0, "08:00"), day(0)), IntakeRow("caffeine", 100, at(1, "08:00"), day(1)),
              IntakeRow("water", 1500, at(0, "09:00"), day(0)), IntakeRow("water", 1000, at(0, "15:00"), day(0))]
    s = summarize(build_days(day(0), day(6), rows, intake, [], LIMITS))
    assert (s.days, s.checkins, s.twitch_days) == (7, 3, 2)
    assert s.locations == (("leg", 2), ("arm", 1))
    assert s.intensity == (("mild", 1), ("strong", 1))
    assert (s.caffeine_avg_mg, s.water_avg_ml) == (150, 2500)   # per day that was logged
    assert s.sleep_avg_h == pytest.approx(6.8)
    assert s.stress_avg == 3.0
    assert s.trend == "unknown"


def test_trend_needs_three_checkins_on_both_sides() -> None:
    calm = checkin_days([(False, 1)] * 7)
    rough = checkin_days([(True, 1)] * 7)
    assert trend(calm, rough) == "fewer"
    assert trend(rough, calm) == "more"
    assert trend(calm, calm) == "same"
    assert trend(calm, rough[:2]) == "unknown"


@given(st.lists(st.tuples(st.sampled_from([True, False, None]), st.integers(1, 5) | st.none(),
                          st.sampled_from(["lt5", "5to6", "7to8", "gt8", None]),
                          st.integers(0, 800), st.sampled_from(["06:00", "12:00", "18:00", "23:30"])),
                min_size=1, max_size=40))
def test_counts_are_consistent(entries: list) -> None:
    rows = [CheckinRow(day(i), twitches=t, stress=s, sleep=sl) for i, (t, s, sl, _, _) in enumerate(entries)]
    intake = [IntakeRow("caffeine", mg, at(i, hhmm), day(i)) for i, (*_, mg, hhmm) in enumerate(entries) if mg]
    days = build_days(day(0), day(len(entries) - 1), rows, intake, [], LIMITS)
    answered = sum(1 for t, *_ in entries if t is not None)
    for s in trigger_stats(days, LIMITS):
        assert 0 <= s.with_twitch_days <= s.with_days
        assert 0 <= s.without_twitch_days <= s.without_days
        assert s.with_days + s.without_days <= answered
        assert (s.verdict == "unknown") == (s.with_days < MIN_DAYS or s.without_days < MIN_DAYS)
