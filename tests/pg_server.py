"""A throwaway PostgreSQL server on loopback for the test session, started by the fixtures themselves.

It uses the server binaries already on the machine (Debian's postgresql package puts them in
/usr/lib/postgresql/<version>/bin; COACHBOT_PG_BIN overrides). PostgreSQL refuses to run as
root, so under root (CI) the data directory belongs to `nobody` and initdb/postgres run as
that user. COACHBOT_TEST_PG_URL points the tests at an existing server instead.

Each test gets its own schema (`?search_path=…` in the URL), so tests never see each
other's rows and no database has to be created per test.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import asyncpg

_schemas = itertools.count(1)


class NoServer(Exception):
    """No PostgreSQL server can be started here; the message says why (one line)."""


def _bin_dir() -> Path:
    configured = os.environ.get("COACHBOT_PG_BIN")
    candidates = [configured] if configured else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    which = shutil.which("initdb")
    if which and not configured:
        candidates.append(str(Path(which).parent))
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "postgres").exists():
            return Path(c)
    raise NoServer("no PostgreSQL server binaries (apt-get install postgresql, or set COACHBOT_PG_BIN)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    base_url: str                       # postgresql://coachbot@127.0.0.1:port/coachbot
    proc: subprocess.Popen[bytes] | None = None
    root: Path | None = None

    def fresh_url(self, label: str = "t") -> str:
        """A URL whose connections see only a new, empty schema."""
        schema = f"{label}_{os.getpid()}_{next(_schemas)}"
        _run_sql(self.base_url, f'CREATE SCHEMA "{schema}"')
        sep = "&" if "?" in self.base_url else "?"
        return f"{self.base_url}{sep}search_path={schema}"

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: smart shutdown; the data directory is thrown away anyway
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)


def _run_sql(url: str, sql: str) -> None:
    import asyncio

    async def go() -> None:
        conn = await asyncpg.connect(url)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(go())


def start() -> PgServer:
    """Start a server (or use COACHBOT_TEST_PG_URL); raise NoServer with a reason if impossible."""
    existing = os.environ.get("COACHBOT_TEST_PG_URL")
    if existing:
        return PgServer(existing)
    bin_dir = _bin_dir()
    root = Path(tempfile.mkdtemp(prefix="coachbot-pg-"))
    run_as: dict[str, object] = {}
    if os.geteuid() == 0:
        try:
            nobody = pwd.getpwnam("nobody")
        except KeyError as exc:
            raise NoServer("running as root and there is no unprivileged user `nobody`") from exc
        os.chmod(root, 0o755)
        os.chown(root, nobody.pw_uid, nobody.pw_gid)
        run_as = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
    data, port = root / "data", _free_port()
    env = {**os.environ, "LC_ALL": "C", "HOME": str(root)}
    init = subprocess.run([str(bin_dir / "initdb"), "-D", str(data), "-U", "coachbot", "--auth=trust",
                           "-E", "UTF8", "--locale=C", "--no-sync"],
                          capture_output=True, env=env, cwd=root, **run_as)  # type: ignore[call-overload]
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise NoServer(f"initdb failed: {init.stderr.decode(errors='replace').strip().splitlines()[-1:]}")
    log = open(root / "server.log", "wb")  # kept open: the server writes it until stop()
    proc = subprocess.Popen(
        [str(bin_dir / "postgres"), "-D", str(data), "-h", "127.0.0.1", "-p", str(port), "-k", str(root),
         "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
         "-c", "max_connections=300", "-c", "shared_buffers=64MB"],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root, **run_as)  # type: ignore[call-overload]
    server = PgServer(f"postgresql://coachbot@127.0.0.1:{port}/coachbot", proc, root)
    admin = f"postgresql://coachbot@127.0.0.1:{port}/postgres"
    deadline = time.monotonic() + 60   # waiting for a server to boot, not a bound on behaviour
    while True:
        try:
            _run_sql(admin, "CREATE DATABASE coachbot")
            return server
        except (OSError, asyncpg.PostgresError) as exc:
            if proc.poll() is not None or time.monotonic() > deadline:
                server.stop()
                raise NoServer(f"the PostgreSQL server did not start: {exc}") from exc
            time.sleep(0.1)
