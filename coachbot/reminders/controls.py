"""The buttons under every reminder: snooze, "less often", and the gentler schedules it offers.

Kinds travel as their one-letter codes (`domain/reminder_kinds.py`); every schedule button
carries an absolute value, so a double tap changes nothing twice. The engine adds
`control_row` to each reminder; `handlers/reminder_controls.py` answers the taps.
"""

from __future__ import annotations

from coachbot.codec import Button, Int, Word, arg
from coachbot.domain import planner, reminder_kinds
from coachbot.i18n import I18n

MAX_EVERY_DAYS = max(k.max_every_days for k in reminder_kinds.KINDS)


def encode_kinds(kinds: list[str]) -> str:
    return "".join(entry.code for k in kinds if (entry := reminder_kinds.find(k)) is not None)


def decode_kinds(codes: str) -> list[str]:
    return planner.collapse([entry.name for c in codes if (entry := reminder_kinds.by_code(c)) is not None])


class Snooze(Button, feature="rem", action="snz"):
    kinds: str = arg(Word())        # every kind in the reminder, as codes


class LessOften(Button, feature="rem", action="less"):
    kinds: str = arg(Word())        # the kind whose choices to offer


class Schedule(Button):
    """A "less often" choice for the first kind in `kinds`."""

    kinds: str = arg(Word())
    value: int = arg(Int(0, 0))


class EveryMinutes(Schedule, feature="rem", action=reminder_kinds.EVERY_MINUTES):
    value: int = arg(Int(30, planner.MAX_HYDRATION_EVERY))


class EveryDays(Schedule, feature="rem", action=reminder_kinds.EVERY_DAYS):
    value: int = arg(Int(1, MAX_EVERY_DAYS))   # the kind's own maximum is checked on the tap


class TurnOff(Schedule, feature="rem", action=reminder_kinds.OFF):
    value: int = arg(Int(0, 0), default=0)


SCHEDULES: dict[str, type[Schedule]] = {c.ACTION: c for c in (EveryMinutes, EveryDays, TurnOff)}


def schedule_button(option: reminder_kinds.LessOption, codes: str) -> Schedule:
    return SCHEDULES[option.action](codes, option.value)


def control_row(i18n: I18n, lang: str, kinds: list[str]) -> list[tuple[str, str]]:
    """Snooze (all kinds in this message) and "less often" (the most frequent one), as (label, callback data)."""
    interval = [k for k in kinds if not reminder_kinds.get(k).daily]
    primary = interval[0] if interval else kinds[0]
    return [
        (i18n.t(lang, "reminders-snooze"), Snooze(encode_kinds(kinds)).pack()),
        (i18n.t(lang, "reminders-less"), LessOften(reminder_kinds.get(primary).code).pack()),
    ]
