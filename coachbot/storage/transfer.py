"""`coachbot migrate-db`: copy every row from one database to another, then compare them row by row.

Both ends are opened through the seam (so both are migrated to the latest schema
first); tables are found with `Database.tables()`, `people` goes first because
the others reference it. Row ids are copied as they are, so buttons and
references keep working; PostgreSQL's identity counters are moved past them.
The target must be empty. Process-local tables (update ids, heartbeats) are not copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .backends import open_database
from .db import Database, TableInfo

SKIP = {"updates_seen", "update_tickets", "workers"}
BATCH = 1000


class TransferError(Exception):
    """The copy could not start or did not verify; the message says which table."""


@dataclass
class TransferReport:
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _order(tables: list[TableInfo]) -> list[TableInfo]:
    wanted = [t for t in tables if t.name not in SKIP]
    return sorted(wanted, key=lambda t: (t.name != "people", t.name != "settings", t.name))


async def _rows(db: Database, table: TableInfo, columns: list[str]) -> list[tuple]:
    cols = ", ".join(_quote(c) for c in columns)
    rows = await db.fetchall(f"SELECT {cols} FROM {_quote(table.name)}")  # noqa: S608 - names from the schema
    return sorted((tuple(r) for r in rows), key=repr)


async def _plan(source: Database, target: Database) -> list[tuple[TableInfo, list[str]]]:
    """(table, columns both sides have) in copy order; the target must have every table, all empty."""
    src_tables = {t.name: t for t in _order(await source.tables())}
    dst_tables = {t.name: t for t in await target.tables()}
    missing = sorted(set(src_tables) - set(dst_tables))
    if missing:
        raise TransferError(f"the target has no table {missing[0]} (is it older than the source?)")
    plan = []
    for name, table in src_tables.items():
        row = await target.fetchone(f"SELECT COUNT(*) FROM {_quote(name)}")  # noqa: S608
        if row and row[0]:
            raise TransferError(f"the target is not empty: {name} has {row[0]} rows")
        dst_cols = {c.name for c in dst_tables[name].columns}
        plan.append((table, [c.name for c in table.columns if c.name in dst_cols]))
    return plan


async def copy_database(source: Database, target: Database) -> TransferReport:
    """Copy and verify; raise TransferError if the target is not empty or a table differs."""
    plan = await _plan(source, target)
    report = TransferReport()
    async with target.transaction() as tx:
        for table, columns in plan:
            rows = await _rows(source, table, columns)
            marks = ", ".join("?" for _ in columns)
            sql = (f"INSERT INTO {_quote(table.name)} ({', '.join(_quote(c) for c in columns)})"  # noqa: S608
                   f" VALUES ({marks})")
            for start in range(0, len(rows), BATCH):
                await tx.executemany(sql, rows[start:start + BATCH])
            report.rows[table.name] = len(rows)
    for table, _ in plan:
        await target.after_bulk_load(table)
    for table, columns in plan:  # row by row, both sides read back
        if await _rows(source, table, columns) != await _rows(target, table, columns):
            raise TransferError(f"table {table.name} differs after the copy")
    return report


async def migrate_db(source_url: str, target_url: str) -> TransferReport:
    source, target = open_database(source_url), open_database(target_url)
    await source.open()
    try:
        await target.open()
        try:
            return await copy_database(source, target)
        finally:
            await target.close()
    finally:
        await source.close()
