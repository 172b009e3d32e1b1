"""Free text, shared locations, unknown commands and stale buttons.

Features register what free text they are waiting for under a key; the
person's `awaiting` column says which one applies. Registered last in group 0
so feature handlers see updates first.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, MessageHandler, filters

from coachbot.domain.profile import Profile

from . import questions
from .common import Context, answer, language_for, load_person, send, tr

TextInput = Callable[[Update, Context, Profile, str], Awaitable[None]]
TEXT_INPUTS: dict[str, TextInput] = {}
MAX_INPUT = 1000  # characters of free text we look at; longer input is refused kindly
GROUP = 0  # after every feature in registration order, so only unclaimed updates land here


def register_text_input(key: str, handler: TextInput) -> None:
    TEXT_INPUTS[key] = handler


async def on_text(update: Update, context: Context) -> None:
    """Route typed text to the question the person is answering."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    profile = await load_person(update, context)
    lang = language_for(update, profile)
    if profile is None:
        await send(update, context, tr(context, lang, "need-start"))
        return
    if len(message.text) > MAX_INPUT:
        await send(update, context, tr(context, lang, "error-too-long", limit=MAX_INPUT))
        return
    await dispatch(update, context, profile, message.text)


async def dispatch(update: Update, context: Context, profile: Profile, text: str) -> None:
    """Hand text to the question the person is answering, or say it wasn't understood.

    Also used after the safety layer (handlers/safety.py) stopped a text that turned out fine.
    """
    key = profile.awaiting
    if key in questions.COLUMN:
        await questions.on_text(update, context, profile, key, text)
    elif key in TEXT_INPUTS:
        await TEXT_INPUTS[key](update, context, profile, text)
    else:
        await send(update, context, tr(context, profile.language, "not-understood"))


async def on_location(update: Update, context: Context) -> None:
    """A shared location always means 'use my time zone'."""
    message = update.effective_message
    profile = await load_person(update, context)
    if message is None or message.location is None:
        return
    if profile is None:
        await send(update, context, tr(context, language_for(update, None), "need-start"))
        return
    await questions.on_location(update, context, profile, message.location.latitude, message.location.longitude)


async def on_unknown_command(update: Update, context: Context) -> None:
    """A /command no feature handles."""
    lang = language_for(update, await load_person(update, context))
    await send(update, context, tr(context, lang, "unknown-command"))


async def on_other_message(update: Update, context: Context) -> None:
    """Stickers, photos, voice...: say what we understand."""
    if update.effective_message is None or update.effective_chat is None:
        return
    lang = language_for(update, await load_person(update, context))
    await send(update, context, tr(context, lang, "not-understood"))


async def on_stale_button(update: Update, context: Context) -> None:
    """Any button no feature claimed: old, foreign or forged data."""
    lang = language_for(update, await load_person(update, context))
    await answer(update, tr(context, lang, "stale-button"))


def register(app: Application) -> None:
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, on_text), GROUP)
    app.add_handler(MessageHandler(filters.LOCATION & filters.ChatType.PRIVATE, on_location), GROUP)
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, on_unknown_command), GROUP)
    app.add_handler(CallbackQueryHandler(on_stale_button), GROUP)
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & ~filters.COMMAND & ~filters.TEXT
                                   & ~filters.LOCATION & ~filters.Document.ALL & ~filters.StatusUpdate.ALL,
                                   on_other_message), GROUP)
