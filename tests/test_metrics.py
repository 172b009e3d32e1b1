"""Health check and Prometheus metrics on loopback, one registry per bot."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest
from support.harness import TEST_TOKEN, Harness, onboard

from coachbot import metrics
from coachbot.config import MetricsSettings, Settings
from coachbot.runtime import Services

pytestmark = pytest.mark.both_backends


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(token=TEST_TOKEN, db_path=str(tmp_path / "bot.sqlite3"), source="<test>",
                    metrics=MetricsSettings(enabled=True, host="127.0.0.1", port=0))


async def _get(port: int, path: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}{path}", timeout=aiohttp.ClientTimeout(5)) as r:
            return r.status, r.headers.get("Content-Type", ""), await r.text()


async def test_health_and_metrics_are_served_on_loopback(bot: Harness) -> None:
    m = metrics.of(bot.services)
    assert m is not None and m.port
    await onboard(bot, bot.user(1001))
    status, _, body = await _get(m.port, "/healthz")
    assert (status, body) == (200, '{"status": "ok"}')
    status, ctype, body = await _get(m.port, "/metrics")
    assert status == 200 and ctype.startswith("text/plain")
    for name in ("coachbot_updates_handled_total", "coachbot_errors_total",
                 "coachbot_reminder_tick_seconds_bucket", "coachbot_start_time_seconds"):
        assert name in body
    assert m.value("coachbot_updates_handled_total", kind="callback_query") >= 4
    assert m.value("coachbot_updates_handled_total", kind="message") >= 2


async def test_health_turns_unhealthy_when_the_database_is_gone(bot: Harness) -> None:
    m = metrics.of(bot.services)
    assert m is not None and m.port
    await bot.storage.close()
    try:
        status, _, body = await _get(m.port, "/healthz")
    finally:
        await bot.storage.open()
    assert status == 503 and "unhealthy" in body


async def test_errors_are_counted(bot: Harness) -> None:
    from coachbot.sandbox import Fault

    m = metrics.of(bot.services)
    assert m is not None
    user = bot.user(1002)
    bot.sandbox.inject(Fault(method="sendMessage", kind="500", times=1))
    await user.send("/help")
    await bot.idle()
    assert m.value("coachbot_errors_total") == 1


def test_reminder_functions_count_and_are_noops_without_metrics() -> None:
    svc = Services.__new__(Services)
    svc.metrics = None
    metrics.reminder_sent(svc, "hydration")  # no metrics installed: nothing happens, nothing fails
    with metrics.tick_timer(svc):
        pass
    m = metrics.install(svc)
    assert metrics.install(svc) is m, "installed once per bot"
    metrics.reminder_sent(svc, "hydration")
    metrics.reminder_sent(svc, "checkin", late=True)
    metrics.reminder_dropped(svc, "tip", "stale")
    with metrics.tick_timer(svc):
        pass
    assert m.value("coachbot_reminders_sent_total", kind="hydration") == 1
    assert m.value("coachbot_reminders_late_total", kind="checkin") == 1
    assert m.value("coachbot_reminders_dropped_total", kind="tip", reason="stale") == 1
    assert m.value("coachbot_reminder_tick_seconds_count") == 1


def test_each_bot_has_its_own_registry() -> None:
    a, b = metrics.Metrics(), metrics.Metrics()
    a.errors.inc()
    assert a.value("coachbot_errors_total") == 1 and b.value("coachbot_errors_total") == 0


def _sample(body: str, name: str, **labels: str) -> float:
    """One sample's value from the Prometheus text format (0 when absent)."""
    want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in body.splitlines():
        if line.startswith("#"):
            continue
        key, _, value = line.rpartition(" ")
        series, _, rest = key.partition("{")
        if series == name and ",".join(sorted(rest.rstrip("}").split(","))) == want:
            return float(value)
    return 0.0


async def test_the_reminders_tick_reports_sent_late_dropped_and_its_duration(bot: Harness) -> None:
    from reminders_helpers import engine, seed

    m = metrics.of(bot.services)
    assert m is not None and m.port
    eng = engine(bot)
    eng.sender.per_chat_interval = 0.0
    await seed(bot, 1, checkin_time="10:05", hydration_on=False)                  # local time is 10:00
    await seed(bot, 2, checkin_time="10:03", hydration_on=False)                  # two minutes late at 10:05
    await seed(bot, 3, hydration_every_minutes=30)                                # water due at 10:30
    bot.clock.advance(minutes=5)
    await eng.tick(bot.clock.now)
    bot.clock.advance(minutes=60)                                                 # 11:05: 35 min > 30 min grace
    await eng.tick(bot.clock.now)
    _, _, body = await _get(m.port, "/metrics")
    assert _sample(body, "coachbot_reminders_sent_total", kind="checkin") == 2
    assert _sample(body, "coachbot_reminders_late_total", kind="checkin") == 1
    assert _sample(body, "coachbot_reminders_sent_total", kind="hydration") == 0
    assert _sample(body, "coachbot_reminders_dropped_total", kind="hydration", reason="stale") == 1
    assert _sample(body, "coachbot_reminder_tick_seconds_count") == 2
    assert _sample(body, "coachbot_reminder_tick_seconds_sum") > 0
