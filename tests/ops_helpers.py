"""A bot running in its own thread and event loop, so synchronous hypothesis tests can drive it.

Hypothesis calls the test body once per example; starting a bot per example
would be slow, so one bot serves a whole module and each example submits
coroutines to its loop.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Coroutine
from dataclasses import replace
from typing import Any, TypeVar

from support.harness import FakeClock, Harness

from coachbot import metrics
from coachbot.app import build_application, running
from coachbot.config import Settings
from coachbot.sandbox import Sandbox

T = TypeVar("T")


class ErrorRecords(logging.Handler):
    """Collects ERROR-and-worse records from any thread."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class LiveBot:
    """Sandbox + real Application in a background loop; run(coro) executes on that loop."""

    def __init__(self, settings: Settings, clock: FakeClock, **sandbox_args: Any) -> None:
        self.settings, self.clock, self.sandbox_args = settings, clock, sandbox_args
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._stop: asyncio.Event | None = None
        self._done: asyncio.Future[None] | None = None
        self.h: Harness | None = None
        self.errors = ErrorRecords()

    def run(self, coro: Coroutine[Any, Any, T] | Awaitable[T], timeout: float = 30) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)  # type: ignore[arg-type]

    def start(self) -> Harness:
        self.thread.start()
        ready: asyncio.Future[Harness] = self.loop.create_future()  # type: ignore[assignment]

        async def main() -> None:
            self._stop = asyncio.Event()
            async with Sandbox(token=self.settings.token, **self.sandbox_args) as sb:
                s = replace(self.settings, api_base_url=sb.base_url, api_file_url=sb.base_file_url)
                app = build_application(s, clock=self.clock)
                async with running(app):
                    ready.set_result(Harness(sb, app, app.bot_data["services"], self.clock))
                    await self._stop.wait()

        self._done = asyncio.run_coroutine_threadsafe(main(), self.loop)  # type: ignore[assignment]

        async def wait_ready() -> Harness:
            return await ready

        self.h = self.run(wait_ready())
        logging.getLogger().addHandler(self.errors)
        return self.h

    def stop(self) -> None:
        logging.getLogger().removeHandler(self.errors)
        if self._stop is not None:
            self.loop.call_soon_threadsafe(self._stop.set)
        if self._done is not None:
            self._done.result(30)  # type: ignore[union-attr]
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    def error_count(self) -> float:
        assert self.h is not None
        m = metrics.of(self.h.services)
        return m.value("coachbot_errors_total") if m is not None else 0.0


async def person_rows(h: Harness, person_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that belongs to one person, in every table (new features' tables included)."""
    db = h.storage.db
    tables = [r[0] for r in await db.fetchall(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    snapshot: dict[str, list[tuple[Any, ...]]] = {}
    for table in tables:
        cols = [r[1] for r in await db.fetchall(f"PRAGMA table_info({table})")]
        key = "id" if table == "people" else "person_id" if "person_id" in cols else None
        if key is None:
            continue
        rows = await db.fetchall(f"SELECT * FROM {table} WHERE {key} = ? ORDER BY 1", (person_id,))  # noqa: S608
        snapshot[table] = [tuple(r) for r in rows]
    return snapshot


async def db_consistent(h: Harness) -> None:
    db = h.storage.db
    assert (await db.fetchone("PRAGMA integrity_check"))[0] == "ok"
    assert await db.fetchall("PRAGMA foreign_key_check") == []
