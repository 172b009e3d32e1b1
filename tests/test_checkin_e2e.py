"""The daily check-in as a person lives it, over HTTP against the sandbox."""

from __future__ import annotations

from datetime import timedelta

import pytest
from checkin_helpers import TODAY, TWITCH_DAY, fast_sandbox, ready, start, tap
from support.harness import Harness, onboard

from coachbot.domain.checkins import CheckinDay
from coachbot.sandbox import Fault

pytestmark = pytest.mark.both_backends

sandbox = fast_sandbox  # the conftest `bot` fixture runs against the 10x-time sandbox in this module


async def test_good_day_in_one_tap(bot: Harness) -> None:
    user = await ready(bot, real_onboarding=True)
    await start(bot, user)
    assert "Any twitches today?" in user.last.text
    sent = len(user.messages)
    await tap(bot, user, "No")
    assert len(user.messages) == sent, "one tap, no extra messages"
    assert "No twitches today: saved" in user.last.text
    assert "Fill in yesterday" not in user.last.text, "not on someone's very first check-in"
    day = await bot.storage.checkins.get(1001, TODAY)
    assert day.twitches is False and day.finished


async def test_twitch_day_with_all_answers_is_one_message_edited_in_place(bot: Harness) -> None:
    user = await ready(bot)
    await start(bot, user)
    prompt, sent = user.last, len(user.messages)
    await tap(bot, user, *TWITCH_DAY, "None of these")
    assert len(user.messages) == sent, "every answer edited the same message"
    assert user.last is prompt and prompt.edits >= len(TWITCH_DAY) + 1
    text = prompt.text
    assert "Saved" in text and "Eyelid or face" in text and "On and off" in text and "Mild" in text
    assert "Stress 3/5" in text and "7–8 h" in text and "New medicine: No" in text
    day = await bot.storage.checkins.get(1001, TODAY)
    assert day == CheckinDay(day=TODAY, twitches=True, locations=("face",), frequency="onoff",
                             intensity="mild", stress=3, sleep="7to8", new_medicine=False, step=None)
    screen = await bot.storage.checkins.screen(1001, TODAY)
    assert screen.complete and screen.flags == ()
    assert await bot.storage.checkins.nudges_since(1001, bot.clock.now - timedelta(days=1)) == []


async def test_the_next_question_does_not_wait_for_the_tap_to_be_acknowledged(bot: Harness) -> None:
    """Telegram slow to take the button's acknowledgement: the person still sees the next question at once."""
    user = await ready(bot)
    await start(bot, user)
    bot.sandbox.inject(Fault(method="answerCallbackQuery", kind="slow", delay=0.4))
    calls = len(bot.sandbox.calls)
    await tap(bot, user, "Yes")
    assert "Where" in user.last.text
    done = {c.method: c for c in bot.sandbox.calls[calls:]}
    assert done["editMessageText"].at < done["answerCallbackQuery"].at, "the edit waited behind the acknowledgement"
    assert (await bot.storage.checkins.get(1001, TODAY)).twitches is True


@pytest.mark.parametrize("kind", ["500", "502"])
async def test_a_failed_acknowledgement_costs_the_person_nothing(bot: Harness, kind: str) -> None:
    """Telegram failing the button's acknowledgement: the answer is saved and shown, with no apology."""
    user = await ready(bot)
    await start(bot, user)
    bot.sandbox.inject(Fault(method="answerCallbackQuery", kind=kind))
    sent = len(user.messages)
    await tap(bot, user, "Yes")
    assert "Where" in user.last.text
    assert len(user.messages) == sent, [m.text for m in user.messages[sent:]]
    assert (await bot.storage.checkins.get(1001, TODAY)).twitches is True


async def test_places_are_multi_select_and_need_at_least_one(bot: Harness) -> None:
    user = await ready(bot)
    await start(bot, user)
    await tap(bot, user, "Yes", "Done")
    assert user.answers[-1][0] == "Tap at least one place first."
    await tap(bot, user, "Arm or hand", "Leg or foot", "✓ Arm or hand")  # the last tap unticks
    assert "✓ Leg or foot" in [b for row in user.last.buttons for b, _ in row]
    assert (await bot.storage.checkins.get(1001, TODAY)).locations == ("leg",)


async def test_a_red_flag_brings_the_see_a_doctor_soon_nudge(bot: Harness) -> None:
    user = await ready(bot)
    await start(bot, user)
    await tap(bot, user, *TWITCH_DAY, "Trouble with balance or coordination", "Done")
    nudge = await user.wait_for("Please see a doctor soon")
    assert "trouble with balance or coordination" in nudge.text
    assert "rule out" in nudge.text and "call 112 now" in nudge.text, "Madrid: the local number"
    assert "You noted: trouble with balance" in user.messages[-2].text, "the summary says it too"
    [record] = await bot.storage.checkins.nudges_since(1001, bot.clock.now - timedelta(days=1))
    assert (record.level, record.reasons) == (2, ("balance",))
    await tap(bot, user, "✅ I've booked / seen a doctor")
    assert "right step" in user.last.text and not user.last.buttons
    assert (await bot.storage.checkins.nudge(1001, record.id)).response == "booked"


async def test_emergency_signs_say_call_now(bot: Harness) -> None:
    user = await ready(bot)
    await start(bot, user)
    await tap(bot, user, *TWITCH_DAY, "🚨 Sudden or severe signs")
    assert "Please call 112 now" in user.last.text, "Madrid: the local number"
    assert (await bot.storage.checkins.screen(1001, TODAY)).emergency
    [record] = await bot.storage.checkins.nudges_since(1001, bot.clock.now - timedelta(days=1))
    assert record.level == 1


async def test_fifteen_twitch_days_give_one_book_a_doctor_nudge_and_none_the_next_day(bot: Harness) -> None:
    user = await ready(bot)
    from checkin_helpers import store_days

    await store_days(bot, 1001, TODAY - timedelta(days=14), TODAY - timedelta(days=1))
    await start(bot, user)
    await tap(bot, user, *TWITCH_DAY, "None of these")
    nudge = await user.wait_for("Worth booking a doctor's appointment")
    assert "14 days or more" in nudge.text and "harmless" in nudge.text
    bot.clock.advance(days=1)
    await start(bot, user)
    await tap(bot, user, *TWITCH_DAY)  # the weekly screen is not asked again the next day
    assert "Saved" in user.last.text
    records = await bot.storage.checkins.nudges_since(1001, bot.clock.now - timedelta(days=30))
    assert [(r.level, r.reasons) for r in records] == [(3, ("persistent",))]
    assert sum("Worth booking" in (m.text or "") for m in user.messages) == 1


async def test_double_taps_and_stale_buttons_change_nothing(bot: Harness) -> None:
    user = await ready(bot)
    await start(bot, user)
    prompt = user.last
    yes = next(d for row in prompt.buttons for label, d in row if label == "Yes")
    await user.press_data(yes, prompt)
    await user.press_data(yes, prompt)
    await bot.idle()
    face = next(d for row in prompt.buttons for label, d in row if label == "Eyelid or face")
    await user.press_data(face, prompt)
    await user.press_data(face, prompt)  # explicit "on": a double tap leaves it on
    await bot.idle()
    assert (await bot.storage.checkins.get(1001, TODAY)).locations == ("face",)
    await user.press_data(yes, prompt)  # a stale "Yes" from the first question: just a redraw
    await user.press_data("1|ci|o|20260310|most", prompt)  # an answer for a question not yet asked
    await user.press_data("1|ci|t|20260301|no", prompt)  # a day long closed
    await user.press_data("1|ci|st|20260310|9", prompt)  # out of range
    await user.press_data("1|ci|zz|20260310", prompt)  # unknown action
    await bot.idle()
    day = await bot.storage.checkins.get(1001, TODAY)
    assert (day.step, day.frequency, day.stress) == ("where", None, None)
    assert (await bot.storage.checkins.get(1001, TODAY - timedelta(days=9))) is None
    assert "That check-in is closed now. Send /checkin for today's." in [a for a, _ in user.answers]
    await tap(bot, user, "Done", "On and off", "Mild", "3", "7–8 h", "No")
    done = next(d for row in user.last.buttons for label, d in row if label == "None of these")
    await user.press_data(done)
    await user.press_data(done)
    await bot.idle()
    assert len([m for m in user.messages if "Today," in (m.text or "")]) == 1
    assert user.last is prompt and "Saved" in prompt.text


async def test_a_note_typed_during_a_checkin_is_kept_as_the_days_note(bot: Harness) -> None:
    user = await ready(bot)
    await start(bot, user)
    await tap(bot, user, "Yes")
    await user.send("my eyelid, mostly after <b>screens</b>")
    await bot.idle()
    assert "Kept as today's note" in user.last.text
    await tap(bot, user, "Eyelid or face", "Done", "On and off", "Mild", "3", "7–8 h", "No", "None of these")
    assert (await bot.storage.people.get(1001)).awaiting is None
    today = bot.clock.now.date()
    assert await bot.storage.checkins.notes_between(1001, today, today) == {
        today: "my eyelid, mostly after <b>screens</b>"}
    await user.send("/history")
    await bot.idle()
    assert "📝 my eyelid, mostly after <b>screens</b>" in user.last.text  # shown as typed, not as HTML


async def test_forged_data_never_touches_another_persons_rows(bot: Harness) -> None:
    alice = await ready(bot, 1001)
    bob = await ready(bot, 1002, first_name="Bob")
    await start(bot, alice)
    await tap(bot, alice, *TWITCH_DAY, "Speaking or swallowing: harder over weeks", "Done")
    [record] = await bot.storage.checkins.nudges_since(1001, bot.clock.now - timedelta(days=1))
    await start(bot, bob)
    await bob.press_data(f"1|ci|n|{record.id}|booked")
    await bob.press_data("1|ci|t|20260310|no")
    await bot.idle()
    assert (await bot.storage.checkins.nudge(1001, record.id)).response is None
    assert "That button is from an older message. Nothing changed." in [a for a, _ in bob.answers]
    assert (await bot.storage.checkins.get(1001, TODAY)).twitches is True
    assert (await bot.storage.checkins.get(1002, TODAY)).twitches is False, "Bob's tap wrote Bob's row only"


async def test_resume_change_and_backfill(bot: Harness) -> None:
    user = await ready(bot)
    await bot.storage.checkins.put(1001, CheckinDay(TODAY - timedelta(days=5), twitches=False, step=None),
                                   bot.clock.now)
    await start(bot, user)
    await tap(bot, user, "Yes", "Leg or foot")
    await start(bot, user)  # /checkin again resumes where it stopped, nothing lost
    msg = user.last
    assert "Where did you notice" in msg.text
    assert "✓ Leg or foot" in [b for row in msg.buttons for b, _ in row]
    await tap(bot, user, "Done", "A few times", "Strong", "5", "under 5 h", "Yes", "None of these")
    assert "talk to the doctor who prescribed it" in msg.text
    assert "began around when a medicine was started or changed" in user.last.text, "level-3 reason too"
    assert "Yesterday has no check-in yet" in msg.text
    await tap(bot, user, "📅 Fill in yesterday")
    assert "Any twitches yesterday?" in msg.text
    await tap(bot, user, "No")
    assert "No twitches yesterday: saved" in msg.text
    assert (await bot.storage.checkins.get(1001, TODAY - timedelta(days=1))).twitches is False
    await start(bot, user)
    assert "Saved" in user.last.text and "Fill in yesterday" not in user.last.text
    await tap(bot, user, "✏️ Change answers")
    assert "✓ Yes" in [b for row in user.last.buttons for b, _ in row]
    await tap(bot, user, "No")
    assert (await bot.storage.checkins.get(1001, TODAY)).locations == ()


async def test_history_shows_fourteen_compact_lines(bot: Harness) -> None:
    user = await ready(bot)
    from checkin_helpers import store_days

    await bot.storage.db.execute("UPDATE people SET created_utc = '2026-02-01T09:00:00.000000Z' WHERE id = 1001")
    await store_days(bot, 1001, TODAY - timedelta(days=3), TODAY - timedelta(days=2),
                     locations=("face", "leg"), intensity="strong")
    await start(bot, user)
    await tap(bot, user, "No")
    await user.send("/history")
    await bot.idle()
    lines = user.last.text.splitlines()
    assert lines[0] == "Your last 14 days"
    assert lines[2] == "Tue 10 Mar ✅"
    assert lines[4] == "Sun 8 Mar 〰️ face, leg · strong"
    assert lines[15] == "Wed 25 Feb · not logged"


async def test_history_starts_the_day_the_person_joined(bot: Harness) -> None:
    """No "not logged" lines from before the person was here; an imported older day still shows."""
    user = await ready(bot)
    await start(bot, user)
    await tap(bot, user, "No")
    await user.send("/history")
    await bot.idle()
    lines = user.last.text.splitlines()
    assert lines[0] == "Your log so far: today" and lines[2] == "Tue 10 Mar ✅"
    assert "not logged" not in user.last.text
    from checkin_helpers import store_days

    await store_days(bot, 1001, TODAY - timedelta(days=2), TODAY - timedelta(days=2), intensity="mild")
    await user.send("/history")
    await bot.idle()
    lines = user.last.text.splitlines()
    assert lines[0] == "Your last 3 days" and lines[3] == "Mon 9 Mar · not logged"
    assert lines[4].startswith("Sun 8 Mar 〰️") and len(lines) == 7


async def test_reminder_prompt_works_like_checkin(bot: Harness) -> None:
    user = await ready(bot)
    profile = await bot.storage.people.get(1001)
    outgoing = await bot.services.reminder_renderers["checkin"](bot.services, profile, bot.clock.now)
    assert "Any twitches today?" in outgoing.text
    await bot.app.bot.send_message(1001, outgoing.text, reply_markup=outgoing.markup)
    await bot.idle()
    await tap(bot, user, "No")
    assert "No twitches today: saved" in user.last.text
    assert await bot.services.reminder_renderers["checkin"](bot.services, profile, bot.clock.now) is None


async def test_spanish_and_russian(bot: Harness) -> None:
    ana = bot.user(2001, language_code="es", first_name="Ana")
    await onboard(bot, ana, language_button="Español")
    await start(bot, ana)
    assert "¿Has tenido contracciones musculares hoy?" in ana.last.text
    await tap(bot, ana, "No")
    assert "Sin contracciones musculares hoy" in ana.last.text
    ivan = bot.user(2002, language_code="ru", first_name="Ivan")
    await onboard(bot, ivan, language_button="Русский")
    await start(bot, ivan)
    assert "Были ли сегодня подёргивания мышц?" in ivan.last.text


async def test_a_restart_mid_checkin_loses_nothing(fast_sandbox, settings, clock) -> None:
    """Stop the bot half-way through, start it again on the same database."""
    from dataclasses import replace

    from coachbot.app import build_application, running
    from coachbot.storage import Storage

    sandbox = fast_sandbox
    s = replace(settings, api_base_url=sandbox.base_url, api_file_url=sandbox.base_file_url)
    user = sandbox.user(1001, first_name="Alex", language_code="en")
    for run_number in (1, 2):
        app = build_application(s, clock=clock)
        async with running(app):
            h = Harness(sandbox, app, app.bot_data["services"], clock)
            if run_number == 1:
                await onboard(h, user)
                await start(h, user)
                await tap(h, user, "Yes", "Arm or hand", "Done", "Most of the day")
            else:
                await tap(h, user, "Noticeable")  # the old message's buttons still work
                assert "How stressed" in user.last.text
                await start(h, user)
                assert "How stressed" in user.last.text
    store = Storage(s.db_path)
    await store.open()
    day = await store.checkins.get(1001, TODAY)
    await store.close()
    assert (day.locations, day.frequency, day.intensity, day.step) == (("arm",), "most", "noticeable", "stress")
