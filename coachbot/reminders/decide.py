"""Whether a due reminder goes out, decided twice: when its row is claimed (the planner's
verdict, within the daily cap) and again just before sending (late past its grace window,
paused, asleep, or switched off meanwhile).

Its own module so the rules read apart from the I/O around them in engine.py (claiming,
leases, sending, marking): nothing here touches the database or Telegram; what is dropped
or set aside is reported through the callbacks the engine passes in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from coachbot.domain import planner
from coachbot.domain.profile import Profile
from coachbot.storage.reminders import Decide, Delivery, DueRow
from coachbot.storage.timefmt import to_iso


def decider(now: datetime, cap: int, grace: Callable[[str], int], dropped: Callable[[str, str], None],
            set_aside: Callable[[int, str, str], None]) -> Decide:
    """The claim-time decision for storage's claim_due: each row's next due time, and a delivery
    for each row the planner says to send. `counts` (sent per person and local day) grows as
    deliveries are queued, so the cap holds within one batch too."""
    now_iso = to_iso(now)

    def decide(rows: list[DueRow], counts: dict[tuple[int, str], int]) -> tuple[list, list]:
        advances: list[tuple[str | None, int, str]] = []
        deliveries: list[tuple[int, str, str, str, str]] = []
        for row in rows:
            p, kind = row.profile, row.kind
            if not p.active or not p.onboarded:
                advances.append((None, p.person_id, kind))
                continue
            try:
                day = p.local_day(now).isoformat()
                v = planner.verdict(p, kind, row.due, now, grace_minutes=grace(kind),
                                    sent_today=counts.get((p.person_id, day), 0), cap=cap,
                                    every_days=row.every_days)
                next_due = to_iso(v.next_due) if v.next_due else None
            except Exception as exc:
                advances.append((None, p.person_id, kind))
                set_aside(p.person_id, kind, type(exc).__name__)
                continue
            advances.append((next_due, p.person_id, kind))
            if v.action == planner.SEND:
                deliveries.append((p.person_id, kind, to_iso(row.due), now_iso, day))
                counts[(p.person_id, day)] = counts.get((p.person_id, day), 0) + 1
            elif v.action != planner.OFF:
                dropped(kind, v.action)
        return advances, deliveries

    return decide


def recheck(profile: Profile, items: list[Delivery], now: datetime,
            grace: Callable[[str], int]) -> tuple[list[tuple[str, list[Delivery]]], list[Delivery]]:
    """At send time: the deliveries to drop, grouped under their reason in the order they are
    dropped, and those still worth sending."""
    stale = [d for d in items if now - d.due > timedelta(minutes=grace(d.kind))]
    fresh = [d for d in items if d not in stale]
    held = held_back(profile, now)
    if held is not None:
        return [("stale", stale), (held, fresh)], []
    off = [d for d in fresh if not planner.enabled(profile, d.kind)]
    return [("stale", stale), ("off", off)], [d for d in fresh if d not in off]


def held_back(profile: Profile, now: datetime) -> str | None:
    """Why nothing goes to this person right now ("paused", "asleep"), or None."""
    if profile.paused_until_utc is not None and profile.paused_until_utc > now:
        return "paused"
    if not planner.is_awake(profile, now):
        return "asleep"
    return None
