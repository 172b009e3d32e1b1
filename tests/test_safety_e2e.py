"""Typed words read for safety first, /sos and 🚨 for anyone: as people live it, in en, es and ru."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from checkin_helpers import TODAY, fast_sandbox, tap
from support.harness import Harness

from coachbot.domain import nudges
from coachbot.domain.checkins import SignReport
from coachbot.sandbox import SandboxUser

sandbox = fast_sandbox  # the conftest `bot` fixture runs against the 10x-time sandbox in this module
pytestmark = pytest.mark.both_backends

EMERGENCY = {"en": "suddenly can't lift my arm, my face is drooping",
             "es": "de repente no puedo levantar el brazo y tengo la cara caída",
             "ru": "внезапно не могу поднять руку, лицо перекосило"}
WARNING = {"en": "my grip is getting weaker and I keep dropping things",
           "es": "cada vez tengo menos fuerza en la mano y se me caen las cosas",
           "ru": "рука слабеет, постоянно роняю вещи"}
WORRY = {"en": "I'm scared it's ALS", "es": "tengo miedo de que sea ELA", "ru": "боюсь, что это БАС"}
SELF_HARM = {"en": "I want to end my life", "es": "quiero quitarme la vida", "ru": "не хочу больше жить"}
LANGS = ("en", "es", "ru")


def plain(bot: Harness, lang: str, key: str, **args: object) -> str:
    """A catalog message as the person sees it (tags gone, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", bot.services.i18n.t(lang, key, **args)))


def label(bot: Harness, lang: str, key: str) -> str:
    return bot.services.i18n.raw(lang, key)


async def person(bot: Harness, lang: str, user_id: int = 1001, zone: str = "Europe/Madrid") -> SandboxUser:
    """Someone who finished setup, in `lang` and `zone`."""
    user = bot.user(user_id, language_code=lang)
    people, now = bot.storage.people, bot.clock.now
    await people.create(user_id, user_id, lang, bot.services.settings.defaults, now, first_step="lang")
    await people.update_settings(user_id, timezone=zone)
    await people.set_state(user_id, now, onboarding_step=None)
    return user


async def say(bot: Harness, user: SandboxUser, text: str) -> None:
    await user.send(text)
    await bot.idle()


def emergency_text(bot: Harness, lang: str, number: str) -> str:
    return plain(bot, lang, "safety-emergency", number=plain(bot, lang, "safety-number", number=number))


@pytest.mark.parametrize("lang", LANGS)
async def test_stroke_signs_typed_out_of_the_blue_get_emergency_advice_with_the_local_number(
        bot: Harness, lang: str) -> None:
    user = await person(bot, lang, zone="Europe/Moscow")
    await say(bot, user, EMERGENCY[lang])
    reply = user.last
    assert reply.text == emergency_text(bot, lang, "103 / 112")
    assert [b for row in reply.buttons for b, _ in row] == [label(bot, lang, "safety-misread")]
    assert plain(bot, lang, "not-understood") not in [m.text for m in user.messages]
    await tap(bot, user, label(bot, lang, "safety-misread"))
    assert user.last.text == plain(bot, lang, "safety-misread-ack")
    assert reply.buttons == [], "the way out is used once"


@pytest.mark.parametrize("lang", LANGS)
async def test_emergency_words_in_the_middle_of_a_checkin_are_answered_not_told_to_tap(
        bot: Harness, lang: str) -> None:
    user = await person(bot, lang)
    await say(bot, user, "/checkin")
    await say(bot, user, EMERGENCY[lang])
    assert user.last.text == emergency_text(bot, lang, "112")
    assert plain(bot, lang, "checkin-use-buttons") not in [m.text for m in user.messages]


@pytest.mark.parametrize("lang", LANGS)
async def test_emergency_words_in_the_food_diary_are_not_saved_as_a_meal_unless_misread(
        bot: Harness, lang: str) -> None:
    user = await person(bot, lang)
    await say(bot, user, "/food")
    await tap(bot, user, "✏️ " + label(bot, lang, "coaching-food-other-short"))
    await say(bot, user, EMERGENCY[lang])
    assert user.last.text == emergency_text(bot, lang, "112")
    assert await bot.storage.coaching.food_since(1001, TODAY) == []
    await tap(bot, user, label(bot, lang, "safety-misread"))
    [entry] = await bot.storage.coaching.food_since(1001, TODAY)
    assert entry.note == EMERGENCY[lang], "after 'you misread me' the text goes where it was typed for"
    assert plain(bot, lang, "coaching-food-note-saved") in user.last.text


@pytest.mark.parametrize("lang", LANGS)
async def test_a_warning_typed_in_an_amount_field_gets_doctor_advice_then_the_field_carries_on(
        bot: Harness, lang: str) -> None:
    user = await person(bot, lang)
    await say(bot, user, "/water")
    await tap(bot, user, label(bot, lang, "intake-custom"))
    await say(bot, user, WARNING[lang])
    advice = user.last
    assert plain(bot, lang, "safety-sign-weakness") in advice.text
    assert await bot.storage.checkins.sign_reports_since(1001, TODAY) == [], "nothing stored before the tap"
    await tap(bot, user, label(bot, lang, "safety-not-meant"))
    assert plain(bot, lang, "intake-bad-wc") in user.last.text, "the amount field reads the text after all"
    await say(bot, user, "300")
    assert (await bot.storage.checkins.intake(1001, TODAY)).water_ml == 300


@pytest.mark.parametrize("lang", LANGS)
async def test_a_confirmed_warning_is_stored_as_todays_sign_only_after_the_tap(bot: Harness, lang: str) -> None:
    user = await person(bot, lang)
    await say(bot, user, WARNING[lang])
    advice = user.last
    assert advice.text.startswith(plain(bot, lang, "safety-warning", signs="", number="")[:20])
    assert await bot.storage.checkins.sign_reports_since(1001, TODAY) == [], "nothing stored before the tap"
    await tap(bot, user, label(bot, lang, "safety-save-sign"))
    assert plain(bot, lang, "safety-sign-saved") in [m.text for m in user.messages]
    assert await bot.storage.checkins.sign_reports_since(1001, TODAY) == [SignReport(TODAY, "weakness", "text")]
    [record] = await bot.storage.checkins.nudges_since(1001, bot.clock.now - timedelta(days=1))
    assert (record.level, record.reasons) == (nudges.SOON, ("weakness",))
    assert user.last.text.startswith(plain(bot, lang, "nudge-soon", reasons="", count=1)[:15])
    await user.send("/history")
    await bot.idle()
    assert "⚠️" in user.last.text


@pytest.mark.parametrize("lang", LANGS)
async def test_worry_gets_the_kind_reframe_and_never_an_emergency_reply(bot: Harness, lang: str) -> None:
    user = await person(bot, lang)
    await say(bot, user, WORRY[lang])
    assert user.last.text == plain(bot, lang, "coaching-worry-reply")
    texts = " ".join(m.text for m in user.messages)
    assert "🚨" not in texts and "112" not in texts


@pytest.mark.parametrize("lang", LANGS)
async def test_thoughts_of_self_harm_get_the_crisis_line_and_the_emergency_number(bot: Harness, lang: str) -> None:
    user = await person(bot, lang)   # Madrid: 112, and Spain's 024 line
    await say(bot, user, SELF_HARM[lang])
    assert "024" in user.last.text and "112" in user.last.text


@pytest.mark.parametrize("lang", LANGS)
async def test_sos_works_before_onboarding_with_the_generic_number(bot: Harness, lang: str) -> None:
    user = bot.user(2002, language_code=lang)
    await say(bot, user, "/sos")
    assert user.last.text == emergency_text(bot, lang, "unknown")
    assert "112" in user.last.text and "911" in user.last.text
    await say(bot, user, EMERGENCY[lang])
    assert user.last.text == emergency_text(bot, lang, "unknown"), "typed signs too, without an account"
    assert plain(bot, lang, "need-start") not in [m.text for m in user.messages]


@pytest.mark.parametrize("lang", LANGS)
async def test_sos_and_an_old_sos_button_work_after_delete(bot: Harness, lang: str) -> None:
    user = await person(bot, lang)
    await say(bot, user, "/checkin")
    await tap(bot, user, label(bot, lang, "checkin-yes"))
    checkin_message = user.last
    old_sos = f"1|ci|sos|{TODAY:%Y%m%d}"
    await say(bot, user, "/delete")
    await tap(bot, user, label(bot, lang, "data-delete-yes"))
    assert await bot.storage.people.get(1001) is None
    await say(bot, user, "/sos")
    assert user.last.text == emergency_text(bot, lang, "unknown")
    await user.press_data(old_sos, checkin_message)   # a 🚨 on a stale check-in message
    await bot.idle()
    assert user.last.text == emergency_text(bot, lang, "unknown")
    assert plain(bot, lang, "need-start") not in [m.text for m in user.messages]
    assert await bot.storage.people.get(1001) is None, "no account is made behind the person's back"


async def test_the_sos_button_works_for_a_paused_person_and_is_kept_on_todays_record(bot: Harness) -> None:
    user = await person(bot, "en", zone="America/New_York")
    await say(bot, user, "/pause 3")
    await user.press_data("1|sos|go", user.last)
    await bot.idle()
    assert user.last.text == emergency_text(bot, "en", "911")
    day = bot.clock.now.astimezone(__import__("zoneinfo").ZoneInfo("America/New_York")).date()
    assert (await bot.storage.checkins.screen(1001, day)).emergency


async def test_the_fallback_reply_points_to_sos_and_sos_is_in_help_and_the_menu(bot: Harness) -> None:
    user = await person(bot, "en")
    await say(bot, user, "what's the weather like")
    assert user.last.text == plain(bot, "en", "not-understood") and "/sos" in user.last.text
    await say(bot, user, "/help")
    assert "/sos" in user.last.text
    for lang in LANGS:
        commands = await bot.app.bot.get_my_commands(language_code=None if lang == "en" else lang)
        assert "sos" in [c.command for c in commands]


async def test_everyday_text_still_reaches_its_field(bot: Harness) -> None:
    user = await person(bot, "en")
    await say(bot, user, "/food")
    await tap(bot, user, "✏️ Something else")
    await say(bot, user, "weak coffee and a banana")
    [entry] = await bot.storage.coaching.food_since(1001, TODAY)
    assert entry.note == "weak coffee and a banana"


# ---------------------------------------------- words after a command, captions, /summary
AFTER_WATER = {"en": "I can't breathe", "es": "no puedo respirar", "ru": "не могу дышать"}
AFTER_CHECKIN = {"en": "my face is drooping on one side", "es": "tengo la cara caída de un lado",
                 "ru": "лицо перекосило на одну сторону"}


@pytest.mark.parametrize("lang", LANGS)
async def test_words_after_a_command_are_read_for_safety_before_the_command(bot: Harness, lang: str) -> None:
    user = await person(bot, lang)
    await say(bot, user, f"/water {AFTER_WATER[lang]}")
    assert user.last.text == emergency_text(bot, lang, "112")
    assert plain(bot, lang, "intake-water-bad-amount") not in [m.text for m in user.messages]
    await tap(bot, user, label(bot, lang, "safety-misread"))
    assert user.last.text == plain(bot, lang, "intake-water-bad-amount"), "then /water reads its amount after all"
    await say(bot, user, f"/checkin {AFTER_CHECKIN[lang]}")
    assert user.last.text == emergency_text(bot, lang, "112")
    await tap(bot, user, label(bot, lang, "safety-misread"))
    assert label(bot, lang, "checkin-yes") in [b for row in user.last.buttons for b, _ in row], \
        "after 'you misread me' the check-in starts as asked"


@pytest.mark.parametrize("lang", LANGS)
async def test_words_after_a_command_need_no_account(bot: Harness, lang: str) -> None:
    user = bot.user(2002, language_code=lang)
    await say(bot, user, f"/checkin {AFTER_CHECKIN[lang]}")
    assert user.last.text == emergency_text(bot, lang, "unknown")
    assert plain(bot, lang, "need-start") not in [m.text for m in user.messages]


async def test_a_command_with_everyday_words_still_works(bot: Harness) -> None:
    user = await person(bot, "en")
    await say(bot, user, "/water 300")
    assert (await bot.storage.checkins.intake(1001, TODAY)).water_ml == 300
    await say(bot, user, "/water a big glass")
    assert user.last.text == plain(bot, "en", "intake-water-bad-amount")


@pytest.mark.parametrize("lang", LANGS)
async def test_a_photo_caption_is_read_for_safety(bot: Harness, lang: str) -> None:
    user = await person(bot, lang)
    await user.send_photo(b"\xff\xd8\xff\xe0 not really a jpeg", caption=WARNING[lang])
    await bot.idle()
    advice = user.last
    assert plain(bot, lang, "safety-sign-weakness") in advice.text
    assert plain(bot, lang, "not-understood") not in [m.text for m in user.messages]
    await tap(bot, user, label(bot, lang, "safety-save-sign"))
    assert await bot.storage.checkins.sign_reports_since(1001, TODAY) == [SignReport(TODAY, "weakness", "text")]
    await user.send_photo(b"\xff\xd8\xff\xe0 again", caption=EMERGENCY[lang])
    await bot.idle()
    assert user.last.text == emergency_text(bot, lang, "112")
    await user.send_photo(b"\xff\xd8\xff\xe0 and again", caption="my cat")
    await bot.idle()
    assert user.last.text == plain(bot, lang, "not-understood"), "an everyday caption changes nothing"


async def test_a_file_caption_is_read_for_safety_and_stops_the_file(bot: Harness) -> None:
    user = bot.user(2002, language_code="es")
    await user.send_document("notes.txt", b"hello", "text/plain", caption=EMERGENCY["es"])
    await bot.idle()
    assert [m.text for m in user.messages] == [emergency_text(bot, "es", "unknown")], "no import attempt"
    await tap(bot, user, label(bot, "es", "safety-misread"))
    assert user.last.text == plain(bot, "es", "safety-misread-ack")


@pytest.mark.parametrize("lang", LANGS)
async def test_summary_shows_a_warning_sign_when_it_is_the_only_entry(bot: Harness, lang: str) -> None:
    user = await person(bot, lang)
    await say(bot, user, "/summary")
    assert user.last.text == plain(bot, lang, "insights-empty")
    await say(bot, user, WARNING[lang])
    await tap(bot, user, label(bot, lang, "safety-save-sign"))
    await say(bot, user, "/summary")
    assert "⚠️" in user.last.text and plain(bot, lang, "insights-flag-weakness") in user.last.text
    assert plain(bot, lang, "insights-empty") != user.last.text
    weekly = bot.services.reminder_renderers["summary"]
    profile = await bot.storage.people.get(1001)
    out = await weekly(bot.services, profile, bot.clock.now)
    assert out is not None and plain(bot, lang, "insights-flag-weakness") in out.text, "the Sunday summary too"
    bot.clock.advance(days=10)
    assert await weekly(bot.services, profile, bot.clock.now) is None, "a sign from an earlier week: no weekly message"
    await say(bot, user, "/summary")
    assert plain(bot, lang, "insights-flag-weakness") in user.last.text, "/summary keeps it for 30 days"
    bot.clock.advance(days=25)
    await say(bot, user, "/summary")
    assert user.last.text == plain(bot, lang, "insights-empty")
