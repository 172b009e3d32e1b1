"""Benchmarks on either database and with several bot processes: `--storage` and `--workers`.

    --storage sqlite       a file in a temp folder (the default; one process only)
    --storage postgresql   a throwaway PostgreSQL server on loopback, started the way the tests
                           start it (tests/pg_server.py: the machine's server binaries, as an
                           unprivileged user when run as root), one fresh schema per run;
                           COACHBOT_TEST_PG_URL uses an existing server instead
    --workers N            N bot processes on one PostgreSQL database. Updates reach them the
                           way README "Scaling out" deploys them: Telegram posts to a webhook and
                           a proxy hands each request to the worker with the fewest open requests
                           (nginx `least_conn`); here `WebhookPump` plays both, one request in
                           flight per chat at a time. One worker keeps long polling.

The database server's CPU is measured too (`Database.cpu_s`): the PostgreSQL postmaster and
every backend it started, from /proc, so a run can say what the database paid per update or claim.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import tempfile
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp

from bench._bot import BotProcess, bot_process
from coachbot.sandbox import Sandbox

STORAGES = ("sqlite", "postgresql")
SECRET = "bench-webhook-secret"


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--storage", choices=STORAGES, default="sqlite", help="database backend (default sqlite)")
    p.add_argument("--workers", type=int, default=1,
                   help="bot processes sharing the database (more than one needs --storage postgresql)")


def check_options(p: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.workers < 1:
        p.error("--workers must be at least 1")
    if args.workers > 1 and args.storage != "postgresql":
        p.error("several workers share a PostgreSQL database: add --storage postgresql")


def _tick_seconds() -> int:
    return os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int, children: bool) -> float:
    """utime + stime (and the reaped children's, if asked) of one process, in seconds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if children else 0)
    return ticks / _tick_seconds()


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Database:
    """Where one run's data lives: a SQLite file or a fresh schema on a PostgreSQL server."""

    def __init__(self, storage: str, tmp: str) -> None:
        self.storage = storage
        self.tmp = tmp
        self.server: Any = None
        self._runs = 0

    async def start(self) -> None:
        if self.storage == "postgresql":
            import sys

            root = str(Path(__file__).resolve().parents[1])
            if root not in sys.path:
                sys.path.insert(0, root)
            from tests.pg_server import start  # the tests' own server fixture, reused

            self.server = await asyncio.to_thread(start)   # it drives its own event loop

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()

    async def fresh(self) -> str:
        """A new, empty database for one run: a path or a postgresql:// URL."""
        self._runs += 1
        if self.server is None:
            return str(Path(self.tmp) / f"run{self._runs}.sqlite3")
        return str(await asyncio.to_thread(self.server.fresh_url, f"bench{self._runs}"))

    def cpu_s(self) -> float | None:
        """CPU the database server has used so far (postmaster, its live and its ended backends)."""
        proc = getattr(self.server, "proc", None) if self.server is not None else None
        if proc is None:
            return None
        return _proc_cpu(proc.pid, True) + sum(_proc_cpu(c, False) for c in _children(proc.pid))


@asynccontextmanager
async def database(storage: str) -> AsyncIterator[Database]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(storage, tmp)
        await db.start()
        try:
            yield db
        finally:
            db.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class WebhookPump:
    """Telegram plus a least-connections proxy: every update the sandbox holds goes to one worker's webhook."""

    def __init__(self, sb: Sandbox, ports: Sequence[int]) -> None:
        self.sb = sb
        self.urls = [f"http://127.0.0.1:{p}/hook" for p in ports]
        self.open = [0] * len(ports)      # requests in flight per worker
        self.sent = [0] * len(ports)      # updates handed to each worker
        self._chats: dict[int, asyncio.Task[None]] = {}
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> WebhookPump:
        self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
        self._task = asyncio.create_task(self._run())
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._task is not None and self._session is not None
        self._task.cancel()
        await asyncio.gather(self._task, *self._chats.values(), return_exceptions=True)
        await self._session.close()

    async def _run(self) -> None:
        chats = self.sb.chats
        while True:
            batch = chats.take(100)
            if not batch:
                await self.sb.wait_change(0.2)
                continue
            chats.confirm(batch[-1]["update_id"] + 1)
            for update in batch:
                chat = _chat_of(update)
                before = self._chats.get(chat)
                self._chats[chat] = asyncio.create_task(self._deliver(update, before))

    async def _deliver(self, update: dict[str, Any], before: asyncio.Task[None] | None) -> None:
        if before is not None:  # one request in flight per chat, in order, as Telegram delivers them
            await asyncio.gather(before, return_exceptions=True)
        assert self._session is not None
        worker = min(range(len(self.urls)), key=self.open.__getitem__)
        self.open[worker] += 1
        self.sent[worker] += 1
        try:
            async with self._session.post(self.urls[worker], json=update,
                                          headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as res:
                res.raise_for_status()
        finally:
            self.open[worker] -= 1


def _chat_of(update: dict[str, Any]) -> int:
    for kind in ("message", "callback_query", "my_chat_member"):
        body = update.get(kind)
        if isinstance(body, dict):
            return int((body.get("from") or body.get("chat") or {}).get("id", 0))
    return 0


class Workers(list[BotProcess]):
    """The bot processes of one run (and the pump in front of them when there are several)."""

    pump: WebhookPump | None = None

    async def beat(self) -> int:
        """Every worker writes its heartbeat twice, so each knows how many share the send budget."""
        seen = 0
        for _ in range(2):
            for worker in self:
                seen = (await worker.tick(b"beat"))["workers"]
        return int(seen)

    async def tick(self) -> dict[str, Any]:
        """One reminders tick in every worker at once; the reports added up."""
        reports = await asyncio.gather(*(w.tick() for w in self))
        total: dict[str, Any] = {}
        for report in reports:
            for key, value in report.items():
                if isinstance(value, int | float) and not isinstance(value, bool):
                    total[key] = total.get(key, 0) + value
                elif isinstance(value, list) and isinstance(total.get(key), list):
                    total[key] = [*total[key], *value]
                elif key not in total:
                    total[key] = value
        return total

    def stats(self) -> dict[str, Any]:
        """CPU of the measured work, per worker and together; updates each worker was handed."""
        cpus = [w.get("work_cpu_s") for w in self]
        out: dict[str, Any] = {"work_cpu_s": round(sum(c for c in cpus if c), 2) if all(cpus) else None,
                               "worker_cpu_s": cpus, "startup_s": max((w.get("startup_s") or 0) for w in self),
                               "rss_mb": max((w.get("rss_mb") or 0) for w in self),
                               "event_loop": self[0].get("event_loop") if self else None}
        if self.pump is not None:
            out["updates_per_worker"] = list(self.pump.sent)
        return out


@asynccontextmanager
async def workers(count: int, *, db: str, sb: Sandbox, token: str, now: datetime,
                  **options: Any) -> AsyncIterator[Workers]:
    """`count` bot processes on `db`: one polling, or several behind a webhook pump."""
    procs = Workers()
    async with AsyncExitStack() as stack:
        if count == 1:
            procs.append(await stack.enter_async_context(
                bot_process(db=db, base_url=sb.base_url, token=token, now=now, **options)))
        else:
            ports = [_free_port() for _ in range(count)]
            started = await asyncio.gather(*(stack.enter_async_context(
                bot_process(db=db, base_url=sb.base_url, token=token, now=now, webhook_port=port,
                            webhook_secret=SECRET, **options)) for port in ports))
            procs.extend(started)
            procs.pump = await stack.enter_async_context(WebhookPump(sb, ports))
        yield procs
