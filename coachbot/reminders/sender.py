"""Paced sending: below Telegram's ~30 messages/s overall and 1 message/s per chat.

When the bot's rate limiter is the shared pacer (coachbot/pacer.py), reminder
sends are marked as background: the pacer serves replies to people first and
gives reminders the tokens left over, and this class only keeps each chat's
spacing. Without it (tests, a bare Bot), this class paces to `rate` itself.
A RetryAfter pauses every send for the time Telegram asks and retries; Forbidden means the person blocked the bot. Network trouble and
5xx answers are transient (RETRY: tried again on every tick while the reminder
is inside its grace window); anything else Telegram refuses is FAILED (counted
toward giving up). Errors are logged by type only, never the token or the text.

At most `concurrency` sends are in flight, and a slot is held until the
caller's `on_sent` has recorded the send: so a crash can leave at most
`concurrency` messages that Telegram accepted but the database does not know
about (the duplicate bound after a SIGKILL).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from enum import Enum

from telegram import Bot, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from ..htmltext import truncate_html
from ..pacer import SharedPacer, background_sends, retry_seconds
from ..timer import LOOP_TIMER, Timer

log = logging.getLogger(__name__)
MAX_TEXT = 4096


class Outcome(Enum):
    SENT = "sent"
    BLOCKED = "blocked"
    RETRY = "retry"      # transient: network, 5xx, flood control that did not end
    FAILED = "failed"    # Telegram refused this message (e.g. 400): retrying may not help
    TAKEN = "taken"      # `still_ours` said no at the last moment: another process has it


class PacedSender:
    """Hands out send slots: per chat one per `per_chat_interval` s, globally `rate` per second
    (or whatever the shared pacer leaves after replies)."""

    def __init__(self, bot: Bot, *, rate: float, per_chat_interval: float, concurrency: int = 32,
                 retries_after_flood: int = 3, timer: Timer = LOOP_TIMER) -> None:
        self.bot = bot
        self.timer = timer
        self.concurrency = concurrency
        self.shared = isinstance(getattr(bot, "rate_limiter", None), SharedPacer)
        self.gap = 0.0 if self.shared else 1.0 / rate  # the shared pacer owns the overall rate
        self.per_chat_interval = per_chat_interval
        self.retries_after_flood = retries_after_flood
        self._next_slot = 0.0
        self._flood_until = 0.0
        self._chat_last: dict[int, float] = {}
        self._lock = asyncio.Lock()
        self._inflight = asyncio.Semaphore(concurrency)
        self.sent = 0
        self.flood_waits = 0

    async def _wait_for_slot(self, chat_id: int) -> None:
        async with self._lock:
            now = self.timer.time()
            start = max(now, self._next_slot, self._flood_until,
                        self._chat_last.get(chat_id, -1e9) + self.per_chat_interval)
            self._next_slot = start + self.gap
            self._chat_last[chat_id] = start
            if len(self._chat_last) > 10_000:  # forget chats whose interval is long over
                horizon = now - self.per_chat_interval
                self._chat_last = {c: t for c, t in self._chat_last.items() if t > horizon}
        if start > now:
            await self.timer.sleep(start - now)

    async def send(self, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None, *,
                   on_sent: Callable[[], Awaitable[None]] | None = None,
                   still_ours: Callable[[], Awaitable[bool]] | None = None) -> Outcome:
        """Send one message at the next free slot; say what happened.

        `on_sent` runs before the slot is released, so recording the send is part of the slot.
        """
        async with self._inflight:
            for _ in range(self.retries_after_flood + 1):
                await self._wait_for_slot(chat_id)
                if still_ours is not None and not await still_ours():
                    return Outcome.TAKEN
                try:
                    with background_sends():
                        await self.bot.send_message(chat_id, truncate_html(text), parse_mode=ParseMode.HTML,
                                                    reply_markup=markup, disable_web_page_preview=True)
                except RetryAfter as exc:
                    wait = retry_seconds(exc)
                    self.flood_waits += 1
                    self._flood_until = max(self._flood_until, self.timer.time() + wait)
                    log.warning("reminder send: flood control, waiting %.1f s", wait)
                    continue
                except Forbidden:
                    return Outcome.BLOCKED
                except BadRequest as exc:  # a NetworkError subclass in PTB, but not transient
                    log.warning("reminder send refused (%s)", type(exc).__name__)
                    return Outcome.FAILED
                except NetworkError as exc:  # includes TimedOut and Telegram's 5xx answers
                    log.warning("reminder send failed (%s); retrying on the next tick", type(exc).__name__)
                    return Outcome.RETRY
                except TelegramError as exc:
                    log.warning("reminder send refused (%s)", type(exc).__name__)
                    return Outcome.FAILED
                self.sent += 1
                if on_sent is not None:
                    await on_sent()
                return Outcome.SENT
        return Outcome.RETRY
