"""Water and caffeine the person logged."""

from __future__ import annotations

from datetime import date, datetime

from .db import Database
from .timefmt import from_iso, to_iso


class Intake:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, person_id: int, kind: str, amount: int, item: str, at: datetime, day: date,
                  ref: str | None = None) -> bool:
        """Log an amount; a repeated `ref` (the same button tapped twice) is ignored. True if new."""
        return bool(await self.db.execute(
            "INSERT INTO intake (person_id, kind, amount, item, at_utc, day, ref)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (person_id, kind, amount, item, to_iso(at), day.isoformat(), ref)))

    async def totals(self, person_id: int, day: date) -> dict[str, int]:
        """{'water': ml, 'caffeine': mg} logged on the person's local `day`."""
        rows = await self.db.fetchall(
            "SELECT kind, SUM(amount) AS total FROM intake WHERE person_id = ? AND day = ? GROUP BY kind",
            (person_id, day.isoformat()))
        totals = {"water": 0, "caffeine": 0}
        totals.update({r["kind"]: int(r["total"]) for r in rows})
        return totals

    async def caffeine_doses(self, person_id: int, days: list[date]) -> list[tuple[datetime, int]]:
        """(time, mg) of caffeine logged on these local days."""
        marks = ", ".join("?" for _ in days)
        rows = await self.db.fetchall(
            f"SELECT at_utc, amount FROM intake WHERE person_id = ? AND day IN ({marks})"  # noqa: S608
            " AND kind = 'caffeine' ORDER BY at_utc",
            (person_id, *(d.isoformat() for d in days)))
        return [(from_iso(r["at_utc"]), int(r["amount"])) for r in rows]  # type: ignore[misc]

    async def last_water(self, person_id: int) -> datetime | None:
        row = await self.db.fetchone(
            "SELECT MAX(at_utc) AS at FROM intake WHERE person_id = ? AND kind = 'water'", (person_id,))
        return from_iso(row["at"]) if row else None
