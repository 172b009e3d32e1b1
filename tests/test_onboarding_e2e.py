"""Onboarding from /start to done, over HTTP against the sandbox."""

from __future__ import annotations

import pytest
from support.harness import Harness, choose_language, converse, onboard, talk

pytestmark = pytest.mark.both_backends


async def test_onboarding_completes_and_stores_a_valid_zone(bot: Harness) -> None:
    user = bot.user(1001)
    await onboard(bot, user, zone_text="Madrid", wake="07:00", sleep="23:00", checkin="20:00")
    profile = await bot.storage.people.get(1001)
    assert profile.timezone == "Europe/Madrid"
    assert (profile.wake_time, profile.sleep_time, profile.checkin_time) == ("07:00", "23:00", "20:00")
    assert "All set" in user.messages[-2].text
    assert "optional question" in user.last.text, "then the one-time pregnancy question, skippable"
    assert bot.sandbox.commands, "the command menu was set with setMyCommands"


async def test_location_offset_and_ambiguous_city(bot: Harness) -> None:
    user = bot.user(1002)
    await user.send("/start")
    await user.wait_for("Which language")
    await user.press("English")
    await user.wait_for("time zone")
    await user.send_location(35.68, 139.69)
    await user.wait_for("Asia/Tokyo")
    assert (await bot.storage.people.get(1002)).timezone == "Asia/Tokyo"
    for answer in ("07:00", "23:00", "20:00"):
        await bot.idle()
        await user.press(answer)
    await user.wait_for("All set")
    await user.send("/settings")
    await user.wait_for("Your settings")
    await user.press("Time zone")
    await user.wait_for("Tap the button below")
    await user.send("Portland")
    await user.wait_for("more than one place")
    await user.press("Portland, Maine, US · 05:00")
    await user.wait_for("America/New York (UTC-4)")
    assert (await bot.storage.people.get(1002)).timezone == "America/New_York"
    await bot.idle()
    await user.press("Time zone")
    await user.send("UTC+5:30")
    await user.wait_for("Asia/Kolkata")
    await bot.idle()
    await user.press("Time zone")
    await user.send("UTC+3")
    await user.wait_for("Time zone set to UTC+3")
    assert (await bot.storage.people.get(1002)).timezone == "Etc/GMT-3"
    await user.wait_for("Time zone: UTC+3")  # the settings view, never the POSIX name Etc/GMT-3
    await bot.idle()
    await user.press("Time zone")
    await user.send("EST")
    await user.wait_for("I took EST as America/New York (UTC-4)")
    assert (await bot.storage.people.get(1002)).timezone == "America/New_York"


async def test_bad_input_gets_a_clear_reply_and_changes_nothing(bot: Harness) -> None:
    user = bot.user(1003)
    await converse(user, ("/start", "Which language"), ("I'd like English please", "with the buttons"))
    await user.press("English")
    await bot.idle()
    await converse(user, ("Atlantis-under-the-sea", "couldn't find that place"))
    assert (await bot.storage.people.get(1003)).timezone == "UTC"
    await converse(user, ("Berlin", "Europe/Berlin"))
    await bot.idle()
    await converse(user, ("25:99", "couldn't read that as a time"))
    profile = await bot.storage.people.get(1003)
    assert profile.wake_time == "07:00" and profile.onboarding_step == "wake"
    await converse(user, ("6:45", "go to sleep"), ("06:45", "can't be at the same time"),
                   ("23:30", "daily check-in"), ("03:00", "outside your waking hours"),
                   ("/frobnicate", "don't know that command"))
    await user.press("21:00")
    await user.wait_for("All set")
    profile = await bot.storage.people.get(1003)
    assert (profile.wake_time, profile.sleep_time, profile.checkin_time) == ("06:45", "23:30", "21:00")
    assert profile.onboarded and profile.awaiting is None


async def test_stale_and_double_taps_are_harmless(bot: Harness) -> None:
    user = bot.user(1004)
    await choose_language(bot, user)
    await user.send("Paris")
    wake_question = await user.wait_for("When do you usually wake up")
    before = len(user.messages)
    await user.press("08:00", message=wake_question)
    await user.press_data("1|q|wake|08:00", message=wake_question)  # the same tap again
    await bot.idle()
    profile = await bot.storage.people.get(1004)
    assert profile.wake_time == "08:00" and profile.onboarding_step == "sleep"
    assert len(user.messages) == before, "the question was edited in place, no new messages"
    await user.press_data("0|q|wake|09:00")  # an old version of the codec
    await user.press_data("1|zz|nothing")  # a feature that does not exist
    await bot.idle()
    assert any("older message" in (a[0] or "") for a in user.answers)
    assert (await bot.storage.people.get(1004)).wake_time == "08:00"


async def test_start_again_resumes_and_never_wipes(bot: Harness) -> None:
    user = bot.user(1005)
    await onboard(bot, user, zone_text="Tokyo", checkin="21:00")
    await user.send("/start")
    await user.wait_for("Good to see you again")
    profile = await bot.storage.people.get(1005)
    assert profile.timezone == "Asia/Tokyo" and profile.checkin_time == "21:00" and profile.onboarded
    half = bot.user(1006)
    await choose_language(bot, half)
    await half.send("/start")
    await half.wait_for("finish setting up")
    await half.wait_for("Tap the button below")


async def test_every_setting_can_be_changed(bot: Harness) -> None:
    user = bot.user(1007)
    await onboard(bot, user)
    for label, press, column, value in [
        ("Wake-up", "06:30", "wake_time", "06:30"),
        ("Bedtime", "22:30", "sleep_time", "22:30"),
        ("Check-in time", "19:00", "checkin_time", "19:00"),
    ]:
        await user.send("/settings")
        await bot.idle()
        await user.press(label)
        await bot.idle()
        await user.press(press)
        await bot.idle()
        assert user.last.text.startswith("Saved"), user.last.text
        assert getattr(await bot.storage.people.get(1007), column) == value
    await converse(user, ("/settings", "Your settings"))
    await talk(bot, user, "[Language]", "[Español]")
    assert (await bot.storage.people.get(1007)).language == "es"


async def test_help_and_privacy(bot: Harness) -> None:
    user = bot.user(1008)
    await converse(user, ("/help", "/checkin"))
    await user.send("/privacy")
    msg = await user.wait_for("Your data")     # the privacy page, not the /help above it
    text = msg.text or ""
    assert "/export" in text and "/delete" in text
    assert "Nothing is shared with anyone or used for advertising" in text
    assert "this bot's own database" in text
    await user.send("hello there")
    await user.wait_for("/start")
