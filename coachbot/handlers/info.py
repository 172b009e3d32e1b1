"""/help and /privacy: what the bot does, what it stores and how to take it back."""

from __future__ import annotations

from telegram import Update

from .common import Context, language_for, load_person, send, tr


async def help_command(update: Update, context: Context) -> None:
    """List what the bot can do."""
    lang = language_for(update, await load_person(update, context))
    await send(update, context, tr(context, lang, "help"))


async def privacy_command(update: Update, context: Context) -> None:
    """Explain what is stored, why, and how to export or delete it."""
    lang = language_for(update, await load_person(update, context))
    await send(update, context, tr(context, lang, "privacy"))
