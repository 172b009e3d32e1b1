"""What an imported value may mean: the same choices and ranges the bot itself writes.

An import restores a person's *data* (profile, settings, check-ins, logs). The
reminders engine's bookkeeping (`DERIVED_TABLES`) is never copied: it is planned
again from the restored settings. Every column of every restored table has a
rule here; a column without one is refused, so a table or column that a future
migration adds must say what it accepts (tests/test_import_rules.py checks that
every column of the schema is covered).

Pure: the caller passes `now` and the languages it has catalogs for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import available_timezones

from . import caffeine, checkins, doctor_rules, foods, hydration, nudges, planner, tips
from .profile import ONBOARDING_STEPS

# Engine state: planned again from the restored settings after an import, never copied.
DERIVED_TABLES = frozenset({"reminders", "deliveries"})
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
MAX_NOTE = 500                       # /food free text
MAX_REF = 64                         # a button token (intake.ref)
CHECKIN_STEPS = (checkins.FIRST_STEP, *checkins.TWITCH_STEPS, "flags")
DRINK_ITEMS = ("", "water", "custom", *caffeine.BY_KEY)   # "" in rows older than the item column
_TIME_RE = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")
_STAMP_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Window:
    """Which moments an imported date or time may name: 2000-01-01 up to tomorrow."""

    now: datetime

    @property
    def latest(self) -> datetime:
        return self.now + timedelta(days=1)


Check = Callable[[Any, Window], bool]


class ImportRefused(ValueError):
    """The first value that does not fit; `place` names it as table, row number and column."""

    def __init__(self, place: str) -> None:
        super().__init__(place)
        self.place = place


# ---- single checks -------------------------------------------------------------------
def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def int_in(lo: int, hi: int) -> Check:
    return lambda v, _w: _int(v) and lo <= v <= hi


def one_of(choices: Iterable[Any]) -> Check:
    allowed = frozenset(choices)
    return lambda v, _w: (isinstance(v, str) or _int(v)) and v in allowed


def nullable(check: Check) -> Check:
    return lambda v, w: v is None or check(v, w)


def flag(value: Any, _w: Window) -> bool:
    return value in (0, 1) and _int(value)


def parse_stamp(value: Any) -> datetime | None:
    """A stored UTC timestamp ('2026-11-30T08:00:00.000000Z'), or None if it is not one."""
    if not isinstance(value, str) or not _STAMP_RE.match(value):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def stamp(value: Any, w: Window) -> bool:
    moment = parse_stamp(value)
    return moment is not None and EARLIEST <= moment <= w.latest


def pause_stamp(value: Any, w: Window) -> bool:
    """A pause may end in the future, but no further than /pause allows."""
    moment = parse_stamp(value)
    return moment is not None and EARLIEST <= moment <= w.now + timedelta(days=planner.MAX_PAUSE_DAYS + 1)


def day(value: Any, w: Window) -> bool:
    if not isinstance(value, str) or not _DAY_RE.match(value):
        return False
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return False
    return EARLIEST.date() <= parsed <= w.latest.date()


def time_of_day(value: Any, _w: Window) -> bool:
    return isinstance(value, str) and bool(_TIME_RE.match(value))


def comma_list(choices: Sequence[str], *, allow_empty: bool = True) -> Check:
    allowed = frozenset(choices)

    def check(value: Any, _w: Window) -> bool:
        if not isinstance(value, str) or len(value) > 200:
            return False
        if value == "":
            return allow_empty
        parts = value.split(",")
        return len(parts) == len(set(parts)) and all(p in allowed for p in parts)
    return check


def text_up_to(limit: int) -> Check:
    return lambda v, _w: isinstance(v, str) and len(v) <= limit


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def zone(value: Any, _w: Window) -> bool:
    return isinstance(value, str) and value in _zones()


# ---- the rules ------------------------------------------------------------------------
def rules(languages: Iterable[str]) -> dict[str, dict[str, Check]]:
    """table -> column -> check, for every table an import restores."""
    nudge_reasons = [r for level in nudges.REASONS.values() for r in level]
    return {
        "people": {
            "onboarding_step": nullable(one_of(ONBOARDING_STEPS)),
            "created_utc": stamp,
            "updated_utc": stamp,
        },
        "settings": {
            "language": one_of(languages),
            "timezone": zone,
            "wake_time": time_of_day,
            "sleep_time": time_of_day,
            "checkin_time": time_of_day,
            "water_goal_ml": int_in(hydration.MIN_GOAL_ML, hydration.MAX_GOAL_ML),
            "caffeine_limit_mg": int_in(0, caffeine.DEFAULT_LIMIT_MG),
            "caffeine_cutoff_minutes": int_in(0, 24 * 60),
            "hydration_every_minutes": int_in(30, planner.MAX_HYDRATION_EVERY),
            "hydration_on": flag,
            "caffeine_reminder_on": flag,
            "daily_tip_on": flag,
            "weekly_summary_on": flag,
            "paused_until_utc": nullable(pause_stamp),
            "pregnant": nullable(flag),
        },
        "checkins": {
            "day": day,
            "twitches": nullable(flag),
            "locations": comma_list(checkins.LOCATIONS),
            "frequency": nullable(one_of(checkins.FREQUENCIES)),
            "intensity": nullable(one_of(checkins.INTENSITIES)),
            "stress": nullable(one_of(checkins.STRESS_LEVELS)),
            "sleep": nullable(one_of(checkins.SLEEP_CHOICES)),
            "new_medicine": nullable(flag),
            "exercise": nullable(flag),
            "step": nullable(one_of(CHECKIN_STEPS)),
            "created_utc": stamp,
            "updated_utc": stamp,
        },
        "checkin_notes": {
            "day": day,
            "note": text_up_to(500),
            "updated_utc": stamp,
        },
        "red_flag_screens": {
            "day": day,
            "flags": comma_list(doctor_rules.KNOWN_WARNING_SIGNS),
            "complete": flag,
            "emergency": flag,
            "created_utc": stamp,
        },
        "warning_signs": {
            "day": day,
            "sign": one_of(doctor_rules.KNOWN_WARNING_SIGNS),
            "source": one_of(doctor_rules.SOURCES),
            "created_utc": stamp,
        },
        "nudges": {
            "level": one_of(nudges.LEVELS),
            "reasons": comma_list(nudge_reasons, allow_empty=False),
            "created_utc": stamp,
            "response": nullable(one_of(nudges.RESPONSES)),
            "responded_utc": nullable(stamp),
        },
        "intake": {
            "kind": one_of(("water", "caffeine")),
            "amount": int_in(1, max(hydration.MAX_LOG_ML, caffeine.MAX_DRINK_MG)),
            "item": one_of(DRINK_ITEMS),
            "at_utc": stamp,
            "day": day,
            "ref": nullable(text_up_to(MAX_REF)),
        },
        "tips_seen": {
            "tip_id": one_of(tips.BY_ID),
            "seen_utc": stamp,
        },
        "food_log": {
            "food": one_of((*foods.BY_ID, foods.OTHER)),
            "note": text_up_to(MAX_NOTE),
            "at_utc": stamp,
            "day": day,
        },
    }


def check_tables(tables: Mapping[str, Mapping[str, Any]], now: datetime,
                 languages: Iterable[str]) -> None:
    """Raise ImportRefused naming the first value that does not fit; derived tables are skipped.

    `tables` is {name: {"columns": [...], "rows": [[...], ...]}} whose shape and types the
    storage layer has already checked against the schema.
    """
    table_rules = rules(languages)
    window = Window(now)
    for name, body in tables.items():
        if name in DERIVED_TABLES:
            continue
        columns = table_rules.get(name)
        if columns is None:
            raise ImportRefused(str(name)[:40])
        names = list(body["columns"])
        checks = []
        for col in names:
            check = columns.get(col)
            if check is None:
                raise ImportRefused(f"{name}.{str(col)[:40]}")
            checks.append(check)
        for number, row in enumerate(body["rows"], start=1):
            for col, check, value in zip(names, checks, row, strict=True):
                if not check(value, window):
                    raise ImportRefused(f"{name}, row {number}, {col}")
        _check_amounts(name, names, body["rows"])


def _check_amounts(name: str, names: list[str], rows: list[list[Any]]) -> None:
    """Intake amounts within the range of their own kind (water ml, caffeine mg)."""
    if name != "intake" or "kind" not in names or "amount" not in names:
        return
    k, a = names.index("kind"), names.index("amount")
    for number, row in enumerate(rows, start=1):
        limit = hydration.MAX_LOG_ML if row[k] == "water" else caffeine.MAX_DRINK_MG
        if row[a] > limit:
            raise ImportRefused(f"{name}, row {number}, amount")
