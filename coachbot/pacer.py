"""One pacer for every message the bot sends, so replies to people never queue behind a reminder burst.

Telegram allows about 30 messages per second overall. Every call that names a
chat (send, edit, delete...) takes a token from one bucket refilled at `rate`
per second. Calls made while `background_sends()` is active (the reminders
sender) only take a token when `reserve` tokens would still be left and no
reply is waiting: replies go first and reminders use what is left over, so
reminders can run close to the ceiling. A RetryAfter pauses everyone for the
time Telegram asks and the call is tried again (up to `max_retries` times).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine, Iterator
from contextvars import ContextVar
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

_background: ContextVar[bool] = ContextVar("coachbot_background_send", default=False)


@contextlib.contextmanager
def background_sends() -> Iterator[None]:
    """Mark the Bot API calls made inside as low priority (reminders)."""
    token = _background.set(True)
    try:
        yield
    finally:
        _background.reset(token)


def retry_seconds(exc: RetryAfter) -> float:
    """Seconds Telegram asked us to wait (read as a timedelta: the int form is deprecated)."""
    value = getattr(exc, "_retry_after", None)
    if value is not None and hasattr(value, "total_seconds"):
        return float(value.total_seconds())
    return float(exc.retry_after)  # type: ignore[arg-type]


class SharedPacer(BaseRateLimiter[None]):
    """Token bucket shared by all sends; replies first, background sends take what is left."""

    def __init__(self, rate: float, *, reserve: int = 2, slack_seconds: float = 0.05,
                 max_retries: int = 3) -> None:
        self.rate = rate
        self.reserve = reserve
        # Room above what a background send needs, so time a sleeper oversleeps (a busy event
        # loop) is not lost: at least 3 tokens, or `slack_seconds` worth at high rates.
        self.capacity = float(reserve + 1 + max(3, round(rate * slack_seconds)))
        self.max_retries = max_retries
        self._tokens = self.capacity
        self._stamp: float | None = None
        self._flood_until = 0.0
        self._urgent_waiting = 0
        self._urgent_lock = asyncio.Lock()
        self._background_lock = asyncio.Lock()
        self.flood_waits = 0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def pause(self, seconds: float) -> None:
        """Stop every send for `seconds` (Telegram's flood control)."""
        self.flood_waits += 1
        self._flood_until = max(self._flood_until, asyncio.get_running_loop().time() + seconds)

    def _refill(self, now: float) -> None:
        if self._stamp is not None:
            self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    async def _take(self, background: bool) -> None:
        """Wait for a token; a background send leaves `reserve` tokens and yields to waiting replies."""
        loop = asyncio.get_running_loop()
        need = 1.0 + (self.reserve if background else 0)
        while True:
            now = loop.time()
            self._refill(now)
            blocked = background and self._urgent_waiting > 0
            if now >= self._flood_until and not blocked and self._tokens >= need:
                self._tokens -= 1.0
                return
            wait = max(self._flood_until - now, (need - self._tokens) / self.rate, 0.0005)
            await asyncio.sleep(wait)

    async def acquire(self, *, background: bool = False) -> None:
        """Take one send slot (one waiter polls per priority, the others queue on its lock)."""
        if background:
            async with self._background_lock:
                await self._take(True)
            return
        self._urgent_waiting += 1
        try:
            async with self._urgent_lock:
                await self._take(False)
        finally:
            self._urgent_waiting -= 1

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Pace calls that name a chat; retry after a RetryAfter, pausing every sender."""
        paced = data.get("chat_id") is not None
        retries = self.max_retries  # no call passes its own rate_limit_args
        for attempt in range(retries + 1):
            if paced:
                await self.acquire(background=_background.get())
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == retries:
                    raise
                wait = retry_seconds(exc)
                self.pause(wait)
                log.warning("%s: flood control, everyone waits %.1f s", endpoint, wait)
                if not paced:
                    await asyncio.sleep(wait)
        raise AssertionError("unreachable")
