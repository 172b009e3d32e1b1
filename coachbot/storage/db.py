"""The database seam: the little that repositories may ask of a database.

Repositories write portable SQL with `?` placeholders and talk only to this
interface: `execute`, `executemany`, `insert` (returns the new row id),
`fetchone`, `fetchall`, and `transaction()` which hands out the same calls on
one connection inside one transaction. Everything that differs between
databases lives in a backend module (`sqlite.py`, `postgres.py`) behind it:
connection setup, placeholders, the schema version, numbered migrations in
`migrations/<backend>/`, id lists (`in_ids`), index hints, row locks for
claims, schema discovery for export, and backups.

`backends.open_database(url)` picks the backend: a path or `sqlite:///path` is SQLite,
`postgresql://…` is PostgreSQL.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from importlib import resources
from typing import Any

MIGRATION_RE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BACKENDS = ("sqlite", "postgres")
Params = Sequence[Any]
Row = Any  # a mapping-and-sequence row: row["name"] and row[0] both work on every backend


class DatabaseGone(RuntimeError):
    """The database file was deleted or replaced while the bot had it open."""


class IntegrityError(Exception):
    """A constraint refused a write (unique, foreign key, check, not null), on any backend."""


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    type: str          # INTEGER | TEXT | REAL | other, normalised across backends
    notnull: bool
    has_default: bool
    primary_key: bool
    local_id: bool     # a row id this instance generates (not data: left out of exports)


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: tuple[ColumnInfo, ...]   # in schema order


def migrations(backend: str = "sqlite") -> list[tuple[int, str, str]]:
    """Return (number, name, sql) for every migration of one backend, in order."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown database backend {backend!r}")
    root = resources.files("coachbot.storage.migrations")
    stray = sorted(item.name for item in root.iterdir() if item.name.endswith(".sql"))
    if stray:
        raise RuntimeError(f"migrations belong in migrations/<backend>/, found {stray} at the top")
    found = []
    for item in root.joinpath(backend).iterdir():
        m = MIGRATION_RE.match(item.name)
        if m:
            found.append((int(m.group(1)), item.name, item.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"{backend} migrations must be numbered 1..N without gaps, found {numbers}")
    return found


class Tx(ABC):
    """One connection inside one transaction."""

    @abstractmethod
    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return the number of rows it changed."""

    @abstractmethod
    async def executemany(self, sql: str, rows: Iterable[Params]) -> None: ...

    @abstractmethod
    async def insert(self, sql: str, params: Params = ()) -> int:
        """Run one INSERT into a table with an `id` row id; return the new id."""

    @abstractmethod
    async def fetchone(self, sql: str, params: Params = ()) -> Row | None: ...

    @abstractmethod
    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]: ...


class Database(ABC):
    """Owns the connection(s); repositories borrow them through the calls below."""

    backend: str = ""
    # Whether several bot processes may share this database (claims, leases, update de-duplication).
    several_processes: bool = False
    # Appended to a claim's SELECT so concurrent claimers skip each other's rows.
    lock_rows: str = ""
    lock_rows_plain: str = ""   # the same for a single-table SELECT

    def __init__(self, url: str) -> None:
        self.url = url

    # ---- life cycle ------------------------------------------------------------------
    @abstractmethod
    async def open(self) -> None:
        """Connect and apply pending migrations."""

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def schema_version(self) -> int:
        """Number of the last migration applied."""

    @abstractmethod
    async def migrate(self) -> int:
        """Apply every migration above schema_version, each in its own transaction."""

    # ---- statements ------------------------------------------------------------------
    @abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Tx]:
        """A write transaction; rolled back on any error."""

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one write statement atomically; return rowcount."""
        async with self.transaction() as tx:
            return await tx.execute(sql, params)

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        async with self.transaction() as tx:
            await tx.executemany(sql, rows)

    async def insert(self, sql: str, params: Params = ()) -> int:
        async with self.transaction() as tx:
            return await tx.insert(sql, params)

    async def fetch_written(self, sql: str, params: Params = ()) -> Row | None:
        """Run one write statement ending in RETURNING atomically; return the first row it gives."""
        async with self.transaction() as tx:
            return await tx.fetchone(sql, params)

    @abstractmethod
    async def fetchone(self, sql: str, params: Params = ()) -> Row | None: ...

    @abstractmethod
    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]: ...

    # ---- dialect ---------------------------------------------------------------------
    @abstractmethod
    def in_ids(self, column: str) -> str:
        """SQL that is true when `column` is in the id list bound at this `?` (see `ids`)."""

    @abstractmethod
    def ids(self, values: Iterable[int]) -> Any:
        """The parameter to bind for an `in_ids` placeholder."""

    def index_hint(self, index: str) -> str:
        """An index the planner must use, where the backend accepts such a hint."""
        return ""

    @abstractmethod
    async def tables(self) -> list[TableInfo]:
        """Every table of the application schema, by name."""

    @abstractmethod
    async def backup(self, target: str) -> str:
        """A consistent copy of the whole database; return where it went."""

    async def size_bytes(self) -> int | None:
        """How much space the database takes, if the backend can tell."""
        return None

    def file_problem(self) -> str | None:
        """Why the database the bot opened is no longer there (a file deleted or replaced), or None."""
        return None

    async def after_bulk_load(self, table: TableInfo) -> None:
        """Rows were copied in with their ids: let the backend's id counters move past them."""
        return None  # SQLite's rowids need nothing

    def person_lock(self, person_id: int) -> AbstractAsyncContextManager[None]:
        """Held while one person's update is handled, across every process sharing the database."""
        return nullcontext()


def sqlite_path(url: str) -> str | None:
    """The file path if `url` selects SQLite (a plain path or sqlite:///path), else None."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):]  # as SQLAlchemy: sqlite:///relative, sqlite:////absolute
    if url.startswith("sqlite://"):
        raise ValueError("a SQLite URL is sqlite:///relative/path or sqlite:////absolute/path")
    if is_postgres(url):
        return None
    if "://" in url:
        raise ValueError(f"unsupported database URL scheme: {url.split('://', 1)[0]}")
    return url


def redact(url: str) -> str:
    """The URL without a password, for logs and reprs."""
    return re.sub(r"^([a-z]+://[^:/@]*):[^@]*@", r"\1:***@", url)


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))
