"""Buttons on messages older than two days, over HTTP against the sandbox.

Telegram stops showing a bot the message under a pressed button after 48 hours: the callback
query then carries only its chat and id (an `InaccessibleMessage`). Such a tap must still be
answered, and what it asks for (a warning sign saved, water logged) still done; the answer goes
as a new message, since the old one sits days up the chat where nobody is looking.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from checkin_helpers import TODAY, fast_sandbox
from coaching_helpers import RecordingSleep, quick_person
from reminders_helpers import engine, reminders_of, seed
from support.harness import Harness
from test_safety_e2e import LANGS, WARNING, label, person, plain, say

from coachbot.domain import nudges
from coachbot.domain.checkins import SignReport
from coachbot.sandbox import Sandbox, SandboxUser
from coachbot.sandbox.chats import INACCESSIBLE_AFTER_S
from coachbot.sandbox.models import BotMessage

sandbox = fast_sandbox
pytestmark = pytest.mark.both_backends


def age(message: BotMessage, days: float = 3) -> None:
    """Make a message the bot sent `days` old in Telegram's eyes."""
    message.date = int(time.time() - days * 86400)


async def tap_on_old_warning(bot: Harness, lang: str, button: str) -> tuple[SandboxUser, BotMessage]:
    """Type a warning sign, then tap `button` under the bot's advice three days later."""
    user = await person(bot, lang)
    await say(bot, user, WARNING[lang])
    advice = user.last
    age(advice)
    await user.press(label(bot, lang, button), advice)
    await bot.idle()
    return user, advice


async def test_the_sandbox_hides_a_pressed_message_older_than_48_hours_as_telegram_does(bot: Harness) -> None:
    sb: Sandbox = bot.sandbox
    user, _ = await seed(bot, 1)
    await say(bot, user, "/water")
    message = user.last
    assert sb.chats.pressed_message_api(message)["date"] > 0
    message.date = int(time.time() - INACCESSIBLE_AFTER_S - 60)
    assert sb.chats.pressed_message_api(message) == {"chat": sb.chats.users[1].chat_api(),
                                                     "message_id": message.message_id, "date": 0}


@pytest.mark.parametrize("lang", LANGS)
async def test_saving_a_warning_sign_from_an_old_message_still_saves_it_and_gives_the_advice(
        bot: Harness, lang: str) -> None:
    user, advice = await tap_on_old_warning(bot, lang, "safety-save-sign")
    assert await bot.storage.checkins.sign_reports_since(1001, TODAY) == [SignReport(TODAY, "weakness", "text")]
    texts = [m.text for m in user.messages]
    assert plain(bot, lang, "safety-sign-saved") in texts, "the receipt comes as a new message"
    [record] = await bot.storage.checkins.nudges_since(1001, bot.clock.now - timedelta(days=1))
    assert (record.level, record.reasons) == (nudges.SOON, ("weakness",))
    assert user.last.text.startswith(plain(bot, lang, "nudge-soon", reasons="", count=1)[:15])
    assert advice.buttons, "the old message is left as it was"


@pytest.mark.parametrize("lang", LANGS)
async def test_not_what_i_meant_on_an_old_message_is_acknowledged(bot: Harness, lang: str) -> None:
    user, _ = await tap_on_old_warning(bot, lang, "safety-not-meant")
    assert user.last.text == plain(bot, lang, "safety-not-meant-ack")
    assert await bot.storage.checkins.sign_reports_since(1001, TODAY) == []


async def test_a_water_button_on_a_three_day_old_reminder_logs_water_and_answers_below(bot: Harness) -> None:
    user, _ = await seed(bot, 1, hydration_every_minutes=60)
    bot.clock.advance(minutes=60)
    await engine(bot).tick(bot.clock.now)
    [reminder] = reminders_of(user)
    age(reminder)
    before = len(user.messages)
    await user.press("+500 ml", reminder)
    await bot.idle()
    profile = await bot.storage.people.get(1)
    assert (await bot.storage.intake.totals(1, profile.local_day(bot.clock.now)))["water"] == 500
    assert len(user.messages) == before + 1, "the answer is a new message at the bottom of the chat"
    assert "500" in user.last.text


async def test_a_breathing_round_started_from_an_old_message_runs_in_a_new_one(bot: Harness) -> None:
    bot.services.breathing.sleep = RecordingSleep()
    await quick_person(bot.storage, 2003, bot.clock.now)
    user = bot.user(2003)
    await say(bot, user, "/breathe")
    intro = user.last
    age(intro)
    await user.press("Box breathing 4-4-4-4", intro)
    done = await user.wait_for("Well done")
    await bot.idle()
    assert done.message_id != intro.message_id and len(user.messages) == 2
    assert len([h for h in done.history if "cycle" in h]) == 16, "every phase shown in the new message"
    assert intro.edits == 0
