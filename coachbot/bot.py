"""The bot object the application uses: PTB's ExtBot minus the parsing of results nobody reads.

After every edit Telegram sends back the whole edited message, and PTB turns it
into a `Message` object (with its chat, sender, entities and keyboard) that
coachbot never looks at: measured at about a fifth of the bot's CPU while
people tap through check-ins (bench/updates.py). For the endpoints below the
result is reported as `True`, which PTB already returns for edits of inline
messages, so the call still fails loudly on any error (400, 403, 429, ...). The same
goes for reminders (messages sent inside `pacer.background_sends()`): the sender only
needs to know that Telegram accepted them.

Incoming updates are parsed by PTB too: a button press carries the whole message the
button sits on (its text, entities, sender, keyboard), and building those objects was most
of parsing such an update. coachbot reads only the message's id and chat (what an edit
needs) and its date (zero once Telegram hides a message over two days old): updates fetched
by `getUpdates` keep just those three, and tests/test_bot.py checks no handler reads more.
(In webhook mode PTB parses the request itself.)
"""

from __future__ import annotations

from typing import Any

from telegram.ext import ExtBot

from .pacer import in_background

# Endpoints whose returned Message coachbot never reads (checked by tests/test_bot.py).
RESULT_UNREAD = frozenset({"editMessageText", "editMessageReplyMarkup", "editMessageCaption"})


PRESSED_MESSAGE_KEPT = ("message_id", "chat", "date")


def lean_pressed_messages(updates: Any) -> Any:
    """Raw updates whose pressed message keeps only PRESSED_MESSAGE_KEPT (see above)."""
    if isinstance(updates, list):
        for update in updates:
            query = update.get("callback_query") if isinstance(update, dict) else None
            if isinstance(query, dict) and isinstance(message := query.get("message"), dict):
                query["message"] = {key: message[key] for key in PRESSED_MESSAGE_KEPT if key in message}
    return updates


class LeanBot(ExtBot):
    """ExtBot that answers `True` for the edits in RESULT_UNREAD and keeps little of pressed messages."""

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint == "getUpdates":
            return lean_pressed_messages(result)
        if isinstance(result, dict) and (endpoint in RESULT_UNREAD
                                         or endpoint == "sendMessage" and in_background()):
            return True
        return result
