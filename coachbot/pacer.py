"""One pacer for every message the bot sends, so replies to people never queue behind a reminder burst.

Telegram allows about 30 messages per second overall. Every call that names a
chat (send, edit, delete...) takes a token from one bucket refilled at `rate`
per second. Calls made while `background_sends()` is active (the reminders
sender) only take a token when `reserve` tokens would still be left and no
reply is waiting: replies go first and reminders use what is left over, so
reminders can run close to the ceiling. On top of the bucket, no `window` (one
second, scaled in benchmarks) ever holds more than `rate` × `window` sends, so the
bucket's burst after a quiet spell cannot push a second over the limit either.
When several processes share the budget (`set_rate` with `spread` > 1), each one
also spaces its sends evenly instead of in bursts: their sends reach Telegram with
some jitter each, and jitter can carry a burst whole into the next second, but
only a send or two of an even stream. Finally, fewer calls than one window's
allowance are ever outstanding at once (`flight_cap`): when Telegram's end (or the
network) stalls, every outstanding call reaches it together after the stall, and
that pile must fit in the allowance the stall gave back.

A RetryAfter (429) holds back only the chat it came from, unless the evidence
points at the overall limit (see `overall_limit_hit`): then everyone waits. The
call is tried again after the wait (up to `max_retries` times).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable, Coroutine, Iterator
from contextvars import ContextVar
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from .timer import LOOP_TIMER, Timer

log = logging.getLogger(__name__)

_background: ContextVar[bool] = ContextVar("coachbot_background_send", default=False)


@contextlib.contextmanager
def flagged(flag: ContextVar[bool]) -> Iterator[None]:
    """`flag` reads True for the code run inside (and the tasks it starts), and as before after."""
    token = flag.set(True)
    try:
        yield
    finally:
        flag.reset(token)


def background_sends() -> contextlib.AbstractContextManager[None]:
    """Mark the Bot API calls made inside as low priority (reminders)."""
    return flagged(_background)


def in_background() -> bool:
    """True inside `background_sends()` (a reminder being sent)."""
    return _background.get()


def retry_seconds(exc: RetryAfter) -> float:
    """Seconds Telegram asked us to wait (read as a timedelta: the int form is deprecated)."""
    value = getattr(exc, "_retry_after", None)
    if value is not None and hasattr(value, "total_seconds"):
        return float(value.total_seconds())
    return float(exc.retry_after)  # type: ignore[arg-type]


# The bucket refills this much under `rate`, while a second may still hold `rate` sends: Telegram's
# own allowance loses a little to network jitter whenever sends arrive bunched, and only a long-run
# average under its limit gives that back (at exactly the limit, a loaded machine drew a 429).
SUSTAINED_SHARE = 0.99

# Share of the overall rate sent in the last window, to several chats, that makes a 429 look like
# the overall limit rather than one chat's.
BURST_SHARE = 0.8

# Share of one window's allowance that may be outstanding (sent, not yet answered) at once. A
# stall delivers all of them together; Telegram's allowance after a stall is at most one window's
# worth, and the replies' reserve needs room in it too. Normal sending has a few calls outstanding.
IN_FLIGHT_SHARE = 0.8


def overall_limit_hit(refused_chats: int, sends_in_window: int, chats_in_window: int, rate: float) -> bool:
    """Does a 429 point at Telegram's overall limit (everyone waits) rather than one chat's (only it waits)?

    Telegram limits a bot overall (about 30 messages a second) and per chat (about one a
    second, with short bursts allowed), and its 429 does not say which limit was hit. The
    overall limit is the likely one when several chats were refused within the last second,
    or when the bot has just sent close to its overall rate to several chats. A single chat
    refused while the bot is quiet elsewhere hit that chat's limit: holding back everyone
    would delay other people's replies for nothing.
    """
    if refused_chats >= 2:
        return True
    return chats_in_window >= 2 and sends_in_window >= BURST_SHARE * rate


class SharedPacer(BaseRateLimiter[None]):
    """Token bucket shared by all sends; replies first, background sends take what is left."""

    def __init__(self, rate: float, *, reserve: int = 2, slack_seconds: float = 0.05,
                 max_retries: int = 3, window: float = 1.0, timer: Timer = LOOP_TIMER) -> None:
        self.timer = timer
        self.rate = rate
        self.window = window  # Telegram's limits are per second; shorter against a sped-up sandbox
        self.reserve = reserve
        self.slack_seconds = slack_seconds
        self.spread = 1.0   # the window the cap is checked over, in windows (see set_rate)
        self.capacity = self._capacity(rate)
        self.max_retries = max_retries
        self._tokens = self.capacity
        self._stamp: float | None = None
        self._last_send = float("-inf")   # for the even spacing of several processes (see _gap)
        self._in_flight = 0                # paced calls sent and not yet answered
        self._landed = asyncio.Event()     # set whenever one of them is answered
        self._flood_until = 0.0
        self._urgent_waiting = 0
        self._urgent_lock = asyncio.Lock()
        self._background_lock = asyncio.Lock()
        self._recent: deque[tuple[float, int]] = deque()   # (time, chat) of sends in the last window
        self._refused: dict[int, float] = {}              # chat -> when it last got a 429
        self._chat_until: dict[int, float] = {}           # chat -> held back until
        self.flood_waits = 0       # 429s that held back everyone
        self.chat_flood_waits = 0  # 429s that held back one chat

    def _capacity(self, rate: float) -> float:
        # Room above what a background send needs, so time a sleeper oversleeps (a busy event
        # loop) is not lost: at least 3 tokens, or `slack_seconds` worth at high rates.
        return float(self.reserve + 1 + max(3, round(rate * self.slack_seconds)))

    def set_rate(self, rate: float, *, spread: float = 1.0) -> None:
        """Send at most `rate` per second from now on (this process's share of the bot's budget).

        With `spread` > 1 the cap holds over `spread` windows: several processes' sends reach
        Telegram with some jitter each, and a window one process kept to its share can then
        look fuller by one send per process; the spread absorbs that much jitter. Sends are
        then also spaced evenly (`_gap`), so the new rate applies from the next send on.
        """
        self.rate = rate
        self.spread = spread
        self.capacity = self._capacity(rate)
        self._tokens = min(self._tokens, self.capacity)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def pause(self, seconds: float) -> None:
        """Stop every send for `seconds` (Telegram's flood control)."""
        self.flood_waits += 1
        self._flood_until = max(self._flood_until, self.timer.time() + seconds)

    def _forget(self, now: float) -> None:
        horizon = now - self.window
        while self._recent and self._recent[0][0] < horizon:
            self._recent.popleft()
        if len(self._refused) > 64:
            self._refused = {c: t for c, t in self._refused.items() if t >= horizon}
        if len(self._chat_until) > 64:
            self._chat_until = {c: t for c, t in self._chat_until.items() if t > now}

    def _gap(self) -> float:
        """Several processes (`spread` > 1): the least time between two sends of this one, so any
        `window` × `spread` holds at most its share, evenly spaced (0 for a process alone)."""
        if self.spread <= 1.0:
            return 0.0
        return self.window * self.spread / max(1, int(self.rate * self.window + 1e-9))

    @property
    def flight_cap(self) -> int:
        """The most paced calls outstanding at once (see IN_FLIGHT_SHARE)."""
        return max(1, int(IN_FLIGHT_SHARE * self.rate * self.window + 1e-9))

    def _window_wait(self, now: float) -> float:
        """0 when one more send keeps the last `window` within rate × window; else how long until it does."""
        span = self.window * self.spread
        while self._recent and self._recent[0][0] <= now - span:
            self._recent.popleft()
        allowed = max(1, int(self.rate * self.window + 1e-9))
        excess = len(self._recent) + 1 - allowed
        return 0.0 if excess <= 0 else self._recent[excess - 1][0] + span - now

    def refused(self, chat_id: int, seconds: float) -> bool:
        """Record a 429 for `chat_id`; hold back that chat, or everyone. True when everyone waits."""
        now = self.timer.time()
        self._forget(now)
        self._refused[chat_id] = now
        refused_chats = sum(1 for t in self._refused.values() if t >= now - self.window)
        chats = {c for _, c in self._recent}
        if overall_limit_hit(refused_chats, len(self._recent), len(chats), self.rate * self.window):
            self.pause(seconds)
            return True
        self.chat_flood_waits += 1
        self._chat_until[chat_id] = max(self._chat_until.get(chat_id, 0.0), now + seconds)
        return False

    async def _chat_free(self, chat_id: int) -> None:
        """Wait while this chat is held back after its own 429 (other chats go on)."""
        while (until := self._chat_until.get(chat_id, 0.0)) > self.timer.time():
            await self.timer.sleep(until - self.timer.time())

    @property
    def _refill_rate(self) -> float:
        return self.rate * SUSTAINED_SHARE

    def _refill(self, now: float) -> None:
        if self._stamp is not None:
            self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self._refill_rate)
        self._stamp = now

    async def _take(self, background: bool, chat_id: int) -> None:
        """Wait for a token and room in the window; a background send leaves `reserve` tokens
        and yields to waiting replies. The send is counted in the window at once."""
        need = 1.0 + (self.reserve if background else 0)
        while True:
            if self._in_flight >= self.flight_cap:
                self._landed.clear()
                await self._landed.wait()
                continue
            now = self.timer.time()
            self._refill(now)
            blocked = background and self._urgent_waiting > 0
            full = max(self._window_wait(now), self._last_send + self._gap() - now)
            if now >= self._flood_until and not blocked and self._tokens >= need and full <= 0.0:
                self._tokens -= 1.0
                self._recent.append((now, chat_id))
                self._last_send = now
                return
            wait = max(self._flood_until - now, (need - self._tokens) / self._refill_rate, full, 0.0005)
            await self.timer.sleep(wait)

    async def acquire(self, *, background: bool = False, chat_id: int = 0) -> None:
        """Take one send slot (one waiter polls per priority, the others queue on its lock)."""
        if background:
            async with self._background_lock:
                await self._take(True, chat_id)
            return
        self._urgent_waiting += 1
        try:
            async with self._urgent_lock:
                await self._take(False, chat_id)
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
        """Pace calls that name a chat; after a RetryAfter hold back that chat (or everyone) and retry."""
        chat = data.get("chat_id")
        paced = chat is not None
        key = _chat_key(chat)
        retries = self.max_retries  # no call passes its own rate_limit_args
        for attempt in range(retries + 1):
            if paced:
                await self._chat_free(key)
                await self.acquire(background=_background.get(), chat_id=key)
            try:
                return await self._outstanding(callback(*args, **kwargs), paced)
            except RetryAfter as exc:
                if attempt == retries:
                    raise
                wait = retry_seconds(exc)
                if not paced:
                    await self.timer.sleep(wait)
                elif self.refused(key, wait):
                    log.warning("%s: flood control across chats, everyone waits %.1f s", endpoint, wait)
                else:
                    log.info("%s: one chat's flood control, that chat waits %.1f s", endpoint, wait)
        raise AssertionError("unreachable")

    async def _outstanding(self, call: Coroutine[Any, Any, Any], paced: bool) -> Any:
        """Run one call, counted against `flight_cap` while it is outstanding when it is paced."""
        if not paced:
            return await call
        self._in_flight += 1
        try:
            return await call
        finally:
            self._in_flight -= 1
            self._landed.set()


def _chat_key(chat: object) -> int:
    """A chat id as an int (a @channel name hashes to one); 0 when there is none."""
    if chat is None:
        return 0
    try:
        return int(chat)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return hash(chat)
