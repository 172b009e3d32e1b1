"""The bot object the application uses: PTB's ExtBot minus the parsing of results nobody reads.

After every edit Telegram sends back the whole edited message, and PTB turns it
into a `Message` object (with its chat, sender, entities and keyboard) that
coachbot never looks at: measured at about a fifth of the bot's CPU while
people tap through check-ins (bench/updates.py). For the endpoints below the
result is reported as `True`, which PTB already returns for edits of inline
messages, so the call still fails loudly on any error (400, 403, 429, ...). The same
goes for reminders (messages sent inside `pacer.background_sends()`): the sender only
needs to know that Telegram accepted them; and for the handlers' own messages, sent through
`handlers.common.send` inside `sent_unread()`.

Incoming updates are parsed by PTB too: a button press carries the whole message the
button sits on (its text, entities, sender, keyboard), and building those objects was most
of parsing such an update. coachbot reads only the message's id and chat (what an edit
needs) and its date (zero once Telegram hides a message over two days old): updates fetched
by `getUpdates` keep just those three, and tests/test_bot.py checks no handler reads more.
A press of that usual shape is then built directly (`parse_update`, `PressedMessage`) rather
than through PTB's generic parser, which sets a `Message`'s hundred-odd attributes one by one:
~230 against ~85 µs per press on a slow machine. Anything else goes through PTB. (In webhook
mode PTB parses the request itself.)

Calls going out are built by PTB too: each parameter becomes a `RequestParameter` (checked
for files, dates, enums and objects one by one) before the transport sends the lot as JSON.
A call whose parameters are all plain values, enums or markup objects (every answer, edit and
message the bot sends) skips that step (`plain_parameters`), through the same rate limiter;
anything else (a file, a date) goes PTB's way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from contextvars import ContextVar
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from telegram import (
    CallbackQuery,
    Chat,
    ForceReply,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    MaybeInaccessibleMessage,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
    User,
)
from telegram.constants import ZERO_DATE
from telegram.ext import ExtBot
from telegram.request import BaseRequest

from .pacer import flagged, in_background
from .telegram_http import AiohttpRequest, NotGiven, PlainCall

# Endpoints whose returned Message coachbot never reads (checked by tests/test_bot.py).
RESULT_UNREAD = frozenset({"editMessageText", "editMessageReplyMarkup", "editMessageCaption"})
_sent_unread: ContextVar[bool] = ContextVar("coachbot_sent_unread", default=False)


def sent_unread() -> contextlib.AbstractContextManager[None]:
    """Messages sent inside are reported as `True`: the caller never reads the Message back."""
    return flagged(_sent_unread)


PRESSED_MESSAGE_KEPT = ("message_id", "chat", "date")


def lean_pressed_messages(updates: Any) -> Any:
    """Raw updates whose pressed message keeps only PRESSED_MESSAGE_KEPT (see above)."""
    if isinstance(updates, list):
        for update in updates:
            query = update.get("callback_query") if isinstance(update, dict) else None
            if isinstance(query, dict) and isinstance(message := query.get("message"), dict):
                query["message"] = {key: message[key] for key in PRESSED_MESSAGE_KEPT if key in message}
    return updates


# The press `parse_update` builds itself: these fields, `data` or not (anything else goes to PTB).
PRESS_KEYS = frozenset({"id", "from", "chat_instance", "message"})


class PressedMessage(Message):
    """The message under a pressed button as coachbot reads it: its id, chat and date are set,
    and every other field reads as PTB's value for a message without it (None, an empty tuple),
    the same as PTB's parse of the trimmed message gave, but without setting them one by one."""

    __slots__ = ()

    def __init__(self, chat: Chat, message_id: int, date: datetime) -> None:
        MaybeInaccessibleMessage.__init__(self, chat=chat, message_id=message_id, date=date)

    def __getattr__(self, name: str) -> Any:
        # Only reached for the slots __init__ left unset (a missing slot raises AttributeError first).
        try:
            return _MESSAGE_DEFAULTS[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}") from None


def _message_defaults() -> dict[str, Any]:
    blank = Message(message_id=0, date=ZERO_DATE, chat=Chat(0, Chat.PRIVATE))
    names = {name for cls in Message.__mro__ for name in getattr(cls, "__slots__", ())}
    return {name: getattr(blank, name) for name in names - {"chat", "message_id", "date"} if hasattr(blank, name)}


_MESSAGE_DEFAULTS = _message_defaults()


def parse_update(raw: dict[str, Any], bot: ExtBot) -> Update:
    """`Update.de_json`, with a short way for a button press under a message (see above)."""
    query: Any = raw.get("callback_query")
    message: Any = query.get("message") if type(query) is dict else None
    if len(raw) != 2 or type(message) is not dict or message.keys() != set(PRESSED_MESSAGE_KEPT) \
            or query.keys() - {"data"} != PRESS_KEYS:
        return Update.de_json(raw, bot)
    stamp = message["date"]
    tz = bot.defaults.tzinfo if bot.defaults else None
    pressed = PressedMessage(chat=Chat.de_json(message["chat"], bot), message_id=message["message_id"],
                             date=datetime.fromtimestamp(stamp, tz or UTC) if stamp else ZERO_DATE)
    press = CallbackQuery(id=query["id"], from_user=User.de_json(query["from"], bot),
                          chat_instance=query["chat_instance"], message=pressed,
                          data=query.get("data"))
    update = Update(raw["update_id"], callback_query=press)
    for made in (pressed, press, update):
        made.set_bot(bot)
    return update


PLAIN = (str, int, float, bool)        # exact types: JSON as they are
SENT_AS_DICT = (InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove, ForceReply, LinkPreviewOptions)


def plain_parameters(data: dict[str, Any]) -> dict[str, Any] | None:
    """What PTB's RequestParameters would send for `data`, or None if it holds anything else."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if type(value) in PLAIN:
            out[key] = value
        elif isinstance(value, Enum) and type(value.value) in PLAIN:    # ParseMode.HTML and the like
            out[key] = value.value
        elif isinstance(value, SENT_AS_DICT):
            out[key] = value.to_dict()
        elif type(value) in (list, tuple) and all(type(item) is str for item in value):
            out[key] = list(value)
        else:   # files, dates, other objects: PTB converts them
            return None
    return out


class LeanBot(ExtBot):
    """ExtBot that answers `True` for the edits in RESULT_UNREAD and keeps little of pressed messages."""

    async def get_updates(self, offset: int | None = None, limit: int | None = None,
                          timeout: Any = None, allowed_updates: Sequence[str] | None = None, *,
                          read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
                          connect_timeout: Any = BaseRequest.DEFAULT_NONE, pool_timeout: Any = BaseRequest.DEFAULT_NONE,
                          api_kwargs: dict[str, Any] | None = None) -> tuple[Update, ...]:
        """PTB's `get_updates` (a long poll's read timeout includes the poll), parsed by `parse_update`."""
        if isinstance(read_timeout, NotGiven):
            read_timeout = self._request[0].read_timeout
        seconds = timeout.total_seconds() if hasattr(timeout, "total_seconds") else timeout or 0
        raw = await self._post("getUpdates", {"timeout": timeout, "offset": offset, "limit": limit,
                                              "allowed_updates": allowed_updates},
                               read_timeout=(read_timeout or 0) + seconds, write_timeout=write_timeout,
                               connect_timeout=connect_timeout, pool_timeout=pool_timeout,
                               api_kwargs=api_kwargs)
        updates = tuple(parse_update(item, self) for item in raw)
        for update in updates:
            self.insert_callback_data(update)
        return updates

    async def _do_post(self, endpoint: str, data: dict[str, Any], **timeouts: Any) -> Any:
        request = self._request[0] if endpoint == "getUpdates" else self._request[1]
        plain = plain_parameters(data) if isinstance(request, AiohttpRequest) else None
        if plain is None:
            return await super()._do_post(endpoint, data, **timeouts)
        if endpoint == "getUpdates" or self.rate_limiter is None:   # as ExtBot._do_post
            return await self._send_plain(request, endpoint, plain, **timeouts)
        return await self.rate_limiter.process_request(callback=self._send_plain, args=(request, endpoint, plain),
                                                       kwargs=timeouts, endpoint=endpoint, data=data,
                                                       rate_limit_args=None)

    async def _send_plain(self, request: BaseRequest, endpoint: str, parameters: dict[str, Any],
                          **timeouts: Any) -> Any:
        return await request.post(url=f"{self._base_url}/{endpoint}",
                                  request_data=PlainCall(parameters),  # type: ignore[arg-type]
                                  **timeouts)

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint == "getUpdates":
            return lean_pressed_messages(result)
        if isinstance(result, dict) and (endpoint in RESULT_UNREAD or endpoint == "sendMessage"
                                         and (in_background() or _sent_unread.get())):
            return True
        return result
