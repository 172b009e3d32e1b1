"""The monotonic clock and the sleep the pacer and the reminders sender wait with.

Production uses the event loop's clock; tests pass a virtual one
(tests/support/virtual_time.py) so pacing is checked without waiting or timing anything.
"""

from __future__ import annotations

import asyncio
from typing import Protocol


class Timer(Protocol):
    def time(self) -> float:
        """Seconds on a monotonic clock."""

    async def sleep(self, seconds: float) -> None:
        """Wait `seconds` on that clock."""


class LoopTimer:
    """The running event loop's clock and `asyncio.sleep`."""

    def time(self) -> float:
        return asyncio.get_running_loop().time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


LOOP_TIMER = LoopTimer()
