"""Undo on every log confirmation, and small bare numbers read the way people mean them."""

from __future__ import annotations

from reminders_helpers import seed
from support.harness import Harness, onboard, talk
from test_intake_e2e import totals


async def test_water_1_is_a_glass_said_so_and_litres_are_one_tap_away(bot: Harness) -> None:
    user, _ = await seed(bot, 1)
    await user.send("/water 2")
    await bot.idle()
    assert "Added 500 ml" in user.last.text and "I read “2” as 2 glasses of 250 ml" in user.last.text
    assert (await totals(bot, 1))["water"] == 500
    await user.press("I meant 2 litres")
    await bot.idle()
    assert (await totals(bot, 1))["water"] == 2000
    assert "Added 2,000 ml" in user.last.text
    await user.send("/water 20")
    await bot.idle()
    assert "couldn't read" in user.last.text and (await totals(bot, 1))["water"] == 2000


async def test_undo_takes_back_exactly_the_last_water_and_a_second_tap_changes_nothing(bot: Harness) -> None:
    user, _ = await seed(bot, 1)
    await user.send("/water 300")
    await bot.idle()
    await user.press("+250 ml")
    await bot.idle()
    undo_data = next(d for row in user.last.buttons for t, d in row if t == "↩️ Undo")
    await user.press_data(undo_data)
    await bot.idle()
    assert (await totals(bot, 1))["water"] == 300
    assert "Removed 250 ml" in user.last.text
    await user.press_data(undo_data)
    await bot.idle()
    assert user.answers[-1][0] == "Already undone: nothing to remove."
    assert (await totals(bot, 1))["water"] == 300


async def test_coffee_2_is_two_of_your_usual_drink(bot: Harness) -> None:
    user, _ = await seed(bot, 1)
    await talk(bot, user, "/coffee", "[Espresso · 63 mg]", "/coffee 2")
    assert "Logged an espresso × 2 (126 mg)" in user.last.text
    assert "I read “2” as 2 of your usual drink" in user.last.text
    assert (await totals(bot, 1))["caffeine"] == 63 + 126
    await user.press("↩️ Undo")
    await bot.idle()
    assert (await totals(bot, 1))["caffeine"] == 63 and "Removed 126 mg" in user.last.text
    await user.send("/coffee 120")
    await bot.idle()
    assert (await totals(bot, 1))["caffeine"] == 183


async def test_a_food_entry_and_a_checkin_answer_can_be_undone(bot: Harness) -> None:
    user = bot.user(1001)
    await onboard(bot, user)
    await user.send("/food")
    await bot.idle()
    label = next(t for row in user.last.buttons for t, _ in row if "Spinach" in t)
    await user.press(label)
    await bot.idle()
    entries = await bot.storage.coaching.food_since(1001, bot.clock.now.date())
    assert len(entries) == 1
    await user.press("↩️ Undo")
    await bot.idle()
    assert await bot.storage.coaching.food_since(1001, bot.clock.now.date()) == []
    assert "Removed from your diary" in user.last.text

    await user.send("/checkin")
    await bot.idle()
    await user.press("No")
    await bot.idle()
    assert "No twitches today" in user.last.text
    await user.press("↩️ Undo")
    await bot.idle()
    row = await bot.storage.checkins.get(1001, bot.clock.now.date())
    assert row is not None and row.twitches is None
    assert "Any twitches today?" in user.last.text
