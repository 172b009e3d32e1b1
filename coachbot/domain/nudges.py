"""When to suggest a doctor's look: pure rules over a person's check-ins and past nudges.

Levels, most urgent first: 1 emergency now, 2 see a doctor soon (a red flag was
reported), 3 book an appointment (twitches that go on, spread, don't improve, or
began with a medicine). At most one nudge per level per week unless it
escalates; "I've booked / seen a doctor" quiets level 3 for 30 days and never
levels 1-2; "Remind me later" brings the nudge back after a few days.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from . import doctor_rules as dr
from .checkins import INTENSITIES, CheckinDay, SignReport

EMERGENCY, SOON, BOOK = dr.EMERGENCY, dr.SOON, dr.BOOK
LEVELS = (EMERGENCY, SOON, BOOK)

CADENCE = timedelta(days=7)          # at most one nudge per level in this window...
LATER = timedelta(days=3)            # ...unless the person asked to be reminded later
QUIET = timedelta(days=30)           # "I've booked / seen a doctor" quiets level 3 this long
EPISODE_GAP_DAYS = 7                 # twitch days further apart than this start a new episode
SPREAD_WINDOW_DAYS = 7               # places counted over this many recent days
IMPROVE_AFTER_DAYS = dr.IMPROVE_AFTER_DAYS
COMPARE_DAYS = 14                    # the two weeks before vs the latest two weeks
MEDICINE_WINDOW_DAYS = dr.MEDICINE_WINDOW_DAYS
FLAG_WINDOW_DAYS = dr.FLAG_WINDOW_DAYS

REASONS = {
    EMERGENCY: ("emergency",),
    SOON: dr.KNOWN_WARNING_SIGNS,
    BOOK: dr.BOOK_RULES,
}
BOOKED, REMIND_LATER = "booked", "later"
RESPONSES = (BOOKED, REMIND_LATER)


@dataclass(frozen=True)
class Nudge:
    level: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class NudgeRecord:
    """A nudge that was sent, and how the person answered it."""

    id: int
    level: int
    reasons: tuple[str, ...]
    created: datetime
    response: str | None = None
    responded: datetime | None = None


def twitch_days(days: Iterable[CheckinDay]) -> list[date]:
    return sorted(d.day for d in days if d.twitches)


def episode(days: Sequence[date], today: date, gap: int = EPISODE_GAP_DAYS) -> tuple[date, date] | None:
    """The current run of twitch days (first, last): consecutive twitch days at most `gap` apart,
    the last one within `gap` days of today. None when twitches have stopped or never started."""
    past = sorted(d for d in days if d <= today)
    if not past or (today - past[-1]).days >= gap:
        return None
    first = past[-1]
    for d in reversed(past[:-1]):
        if (first - d).days > gap:
            break
        first = d
    return first, past[-1]


def persistent(days: Sequence[date], today: date, persistent_days: int) -> int | None:
    """Span in days of the current episode when it reaches persistent_days, else None."""
    ep = episode(days, today)
    if ep is None:
        return None
    span = (ep[1] - ep[0]).days + 1
    return span if span >= persistent_days else None


def places(checkins: Iterable[CheckinDay], today: date, window: int = SPREAD_WINDOW_DAYS) -> tuple[str, ...]:
    """Distinct places that twitched in the last `window` days."""
    seen: set[str] = set()
    for c in checkins:
        if c.twitches and 0 <= (today - c.day).days < window:
            seen.update(c.locations)
    return tuple(sorted(seen))


def load(checkins: Iterable[CheckinDay], start: date, end: date) -> int:
    """Twitch burden between two dates inclusive: each twitch day weighs 1-3 by strength."""
    total = 0
    for c in checkins:
        if c.twitches and start <= c.day <= end:
            total += INTENSITIES.index(c.intensity) + 1 if c.intensity in INTENSITIES else 1
    return total


def not_improving(checkins: Sequence[CheckinDay], today: date) -> bool:
    """Four weeks on, the latest two weeks are no better than the two weeks before them.

    Needs check-ins going back four weeks (the coach's lifestyle changes had time
    to work) and twitches back then, so new twitches never count as "not improving".
    """
    answered = [c for c in checkins if c.twitches is not None and c.day <= today]
    if not answered or (today - min(c.day for c in answered)).days + 1 < IMPROVE_AFTER_DAYS:
        return False
    early = load(answered, today - timedelta(days=IMPROVE_AFTER_DAYS - 1),
                 today - timedelta(days=COMPARE_DAYS))
    recent = load(answered, today - timedelta(days=COMPARE_DAYS - 1), today)
    return early > 0 and recent >= early


def medicine_began(checkins: Sequence[CheckinDay], today: date) -> bool:
    """A new or changed medicine was reported close to when the current twitches began."""
    ep = episode(twitch_days(checkins), today)
    if ep is None:
        return False
    return any(c.new_medicine and abs((c.day - ep[0]).days) <= MEDICINE_WINDOW_DAYS
               for c in checkins if c.day <= today)


def recent_flags(reports: Iterable[SignReport], today: date, window: int = FLAG_WINDOW_DAYS) -> tuple[str, ...]:
    """Warning signs reported (from any source) in the last `window` days, in the list's order."""
    return dr.ordered_signs(r.sign for r in reports if 0 <= (today - r.day).days < window)


def candidates(checkins: Sequence[CheckinDay], reports: Sequence[SignReport], today: date,
               persistent_days: int = dr.PERSISTENT_DAYS) -> list[Nudge]:
    """Every level whose signs are present, most urgent first, each with its reasons."""
    found: list[Nudge] = []
    flags = recent_flags(reports, today)
    if flags:
        found.append(Nudge(SOON, flags))
    reasons: list[str] = []
    if persistent(twitch_days(checkins), today, persistent_days) is not None:
        reasons.append("persistent")
    if len(places(checkins, today)) >= dr.MIN_PLACES:
        reasons.append("places")
    if not_improving(checkins, today):
        reasons.append("not_improving")
    if medicine_began(checkins, today):
        reasons.append("medicine")
    if reasons:
        found.append(Nudge(BOOK, tuple(reasons)))
    return found


def quieted(level: int, history: Sequence[NudgeRecord], now: datetime) -> bool:
    """Level 3 stays quiet for 30 days after "I've booked / seen a doctor"; levels 1-2 never."""
    if level != BOOK:
        return False
    return any(h.level == BOOK and h.response == BOOKED and h.responded is not None
               and now - h.responded < QUIET for h in history)


def covered(nudge: Nudge, history: Sequence[NudgeRecord], now: datetime) -> bool:
    """An at-least-as-urgent nudge already told them all of this within the cadence window.

    A nudge the person asked to hear "later" stops covering after LATER.
    New reasons, or a more urgent level, are an escalation and are never covered.
    """
    told: set[str] = set()
    for h in history:
        if h.level > nudge.level or now - h.created >= CADENCE:
            continue
        if h.response == REMIND_LATER and h.responded is not None and now - h.responded >= LATER:
            continue
        told.update(h.reasons)
        if h.level < nudge.level:
            told.update(nudge.reasons)  # a more urgent nudge this week already sent them to a doctor
    return set(nudge.reasons) <= told


def due(found: Sequence[Nudge], history: Sequence[NudgeRecord], now: datetime) -> Nudge | None:
    """The one nudge to send now, if any: the most urgent that is neither quieted nor covered."""
    for nudge in sorted(found, key=lambda n: n.level):
        if nudge.level == EMERGENCY:
            return nudge  # an emergency is always said, whatever was said before
        if quieted(nudge.level, history, now) or covered(nudge, history, now):
            continue
        return nudge
    return None


def emergency() -> Nudge:
    return Nudge(EMERGENCY, REASONS[EMERGENCY])


def for_report(signs: Iterable[str]) -> Nudge | None:
    """The see-a-doctor-soon advice for signs the person has just reported.

    A report always gets its advice at once: it is never covered by the cadence
    nor quieted by "I've booked" (those only apply to re-evaluating old signs).
    """
    reported = dr.ordered_signs(signs)
    return Nudge(SOON, reported) if reported else None


def parse_reasons(text: str) -> tuple[str, ...]:
    known = {r for rs in REASONS.values() for r in rs}
    return tuple(r for r in text.split(",") if r in known)
