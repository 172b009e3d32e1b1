"""End to end: a person sets their check-in a minute ahead in /settings and the prompt arrives."""

from __future__ import annotations

import pytest
from reminders_helpers import engine, reminders_of
from support.harness import Harness, onboard, talk

pytestmark = pytest.mark.both_backends


async def test_checkin_time_set_in_settings_fires_when_the_tick_runs(bot: Harness) -> None:
    user = bot.user(1001)
    await onboard(bot, user, zone_text="Madrid")                # local time is 10:00
    await talk(bot, user, "/settings", "[Check-in time]", "10:01")
    assert "Saved" in user.last.text
    await engine(bot).tick(bot.clock.now)
    assert reminders_of(user) == [], "not yet: it is 10:00"
    bot.clock.advance(minutes=1)
    await engine(bot).tick(bot.clock.now)
    [prompt] = reminders_of(user)
    assert "Any twitches today?" in prompt.text
    labels = [label for row in prompt.buttons for label, _ in row]
    assert {"No", "Yes"} <= set(labels), labels
    bot.clock.advance(minutes=1)
    await engine(bot).tick(bot.clock.now)
    assert len(reminders_of(user)) == 1, "once"
    await user.press("No", message=prompt)  # the prompt itself is the first question: one tap on a good day
    await bot.idle()
    row = await bot.storage.checkins.get(1001, bot.clock.now.date())
    assert row is not None and not row.twitches and row.twitches is not None


async def test_the_job_queue_runs_the_tick(bot: Harness) -> None:
    jobs = bot.app.job_queue.get_jobs_by_name("reminders-tick")  # type: ignore[attr-defined]
    assert len(jobs) == 1
    assert jobs[0].trigger.interval.total_seconds() == bot.services.settings.reminders.tick_seconds


async def test_the_job_claims_and_drains_in_the_background(bot: Harness) -> None:
    from reminders_helpers import seed

    user, _ = await seed(bot, 7, checkin_time="10:05")
    bot.clock.advance(minutes=5)
    eng = engine(bot)
    eng.sender.per_chat_interval = 0.0
    await eng._job(None)  # type: ignore[arg-type]  # what JobQueue calls every tick_seconds
    assert eng._drain_task is not None
    await eng._drain_task
    assert len(reminders_of(user)) == 1


async def test_later_on_the_prompt_brings_it_back_in_about_an_hour(bot: Harness) -> None:
    from reminders_helpers import seed

    user, _ = await seed(bot, 9, checkin_time="10:05", hydration_on=False, caffeine_reminder_on=False)
    bot.clock.advance(minutes=5)                                   # 10:05 in Madrid
    await engine(bot).tick(bot.clock.now)
    [prompt] = reminders_of(user)
    labels = [label for row in prompt.buttons for label, _ in row]
    assert sum("Later" in label for label in labels) == 1, labels
    await user.press("⏰ Later", message=prompt)
    await bot.idle()
    assert user.answers and "11:05" in (user.answers[-1][0] or "")
    bot.clock.advance(minutes=59)
    await engine(bot).tick(bot.clock.now)
    assert len(reminders_of(user)) == 0 or reminders_of(user)[-1].message_id == prompt.message_id
    bot.clock.advance(minutes=1)
    await engine(bot).tick(bot.clock.now)
    again = [m for m in user.messages if "Any twitches today?" in (m.text or "")]
    assert len(again) == 1 and again[0].message_id != prompt.message_id, "asked again once, at 11:05"
