"""The person on the other side of a private chat, as driven by tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .models import BotMessage

if TYPE_CHECKING:
    from .server import Sandbox

__all__ = ["SandboxUser"]

Predicate = Callable[[BotMessage], bool] | str


class SandboxUser:
    """A Telegram user whose actions become updates for the bot under test.

    Why: tests should read like a conversation ("send /start, press Yes") rather
    than hand-built Update JSON.
    """

    def __init__(
        self,
        sandbox: Sandbox,
        user_id: int,
        first_name: str,
        language_code: str | None,
        username: str | None,
        last_name: str | None = None,
    ) -> None:
        self._sb = sandbox
        self.id = user_id
        self.first_name = first_name
        self.last_name = last_name
        self.language_code = language_code
        self.username = username
        self.blocked = False
        self.answers: list[tuple[str | None, bool]] = []
        self.chat_actions: list[str] = []  # "typing", "upload_photo", ... in the order the bot sent them

    @property
    def chat_id(self) -> int:
        """Private chat id equals the user id, as on Telegram."""
        return self.id

    def to_api(self) -> dict[str, Any]:
        """Telegram ``User`` object."""
        d: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            d["last_name"] = self.last_name
        if self.username:
            d["username"] = self.username
        if self.language_code:
            d["language_code"] = self.language_code
        return d

    def chat_api(self) -> dict[str, Any]:
        """Telegram ``Chat`` object for the private chat with this user."""
        d: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name:
            d["last_name"] = self.last_name
        if self.username:
            d["username"] = self.username
        return d

    # ----------------------------------------------------------------- actions
    def _message(self, **content: Any) -> dict[str, Any]:
        return {
            "message_id": self._sb.chats.next_message_id(self.id),
            "from": self.to_api(),
            "chat": self.chat_api(),
            "date": int(time.time()),
            **content,
        }

    async def send(self, text: str) -> int:
        """Send a text message; a leading "/word" gets a bot_command entity like real clients."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            cmd = text.split(maxsplit=1)[0] if text.strip() else text
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(cmd)}]
        msg = self._message(**content)
        self._sb.chats.add_user_message(self.id, msg)
        return int(msg["message_id"])

    async def send_location(self, latitude: float, longitude: float) -> int:
        """Share a location (used e.g. for timezone detection)."""
        msg = self._message(location={"latitude": latitude, "longitude": longitude})
        self._sb.chats.add_user_message(self.id, msg)
        return int(msg["message_id"])

    async def send_document(
        self,
        filename: str,
        data: bytes,
        mime_type: str = "application/octet-stream",
        caption: str | None = None,
    ) -> int:
        """Upload a document; the bot can fetch it back through getFile + the file URL."""
        stored = self._sb.files.store(
            data, filename=filename, mime_type=mime_type, folder="documents"
        )
        content: dict[str, Any] = {
            "document": {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_name": filename,
                "mime_type": mime_type,
                "file_size": len(data),
            }
        }
        if caption is not None:
            content["caption"] = caption
        msg = self._message(**content)
        self._sb.chats.add_user_message(self.id, msg)
        return int(msg["message_id"])

    async def send_photo(self, data: bytes, caption: str | None = None, width: int = 640,
                         height: int = 480) -> int:
        """Send a photo (one size), with an optional caption, as a phone's camera would."""
        stored = self._sb.files.store(data, filename=None, mime_type="image/jpeg", folder="photos")
        size = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                "width": width, "height": height, "file_size": len(data)}
        content: dict[str, Any] = {"photo": [size]}
        if caption is not None:
            content["caption"] = caption
        msg = self._message(**content)
        self._sb.chats.add_user_message(self.id, msg)
        return int(msg["message_id"])

    async def press(self, button: str, message: BotMessage | None = None) -> str:
        """Press an inline button by its text (or callback_data); return the query id."""
        candidates = [message] if message is not None else list(reversed(self.messages))
        for msg in candidates:
            for row in msg.buttons:
                for text, data in row:
                    if data is not None and button in (text, data):
                        return self._sb.chats.push_callback(self, msg, data)
        raise LookupError(
            f"no inline button {button!r} in chat {self.id}; last messages:\n{self._dump()}"
        )

    async def press_data(self, data: str, message: BotMessage | None = None) -> str:
        """Send arbitrary callback_data, e.g. to test forged or stale payload handling."""
        msg = message if message is not None else self.last
        if msg is None:
            raise LookupError(f"chat {self.id} has no bot message to press on")
        return self._sb.chats.push_callback(self, msg, data)

    def block(self) -> None:
        """Block the bot: sends fail with 403 and the bot gets a my_chat_member update."""
        if not self.blocked:
            self.blocked = True
            self._sb.chats.push_member_update(self, old="member", new="kicked")

    def unblock(self) -> None:
        """Unblock (restart) the bot."""
        if self.blocked:
            self.blocked = False
            self._sb.chats.push_member_update(self, old="kicked", new="member")

    # ---------------------------------------------------------------- inspection
    @property
    def messages(self) -> list[BotMessage]:
        """Bot messages in this chat, oldest first, at their current (edited) state."""
        return self._sb.chats.of_chat(self.id)

    @property
    def last(self) -> BotMessage | None:
        """Most recent bot message, if any."""
        msgs = self.messages
        return msgs[-1] if msgs else None

    def _dump(self, n: int = 8) -> str:
        msgs = self.messages[-n:]
        return "\n".join("  " + m.summary() for m in msgs) or "  (no bot messages)"

    async def wait_for(self, predicate: Predicate, timeout: float = 5.0) -> BotMessage:
        """Wait until some bot message (new or edited) satisfies ``predicate`` (or contains a str)."""
        check: Callable[[BotMessage], bool]
        if isinstance(predicate, str):
            needle = predicate

            def check(m: BotMessage) -> bool:
                return needle in (m.text or "")
        else:
            check = predicate

        def find() -> BotMessage | None:
            for m in reversed(self.messages):
                if check(m):
                    return m
            return None

        found = await self._sb._wait_until(find, timeout)
        if found is None:
            raise TimeoutError(
                f"no bot message matching {predicate!r} in chat {self.id} within {timeout}s; "
                f"last messages:\n{self._dump()}"
            )
        return found

    async def wait_for_new(self, timeout: float = 5.0) -> BotMessage:
        """Wait for the next message the bot sends to this chat after this call."""
        floor = self._sb.chats.last_id(self.id)

        def find() -> BotMessage | None:
            for m in self.messages:
                if m.message_id > floor:
                    return m
            return None

        found = await self._sb._wait_until(find, timeout)
        if found is None:
            raise TimeoutError(
                f"bot sent no new message to chat {self.id} within {timeout}s; "
                f"last messages:\n{self._dump()}"
            )
        return found

    def __repr__(self) -> str:
        return f"SandboxUser(id={self.id}, first_name={self.first_name!r})"
