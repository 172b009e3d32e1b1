"""Shared fixtures: a loopback sandbox, an injectable clock, and the real Application running against them.

Helpers that tests import live in tests/support/ (e.g. `from support.harness import Harness, onboard`);
this file holds fixtures only.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pg_server
import pytest
from support.harness import TEST_TOKEN, FakeClock, Harness

from coachbot.app import build_application, running
from coachbot.config import Settings
from coachbot.sandbox import Sandbox


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))


BACKENDS = ("sqlite", "postgres")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`db_url` is SQLite only, unless the test (or its module) is marked both_backends."""
    if "backend" in metafunc.fixturenames:
        both = metafunc.definition.get_closest_marker("both_backends") is not None
        metafunc.parametrize("backend", BACKENDS if both else BACKENDS[:1], scope="function")


@pytest.fixture(scope="session")
def pg() -> Iterator[pg_server.PgServer]:
    """One PostgreSQL server for the whole session; COACHBOT_REQUIRE_PG=1 turns a skip into a failure."""
    try:
        server = pg_server.start()
    except pg_server.NoServer as exc:
        if os.environ.get("COACHBOT_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL tests required (COACHBOT_REQUIRE_PG=1) but: {exc}")
        pytest.skip(f"no PostgreSQL server: {exc}")
    yield server
    server.stop()


@pytest.fixture
def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database of the test's backend: a SQLite file or a PostgreSQL schema."""
    if backend == "sqlite":
        return str(tmp_path / "bot.sqlite3")
    server: pg_server.PgServer = request.getfixturevalue("pg")
    return server.fresh_url()


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(token=TEST_TOKEN, db_path=db_url, source="<test>")


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(token=TEST_TOKEN, per_chat_burst=20) as sb:
        yield sb


@pytest.fixture
async def bot(sandbox: Sandbox, settings: Settings, clock: FakeClock) -> AsyncIterator[Harness]:
    """The real Application polling the sandbox over HTTP."""
    s = replace(settings, api_base_url=sandbox.base_url, api_file_url=sandbox.base_file_url)
    app = build_application(s, clock=clock)
    async with running(app):
        yield Harness(sandbox, app, app.bot_data["services"], clock)


@pytest.fixture
def caplog_all(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog
