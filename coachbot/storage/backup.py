"""Consistent online copies of the database while the bot keeps writing.

SQLite's backup API copies every page inside one read transaction; with WAL the
writer carries on meanwhile and the copy is the snapshot at the moment it began.
The copy is written beside the target, checked, made a single self-contained
file (no -wal), and only then renamed into place, so a crash never leaves a
half-written backup under the final name. Every file is created 0600: backups
hold the same health data as the database.

Into a folder, each backup gets its own timestamped name and only the newest
`keep` are kept, so a scheduled backup never overwrites the last good one.
"""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_KEEP = 7
_STAMPED = re.compile(r"^(?P<stem>.+)-\d{8}T\d{6}Z(?:-\d+)?(?P<suffix>\.[^.]*)?$")


class BackupError(Exception):
    """The copy failed its integrity check (the original is untouched), or the target is unusable."""


def stamped_name(source: Path, now: datetime) -> str:
    """'coachbot.sqlite3' -> 'coachbot-20261201T023000Z.sqlite3' (sorts by time)."""
    return f"{source.stem}-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}{source.suffix}"


def backup_into(source: str | os.PathLike[str], target: str | os.PathLike[str], *, keep: int = DEFAULT_KEEP,
                now: datetime | None = None) -> tuple[Path, list[Path]]:
    """Back up into a folder (timestamped name, newest `keep` kept) or to a file path.

    Returns (written, removed). A folder that does not exist, or a file path in one, is refused.
    """
    src, dst = Path(source), Path(target)
    folder = dst.is_dir() or str(target).endswith(os.sep)
    if folder and not dst.is_dir():
        raise BackupError(f"backup folder {dst} does not exist")
    if not folder and not dst.parent.is_dir():
        raise BackupError(f"folder {dst.parent} does not exist")
    if not folder:
        return backup_sync(src, dst), []
    now = now or datetime.now(UTC)
    path = dst / stamped_name(src, now)
    n = 1
    while path.exists():                                   # two backups within one second
        path = dst / f"{Path(stamped_name(src, now)).stem}-{n}{src.suffix}"
        n += 1
    written = backup_sync(src, path)
    return written, prune(dst, src, keep)


def prune(folder: Path, source: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` timestamped backups of `source` in `folder`."""
    mine = sorted(p for p in folder.iterdir()
                  if p.is_file() and (m := _STAMPED.match(p.name)) and m.group("stem") == source.stem
                  and (m.group("suffix") or "") == source.suffix)
    old = mine[:-keep] if keep > 0 else mine
    for path in old:
        path.unlink(missing_ok=True)
    return old


def backup_sync(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """Copy `source` to `target` atomically; return the target path."""
    src_path, dst_path = Path(source), Path(target)
    if not src_path.is_file():
        raise FileNotFoundError(str(src_path))
    if dst_path.is_dir():
        dst_path = dst_path / src_path.name
    tmp = dst_path.with_name(dst_path.name + ".partial")
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))   # private before a byte is written
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
    os.chmod(tmp, 0o600)
    os.replace(tmp, dst_path)
    return dst_path


async def backup_file(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """backup_sync in a worker thread, so a running event loop is never blocked."""
    return await asyncio.to_thread(backup_sync, source, target)
