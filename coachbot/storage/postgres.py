"""PostgreSQL behind the database seam: an asyncpg pool, `$n` placeholders, a schema_version table.

Repositories write `?` placeholders; `_numbered` turns them into `$1, $2, …` once per
statement (cached). Migrations in migrations/postgres/ run under an advisory lock,
so several processes starting together apply each one exactly once.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any

import asyncpg

from .db import ColumnInfo, Database, IntegrityError, Params, Row, TableInfo, Tx, migrations

log = logging.getLogger(__name__)
MIGRATION_LOCK = 0x636F6163  # "coac": one advisory lock id for schema changes
PERSON_LOCKS = 0x636F6170    # "coap": the advisory lock space for people (second key: the id)
_INT_TYPES = {"bigint", "integer", "smallint"}
_REAL_TYPES = {"double precision", "real", "numeric"}


@lru_cache(maxsize=512)
def _numbered(sql: str) -> str:
    """`?` -> `$n` outside quoted strings and identifiers."""
    out, n, quote = [], 0, ""
    for ch in sql:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            n += 1
            out.append(f"${n}")
            continue
        out.append(ch)
    return "".join(out)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _rowcount(status: str) -> int:
    """asyncpg's status line ("UPDATE 3", "INSERT 0 1") -> rows changed."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


class PgTx(Tx):
    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        try:
            return _rowcount(await self.conn.execute(_numbered(sql), *params))
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(str(exc)) from exc

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        rows = list(rows)
        if not rows:
            return
        try:
            await self.conn.executemany(_numbered(sql), rows)
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(str(exc)) from exc

    async def insert(self, sql: str, params: Params = ()) -> int:
        try:
            return int(await self.conn.fetchval(_numbered(sql) + " RETURNING id", *params))
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(str(exc)) from exc

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        return await self.conn.fetchrow(_numbered(sql), *params)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self.conn.fetch(_numbered(sql), *params))


class PostgresDatabase(Database):
    backend = "postgres"
    lock_rows = " FOR UPDATE OF r SKIP LOCKED"
    lock_rows_plain = " FOR UPDATE SKIP LOCKED"
    several_processes = True

    def __init__(self, url: str, *, pool_size: int = 10) -> None:
        super().__init__(url)
        self.pool_size = pool_size
        self._pool: asyncpg.Pool | None = None
        # Person locks hold a connection for a whole update: their own pool, so they can never
        # starve the queries the update itself runs (which would deadlock).
        self._lock_pool: asyncpg.Pool | None = None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise RuntimeError("database is not open")
        return self._pool

    async def open(self) -> None:
        self._pool = await asyncpg.create_pool(self.url, min_size=1, max_size=self.pool_size)
        self._lock_pool = await asyncpg.create_pool(self.url, min_size=0, max_size=self.pool_size)
        await self.migrate()

    async def close(self) -> None:
        for pool in (self._lock_pool, self._pool):
            if pool is not None:
                await pool.close()
        self._pool = self._lock_pool = None

    @asynccontextmanager
    async def person_lock(self, person_id: int) -> AsyncIterator[None]:
        """pg_advisory_xact_lock(PERSON_LOCKS, id): another process handling this person waits."""
        if self._lock_pool is None:
            raise RuntimeError("database is not open")
        async with self._lock_pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1, $2)", PERSON_LOCKS, person_id & 0x7FFFFFFF)
            yield

    async def schema_version(self) -> int:
        row = await self.fetchone("SELECT to_regclass('schema_version') IS NOT NULL AS present")
        if not row or not row["present"]:
            return 0
        row = await self.fetchone("SELECT COALESCE(MAX(version), 0) AS v FROM schema_version")
        return int(row["v"]) if row else 0

    async def migrate(self) -> int:
        current = 0
        for number, name, sql in migrations(self.backend):
            async with self.pool.acquire() as conn, conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
                await conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
                current = int(await conn.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version"))
                if number <= current:
                    continue
                await conn.execute(sql)  # no parameters: the simple protocol runs the whole script
                await conn.execute("INSERT INTO schema_version (version) VALUES ($1)", number)
                log.info("applied migration %s", name)
                current = number
        return current

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[PgTx]:
        async with self.pool.acquire() as conn, conn.transaction():
            yield PgTx(conn)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        return await self.pool.fetchrow(_numbered(sql), *params)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self.pool.fetch(_numbered(sql), *params))

    # ---- dialect ---------------------------------------------------------------------
    def in_ids(self, column: str) -> str:
        return f"{column} = ANY(?::bigint[])"

    def ids(self, values: Iterable[int]) -> Any:
        return sorted(set(values))

    async def tables(self) -> list[TableInfo]:
        cols = await self.fetchall(
            "SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default,"
            " c.is_identity, EXISTS (SELECT 1 FROM information_schema.table_constraints t"
            "   JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name"
            "   AND k.table_schema = t.table_schema AND k.table_name = t.table_name"
            "   WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema"
            "   AND t.table_name = c.table_name AND k.column_name = c.column_name) AS pk"
            " FROM information_schema.columns c JOIN information_schema.tables tb"
            "   ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name"
            " WHERE c.table_schema = current_schema() AND tb.table_type = 'BASE TABLE'"
            " AND c.table_name != 'schema_version'"
            " ORDER BY c.table_name, c.ordinal_position")
        out: dict[str, list[ColumnInfo]] = {}
        for r in cols:
            kind = r["data_type"]
            norm = ("INTEGER" if kind in _INT_TYPES else "REAL" if kind in _REAL_TYPES
                    else "TEXT" if kind in ("text", "character varying") else kind.upper())
            identity = r["is_identity"] == "YES"
            out.setdefault(r["table_name"], []).append(ColumnInfo(
                r["column_name"], norm, r["is_nullable"] == "NO",
                r["column_default"] is not None or identity, bool(r["pk"]), identity))
        return [TableInfo(name, tuple(columns)) for name, columns in sorted(out.items())]

    async def after_bulk_load(self, table: TableInfo) -> None:
        for column in table.columns:
            if column.local_id:  # identity column: the next id must follow the copied ones
                await self.fetchone(
                    "SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX(" + _ident(column.name)  # noqa: S608
                    + ") FROM " + _ident(table.name) + "), 0) + 1, false)", (table.name, column.name))

    async def backup(self, target: str) -> str:
        raise NotImplementedError("back up PostgreSQL with pg_dump (see `coachbot backup`)")

    async def size_bytes(self) -> int | None:
        row = await self.fetchone("SELECT pg_database_size(current_database()) AS n")
        return int(row["n"]) if row else None
