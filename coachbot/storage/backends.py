"""Which database a URL selects: a path or `sqlite:///path` is SQLite, `postgresql://` is PostgreSQL.

Kept apart from `db.py` (the interface both implement), so neither backend imports its chooser.
"""

from __future__ import annotations

from .db import Database, sqlite_path


def open_database(url: str, *, pool_size: int = 10) -> Database:
    """The backend a URL selects (not yet opened)."""
    path = sqlite_path(url)
    if path is not None:
        from .sqlite import SqliteDatabase
        return SqliteDatabase(path)
    from .postgres import PostgresDatabase
    return PostgresDatabase(url, pool_size=pool_size)
