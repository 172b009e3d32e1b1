"""Virtual monotonic time for the pacer and the reminders sender (coachbot/timer.py).

Time stands still while any task can run; when every task is waiting, `run` or
`advance` moves it to the earliest sleeper's wake-up. Tests then read exact
send times from `time()` instead of timing anything on the wall clock.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")
SETTLE_ROUNDS = 50   # event-loop turns that let every runnable task reach its next wait


class VirtualTime:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        wake: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._order), wake))
        await wake

    async def _settle(self) -> None:
        for _ in range(SETTLE_ROUNDS):
            await asyncio.sleep(0)

    def _wake_due(self) -> None:
        while self._sleepers and self._sleepers[0][0] <= self.now:
            _, _, wake = heapq.heappop(self._sleepers)
            if not wake.done():
                wake.set_result(None)

    def _jump(self, limit: float | None = None) -> bool:
        """Move to the next wake-up (not past `limit`) and wake who is due; False if nobody sleeps."""
        while self._sleepers and self._sleepers[0][2].done():   # cancelled sleepers
            heapq.heappop(self._sleepers)
        if not self._sleepers or (limit is not None and self._sleepers[0][0] > limit):
            return False
        self.now = max(self.now, self._sleepers[0][0])
        self._wake_due()
        return True

    async def advance(self, seconds: float) -> None:
        """Let `seconds` of virtual time pass, waking sleepers in order."""
        until = self.now + seconds
        await self._settle()
        while self._jump(until):
            await self._settle()
        self.now = until
        await self._settle()

    async def run(self, aw: Awaitable[T]) -> T:
        """Await `aw`, moving time on only while every task is waiting for it."""
        task = asyncio.ensure_future(aw)
        await self._settle()
        while not task.done():
            if not self._jump():
                task.cancel()
                raise AssertionError("deadlock: nothing is sleeping and the awaited task cannot go on")
            await self._settle()
        return task.result()
