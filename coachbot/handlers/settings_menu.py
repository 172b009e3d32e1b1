"""/settings and its buttons: open one setting's question, show the view again, or close it."""

from __future__ import annotations

from telegram import Update

from . import questions
from .buttons import CloseSettings, OpenSetting, ShowSettings
from .common import Context, require_person, services
from .press import Press, on_press
from .settings_view import show_settings


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
