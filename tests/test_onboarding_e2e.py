"""Onboarding from /start to done, over HTTP against the sandbox."""

from __future__ import annotations

from conftest import Harness, onboard


async def test_onboarding_completes_and_stores_a_valid_zone(bot: Harness) -> None:
    user = bot.user(1001)
    await onboard(bot, user, zone_text="Madrid", wake="07:00", sleep="23:00", checkin="20:00")
    profile = await bot.storage.people.get(1001)
    assert profile.timezone == "Europe/Madrid"
    assert (profile.wake_time, profile.sleep_time, profile.checkin_time) == ("07:00", "23:00", "20:00")
    assert "All set" in user.last.text
    assert bot.sandbox.commands, "the command menu was set with setMyCommands"
