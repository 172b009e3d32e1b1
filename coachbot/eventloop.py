"""The event loop the bot runs on: uvloop where it is installed, asyncio's own loop otherwise.

uvloop (libuv under asyncio's API) does the loop's bookkeeping, sockets and timers in C: with
aiohttp on top it takes a large share off the bot's CPU per update and per reminder
(README, Performance). It is a declared dependency, but it does not build on every platform
(Windows), so a missing uvloop falls back to the standard loop rather than failing, and
`COACHBOT_EVENT_LOOP=asyncio` chooses the standard loop on purpose (to compare, or to rule
uvloop out when chasing a problem).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
ENV = "COACHBOT_EVENT_LOOP"


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop]:
    """uvloop's new_event_loop when it can be used and was not switched off, else asyncio's."""
    if os.environ.get(ENV, "").strip().lower() != "asyncio":
        try:
            import uvloop
        except ImportError:
            pass
        else:
            return uvloop.new_event_loop
    return asyncio.new_event_loop


def name(loop: asyncio.AbstractEventLoop) -> str:
    """"uvloop" or "asyncio": which loop this is (logged at start-up, printed by the benchmarks)."""
    return "uvloop" if type(loop).__module__.startswith("uvloop") else "asyncio"


def install() -> asyncio.AbstractEventLoop:
    """Make a new loop of loop_factory() this thread's current loop (for PTB's run_polling and
    run_webhook, which take the current loop) and return it."""
    loop = loop_factory()()
    asyncio.set_event_loop(loop)
    return loop


def run(main: Coroutine[Any, Any, T]) -> T:
    """asyncio.run on the loop of loop_factory()."""
    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(main)
