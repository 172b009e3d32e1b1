"""The profile questions shared by onboarding and /settings: ask, validate, save, continue.

Onboarding asks them in STEPS order; /settings asks one and returns to the
settings view. Answers arrive as buttons ("1|q|<field>|<value>"), typed text
(people.awaiting = field) or, for the time zone, a shared location.
"""

from __future__ import annotations

import asyncio

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update

from coachbot.domain.profile import ONBOARDING_STEPS, Profile
from coachbot.domain.timeparse import parse_time_of_day
from coachbot.domain.timezones import (
    ZoneChoice,
    describe_zone,
    is_valid_zone,
    local_clock,
    resolve_zone_text,
)
from coachbot.domain.waking import Hours, change_hours, sleep_minutes
from coachbot.i18n import LANGUAGE_NAMES, LANGUAGES
from coachbot.storage.cities import shared_index

from . import caveats
from .buttons import PickCheckinTime, PickSleep, PickTime, PickWake, PickZone, SetLanguage
from .common import Context, edit, keyboard, send, services, tr
from .press import Press, on_press
from .settings_view import show_settings

STEPS = ONBOARDING_STEPS
COLUMN = {"lang": "language", "tz": "timezone", "wake": "wake_time", "sleep": "sleep_time",
          "ci": "checkin_time"}
PRESETS = {
    "wake": ("06:00", "06:30", "07:00", "07:30", "08:00", "09:00"),
    "sleep": ("22:00", "22:30", "23:00", "23:30", "00:00", "01:00"),
    "ci": ("18:00", "19:00", "20:00", "21:00", "21:30", "22:00"),
}
TIME_BUTTON: dict[str, type[PickTime]] = {"wake": PickWake, "sleep": PickSleep, "ci": PickCheckinTime}


def next_step(field: str) -> str | None:
    i = STEPS.index(field)
    return STEPS[i + 1] if i + 1 < len(STEPS) else None


async def ask(update: Update, context: Context, profile: Profile, field: str, *, replace: bool = False) -> None:
    """Show the question for `field`; replace=True edits the pressed message instead of sending."""
    svc = services(context)
    lang = profile.language
    await svc.storage.people.set_state(profile.person_id, svc.now(), awaiting=field)
    if field == "lang":
        rows = [[(LANGUAGE_NAMES[code], SetLanguage(code).pack()) for code in LANGUAGES]]
        text = tr(context, lang, "ask-language")
        await (edit(update, context, text, keyboard(rows)) if replace else send(update, context, text, keyboard(rows)))
        return
    if field == "tz":
        # A location request needs a reply keyboard, which only a new message can carry.
        markup = ReplyKeyboardMarkup([[KeyboardButton(tr(context, lang, "share-location"), request_location=True)]],
                                     resize_keyboard=True, one_time_keyboard=True)
        if replace:
            await edit(update, context, tr(context, lang, "settings-changing-tz"))
        await send(update, context, tr(context, lang, "ask-timezone"), markup)
        return
    presets = PRESETS[field]
    pick = TIME_BUTTON[field]
    rows = [[(t, pick(t).pack()) for t in presets[i:i + 3]] for i in range(0, len(presets), 3)]
    text = tr(context, lang, f"ask-{field}", wake=profile.wake_time, sleep=profile.sleep_time)
    await (edit(update, context, text, keyboard(rows)) if replace else send(update, context, text, keyboard(rows)))


HOURS_FIELD = {"wake": "wake", "sleep": "sleep", "ci": "checkin"}
HOURS_COLUMN = {"wake": "wake_time", "sleep": "sleep_time", "checkin": "checkin_time"}


async def save_time(update: Update, context: Context, profile: Profile, field: str, value: str,
                    *, from_button: bool) -> None:
    """Check a wake-up, bedtime or check-in time against the others, then store it (and what it moved)."""
    current = Hours(profile.wake_time, profile.sleep_time, profile.checkin_time)
    change = change_hours(current, HOURS_FIELD[field], value, onboarding=not profile.onboarded)
    lang = profile.language
    if change.problem:
        await send(update, context, tr(context, lang, change.problem, wake=current.wake, sleep=current.sleep,
                                       checkin=current.checkin, time=value))
        return
    hours = change.hours
    others = {HOURS_COLUMN[name]: getattr(hours, name) for name in change.moved}
    if change.moved:
        await services(context).storage.people.update_settings(profile.person_id, **others)
        await send(update, context, "\n".join(tr(context, lang, f"hours-moved-{name}", time=getattr(hours, name),
                                                    hours=sleep_minutes(hours.wake, hours.sleep) // 60)
                                                 for name in change.moved))
    await save(update, context, profile, field, value, from_button=from_button and not change.moved)


async def save(update: Update, context: Context, profile: Profile, field: str, value: str,
               *, from_button: bool, typed: ZoneChoice | None = None) -> None:
    """Store a validated answer, then continue onboarding or return to settings."""
    svc = services(context)
    now = svc.now()
    await svc.storage.people.update_settings(profile.person_id, **{COLUMN[field]: value})
    updated = await svc.storage.people.get(profile.person_id)
    assert updated is not None
    lang = updated.language
    if field == "tz":
        zone, clock = describe_zone(value, now), local_clock(value, now)
        text = (tr(context, lang, "timezone-set-abbreviation", typed=typed.label, zone=zone, time=clock)
                if typed is not None and typed.abbreviation else tr(context, lang, "timezone-set", zone=zone, time=clock))
        await send(update, context, text, ReplyKeyboardRemove())
    if updated.onboarding_step is not None:
        await continue_onboarding(update, context, updated, answered=field, from_button=from_button)
    else:
        await svc.storage.people.set_state(updated.person_id, now, awaiting=None)
        await svc.hooks.emit("settings_changed", updated, now)
        await show_settings(update, context, updated, saved=True, replace=from_button and field != "tz")


async def continue_onboarding(update: Update, context: Context, profile: Profile, *, answered: str,
                              from_button: bool) -> None:
    svc = services(context)
    now = svc.now()
    step = profile.onboarding_step
    assert step is not None
    if answered == step:
        step = next_step(step)
        await svc.storage.people.set_state(profile.person_id, now, onboarding_step=step)
        profile = await svc.storage.people.get(profile.person_id)  # type: ignore[assignment]
        assert profile is not None
    if step is None:
        await svc.storage.people.set_state(profile.person_id, now, awaiting=None)
        text = tr(context, profile.language, "onboarding-done", wake=profile.wake_time,
                  sleep=profile.sleep_time, checkin=profile.checkin_time, zone=describe_zone(profile.timezone, now))
        if from_button:
            await edit(update, context, text)
        else:
            await send(update, context, text)
        await svc.hooks.emit("onboarded", profile, now)
        await svc.hooks.emit("settings_changed", profile, now)
        await caveats.ask_after_setup(update, context, profile)
        return
    # Buttons edit their own message into the next question; text answers get a new one.
    if from_button and step == "tz":
        await edit(update, context, tr(context, profile.language, "language-set"))
    await ask(update, context, profile, step, replace=from_button and step != "tz")


@on_press(who="anyone")
async def on_button(press: Press) -> None:
    """A preset answer was pressed (during onboarding too, so the person need not be set up)."""
    update, context, profile = press.update, press.context, press.profile
    if profile is None:
        await press.stale()
        return
    await press.answer()
    match press.button:
        case SetLanguage(code=code):
            await save(update, context, profile, "lang", code, from_button=True)
        case PickZone(zone=zone) if zone != "type" and is_valid_zone(zone):
            await save(update, context, profile, "tz", zone, from_button=True)
        case PickZone():
            await ask(update, context, profile, "tz")
        case PickTime(time=typed) if (value := parse_time_of_day(typed)) is not None:
            field = press.button.ACTION
            await save_time(update, context, profile, field, value, from_button=True)


async def on_text(update: Update, context: Context, profile: Profile, field: str, text: str) -> None:
    """Typed answer to the question in `field`."""
    lang = profile.language
    if field == "lang":
        await send(update, context, tr(context, lang, "use-buttons"))
        return
    if field == "tz":
        choices = await asyncio.to_thread(resolve_zone_text, text, shared_index().named)
        await _zone_choices(update, context, profile, choices)
        return
    value = parse_time_of_day(text)
    if value is None:
        await send(update, context, tr(context, lang, "error-bad-time"))
        return
    await save_time(update, context, profile, field, value, from_button=False)


async def _zone_choices(update: Update, context: Context, profile: Profile, choices: list[ZoneChoice]) -> None:
    lang, now = profile.language, services(context).now()
    if not choices:
        await send(update, context, tr(context, lang, "error-unknown-zone"))
    elif len(choices) == 1:
        await save(update, context, profile, "tz", choices[0].zone, from_button=False, typed=choices[0])
    else:
        rows = [[(f"{c.label} · {local_clock(c.zone, now)}", PickZone(c.zone).pack())] for c in choices]
        await send(update, context, tr(context, lang, "choose-zone"), keyboard(rows))


async def on_location(update: Update, context: Context, profile: Profile, latitude: float, longitude: float) -> None:
    """A shared location sets the time zone, whether asked for or not."""
    try:
        zone = await asyncio.to_thread(shared_index().nearest_zone, latitude, longitude)
    except (ValueError, LookupError):
        await send(update, context, tr(context, profile.language, "error-unknown-zone"))
        return
    await save(update, context, profile, "tz", zone, from_button=False)
