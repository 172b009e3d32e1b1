"""What each reminder kind says: a renderer per kind, listed in app.py (Services.reminder_renderers).

A renderer turns (services, person, now) into the message to send, or None to
skip it (e.g. the person already checked in today). The engine only looks them
up, so it stays ignorant of check-ins, hydration or tips.
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


KindRenderer = Callable[["Services", Profile, datetime], Awaitable[Outgoing | None]]
