"""Check-in answers as plain values: the choices, one day's record, and which question comes next."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .doctor_rules import WARNING_SIGNS

LOCATIONS = ("face", "arm", "leg", "torso")
FREQUENCIES = ("few", "onoff", "most")
INTENSITIES = ("mild", "noticeable", "strong")
STRESS_LEVELS = (1, 2, 3, 4, 5)
SLEEP_CHOICES = ("lt5", "5to6", "6to7", "7to8", "gt8")
# The warning signs offered on the weekly screen and the "Something new?" list;
# stored rows may also hold legacy codes (doctor_rules.LEGACY_WARNING_SIGNS).
RED_FLAGS = WARNING_SIGNS
# Steps of a twitch day, in order; "flags" only when the red-flag screen is due.
TWITCH_STEPS = ("where", "often", "strength", "stress", "sleep", "med")
FIRST_STEP = "twitches"
SCREEN_EVERY_DAYS = 7          # never ask the red-flag screen more often than weekly
BACKFILL_DAYS = 1              # yesterday may be filled in; older days are closed


@dataclass(frozen=True)
class CheckinDay:
    """One local day's answers; None means not answered yet."""

    day: date
    twitches: bool | None = None
    locations: tuple[str, ...] = ()
    frequency: str | None = None
    intensity: str | None = None
    stress: int | None = None
    sleep: str | None = None
    new_medicine: bool | None = None
    step: str | None = FIRST_STEP   # the question on screen; None once the check-in is finished

    @property
    def finished(self) -> bool:
        return self.step is None and self.twitches is not None


@dataclass(frozen=True)
class Screen:
    """A red-flag screen: the flags ticked (empty = none of these) and whether it was finished."""

    day: date
    flags: tuple[str, ...] = ()
    complete: bool = False
    emergency: bool = False


@dataclass(frozen=True)
class SignReport:
    """One warning sign a person reported for a day, and where the report came from."""

    day: date
    sign: str      # a code of doctor_rules.KNOWN_WARNING_SIGNS
    source: str    # a code of doctor_rules.SOURCES


@dataclass(frozen=True)
class Intake:
    """What the intake log holds for a day (ml of water, mg of caffeine)."""

    water_ml: int = 0
    caffeine_mg: int = 0


def ordered(values: Iterable[str], universe: Sequence[str]) -> tuple[str, ...]:
    """Known values only, deduplicated, in the catalog's order."""
    chosen = set(values)
    return tuple(v for v in universe if v in chosen)


def parse_list(text: str | None, universe: Sequence[str]) -> tuple[str, ...]:
    return ordered((text or "").split(","), universe)


def toggle(current: Sequence[str], value: str, on: bool, universe: Sequence[str]) -> tuple[str, ...]:
    """Set one item on or off; the target state is explicit so a double tap changes nothing."""
    chosen = set(current)
    (chosen.add if on else chosen.discard)(value)
    return ordered(chosen, universe)


def steps_for(with_screen: bool) -> tuple[str, ...]:
    return (FIRST_STEP, *TWITCH_STEPS, *(("flags",) if with_screen else ()))


def next_step(current: str, with_screen: bool) -> str | None:
    """The question after `current` on a twitch day, or None when the check-in is finished."""
    steps = steps_for(with_screen)
    if current not in steps:
        return None
    i = steps.index(current)
    return steps[i + 1] if i + 1 < len(steps) else None


def answerable(day: date, today: date) -> bool:
    """Only today and yesterday (back-fill) can be written; older buttons are stale."""
    return 0 <= (today - day).days <= BACKFILL_DAYS


def screen_due(today: date, twitches_today: bool, last_screen: date | None,
               every_days: int = SCREEN_EVERY_DAYS) -> bool:
    """Ask the red-flag screen on a twitch day when none was finished in the last week.

    Weekly at most (frequent symptom questioning feeds health anxiety), so while
    twitches go on for a week or more the screen comes back once a week.
    """
    if not twitches_today:
        return False
    return last_screen is None or (today - last_screen).days >= every_days


def day_code(day: date) -> str:
    """Compact date for button data: YYYYMMDD."""
    return day.strftime("%Y%m%d")


def parse_day_code(text: str) -> date | None:
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def last_days(today: date, n: int) -> list[date]:
    """The n local days ending today, newest first."""
    return [today - timedelta(days=i) for i in range(n)]
