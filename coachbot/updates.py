"""Handle updates concurrently across people while keeping each person's updates in order."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


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
                await coroutine
        finally:
            self._waiting[key] -= 1
            if self._waiting[key] == 0:  # keep the dict as small as the number of busy people
                del self._waiting[key]
                self._locks.pop(key, None)

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
