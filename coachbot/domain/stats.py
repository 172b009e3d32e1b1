"""What a person's own log says: period summaries, trends and honest trigger statistics.

Pure functions over plain values. A "day" is the person's local date. Trigger
statistics compare the share of days with twitches on days with and without a
factor, show the counts, and claim nothing until both sides have MIN_DAYS days;
the wording they feed says "linked with", never "causes".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .checkins import CheckinDay
from .foods import BY_ID as FOODS_BY_ID
from .timeparse import minutes_of_day

MIN_DAYS = 3            # days needed on EACH side before a factor is described at all
MIN_DIFFERENCE = 0.2    # twitch-day shares must differ by 20 points to call it a link
INTENSITY_SCORE = {"mild": 1, "noticeable": 2, "strong": 3}
SLEEP_HOURS = {"lt5": 4.5, "5to6": 5.5, "7to8": 7.5, "gt8": 8.5}
SHORT_SLEEP = frozenset({"lt5", "5to6"})
HIGH_STRESS = 4
FACTORS = ("caffeine_over", "caffeine_late", "water_low", "short_sleep", "high_stress", "mgk_food")


@dataclass(frozen=True)
class IntakeRow:
    kind: str            # water | caffeine
    amount: int          # ml or mg
    at_utc: datetime
    day: date            # local date when logged


@dataclass(frozen=True)
class FoodRow:
    food: str
    day: date


@dataclass(frozen=True)
class Limits:
    """The person's own targets that define 'over the limit', 'late' and 'below goal'."""

    timezone: str
    wake_time: str
    sleep_time: str
    water_goal_ml: int
    caffeine_limit_mg: int
    caffeine_cutoff_minutes: int


@dataclass(frozen=True)
class Day:
    """Everything logged for one local day."""

    day: date
    twitches: bool | None = None          # None: no check-in answer that day
    intensity: int = 0                    # 0 none / unknown, 1 mild .. 3 strong
    locations: tuple[str, ...] = ()
    frequency: str | None = None
    stress: int | None = None
    sleep: str | None = None
    new_medicine: bool = False
    caffeine_mg: int = 0
    late_caffeine_mg: int = 0             # caffeine logged after the person's cut-off
    water_ml: int = 0
    intake_logged: bool = False           # anything (water or caffeine) logged that day
    water_logged: bool = False
    mgk_foods: int = 0                    # magnesium/potassium foods from the catalog

    @property
    def checked_in(self) -> bool:
        return self.twitches is not None

    @property
    def sleep_hours(self) -> float | None:
        return SLEEP_HOURS.get(self.sleep or "")


def cutoff_minutes_after_wake(limits: Limits) -> int:
    """Minutes after waking when caffeine starts to count as late (bedtime minus the cut-off)."""
    wake = minutes_of_day(limits.wake_time)
    bed = (minutes_of_day(limits.sleep_time) - wake) % 1440 or 1440
    return max(0, bed - limits.caffeine_cutoff_minutes)


def is_late(at_utc: datetime, limits: Limits) -> bool:
    """Whether a caffeine entry came after the cut-off, counted from wake-up so midnight is fine."""
    local = at_utc.astimezone(ZoneInfo(limits.timezone))
    since_wake = (local.hour * 60 + local.minute - minutes_of_day(limits.wake_time)) % 1440
    return since_wake >= cutoff_minutes_after_wake(limits)


def evening_of(at_utc: datetime, limits: Limits) -> date:
    """The local day whose evening a moment belongs to (before wake-up counts as the night before)."""
    local = at_utc.astimezone(ZoneInfo(limits.timezone))
    before_wake = local.hour * 60 + local.minute < minutes_of_day(limits.wake_time)
    return local.date() - timedelta(days=1) if before_wake else local.date()


def build_days(start: date, end: date, checkins: Iterable[CheckinDay], intake: Iterable[IntakeRow],
               food: Iterable[FoodRow], limits: Limits) -> list[Day]:
    """One Day per local date from start to end inclusive, oldest first."""
    fields: dict[date, dict[str, Any]] = {}
    for c in checkins:
        fields.setdefault(c.day, {}).update(
            twitches=c.twitches, intensity=INTENSITY_SCORE.get(c.intensity or "", 1 if c.twitches else 0),
            locations=c.locations if c.twitches else (), frequency=c.frequency if c.twitches else None,
            stress=c.stress, sleep=c.sleep, new_medicine=bool(c.new_medicine))
    totals: dict[date, Counter[str]] = {}
    for i in intake:
        t = totals.setdefault(i.day, Counter())
        t[i.kind] += i.amount
        t["logged"] += 1
        if i.kind == "water":
            t["water_logged"] += 1
        elif is_late(i.at_utc, limits):
            # A coffee at 1 a.m. belongs to the evening before: that is the night it disturbs.
            totals.setdefault(evening_of(i.at_utc, limits), Counter())["late"] += i.amount
    for f in food:
        if f.food in FOODS_BY_ID:   # the catalog holds magnesium/potassium-rich foods only
            totals.setdefault(f.day, Counter())["mgk"] += 1
    days = []
    current = start
    while current <= end:
        t = totals.get(current, Counter())
        days.append(Day(day=current, **fields.get(current, {}), caffeine_mg=t["caffeine"],
                        late_caffeine_mg=t["late"], water_ml=t["water"], intake_logged=t["logged"] > 0,
                        water_logged=t["water_logged"] > 0, mgk_foods=t["mgk"]))
        current += timedelta(days=1)
    return days


# ----------------------------------------------------------------- summaries
@dataclass(frozen=True)
class Summary:
    days: int                              # length of the period
    checkins: int                          # days with a check-in answer
    twitch_days: int
    locations: tuple[tuple[str, int], ...]  # most frequent first
    intensity: tuple[tuple[str, int], ...]  # mild/noticeable/strong counts, in that order
    trend: str                             # fewer | more | same | unknown
    caffeine_avg_mg: int | None            # per day with intake logged
    water_avg_ml: int | None               # per day with water logged
    sleep_avg_h: float | None
    stress_avg: float | None


def summarize(days: Sequence[Day], previous: Sequence[Day] = ()) -> Summary:
    """Summarise a period; `previous` is the equally long period before it, for the trend."""
    checked = [d for d in days if d.checked_in]
    twitched = [d for d in checked if d.twitches]
    places = Counter(loc for d in twitched for loc in d.locations)
    strength = Counter(d.intensity for d in twitched)
    names = {v: k for k, v in INTENSITY_SCORE.items()}
    logged = [d for d in days if d.intake_logged]
    watered = [d for d in days if d.water_logged]
    slept = [d.sleep_hours for d in days if d.sleep_hours is not None]
    stressed = [d.stress for d in days if d.stress is not None]
    return Summary(
        days=len(days), checkins=len(checked), twitch_days=len(twitched),
        locations=tuple(sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))),
        intensity=tuple((names[s], strength[s]) for s in (1, 2, 3) if strength[s]),
        trend=trend(days, previous),
        caffeine_avg_mg=round(sum(d.caffeine_mg for d in logged) / len(logged)) if logged else None,
        water_avg_ml=round(sum(d.water_ml for d in watered) / len(watered)) if watered else None,
        sleep_avg_h=round(sum(slept) / len(slept), 1) if slept else None,
        stress_avg=round(sum(stressed) / len(stressed), 1) if stressed else None,
    )


def trend(days: Sequence[Day], previous: Sequence[Day]) -> str:
    """Compare the average daily twitch score (0 none .. 3 strong) with the period before."""
    now = [d.intensity if d.twitches else 0 for d in days if d.checked_in]
    before = [d.intensity if d.twitches else 0 for d in previous if d.checked_in]
    if len(now) < MIN_DAYS or len(before) < MIN_DAYS:
        return "unknown"
    change = sum(now) / len(now) - sum(before) / len(before)
    if change <= -0.25:
        return "fewer"
    if change >= 0.25:
        return "more"
    return "same"


# ------------------------------------------------------------ trigger stats
@dataclass(frozen=True)
class FactorStat:
    factor: str
    with_days: int
    with_twitch_days: int
    without_days: int
    without_twitch_days: int

    @property
    def enough(self) -> bool:
        return self.with_days >= MIN_DAYS and self.without_days >= MIN_DAYS

    @property
    def verdict(self) -> str:
        """more | fewer | none (no clear link) | unknown (not enough days on one side)."""
        if not self.enough:
            return "unknown"
        diff = self.with_twitch_days / self.with_days - self.without_twitch_days / self.without_days
        if diff >= MIN_DIFFERENCE:
            return "more"
        if diff <= -MIN_DIFFERENCE:
            return "fewer"
        return "none"


def factor_present(factor: str, day: Day, yesterday: Day | None, limits: Limits,
                   uses_food_diary: bool) -> bool | None:
    """Whether `factor` applied to `day`; None when the log can't tell."""
    if factor == "caffeine_over":
        return day.caffeine_mg > limits.caffeine_limit_mg if day.intake_logged else None
    if factor == "caffeine_late":
        # Yesterday evening's caffeine against today's twitches.
        if yesterday is None or not (yesterday.intake_logged or yesterday.late_caffeine_mg):
            return None
        return yesterday.late_caffeine_mg > 0
    if factor == "water_low":
        return day.water_ml < limits.water_goal_ml if day.water_logged else None
    if factor == "short_sleep":
        return day.sleep in SHORT_SLEEP if day.sleep is not None else None
    if factor == "high_stress":
        return day.stress >= HIGH_STRESS if day.stress is not None else None
    if factor == "mgk_food":
        return day.mgk_foods > 0 if uses_food_diary else None
    raise ValueError(f"unknown factor {factor!r}")


def trigger_stats(days: Sequence[Day], limits: Limits, since: date | None = None) -> list[FactorStat]:
    """For each factor, twitch days among days with and without it (only checked-in days count).

    Days before `since` only serve as "yesterday" for the lagged factor.
    """
    by_day = {d.day: d for d in days}
    counted = [d for d in days if since is None or d.day >= since]
    uses_food_diary = any(d.mgk_foods for d in counted)
    stats = []
    for factor in FACTORS:
        counts: Counter[str] = Counter()
        for d in counted:
            if not d.checked_in:
                continue
            present = factor_present(factor, d, by_day.get(d.day - timedelta(days=1)), limits,
                                     uses_food_diary)
            if present is None:
                continue
            side = "with" if present else "without"
            counts[side] += 1
            counts[side + "_twitch"] += int(bool(d.twitches))
        stats.append(FactorStat(factor, counts["with"], counts["with_twitch"], counts["without"],
                                counts["without_twitch"]))
    return stats


def window(end: date, length: int) -> tuple[date, date]:
    """The `length` days ending on `end`, inclusive."""
    return end - timedelta(days=length - 1), end
