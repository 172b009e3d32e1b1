"""Choose the tip that fits a person's day, without repeating one before its group is used up.

Every group that fits the day gets a weight (how strongly it fits); tips rotate
across those groups in proportion to their weights. Pure rules: the caller reads the last check-in,
today's intake and the tips already seen, and renders the chosen tip from the
catalog key `coaching-tip-<id>`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from .checkins import HARD_EXERCISE, HIGH_STRESS, SHORT_SLEEP_BELOW_H, SLEEP

# Thresholds, chosen to be gentle: coaching nudges early, never alarms.
CAFFEINE_NEAR_LIMIT = 0.8       # share of the personal daily caffeine limit
WATER_BEHIND = 0.6              # share of the pro-rata water target reached so far


@dataclass(frozen=True)
class Tip:
    id: str
    group: str
    exercise: str | None = None      # an exercise id from domain.exercises to offer with it
    caveat: str | None = None        # "potassium" (suggests potassium foods) or "fluids" (drink more)


# Groups in priority order: among equally fitting groups, the earlier one goes first.
GROUPS = ("relax", "sleep", "caffeine", "water", "recovery", "general")

TIPS: tuple[Tip, ...] = (
    Tip("relax-box", "relax", "box"),
    Tip("relax-478", "relax", "478"),
    Tip("relax-pmr", "relax", "pmr"),
    Tip("relax-mindful", "relax", "mindful"),
    Tip("relax-walk", "relax", "lowimpact"),
    Tip("sleep-schedule", "sleep"),
    Tip("sleep-screens", "sleep"),
    Tip("sleep-winddown", "sleep", "478"),
    Tip("sleep-bedroom", "sleep"),
    Tip("caffeine-cutoff", "caffeine"),
    Tip("caffeine-taper", "caffeine"),
    Tip("caffeine-hidden", "caffeine"),
    Tip("caffeine-swap", "caffeine"),
    Tip("water-glass", "water", caveat="fluids"),
    Tip("water-bottle", "water", caveat="fluids"),
    Tip("water-food", "water", caveat="fluids"),
    Tip("water-habit", "water", caveat="fluids"),
    Tip("recovery-rest", "recovery"),
    Tip("recovery-stretch", "recovery", "stretch"),
    Tip("recovery-minerals", "recovery", caveat="potassium"),
    Tip("general-diary", "general"),
    Tip("general-foods", "general", caveat="potassium"),
    Tip("general-movement", "general", "lowimpact"),
    Tip("general-checking", "general"),
)
BY_ID = {tip.id: tip for tip in TIPS}


@dataclass(frozen=True)
class DayContext:
    """What we know about the person's day; None means not reported."""

    stress: int | None = None          # 1..5 from the latest recent check-in
    sleep: str | None = None           # a checkins.SLEEP option code
    twitches: bool | None = None
    exercise: str | None = None        # none | light | hard
    caffeine_mg: int = 0               # logged today
    caffeine_limit_mg: int = 400
    water_ml: int = 0                  # logged today
    water_goal_ml: int = 2000
    day_elapsed: float = 0.0           # share of today's waking hours already gone, 0..1


def water_behind(ctx: DayContext) -> bool:
    """Behind on water: less than WATER_BEHIND of what a steady pace would have reached by now."""
    if ctx.day_elapsed < 0.25 or ctx.water_goal_ml <= 0:
        return False  # too early in the day to call anyone behind
    return ctx.water_ml < WATER_BEHIND * ctx.water_goal_ml * min(ctx.day_elapsed, 1.0)


def _short_sleep_weight(hours: float) -> int:
    """Under 5 hours strongly, under 6 clearly, otherwise a little."""
    return 3 if hours < 5 else 2 if hours < 6 else 1


def group_weights(ctx: DayContext) -> dict[str, int]:
    """Every group that fits today, with how strongly (1 a little .. 3 strongly), in priority order.

    'general' always fits, a little.
    """
    weights: dict[str, int] = {}
    if ctx.stress is not None and ctx.stress >= HIGH_STRESS:
        weights["relax"] = 2 + (ctx.stress > HIGH_STRESS)
    hours = SLEEP.value(ctx.sleep)
    if hours is not None and hours < SHORT_SLEEP_BELOW_H:
        weights["sleep"] = _short_sleep_weight(hours)
    if ctx.caffeine_limit_mg > 0 and ctx.caffeine_mg >= CAFFEINE_NEAR_LIMIT * ctx.caffeine_limit_mg:
        weights["caffeine"] = 3 if ctx.caffeine_mg > ctx.caffeine_limit_mg else 2
    if water_behind(ctx):
        weights["water"] = 3 if ctx.water_ml < WATER_BEHIND / 2 * ctx.water_goal_ml * min(ctx.day_elapsed, 1.0) else 2
    if ctx.exercise == HARD_EXERCISE:
        weights["recovery"] = 3 if ctx.twitches else 1
    weights["general"] = 1
    return {group: weights[group] for group in GROUPS if group in weights}


def fitting_groups(ctx: DayContext) -> list[str]:
    """Every group that fits today, in priority order; 'general' always fits last."""
    return list(group_weights(ctx))


def pick_in_group(group: str, seen: Mapping[str, datetime]) -> Tip:
    """An unseen tip of the group in catalog order; once all were seen, the least recently seen."""
    tips = [tip for tip in TIPS if tip.group == group]
    unseen = [tip for tip in tips if tip.id not in seen]
    if unseen:
        return unseen[0]
    return min(tips, key=lambda tip: (seen[tip.id], tips.index(tip)))


def choose_group(ctx: DayContext, seen: Mapping[str, datetime]) -> str:
    """The fitting group most overdue for its weight.

    A group's age is how many tips were shown since its last one (never shown: older
    than everything). The group with the largest weight × (age + 1) goes next, so a
    group fitting three times as strongly comes up three times as often, and a weak
    fit still comes up once its age has grown. Ties go to the stronger fit, then to
    the earlier group in GROUPS.
    """
    weights = group_weights(ctx)
    newest_first = [BY_ID[tip_id].group for _, tip_id in
                    sorted(((at, tip_id) for tip_id, at in seen.items() if tip_id in BY_ID), reverse=True)]

    def score(group: str) -> tuple[int, int, int]:
        age = newest_first.index(group) if group in newest_first else len(newest_first)
        return weights[group] * (age + 1), weights[group], -GROUPS.index(group)

    return max(weights, key=score)


def choose_tip(ctx: DayContext, seen: Mapping[str, datetime]) -> Tip:
    """The tip for now: a group chosen by rotation, then its next unseen tip of that group."""
    return pick_in_group(choose_group(ctx, seen), seen)


def waking_share(local_minutes: int, wake_minutes: int, sleep_minutes: int) -> float:
    """How much of the waking window (which may cross midnight) has passed, 0..1."""
    length = (sleep_minutes - wake_minutes) % 1440 or 1440
    gone = (local_minutes - wake_minutes) % 1440
    return min(gone / length, 1.0) if gone <= length else 1.0
