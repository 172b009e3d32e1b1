"""SQL for coaching: tips seen, the food diary, and read-only views of check-ins and intake."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .db import Database
from .timefmt import from_iso, to_iso

MAX_NOTE = 500


@dataclass(frozen=True)
class LastCheckin:
    day: str
    twitches: bool | None
    stress: int | None
    sleep: str | None
    exercise: bool | None
    new_medicine: bool | None


@dataclass(frozen=True)
class FoodEntry:
    id: int
    food: str
    note: str
    at_utc: datetime
    day: str


def _flag(value: int | None) -> bool | None:
    return None if value is None else bool(value)


class Coaching:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ---------------------------------------------------------------- tips
    async def tips_seen(self, person_id: int) -> dict[str, datetime]:
        rows = await self.db.fetchall(
            "SELECT tip_id, seen_utc FROM tips_seen WHERE person_id = ?", (person_id,))
        return {row["tip_id"]: from_iso(row["seen_utc"]) for row in rows}  # type: ignore[misc]

    async def mark_tip_seen(self, person_id: int, tip_id: str, now: datetime) -> None:
        await self.db.execute(
            "INSERT INTO tips_seen (person_id, tip_id, seen_utc) VALUES (?, ?, ?)"
            " ON CONFLICT (person_id, tip_id) DO UPDATE SET seen_utc = excluded.seen_utc",
            (person_id, tip_id, to_iso(now)))

    # ---------------------------------------------------------- food diary
    async def log_food(self, person_id: int, food: str, note: str, now: datetime, day: date) -> int:
        return await self.db.insert(
            "INSERT INTO food_log (person_id, food, note, at_utc, day) VALUES (?, ?, ?, ?, ?)",
            (person_id, food, note[:MAX_NOTE], to_iso(now), day.isoformat()))

    async def delete_food(self, person_id: int, entry_id: int) -> bool:
        removed = await self.db.execute("DELETE FROM food_log WHERE person_id = ? AND id = ?",
                                        (person_id, entry_id))
        return bool(removed)

    async def food_since(self, person_id: int, first_day: date) -> list[FoodEntry]:
        """Diary entries from first_day on, oldest first."""
        rows = await self.db.fetchall(
            "SELECT id, food, note, at_utc, day FROM food_log WHERE person_id = ? AND day >= ?"
            " ORDER BY day, at_utc, id", (person_id, first_day.isoformat()))
        return [FoodEntry(r["id"], r["food"], r["note"], from_iso(r["at_utc"]), r["day"])  # type: ignore[arg-type]
                for r in rows]

    # ------------------------------------------- read-only views of other tables
    async def last_checkin(self, person_id: int, first_day: date) -> LastCheckin | None:
        """The most recent check-in on or after first_day (table owned by the check-ins feature)."""
        row = await self.db.fetchone(
            "SELECT day, twitches, stress, sleep, exercise, new_medicine FROM checkins"
            " WHERE person_id = ? AND day >= ? ORDER BY day DESC LIMIT 1",
            (person_id, first_day.isoformat()))
        if row is None:
            return None
        return LastCheckin(row["day"], _flag(row["twitches"]), row["stress"], row["sleep"],
                           _flag(row["exercise"]), _flag(row["new_medicine"]))

    async def twitch_days(self, person_id: int, first_day: date) -> dict[str, bool | None]:
        """day -> twitches answer for check-ins from first_day on."""
        rows = await self.db.fetchall(
            "SELECT day, twitches FROM checkins WHERE person_id = ? AND day >= ?",
            (person_id, first_day.isoformat()))
        return {row["day"]: _flag(row["twitches"]) for row in rows}

    async def intake_totals(self, person_id: int, day: date) -> dict[str, int]:
        """Today's water (ml) and caffeine (mg) from the intake log (owned by the reminders feature)."""
        rows = await self.db.fetchall(
            "SELECT kind, COALESCE(SUM(amount), 0) AS total FROM intake"
            " WHERE person_id = ? AND day = ? GROUP BY kind", (person_id, day.isoformat()))
        totals = {"water": 0, "caffeine": 0}
        totals.update({row["kind"]: int(row["total"]) for row in rows})
        return totals

    async def last_food_id(self, person_id: int) -> int:
        """Id of the newest diary entry (0 if none): a version stamp for one-tap buttons."""
        row = await self.db.fetchone("SELECT COALESCE(MAX(id), 0) FROM food_log WHERE person_id = ?",
                                     (person_id,))
        return int(row[0]) if row else 0
