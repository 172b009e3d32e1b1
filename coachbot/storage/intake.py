"""SQL for the intake feature (filled in by its issue)."""

from __future__ import annotations

from .db import Database


class Intake:
    def __init__(self, db: Database) -> None:
        self.db = db
