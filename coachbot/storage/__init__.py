"""The storage layer: the only place in coachbot that holds SQL."""

from __future__ import annotations

from .backends import open_database
from .checkins import Checkins
from .cluster import Cluster
from .coaching import Coaching
from .db import Database
from .insights import Insights
from .intake import Intake
from .people import People
from .reminders import Reminders


class Storage:
    """One database and the repositories that share it."""

    def __init__(self, url: str, *, pool_size: int = 10) -> None:
        self.db: Database = open_database(url, pool_size=pool_size)
        self.people = People(self.db)
        self.checkins = Checkins(self.db)
        self.intake = Intake(self.db)
        self.reminders = Reminders(self.db)
        self.coaching = Coaching(self.db)
        self.insights = Insights(self.db)
        self.cluster = Cluster(self.db)

    async def open(self) -> None:
        await self.db.open()

    async def close(self) -> None:
        await self.db.close()


__all__ = ["Database", "People", "Storage"]
