"""/settings: show every preference with a button to change it.

Other features append SettingItem entries (water goal, caffeine limit, ...);
their buttons are handled by those features.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from coachbot.codec import Button, pattern
from coachbot.domain.profile import Profile
from coachbot.domain.timezones import describe_zone, local_clock
from coachbot.i18n import I18n

from . import questions
from .buttons import CloseSettings, OpenSetting, ShowSettings
from .common import Context, edit, keyboard, require_person, send, services, tr
from .press import Press, on_press

COMMANDS = ["settings"]


@dataclass(frozen=True)
class SettingItem:
    label_key: str                                      # catalog key of the row label
    value: Callable[[Profile, I18n], str]               # renders the current value
    button: Callable[[Profile], Button]                 # the button that opens its editor (or sets it)


CORE_ITEMS = [
    SettingItem("setting-language", lambda p, i: questions.LANGUAGE_NAMES[p.language], lambda p: OpenSetting("lang")),
    SettingItem("setting-timezone", lambda p, i: describe_zone(p.timezone), lambda p: OpenSetting("tz")),
    SettingItem("setting-wake", lambda p, i: p.wake_time, lambda p: OpenSetting("wake")),
    SettingItem("setting-sleep", lambda p, i: p.sleep_time, lambda p: OpenSetting("sleep")),
    SettingItem("setting-checkin", lambda p, i: p.checkin_time, lambda p: OpenSetting("ci")),
]
EXTRA_ITEMS: list[SettingItem] = []  # appended by other features' register()


def render(context: Context, profile: Profile, saved: bool) -> tuple[str, InlineKeyboardMarkup]:
    svc = services(context)
    lang = profile.language
    items = CORE_ITEMS + EXTRA_ITEMS
    lines = [tr(context, lang, "settings-title", time=local_clock(profile.timezone, svc.now()))]
    if saved:
        lines.insert(0, tr(context, lang, "settings-saved"))
    for item in items:
        lines.append(tr(context, lang, "settings-line", label=tr(context, lang, item.label_key),
                        value=item.value(profile, svc.i18n)))
    buttons = [(tr(context, lang, item.label_key), item.button(profile).pack()) for item in items]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append([(tr(context, lang, "settings-close"), CloseSettings().pack())])
    return "\n".join(lines), keyboard(rows)


async def show_settings(update: Update, context: Context, profile: Profile, *, saved: bool = False,
                        replace: bool = False) -> None:
    text, markup = render(context, profile, saved)
    if replace:
        await edit(update, context, text, markup)
    else:
        await send(update, context, text, markup)


async def settings_command(update: Update, context: Context) -> None:
    """Show the settings view."""
    profile = await require_person(update, context)
    if profile is not None:
        await services(context).storage.people.set_state(profile.person_id, services(context).now(), awaiting=None)
        await show_settings(update, context, profile)


@on_press()
async def on_button(press: Press) -> None:
    """Open the editor of one setting, show the view again, or close it."""
    match press.button:
        case CloseSettings():
            await press.edit(press.t("settings-closed"))
        case OpenSetting(field=field):
            await press.answer()
            await questions.ask(press.update, press.context, press.person, field, replace=True)
        case ShowSettings():
            await show_settings(press.update, press.context, press.person, replace=True)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("settings", settings_command))
    app.add_handler(CallbackQueryHandler(on_button, pattern=pattern(OpenSetting.FEATURE)))
