"""When each reminder fires next: pure rules over a person's zone, wake window and settings.

Everything here takes `now`/`after` explicitly and returns aware UTC datetimes,
so the engine can store them and tests can walk any calendar (DST included).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from . import reminder_kinds
from .profile import Profile
from .reminder_kinds import caffeine_cutoff as caffeine_cutoff
from .timeparse import add_minutes as add_minutes
from .timeparse import clamp_into_window as clamp_into_window
from .timeparse import in_window
from .timeparse import window_minutes as window_minutes

KINDS = reminder_kinds.names()     # also the collapse order
CAP_EXEMPT_SLOT = "checkin"        # the cap keeps one message a day free for the check-in
MAX_HYDRATION_EVERY = 720
SNOOZE_MINUTES = 60
MAX_PAUSE_DAYS = 60
_MAX_GAP_MINUTES = 180             # longer than any real DST or zone-change gap

# Why a due reminder was not sent.
SEND, STALE, ASLEEP, CAPPED, PAUSED, OFF = "send", "stale", "asleep", "capped", "paused", "off"


def local_to_utc(zone: ZoneInfo, day: date, hhmm: str) -> datetime:
    """The UTC instant of local `hhmm` on `day`.

    A time in a spring-forward gap becomes the first valid minute after the gap;
    a time repeated by an autumn fold is its first occurrence (fold=0), so it fires once.
    """
    h, m = (int(x) for x in hhmm.split(":"))
    naive = datetime.combine(day, time(h, m))
    for step in range(_MAX_GAP_MINUTES + 1):
        cand = naive + timedelta(minutes=step)
        aware = cand.replace(tzinfo=zone, fold=0)
        utc = aware.astimezone(UTC)
        if utc.astimezone(zone).replace(tzinfo=None) == cand:
            return utc
    return naive.replace(tzinfo=zone).astimezone(UTC)  # pragma: no cover - no zone has such a gap


def is_awake(profile: Profile, when: datetime) -> bool:
    """Is `when` inside the person's wake window, in their zone?"""
    return in_window(when.astimezone(profile.zone).strftime("%H:%M"), profile.wake_time, profile.sleep_time)


def fire_time(profile: Profile, kind: str) -> str | None:
    """Local "HH:MM" of a daily kind, or None when it cannot fire inside the wake window."""
    entry = reminder_kinds.find(kind)
    return entry.fire_time(profile) if entry is not None and entry.fire_time is not None else None


def enabled(profile: Profile, kind: str) -> bool:
    """Does this person want this kind of reminder at all? (Never for an undeclared kind.)"""
    entry = reminder_kinds.find(kind)
    return entry is not None and entry.enabled(profile)


def next_daily(zone: ZoneInfo, hhmm: str, after: datetime, *, min_day: date | None = None,
               weekday: int | None = None) -> datetime:
    """First instant strictly after `after` at local `hhmm`, on or after `min_day`, on `weekday`."""
    day = after.astimezone(zone).date()
    if min_day is not None and min_day > day:
        day = min_day
    for _ in range(400):
        if weekday is None or day.weekday() == weekday:
            at = local_to_utc(zone, day, hhmm)
            if at > after:
                return at
        day += timedelta(days=1)
    raise ValueError("no next occurrence within 400 days")  # pragma: no cover


def next_wake_start(profile: Profile, after: datetime) -> datetime:
    """The next moment the person's wake window opens, strictly after `after`."""
    return next_daily(profile.zone, profile.wake_time, after)


def next_hydration(profile: Profile, after: datetime) -> datetime:
    """`every` minutes after `after` if that is inside the wake window, else soon after waking."""
    candidate = after + timedelta(minutes=profile.hydration_every_minutes)
    if is_awake(profile, candidate):
        return candidate
    start = next_wake_start(profile, candidate)
    offset = min(60, window_minutes(profile.wake_time, profile.sleep_time) // 2)
    return start + timedelta(minutes=offset)


def next_fire(profile: Profile, kind: str, after: datetime, *, fired_due: datetime | None = None,
              every_days: int = 1) -> datetime | None:
    """When `kind` fires next after `after` (None = not at all).

    `fired_due` is the planned time that just fired (or was dropped): a daily kind then
    waits `every_days` local days from that day, so a late delivery never fires twice.
    Pauses are honoured: nothing is planned before `paused_until_utc`.
    """
    if not enabled(profile, kind):
        return None
    if profile.paused_until_utc is not None and profile.paused_until_utc > after:
        after = profile.paused_until_utc
        fired_due = None
    zone = profile.zone
    if not reminder_kinds.get(kind).daily:
        return next_hydration(profile, after)
    hhmm = fire_time(profile, kind)
    if hhmm is None:
        return None
    min_day = None
    if fired_due is not None:
        min_day = fired_due.astimezone(zone).date() + timedelta(days=max(1, every_days))
    return next_daily(zone, hhmm, after, min_day=min_day, weekday=reminder_kinds.get(kind).weekday)


@dataclass(frozen=True)
class Verdict:
    action: str                     # SEND or the reason it was not sent
    next_due: datetime | None       # where the row moves to
    late: bool = False              # sent after its planned minute (inside grace)


def verdict(profile: Profile, kind: str, due: datetime, now: datetime, *, grace_minutes: int,
            sent_today: int, cap: int, every_days: int = 1) -> Verdict:
    """Decide what happens to a claimed reminder that was planned for `due`, at `now`."""
    if not enabled(profile, kind):
        return Verdict(OFF, None)
    if profile.paused_until_utc is not None and profile.paused_until_utc > now:
        return Verdict(PAUSED, next_fire(profile, kind, now, every_days=every_days))
    nxt = next_fire(profile, kind, now, fired_due=due, every_days=every_days)
    if now - due > timedelta(minutes=grace_minutes):
        return Verdict(STALE, nxt)
    if not is_awake(profile, now):
        return Verdict(ASLEEP, nxt)
    if not within_cap(kind, sent_today, cap):
        return Verdict(CAPPED, nxt)
    return Verdict(SEND, nxt, late=now - due >= timedelta(minutes=1))


def within_cap(kind: str, sent_today: int, cap: int) -> bool:
    """Proactive messages per local day stay under the cap; one slot is kept for the check-in."""
    limit = cap if kind == CAP_EXEMPT_SLOT else cap - 1
    return sent_today < limit


def collapse(kinds: list[str] | tuple[str, ...]) -> list[str]:
    """Several kinds due together become one message, most important first, each once."""
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(set(kinds), key=lambda k: order.get(k, len(order)))


def snooze_until(profile: Profile, now: datetime, minutes: int = SNOOZE_MINUTES) -> datetime:
    """A snoozed reminder comes back after `minutes`, or soon after waking if that lands at night."""
    at = now + timedelta(minutes=minutes)
    if is_awake(profile, at):
        return at
    start = next_wake_start(profile, at)
    return start + timedelta(minutes=min(30, window_minutes(profile.wake_time, profile.sleep_time) // 2))


def pause_until(now: datetime, days: int) -> datetime:
    """Pausing for N days (1..60) ends exactly N×24 h from now."""
    return now + timedelta(days=max(1, min(MAX_PAUSE_DAYS, days)))
