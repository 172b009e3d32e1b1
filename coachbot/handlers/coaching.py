"""/tip and the coaching feature's wiring: context-aware tips, exercise pages, worry reframes, daily tip.

The feature's other commands live in their own modules: /breathe, /food and /learn.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from telegram import InlineKeyboardMarkup, Update

from coachbot.domain import exercises, tips
from coachbot.domain.profile import Profile
from coachbot.domain.timeparse import parse_time_of_day
from coachbot.i18n import I18n
from coachbot.reminders.kinds import Outgoing
from coachbot.runtime import Services

from . import breathe, learn, settings_view
from .buttons import AnotherTip, DailyTip, Exercise, Exercises, ShowSettings, Worry
from .common import Context, keyboard, require_person, send, services
from .press import Press, on_press

RECENT_CHECKIN_DAYS = 1   # a check-in from today or yesterday still describes "your day"


def _minutes(hhmm: str) -> int:
    value = parse_time_of_day(hhmm) or "00:00"
    return int(value[:2]) * 60 + int(value[3:])


async def day_context(svc: Services, profile: Profile, now: datetime) -> tips.DayContext:
    """Gather the last recent check-in and today's intake into the tip rules' input."""
    today = profile.local_day(now)
    last = await svc.storage.coaching.last_checkin(profile.person_id,
                                                  today - timedelta(days=RECENT_CHECKIN_DAYS))
    totals = await svc.storage.coaching.intake_totals(profile.person_id, today)
    local = profile.local_now(now)
    share = tips.waking_share(local.hour * 60 + local.minute, _minutes(profile.wake_time),
                              _minutes(profile.sleep_time))
    return tips.DayContext(
        stress=last.stress if last else None, sleep=last.sleep if last else None,
        twitches=last.twitches if last else None, exercise=last.exercise if last else None,
        caffeine_mg=totals["caffeine"], caffeine_limit_mg=profile.caffeine_limit_mg,
        water_ml=totals["water"], water_goal_ml=profile.water_goal_ml, day_elapsed=share)


async def next_tip(svc: Services, profile: Profile, now: datetime) -> tips.Tip:
    """Choose today's tip and remember it was shown."""
    ctx = await day_context(svc, profile, now)
    tip = tips.choose_tip(ctx, await svc.storage.coaching.tips_seen(profile.person_id))
    await svc.storage.coaching.mark_tip_seen(profile.person_id, tip.id, now)
    return tip


def render_tip(i18n: I18n, lang: str, tip: tips.Tip, *, daily: bool = False) -> tuple[str, InlineKeyboardMarkup]:
    """The tip message: title, why it was chosen, the tip, the short disclaimer, and buttons."""
    text = "\n\n".join([
        i18n.t(lang, "coaching-daily-title" if daily else "coaching-tip-title"),
        i18n.t(lang, f"coaching-why-{tip.group}"),
        i18n.t(lang, f"coaching-tip-{tip.id}"),
        *([i18n.t(lang, f"caveat-{tip.caveat}")] if tip.caveat else []),
        i18n.t(lang, "coaching-disclaimer"),
    ])
    rows: list[list[tuple[str, str]]] = []
    if tip.exercise:
        name = i18n.t(lang, f"coaching-ex-{tip.exercise}-name")
        rows.append([(i18n.t(lang, "coaching-tip-try", exercise=name),
                      Exercise(tip.exercise).pack())])
    rows.append([(i18n.t(lang, "coaching-tip-another"), AnotherTip().pack()),
                 (i18n.t(lang, "coaching-worried"), Worry().pack())])
    return text, keyboard(rows)


def exercise_page(i18n: I18n, lang: str, exercise_id: str) -> tuple[str, InlineKeyboardMarkup]:
    """One exercise's steps and cautions; breathing ones offer a live guided round."""
    exercise = exercises.BY_ID[exercise_id]
    text = i18n.t(lang, f"coaching-ex-{exercise.id}") + "\n\n" + i18n.t(lang, "coaching-disclaimer")
    rows: list[list[tuple[str, str]]] = []
    if exercise.pattern is not None:
        rows.append([(i18n.t(lang, "coaching-ex-guide"), breathe.start_data(exercise.pattern.id))])
    rows.append([(i18n.t(lang, "coaching-ex-all"), Exercises().pack())])
    return text, keyboard(rows)


def exercise_list(i18n: I18n, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    buttons = [(i18n.t(lang, f"coaching-ex-{e.id}-name"), Exercise(e.id).pack())
               for e in exercises.EXERCISES]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append([(i18n.t(lang, "coaching-topics"), learn.index_data())])
    return i18n.t(lang, "coaching-ex-title"), keyboard(rows)


def worry_reply(i18n: I18n, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    """A kind reframe, a calming exercise and the calm way to get certainty."""
    rows = [[(i18n.t(lang, "coaching-ex-box-name"), breathe.start_data("box"))],
            [(i18n.t(lang, "coaching-learn-worry-button"), learn.page_data("worry")),
             (i18n.t(lang, "coaching-learn-doctor-button"), learn.page_data("doctor"))]]
    return i18n.t(lang, "coaching-worry-reply"), keyboard(rows)


async def tip_command(update: Update, context: Context) -> None:
    """Show a tip that fits the person's day."""
    profile = await require_person(update, context)
    if profile is None:
        return
    svc = services(context)
    tip = await next_tip(svc, profile, svc.now())
    text, markup = render_tip(svc.i18n, profile.language, tip)
    await send(update, context, text, markup)


@on_press()
async def on_button(press: Press) -> None:
    """Another tip, an exercise page, the worry reframe, or the daily-tip setting."""
    svc, profile, lang = press.svc, press.person, press.lang
    await press.answer()
    match press.button:
        case AnotherTip():
            tip = await next_tip(svc, profile, svc.now())
            await press.edit(*render_tip(svc.i18n, lang, tip))
        case Exercise(id=exercise):
            await press.edit(*exercise_page(svc.i18n, lang, exercise))
        case Exercises():
            await press.edit(*exercise_list(svc.i18n, lang))
        case Worry():
            await press.edit(*worry_reply(svc.i18n, lang))
        case DailyTip(choice="open"):
            await press.edit(*daily_tip_editor(svc.i18n, profile))
        case DailyTip(choice=choice):
            await _set_daily_tip(press.update, press.context, profile, choice == "on")


def daily_tip_editor(i18n: I18n, profile: Profile) -> tuple[str, InlineKeyboardMarkup]:
    """Explicit on/off buttons, so a double tap can't flip the setting back."""
    lang = profile.language
    text = i18n.t(lang, "coaching-daily-ask", state=_daily_tip_value(profile, i18n))
    rows = [[(i18n.t(lang, "coaching-daily-turn-on"), DailyTip("on").pack()),
             (i18n.t(lang, "coaching-daily-turn-off"), DailyTip("off").pack())],
            [(i18n.t(lang, "coaching-back"), ShowSettings().pack())]]
    return text, keyboard(rows)


async def _set_daily_tip(update: Update, context: Context, profile: Profile, on: bool) -> None:
    """Set (not toggle, so a double tap is harmless) the daily tip and show the settings again."""
    svc = services(context)
    if profile.daily_tip_on != on:
        profile = await svc.save_settings(profile, daily_tip_on=on)
    await settings_view.show_settings(update, context, profile, saved=True, replace=True)


async def render_daily_tip(svc: Services, profile: Profile, now: datetime) -> Outgoing | None:
    """Reminder renderer for kind 'tip': nothing unless the person turned daily tips on."""
    if not profile.daily_tip_on or not profile.onboarded:
        return None
    tip = await next_tip(svc, profile, now)
    text, markup = render_tip(svc.i18n, profile.language, tip, daily=True)
    return Outgoing(text, markup)


def _daily_tip_value(profile: Profile, i18n: I18n) -> str:
    return i18n.t(profile.language, "coaching-on" if profile.daily_tip_on else "coaching-off")


DAILY_TIP_ITEM = settings_view.SettingItem("coaching-setting-tip", _daily_tip_value,
                                           lambda p: DailyTip("open"))
