"""The bot object the application uses: PTB's ExtBot minus the parsing of results nobody reads.

After every edit Telegram sends back the whole edited message, and PTB turns it
into a `Message` object (with its chat, sender, entities and keyboard) that
coachbot never looks at: measured at about a fifth of the bot's CPU while
people tap through check-ins (bench/updates.py). For the endpoints below the
result is reported as `True`, which PTB already returns for edits of inline
messages, so the call still fails loudly on any error (400, 403, 429, ...). The same
goes for reminders (messages sent inside `pacer.background_sends()`): the sender only
needs to know that Telegram accepted them.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import ExtBot

from .pacer import in_background

# Endpoints whose returned Message coachbot never reads (checked by tests/test_bot.py).
RESULT_UNREAD = frozenset({"editMessageText", "editMessageReplyMarkup", "editMessageCaption"})


class LeanBot(ExtBot):
    """ExtBot that answers `True` instead of a parsed Message for the edits in RESULT_UNREAD."""

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if isinstance(result, dict) and (endpoint in RESULT_UNREAD
                                         or endpoint == "sendMessage" and in_background()):
            return True
        return result
