"""Tip selection: the day's context decides the group; no tip repeats before its group is used up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.domain import exercises, foods, tips
from coachbot.domain.tips import DayContext, choose_tip, fitting_groups, pick_in_group, waking_share

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("ctx", "group"), [
    (DayContext(stress=5), "relax"),
    (DayContext(stress=4, sleep="lt5"), "relax"),                   # stress comes first
    (DayContext(stress=3, sleep="5to6"), "sleep"),
    (DayContext(sleep="7to8", caffeine_mg=330, caffeine_limit_mg=400), "caffeine"),
    (DayContext(caffeine_mg=450, caffeine_limit_mg=400), "caffeine"),  # over the limit
    (DayContext(caffeine_mg=200, caffeine_limit_mg=400), "general"),
    (DayContext(water_ml=300, water_goal_ml=2000, day_elapsed=0.5), "water"),
    (DayContext(water_ml=300, water_goal_ml=2000, day_elapsed=0.1), "general"),  # too early to say
    (DayContext(water_ml=900, water_goal_ml=2000, day_elapsed=0.5), "general"),  # on pace
    (DayContext(twitches=True, hard_exercise=True), "recovery"),
    (DayContext(twitches=False, hard_exercise=True), "general"),
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


@given(st.integers(1, 5) | st.none(), st.sampled_from(["lt5", "5to6", "7to8", "gt8", None]),
       st.integers(0, 1000), st.integers(0, 4000), st.floats(0, 1), st.booleans(), st.booleans())
def test_general_always_fits_last(stress, sleep, caffeine, water, elapsed, twitches, hard) -> None:
    ctx = DayContext(stress=stress, sleep=sleep, caffeine_mg=caffeine, water_ml=water,
                     day_elapsed=elapsed, twitches=twitches, hard_exercise=hard)
    groups = fitting_groups(ctx)
    assert groups[-1] == "general" and groups == sorted(groups, key=tips.GROUPS.index)


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
