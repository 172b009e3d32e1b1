"""Plain data records shared by the sandbox server and its test-facing API.

Why separate: tests inspect these objects directly, so they stay free of any
server or event-loop machinery.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["ApiError", "BotMessage", "Call", "Fault", "StoredFile"]

FaultKind = Literal["429", "500", "502", "slow"]


class ApiError(Exception):
    """A Bot API error response; carried up to the HTTP layer to build Telegram's envelope."""

    def __init__(
        self, code: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def envelope(self) -> dict[str, Any]:
        """Telegram's ``{"ok": false, ...}`` body for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


@dataclass
class Call:
    """One recorded Bot API request, so tests can assert on traffic patterns."""

    method: str
    chat_id: int | None
    status: int
    at: float                 # monotonic time the answer was ready
    error: str | None = None  # Telegram's description for a failed call
    arrived: float | None = None  # monotonic time the request reached the sandbox (what a rate limit counts)


@dataclass
class StoredFile:
    """Bytes held by the sandbox's file store (uploads in either direction)."""

    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    filename: str | None = None
    mime_type: str | None = None


@dataclass(eq=False)
class BotMessage:
    """A message the bot sent to a chat, kept at its current (post-edit) state."""

    message_id: int
    chat_id: int
    kind: Literal["text", "photo", "document"]
    date: int
    text: str | None = None
    html: str | None = None
    parse_mode: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None
    edits: int = 0
    history: list[str] = field(default_factory=list)
    file_bytes: bytes | None = None
    filename: str | None = None
    mime_type: str | None = None
    file_id: str | None = None
    media: dict[str, Any] = field(default_factory=dict)
    edit_date: int | None = None
    deleted: bool = False

    @property
    def buttons(self) -> list[list[tuple[str, str | None]]]:
        """Inline keyboard as (text, callback_data) rows; empty when there is none."""
        if not self.reply_markup or "inline_keyboard" not in self.reply_markup:
            return []
        return [
            [(b.get("text", ""), b.get("callback_data")) for b in row]
            for row in self.reply_markup["inline_keyboard"]
        ]

    @property
    def reply_keyboard(self) -> list[list[str]] | None:
        """Reply keyboard button labels, or None if this message did not set one."""
        if not self.reply_markup or "keyboard" not in self.reply_markup:
            return None
        return [
            [b if isinstance(b, str) else str(b.get("text", "")) for b in row]
            for row in self.reply_markup["keyboard"]
        ]

    def summary(self) -> str:
        """One-line description used in timeout dumps."""
        text = (self.text or "").replace("\n", "\\n")
        if len(text) > 120:
            text = text[:117] + "..."
        extra = f" buttons={self.buttons}" if self.buttons else ""
        edited = f" edits={self.edits}" if self.edits else ""
        return f"#{self.message_id} [{self.kind}] {text!r}{extra}{edited}"


@dataclass
class Fault:
    """An injected failure: lets tests exercise retry/backoff paths deterministically."""

    method: str = "*"
    kind: FaultKind = "500"
    retry_after: int = 1
    times: int | None = None
    probability: float = 1.0
    seed: int | None = None
    delay: float = 0.0
    chat_id: int | None = None
    _rng: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    def matches(self, method: str, chat_id: int | None) -> bool:
        """Whether this fault applies to the call; consumes one use and one random draw."""
        if self.times is not None and self.times <= 0:
            return False
        if self.method != "*" and self.method.lower() != method.lower():
            return False
        if self.chat_id is not None and self.chat_id != chat_id:
            return False
        if self.probability < 1.0 and self._rng.random() >= self.probability:
            return False
        if self.times is not None:
            self.times -= 1
        return True
