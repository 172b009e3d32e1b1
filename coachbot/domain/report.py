"""The doctor report as plain data: what a doctor would want from weeks of logs, on one or two pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .checkins import HIGH_STRESS, OFTEN, SHORT_SLEEP
from .stats import Day, Limits, Summary, summarize

REPORT_DAYS = 30
MAX_LISTED = 6          # red flags / nudges listed individually; older ones are counted
MAX_NOTES = 12          # the person's own notes, most recent first


@dataclass(frozen=True)
class RedFlag:
    day: date
    flags: tuple[str, ...]          # weakness, balance, shrinking, speech
    emergency: bool


@dataclass(frozen=True)
class Nudge:
    day: date
    level: int                      # 1 emergency, 2 see a doctor soon, 3 book an appointment
    reasons: tuple[str, ...]
    response: str | None            # booked | later | None
    responded: date | None = None   # local day of the answer


@dataclass(frozen=True)
class DoctorReport:
    start: date
    end: date
    first_twitch: date | None       # across the whole log, not only this period
    summary: Summary
    frequency: tuple[tuple[str, int], ...]   # few / onoff / most, in that order
    red_flags: tuple[RedFlag, ...]  # most recent first, at most MAX_LISTED
    red_flags_total: int
    medicine_days: tuple[date, ...]
    caffeine_over_days: int
    water_low_days: int
    short_sleep_days: int
    high_stress_days: int
    nudges: tuple[Nudge, ...]       # most recent first, at most MAX_LISTED
    nudges_total: int
    caffeine_limit_mg: int
    water_goal_ml: int
    notes: tuple[tuple[date, str], ...] = ()     # most recent first, at most MAX_NOTES
    notes_total: int = 0

    @property
    def has_data(self) -> bool:
        return self.summary.checkins > 0 or self.summary.caffeine_avg_mg is not None \
            or self.summary.water_avg_ml is not None


def _trigger_days(days: Sequence[Day], limits: Limits) -> dict[str, int]:
    """How many days each everyday trigger was logged (only days where it was asked count)."""
    return {
        "caffeine_over_days": sum(1 for d in days if d.intake_logged and d.caffeine_mg > limits.caffeine_limit_mg),
        "water_low_days": sum(1 for d in days if d.water_logged and d.water_ml < limits.water_goal_ml),
        "short_sleep_days": sum(1 for d in days if d.sleep in SHORT_SLEEP),
        "high_stress_days": sum(1 for d in days if d.stress is not None and d.stress >= HIGH_STRESS),
    }


def build_report(days: Sequence[Day], limits: Limits, first_twitch: date | None,
                 red_flags: Iterable[RedFlag], nudges: Iterable[Nudge],
                 notes: Iterable[tuple[date, str]] = ()) -> DoctorReport:
    """Collect the report's figures from the period's days and the whole-log events."""
    flagged = sorted((f for f in red_flags if f.flags or f.emergency), key=lambda f: f.day, reverse=True)
    nudged = sorted(nudges, key=lambda n: n.day, reverse=True)
    written = sorted(notes, key=lambda n: n[0], reverse=True)
    frequency = Counter(d.frequency for d in days if d.twitches and d.frequency)
    return DoctorReport(
        start=days[0].day, end=days[-1].day, first_twitch=first_twitch, summary=summarize(days),
        frequency=tuple((f, frequency[f]) for f in OFTEN.codes if frequency[f]),
        red_flags=tuple(flagged[:MAX_LISTED]), red_flags_total=len(flagged),
        medicine_days=tuple(d.day for d in days if d.new_medicine),
        **_trigger_days(days, limits),
        nudges=tuple(nudged[:MAX_LISTED]), nudges_total=len(nudged),
        caffeine_limit_mg=limits.caffeine_limit_mg, water_goal_ml=limits.water_goal_ml,
        notes=tuple(written[:MAX_NOTES]), notes_total=len(written),
    )
