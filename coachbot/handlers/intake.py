"""/water, /coffee (/caffeine), /today, /pause, /resume, reminder buttons and intake settings."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from babel.dates import format_skeleton
from telegram import Update

from coachbot.domain import caffeine, hydration, planner, reminder_kinds, timeparse
from coachbot.domain.numbers import parse_whole
from coachbot.domain.profile import Profile
from coachbot.i18n import I18n
from coachbot.reminders.controls import (
    EveryDays,
    EveryMinutes,
    LessOften,
    Snooze,
    TurnOff,
    decode_kinds,
    schedule_button,
)
from coachbot.reminders.engine import engine_of
from coachbot.reminders.kinds import Outgoing
from coachbot.runtime import Services

from . import settings_view
from .buttons import (
    AddDrink,
    AddWater,
    AskAmount,
    AskCaffeine,
    AskGoal,
    AskLimit,
    AskWater,
    AskWeight,
    MeantLitres,
    OpenIntakeSetting,
    PauseFor,
    SetEvery,
    SetGoal,
    SetIntakeReminder,
    SetLimit,
    ShowSettings,
    UndoIntake,
)
from .common import Context, TextInput, edit, keyboard, require_person, send, services, tr
from .press import Press, on_press
from .settings_view import SettingItem

PAUSE_PRESETS = (1, 3, 7)
T = TypeVar("T")


def _ref() -> str:
    """A short token that makes one button press log once, however often it is tapped."""
    return secrets.token_hex(3)


def _t(svc: Services, lang: str, key: str, **args: object) -> str:
    return svc.i18n.t(lang, key, **args)


def _local_hhmm(profile: Profile, when: datetime) -> str:
    return when.astimezone(profile.zone).strftime("%H:%M")


# ---- cards ----------------------------------------------------------------------------
def water_buttons(svc: Services, lang: str) -> list[list[tuple[str, str]]]:
    ref = _ref()
    return [[(_t(svc, lang, "unit-plus-ml", value=ml), AddWater(ml, ref).pack()) for ml in hydration.QUICK_ML]
            + [(_t(svc, lang, "intake-custom"), AskWater().pack())]]


def caffeine_buttons(svc: Services, lang: str) -> list[list[tuple[str, str]]]:
    ref = _ref()
    buttons = [(_t(svc, lang, f"intake-drink-{d.key}", mg=d.mg), AddDrink(d.key, ref).pack())
               for d in caffeine.DRINKS]
    buttons.append((_t(svc, lang, "intake-custom-mg"), AskCaffeine().pack()))
    return [buttons[i:i + 2] for i in range(0, len(buttons), 2)]


async def water_text(svc: Services, profile: Profile, now: datetime) -> str:
    total = (await svc.storage.intake.totals(profile.person_id, profile.local_day(now)))["water"]
    goal = profile.water_goal_ml
    key = "intake-water-done" if total >= goal else "intake-water-progress"
    return _t(svc, profile.language, key, total=total, goal=goal, bar=hydration.progress_bar(total, goal),
              percent=hydration.percent(total, goal), left=max(0, goal - total))


async def bedtime_caffeine(svc: Services, profile: Profile, now: datetime) -> tuple[int, str]:
    """(mg likely still in the body at the next bedtime, bedtime as HH:MM)."""
    today = profile.local_day(now)
    doses = await svc.storage.intake.caffeine_doses(profile.person_id, [today - timedelta(days=1), today])
    bedtime = planner.next_daily(profile.zone, profile.sleep_time, now)
    return caffeine.remaining_mg(doses, bedtime), profile.sleep_time


async def caffeine_text(svc: Services, profile: Profile, now: datetime) -> str:
    total = (await svc.storage.intake.totals(profile.person_id, profile.local_day(now)))["caffeine"]
    lang, limit = profile.language, profile.caffeine_limit_mg
    lines = [_t(svc, lang, "intake-caffeine-progress", total=total, limit=limit)]
    if total:
        left, bedtime = await bedtime_caffeine(svc, profile, now)
        lines.append(_t(svc, lang, "intake-caffeine-bedtime", mg=left, bedtime=bedtime))
    lines.append(_t(svc, lang, "intake-caffeine-cutoff", cutoff=planner.caffeine_cutoff(profile)))
    return "\n".join(lines)


# ---- renderers the engine calls -------------------------------------------------------
def day_fraction(profile: Profile, now: datetime) -> float:
    """How far through their waking day the person is (0..1)."""
    local = timeparse.minutes_of_day(_local_hhmm(profile, now))
    since = (local - timeparse.minutes_of_day(profile.wake_time)) % 1440
    return min(1.0, since / planner.window_minutes(profile.wake_time, profile.sleep_time))


async def render_hydration(svc: Services, profile: Profile, now: datetime) -> Outgoing | None:
    """A water nudge with quick-log buttons, only while the person is behind."""
    total = (await svc.storage.intake.totals(profile.person_id, profile.local_day(now)))["water"]
    if not hydration.should_remind(total, profile.water_goal_ml, day_fraction(profile, now)):
        return None
    lang = profile.language
    text = _t(svc, lang, "reminders-hydration") + "\n" + await water_text(svc, profile, now)
    return Outgoing(text, keyboard(water_buttons(svc, lang)))


async def render_caffeine(svc: Services, profile: Profile, now: datetime) -> Outgoing | None:
    """The last call before the person's caffeine cut-off."""
    total = (await svc.storage.intake.totals(profile.person_id, profile.local_day(now)))["caffeine"]
    lang = profile.language
    text = _t(svc, lang, "reminders-caffeine-last-call", cutoff=planner.caffeine_cutoff(profile),
              total=total, limit=profile.caffeine_limit_mg)
    return Outgoing(text)


# ---- logging --------------------------------------------------------------------------
async def log_water(svc: Services, profile: Profile, ml: int, now: datetime, ref: str | None) -> int | None:
    """Store water and push the next hydration reminder a full interval out; the new entry's id."""
    added = await svc.storage.intake.add(profile.person_id, "water", ml, "water", now,
                                         profile.local_day(now), ref)
    if added and planner.enabled(profile, "hydration") and svc.reminders is not None:
        due = planner.next_fire(profile, "hydration", now)
        await svc.storage.reminders.upsert([(profile.person_id, "hydration", due,
                                             profile.hydration_every_minutes)])
    return added


async def log_caffeine(svc: Services, profile: Profile, item: str, mg: int, now: datetime,
                       ref: str | None) -> tuple[int | None, int | None]:
    """Store a drink; return (the new entry's id or None if already logged, warning threshold crossed)."""
    day = profile.local_day(now)
    before = (await svc.storage.intake.totals(profile.person_id, day))["caffeine"]
    added = await svc.storage.intake.add(profile.person_id, "caffeine", mg, item, now, day, ref)
    if not added:
        return None, None
    return added, caffeine.crossed(before, before + mg, profile.caffeine_limit_mg)


def undo_row(svc: Services, lang: str, entry_id: int | None) -> list[list[tuple[str, str]]]:
    """The "↩️ Undo" button for the entry just logged (none if nothing new was logged)."""
    return [[(_t(svc, lang, "undo-button"), UndoIntake(entry_id).pack())]] if entry_id else []


async def water_reply(update: Update, context: Context, profile: Profile, ml: int | None,
                      *, ref: str | None = None, replace: bool = False, read: tuple[str, int] | None = None,
                      flash: str | None = None) -> None:
    """Log water (if any) and show today's progress; `read` = (what was typed, glasses) when a bare
    number was read as glasses, so the reply says so and offers litres instead."""
    svc = services(context)
    now, lang = svc.now(), profile.language
    lines = [flash] if flash else []
    extra: list[list[tuple[str, str]]] = []
    if ml is not None:
        entry = await log_water(svc, profile, ml, now, ref)
        lines.append(_t(svc, lang, "intake-water-logged", ml=ml))
        if read is not None and entry:
            typed, glasses = read
            lines.append(_t(svc, lang, "intake-read-glasses", typed=typed, count=glasses, ml=hydration.GLASS_ML))
            if glasses * 1000 <= hydration.MAX_LOG_ML:
                extra.append([(_t(svc, lang, "intake-meant-litres", count=glasses),
                               MeantLitres(entry, glasses * 1000).pack())])
        extra += undo_row(svc, lang, entry)
    lines.append(await water_text(svc, profile, now))
    text, markup = "\n".join(lines), keyboard(water_buttons(svc, lang) + extra)
    await (edit(update, context, text, markup) if replace else send(update, context, text, markup))


async def caffeine_reply(update: Update, context: Context, profile: Profile, item: str | None, mg: int,
                         *, ref: str | None = None, replace: bool = False, count: tuple[str, int] | None = None,
                         flash: str | None = None) -> None:
    """Log a drink (if any) and show today's caffeine; `count` = (what was typed, drinks) when a bare
    number was read as that many of the person's usual drink, so the reply says so."""
    svc = services(context)
    now, lang = svc.now(), profile.language
    lines = [flash] if flash else []
    extra: list[list[tuple[str, str]]] = []
    if item is not None:
        added, warn = await log_caffeine(svc, profile, item, mg, now, ref)
        if added:
            name = _t(svc, lang, f"intake-drink-name-{item}")
            if count is not None:
                lines.append(_t(svc, lang, "intake-caffeine-logged-count", count=count[1], drink=name, mg=mg))
                lines.append(_t(svc, lang, "intake-read-drinks", typed=count[0], count=count[1], drink=name))
            else:
                lines.append(_t(svc, lang, "intake-caffeine-logged", drink=name, mg=mg))
            if warn:
                lines.append(_t(svc, lang, f"intake-caffeine-warn-{warn}", limit=profile.caffeine_limit_mg))
        extra = undo_row(svc, lang, added)
    lines.append(await caffeine_text(svc, profile, now))
    text, markup = "\n".join(lines), keyboard(caffeine_buttons(svc, lang) + extra)
    await (edit(update, context, text, markup) if replace else send(update, context, text, markup))


async def undo(press: Press, entry_id: int, then_ml: int | None = None) -> None:
    """Remove one logged entry (a second tap finds nothing and says so); optionally log water instead."""
    svc, profile, lang = press.svc, press.person, press.lang
    removed = await svc.storage.intake.remove(profile.person_id, entry_id)
    if removed is None:
        await press.toast("undo-nothing")
        return
    kind, amount, _item = removed
    await press.answer()
    update, context = press.update, press.context
    if then_ml is not None and kind == "water":
        await water_reply(update, context, profile, then_ml, replace=True)
        return
    flash = tr(context, lang, "intake-undone", amount=tr(context, lang, "unit-ml" if kind == "water" else "unit-mg",
                                                         value=amount))
    if kind == "water":
        await water_reply(update, context, profile, None, replace=True, flash=flash)
    else:
        await caffeine_reply(update, context, profile, None, 0, replace=True, flash=flash)


# ---- commands -------------------------------------------------------------------------
async def _amount_argument(update: Update, context: Context, parse: Callable[[str], T | None],
                           bad_key: str) -> tuple[Profile | None, T | None]:
    """The person and the amount typed after a command ("/water 300"); None amount when none was typed.

    A typed amount that can't be read gets a friendly reply and no person, so the caller stops.
    """
    profile = await require_person(update, context)
    if profile is None:
        return None, None
    arg = " ".join(context.args or [])
    amount = parse(arg) if arg else None
    if arg and amount is None:
        await send(update, context, tr(context, profile.language, bad_key))
        return None, None
    return profile, amount


async def water_command(update: Update, context: Context) -> None:
    """Show today's water with quick-log buttons; "/water 300" logs directly, "/water 2" two glasses."""
    profile, amount = await _amount_argument(update, context, hydration.read_water, "intake-water-bad-amount")
    if profile is None:
        return
    if amount is None:
        await water_reply(update, context, profile, None)
        return
    ml, how = amount
    glasses = ml // hydration.GLASS_ML if how == "glasses" else 0
    await water_reply(update, context, profile, ml, read=(" ".join(context.args or []), glasses) if glasses else None)


async def coffee_command(update: Update, context: Context) -> None:
    """Show today's caffeine with one-tap drinks; "/coffee 120" logs 120 mg, "/coffee 2" two usual drinks."""
    profile, amount = await _amount_argument(update, context, caffeine.read_caffeine, "intake-caffeine-bad-amount")
    if profile is None:
        return
    if amount is None:
        await caffeine_reply(update, context, profile, None, 0)
        return
    drinks, mg = amount
    if drinks:
        usual = caffeine.usual_drink(await services(context).storage.intake.recent_items(profile.person_id, "caffeine"))
        await caffeine_reply(update, context, profile, usual.key, usual.mg * drinks,
                             count=(" ".join(context.args or []), drinks))
    else:
        await caffeine_reply(update, context, profile, "custom", mg)


async def today_command(update: Update, context: Context) -> None:
    """Water, caffeine and what is planned, for today."""
    profile = await require_person(update, context)
    if profile is None:
        return
    svc = services(context)
    now, lang = svc.now(), profile.language
    parts = [tr(context, lang, "intake-today-title"), await water_text(svc, profile, now),
             await caffeine_text(svc, profile, now)]
    if profile.paused_until_utc and profile.paused_until_utc > now:
        parts.append(tr(context, lang, "intake-today-paused", until=_when(profile, profile.paused_until_utc)))
    else:
        rows = await svc.storage.reminders.for_person(profile.person_id)
        due = rows.get("checkin", (None, 1))[0]
        if due is not None:
            parts.append(tr(context, lang, "intake-today-next-checkin", when=_when(profile, due)))
    await send(update, context, "\n\n".join(parts))


def _when(profile: Profile, when: datetime) -> str:
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
    text = tr(context, profile.language, "intake-paused", days=days, until=_when(updated, until))
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


# ---- intake buttons -------------------------------------------------------------------
@on_press()
async def on_button(press: Press) -> None:
    """Quick-log taps, custom amounts, pause presets and intake settings editors."""
    update, context, profile = press.update, press.context, press.person
    svc = press.svc
    match press.button:
        case AddWater(ml=ml, ref=ref):
            await press.answer()
            await water_reply(update, context, profile, ml, ref=ref or None, replace=True)
        case AddDrink(drink=key, ref=ref):
            await press.answer()
            drink = caffeine.BY_KEY[key]
            await caffeine_reply(update, context, profile, drink.key, drink.mg, ref=ref or None, replace=True)
        case UndoIntake(entry=entry):
            await undo(press, entry)
        case MeantLitres(entry=entry, ml=ml):
            await undo(press, entry, then_ml=ml)
        case AskAmount() as ask:
            await press.answer()
            await svc.storage.people.set_state(profile.person_id, svc.now(), awaiting=ask.awaiting)
            await press.send(press.t(f"intake-ask-{ask.ACTION}"))
        case PauseFor(days=days):
            await press.answer()
            await _pause(update, context, profile, days, replace=True)
        case OpenIntakeSetting(which=which):
            await press.answer()
            await open_editor(press, which)
        case SetGoal(ml=ml):
            await _save_and_show(update, context, profile, replace=True, water_goal_ml=ml)
        case SetLimit(mg=mg):
            await _save_and_show(update, context, profile, replace=True, caffeine_limit_mg=mg)
        case SetEvery(minutes=minutes):
            await _save_and_show(update, context, profile, replace=True, hydration_every_minutes=minutes)
        case SetIntakeReminder(kind=code, on=on):
            column = reminder_kinds.by_code(code).off_switch  # type: ignore[union-attr]
            assert column is not None
            await _save_and_show(update, context, profile, replace=True, **{column: on})


# ---- typed amounts --------------------------------------------------------------------
async def _typed(update: Update, context: Context, profile: Profile, text: str, key: str) -> None:
    svc = services(context)
    lang = profile.language
    parsers = {
        "intake_wc": lambda t: hydration.parse_amount_ml(t),
        "intake_cc": lambda t: caffeine.parse_mg(t),
        "intake_goalt": lambda t: _in_range(hydration.parse_amount_ml(t, hydration.MAX_GOAL_ML),
                                            hydration.MIN_GOAL_ML, hydration.MAX_GOAL_ML),
        "intake_goalw": lambda t: hydration.parse_weight_kg(t),
        "intake_limitt": lambda t: _in_range(0 if t.strip() == "0" else caffeine.parse_mg(t),
                                             0, caffeine.DEFAULT_LIMIT_MG),
    }
    value = parsers[key](text)
    if value is None:
        await send(update, context, tr(context, lang, f"intake-bad-{key.removeprefix('intake_')}"))
        return
    await svc.storage.people.set_state(profile.person_id, svc.now(), awaiting=None)
    if key == "intake_wc":
        await water_reply(update, context, profile, int(value))
    elif key == "intake_cc":
        await caffeine_reply(update, context, profile, "custom", int(value))
    elif key == "intake_goalt":
        await _save_and_show(update, context, profile, replace=False, water_goal_ml=int(value))
    elif key == "intake_goalw":
        goal = hydration.goal_from_weight(float(value))
        await send(update, context, tr(context, lang, "intake-goal-from-weight", goal=goal))
        await _save_and_show(update, context, profile, replace=False, water_goal_ml=goal)
    elif key == "intake_limitt":
        await _save_and_show(update, context, profile, replace=False, caffeine_limit_mg=int(value))


def _in_range(value: int | None, lo: int, hi: int) -> int | None:
    return value if value is not None and lo <= value <= hi else None


def _text_input(key: str):
    async def handle(update: Update, context: Context, profile: Profile, text: str) -> None:
        await _typed(update, context, profile, text, key)
    return handle


# ---- settings -------------------------------------------------------------------------
def _hours(i18n: I18n, lang: str, minutes: int) -> str:
    key = "intake-every-hm" if minutes % 60 else "intake-every-hours"
    return i18n.t(lang, key, hours=minutes // 60, minutes=minutes % 60)


def _reminders_value(p: Profile, i: I18n) -> str:
    water = i.t(p.language, "intake-on" if p.hydration_on else "intake-off")
    coffee = i.t(p.language, "intake-on" if p.caffeine_reminder_on else "intake-off")
    return i.t(p.language, "intake-reminders-value", water=water, caffeine=coffee)


SETTING_ITEMS = [
    SettingItem("intake-setting-goal", lambda p, i: i.t(p.language, "unit-ml", value=p.water_goal_ml),
                lambda p: OpenIntakeSetting("goal")),
    SettingItem("intake-setting-limit", lambda p, i: i.t(p.language, "unit-mg", value=p.caffeine_limit_mg),
                lambda p: OpenIntakeSetting("limit")),
    SettingItem("intake-setting-every", lambda p, i: _hours(i, p.language, p.hydration_every_minutes),
                lambda p: OpenIntakeSetting("every")),
    SettingItem("intake-setting-reminders", _reminders_value, lambda p: OpenIntakeSetting("rem")),
]


async def open_editor(press: Press, which: str) -> None:
    """The editor of one intake setting; every preset is an absolute value."""
    profile, lang, t = press.person, press.lang, press.t
    back = [(t("intake-back"), ShowSettings().pack())]
    if which == "goal":
        presets = [(t("unit-ml", value=ml), SetGoal(ml).pack()) for ml in hydration.GOAL_PRESETS]
        rows = [presets[:2], presets[2:], [(t("intake-goal-weight"), AskWeight().pack()),
                                           (t("intake-type"), AskGoal().pack())], back]
        text = t("intake-edit-goal", goal=profile.water_goal_ml)
    elif which == "limit":
        presets = [(t("unit-mg", value=mg), SetLimit(mg).pack()) for mg in caffeine.LIMIT_PRESETS]
        rows = [presets[:2], presets[2:], [(t("intake-type"), AskLimit().pack())], back]
        text = t("intake-edit-limit", limit=profile.caffeine_limit_mg)
        if profile.pregnant:
            text += "\n\n" + t("care-limit-pregnant")
    elif which == "every":
        presets = [(_hours(press.svc.i18n, lang, m), SetEvery(m).pack()) for m in hydration.EVERY_PRESETS]
        rows = [presets[:2], presets[2:], back]
        text = t("intake-edit-every")
    else:
        rows = [[(t("intake-toggle-water", state=t(_state(profile.hydration_on))),
                  SetIntakeReminder("h", not profile.hydration_on).pack())],
                [(t("intake-toggle-caffeine", state=t(_state(profile.caffeine_reminder_on))),
                  SetIntakeReminder("f", not profile.caffeine_reminder_on).pack())], back]
        text = t("intake-edit-reminders")
    await press.edit(text, keyboard(rows))


def _state(on: bool) -> str:
    return "intake-on" if on else "intake-off"


async def _save_and_show(update: Update, context: Context, profile: Profile, *, replace: bool,
                         **values: object) -> None:
    updated = await services(context).save_settings(profile, **values)
    await settings_view.show_settings(update, context, updated, saved=True, replace=replace)


# ---- controls on every reminder -------------------------------------------------------
@on_press()
async def on_reminder_button(press: Press) -> None:
    """Snooze, or choose a gentler schedule; every choice is an absolute value (idempotent)."""
    svc, profile = press.svc, press.person
    now = svc.now()
    kinds = decode_kinds(press.button.kinds)  # type: ignore[attr-defined]
    if not kinds:
        await press.stale()
        return
    kind = reminder_kinds.get(kinds[0])
    match press.button:
        case Snooze():
            until = planner.snooze_until(profile, now)
            await svc.storage.reminders.snooze(profile.person_id, kinds, until)
            said = press.t("reminders-snoozed", time=_local_hhmm(profile, until))
            await press.answer(said)
            await press.edit(said)  # the reminder steps aside until it comes back
        case LessOften(kinds=codes):
            await press.answer()
            rows = [[(press.t(o.label_key, hours=o.value // 60, days=o.value), schedule_button(o, codes).pack())]
                    for o in kind.less_options]
            await press.send(press.t(kind.less_prompt_key), keyboard(rows))
        case EveryMinutes(value=minutes) if not kind.daily:
            await svc.save_settings(profile, hydration_every_minutes=minutes, hydration_on=True)
            await press.edit(press.t("reminders-now-every-hours", hours=minutes // 60))
        case EveryDays(value=days) if kind.daily and days <= kind.max_every_days:
            await svc.storage.reminders.set_every_days(profile.person_id, kind.name, days)
            await engine_of(svc).replan(profile, now)
            await press.edit(press.t("reminders-now-every-days", days=days))
        case TurnOff() if kind.off_switch is not None:
            await svc.save_settings(profile, **{kind.off_switch: False})
            await press.edit(press.t(kind.off_done_key))
        case _:
            await press.stale()


TEXT_INPUTS: dict[str, TextInput] = {ask().awaiting: _text_input(ask().awaiting)
                                     for ask in (AskWater, AskCaffeine, AskGoal, AskWeight, AskLimit)}
