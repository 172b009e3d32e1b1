"""Small helpers every feature's handlers share: services, the person, replies, keyboards."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

from telegram import (
    ForceReply,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from coachbot.bot import sent_unread
from coachbot.domain.emergency import numbers_for_zone
from coachbot.domain.profile import Profile
from coachbot.htmltext import truncate_html
from coachbot.i18n import I18n, pick_language
from coachbot.markup import Keyboard
from coachbot.runtime import Services

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE
Rows = Sequence[Sequence[tuple[str, str]]]
TextInput = Callable[[Update, Context, Profile, str], Awaitable[None]]   # reads a typed answer
MAX_TEXT = 4096
ACTION_REPEAT_S = 4.5  # Telegram shows a chat action for about 5 s, so longer work repeats it


def services(context: Context) -> Services:
    return context.application.bot_data["services"]


def keyboard(rows: Rows) -> InlineKeyboardMarkup:
    """[[(label, callback_data), ...], ...] -> an inline keyboard (a `markup.Keyboard`: buttons built only when read)."""
    return Keyboard(rows)


async def load_person(update: Update, context: Context) -> Profile | None:
    user = update.effective_user
    if user is None:
        return None
    return await services(context).storage.people.get(user.id)


def language_for(update: Update, profile: Profile | None) -> str:
    if profile is not None:
        return profile.language
    user = update.effective_user
    return pick_language(user.language_code if user else None)


async def person_and_language(update: Update, context: Context) -> tuple[Profile | None, str]:
    """The person (None before /start or after /delete) and the language to answer them in."""
    profile = await load_person(update, context)
    return profile, language_for(update, profile)


def tr(context: Context, lang: str, key: str, **args: object) -> str:
    return services(context).i18n.t(lang, key, **args)


def local_number(i18n: I18n, lang: str, zone: str | None) -> str:
    """"112", "103 / 112", or "your local emergency number (112 in Europe, …)" when the zone says no country."""
    return i18n.t(lang, "safety-number", number=numbers_for_zone(zone).emergency or "unknown")


ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply


async def send(update: Update, context: Context, text: str, markup: ReplyMarkup | None = None) -> None:
    """Send a new HTML message to the person's chat (nothing reads it back: PTB need not parse it)."""
    chat = update.effective_chat
    if chat is None:
        return
    with sent_unread():
        await context.bot.send_message(chat.id, truncate_html(text), parse_mode=ParseMode.HTML,
                                       reply_markup=markup, disable_web_page_preview=True)


# Telegram's reasons for refusing an edit where a new message is the right answer.
_UNEDITABLE = ("no text in the message", "message can't be edited", "message to edit not found")


async def edit(update: Update, context: Context, text: str,
               markup: InlineKeyboardMarkup | None = None) -> None:
    """Edit the message whose button was pressed; a repeated identical edit is not an error.

    A message that cannot take text (a chart or a file the button sits under), is too old to
    edit or is gone gets the answer as a new message instead, so a tap is never left unanswered.
    So does a message older than two days, which Telegram no longer shows the bot: it sits far up
    the chat, and an edit there would go unseen.
    """
    query = update.callback_query
    if query is None or query.message is None or not query.message.is_accessible:
        await send(update, context, text, markup)
        return
    try:
        await query.edit_message_text(truncate_html(text), parse_mode=ParseMode.HTML, reply_markup=markup,
                                      disable_web_page_preview=True)
    except BadRequest as exc:
        reason = str(exc).lower()
        if "not modified" in reason:
            return
        if not any(cause in reason for cause in _UNEDITABLE):
            raise
        await send(update, context, text, markup)



async def answer(update: Update, text: str | None = None, alert: bool = False) -> None:
    """Answer a callback query; an expired query id or a failed answer is harmless.

    The answer only stops the button's spinner (and shows a toast): when Telegram refuses it
    or does not take it, what the press did is still done and shown, so the person gets no
    apology for it.
    """
    query = update.callback_query
    if query is None:
        return
    try:
        await query.answer(text, show_alert=alert)
    except BadRequest:
        log.debug("callback query already answered or too old")
    except TelegramError as exc:
        log.warning("could not answer a callback query: %s", type(exc).__name__)


async def require_person(update: Update, context: Context) -> Profile | None:
    """The onboarded person, or None after telling them what to do first."""
    profile, lang = await person_and_language(update, context)
    if profile is None:
        await answer(update)
        await send(update, context, tr(context, lang, "need-start"))
        return None
    if not profile.onboarded:
        await answer(update)
        await send(update, context, tr(context, lang, "finish-setup-first"))
        return None
    return profile


async def typed_answer(update: Update, context: Context, profile: Profile, value: object, bad_key: str) -> bool:
    """True, and the question closed (people.awaiting), when a typed answer was read (`value` not
    None); otherwise False after saying `bad_key`, and the question stays open."""
    if value is None:
        await send(update, context, tr(context, profile.language, bad_key))
        return False
    svc = services(context)
    await svc.storage.people.set_state(profile.person_id, svc.now(), awaiting=None)
    return True


@contextlib.asynccontextmanager
async def working(context: Context, chat_id: int, action: str) -> AsyncIterator[None]:
    """Show Telegram's chat action ("uploading a photo…", "typing…") while the work inside runs."""

    async def keep_showing() -> None:
        while True:
            try:
                await context.bot.send_chat_action(chat_id, action)
            except TelegramError:  # a lost status line must never fail the work itself
                log.debug("chat action not sent", exc_info=True)
            await asyncio.sleep(ACTION_REPEAT_S)

    task = asyncio.create_task(keep_showing())
    await asyncio.sleep(0)  # let the first action go out before the work starts
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
