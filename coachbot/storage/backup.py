"""Consistent online copies of the database (SQLite's backup API works alongside a running writer)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


async def backup_file(source: str, target: str) -> None:
    if not Path(source).exists():
        raise FileNotFoundError(source)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
