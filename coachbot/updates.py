"""Handle updates concurrently across people while keeping each person's updates in order.

When several processes share a PostgreSQL database, a person's update also takes an
advisory lock for that person (another process handling them waits) and is handled
only if no process has seen its update id before (Telegram may deliver one twice).
The lock alone does not order: PTB answers Telegram before handling, so the person's
next update may reach another process first. So each webhook update gets a ticket
before Telegram is answered (`receive`), and an update waits while an earlier ticket of
the same person is unhandled (up to TURN_WAIT_S, in case that process died).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

if TYPE_CHECKING:
    from coachbot.storage import Storage

TURN_WAIT_S = 10.0   # longest an update waits for an earlier one of the same person
TURN_POLL_S = 0.02


class PerPersonUpdateProcessor(BaseUpdateProcessor):
    """Up to `max_concurrent` updates at once, but never two for the same person.

    PTB's default processes one update at a time (one slow reply blocks everyone);
    its plain concurrent mode can reorder one person's taps. A lock per person
    gives both throughput and order.
    """

    def __init__(self, max_concurrent: int = 64) -> None:
        super().__init__(max_concurrent)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}
        self.in_flight = 0  # updates being handled now (tests wait for zero)
        self._storage: Storage | None = None
        self._now: Callable[[], datetime] | None = None
        self.duplicates = 0
        self.turn_waits = 0   # times an update waited for an earlier one of the same person
        self._ticketed = False   # tickets are taken only in webhook mode: polling skips the check

    def share_with_other_processes(self, storage: Storage, now: Callable[[], datetime]) -> None:
        """Coordinate through the database when its backend lets several processes share it."""
        self._storage, self._now = storage, now

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        self.in_flight += 1
        try:
            await self._process(update, coroutine)
        finally:
            self.in_flight -= 1

    async def _process(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _person_key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                await self._handle_shared(key, update, coroutine)
        finally:
            self._waiting[key] -= 1
            if self._waiting[key] == 0:  # keep the dict as small as the number of busy people
                del self._waiting[key]
                self._locks.pop(key, None)

    async def _handle_shared(self, key: int, update: object, coroutine: Awaitable[Any]) -> None:
        store = self._storage
        if store is None or not store.db.several_processes or not isinstance(update, Update) \
                or self._now is None:
            await coroutine
            return
        give_up = time.monotonic() + TURN_WAIT_S
        while True:
            async with store.db.person_lock(key):  # updates carry one person's id: checked and marked under it
                if await store.cluster.seen(update.update_id):
                    self.duplicates += 1
                    if asyncio.iscoroutine(coroutine):
                        coroutine.close()
                    await store.cluster.handled(update.update_id, key, self._now())
                    return
                if not self._ticketed or time.monotonic() > give_up \
                        or not await store.cluster.earlier_ticket(update.update_id, key):
                    await coroutine
                    # Marked once handled: a process killed mid-update leaves it to Telegram's redelivery.
                    await store.cluster.handled(update.update_id, key, self._now())
                    return
            self.turn_waits += 1
            await asyncio.sleep(TURN_POLL_S)   # outside the lock, so the earlier update can take it

    async def receive(self, data: dict[str, Any]) -> None:
        """A webhook update arrived and Telegram is not answered yet: take its ticket."""
        store = self._storage
        if store is None or not store.db.several_processes or self._now is None:
            return
        update_id, key = data.get("update_id"), _raw_person_key(data)
        if isinstance(update_id, int) and key is not None:
            self._ticketed = True
            await store.cluster.take_ticket(update_id, key, self._now())

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


def _person_key(update: object) -> int | None:
    if isinstance(update, Update):
        if update.effective_user is not None:
            return update.effective_user.id
        if update.effective_chat is not None:
            return update.effective_chat.id
    return None


def _raw_person_key(data: dict[str, Any]) -> int | None:
    """The same key as `_person_key`, read from the raw JSON before PTB parses it."""
    for value in data.values():
        if isinstance(value, dict):
            for field in ("from", "user", "chat"):
                who = value.get(field)
                if isinstance(who, dict) and isinstance(who.get("id"), int):
                    return int(who["id"])
    return None
