"""/signs and "Something new?": report a warning sign any day, and get the see-a-doctor advice at once.

The list's ticks travel in the button data (a bitmask over doctor_rules.WARNING_SIGNS),
so an unfinished list stores nothing; only "Done" records the signs, with their source.

`report()` is the one way a warning sign is recorded outside the weekly screen:
it stores the signs (storage `record_warning_sign`) and always sends the level-2
advice, whatever was said before (a new report is never silenced by the nudge
cadence or by "I've booked"). The free-text classifier calls it with source "text".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from telegram import InlineKeyboardMarkup, Update

from coachbot.domain import doctor_rules as dr
from coachbot.domain import nudges as rules
from coachbot.domain.checkins import day_code
from coachbot.domain.profile import Profile
from coachbot.i18n import I18n

from . import checkin
from . import checkin_views as cviews
from .buttons import CheckinSos, NoSigns, OpenSigns, SignsDone, TickSigns
from .common import Context, keyboard, require_person, send, services
from .press import Press, on_press


def mask_of(signs: Sequence[str]) -> int:
    return sum(1 << i for i, s in enumerate(dr.WARNING_SIGNS) if s in signs)


def signs_of(mask: int) -> tuple[str, ...]:
    return tuple(s for i, s in enumerate(dr.WARNING_SIGNS) if mask & (1 << i))


def list_view(i18n: I18n, lang: str, source: str, mask: int, today: date) -> tuple[str, InlineKeyboardMarkup]:
    """The warning-sign list with the current ticks, None of these / Done, and the 🚨 button."""
    t = i18n.t
    rows = [[(cviews.mark(i18n, lang, t(lang, f"checkin-flag-{s}"), bool(mask & (1 << i))),
              TickSigns(source, mask ^ (1 << i)).pack())]
            for i, s in enumerate(dr.WARNING_SIGNS)]
    last = [(t(lang, "checkin-flags-none"), NoSigns(source).pack())]
    if mask:
        last.append((t(lang, "checkin-done"), SignsDone(source, mask).pack()))
    rows.append(last)
    rows.append([(t(lang, "checkin-sos"), CheckinSos(day_code(today)).pack())])
    text = t(lang, "signs-q") + "\n\n" + t(lang, "signs-sudden")
    return text, keyboard(rows)


async def report(update: Update, context: Context, profile: Profile, codes: Sequence[str],
                 source: str, *, day: date | None = None) -> tuple[str, ...]:
    """Record warning signs the person reported (today unless `day`) and send the advice now.

    `codes` are doctor_rules.WARNING_SIGNS codes, `source` one of doctor_rules.SOURCES.
    Returns the codes stored.
    """
    svc = services(context)
    now = svc.now()
    stored = await svc.storage.checkins.record_warning_sign(
        profile.person_id, day or profile.local_day(now), codes, source, now)
    nudge = rules.for_report(stored)
    if nudge is not None:
        await checkin.send_nudge(update, context, profile, nudge, now)
    return stored


async def signs_command(update: Update, context: Context) -> None:
    """Open the warning-sign list any time."""
    profile = await require_person(update, context)
    if profile is None:
        return
    svc = services(context)
    await send(update, context, *list_view(svc.i18n, profile.language, dr.SOURCE_COMMAND, 0,
                                           profile.local_day(svc.now())))


@on_press()
async def on_button(press: Press) -> None:
    """Open, tick, None of these, Done; every tap is the person's own (update.effective_user)."""
    i18n, lang, profile = press.svc.i18n, press.lang, press.person
    today = profile.local_day(press.svc.now())
    match press.button:
        case OpenSigns(source=source):
            await press.answer()
            await press.send(*list_view(i18n, lang, source, 0, today))
        case TickSigns(source=source, mask=mask):
            await press.edit(*list_view(i18n, lang, source, mask, today))
        case NoSigns():
            await press.edit(i18n.t(lang, "signs-none"))
        case SignsDone(source=source, mask=mask):
            await press.answer()
            await press.edit(i18n.t(lang, "signs-saved", date=cviews.date_label(i18n, lang, today)))
            await report(press.update, press.context, profile, signs_of(mask), source, day=today)
