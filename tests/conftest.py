"""Shared fixtures: a loopback sandbox, an injectable clock, and the real Application running against them."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pg_server
import pytest

from coachbot.app import build_application, running
from coachbot.chat import settle
from coachbot.config import Settings
from coachbot.runtime import Services
from coachbot.sandbox import Sandbox, SandboxUser

TEST_TOKEN = "1234567:TEST-token-not-real-TEST-token-00001"


class FakeClock:
    """The bot's notion of now; tests move it explicitly instead of sleeping."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    def set(self, when: datetime) -> None:
        self.now = when


@dataclass
class Harness:
    sandbox: Sandbox
    app: object
    services: Services
    clock: FakeClock

    def user(self, user_id: int = 1001, *, language_code: str = "en", first_name: str = "Alex") -> SandboxUser:
        return self.sandbox.user(user_id, first_name=first_name, language_code=language_code)

    async def idle(self) -> None:
        """Wait until every update was fetched and handled and no Bot API call is in flight."""
        await settle(self.app, self.sandbox)  # type: ignore[arg-type]

    @property
    def storage(self):
        return self.services.storage


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


async def onboard(h: Harness, user: SandboxUser, *, zone_text: str = "Madrid", wake: str = "07:00",
                  sleep: str = "23:00", checkin: str = "20:00", language_button: str = "English") -> None:
    """Complete onboarding the way a person would: tap, type, tap."""
    await user.send("/start")
    await user.wait_for(lambda m: any(language_button == b[0] for row in m.buttons for b in row))
    await user.press(language_button)
    await h.idle()
    await user.send(zone_text)
    await h.idle()
    await user.press(wake)
    await h.idle()
    await user.press(sleep)
    await h.idle()
    await user.press(checkin)
    await h.idle()
    profile = await h.storage.people.get(user.chat_id)
    assert profile is not None and profile.onboarded, user.messages[-1].text


@pytest.fixture
def caplog_all(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog
