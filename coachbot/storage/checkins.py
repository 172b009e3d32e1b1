"""SQL for the checkins feature (filled in by its issue)."""

from __future__ import annotations

from .db import Database


class Checkins:
    def __init__(self, db: Database) -> None:
        self.db = db
