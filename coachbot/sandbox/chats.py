"""The chat and message model: people, their private chats, messages both ways, and the
queue of updates the bot fetches.

Why: this is the state a test inspects ("what did the bot send to this person?") and the
state every Bot API method reads or changes; HTTP and limits live elsewhere.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .models import ApiError, BotMessage

# Telegram stops showing a bot the message under a pressed button once it is older than this:
# the callback query then carries an InaccessibleMessage (chat, message_id and date 0) instead.
INACCESSIBLE_AFTER_S = 48 * 3600

if TYPE_CHECKING:
    from .user import SandboxUser

__all__ = ["Chats", "Content"]

MessageListener = Callable[[BotMessage], None]


@dataclass(frozen=True)
class Content:
    """What an edit sets: the text as sent (``raw``) and as parsed, and the keyboard."""

    raw: str | None
    parse_mode: str | None
    text: str | None
    entities: list[dict[str, Any]]
    markup: dict[str, Any] | None

    def same_as(self, msg: BotMessage) -> bool:
        return (msg.text, msg.entities, msg.reply_markup) == (self.text, self.entities, self.markup)


class Chats:
    """Every chat's messages and the pending updates, with one ``notify`` on each change."""

    def __init__(self, bot_user: dict[str, Any], notify: Callable[[], None]) -> None:
        self.bot_user = bot_user
        self.notify = notify
        self.users: dict[int, SandboxUser] = {}
        self.bot_messages: dict[int, dict[int, BotMessage]] = {}
        self.user_messages: dict[int, dict[int, dict[str, Any]]] = {}
        self.updates: list[dict[str, Any]] = []
        self.delivered_upto = 0
        self.allowed_updates: set[str] | None = None
        self.queries: dict[str, SandboxUser] = {}
        self.sent_at: list[tuple[float, int]] = []  # (monotonic time, chat id) per send or edit
        self.on_message: list[MessageListener] = []  # called after every send and edit
        self._msg_counter: dict[int, itertools.count[int]] = {}
        self._update_ids = itertools.count(1)
        self._query_counter = itertools.count(1)

    # ------------------------------------------------------------ messages
    def next_message_id(self, chat_id: int) -> int:
        counter = self._msg_counter.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def of_chat(self, chat_id: int) -> list[BotMessage]:
        """Bot messages in a chat, oldest first, deleted ones left out."""
        return [m for m in self.bot_messages.get(chat_id, {}).values() if not m.deleted]

    def last_id(self, chat_id: int) -> int:
        return max(self.bot_messages.get(chat_id, {}), default=0)

    def add_user_message(self, chat_id: int, message: dict[str, Any]) -> None:
        self.user_messages.setdefault(chat_id, {})[message["message_id"]] = message
        self.push_update({"message": message})

    def new_message(self, user: SandboxUser, **fields: Any) -> BotMessage:
        msg = BotMessage(
            message_id=self.next_message_id(user.id),
            chat_id=user.id,
            date=int(time.time()),
            **fields,
        )
        if msg.text is not None:
            msg.history.append(msg.text)
        self.bot_messages.setdefault(user.id, {})[msg.message_id] = msg
        self._sent(msg)
        return msg

    def editable(self, user: SandboxUser, message_id: int) -> BotMessage:
        msg = self.bot_messages.get(user.id, {}).get(message_id)
        if msg is None or msg.deleted:
            if message_id in self.user_messages.get(user.id, {}):
                raise ApiError(400, "Bad Request: message can't be edited")
            raise ApiError(400, "Bad Request: message to edit not found")
        return msg

    def edit(self, msg: BotMessage, content: Content) -> None:
        if msg.text != content.text and content.text is not None:
            msg.history.append(content.text)
        msg.text = content.text
        msg.html = content.raw
        msg.parse_mode = content.parse_mode
        msg.entities = content.entities
        msg.reply_markup = content.markup
        msg.edits += 1
        msg.edit_date = int(time.time())
        self._sent(msg)

    def delete(self, chat_id: int, message_id: int) -> bool:
        """Delete a bot or user message; False when there is no such message."""
        msg = self.bot_messages.get(chat_id, {}).get(message_id)
        if msg is not None and not msg.deleted:
            msg.deleted = True
            self.notify()
            return True
        return self.user_messages.get(chat_id, {}).pop(message_id, None) is not None

    def _sent(self, msg: BotMessage) -> None:
        self.sent_at.append((time.monotonic(), msg.chat_id))
        for listener in self.on_message:
            listener(msg)
        self.notify()

    def message_api(self, m: BotMessage) -> dict[str, Any]:
        """Telegram ``Message`` object for a bot message at its current state."""
        user = self.users[m.chat_id]
        d: dict[str, Any] = {
            "message_id": m.message_id,
            "from": self.bot_user,
            "chat": user.chat_api(),
            "date": m.date,
        }
        if m.edit_date is not None:
            d["edit_date"] = m.edit_date
        if m.kind == "text":
            d["text"] = m.text
            if m.entities:
                d["entities"] = m.entities
        else:
            d.update(m.media)
            if m.text:
                d["caption"] = m.text
                if m.entities:
                    d["caption_entities"] = m.entities
        if m.reply_markup and "inline_keyboard" in m.reply_markup:
            d["reply_markup"] = m.reply_markup
        return d

    def pressed_message_api(self, m: BotMessage) -> dict[str, Any]:
        """The message a pressed button sits on, as a callback query carries it (see INACCESSIBLE_AFTER_S)."""
        if time.time() - m.date > INACCESSIBLE_AFTER_S:
            return {"chat": self.users[m.chat_id].chat_api(), "message_id": m.message_id, "date": 0}
        return self.message_api(m)

    # ------------------------------------------------------------ updates
    def has_unfetched(self) -> bool:
        return any(u["update_id"] > self.delivered_upto for u in self.updates)

    def unfetched_count(self) -> int:
        return sum(1 for u in self.updates if u["update_id"] > self.delivered_upto)

    def push_update(self, payload: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self.updates.append({"update_id": update_id, **payload})
        self.notify()
        return update_id

    def push_callback(self, user: SandboxUser, msg: BotMessage, data: str) -> str:
        query_id = f"{user.id}{next(self._query_counter):08d}"
        self.queries[query_id] = user
        self.push_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user.to_api(),
                    "message": self.pressed_message_api(msg),
                    "chat_instance": str(-(user.id * 7 + 13)),
                    "data": data,
                }
            }
        )
        return query_id

    def push_member_update(self, user: SandboxUser, old: str, new: str) -> None:
        def member(status: str) -> dict[str, Any]:
            d: dict[str, Any] = {"user": self.bot_user, "status": status}
            if status == "kicked":
                d["until_date"] = 0
            return d

        self.push_update(
            {
                "my_chat_member": {
                    "chat": user.chat_api(),
                    "from": user.to_api(),
                    "date": int(time.time()),
                    "old_chat_member": member(old),
                    "new_chat_member": member(new),
                }
            }
        )

    def drop_pending(self) -> None:
        if self.updates:
            self.delivered_upto = max(self.delivered_upto, self.updates[-1]["update_id"])
        self.updates.clear()

    def confirm(self, offset: int | None) -> None:
        """getUpdates' offset: forget updates below it (a negative one keeps the last -offset)."""
        if offset is None:
            return
        if offset < 0:
            self.updates = self.updates[offset:]
        else:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]

    def take(self, limit: int) -> list[dict[str, Any]]:
        """The next batch for getUpdates (left pending until confirmed by a later offset)."""
        if self.allowed_updates:
            allowed = self.allowed_updates
            self.updates = [
                u for u in self.updates if any(k in allowed for k in u if k != "update_id")
            ]
        batch = self.updates[:limit]
        if batch:
            self.delivered_upto = max(self.delivered_upto, batch[-1]["update_id"])
        return batch
