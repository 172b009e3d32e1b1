"""Parse the times of day and UTC offsets people type."""

from __future__ import annotations

import re

_TIME_RE = re.compile(
    r"^\s*(?P<h>\d{1,2})(?:\s*[:.h]\s*(?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?\s*h?\s*$",
    re.IGNORECASE,
)
_COMPACT_RE = re.compile(r"^\s*(?P<h>\d{2})(?P<m>\d{2})\s*$")
_OFFSET_RE = re.compile(
    r"^\s*(?:utc|gmt)?\s*(?P<sign>[+-−])\s*(?P<h>\d{1,2})(?:\s*:?\s*(?P<m>\d{2}))?\s*$",
    re.IGNORECASE,
)


def parse_time_of_day(text: str) -> str | None:
    """'7', '7:30', '07.30', '730'?, '7pm', '19h', '0730' -> 'HH:MM'; None if not a valid time."""
    if len(text) > 20:
        return None
    m = _TIME_RE.match(text) or _COMPACT_RE.match(text)
    if not m:
        return None
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    ampm = (m.groupdict().get("ampm") or "").replace(".", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{hour:02d}:{minute:02d}"


def parse_utc_offset(text: str) -> int | None:
    """'+3', 'UTC-5:30', 'GMT+0545' -> minutes east of UTC; None if not an offset in -12:00..+14:00."""
    if len(text) > 20:
        return None
    if text.strip().lower() in ("utc", "gmt", "z"):
        return 0
    m = _OFFSET_RE.match(text)
    if not m:
        return None
    hours, minutes = int(m.group("h")), int(m.group("m") or 0)
    if minutes >= 60:
        return None
    total = hours * 60 + minutes
    total = -total if m.group("sign") in "-−" else total
    return total if -12 * 60 <= total <= 14 * 60 else None


def minutes_of_day(value: str) -> int:
    hour, minute = value.split(":")
    return int(hour) * 60 + int(minute)


def in_window(value: str, start: str, end: str) -> bool:
    """Is local time `value` within [start, end), a window that may cross midnight?"""
    v, s, e = minutes_of_day(value), minutes_of_day(start), minutes_of_day(end)
    if s == e:
        return True
    return s <= v < e if s < e else v >= s or v < e


def add_minutes(hhmm: str, minutes: int) -> str:
    total = (minutes_of_day(hhmm) + minutes) % 1440
    return f"{total // 60:02d}:{total % 60:02d}"


def window_minutes(wake: str, sleep: str) -> int:
    """Length of the wake window in minutes (a window may cross midnight)."""
    return (minutes_of_day(sleep) - minutes_of_day(wake)) % 1440 or 1440


def clamp_into_window(hhmm: str, wake: str, sleep: str) -> str:
    """`hhmm` if it is inside the wake window, else one hour before bedtime (or wake-up)."""
    if in_window(hhmm, wake, sleep):
        return hhmm
    fallback = add_minutes(sleep, -60)
    return fallback if in_window(fallback, wake, sleep) else wake
