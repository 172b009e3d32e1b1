"""Helpers shared by the check-in tests: onboarded people, twitch days and stored history."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta

import pytest
from support.harness import TEST_TOKEN, Harness, onboard

from coachbot.domain.checkins import CheckinDay
from coachbot.sandbox import Sandbox, SandboxUser

TODAY = date(2026, 3, 10)  # the conftest clock's local day in Madrid


@pytest.fixture
async def fast_sandbox() -> AsyncIterator[Sandbox]:
    """Telegram's limits, with time running 10x faster.

    A check-in is a dozen edits of one message; a person taps about once a
    second, a test taps as fast as the bot answers, so the 1 message/s per-chat
    limit would only make the test slow, not more truthful.
    """
    async with Sandbox(token=TEST_TOKEN, per_chat_burst=20, speedup=10) as sb:
        yield sb


async def ready(bot: Harness, user_id: int = 1001, *, real_onboarding: bool = False, **kw: str) -> SandboxUser:
    """A person who finished setup in Madrid; written through storage unless asked to tap through it."""
    user = bot.user(user_id, **kw)
    if real_onboarding:
        await onboard(bot, user)
        return user
    people, now = bot.storage.people, bot.clock.now
    await people.create(user_id, user_id, "en", bot.services.settings.defaults, now, first_step="lang")
    await people.update_settings(user_id, timezone="Europe/Madrid")
    await people.set_state(user_id, now, onboarding_step=None)
    return user


async def tap(bot: Harness, user: SandboxUser, *labels: str) -> None:
    """Press buttons one after another, letting the bot answer each."""
    for label in labels:
        await user.press(label)
        await bot.idle()


async def start(bot: Harness, user: SandboxUser) -> None:
    await user.send("/checkin")
    await bot.idle()


TWITCH_DAY = ("Yes", "Eyelid or face", "Done", "On and off", "Mild", "3", "7–8 h", "No")


async def store_days(bot: Harness, person_id: int, first: date, last: date, **answers: object) -> None:
    """Finished twitch check-ins for every day from first to last, written through storage."""
    values = {"twitches": True, "locations": ("face",), "frequency": "onoff", "intensity": "mild",
              "stress": 2, "sleep": "7to8", "new_medicine": False, **answers}
    day = first
    while day <= last:
        await bot.storage.checkins.put(person_id, CheckinDay(day=day, step=None, **values), bot.clock.now)
        day += timedelta(days=1)
