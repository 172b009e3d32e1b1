"""Pregnant or breastfeeding? One optional question, asked once after setup and kept in /settings.

A "yes" keeps the caffeine limit in use at 200 mg a day or lower (domain/caffeine.limit_for,
applied when the profile is read, so every caffeine message and chart follows it).
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from coachbot.domain.profile import Profile
from coachbot.i18n import I18n

from . import settings_view
from .buttons import FROM_SETTINGS, FROM_SETUP, Pregnancy, PregnancyQuestion, ShowSettings
from .buttons import PREGNANCY_ANSWERS as ANSWERS
from .common import Context, keyboard, send, services
from .press import Press, on_press
from .settings_view import SettingItem


def _value(profile: Profile, i18n: I18n) -> str:
    state = {True: "yes", False: "no", None: "unset"}[profile.pregnant]
    return i18n.t(profile.language, f"care-value-{state}")


SETTING = SettingItem("setting-pregnancy", _value, lambda p: PregnancyQuestion())


def question(i18n: I18n, lang: str, origin: str) -> tuple[str, InlineKeyboardMarkup]:
    rows = [[(i18n.t(lang, f"care-pregnancy-{a}"), Pregnancy(a, origin).pack()) for a in ANSWERS]]
    if origin == FROM_SETTINGS:
        rows.append([(i18n.t(lang, "intake-back"), ShowSettings().pack())])
    return i18n.t(lang, "care-pregnancy-q"), keyboard(rows)


async def ask_after_setup(update: Update, context: Context, profile: Profile) -> None:
    """The one-time question, as its own message right after "All set!" (skippable)."""
    if profile.pregnant is None:
        await send(update, context, *question(services(context).i18n, profile.language, FROM_SETUP))


@on_press()
async def on_button(press: Press) -> None:
    svc, profile = press.svc, press.person
    await press.answer()
    match press.button:
        case PregnancyQuestion():
            await press.edit(*question(svc.i18n, press.lang, FROM_SETTINGS))
        case Pregnancy(answer=choice, origin=origin):
            if choice != "skip":
                profile = await svc.save_settings(profile, pregnant=choice == "yes")
            if origin == FROM_SETTINGS:
                await settings_view.show_settings(press.update, press.context, profile, saved=choice != "skip",
                                                  replace=True)
            elif choice == "skip":
                await press.edit(press.t("care-pregnancy-skipped"))
            else:
                await press.edit(press.t(f"care-pregnancy-saved-{choice}", limit=profile.caffeine_limit_mg))
