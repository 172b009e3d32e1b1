"""SQLite behind the database seam: two connections to one file, pragmas, PRAGMA user_version.

SQLite allows a single writer, so every write, whichever connection makes it, is
BEGIN IMMEDIATE under one asyncio lock; WAL lets reads go on meanwhile.

A read or a one-statement write takes about 10-15 µs inside SQLite, but a call through
aiosqlite (a queue put, a thread wake-up, a future, the GIL handed back and forth) costs
about 110 µs of CPU: with 15-20 such calls per tap, the hops were the bot's largest cost
per update. So those calls run directly on the event loop's own connection (`_quick`),
and only multi-statement transactions (claims, imports, deletes), bulk writes, backups and
the migrations go through aiosqlite's thread (`conn`). Every call the bot makes per update
is an indexed look-up of one person's rows; nothing that scans a table runs on the loop.
The loop's connection never checkpoints the WAL itself (that would fsync on the loop):
every `CHECKPOINT_EVERY` writes a third connection does, on a worker thread. It does not take
the writer lock: a PASSIVE checkpoint on a connection of its own never blocks a writer, so a
slow fsync no longer holds up every tap that writes (under the lock, each checkpoint stalled
all writes for 5-16 ms at ~850 updates/s, and for as long as the disk took when it was slow).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from .db import (
    ColumnInfo,
    Database,
    DatabaseGone,
    IntegrityError,
    Params,
    Row,
    TableInfo,
    Tx,
    migrations,
)

log = logging.getLogger(__name__)
CHECKPOINT_EVERY = 500   # writes on the loop's connection between two WAL checkpoints off the loop


def make_private(db_path: str) -> None:
    """The database and its -wal/-shm hold health data: owner read/write only (0600)."""
    for suffix in ("", "-wal", "-shm"):
        try:
            os.chmod(db_path + suffix, 0o600)
        except OSError:  # not there (yet), or not ours to change
            pass


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


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
        return await self.conn._execute(_fetch, self.conn._conn, sql, params, True)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return await self.conn._execute(_fetch, self.conn._conn, sql, params, False)


def _fetch(db: sqlite3.Connection, sql: str, params: Params, one: bool) -> Any:
    """Run a query and fetch its first row or all rows (on aiosqlite's thread: in one hop)."""
    cur = db.execute(sql, params)
    try:
        return cur.fetchone() if one else cur.fetchall()
    finally:
        cur.close()


def _write_one(db: sqlite3.Connection, sql: str, params: Params, returning: bool = False) -> Any:
    """BEGIN IMMEDIATE, one statement, COMMIT; ROLLBACK on any error.

    Gives (rowcount, lastrowid), or with `returning` the first row the statement's RETURNING gave.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        cur = db.execute(sql, params)
        if returning:   # every row read, so the statement is finished before COMMIT
            rows = cur.fetchall()
            done: Any = rows[0] if rows else None
        else:
            done = (cur.rowcount, int(cur.lastrowid or 0))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return done


def _checkpoint(db: sqlite3.Connection) -> None:
    """Copy the WAL back into the database file without waiting for readers or writers."""
    db.execute("PRAGMA wal_checkpoint(PASSIVE)").close()


class SqliteDatabase(Database):
    backend = "sqlite"

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path
        self._conn: aiosqlite.Connection | None = None
        self._quick: sqlite3.Connection | None = None   # the event loop's own connection (see the top)
        self._checkpointer: sqlite3.Connection | None = None   # used only by a checkpoint, off the loop
        self._writes = 0
        self._checkpoint: asyncio.Task[Any] | None = None
        self._write_lock = asyncio.Lock()
        self._identity: tuple[int, int] | None = None   # (device, inode) of the file we opened

    def file_problem(self) -> str | None:
        """Why the open file is no longer the database at `path` (deleted, replaced), or None."""
        if self._identity is None:
            return None
        now = _identity(self.path)
        if now is None:
            return f"database file {self.path} was deleted"
        if now != self._identity:
            return f"database file {self.path} was replaced"
        return None

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is not open")
        return self._conn

    async def open(self) -> None:
        local = self.path != ":memory:" and not self.path.startswith("file:")
        if local and not os.path.exists(self.path):
            # Created 0600 before SQLite sees it; SQLite gives -wal and -shm the same mode.
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        self._conn = await aiosqlite.connect(self.path, isolation_level=None)
        self._conn.row_factory = aiosqlite.Row
        await self._conn.execute("PRAGMA journal_mode=WAL")
        await self._conn.execute("PRAGMA foreign_keys=ON")
        await self._conn.execute("PRAGMA busy_timeout=5000")
        await self._conn.execute("PRAGMA synchronous=NORMAL")
        await self.migrate()
        if local:
            self._identity = _identity(self.path)
            make_private(self.path)
            # In-memory and URI databases are not shared by a second connection: they keep one.
            self._quick = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._quick.row_factory = sqlite3.Row
            for pragma in ("foreign_keys=ON", "busy_timeout=5000", "synchronous=NORMAL", "wal_autocheckpoint=0"):
                self._quick.execute(f"PRAGMA {pragma}")
            self._checkpointer = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._checkpointer.execute("PRAGMA busy_timeout=5000")

    async def close(self) -> None:
        if self._checkpoint is not None:
            await asyncio.gather(self._checkpoint, return_exceptions=True)
            self._checkpoint = None
        for own in (self._quick, self._checkpointer):   # the plain sqlite3 connections
            if own is not None:
                own.close()
        self._quick = self._checkpointer = None
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
                problem = self.file_problem()   # never confirm a write into a deleted file
                if problem is not None:
                    raise DatabaseGone(problem)
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            else:
                await self.conn.execute("COMMIT")

    async def _write(self, sql: str, params: Params, returning: bool = False) -> Any:
        """One statement in its own transaction: (rowcount, lastrowid), or its RETURNING row."""
        async with self._write_lock:
            try:
                if self._quick is None:
                    return await self.conn._execute(_write_one, self.conn._conn, sql, params, returning)
                problem = self.file_problem()   # never confirm a write into a deleted file
                if problem is not None:
                    raise DatabaseGone(problem)
                done = _write_one(self._quick, sql, params, returning)
            except sqlite3.IntegrityError as exc:
                raise IntegrityError(str(exc)) from exc
        self._writes += 1
        if self._writes % CHECKPOINT_EVERY == 0 and (self._checkpoint is None or self._checkpoint.done()):
            self._checkpoint = asyncio.create_task(self._checkpoint_wal())
        return done

    async def _checkpoint_wal(self) -> None:
        if self._checkpointer is not None:
            await asyncio.to_thread(_checkpoint, self._checkpointer)
            return
        # Under the writer lock: on the thread's connection, a checkpoint that lands between
        # another coroutine's BEGIN IMMEDIATE and COMMIT fails ("database table is locked").
        async with self._write_lock:
            await self.conn._execute(_checkpoint, self.conn._conn)

    async def execute(self, sql: str, params: Params = ()) -> int:
        return (await self._write(sql, params))[0]

    async def insert(self, sql: str, params: Params = ()) -> int:
        return (await self._write(sql, params))[1]

    async def fetch_written(self, sql: str, params: Params = ()) -> Row | None:
        return await self._write(sql, params, returning=True)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        if self._quick is not None:
            return _fetch(self._quick, sql, params, True)
        return await SqliteTx(self.conn).fetchone(sql, params)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        if self._quick is not None:
            return _fetch(self._quick, sql, params, False)
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
