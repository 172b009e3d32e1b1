"""Text that isn't a command: greetings and twitches offer today's check-in, near-miss commands get a guess,
and a check-in note reaches the doctor report."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from insights_helpers import seed_month
from pypdf import PdfReader
from support.harness import Harness, onboard

from coachbot.domain.freetext import classify, suggest_command

COMMANDS = frozenset({"checkin", "history", "water", "coffee", "settings", "start", "report", "chart"})


@pytest.mark.parametrize(
    ("text", "kind"),
    [("hello", "greeting"), ("Hi there!", "greeting"), ("good morning", "greeting"), ("Hola!!", "greeting"),
     ("buenas tardes", "greeting"), ("Привет", "greeting"), ("Здравствуйте", "greeting"),
     ("hello, my eye keeps twitching 😩", "twitches"), ("me tiembla el párpado", "twitches"),
     ("дёргается веко второй день", "twitches"), ("подёргивания в ноге", "twitches"),
     ("contracciones en la pierna", "twitches"), ("what is this", None), ("", None), ("12345", None),
     ("the weather is nice, hello", None)],
)
def test_free_text_is_recognised(text: str, kind: str | None) -> None:
    assert classify(text) == kind


@pytest.mark.parametrize(
    ("typed", "guess"),
    [("/chekin", "checkin"), ("/checkn", "checkin"), ("/histroy", "history"), ("/watr", "water"),
     ("/chekin@coachbot", "checkin"), ("/frobnicate", None), ("/checkin", None), ("/", None), ("/x", None),
     ("/@05 @05", None), ("/ checkin", None), ("/@", None), ("", None)],
)
def test_a_mistyped_command_gets_the_closest_one(typed: str, guess: str | None) -> None:
    assert suggest_command(typed, COMMANDS) == guess


@given(st.text(max_size=40))
def test_any_text_gets_a_guess_or_none(typed: str) -> None:
    guess = suggest_command(typed, COMMANDS)
    assert guess is None or guess in COMMANDS
    assert classify(typed) in (None, "greeting", "twitches")


async def test_a_greeting_offers_todays_checkin_in_words_that_fit_the_hour(bot: Harness) -> None:
    user = bot.user(1001)
    await onboard(bot, user)                                  # 10:00 in Madrid
    await user.send("hello, my eye keeps twitching 😩")
    msg = await user.wait_for("sorry they're bothering you")
    assert [t for row in msg.buttons for t, _ in row] == ["📝 Check in now"]
    await user.send("hi")
    await user.wait_for("Good morning! Would you like to do today's check-in?")
    await user.press("📝 Check in now")
    await user.wait_for("Any twitches today?")
    await bot.idle()
    await user.send("/chekin")
    await user.wait_for("Did you mean /checkin?")


async def test_greetings_in_spanish_and_russian(bot: Harness) -> None:
    es = bot.user(1002, language_code="es")
    await onboard(bot, es, language_button="Español")
    bot.clock.advance(hours=9)                                # 19:00 in Madrid
    await es.send("hola")
    await es.wait_for("¡Buenas noches! ¿Quieres hacer el registro de hoy?")
    ru = bot.user(1003, language_code="ru")
    await onboard(bot, ru, language_button="Русский")
    await ru.send("привет")
    await ru.wait_for("Добрый вечер! Хотите сделать сегодняшнюю отметку?")


async def test_a_checkin_note_is_in_the_doctor_report(bot: Harness) -> None:
    user = bot.user(3004)
    await onboard(bot, user)
    today = date(2026, 3, 10)
    await seed_month(bot.storage, 3004, today)
    await bot.storage.checkins.add_note(3004, today - timedelta(days=2), "eyelid after a long night", bot.clock.now)
    await user.send("/report")
    msg = await user.wait_for(lambda m: m.kind == "document", timeout=60)
    pages = PdfReader(io.BytesIO(msg.file_bytes)).pages  # the notes section is near the end
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "Notes in the person's own words" in text and "Mar 8, 2026: eyelid after a long night" in text


@pytest.mark.parametrize(("hour", "part"), [(4, "night"), (5, "morning"), (11, "morning"), (12, "afternoon"),
                                            (17, "afternoon"), (18, "evening"), (22, "evening"), (23, "night"),
                                            (0, "night")])
def test_greetings_fit_the_hour(hour: int, part: str) -> None:
    from coachbot.domain.waking import day_part

    assert day_part(hour) == part
