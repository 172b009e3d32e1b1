"""Free text, shared locations, unknown commands and stale buttons.

What free text each feature waits for is listed in app.py (Services.text_inputs,
by the key in the person's `awaiting` column). Registered last in group 0 so
feature handlers see updates first.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from coachbot.domain import freetext
from coachbot.domain.profile import Profile
from coachbot.domain.waking import day_part

from . import questions
from .buttons import CheckinNow
from .checkin import checkin_command
from .common import Context, answer, keyboard, language_for, load_person, send, services, tr

MAX_INPUT = 1000  # characters of free text we look at; longer input is refused kindly
GROUP = 0  # after every feature in registration order, so only unclaimed updates land here


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
    elif key is not None and key in (inputs := services(context).text_inputs):
        await inputs[key](update, context, profile, text)
    else:
        await on_unclaimed_text(update, context, profile, text)


async def on_unclaimed_text(update: Update, context: Context, profile: Profile, text: str) -> None:
    """Text that answers no question: a greeting or twitches get today's check-in offered."""
    lang = profile.language
    kind = freetext.classify(text) if profile.onboarded else None
    if kind is None:
        await send(update, context, tr(context, lang, "not-understood"))
        return
    key = "freetext-greeting" if kind == "greeting" else "freetext-twitches"
    part = day_part(profile.local_now(services(context).now()).hour)
    rows = [[(tr(context, lang, "freetext-checkin-button"), CheckinNow().pack())]]
    await send(update, context, tr(context, lang, key, part=part), keyboard(rows))


async def on_button(update: Update, context: Context) -> None:
    """"Check in now" under a greeting: the same as /checkin."""
    await answer(update)
    await checkin_command(update, context)


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
    """A /command no feature handles; a near miss gets "did you mean /checkin?"."""
    lang = language_for(update, await load_person(update, context))
    message = update.effective_message
    guess = freetext.suggest_command(message.text or "", known_commands(context)) if message else None
    if guess:
        await send(update, context, tr(context, lang, "unknown-command-guess", command=f"/{guess}"))
    else:
        await send(update, context, tr(context, lang, "unknown-command"))


async def run_command(update: Update, context: Context, name: str, args: list[str]) -> None:
    """Run /name with `args` as if it had just been typed (the safety layer held it back first).

    Only the features' own commands (group 0 and later); an unknown name does nothing.
    """
    for group in sorted(g for g in context.application.handlers if g >= 0):
        for handler in context.application.handlers[group]:
            if isinstance(handler, CommandHandler) and name in handler.commands:
                context.args = args
                await handler.callback(update, context)
                return


def known_commands(context: Context) -> frozenset[str]:
    """Every /command some feature registered (read once from the Application's handlers)."""
    cached = context.application.bot_data.get("_known_commands")
    if cached is None:
        cached = frozenset(c for handlers in context.application.handlers.values() for h in handlers
                           if isinstance(h, CommandHandler) for c in h.commands)
        context.application.bot_data["_known_commands"] = cached
    return cached


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
