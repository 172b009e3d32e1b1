"""Consistent online copies of the database while the bot keeps writing.

SQLite's backup API copies every page inside one read transaction; with WAL the
writer carries on meanwhile and the copy is the snapshot at the moment it began.
The copy is written beside the target, checked, made a single self-contained
file (no -wal), and only then renamed into place, so a crash never leaves a
half-written backup under the final name.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path


class BackupError(Exception):
    """The copy failed its integrity check (the original is untouched)."""


def backup_sync(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """Copy `source` to `target` atomically; return the target path."""
    src_path, dst_path = Path(source), Path(target)
    if not src_path.is_file():
        raise FileNotFoundError(str(src_path))
    if dst_path.is_dir():
        dst_path = dst_path / src_path.name
    tmp = dst_path.with_name(dst_path.name + ".partial")
    tmp.unlink(missing_ok=True)
    # Not mode=ro: a read-only connection cannot recover a WAL left by a killed writer.
    src = sqlite3.connect(src_path, timeout=30)
    try:
        src.execute("PRAGMA busy_timeout=30000")
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)  # pages=-1: the whole database in one step, one consistent snapshot
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()
            if result is None or result[0] != "ok":
                raise BackupError(f"integrity check of the copy failed: {result}")
        finally:
            dst.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    os.replace(tmp, dst_path)
    return dst_path


async def backup_file(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """backup_sync in a worker thread, so a running event loop is never blocked."""
    return await asyncio.to_thread(backup_sync, source, target)
