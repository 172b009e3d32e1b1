"""Tip selection: tips rotate across every group that fits the day, weighted by fit; no tip repeats
before its group is used up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from coachbot.domain import exercises, foods, tips
from coachbot.domain.checkins import EXERCISE_LEVELS, SLEEP_CHOICES
from coachbot.domain.tips import (
    DayContext,
    choose_tip,
    fitting_groups,
    group_weights,
    pick_in_group,
    waking_share,
)

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("ctx", "group"), [
    (DayContext(stress=5), "relax"),
    (DayContext(stress=5, sleep="lt5"), "relax"),                   # equal fit: priority order
    (DayContext(stress=4, sleep="lt5"), "sleep"),                   # under 5 h fits more strongly
    (DayContext(stress=3, sleep="5to6"), "sleep"),
    (DayContext(stress=3, sleep="6to7"), "sleep"),                  # 6-7 h is short sleep too
    (DayContext(sleep="7to8", caffeine_mg=330, caffeine_limit_mg=400), "caffeine"),
    (DayContext(caffeine_mg=450, caffeine_limit_mg=400), "caffeine"),  # over the limit
    (DayContext(caffeine_mg=200, caffeine_limit_mg=400), "general"),
    (DayContext(water_ml=300, water_goal_ml=2000, day_elapsed=0.5), "water"),
    (DayContext(water_ml=300, water_goal_ml=2000, day_elapsed=0.1), "general"),  # too early to say
    (DayContext(water_ml=900, water_goal_ml=2000, day_elapsed=0.5), "general"),  # on pace
    (DayContext(twitches=True, exercise="hard"), "recovery"),
    (DayContext(twitches=False, exercise="hard"), "recovery"),     # fits a little without twitches
    (DayContext(twitches=True, exercise="light"), "general"),
    (DayContext(), "general"),
])
def test_the_day_decides_the_group(ctx: DayContext, group: str) -> None:
    assert choose_tip(ctx, {}).group == group


def test_high_stress_offers_a_relaxation_exercise() -> None:
    tip = choose_tip(DayContext(stress=5), {})
    assert tip.exercise in exercises.BY_ID
    assert exercises.BY_ID[tip.exercise].kind in ("breathing", "relaxation")


@pytest.mark.parametrize("group", tips.GROUPS)
def test_no_repeat_until_the_whole_group_was_seen(group: str) -> None:
    size = sum(1 for t in tips.TIPS if t.group == group)
    seen: dict[str, datetime] = {}
    shown = []
    for i in range(size * 3):
        tip = pick_in_group(group, seen)
        assert tip.group == group
        shown.append(tip.id)
        seen[tip.id] = T0 + timedelta(minutes=i)
    for start in range(0, len(shown), size):
        assert len(set(shown[start:start + size])) == size, shown   # every cycle shows each once
    assert shown[:size] == shown[size:2 * size]                     # then repeats oldest first


@given(st.dictionaries(st.sampled_from([t.id for t in tips.TIPS]),
                       st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 1, 1))
                       .map(lambda d: d.replace(tzinfo=UTC))),
       st.sampled_from(tips.GROUPS))
def test_an_unseen_tip_always_wins_over_a_seen_one(seen: dict[str, datetime], group: str) -> None:
    tip = pick_in_group(group, seen)
    unseen = [t for t in tips.TIPS if t.group == group and t.id not in seen]
    if unseen:
        assert tip.id not in seen
    else:
        assert seen[tip.id] == min(seen[t.id] for t in tips.TIPS if t.group == group)


CONTEXTS = st.builds(
    DayContext, stress=st.integers(1, 5) | st.none(), sleep=st.sampled_from([*SLEEP_CHOICES, None]),
    caffeine_mg=st.integers(0, 1000), water_ml=st.integers(0, 4000), day_elapsed=st.floats(0, 1),
    twitches=st.booleans(), exercise=st.sampled_from([*EXERCISE_LEVELS, None]))


@given(CONTEXTS)
def test_general_always_fits_last(ctx: DayContext) -> None:
    groups = fitting_groups(ctx)
    assert groups[-1] == "general" and groups == sorted(groups, key=tips.GROUPS.index)
    assert all(1 <= w <= 3 for w in group_weights(ctx).values())


def show(ctx: DayContext, times: int, seen: dict[str, datetime] | None = None) -> list[tips.Tip]:
    seen = {} if seen is None else seen
    shown = []
    for i in range(times):
        tip = choose_tip(ctx, seen)
        seen[tip.id] = T0 + timedelta(minutes=len(seen) + i)
        shown.append(tip)
    return shown


def test_a_hard_day_rotates_across_every_fitting_group() -> None:
    """The issue's day: 625 of 400 mg caffeine, under 5 h of sleep, stress 5: not five relaxation tips."""
    ctx = DayContext(stress=5, sleep="lt5", caffeine_mg=625, caffeine_limit_mg=400)
    first = [t.group for t in show(ctx, 5)]
    assert first[:3] == ["relax", "sleep", "caffeine"] and len(set(first)) == 3, first
    groups = [t.group for t in show(ctx, 40)]
    assert set(groups) == {"relax", "sleep", "caffeine", "general"}


@given(CONTEXTS)
@example(DayContext(stress=4, sleep="6to7", twitches=True, exercise="hard", caffeine_mg=320, water_ml=0,
                    day_elapsed=1.0))  # all six groups fit: general waited 14 tips here
def test_shares_follow_the_weights_and_every_group_comes_up(ctx: DayContext) -> None:
    weights = group_weights(ctx)
    total = sum(weights.values())
    shown = [t.group for t in show(ctx, total * 6)]
    for group, weight in weights.items():
        assert abs(shown.count(group) - weight * 6) <= 3, (weights, shown)
        # Every fitting group comes up within any run of (total + 2) tips after the first round.
        # Not total + 1: `seen` keeps only each tip's latest showing, so when a small group's tips
        # repeat, the others' ages are counted in distinct tips and can lag by one.
        for start in range(total, len(shown) - total):
            assert group in shown[start:start + total + 2], (group, weights, shown)


@given(CONTEXTS)
def test_no_tip_repeats_within_its_group_until_the_group_is_used_up(ctx: DayContext) -> None:
    shown = show(ctx, 30)
    for group in group_weights(ctx):
        ids = [t.id for t in shown if t.group == group]
        size = sum(1 for t in tips.TIPS if t.group == group)
        for start in range(0, len(ids) - size + 1, size):
            assert len(set(ids[start:start + size])) == len(ids[start:start + size]), ids


@pytest.mark.parametrize(("local", "wake", "sleep", "share"), [
    ("07:00", "07:00", "23:00", 0.0),
    ("15:00", "07:00", "23:00", 0.5),
    ("23:30", "07:00", "23:00", 1.0),     # after bedtime
    ("03:00", "07:00", "23:00", 1.0),     # night: the day is over
    ("02:00", "18:00", "06:00", 8 / 12),  # a night-shift window across midnight
])
def test_waking_share(local: str, wake: str, sleep: str, share: float) -> None:
    def m(s: str) -> int:
        return int(s[:2]) * 60 + int(s[3:])
    assert waking_share(m(local), m(wake), m(sleep)) == pytest.approx(share)


def test_every_tip_group_and_exercise_is_known() -> None:
    assert {t.group for t in tips.TIPS} == set(tips.GROUPS)
    assert all(t.exercise is None or t.exercise in exercises.BY_ID for t in tips.TIPS)


def test_breathing_patterns_follow_the_guidance() -> None:
    assert [p.seconds for p in exercises.BOX.phases] == [4, 4, 4, 4]
    assert all(p.seconds < 4 for p in exercises.BOX_GENTLE.phases)           # shorter counts
    assert [p.seconds for p in exercises.FOUR_SEVEN_EIGHT.phases] == [4, 7, 8]
    assert exercises.FOUR_SEVEN_EIGHT.cycles == 4                             # four cycles at first
    steps = exercises.round_steps(exercises.BOX)
    assert len(steps) == 16 and steps[-1].cycle == 4


def test_foods_are_rich_in_magnesium_or_potassium() -> None:
    assert {"spinach", "almonds", "pumpkinseeds", "blackbeans", "banana", "potato", "lentils",
            "apricots"} <= set(foods.BY_ID)
    for food in foods.FOODS:
        assert food.magnesium_mg >= 60 or food.potassium_mg >= 300, food
    assert foods.SUPPLEMENT_MAGNESIUM_UL_MG == 350
