"""Helpers shared by the check-in tests: onboarded people, twitch days and stored history."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import Harness, onboard

from coachbot.domain.checkins import CheckinDay
from coachbot.sandbox import SandboxUser

TODAY = date(2026, 3, 10)  # the conftest clock's local day in Madrid


async def ready(bot: Harness, user_id: int = 1001, **kw: str) -> SandboxUser:
    user = bot.user(user_id, **kw)
    await onboard(bot, user)
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
