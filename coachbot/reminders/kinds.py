"""What each reminder kind says: features register a renderer for their kind.

A renderer turns (services, person, now) into the message to send, or None to
skip it (e.g. the person already checked in today). Keeping this registry here
lets the engine stay ignorant of check-ins, hydration or tips.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup

from coachbot.domain.profile import Profile

if TYPE_CHECKING:
    from coachbot.runtime import Services


@dataclass(frozen=True)
class Outgoing:
    text: str                                   # Telegram HTML
    markup: InlineKeyboardMarkup | None = None


Renderer = Callable[["Services", Profile, datetime], Awaitable[Outgoing | None]]
RENDERERS: dict[str, Renderer] = {}


def register_renderer(kind: str, renderer: Renderer) -> None:
    RENDERERS[kind] = renderer
