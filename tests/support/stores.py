"""Storage opened straight on a test database, with people already in it."""

from __future__ import annotations

from datetime import datetime

from coachbot.config import Defaults
from coachbot.storage import Storage


async def open_with_people(db_url: str, now: datetime, people: tuple[int, ...] = (1, 2)) -> Storage:
    """An open Storage whose people (ids = chat ids, English) are half-way through onboarding."""
    s = Storage(db_url)
    await s.open()
    for pid in people:
        await s.people.create(pid, pid, "en", Defaults(), now, first_step="lang")
    return s
