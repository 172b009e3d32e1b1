"""Test helpers for the coaching feature: seed rows that other features' flows would write."""

from __future__ import annotations

from datetime import datetime

from coachbot.storage import Storage
from coachbot.storage.timefmt import to_iso


async def insert_checkin(storage: Storage, person_id: int, day: str, now: datetime, *,
                         twitches: int | None = None, stress: int | None = None,
                         sleep: str | None = None, exercise: int | None = None) -> None:
    """A check-in row exactly as the check-ins feature stores it (table from migration 0002)."""
    await storage.db.execute(
        "INSERT OR REPLACE INTO checkins (person_id, day, twitches, stress, sleep, exercise,"
        " created_utc, updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (person_id, day, twitches, stress, sleep, exercise, to_iso(now), to_iso(now)))


async def insert_intake(storage: Storage, person_id: int, day: str, now: datetime, kind: str,
                        amount: int) -> None:
    """An intake row as the reminders/intake feature stores it (table from migration 0003)."""
    await storage.db.execute(
        "INSERT INTO intake (person_id, kind, amount, item, at_utc, day) VALUES (?, ?, ?, '', ?, ?)",
        (person_id, kind, amount, to_iso(now), day))


def buttons_of(message: object) -> list[str]:
    return [text for row in message.buttons for text, _ in row]  # type: ignore[attr-defined]


def data_of(message: object, label: str) -> str:
    for row in message.buttons:  # type: ignore[attr-defined]
        for text, data in row:
            if text == label:
                return data
    raise LookupError(label)


async def quick_person(storage: Storage, person_id: int, now: datetime, language: str = "en") -> None:
    """An onboarded person straight through storage, for tests that must keep the chat quiet."""
    from coachbot.config import Defaults

    await storage.people.create(person_id, person_id, language, Defaults(), now, first_step="lang")
    await storage.people.set_state(person_id, now, onboarding_step=None)
    await storage.people.update_settings(person_id, timezone="Europe/Madrid")


class RecordingSleep:
    """Stands in for asyncio.sleep: records the requested waits and only yields."""

    def __init__(self, real_wait: float = 0.0) -> None:
        self.waits: list[float] = []
        self.real_wait = real_wait

    async def __call__(self, seconds: float) -> None:
        import asyncio

        self.waits.append(seconds)
        await asyncio.sleep(self.real_wait)
