"""SQLite behind the database seam: one aiosqlite connection, pragmas, PRAGMA user_version.

SQLite allows a single writer, so every write transaction is BEGIN IMMEDIATE under
one asyncio lock; reads run directly on the same connection (WAL keeps them cheap).
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from .db import ColumnInfo, Database, IntegrityError, Params, Row, TableInfo, Tx, migrations

log = logging.getLogger(__name__)


class SqliteTx(Tx):
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        try:
            cur = await self.conn.execute(sql, params)
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc
        return cur.rowcount

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        try:
            await self.conn.executemany(sql, rows)
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc

    async def insert(self, sql: str, params: Params = ()) -> int:
        try:
            cur = await self.conn.execute(sql, params)
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc
        return int(cur.lastrowid or 0)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        async with self.conn.execute(sql, params) as cur:
            return await cur.fetchone()

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        async with self.conn.execute(sql, params) as cur:
            return list(await cur.fetchall())


class SqliteDatabase(Database):
    backend = "sqlite"

    def __init__(self, path: str) -> None:
        super().__init__(path)
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

    async def schema_version(self) -> int:
        row = await self.fetchone("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> int:
        current = await self.schema_version()
        for number, name, sql in migrations(self.backend):
            if number <= current:
                continue
            async with self.transaction() as tx:
                for statement in split_sql(sql):
                    await tx.execute(statement)
                # PRAGMA does not accept parameters; number is an int we parsed ourselves.
                await tx.execute(f"PRAGMA user_version = {int(number)}")
            log.info("applied migration %s", name)
            current = number
        return current

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[SqliteTx]:
        """BEGIN IMMEDIATE ... COMMIT under the writer lock; ROLLBACK on any error."""
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield SqliteTx(self.conn)
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            else:
                await self.conn.execute("COMMIT")

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        return await SqliteTx(self.conn).fetchone(sql, params)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return await SqliteTx(self.conn).fetchall(sql, params)

    # ---- dialect ---------------------------------------------------------------------
    def in_ids(self, column: str) -> str:
        return f"{column} IN (SELECT value FROM json_each(?))"  # noqa: S608 - a column name from our code

    def ids(self, values: Iterable[int]) -> Any:
        return json.dumps(sorted(set(values)))

    def index_hint(self, index: str) -> str:
        return f" INDEXED BY {index}"

    async def tables(self) -> list[TableInfo]:
        names = await self.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'"
                                    " AND name NOT LIKE 'sqlite_%' ORDER BY name")
        out = []
        for (name,) in names:
            info = await self.fetchall('SELECT name, type, "notnull", dflt_value, pk'
                                       " FROM pragma_table_info(?)", (name,))
            pks = [r for r in info if r[4]]
            # A lone INTEGER PRIMARY KEY is SQLite's rowid alias: a number this instance made up.
            rowid = pks[0][0] if len(pks) == 1 and (pks[0][1] or "").upper() == "INTEGER" else None
            out.append(TableInfo(name, tuple(
                ColumnInfo(r[0], (r[1] or "").upper(), bool(r[2]), r[3] is not None, bool(r[4]),
                           r[0] == rowid) for r in info)))
        return out

    async def backup(self, target: str) -> str:
        """Consistent online copy through SQLite's backup API (see backup.py for the CLI's copy)."""
        async with aiosqlite.connect(target) as copy:
            await self.conn.backup(copy)
        return target

    async def size_bytes(self) -> int | None:
        try:
            return Path(self.path).stat().st_size
        except OSError:
            return None


def split_sql(sql: str) -> list[str]:
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
