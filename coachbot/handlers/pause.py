"""/pause and /resume: every reminder steps aside for some days, or comes back now."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_skeleton
from telegram import Update

from coachbot.domain import planner
from coachbot.domain.numbers import parse_whole
from coachbot.domain.profile import Profile

from .buttons import PauseFor
from .common import Context, edit, keyboard, require_person, send, services, tr
from .press import Press, on_press

PAUSE_PRESETS = (1, 3, 7)


def local_moment(profile: Profile, when: datetime) -> str:
    """A moment in the person's own zone and language, e.g. "Wed 25 Nov, 20:00"."""
    local = when.astimezone(profile.zone)
    day = format_skeleton("EEEdMMM", local, locale=profile.language)
    return f"{day}, {local:%H:%M}"


async def pause_command(update: Update, context: Context) -> None:
    """Pause reminders: "/pause 3" for three days, or pick from buttons."""
    profile = await require_person(update, context)
    if profile is None:
        return
    arg = (context.args or [""])[0] if context.args else ""
    if arg:
        days = parse_whole(arg, 1, planner.MAX_PAUSE_DAYS)
        if days is None:
            await send(update, context, tr(context, profile.language, "intake-pause-bad", max=planner.MAX_PAUSE_DAYS))
            return
        await _pause(update, context, profile, days, replace=False)
        return
    rows = [[(tr(context, profile.language, "intake-pause-days", days=d), PauseFor(d).pack())
             for d in PAUSE_PRESETS]]
    await send(update, context, tr(context, profile.language, "intake-pause-ask"), keyboard(rows))


async def _pause(update: Update, context: Context, profile: Profile, days: int, *, replace: bool) -> None:
    svc = services(context)
    now = svc.now()
    until = planner.pause_until(now, days)
    updated = await svc.save_settings(profile, paused_until_utc=until)
    text = tr(context, profile.language, "intake-paused", days=days, until=local_moment(updated, until))
    await (edit(update, context, text) if replace else send(update, context, text))


async def resume_command(update: Update, context: Context) -> None:
    """End a pause now."""
    profile = await require_person(update, context)
    if profile is None:
        return
    svc = services(context)
    if profile.paused_until_utc is None or profile.paused_until_utc <= svc.now():
        await send(update, context, tr(context, profile.language, "intake-not-paused"))
        return
    await svc.save_settings(profile, paused_until_utc=None)
    await send(update, context, tr(context, profile.language, "intake-resumed"))


@on_press()
async def on_button(press: Press) -> None:
    """A pause preset (an absolute number of days from now)."""
    match press.button:
        case PauseFor(days=days):
            await press.answer()
            await _pause(press.update, press.context, press.person, days, replace=True)
