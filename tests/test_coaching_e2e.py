"""Coaching over the sandbox: tips in context, a live breathing round, the food diary, learn pages."""

from __future__ import annotations

from datetime import date

from coaching_helpers import RecordingSleep, buttons_of, data_of, insert_checkin, quick_person
from support.harness import Harness, onboard

from coachbot.handlers.breathe import MIN_EDIT_GAP_S
from coachbot.handlers.buttons import StopBreathing
from coachbot.sandbox import validate_telegram_html

TODAY = "2026-03-10"   # the clock fixture's date, in Madrid too


async def test_tip_after_a_high_stress_checkin_offers_a_relaxation_exercise(bot: Harness) -> None:
    user = bot.user(2001)
    await onboard(bot, user)
    await insert_checkin(bot.storage, 2001, TODAY, bot.clock.now, twitches=1, stress=5, sleep="7to8")
    await user.send("/tip")
    tip = await user.wait_for("A tip for today")
    assert "stress" in tip.text and "not medical advice" in tip.text
    assert "▶️ Try it: Box breathing" in buttons_of(tip)
    await user.press("▶️ Try it: Box breathing")
    page = await user.wait_for("Breathe in through your nose for a count of 4")
    assert "dizzy" in page.text and "▶️ Guide me now" in buttons_of(page)
    # The next tip comes from the same group and is a different one.
    await user.send("/tip")
    await bot.idle()
    assert "4-7-8" in user.last.text and user.last.text != tip.text


async def test_tip_without_a_checkin_is_general_and_worry_gets_a_kind_reframe(bot: Harness) -> None:
    user = bot.user(2002)
    await onboard(bot, user)
    await user.send("/tip")
    await user.wait_for("A tip for today")
    await user.press("😟 I'm worried")
    reply = await user.wait_for("understandable")
    assert "test your muscles" in reply.text
    assert "ALS" not in reply.text and "sclerosis" not in reply.text


async def test_breathe_runs_one_round_editing_one_message(bot: Harness) -> None:
    sleep = RecordingSleep()
    bot.services.breathing.sleep = sleep           # production pace, without waiting for it
    await quick_person(bot.storage, 2003, bot.clock.now)
    user = bot.user(2003)
    await user.send("/breathe")
    intro = await user.wait_for("guided breathing round")
    await user.press("Box breathing 4-4-4-4")
    done = await user.wait_for("Well done")
    await bot.idle()
    assert done.message_id == intro.message_id and len(user.messages) == 1
    phases = [h for h in done.history if "cycle" in h]
    assert len(phases) == 16 and phases[0].startswith("Box breathing 4-4-4-4 · cycle 1 of 4")
    assert "Breathe in" in phases[0] and "Hold" in phases[1] and "Breathe out" in phases[2]
    assert "cycle 4 of 4" in phases[-1] and "dizzy" in phases[0].lower()
    # One edit per phase, each held for its count: 16 x 4 s, never closer than one second.
    assert sleep.waits == [4.0] * 16 and min(sleep.waits) >= MIN_EDIT_GAP_S
    assert bot.sandbox.count_429 == 0


async def test_breathe_stop_ends_the_round(bot: Harness) -> None:
    bot.services.breathing.sleep = RecordingSleep(real_wait=0.05)   # slow enough to press Stop
    await quick_person(bot.storage, 2004, bot.clock.now)
    user = bot.user(2004)
    await user.send("/breathe")
    await user.wait_for("guided breathing round")
    await user.press("4-7-8 breathing")
    await user.wait_for("cycle 1 of 4")
    await user.press("⏹ Stop")
    stopped = await user.wait_for("Stopped")
    await bot.idle()
    assert "Well done" not in stopped.text and stopped.text == user.last.text
    assert len(user.messages) == 1


async def test_a_button_pressed_under_a_file_is_answered_with_a_new_message(bot: Harness) -> None:
    # Telegram refuses to put text on a document; the tap still gets its answer, as a new message.
    await quick_person(bot.storage, 2014, bot.clock.now)
    user = bot.user(2014)
    await user.send("/export")
    archive = await user.wait_for(lambda m: m.kind == "document")
    await bot.idle()
    await user.press_data(StopBreathing().pack(), message=archive)
    stopped = await user.wait_for("Stopped")
    await bot.idle()
    assert stopped.message_id != archive.message_id and archive.kind == "document"
    assert "Box breathing 4-4-4-4" in buttons_of(stopped)
    assert bot.sandbox.count_429 == 0


async def test_food_logged_appears_in_the_diary_next_to_twitch_days(bot: Harness) -> None:
    user = bot.user(2005)
    await onboard(bot, user)
    await insert_checkin(bot.storage, 2005, TODAY, bot.clock.now, twitches=1, stress=2)
    await user.send("/food")
    diary = await user.wait_for("Your food diary")
    assert "Nothing logged yet" in diary.text
    stale = data_of(diary, "🍌 Banana")
    await user.press("🍌 Banana")
    logged = await user.wait_for("Logged: 🍌 Banana")
    assert "Tue 10 Mar · twitches" in logged.text and "🍌 Banana" in logged.text.split("twitches")[1]
    await user.press_data(stale, logged)          # a double tap logs nothing twice
    await bot.idle()
    entries = await bot.storage.coaching.food_since(2005, date.fromisoformat(TODAY))
    assert [e.food for e in entries] == ["banana"]
    await user.press("✏️ Something else")
    await user.wait_for("Type what you ate")
    await user.send("oat porridge with <nuts>")
    saved = await user.wait_for("Added to today's diary")
    assert "oat porridge with <nuts>" in saved.text
    await user.press("📖 Which foods help?")
    guide = await user.wait_for("magnesium and potassium")
    assert "350 mg" in guide.text and "kidney disease" in guide.text


async def test_learn_keeps_rule_out_conditions_behind_a_tap(bot: Harness) -> None:
    user = bot.user(2006)
    await onboard(bot, user)
    await user.send("/learn")
    await user.wait_for("Learn about muscle twitches")
    await user.press("When to see a doctor")
    doctor = await user.wait_for("Book a routine appointment")
    assert "thyroid" not in doctor.text and "not medical advice" in doctor.text
    await user.press("What can a doctor rule out?")
    ruleout = await user.wait_for("What a doctor can rule out")
    assert "thyroid" in ruleout.text
    await user.press("◀️ All topics")
    await user.wait_for("Pick a topic")
    await user.press("Medicines and twitches")
    medicines = await user.wait_for("Medicines and twitches")
    assert "don't stop it on your own" in medicines.text


async def test_daily_tip_is_off_by_default_and_toggled_in_settings(bot: Harness) -> None:
    user = bot.user(2007)
    await onboard(bot, user)
    profile = await bot.storage.people.get(2007)
    assert await bot.services.reminder_renderers["tip"](bot.services, profile, bot.clock.now) is None
    await user.send("/settings")
    await user.wait_for("Daily tip: off")
    await user.press("Daily tip")
    await user.wait_for("It's off unless")
    await user.press("Turn on")
    await user.press("Turn on")   # a double tap changes nothing further
    await bot.idle()
    assert "Daily tip: on" in user.last.text
    profile = await bot.storage.people.get(2007)
    assert profile.daily_tip_on
    out = await bot.services.reminder_renderers["tip"](bot.services, profile, bot.clock.now)
    assert out is not None and "Your daily tip" in out.text
    validate_telegram_html(out.text)


def _mostly(text: str, alphabet: str) -> bool:
    """True when most letters of text are from the given script ('latin' or 'cyrillic')."""
    import re

    cyr = len(re.findall(r"[а-яё]", text.lower()))
    lat = len(re.findall(r"[a-z]", text.lower()))
    return cyr > 3 * lat if alphabet == "cyrillic" else lat > 3 * cyr


async def test_a_spanish_speaker_gets_spanish_from_start_on(bot: Harness) -> None:
    user = bot.user(2010, language_code="es-MX")
    await user.send("/start")
    welcome = await user.wait_for("¡Hola, Alex!")
    assert "no un médico" in welcome.text
    await onboard(bot, user, language_button="Español")
    assert "¡Todo listo!" in user.messages[-2].text and "pregunta opcional" in user.last.text
    assert any("Idioma: español ✅" in h for m in user.messages for h in [m.text, *m.history])
    for command, expected in (("/tip", "Un consejo para hoy"), ("/food", "Tu diario de comidas"),
                              ("/learn", "Aprende sobre"), ("/breathe", "respiración guiada"),
                              ("/help", "Lo que puedo hacer")):
        await user.send(command)
        reply = await user.wait_for(expected)
        assert "-" not in reply.text.split()[0]                   # no raw catalog key leaked
    assert [c["command"] for c in bot.sandbox.commands_for(language_code="es")][:1]


async def test_switching_language_in_settings_switches_every_later_message(bot: Harness) -> None:
    user = bot.user(2011)
    await onboard(bot, user)
    await user.send("/settings")
    await user.wait_for("Your settings")
    await user.press("Language")
    await user.wait_for("Which language")
    await user.press("Русский")
    await user.wait_for("Ваши настройки")
    await bot.idle()
    before = {m.message_id for m in user.messages}
    await insert_checkin(bot.storage, 2011, TODAY, bot.clock.now, twitches=1, stress=5)
    for command in ("/tip", "/food", "/learn", "/breathe", "/help", "/settings"):
        await user.send(command)
        await bot.idle()
    await user.press("Совет дня")
    await user.wait_for("Пока вы его не включите")
    await user.press("Включить")
    await bot.idle()
    assert "Совет дня: <b>вкл.</b>" in user.last.html
    later = [m for m in user.messages if m.message_id not in before]
    assert len(later) == 6
    for message in later:
        assert _mostly(message.text, "cyrillic"), message.text
        for row in message.buttons:
            for label, _ in row:
                assert not _mostly(label, "latin") or label[-7:] in ("4-4-4-4", "3-3-3-3"), label
    out = await bot.services.reminder_renderers["tip"](bot.services, await bot.storage.people.get(2011), bot.clock.now)
    assert out is not None and "Ваш совет дня" in out.text
