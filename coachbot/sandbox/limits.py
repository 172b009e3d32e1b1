"""Telegram's limits as the sandbox enforces them: message sizes and flood control.

Why one module: these are the numbers a reader compares with Telegram's documentation
(4096 characters, 64-byte callback data, about 30 messages a second overall and one a
second per chat, with short bursts tolerated), and the numbers benchmarks tune.
"""

from __future__ import annotations

import math

from .models import ApiError

__all__ = [
    "MAX_CALLBACK_DATA",
    "MAX_CAPTION",
    "MAX_DOWNLOAD",
    "MAX_TEXT",
    "MAX_UPLOAD",
    "PER_CHAT_BURST",
    "FloodControl",
    "TokenBucket",
    "retry_after_seconds",
]

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_UPLOAD = 50 * 1024 * 1024
MAX_DOWNLOAD = 20 * 1024 * 1024
# Telegram asks bots to stay near one message a second per chat but lets a private chat have a
# short burst: a reply, an edit and a follow-up in the same second go through. Sustained faster
# sending to one chat is refused (429) once these few are used up; they come back at 1/s.
PER_CHAT_BURST = 4


class TokenBucket:
    """Classic token bucket; models Telegram's sustained rate plus short burst tolerance."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = max(1.0, burst)
        self.tokens = self.burst
        self.stamp: float | None = None

    def _refill(self, now: float) -> None:
        if self.stamp is not None:
            self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now

    def wait_time(self, now: float) -> float:
        """Seconds until one token is available (0 if available now)."""
        self._refill(now)
        if self.tokens >= 1.0:
            return 0.0
        return (1.0 - self.tokens) / self.rate

    def take(self, now: float) -> None:
        """Consume one token (caller checked :meth:`wait_time` first)."""
        self._refill(now)
        self.tokens -= 1.0


def retry_after_seconds(wait: float) -> int:
    """Telegram reports an integer retry_after of at least one second."""
    return max(1, math.ceil(wait))


class FloodControl:
    """Global and per-chat token buckets for sends and edits; a refusal is Telegram's 429."""

    def __init__(
        self, global_rate: float, global_burst: float, per_chat_rate: float, per_chat_burst: int
    ) -> None:
        self.per_chat_rate = per_chat_rate
        self.per_chat_burst = per_chat_burst
        self._global = TokenBucket(global_rate, global_burst)
        self._chats: dict[int, TokenBucket] = {}

    def check(self, chat_id: int, now: float) -> None:
        """Take one token from both buckets, or raise 429 without taking either."""
        bucket = self._chats.get(chat_id)
        if bucket is None:
            bucket = self._chats[chat_id] = TokenBucket(self.per_chat_rate, self.per_chat_burst)
        wait = max(self._global.wait_time(now), bucket.wait_time(now))
        if wait > 0:
            n = retry_after_seconds(wait)
            raise ApiError(429, f"Too Many Requests: retry after {n}", {"retry_after": n})
        self._global.take(now)
        bucket.take(now)
