"""/water, /coffee, /today, /pause, /resume and the intake settings, over HTTP against the sandbox."""

from __future__ import annotations

from datetime import timedelta

import pytest
from reminders_helpers import engine, reminders_of, seed
from support.harness import Harness

pytestmark = pytest.mark.both_backends


def data_of(message, label: str) -> str:
    return next(d for row in message.buttons for text, d in row if text == label)


async def totals(h: Harness, uid: int) -> dict[str, int]:
    profile = await h.storage.people.get(uid)
    return await h.storage.intake.totals(uid, profile.local_day(h.clock.now))


async def test_water_quick_log_counts_a_double_tap_once(bot: Harness) -> None:
    user, _ = await seed(bot, 1)
    await user.send("/water")
    await bot.idle()
    assert "0 / 2,000 ml" in user.last.text
    data = data_of(user.last, "+250 ml")
    await user.press_data(data)
    await user.press_data(data)
    await bot.idle()
    assert (await totals(bot, 1))["water"] == 250
    assert "250 / 2,000 ml" in user.last.text
    await user.press("+500 ml")                                   # fresh buttons log again
    await bot.idle()
    assert (await totals(bot, 1))["water"] == 750


async def test_water_typed_and_custom_amounts(bot: Harness) -> None:
    user, _ = await seed(bot, 1)
    await user.send("/water 0.5 l")
    await bot.idle()
    await user.send("/water lots")
    await bot.idle()
    assert "couldn't read" in user.last.text
    await user.press("✏️ Other amount")
    await bot.idle()
    await user.send("300")
    await bot.idle()
    assert (await totals(bot, 1))["water"] == 800
    assert "Added 300 ml" in user.last.text


async def test_coffee_warns_at_75_and_100_percent_of_the_limit(bot: Harness) -> None:
    user, _ = await seed(bot, 1, caffeine_limit_mg=200)
    await user.send("/coffee")
    await bot.idle()
    await user.press("☕ Coffee · 95 mg")
    await bot.idle()
    assert "95 / 200 mg" in user.last.text and "three quarters" not in user.last.text
    await user.press("☕ Coffee · 95 mg")
    await bot.idle()
    assert "three quarters" in user.last.text
    await user.press("Espresso · 63 mg")
    await bot.idle()
    assert "past your daily limit" in user.last.text
    assert "at bedtime" in user.last.text
    await user.send("/caffeine 40")
    await bot.idle()
    assert (await totals(bot, 1))["caffeine"] == 95 + 95 + 63 + 40


async def test_today_shows_water_caffeine_and_the_next_checkin(bot: Harness) -> None:
    user, _ = await seed(bot, 1)
    await user.send("/water 400")
    await user.send("/coffee 100")
    await bot.idle()
    await user.send("/today")
    await bot.idle()
    text = user.last.text
    assert "400 / 2,000 ml" in text and "100 / 400 mg" in text and "bedtime" in text
    assert "Next check-in reminder" in text and "20:00" in text


async def test_pause_and_resume(bot: Harness) -> None:
    user, _ = await seed(bot, 1, checkin_time="10:05")
    await user.send("/pause 3")
    await bot.idle()
    assert "paused for 3 days" in user.last.text
    bot.clock.advance(minutes=5)
    await engine(bot).tick(bot.clock.now)
    assert reminders_of(user) == []
    await user.send("/resume")
    await bot.idle()
    assert "on again" in user.last.text
    bot.clock.advance(days=1)
    await engine(bot).tick(bot.clock.now)
    assert len(reminders_of(user)) == 1
    await user.send("/pause")
    await bot.idle()
    await user.press("1 day")
    await bot.idle()
    profile = await bot.storage.people.get(1)
    assert profile.paused_until_utc == bot.clock.now + timedelta(days=1)
    await user.send("/pause 99")
    await bot.idle()
    assert "from 1 to 60" in user.last.text


async def test_hydration_reminder_quick_log_pushes_the_next_one_out(bot: Harness) -> None:
    user, _ = await seed(bot, 1, hydration_every_minutes=60)
    bot.clock.advance(minutes=60)
    await engine(bot).tick(bot.clock.now)
    [reminder] = reminders_of(user)
    assert "glass of water" in reminder.text
    bot.clock.advance(minutes=10)
    await user.press("+500 ml", reminder)
    await bot.idle()
    assert (await totals(bot, 1))["water"] == 500
    due = (await bot.storage.reminders.for_person(1))["hydration"][0]
    assert due == bot.clock.now + timedelta(minutes=60)


async def test_intake_settings(bot: Harness) -> None:
    user, _ = await seed(bot, 1)
    await user.send("/settings")
    await bot.idle()
    assert "Water goal" in user.last.text
    await user.press("Water goal")
    await bot.idle()
    await user.press("⚖️ From my weight")
    await bot.idle()
    await user.send("70")
    await bot.idle()
    assert (await bot.storage.people.get(1)).water_goal_ml == 2300
    await user.press("Caffeine limit")
    await bot.idle()
    await user.press("200 mg")
    await bot.idle()
    await user.press("Water reminders")
    await bot.idle()
    await user.press("every 3 h")
    await bot.idle()
    await user.press("Reminders")
    await bot.idle()
    await user.press("💧 Water reminders: on")
    await bot.idle()
    profile = await bot.storage.people.get(1)
    assert (profile.caffeine_limit_mg, profile.hydration_every_minutes, profile.hydration_on) == (200, 180, False)
    assert (await bot.storage.reminders.for_person(1))["hydration"][0] is None
    assert "Saved" in user.last.text
