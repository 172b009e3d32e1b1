"""Loopback Telegram Bot API emulator for end-to-end tests of the bot.

Why: the real PTB client talks HTTP to :class:`Sandbox`, which enforces
Telegram's limits so bugs show up in tests instead of in production.
"""

from .html import parse_telegram_html, validate_telegram_html
from .models import BotMessage, Call, Fault
from .server import Sandbox
from .user import SandboxUser

__all__ = [
    "BotMessage",
    "Call",
    "Fault",
    "Sandbox",
    "SandboxUser",
    "parse_telegram_html",
    "validate_telegram_html",
]
