"""Pregnant or breastfeeding? One optional question, asked once after setup and kept in /settings.

A "yes" keeps the caffeine limit in use at 200 mg a day or lower (domain/caffeine.limit_for,
applied when the profile is read, so every caffeine message and chart follows it).
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler

from coachbot.domain.profile import Profile
from coachbot.i18n import I18n

from . import codec, settings_menu
from .common import Context, answer, edit, keyboard, pressed, send, services, tr
from .settings_menu import SettingItem

FEATURE = "care"
ANSWERS = ("yes", "no", "skip")
FROM_SETUP, FROM_SETTINGS = "o", "s"


def _value(profile: Profile, i18n: I18n) -> str:
    state = {True: "yes", False: "no", None: "unset"}[profile.pregnant]
    return i18n.t(profile.language, f"care-value-{state}")


SETTING = SettingItem("setting-pregnancy", _value, codec.encode(FEATURE, "ask"))


def question(i18n: I18n, lang: str, origin: str) -> tuple[str, InlineKeyboardMarkup]:
    rows = [[(i18n.t(lang, f"care-pregnancy-{a}"), codec.encode(FEATURE, "preg", a, origin)) for a in ANSWERS]]
    if origin == FROM_SETTINGS:
        rows.append([(i18n.t(lang, "intake-back"), codec.encode("set", "show"))])
    return i18n.t(lang, "care-pregnancy-q"), keyboard(rows)


async def ask_after_setup(update: Update, context: Context, profile: Profile) -> None:
    """The one-time question, as its own message right after "All set!" (skippable)."""
    if profile.pregnant is None:
        await send(update, context, *question(services(context).i18n, profile.language, FROM_SETUP))


async def on_button(update: Update, context: Context) -> None:
    got = await pressed(update, context)
    if got is None:
        return
    button, profile = got
    svc = services(context)
    lang = profile.language
    choice, origin = button.arg(0), button.arg(1)
    if button.action == "ask":
        await answer(update)
        await edit(update, context, *question(svc.i18n, lang, FROM_SETTINGS))
        return
    if button.action != "preg" or choice not in ANSWERS or origin not in (FROM_SETUP, FROM_SETTINGS):
        await answer(update, tr(context, lang, "stale-button"))
        return
    await answer(update)
    if choice != "skip":
        await svc.storage.people.update_settings(profile.person_id, pregnant=choice == "yes")
        updated = await svc.storage.people.get(profile.person_id)
        assert updated is not None
        await svc.hooks.emit("settings_changed", updated, svc.now())
        profile = updated
    if origin == FROM_SETTINGS:
        await settings_menu.show_settings(update, context, profile, saved=choice != "skip", replace=True)
    elif choice == "skip":
        await edit(update, context, tr(context, lang, "care-pregnancy-skipped"))
    else:
        await edit(update, context, tr(context, lang, f"care-pregnancy-saved-{choice}",
                                       limit=profile.caffeine_limit_mg))


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(on_button, pattern=codec.pattern(FEATURE)))
    if SETTING not in settings_menu.EXTRA_ITEMS:
        settings_menu.EXTRA_ITEMS.append(SETTING)
