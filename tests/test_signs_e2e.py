"""A warning sign any day: "Something new?" under every check-in summary and /signs, over HTTP."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from checkin_helpers import TODAY, TWITCH_DAY, fast_sandbox, ready, start, store_days, tap
from support.harness import Harness

from coachbot.app import commands_for
from coachbot.i18n import I18n
from coachbot.sandbox import SandboxUser

pytestmark = pytest.mark.both_backends

sandbox = fast_sandbox  # the conftest `bot` fixture runs against the 10x-time sandbox in this module
I18N = I18n()


async def person(bot: Harness, user_id: int, lang: str) -> SandboxUser:
    """An onboarded person in Madrid who speaks `lang`."""
    user = bot.user(user_id, language_code=lang)
    people, now = bot.storage.people, bot.clock.now
    await people.create(user_id, user_id, lang, bot.services.settings.defaults, now, first_step="lang")
    await people.update_settings(user_id, timezone="Europe/Madrid")
    await people.set_state(user_id, now, onboarding_step=None)
    return user


def t(lang: str, key: str, **args: object) -> str:
    """A catalog sentence as the person sees it (tags removed)."""
    return re.sub(r"<[^>]+>", "", I18N.raw(lang, key, **args))


async def reports(bot: Harness, user_id: int) -> list[tuple[str, str]]:
    return [(r.sign, r.source) for r in await bot.storage.checkins.sign_reports_since(user_id, TODAY - timedelta(days=30))]


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
async def test_a_warning_sign_on_a_good_day(bot: Harness, lang: str) -> None:
    user = await person(bot, 1001, lang)
    await start(bot, user)
    await tap(bot, user, t(lang, "checkin-no"))
    summary = user.last
    await tap(bot, user, t(lang, "signs-something-new"))
    assert user.last is not summary, "the list opens below; the summary stays"
    assert t(lang, "signs-q") in user.last.text
    assert "most people" not in user.last.text.lower()
    labels = [b for row in user.last.buttons for b, _ in row]
    for sign in ("weakness", "stiffness", "numbness", "breathing", "speaking"):
        assert t(lang, f"checkin-flag-{sign}") in labels
    assert t(lang, "checkin-sos") in labels and t(lang, "checkin-flags-none") in labels
    await tap(bot, user, t(lang, "checkin-flag-numbness"), t(lang, "checkin-flag-weakness"), t(lang, "checkin-done"))
    advice = user.last
    assert t(lang, "nudge-reason-numbness") in advice.text and t(lang, "nudge-reason-weakness") in advice.text
    assert t(lang, "nudge-booked") in [b for row in advice.buttons for b, _ in row]
    assert "✅" in user.messages[-2].text, "the list became a short confirmation"
    assert await reports(bot, 1001) == [("weakness", "button"), ("numbness", "button")]
    [record] = await bot.storage.checkins.nudges_since(1001, bot.clock.now - timedelta(days=1))
    assert (record.level, record.reasons) == (2, ("weakness", "numbness"))
    await user.send("/history")
    await bot.idle()
    assert "⚠️" in user.last.text.splitlines()[2], "today is marked in /history"


async def test_the_day_after_a_weekly_screen_with_none_of_these(bot: Harness) -> None:
    user = await ready(bot)
    await start(bot, user)
    await tap(bot, user, *TWITCH_DAY, "None of these")
    assert (await bot.storage.checkins.screen(1001, TODAY)).complete
    bot.clock.advance(days=1)
    await user.send("/signs")
    await bot.idle()
    assert "Anything new or changing?" in user.last.text
    await tap(bot, user, "Weakness getting worse, dropping things", "Done")
    nudge = await user.wait_for("Please see a doctor soon")
    assert "muscle weakness that is getting worse" in nudge.text
    rows = await bot.storage.checkins.sign_reports_since(1001, TODAY)
    assert [(r.day, r.sign, r.source) for r in rows] == [(TODAY + timedelta(days=1), "weakness", "command")]


async def test_a_new_report_is_never_silenced_by_the_cadence_or_by_ive_booked(bot: Harness) -> None:
    user = await ready(bot)
    await user.send("/signs")
    await bot.idle()
    await tap(bot, user, "Weakness getting worse, dropping things", "Done")
    await user.wait_for("Please see a doctor soon")
    await tap(bot, user, "✅ I've booked / seen a doctor")
    bot.clock.advance(days=2)
    await start(bot, user)
    await tap(bot, user, *TWITCH_DAY, "Weakness getting worse, dropping things", "Done")  # the weekly screen
    assert "Please see a doctor soon" in user.last.text, "the screen's report gets its advice too"
    bot.clock.advance(hours=1)
    await tap(bot, user, "🆕 Something new?", "Stiffness or cramps that don't ease", "Done")
    assert "stiffness or cramps" in user.last.text and "Please see a doctor soon" in user.last.text
    levels = [n.level for n in await bot.storage.checkins.nudges_since(1001, bot.clock.now - timedelta(days=5))]
    assert levels == [2, 2, 2]
    assert [s for s, _ in await reports(bot, 1001)] == ["weakness", "weakness", "stiffness"]


async def test_none_of_these_and_stale_or_forged_list_buttons_store_nothing(bot: Harness) -> None:
    user = await ready(bot)
    await user.send("/signs")
    await bot.idle()
    await tap(bot, user, "Numbness or tingling", "✓ Numbness or tingling")  # tick, untick
    assert "Done" not in [b for row in user.last.buttons for b, _ in row]
    await tap(bot, user, "None of these")
    assert "Nothing new is noted" in user.last.text and not user.last.buttons
    for data in ("1|sg|done|command|0", "1|sg|done|command|999", "1|sg|done|screen|1", "1|sg|t|email|1",
                 "1|sg|zap|command|1"):
        await user.press_data(data)
        await bot.idle()
    assert await reports(bot, 1001) == []
    assert await bot.storage.checkins.nudges_since(1001, bot.clock.now - timedelta(days=1)) == []


async def test_signs_needs_setup_first(bot: Harness) -> None:
    user = bot.user(1001)
    await user.send("/signs")
    await bot.idle()
    assert "/start" in user.last.text


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_signs_is_in_the_menu_and_in_help(lang: str) -> None:
    assert "signs" in [c.command for c in commands_for(lang, I18N)]
    assert "/signs" in t(lang, "help")


async def test_an_export_from_before_the_new_signs_still_imports_and_shows_its_signs(bot: Harness) -> None:
    """Old files hold "speech" on the weekly screen and no warning_signs table: both still work."""
    from test_data_rights_e2e import export_file, send_import

    from coachbot.domain.archive import build_archive, parse_upload

    user = await ready(bot)
    await store_days(bot, 1001, TODAY, TODAY)
    await bot.storage.checkins.save_screen(1001, TODAY, bot.clock.now, flags=("speech",), complete=True)
    await bot.storage.checkins.record_warning_sign(1001, TODAY, ["numbness"], "text", bot.clock.now)
    tables = parse_upload(await export_file(bot, user))
    assert tables["warning_signs"]["rows"][0][1:3] == ["numbness", "text"]
    old = {name: body for name, body in tables.items() if name != "warning_signs"}
    reply = await send_import(bot, user, build_archive(old, bot.clock.now, "old"))
    assert "Restored" in reply, reply
    assert await reports(bot, 1001) == [("speech", "screen")]
    await user.send("/history")
    await bot.idle()
    assert "⚠️" in user.last.text.splitlines()[2]
    await user.send("/summary")
    await bot.idle()
    assert "trouble speaking or swallowing" in user.last.text
