"""/checkin and /history: the daily twitch check-in in one message edited in place, and the doctor nudge.

Every answer is stored the moment it is tapped (a restart loses nothing) and
the stored `step` says which question is on screen; only buttons of that step
move the check-in on, so stale buttons and double taps just redraw the message.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta

from telegram import Update

from coachbot.codec import Button
from coachbot.domain import nudges as rules
from coachbot.domain.checkins import (
    LOCATIONS,
    QUESTION,
    RED_FLAGS,
    CheckinDay,
    answerable,
    first_day,
    last_days,
    next_step,
    screen_due,
    toggle,
)
from coachbot.domain.planner import snooze_until
from coachbot.domain.profile import Profile
from coachbot.domain.waking import day_part
from coachbot.reminders.kinds import Outgoing
from coachbot.runtime import Services

from . import checkin_views as views
from .buttons import (
    ChangeAnswers,
    Choice,
    Extra,
    FillDay,
    FlagsDone,
    FlagsNone,
    Medicine,
    NudgeAnswer,
    Often,
    OnDay,
    Place,
    PlacesDone,
    RedFlag,
    Sleep,
    Strength,
    Stress,
    Twitches,
    UndoDay,
)
from .common import Context, edit, require_person, send, services, tr
from .press import Press, on_press

log = logging.getLogger(__name__)
AWAITING = "checkin"
HISTORY_DAYS = 14
RULES_LOOKBACK_DAYS = 60



# ------------------------------------------------------------------ views
async def current(svc: Services, person_id: int, day: date) -> CheckinDay:
    return await svc.storage.checkins.get(person_id, day) or CheckinDay(day=day)


async def view_for(svc: Services, profile: Profile, day: date, now: datetime,
                   stored: CheckinDay | None = None) -> views.View:
    """The check-in message for `day` in its stored state (`stored`, when just read)."""
    lang, today = profile.language, profile.local_day(now)
    store = svc.storage.checkins
    c = stored if stored is not None else await current(svc, profile.person_id, day)
    if not c.finished:   # only the warning-sign question shows the day's screen
        screen = await store.screen(profile.person_id, day) if c.step == "flags" else None
        return views.question(svc.i18n, lang, c, today, screen)
    screen = await store.screen(profile.person_id, day)
    yesterday = today - timedelta(days=1)
    # Offer back-fill to people already in the habit, not on someone's very first check-in.
    offer = (day == today and not (await current(svc, profile.person_id, yesterday)).finished
             and await store.any_before(profile.person_id, yesterday))
    return views.summary(svc.i18n, lang, c, today, screen=screen,
                         intake=await store.intake(profile.person_id, day), offer_yesterday=offer,
                         part=day_part(profile.local_now(now).hour))


async def render_reminder(svc: Services, profile: Profile, now: datetime) -> Outgoing | None:
    """The daily prompt for the reminders engine; nothing once today is answered."""
    today = profile.local_day(now)
    c = await current(svc, profile.person_id, today)
    if c.finished:
        return None
    # Every reminder carries one "⏰ Later" (the engine's, which snoozes all it holds), so none here.
    view = views.question(svc.i18n, profile.language, c, today,
                          await svc.storage.checkins.screen(profile.person_id, today), later=False)
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
    c = await current(svc, profile.person_id, today)
    view = await view_for(svc, profile, today, now, c)
    await set_awaiting(svc, profile, now, not c.finished)
    await send(update, context, view.text, view.markup)


async def history_command(update: Update, context: Context) -> None:
    """Show the last 14 days, one line each."""
    profile = await require_person(update, context)
    if profile is None:
        return
    svc = services(context)
    today = profile.local_day(svc.now())
    days = last_days(today, HISTORY_DAYS, await joined_day(svc, profile, today))
    rows = await svc.storage.checkins.between(profile.person_id, days[-1], today)
    screens = await svc.storage.checkins.screens_since(profile.person_id, days[-1])
    reports = await svc.storage.checkins.sign_reports_since(profile.person_id, days[-1])
    flagged = {s.day for s in screens if s.flags or s.emergency} | {r.day for r in reports}
    notes = await svc.storage.checkins.notes_between(profile.person_id, days[-1], today)
    view = views.history(svc.i18n, profile.language, days, {c.day: c for c in rows}, flagged, notes)
    await send(update, context, view.text)


async def joined_day(svc: Services, profile: Profile, today: date) -> date:
    """The first day of the person's log: when they joined, or an earlier imported day."""
    joined = await svc.storage.people.joined(profile.person_id)
    return first_day(profile.local_day(joined) if joined else today,
                     await svc.storage.insights.first_logged(profile.person_id))


async def on_free_text(update: Update, context: Context, profile: Profile, text: str) -> None:
    """Typed text during a check-in is kept as the day's note; the buttons carry on the questions."""
    svc = services(context)
    now = svc.now()
    words = " ".join(text.split())
    if not words:
        await send(update, context, tr(context, profile.language, "checkin-use-buttons"))
        return
    await svc.storage.checkins.add_note(profile.person_id, profile.local_day(now), words, now)
    await send(update, context, tr(context, profile.language, "checkin-note-kept"))


# ---------------------------------------------------------------- buttons
# A catalog key to show as a toast; or the day as it now stands, when the handler has it at hand
# (what it just saved: on_button need not read it again); or None.
Result = str | CheckinDay | None


@on_press()
async def on_button(press: Press) -> None:
    """Every check-in and nudge button; the person is always update.effective_user."""
    update, context, profile, svc = press.update, press.context, press.person, press.svc
    now = svc.now()
    button = press.button
    if isinstance(button, NudgeAnswer):
        await on_nudge_button(press, button, now)
        return
    handler = ACTIONS.get(type(button))
    if not isinstance(button, OnDay) or handler is None:
        await press.stale()
        return
    day = button.day
    if not answerable(day, profile.local_day(now)):
        await press.toast("checkin-closed")
        return
    before = await current(svc, profile.person_id, day)
    result = await handler(svc, profile, before, button, now)
    await press.answer(press.t(result) if isinstance(result, str) else None)
    after = result if isinstance(result, CheckinDay) else await current(svc, profile.person_id, day)
    if isinstance(button, Twitches) and button.answer == "later" and not after.finished:
        again = await ask_again_later(svc, profile, day, now)
        view, waiting = views.later(svc.i18n, profile.language, again), False
    else:
        view, waiting = await view_for(svc, profile, day, now, after), not after.finished
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


async def on_twitches(svc: Services, profile: Profile, c: CheckinDay, button: Twitches, now: datetime) -> Result:
    day = c.day
    if c.step != "twitches":
        return None
    store, pid = svc.storage.checkins, profile.person_id
    if button.answer == "no":
        # Sleep, stress and exercise describe the day whatever the answer, so they stay.
        return await store.save(pid, day, now, twitches=False, locations=(), frequency=None,
                                intensity=None, new_medicine=None, step=None)
    if button.answer == "yes":
        return await store.save(pid, day, now, twitches=True, step="where")
    if c.twitches is not None:  # "Later" while changing answers keeps the earlier ones
        return await store.save(pid, day, now, step=None)
    return None


async def on_place(svc: Services, profile: Profile, c: CheckinDay, button: Place, now: datetime) -> Result:
    if c.step == "where":
        return await svc.storage.checkins.save(profile.person_id, c.day, now,
                                               locations=toggle(c.locations, button.place, button.on, LOCATIONS))
    return None


async def on_places_done(svc: Services, profile: Profile, c: CheckinDay, button: PlacesDone,
                         now: datetime) -> Result:
    if c.step != "where":
        return None
    if not c.locations:
        return "checkin-pick-place"
    return await svc.storage.checkins.save(profile.person_id, c.day, now, step="often")


async def on_choice(svc: Services, profile: Profile, c: CheckinDay, button: Choice, now: datetime) -> Result:
    q = button.QUESTION
    if c.step != q.step:
        return None
    following = next_step(q.step, False)
    if following != next_step(q.step, True):   # the warning-sign question may come next: is it due?
        following = next_step(q.step, await with_screen(svc, profile, c.day, now))
    return await svc.storage.checkins.save(profile.person_id, c.day, now, **{q.column: q.answer(button.value)},
                                           step=following)


async def on_extra(svc: Services, profile: Profile, c: CheckinDay, button: Extra, now: datetime) -> Result:
    """An optional one-tap answer on the finished check-in (sleep, stress, exercise); the day stays finished."""
    q = QUESTION[button.step]
    if c.finished and button.code in q.codes:
        return await svc.storage.checkins.save(profile.person_id, c.day, now, **{q.column: q.answer(button.code)})
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


async def on_flag(svc: Services, profile: Profile, c: CheckinDay, button: RedFlag, now: datetime) -> Result:
    if c.step != "flags":
        return None
    screen = await svc.storage.checkins.screen(profile.person_id, c.day)
    flags = toggle(screen.flags if screen else (), button.flag, button.on, RED_FLAGS)
    await svc.storage.checkins.save_screen(profile.person_id, c.day, now, flags=flags)
    return c   # the day itself is unchanged: only its screen is


async def on_flags_none(svc: Services, profile: Profile, c: CheckinDay, button: OnDay,
                        now: datetime) -> Result:
    day = c.day
    if c.step == "flags":
        await svc.storage.checkins.save_screen(profile.person_id, day, now, flags=(), complete=True)
        return await svc.storage.checkins.save(profile.person_id, day, now, step=None)
    return None


async def on_flags_done(svc: Services, profile: Profile, c: CheckinDay, button: OnDay,
                        now: datetime) -> Result:
    day = c.day
    if c.step != "flags":
        return None
    screen = await svc.storage.checkins.screen(profile.person_id, day)
    if screen is None or not screen.flags:
        return "checkin-pick-flag"
    await svc.storage.checkins.save_screen(profile.person_id, day, now, complete=True)
    return await svc.storage.checkins.save(profile.person_id, day, now, step=None)


async def on_change(svc: Services, profile: Profile, c: CheckinDay, button: OnDay,
                    now: datetime) -> Result:
    day = c.day
    if c.finished:
        return await svc.storage.checkins.save(profile.person_id, day, now, step="twitches")
    return None


async def on_fill(svc: Services, profile: Profile, c: CheckinDay, button: OnDay,
                  now: datetime) -> Result:
    return None  # the day in the button is yesterday; on_button shows it in its stored state


async def on_undo(svc: Services, profile: Profile, c: CheckinDay, button: OnDay,
                  now: datetime) -> Result:
    """Take back a finished day's answers (a mistaken "No" included); the first question shows again."""
    if not c.finished:
        return "undo-nothing"
    await svc.storage.checkins.reset(profile.person_id, c.day, now)
    return "checkin-undone"


ACTIONS: dict[type[Button], Callable[..., Awaitable[Result]]] = {
    Twitches: on_twitches, Place: on_place, PlacesDone: on_places_done, RedFlag: on_flag, FlagsNone: on_flags_none,
    FlagsDone: on_flags_done, ChangeAnswers: on_change, FillDay: on_fill, UndoDay: on_undo, Extra: on_extra,
    **dict.fromkeys((Often, Strength, Stress, Sleep, Medicine), on_choice)}


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


async def on_nudge_button(press: Press, button: NudgeAnswer, now: datetime) -> None:
    """"I've booked / seen a doctor" or "Remind me later", on the person's own nudge only."""
    svc, profile = press.svc, press.person
    record = await svc.storage.checkins.nudge(profile.person_id, button.nudge)
    if record is None:
        await press.stale()
        return
    await press.answer()
    if record.response != button.response:
        record = await svc.storage.checkins.respond(profile.person_id, record.id, button.response, now)
        assert record is not None
    view = views.nudge(svc.i18n, profile.language, rules.Nudge(record.level, record.reasons), record.id,
                       persistent_days=svc.settings.nudges.persistent_days, response=button.response,
                       zone=profile.timezone)
    await press.edit(view.text, view.markup)
