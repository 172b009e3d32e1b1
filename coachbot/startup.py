"""Checks `coachbot run` makes before it starts: one instance per database, a usable database,
a Bot API that accepts the token. Each failure is one line (StartupError), never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

SQLITE_HEADER = b"SQLite format 3\x00"
MAX_BACKOFF_S = 60.0


class StartupError(Exception):
    """Why the bot cannot start, as one line for the operator (never containing the token)."""


# ---- one instance per database ----------------------------------------------------------
def lock_path(db_path: str) -> Path:
    return Path(db_path + ".lock")


class InstanceLock:
    """An exclusive flock on `<database>.lock` (holding our PID) for as long as the bot runs.

    The kernel drops the lock when the process dies, so a killed bot never leaves a stale lock.
    `check-config` and `coachbot backup` do not take it, so they work beside a running bot.
    """

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def acquire(self) -> InstanceLock:
        if not self.path.parent.is_dir():
            raise StartupError(f"the folder of the database {self.db_path} does not exist")
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StartupError(f"cannot create the lock file {self.path} beside the database {self.db_path}:"
                               f" {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            who = f"PID {holder}" if holder else "another process"
            raise StartupError(f"database {self.db_path} is already used by a running coachbot ({who});"
                               " one database serves one bot") from None
        except OSError as exc:
            os.close(fd)
            raise StartupError(f"cannot lock {self.path}: {exc.strerror}") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        os.fchmod(fd, 0o600)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)   # closing drops the flock
            self._fd = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


class NoLock:
    """No file to lock (PostgreSQL)."""

    def release(self) -> None:
        return None


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isascii() and text.isdigit() else None


# ---- the database file ---------------------------------------------------------------------
def check_database(db_path: str, newest_schema: int, say: Callable[[str], None]) -> None:
    """Refuse a file that is not a database, read-only, or from a newer coachbot; say when a
    new one is about to be created."""
    path = Path(db_path)
    if not path.exists():
        if not path.parent.is_dir():
            raise StartupError(f"the folder of the database {db_path} does not exist")
        if not os.access(path.parent, os.W_OK):
            raise StartupError(f"cannot create the database {db_path}: its folder is read-only")
        say(f"coachbot: no database at {db_path}; starting a new, empty one")
        return
    if not path.is_file():
        raise StartupError(f"database {db_path} is not a file")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StartupError(f"cannot read the database {db_path}: {exc.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise StartupError(f"{db_path} is not a coachbot database (not an SQLite file)")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StartupError(f"database {db_path} is read-only (the file and its folder must be writable)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StartupError(f"database {db_path} cannot be read ({exc})") from None
    if version > newest_schema:
        raise StartupError(f"database {db_path} was written by a newer coachbot (schema {version};"
                           f" this version knows up to {newest_schema}); update coachbot")


# ---- the Bot API ---------------------------------------------------------------------------
def api_host(base_url: str) -> str:
    """Scheme and host of the Bot API URL: never the path, which may carry the token."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else "the Bot API"


async def wait_for_bot_api(check: Callable[[], Awaitable[None]], base_url: str, say: Callable[[str], None], *,
                           sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                           max_attempts: int | None = None) -> None:
    """Call `check` (getMe) until it succeeds: a rejected token is a StartupError at once; an
    unreachable server is retried with backoff (1, 2, 4 … 60 s), one line per attempt."""
    from telegram.error import InvalidToken, NetworkError, TelegramError

    delay, attempt = 1.0, 1
    while True:
        try:
            await check()
            return
        except InvalidToken:
            raise StartupError("Telegram rejected the token (telegram.token / COACHBOT_TOKEN);"
                               " get a valid one from @BotFather") from None
        except (NetworkError, OSError, TimeoutError) as exc:
            reason = type(exc).__name__
        except TelegramError as exc:
            raise StartupError(f"the Bot API at {api_host(base_url)} refused getMe ({type(exc).__name__})") from None
        if max_attempts is not None and attempt >= max_attempts:
            raise StartupError(f"cannot reach the Bot API at {api_host(base_url)} ({reason});"
                               f" gave up after {attempt} attempts")
        say(f"coachbot: cannot reach the Bot API at {api_host(base_url)} ({reason});"
            f" retrying in {delay:.0f} s (attempt {attempt})")
        await sleep(delay)
        delay, attempt = min(MAX_BACKOFF_S, delay * 2), attempt + 1
