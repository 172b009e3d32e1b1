"""The /settings view: every preference with a button to change it.

The profile questions come first (CORE_ITEMS); the rows other features contribute (water
goal, caffeine limit, ...) are listed in app.py (Services.setting_items), and their buttons
are handled by those features. `handlers/settings_menu.py` answers /settings and its buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Update

from coachbot.codec import Button
from coachbot.domain.profile import Profile
from coachbot.domain.timezones import describe_zone, local_clock
from coachbot.i18n import LANGUAGE_NAMES, I18n

from .buttons import CloseSettings, OpenSetting
from .common import Context, edit, keyboard, send, services, tr


@dataclass(frozen=True)
class SettingItem:
    label_key: str                                      # catalog key of the row label
    value: Callable[[Profile, I18n], str]               # renders the current value
    button: Callable[[Profile], Button]                 # the button that opens its editor (or sets it)


CORE_ITEMS = [
    SettingItem("setting-language", lambda p, i: LANGUAGE_NAMES[p.language], lambda p: OpenSetting("lang")),
    SettingItem("setting-timezone", lambda p, i: describe_zone(p.timezone), lambda p: OpenSetting("tz")),
    SettingItem("setting-wake", lambda p, i: p.wake_time, lambda p: OpenSetting("wake")),
    SettingItem("setting-sleep", lambda p, i: p.sleep_time, lambda p: OpenSetting("sleep")),
    SettingItem("setting-checkin", lambda p, i: p.checkin_time, lambda p: OpenSetting("ci")),
]


def render(context: Context, profile: Profile, saved: bool) -> tuple[str, InlineKeyboardMarkup]:
    svc = services(context)
    lang = profile.language
    items = CORE_ITEMS + svc.setting_items
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
