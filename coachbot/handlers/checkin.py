"""/checkin and /history: the daily twitch check-in in one message edited in place, and the doctor nudge.

Every answer is stored the moment it is tapped (a restart loses nothing) and
the stored `step` says which question is on screen; only buttons of that step
move the check-in on, so stale buttons and double taps just redraw the message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from coachbot.domain import nudges as rules
from coachbot.domain.checkins import (
    FREQUENCIES,
    INTENSITIES,
    LOCATIONS,
    RED_FLAGS,
    SLEEP_CHOICES,
    CheckinDay,
    answerable,
    last_days,
    next_step,
    parse_day_code,
    screen_due,
    toggle,
)
from coachbot.domain.planner import snooze_until
from coachbot.domain.profile import Profile
from coachbot.reminders.kinds import Outgoing, register_renderer
from coachbot.runtime import Services

from . import checkin_views as views
from . import codec
from .common import Context, answer, edit, require_person, send, services, tr
from .router import register_text_input

log = logging.getLogger(__name__)
COMMANDS = ["checkin", "history"]
AWAITING = "checkin"
HISTORY_DAYS = 14
RULES_LOOKBACK_DAYS = 60

# Single-choice steps: button action -> (step, column, allowed values, parse)
CHOICES: dict[str, tuple[str, str, tuple[str, ...], Callable[[str], object]]] = {
    "o": ("often", "frequency", FREQUENCIES, str),
    "s": ("strength", "intensity", INTENSITIES, str),
    "st": ("stress", "stress", ("1", "2", "3", "4", "5"), int),
    "sl": ("sleep", "sleep", SLEEP_CHOICES, str),
    "m": ("med", "new_medicine", ("yes", "no"), lambda v: v == "yes"),
}


# ------------------------------------------------------------------ views
async def current(svc: Services, person_id: int, day: date) -> CheckinDay:
    return await svc.storage.checkins.get(person_id, day) or CheckinDay(day=day)


async def view_for(svc: Services, profile: Profile, day: date, now: datetime) -> views.View:
    """The check-in message for `day` in its stored state."""
    lang, today = profile.language, profile.local_day(now)
    store = svc.storage.checkins
    c = await current(svc, profile.person_id, day)
    screen = await store.screen(profile.person_id, day)
    if not c.finished:
        return views.question(svc.i18n, lang, c, today, screen)
    yesterday = today - timedelta(days=1)
    # Offer back-fill to people already in the habit, not on someone's very first check-in.
    offer = (day == today and not (await current(svc, profile.person_id, yesterday)).finished
             and await store.any_before(profile.person_id, yesterday))
    return views.summary(svc.i18n, lang, c, today, screen=screen,
                         intake=await store.intake(profile.person_id, day), offer_yesterday=offer)


async def render_reminder(svc: Services, profile: Profile, now: datetime) -> Outgoing | None:
    """The daily prompt for the reminders engine; nothing once today is answered."""
    today = profile.local_day(now)
    c = await current(svc, profile.person_id, today)
    if c.finished:
        return None
    view = views.question(svc.i18n, profile.language, c, today,
                          await svc.storage.checkins.screen(profile.person_id, today))
    return Outgoing(view.text, view.markup)


async def set_awaiting(svc: Services, profile: Profile, now: datetime, waiting: bool) -> None:
    """Expect taps (free text gets a friendly hint) without clobbering another feature's question."""
    if waiting and profile.awaiting is None:
        await svc.storage.people.set_state(profile.person_id, now, awaiting=AWAITING)
    elif not waiting and profile.awaiting == AWAITING:
        await svc.storage.people.set_state(profile.person_id, now, awaiting=None)


# --------------------------------------------------------------- commands
async def checkin_command(update: Update, context: Context) -> None:
    """Start today's check-in, resume it, or show it with a way to change it."""
    profile = await require_person(update, context)
    if profile is None:
        return
    svc = services(context)
    now = svc.now()
    today = profile.local_day(now)
    view = await view_for(svc, profile, today, now)
    await set_awaiting(svc, profile, now, not (await current(svc, profile.person_id, today)).finished)
    await send(update, context, view.text, view.markup)


async def history_command(update: Update, context: Context) -> None:
    """Show the last 14 days, one line each."""
    profile = await require_person(update, context)
    if profile is None:
        return
    svc = services(context)
    today = profile.local_day(svc.now())
    days = last_days(today, HISTORY_DAYS)
    rows = await svc.storage.checkins.between(profile.person_id, days[-1], today)
    screens = await svc.storage.checkins.screens_since(profile.person_id, days[-1])
    reports = await svc.storage.checkins.sign_reports_since(profile.person_id, days[-1])
    flagged = {s.day for s in screens if s.flags or s.emergency} | {r.day for r in reports}
    view = views.history(svc.i18n, profile.language, days, {c.day: c for c in rows}, flagged)
    await send(update, context, view.text)


async def on_free_text(update: Update, context: Context, profile: Profile, text: str) -> None:
    """Typed text during a check-in: point kindly at the buttons."""
    await send(update, context, tr(context, profile.language, "checkin-use-buttons"))


# ---------------------------------------------------------------- buttons
Result = str | None  # a catalog key to show as a toast, or None


async def on_button(update: Update, context: Context) -> None:
    """Every check-in and nudge button; the person is always update.effective_user."""
    query = update.callback_query
    button = codec.decode(query.data if query else None)
    profile = await require_person(update, context)
    if profile is None or button is None:
        return
    svc = services(context)
    now = svc.now()
    if button.action == "n":
        await on_nudge_button(update, context, profile, button, now)
        return
    day = parse_day_code(button.arg(0))
    handler = ACTIONS.get(button.action)
    if day is None or handler is None:
        await answer(update, tr(context, profile.language, "stale-button"))
        return
    if not answerable(day, profile.local_day(now)):
        await answer(update, tr(context, profile.language, "checkin-closed"))
        return
    before = await current(svc, profile.person_id, day)
    toast = await handler(svc, profile, before, button, now)
    await answer(update, tr(context, profile.language, toast) if toast else None)
    after = await current(svc, profile.person_id, day)
    if button.action == "t" and button.arg(1) == "later" and not after.finished:
        again = await ask_again_later(svc, profile, day, now)
        view, waiting = views.later(svc.i18n, profile.language, again), False
    else:
        view, waiting = await view_for(svc, profile, day, now), not after.finished
    await edit(update, context, view.text, view.markup)
    await set_awaiting(svc, profile, now, waiting)
    if after.finished and not before.finished:
        screen = await svc.storage.checkins.screen(profile.person_id, day) if before.step == "flags" else None
        await after_checkin(update, context, profile, now, reported=screen.flags if screen else ())


async def ask_again_later(svc: Services, profile: Profile, day: date, now: datetime) -> str | None:
    """Bring today's check-in prompt back in about an hour (never at night); return its local time.

    Only moves the prompt earlier: if it is already due sooner, it stays as it is.
    """
    if day != profile.local_day(now):
        return None
    due = (await svc.storage.reminders.for_person(profile.person_id)).get("checkin", (None, 1))[0]
    if due is None:
        return None  # check-in reminders are off for this person
    at = snooze_until(profile, now)
    if due > at:
        await svc.storage.reminders.snooze(profile.person_id, ["checkin"], at)
        due = at
    return due.astimezone(profile.zone).strftime("%H:%M")


async def on_twitches(svc: Services, profile: Profile, c: CheckinDay, button: codec.Button,
                      now: datetime) -> Result:
    value = button.arg(1)
    day = c.day
    if c.step != "twitches" or value not in ("yes", "no", "later"):
        return None
    store, pid = svc.storage.checkins, profile.person_id
    if value == "no":
        await store.save(pid, day, now, twitches=False, locations=(), frequency=None,
                         intensity=None, stress=None, sleep=None, new_medicine=None, step=None)
    elif value == "yes":
        await store.save(pid, day, now, twitches=True, step="where")
    elif c.twitches is not None:  # "Later" while changing answers keeps the earlier ones
        await store.save(pid, day, now, step=None)
    return None


async def on_place(svc: Services, profile: Profile, c: CheckinDay, button: codec.Button,
                   now: datetime) -> Result:
    place, on = button.arg(1), button.int_arg(2, 0, 1)
    day = c.day
    if c.step == "where" and place in LOCATIONS and on is not None:
        await svc.storage.checkins.save(profile.person_id, day, now,
                                        locations=toggle(c.locations, place, bool(on), LOCATIONS))
    return None


async def on_places_done(svc: Services, profile: Profile, c: CheckinDay, button: codec.Button,
                         now: datetime) -> Result:
    day = c.day
    if c.step != "where":
        return None
    if not c.locations:
        return "checkin-pick-place"
    await svc.storage.checkins.save(profile.person_id, day, now, step="often")
    return None


async def on_choice(svc: Services, profile: Profile, c: CheckinDay, button: codec.Button,
                    now: datetime) -> Result:
    step, column, allowed, parse = CHOICES[button.action]
    value = button.arg(1)
    day = c.day
    if c.step != step or value not in allowed:
        return None
    following = next_step(step, await with_screen(svc, profile, day, now))
    await svc.storage.checkins.save(profile.person_id, day, now, **{column: parse(value)}, step=following)
    return None


async def with_screen(svc: Services, profile: Profile, day: date, now: datetime) -> bool:
    """Ask the red-flag screen today when it is due, or again when changing today's answers."""
    today = profile.local_day(now)
    if day != today:
        return False
    store = svc.storage.checkins
    existing = await store.screen(profile.person_id, today)
    if existing is not None and existing.complete:
        return True
    return screen_due(today, True, await store.last_screen_day(profile.person_id, today))


async def on_flag(svc: Services, profile: Profile, c: CheckinDay, button: codec.Button,
                  now: datetime) -> Result:
    flag, on = button.arg(1), button.int_arg(2, 0, 1)
    day = c.day
    if c.step != "flags" or flag not in RED_FLAGS or on is None:
        return None
    screen = await svc.storage.checkins.screen(profile.person_id, day)
    flags = toggle(screen.flags if screen else (), flag, bool(on), RED_FLAGS)
    await svc.storage.checkins.save_screen(profile.person_id, day, now, flags=flags)
    return None


async def on_flags_none(svc: Services, profile: Profile, c: CheckinDay, button: codec.Button,
                        now: datetime) -> Result:
    day = c.day
    if c.step == "flags":
        await svc.storage.checkins.save_screen(profile.person_id, day, now, flags=(), complete=True)
        await svc.storage.checkins.save(profile.person_id, day, now, step=None)
    return None


async def on_flags_done(svc: Services, profile: Profile, c: CheckinDay, button: codec.Button,
                        now: datetime) -> Result:
    day = c.day
    if c.step != "flags":
        return None
    screen = await svc.storage.checkins.screen(profile.person_id, day)
    if screen is None or not screen.flags:
        return "checkin-pick-flag"
    await svc.storage.checkins.save_screen(profile.person_id, day, now, complete=True)
    await svc.storage.checkins.save(profile.person_id, day, now, step=None)
    return None


async def on_change(svc: Services, profile: Profile, c: CheckinDay, button: codec.Button,
                    now: datetime) -> Result:
    day = c.day
    if c.finished:
        await svc.storage.checkins.save(profile.person_id, day, now, step="twitches")
    return None


async def on_fill(svc: Services, profile: Profile, c: CheckinDay, button: codec.Button,
                  now: datetime) -> Result:
    return None  # the day in the button is yesterday; on_button shows it in its stored state


ACTIONS = {"t": on_twitches, "w": on_place, "wd": on_places_done, "f": on_flag, "fn": on_flags_none,
           "fd": on_flags_done, "chg": on_change, "fill": on_fill, **dict.fromkeys(CHOICES, on_choice)}


# ----------------------------------------------------------------- nudges
async def after_checkin(update: Update, context: Context, profile: Profile, now: datetime,
                        reported: tuple[str, ...] = ()) -> None:
    """Evaluate the doctor-nudge rules over recent history and send the one that is due, if any.

    Signs just ticked on the weekly screen are a new report: their advice is always sent.
    """
    reported_nudge = rules.for_report(reported)
    if reported_nudge is not None:
        await send_nudge(update, context, profile, reported_nudge, now)
        return
    svc = services(context)
    store, pid = svc.storage.checkins, profile.person_id
    today = profile.local_day(now)
    checkins = await store.between(pid, today - timedelta(days=RULES_LOOKBACK_DAYS), today)
    reports = await store.sign_reports_since(pid, today - timedelta(days=rules.FLAG_WINDOW_DAYS))
    history = await store.nudges_since(pid, now - rules.QUIET - rules.CADENCE)
    found = rules.candidates(checkins, reports, today, svc.settings.nudges.persistent_days)
    nudge = rules.due(found, history, now)
    if nudge is not None:
        await send_nudge(update, context, profile, nudge, now)


async def send_nudge(update: Update, context: Context, profile: Profile, nudge: rules.Nudge,
                     now: datetime) -> None:
    svc = services(context)
    nudge_id = await svc.storage.checkins.add_nudge(profile.person_id, nudge, now)
    log.debug("doctor nudge level %s sent", nudge.level)
    view = views.nudge(svc.i18n, profile.language, nudge, nudge_id,
                       persistent_days=svc.settings.nudges.persistent_days, zone=profile.timezone)
    await send(update, context, view.text, view.markup)


async def on_nudge_button(update: Update, context: Context, profile: Profile, button: codec.Button,
                          now: datetime) -> None:
    """"I've booked / seen a doctor" or "Remind me later", on the person's own nudge only."""
    svc = services(context)
    nudge_id, response = button.int_arg(0, 1, 2**62), button.arg(1)
    record = await svc.storage.checkins.nudge(profile.person_id, nudge_id) if nudge_id else None
    if record is None or response not in rules.RESPONSES:
        await answer(update, tr(context, profile.language, "stale-button"))
        return
    await answer(update)
    if record.response != response:
        record = await svc.storage.checkins.respond(profile.person_id, record.id, response, now)
        assert record is not None
    view = views.nudge(svc.i18n, profile.language, rules.Nudge(record.level, record.reasons), record.id,
                       persistent_days=svc.settings.nudges.persistent_days, response=response,
                       zone=profile.timezone)
    await edit(update, context, view.text, view.markup)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("checkin", checkin_command))
    app.add_handler(CommandHandler("history", history_command))
    app.add_handler(CallbackQueryHandler(on_button, pattern=codec.pattern(views.FEATURE)))
    register_text_input(AWAITING, on_free_text)
    register_renderer("checkin", render_reminder)
