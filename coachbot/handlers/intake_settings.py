"""The water and caffeine rows of /settings: daily goal, caffeine limit, reminder interval, switches.

Every preset carries the value it sets; "type it" asks for a number (people.awaiting).
"""

from __future__ import annotations

from telegram import Update

from coachbot.domain import caffeine, hydration, reminder_kinds
from coachbot.domain.profile import Profile
from coachbot.i18n import I18n

from . import settings_view
from .buttons import (
    AskAmount,
    AskGoal,
    AskLimit,
    AskWeight,
    OpenIntakeSetting,
    SetEvery,
    SetGoal,
    SetIntakeReminder,
    SetLimit,
    ShowSettings,
)
from .common import Context, TextInput, keyboard, send, services, tr, typed_answer
from .press import Press, on_press
from .settings_view import SettingItem


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


@on_press()
async def on_button(press: Press) -> None:
    """Open an editor, or set a value from a preset or a switch."""
    update, context, profile = press.update, press.context, press.person
    match press.button:
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
        case AskAmount() as ask:
            await press.answer()
            await press.svc.storage.people.set_state(profile.person_id, press.svc.now(), awaiting=ask.awaiting)
            await press.send(press.t(f"intake-ask-{ask.ACTION}"))


async def on_typed_goal(update: Update, context: Context, profile: Profile, text: str) -> None:
    ml = _in_range(hydration.parse_amount_ml(text, hydration.MAX_GOAL_ML), hydration.MIN_GOAL_ML,
                   hydration.MAX_GOAL_ML)
    if await _typed(update, context, profile, ml, AskGoal):
        await _save_and_show(update, context, profile, replace=False, water_goal_ml=ml)


async def on_typed_weight(update: Update, context: Context, profile: Profile, text: str) -> None:
    kg = hydration.parse_weight_kg(text)
    if await _typed(update, context, profile, kg, AskWeight):
        goal = hydration.goal_from_weight(float(kg))  # type: ignore[arg-type]
        await send(update, context, tr(context, profile.language, "intake-goal-from-weight", goal=goal))
        await _save_and_show(update, context, profile, replace=False, water_goal_ml=goal)


async def on_typed_limit(update: Update, context: Context, profile: Profile, text: str) -> None:
    mg = _in_range(0 if text.strip() == "0" else caffeine.parse_mg(text), 0, caffeine.DEFAULT_LIMIT_MG)
    if await _typed(update, context, profile, mg, AskLimit):
        await _save_and_show(update, context, profile, replace=False, caffeine_limit_mg=mg)


async def _typed(update: Update, context: Context, profile: Profile, value: object,
                 asked: type[AskAmount]) -> bool:
    return await typed_answer(update, context, profile, value, f"intake-bad-{asked.ACTION}")


def _in_range(value: int | None, lo: int, hi: int) -> int | None:
    return value if value is not None and lo <= value <= hi else None


TEXT_INPUTS: dict[str, TextInput] = {AskGoal().awaiting: on_typed_goal, AskWeight().awaiting: on_typed_weight,
                                     AskLimit().awaiting: on_typed_limit}
