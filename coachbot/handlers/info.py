"""/help and /privacy: what the bot does, what it stores and how to take it back."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from .common import Context, language_for, load_person, send, tr

COMMANDS = ["help", "privacy"]


async def help_command(update: Update, context: Context) -> None:
    """List what the bot can do."""
    lang = language_for(update, await load_person(update, context))
    await send(update, context, tr(context, lang, "help"))


async def privacy_command(update: Update, context: Context) -> None:
    """Explain what is stored, why, and how to export or delete it."""
    lang = language_for(update, await load_person(update, context))
    await send(update, context, tr(context, lang, "privacy"))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("help", help_command))
    app.add_handler(CommandHandler("privacy", privacy_command))
