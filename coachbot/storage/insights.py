"""Read-only queries behind /summary, /chart and /report: a person's log as domain rows."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from coachbot.domain.doctor_rules import KNOWN_WARNING_SIGNS, ordered_signs
from coachbot.domain.report import Nudge, RedFlag
from coachbot.domain.stats import FoodRow, IntakeRow

from .db import Database
from .timefmt import from_iso


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part for part in (value or "").split(",") if part)


class Insights:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def intake(self, person_id: int, start: date, end: date) -> list[IntakeRow]:
        rows = await self.db.fetchall(
            "SELECT kind, amount, at_utc, day FROM intake WHERE person_id = ? AND day BETWEEN ? AND ?"
            " ORDER BY at_utc", (person_id, start.isoformat(), end.isoformat()))
        return [IntakeRow(kind=r["kind"], amount=r["amount"], at_utc=from_iso(r["at_utc"]),  # type: ignore[arg-type]
                          day=date.fromisoformat(r["day"])) for r in rows]

    async def food(self, person_id: int, start: date, end: date) -> list[FoodRow]:
        rows = await self.db.fetchall(
            "SELECT food, day FROM food_log WHERE person_id = ? AND day BETWEEN ? AND ? ORDER BY at_utc",
            (person_id, start.isoformat(), end.isoformat()))
        return [FoodRow(food=r["food"], day=date.fromisoformat(r["day"])) for r in rows]

    async def first_logged(self, person_id: int) -> date | None:
        """The first local day with anything logged: a check-in, water or caffeine, or food."""
        row = await self.db.fetchone(
            "SELECT MIN(day) AS day FROM (SELECT MIN(day) AS day FROM checkins WHERE person_id = ?"
            " UNION ALL SELECT MIN(day) AS day FROM intake WHERE person_id = ?"
            " UNION ALL SELECT MIN(day) AS day FROM food_log WHERE person_id = ?) AS firsts",
            (person_id, person_id, person_id))
        return date.fromisoformat(row["day"]) if row and row["day"] else None

    async def notes(self, person_id: int, start: date, end: date) -> list[tuple[date, str]]:
        """The person's own words in the period: check-in notes and food diary notes, oldest first."""
        first, last = start.isoformat(), end.isoformat()
        rows = await self.db.fetchall(
            "SELECT day, note FROM ("
            " SELECT day, note, updated_utc AS at_utc FROM checkin_notes"
            "  WHERE person_id = ? AND day BETWEEN ? AND ? AND note != ''"
            " UNION ALL"
            " SELECT day, note, at_utc FROM food_log WHERE person_id = ? AND day BETWEEN ? AND ? AND note != ''"
            ") AS written ORDER BY day, at_utc", (person_id, first, last, person_id, first, last))
        return [(date.fromisoformat(r["day"]), r["note"]) for r in rows]

    async def first_twitch(self, person_id: int) -> date | None:
        row = await self.db.fetchone(
            "SELECT MIN(day) AS day FROM checkins WHERE person_id = ? AND twitches = 1", (person_id,))
        return date.fromisoformat(row["day"]) if row and row["day"] else None

    async def red_flags(self, person_id: int) -> list[RedFlag]:
        """One entry per day with warning signs (weekly screen and every other report) or an emergency."""
        rows = await self.db.fetchall(
            "SELECT day, flags, emergency FROM red_flag_screens WHERE person_id = ?"
            " AND (flags != '' OR emergency = 1)", (person_id,))
        days: dict[str, tuple[set[str], bool]] = {r["day"]: (set(_split(r["flags"])), bool(r["emergency"]))
                                                   for r in rows}
        for r in await self.db.fetchall("SELECT day, sign FROM warning_signs WHERE person_id = ?", (person_id,)):
            days.setdefault(r["day"], (set(), False))[0].add(r["sign"])
        # Known codes in the list's order; anything unknown (a newer version's code) is kept, last.
        return [RedFlag(day=date.fromisoformat(day), emergency=emergency,
                        flags=ordered_signs(flags) + tuple(sorted(set(flags) - set(KNOWN_WARNING_SIGNS))))
                for day, (flags, emergency) in sorted(days.items())]

    async def nudges(self, person_id: int, timezone: str) -> list[Nudge]:
        zone = ZoneInfo(timezone)
        rows = await self.db.fetchall(
            "SELECT level, reasons, created_utc, response, responded_utc FROM nudges WHERE person_id = ?"
            " ORDER BY created_utc", (person_id,))
        return [Nudge(day=from_iso(r["created_utc"]).astimezone(zone).date(), level=r["level"],  # type: ignore[union-attr]
                      reasons=_split(r["reasons"]), response=r["response"],
                      responded=answered.astimezone(zone).date()
                      if (answered := from_iso(r["responded_utc"])) else None) for r in rows]
