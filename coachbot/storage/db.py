"""The one aiosqlite connection: pragmas, numbered migrations, write transactions.

SQLite allows a single writer, so every write transaction goes through one
asyncio lock; reads run directly on the same connection (WAL keeps them cheap).

aiosqlite runs each call on its own thread and every call is a hop there and
back (a queue put, a thread wake-up, a future): the bot's biggest CPU cost per
update when a read took three hops (execute, fetch, close) and a one-statement
write three more (BEGIN, statement, COMMIT). `fetchone`, `fetchall` and
`execute` therefore run their whole job in one hop.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

import aiosqlite

log = logging.getLogger(__name__)
MIGRATION_RE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """Return (number, name, sql) for every packaged migration, in order."""
    found = []
    for item in resources.files("coachbot.storage.migrations").iterdir():
        m = MIGRATION_RE.match(item.name)
        if m:
            found.append((int(m.group(1)), item.name, item.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps, found {numbers}")
    return found


class Database:
    """Owns the connection; repositories borrow it through fetch/execute/transaction."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is not open")
        return self._conn

    async def open(self) -> None:
        self._conn = await aiosqlite.connect(self.path, isolation_level=None)
        self._conn.row_factory = aiosqlite.Row
        await self._conn.execute("PRAGMA journal_mode=WAL")
        await self._conn.execute("PRAGMA foreign_keys=ON")
        await self._conn.execute("PRAGMA busy_timeout=5000")
        await self._conn.execute("PRAGMA synchronous=NORMAL")
        await self.migrate()

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def user_version(self) -> int:
        row = await self.fetchone("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> int:
        """Apply every migration above PRAGMA user_version, each in its own transaction."""
        current = await self.user_version()
        for number, name, sql in migrations():
            if number <= current:
                continue
            async with self.transaction() as conn:
                for statement in _split_sql(sql):
                    await conn.execute(statement)
                # PRAGMA does not accept parameters; number is an int we parsed ourselves.
                await conn.execute(f"PRAGMA user_version = {int(number)}")
            log.info("applied migration %s", name)
            current = number
        return current

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE ... COMMIT under the writer lock; ROLLBACK on any error."""
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            else:
                await self.conn.execute("COMMIT")

    async def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Run one write statement atomically (one hop to the database thread); return rowcount."""
        async with self._write_lock:
            return await self.conn._execute(_write_one, self.conn._conn, sql, params)

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        async with self.transaction() as conn:
            await conn.executemany(sql, rows)

    async def fetchone(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> aiosqlite.Row | None:
        return await self.conn._execute(_fetch, self.conn._conn, sql, params, True)

    async def fetchall(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[aiosqlite.Row]:
        return await self.conn._execute(_fetch, self.conn._conn, sql, params, False)

    async def backup(self, target_path: str) -> None:
        """Consistent online copy through SQLite's backup API."""
        async with aiosqlite.connect(target_path) as target:
            await self.conn.backup(target)


def _fetch(db: sqlite3.Connection, sql: str, params: Sequence[Any] | dict[str, Any], one: bool) -> Any:
    """On the database thread: run a query and fetch its first row or all rows."""
    cur = db.execute(sql, params)
    try:
        return cur.fetchone() if one else cur.fetchall()
    finally:
        cur.close()


def _write_one(db: sqlite3.Connection, sql: str, params: Sequence[Any] | dict[str, Any]) -> int:
    """On the database thread: BEGIN IMMEDIATE, the statement, COMMIT; ROLLBACK on any error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        rowcount = db.execute(sql, params).rowcount
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return rowcount


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, using SQLite's own tokenizer to find the ends."""
    statements, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip() and not all(ln.strip().startswith("--") or not ln.strip() for ln in buf.splitlines()):
        raise RuntimeError("migration ends with an incomplete statement")
    return statements
