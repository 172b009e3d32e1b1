"""The storage layer: the only place in coachbot that holds SQL."""

from __future__ import annotations

from .db import Database
from .people import People


class Storage:
    """One database and the repositories that share it."""

    def __init__(self, path: str) -> None:
        self.db = Database(path)
        self.people = People(self.db)

    async def open(self) -> None:
        await self.db.open()

    async def close(self) -> None:
        await self.db.close()


__all__ = ["Database", "People", "Storage"]
