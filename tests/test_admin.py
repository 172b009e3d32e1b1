"""Access control and operator commands: the allow-list gate in group -1 and /stats for admins."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.harness import TEST_TOKEN, Harness, onboard

from coachbot.app import commands_for
from coachbot.config import AccessSettings, Settings

ALLOWED, ADMIN, STRANGER = 1001, 9000, 4242


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(token=TEST_TOKEN, db_path=str(tmp_path / "bot.sqlite3"), source="<test>",
                    access=AccessSettings(allowed_user_ids=(ALLOWED,), admin_ids=(ADMIN,)))


async def test_a_stranger_is_told_once_and_nothing_is_stored(bot: Harness) -> None:
    stranger = bot.user(STRANGER)
    await stranger.send("/start")
    await bot.idle()
    assert len(stranger.messages) == 1 and "privately" in stranger.last.text
    for action in ("/start", "hello", "/help", "/stats"):
        await stranger.send(action)
    await stranger.send_location(40.4, -3.7)
    await stranger.press_data("1|q|lang|es")
    stranger.block()
    stranger.unblock()
    await bot.idle()
    assert len(stranger.messages) == 1, "one polite reply, not one per message"
    assert await bot.storage.people.get(STRANGER) is None
    answered = [c for c in bot.sandbox.calls if c.method == "answerCallbackQuery" and c.chat_id == STRANGER]
    assert answered and all(c.status == 200 for c in answered)


async def test_listed_people_and_admins_use_the_bot_normally(bot: Harness) -> None:
    await onboard(bot, bot.user(ALLOWED))
    await onboard(bot, bot.user(ADMIN))


async def test_stats_shows_counts_to_admins_only(bot: Harness) -> None:
    member, admin = bot.user(ALLOWED), bot.user(ADMIN)
    await onboard(bot, member)
    await member.send("/stats")
    await bot.idle()
    assert "don't know that command" in member.last.text
    await admin.send("/stats")
    await bot.idle()
    text = admin.last.text
    assert "People: 1 (1 set up, 1 active)" in text
    assert "Europe/Madrid" not in text and "20:00" not in text, "never anyone's settings or data"


async def test_stats_is_not_in_the_public_menu(bot: Harness) -> None:
    i18n = bot.services.i18n
    for lang in ("en", "es", "ru"):
        assert "stats" not in [c.command for c in commands_for(lang, i18n)]
    assert "stats" not in [c["command"] for c in bot.sandbox.commands]


async def test_stats_speaks_the_admins_language(bot: Harness) -> None:
    admin = bot.user(ADMIN, language_code="ru")
    await admin.send("/start")
    await bot.idle()
    await admin.send("/stats")
    await bot.idle()
    assert "Людей: 1" in admin.last.text


async def test_without_an_allow_list_everyone_may_start(sandbox, clock, tmp_path: Path) -> None:
    from dataclasses import replace

    from coachbot.app import build_application, running

    s = Settings(token=TEST_TOKEN, db_path=str(tmp_path / "open.sqlite3"), source="<test>",
                 api_base_url=sandbox.base_url, api_file_url=sandbox.base_file_url)
    app = build_application(replace(s), clock=clock)
    async with running(app):
        h = Harness(sandbox, app, app.bot_data["services"], clock)
        await onboard(h, h.user(STRANGER))
