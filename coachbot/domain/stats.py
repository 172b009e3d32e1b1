"""What a person's own log says: period summaries, trends and honest trigger statistics.

Pure functions over plain values. A "day" is the person's local date. Trigger
statistics compare the share of days with twitches on days with and without a
factor, show the counts, and claim nothing until both sides have MIN_DAYS days;
the wording they feed says "linked with", never "causes".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .checkins import (
    EXERCISE,
    HARD_EXERCISE,
    HIGH_STRESS,
    SHORT_SLEEP,
    SLEEP,
    STRENGTH,
    CheckinDay,
)
from .foods import BY_ID as FOODS_BY_ID
from .timeparse import minutes_of_day

MIN_DAYS = 3            # days needed on EACH side before a factor is described at all
MIN_DIFFERENCE = 0.2    # twitch-day shares must differ by 20 points to call it a link
FACTORS = ("caffeine_over", "caffeine_late", "water_low", "short_sleep", "high_stress", "hard_exercise",
           "mgk_food")


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
    exercise: str | None = None
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
        return SLEEP.value(self.sleep)


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
            twitches=c.twitches,
            intensity=int(STRENGTH.value(c.intensity) or 1) if c.twitches else 0,
            locations=c.locations if c.twitches else (), frequency=c.frequency if c.twitches else None,
            stress=c.stress, sleep=c.sleep, new_medicine=bool(c.new_medicine), exercise=c.exercise)
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
class Average:
    """A mean and how many days it stands on (value None when nothing was logged)."""

    value: float | None
    days: int


def average(values: Sequence[float], digits: int = 1) -> Average:
    if not values:
        return Average(None, 0)
    mean = sum(values) / len(values)
    return Average(round(mean) if digits == 0 else round(mean, digits), len(values))


@dataclass(frozen=True)
class Summary:
    days: int                              # length of the period
    checkins: int                          # days with a check-in answer
    twitch_days: int
    locations: tuple[tuple[str, int], ...]  # most frequent first
    intensity: tuple[tuple[str, int], ...]  # mild/noticeable/strong counts, in that order
    trend: str                             # fewer | more | same | unknown
    caffeine: Average                      # mg per day with intake logged
    water: Average                         # ml per day with water logged
    sleep: Average                         # hours per night answered
    stress: Average                        # 1..5 per day answered
    exercise: tuple[tuple[str, int], ...] = ()   # none/light/hard counts, in that order

    # Plain numbers, for callers that only want the mean.
    @property
    def caffeine_avg_mg(self) -> float | None:
        return self.caffeine.value

    @property
    def water_avg_ml(self) -> float | None:
        return self.water.value

    @property
    def sleep_avg_h(self) -> float | None:
        return self.sleep.value

    @property
    def stress_avg(self) -> float | None:
        return self.stress.value


def summarize(days: Sequence[Day], previous: Sequence[Day] = ()) -> Summary:
    """Summarise a period; `previous` is the equally long period before it, for the trend."""
    checked = [d for d in days if d.checked_in]
    twitched = [d for d in checked if d.twitches]
    return Summary(
        days=len(days), checkins=len(checked), twitch_days=len(twitched),
        locations=_places(twitched), intensity=_strengths(twitched),
        trend=trend(days, previous),
        caffeine=average([d.caffeine_mg for d in days if d.intake_logged], digits=0),
        water=average([d.water_ml for d in days if d.water_logged], digits=0),
        sleep=average([h for d in days if (h := d.sleep_hours) is not None]),
        stress=average([d.stress for d in days if d.stress is not None]),
        exercise=_exercise(days),
    )


def _places(twitched: Sequence[Day]) -> tuple[tuple[str, int], ...]:
    """(place, twitch days) with the most frequent place first."""
    places = Counter(loc for d in twitched for loc in d.locations)
    return tuple(sorted(places.items(), key=lambda kv: (-kv[1], kv[0])))


def _strengths(twitched: Sequence[Day]) -> tuple[tuple[str, int], ...]:
    """(strength code, twitch days) from mild to strong, leaving out strengths never reported."""
    strength = Counter(d.intensity for d in twitched)
    return tuple((o.code, strength[int(o.value)]) for o in STRENGTH.options if strength[int(o.value)])


def _exercise(days: Sequence[Day]) -> tuple[tuple[str, int], ...]:
    moved = Counter(d.exercise for d in days if d.exercise)
    return tuple((code, moved[code]) for code in EXERCISE.codes if moved[code])


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
    def known_days(self) -> int:
        return self.with_days + self.without_days

    @property
    def twitch_days(self) -> int:
        return self.with_twitch_days + self.without_twitch_days

    @property
    def good_days(self) -> int:
        return self.known_days - self.twitch_days

    @property
    def enough(self) -> bool:
        """Enough to compare: MIN_DAYS with and without the factor, and MIN_DAYS good and twitch days."""
        return self.verdict in ("more", "fewer", "none")

    @property
    def verdict(self) -> str:
        """more | fewer | none (no clear link) | unknown (too few days on one side of the factor)
        | few_good / few_twitch (the factor is known on too few days without / with twitches)."""
        if self.with_days < MIN_DAYS or self.without_days < MIN_DAYS:
            return "unknown"
        # A factor only asked on twitch days can't say anything: both sides would be twitch days.
        if self.good_days < MIN_DAYS:
            return "few_good"
        if self.twitch_days < MIN_DAYS:
            return "few_twitch"
        diff = self.with_twitch_days / self.with_days - self.without_twitch_days / self.without_days
        if diff >= MIN_DIFFERENCE:
            return "more"
        if diff <= -MIN_DIFFERENCE:
            return "fewer"
        return "none"


# Factors read from the day itself: None where the day's log can't tell.
_SAME_DAY: dict[str, Callable[[Day, Limits], bool | None]] = {
    "caffeine_over": lambda d, lim: d.caffeine_mg > lim.caffeine_limit_mg if d.intake_logged else None,
    "water_low": lambda d, lim: d.water_ml < lim.water_goal_ml if d.water_logged else None,
    "short_sleep": lambda d, _: d.sleep in SHORT_SLEEP if d.sleep is not None else None,
    "high_stress": lambda d, _: d.stress >= HIGH_STRESS if d.stress is not None else None,
    "hard_exercise": lambda d, _: d.exercise == HARD_EXERCISE if d.exercise is not None else None,
}


def factor_present(factor: str, day: Day, yesterday: Day | None, limits: Limits,
                   uses_food_diary: bool) -> bool | None:
    """Whether `factor` applied to `day`; None when the log can't tell."""
    if factor == "caffeine_late":
        # Yesterday evening's caffeine against today's twitches.
        if yesterday is None or not (yesterday.intake_logged or yesterday.late_caffeine_mg):
            return None
        return yesterday.late_caffeine_mg > 0
    if factor == "mgk_food":
        return day.mgk_foods > 0 if uses_food_diary else None
    if factor in _SAME_DAY:
        return _SAME_DAY[factor](day, limits)
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
