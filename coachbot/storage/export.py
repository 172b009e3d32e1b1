"""Every row about one person, out and back in, for any table that has a person_id column.

Tables are discovered from the database's own schema (`Database.tables()`), so a table a
future migration adds is exported, restored and deleted without touching this
file. The dump is person-independent: it leaves out the person's id (people.id,
people.chat_id and every person_id column) and instance-local row ids (INTEGER
PRIMARY KEY columns in SQLite, identity columns in PostgreSQL), so it can be restored into any account on any instance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .db import Database, IntegrityError

PEOPLE = "people"
# Columns of `people` that belong to the account or the live conversation, not to the data.
PEOPLE_LOCAL = ("id", "chat_id", "active", "awaiting")


class RestoreError(ValueError):
    """The dump does not fit this database; `reason` is a code, `detail` names the place."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Column:
    name: str
    type: str            # INTEGER | TEXT | REAL | ...
    notnull: bool
    has_default: bool


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]      # exported columns, in schema order
    key: str                         # column holding the person's id

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


async def person_tables(db: Database) -> list[Table]:
    """`people` first, then every table with a person_id column, alphabetically."""
    tables = []
    for info in await db.tables():
        names = {c.name for c in info.columns}
        if info.name == PEOPLE:
            key, skip = "id", set(PEOPLE_LOCAL)
        elif "person_id" in names:
            key, skip = "person_id", {"person_id"}
        else:
            continue
        skip |= {c.name for c in info.columns if c.local_id and c.name != key}
        columns = tuple(Column(c.name, c.type, c.notnull, c.has_default)
                        for c in info.columns if c.name not in skip)
        tables.append(Table(info.name, columns, key))
    tables.sort(key=lambda t: (t.name != PEOPLE, t.name))
    return tables


def _quote(name: str) -> str:
    """Quote an identifier read from the schema (never from the person)."""
    return '"' + name.replace('"', '""') + '"'


async def dump_person(db: Database, person_id: int) -> dict[str, dict[str, list]]:
    """{table: {"columns": [...], "rows": [[...], ...]}} for every table, in one consistent read."""
    out: dict[str, dict[str, list]] = {}
    tables = await person_tables(db)
    async with db.transaction() as tx:
        for table in tables:
            cols = [c.name for c in table.columns]
            order = ", ".join(_quote(c) for c in cols)
            # Identifiers come from the schema itself; the person's id is a parameter.
            sql = (f"SELECT {order} FROM {_quote(table.name)} WHERE {_quote(table.key)} = ?"  # noqa: S608
                   f" ORDER BY {order}")
            rows = await tx.fetchall(sql, (person_id,))
            out[table.name] = {"columns": cols, "rows": [list(r) for r in rows]}
    return out


def _check_value(table: Table, column: Column, value: Any) -> None:
    if value is None:
        if column.notnull:
            raise RestoreError("null", f"{table.name}.{column.name}")
        return
    kind = column.type
    ok = ((isinstance(value, int) and not isinstance(value, bool)) if "INT" in kind
          else isinstance(value, str) if "TEXT" in kind or "CHAR" in kind
          else isinstance(value, int | float) and not isinstance(value, bool) if "REAL" in kind
          else isinstance(value, str | int | float) and not isinstance(value, bool))
    if not ok:
        raise RestoreError("type", f"{table.name}.{column.name}")


def _columns_named(table: Table, cols: list[Any]) -> list[Column]:
    """The schema's columns for a dump's column names; every required column must be there."""
    columns = []
    for col in cols:
        column = table.column(col) if isinstance(col, str) else None
        if column is None:
            raise RestoreError("unknown-column", f"{table.name}.{str(col)[:40]}")
        columns.append(column)
    for column in table.columns:
        if column.name not in cols and column.notnull and not column.has_default:
            raise RestoreError("missing-column", f"{table.name}.{column.name}")
    return columns


def _checked_table(table: Table, body: Any) -> tuple[list[str], list[list]]:
    """The columns and rows of one table of a dump, each checked against the schema."""
    if not isinstance(body, dict) or not isinstance(body.get("columns"), list) \
            or not isinstance(body.get("rows"), list):
        raise RestoreError("structure", table.name)
    cols: list[str] = body["columns"]
    if len(set(map(str, cols))) != len(cols):
        raise RestoreError("structure", table.name)
    columns = _columns_named(table, cols)
    for row in body["rows"]:
        if not isinstance(row, list) or len(row) != len(cols):
            raise RestoreError("structure", table.name)
        for column, value in zip(columns, row, strict=True):
            _check_value(table, column, value)
    return cols, body["rows"]


async def validate(db: Database, tables: dict[str, Any],
                   skip: frozenset[str] = frozenset()) -> list[tuple[Table, list[str], list[list]]]:
    """Check a dump against this database's schema; return (table, columns, rows) ready to insert.

    Tables named in `skip` (engine state that is planned again) are left out of the plan.
    """
    known = {t.name: t for t in await person_tables(db)}
    if not isinstance(tables, dict):
        raise RestoreError("structure", "tables")
    plan = []
    for name, body in tables.items():
        if name in skip:
            continue
        table = known.get(name)
        if table is None:
            raise RestoreError("unknown-table", str(name)[:40])
        plan.append((table, *_checked_table(table, body)))
    if PEOPLE in tables and len(tables[PEOPLE]["rows"]) > 1:
        raise RestoreError("structure", PEOPLE)
    plan.sort(key=lambda item: item[0].name != PEOPLE)  # the others reference people
    return plan


async def restore_person(db: Database, person_id: int, chat_id: int, tables: dict[str, Any],
                         skip: frozenset[str] = frozenset(),
                         check: Callable[[dict[str, Any]], None] | None = None) -> int:
    """Replace everything about the person with the dump, in one transaction; return rows written.

    The dump must hold exactly one `people` row and its `settings`, so the person
    ends up in a usable state. Rows of the tables in `skip` are not copied (the person's
    old ones are deleted with them); `check` sees the schema-checked tables before anything
    is written and may raise to refuse. Any error rolls everything back.
    """
    plan = await validate(db, tables, skip)
    if check is not None:
        check({t.name: {"columns": cols, "rows": rows} for t, cols, rows in plan})
    names = {t.name for t, _, _ in plan}
    if PEOPLE not in names or "settings" not in names or len(tables[PEOPLE]["rows"]) != 1 \
            or len(tables["settings"]["rows"]) != 1:
        raise RestoreError("missing-table", "people/settings")
    written = 0
    try:
        async with db.transaction() as tx:
            await tx.execute("DELETE FROM people WHERE id = ?", (person_id,))
            for table, cols, rows in plan:
                if table.name == PEOPLE:
                    all_cols = ["id", "chat_id", "active", "awaiting", *cols]
                    rows = [[person_id, chat_id, 1, None, *r] for r in rows]
                else:
                    all_cols = [table.key, *cols]
                    rows = [[person_id, *r] for r in rows]
                marks = ", ".join("?" for _ in all_cols)
                sql = (f"INSERT INTO {_quote(table.name)} ({', '.join(_quote(c) for c in all_cols)})"  # noqa: S608
                       f" VALUES ({marks})")
                await tx.executemany(sql, rows)
                written += len(rows)
    except IntegrityError as exc:
        raise RestoreError("constraint", str(exc)[:80]) from exc
    return written


async def rows_about(db: Database, person_id: int) -> dict[str, int]:
    """How many rows each person table holds for the person (tests and /delete checks)."""
    counts = {}
    for table in await person_tables(db):
        row = await db.fetchone(
            f"SELECT COUNT(*) FROM {_quote(table.name)} WHERE {_quote(table.key)} = ?",  # noqa: S608
            (person_id,))
        counts[table.name] = int(row[0]) if row else 0
    return counts
