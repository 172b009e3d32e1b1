"""/settings: show every preference with a button to change it.

Other features append SettingItem entries (water goal, caffeine limit, ...);
their buttons are handled by those features.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from coachbot.domain.profile import Profile
from coachbot.domain.timezones import local_clock
from coachbot.i18n import I18n

from . import codec, questions
from .common import Context, answer, edit, keyboard, require_person, send, services, tr

COMMANDS = ["settings"]


@dataclass(frozen=True)
class SettingItem:
    label_key: str                                      # catalog key of the row label
    value: Callable[[Profile, I18n], str]               # renders the current value
    callback: str                                       # button data that opens the editor


CORE_ITEMS = [
    SettingItem("setting-language", lambda p, i: questions.LANGUAGE_NAMES[p.language], codec.encode("set", "open", "lang")),
    SettingItem("setting-timezone", lambda p, i: p.timezone, codec.encode("set", "open", "tz")),
    SettingItem("setting-wake", lambda p, i: p.wake_time, codec.encode("set", "open", "wake")),
    SettingItem("setting-sleep", lambda p, i: p.sleep_time, codec.encode("set", "open", "sleep")),
    SettingItem("setting-checkin", lambda p, i: p.checkin_time, codec.encode("set", "open", "ci")),
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
    buttons = [(tr(context, lang, item.label_key), item.callback) for item in items]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append([(tr(context, lang, "settings-close"), codec.encode("set", "close"))])
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


async def on_button(update: Update, context: Context) -> None:
    """Open the editor of one setting, or close the view."""
    button = codec.decode(update.callback_query.data if update.callback_query else None)
    profile = await require_person(update, context)
    if profile is None or button is None:
        return
    await answer(update)
    if button.action == "close":
        await edit(update, context, tr(context, profile.language, "settings-closed"))
    elif button.action == "open" and button.arg(0) in questions.COLUMN:
        await questions.ask(update, context, profile, button.arg(0), replace=True)
    elif button.action == "show":
        await show_settings(update, context, profile, replace=True)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("settings", settings_command))
    app.add_handler(CallbackQueryHandler(on_button, pattern=codec.pattern("set")))
