"""Check-in answers as plain values: the choices, one day's record, and which question comes next."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .doctor_rules import WARNING_SIGNS


@dataclass(frozen=True)
class Option:
    """One answer a person can tap, and the number the statistics read from it."""

    code: str                 # what the button carries and the catalogs name
    value: float = 0          # hours of sleep, intensity score, stress level, exercise level


@dataclass(frozen=True)
class Question:
    """A check-in question: the one declaration the buttons, storage and statistics all read."""

    step: str
    column: str                       # the checkins column that holds the answer
    options: tuple[Option, ...]
    multi: bool = False               # several options at once (locations)
    any_day: bool = False             # asked on good days too (optional, on the summary)
    kind: str = "code"                # how CheckinDay holds an answer: code | int | bool

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(o.code for o in self.options)

    def answer(self, code: str) -> str | int | bool:
        """A tapped code as CheckinDay holds it (stress 3, new medicine True, sleep "6to7")."""
        if self.kind == "int":
            return int(code)
        if self.kind == "bool":
            return code == "yes"
        return code

    def code_of(self, answer: object) -> str | None:
        """The option code of a stored answer (the inverse of answer()); None if not answered."""
        if answer is None:
            return None
        if self.kind == "bool":
            return "yes" if answer else "no"
        return str(answer)

    def value(self, code: object) -> float | None:
        """The number behind an answer; None when not answered (or not an option)."""
        return next((o.value for o in self.options if o.code == str(code)), None)


def _options(*pairs: tuple[str, float]) -> tuple[Option, ...]:
    return tuple(Option(code, value) for code, value in pairs)


WHERE = Question("where", "locations", _options(("face", 0), ("arm", 0), ("leg", 0), ("torso", 0)),
                 multi=True)
OFTEN = Question("often", "frequency", _options(("few", 1), ("onoff", 2), ("most", 3)))
STRENGTH = Question("strength", "intensity", _options(("mild", 1), ("noticeable", 2), ("strong", 3)))
STRESS = Question("stress", "stress", _options(*((str(n), n) for n in range(1, 6))), any_day=True,
                  kind="int")
# Hours are the middle of each band; "over 8 h" counts as 8.5 and "under 5 h" as 4.5.
SLEEP = Question("sleep", "sleep", _options(("lt5", 4.5), ("5to6", 5.5), ("6to7", 6.5), ("7to8", 7.5),
                                            ("gt8", 8.5)), any_day=True)
MEDICINE = Question("med", "new_medicine", _options(("no", 0), ("yes", 1)), kind="bool")
EXERCISE = Question("exercise", "exercise", _options(("none", 0), ("light", 1), ("hard", 2)),
                    any_day=True)
QUESTIONS = (WHERE, OFTEN, STRENGTH, STRESS, SLEEP, MEDICINE, EXERCISE)
QUESTION = {q.step: q for q in QUESTIONS}

LOCATIONS = WHERE.codes
FREQUENCIES = OFTEN.codes
INTENSITIES = STRENGTH.codes
STRESS_LEVELS = tuple(int(v) for v in STRESS.codes)
SLEEP_CHOICES = SLEEP.codes
EXERCISE_LEVELS = EXERCISE.codes
SHORT_SLEEP_BELOW_H = 7       # "short sleep" means under 7 hours (CDC: adults need 7 or more)
SHORT_SLEEP = frozenset(o.code for o in SLEEP.options if o.value < SHORT_SLEEP_BELOW_H)
HIGH_STRESS = 4               # stress 4-5 of 5 counts as high
HARD_EXERCISE = "hard"
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
    exercise: str | None = None     # none | light | hard; optional, any day
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
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"   # strftime costs several times more


def parse_day_code(text: str) -> date | None:
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def last_days(today: date, n: int, first: date | None = None) -> list[date]:
    """The n local days ending today, newest first; none before `first` (the day the person joined)."""
    return [d for d in (today - timedelta(days=i) for i in range(n)) if first is None or d >= first]


def first_day(joined: date, first_logged: date | None) -> date:
    """Where a person's log starts: the day they joined, or an earlier logged day (an import)."""
    return min(joined, first_logged) if first_logged else joined
