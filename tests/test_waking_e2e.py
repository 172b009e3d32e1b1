"""Waking hours over HTTP: changes that keep the day sensible, and a check-in prompt after midnight."""

from __future__ import annotations

from datetime import date

from reminders_helpers import engine, reminders_of, seed
from support.harness import Harness, choose_language, converse, onboard, talk


async def test_a_night_shift_wake_up_moves_bedtime_instead_of_being_refused(bot: Harness) -> None:
    user = bot.user(1001)
    await onboard(bot, user, zone_text="Madrid", wake="07:00", sleep="23:00", checkin="20:00")
    await talk(bot, user, "/settings", "[Wake-up]")
    await user.send("16:00")
    await user.wait_for("Bedtime moved to 08:00, so you still sleep 8 hours.")
    await user.wait_for("Saved")
    profile = await bot.storage.people.get(1001)
    assert (profile.wake_time, profile.sleep_time, profile.checkin_time) == ("16:00", "08:00", "20:00")


async def test_onboarding_refuses_a_bedtime_an_hour_before_waking(bot: Harness) -> None:
    user = bot.user(1002)
    await choose_language(bot, user)
    await converse(user, ("Madrid", "wake up"), ("07:00", "go to sleep"),
                   ("06:00", "doesn't leave a night of 4 to 14 hours"))
    assert (await bot.storage.people.get(1002)).sleep_time == "23:00"


async def test_a_prompt_after_midnight_asks_about_the_day_that_is_ending(bot: Harness) -> None:
    # Madrid is UTC+1 in March: 00:30 local on 11 March is 23:30 UTC on 10 March.
    user, _ = await seed(bot, 9, wake_time="09:00", sleep_time="01:30", checkin_time="00:30",
                         hydration_on=False, caffeine_reminder_on=False)
    bot.clock.set(bot.clock.now.replace(hour=23, minute=30))
    await engine(bot).tick(bot.clock.now)
    [prompt] = reminders_of(user)
    assert "Today, Tue 10 Mar" in prompt.text and "Any twitches today?" in prompt.text
    await user.press("No", message=prompt)
    await bot.idle()
    assert (await bot.storage.checkins.get(9, date(2026, 3, 10))) is not None
    assert (await bot.storage.checkins.get(9, date(2026, 3, 11))) is None
