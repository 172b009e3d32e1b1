"""Water and caffeine the person logged."""

from __future__ import annotations

from datetime import date, datetime

from .db import Database
from .timefmt import from_iso, to_iso


class Intake:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, person_id: int, kind: str, amount: int, item: str, at: datetime, day: date,
                  ref: str | None = None) -> int | None:
        """Log an amount; a repeated `ref` (the same button tapped twice) is ignored. The new row's id, or None."""
        # A person's updates are handled one at a time, so checking first is enough here;
        # the unique index on (person_id, ref) still guards the table.
        async with self.db.transaction() as tx:
            if ref is not None and await tx.fetchone(
                    "SELECT 1 FROM intake WHERE person_id = ? AND ref = ?", (person_id, ref)):
                return None
            return await tx.insert(
                "INSERT INTO intake (person_id, kind, amount, item, at_utc, day, ref) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (person_id, kind, amount, item, to_iso(at), day.isoformat(), ref))

    async def remove(self, person_id: int, entry_id: int) -> tuple[str, int, str] | None:
        """Undo one of the person's own entries: (kind, amount, item) of what was removed, or None."""
        async with self.db.transaction() as tx:
            row = await tx.fetchone("DELETE FROM intake WHERE id = ? AND person_id = ? RETURNING kind, amount, item",
                                    (entry_id, person_id))
        return (row[0], int(row[1]), row[2]) if row else None

    async def recent_items(self, person_id: int, kind: str, limit: int = 30) -> list[str]:
        """What the person logged lately of this kind, most recent first."""
        rows = await self.db.fetchall(
            "SELECT item FROM intake WHERE person_id = ? AND kind = ? ORDER BY at_utc DESC, id DESC LIMIT ?",
            (person_id, kind, limit))
        return [r["item"] for r in rows]

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

