"""Every reminder kind, declared once: what the planner, the engine, settings and handlers read.

An entry holds a kind's one-letter code (button data), its catalog keys, the name of its
grace setting, when it is enabled and when it fires, its "less often" choices and the
profile switch that turns it off. Adding a kind means an entry here, a renderer
(`reminders/kinds.py`) and its sentences in the catalogs; `tests/test_reminder_kinds.py`
checks that the rest (config, catalogs, codes) agrees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .profile import Profile
from .timeparse import add_minutes, clamp_into_window, in_window, window_minutes

__all__ = [
    "EVERY_DAYS",
    "EVERY_MINUTES",
    "KINDS",
    "OFF",
    "LessOption",
    "ReminderKind",
    "by_code",
    "caffeine_cutoff",
    "find",
    "get",
    "names",
]

SUMMARY_WEEKDAY = 6                # Sunday (date.weekday())
SUMMARY_TIME = "19:00"
TIP_AFTER_WAKE_MINUTES = 180
LAST_CALL_BEFORE_CUTOFF = 30

# What a "less often" choice changes.
EVERY_MINUTES = "hev"   # the interval of an interval kind (hydration), in minutes
EVERY_DAYS = "days"     # a daily kind fires every N days
OFF = "off"             # the kind's off switch


@dataclass(frozen=True)
class LessOption:
    """One choice offered after "🔕 Less often": a catalog label and an absolute value."""

    label_key: str
    action: str         # EVERY_MINUTES, EVERY_DAYS or OFF
    value: int = 0


@dataclass(frozen=True)
class ReminderKind:
    name: str
    code: str                                       # one letter in button data
    grace_setting: str                              # `[reminders]` key: minutes it may be late
    enabled: Callable[[Profile], bool]
    fire_time: Callable[[Profile], str | None] | None  # local "HH:MM"; None for an interval kind
    off_switch: str | None                          # Profile field that turns it off, if any
    less_options: tuple[LessOption, ...]
    fallback_key: str = "reminders-generic-fallback"  # said when its renderer fails
    weekday: int | None = None                      # fires only on this weekday
    max_every_days: int = 7

    @property
    def less_prompt_key(self) -> str:
        """The question above its "less often" choices."""
        return f"reminders-less-{self.name}"

    @property
    def off_done_key(self) -> str:
        """What the bot says after the off switch."""
        return f"reminders-off-{self.name}"

    @property
    def daily(self) -> bool:
        return self.fire_time is not None


def caffeine_cutoff(profile: Profile) -> str:
    """Local time after which the person prefers no caffeine (default 6 h before bedtime)."""
    return add_minutes(profile.sleep_time, -profile.caffeine_cutoff_minutes)


def _checkin_time(p: Profile) -> str | None:
    return p.checkin_time if in_window(p.checkin_time, p.wake_time, p.sleep_time) else None


def _tip_time(p: Profile) -> str | None:
    return add_minutes(p.wake_time, min(TIP_AFTER_WAKE_MINUTES, window_minutes(p.wake_time, p.sleep_time) // 2))


def _summary_time(p: Profile) -> str | None:
    return clamp_into_window(SUMMARY_TIME, p.wake_time, p.sleep_time)


def _last_call_time(p: Profile) -> str | None:
    if p.caffeine_cutoff_minutes <= LAST_CALL_BEFORE_CUTOFF:
        return None
    cutoff = caffeine_cutoff(p)
    at = add_minutes(cutoff, -LAST_CALL_BEFORE_CUTOFF)
    # The cut-off must fall inside the waking day, or a last call makes no sense.
    return at if in_window(at, p.wake_time, p.sleep_time) and in_window(cutoff, p.wake_time, p.sleep_time) else None


def _days(n: int) -> LessOption:
    return LessOption("reminders-every-days", EVERY_DAYS, n)


_TURN_OFF = LessOption("reminders-turn-off", OFF)

# In the order several kinds due together are joined into one message.
KINDS: tuple[ReminderKind, ...] = (
    ReminderKind("checkin", "c", "checkin_grace_minutes", enabled=lambda p: True, fire_time=_checkin_time,
                 off_switch=None, less_options=(_days(2), _days(7)),
                 fallback_key="reminders-checkin-fallback"),
    ReminderKind("summary", "s", "summary_grace_minutes", enabled=lambda p: p.weekly_summary_on,
                 fire_time=_summary_time, off_switch="weekly_summary_on", less_options=(_days(14), _TURN_OFF),
                 fallback_key="reminders-summary-fallback", weekday=SUMMARY_WEEKDAY, max_every_days=28),
    ReminderKind("tip", "t", "tip_grace_minutes", enabled=lambda p: p.daily_tip_on, fire_time=_tip_time,
                 off_switch="daily_tip_on", less_options=(_days(2), _days(7), _TURN_OFF),
                 fallback_key="reminders-tip-fallback"),
    ReminderKind("caffeine", "f", "caffeine_grace_minutes",
                 enabled=lambda p: p.caffeine_reminder_on and p.caffeine_limit_mg > 0,
                 fire_time=_last_call_time, off_switch="caffeine_reminder_on",
                 less_options=(_days(2), _TURN_OFF)),
    ReminderKind("hydration", "h", "hydration_grace_minutes", enabled=lambda p: p.hydration_on, fire_time=None,
                 off_switch="hydration_on",
                 less_options=(LessOption("reminders-every-hours", EVERY_MINUTES, 180),
                               LessOption("reminders-every-hours", EVERY_MINUTES, 240), _TURN_OFF)),
)
_BY_NAME = {k.name: k for k in KINDS}
_BY_CODE = {k.code: k for k in KINDS}
if len(_BY_NAME) != len(KINDS) or len(_BY_CODE) != len(KINDS):  # pragma: no cover - caught at import
    raise ValueError("reminder kinds need unique names and codes")


def names() -> tuple[str, ...]:
    return tuple(k.name for k in KINDS)


def get(name: str) -> ReminderKind:
    """The kind called `name` (KeyError for an unknown one: a programming error)."""
    return _BY_NAME[name]


def find(name: str) -> ReminderKind | None:
    """The kind called `name`, or None (a stored row of a kind no longer declared)."""
    return _BY_NAME.get(name)


def by_code(code: str) -> ReminderKind | None:
    """The kind for a code from button data; None for an unknown (forged or outdated) one."""
    return _BY_CODE.get(code)
