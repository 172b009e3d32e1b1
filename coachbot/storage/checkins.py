"""SQL for daily check-ins, red-flag screens and doctor nudges; every query is scoped to one person."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from coachbot.domain.checkins import (
    EXERCISE_LEVELS,
    LOCATIONS,
    CheckinDay,
    Intake,
    Screen,
    SignReport,
    parse_list,
)
from coachbot.domain.doctor_rules import KNOWN_WARNING_SIGNS, SOURCE_SCREEN, SOURCES, ordered_signs
from coachbot.domain.nudges import Nudge, NudgeRecord, parse_reasons

from .db import Database
from .timefmt import from_iso, to_iso

# Columns a check-in answer may write, with how a Python value is stored.
_COLUMNS = {
    "twitches": lambda v: None if v is None else int(v),
    "locations": lambda v: ",".join(v),
    "frequency": lambda v: v,
    "intensity": lambda v: v,
    "stress": lambda v: v,
    "sleep": lambda v: v,
    "new_medicine": lambda v: None if v is None else int(v),
    "exercise": lambda v: None if v is None else EXERCISE_LEVELS.index(v),   # 0 none, 1 light, 2 hard
    "step": lambda v: v,
}


def _exercise(value: Any) -> str | None:
    return EXERCISE_LEVELS[value] if isinstance(value, int) and 0 <= value < len(EXERCISE_LEVELS) else None


def _bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _checkin(row: Any) -> CheckinDay:
    return CheckinDay(
        day=date.fromisoformat(row["day"]), twitches=_bool(row["twitches"]),
        locations=parse_list(row["locations"], LOCATIONS),
        frequency=row["frequency"], intensity=row["intensity"], stress=row["stress"],
        sleep=row["sleep"], new_medicine=_bool(row["new_medicine"]), exercise=_exercise(row["exercise"]),
        step=row["step"],
    )


def _screen(row: Any) -> Screen:
    return Screen(day=date.fromisoformat(row["day"]), flags=parse_list(row["flags"], KNOWN_WARNING_SIGNS),
                  complete=bool(row["complete"]), emergency=bool(row["emergency"]))


def _nudge(row: Any) -> NudgeRecord:
    return NudgeRecord(id=row["id"], level=row["level"], reasons=parse_reasons(row["reasons"]),
                       created=from_iso(row["created_utc"]),  # type: ignore[arg-type]
                       response=row["response"], responded=from_iso(row["responded_utc"]))


MAX_NOTE = 500  # characters of a day's note (the table checks it too)


class Checkins:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------- check-ins
    async def get(self, person_id: int, day: date) -> CheckinDay | None:
        row = await self.db.fetchone("SELECT * FROM checkins WHERE person_id = ? AND day = ?",
                                     (person_id, day.isoformat()))
        return _checkin(row) if row else None

    async def between(self, person_id: int, first: date, last: date) -> list[CheckinDay]:
        """Check-ins from first to last inclusive, oldest first."""
        rows = await self.db.fetchall(
            "SELECT * FROM checkins WHERE person_id = ? AND day BETWEEN ? AND ? ORDER BY day",
            (person_id, first.isoformat(), last.isoformat()))
        return [_checkin(r) for r in rows]

    async def save(self, person_id: int, day: date, now: datetime, **values: Any) -> CheckinDay:
        """Upsert some of a day's answers at once, so a restart mid-check-in loses nothing."""
        unknown = set(values) - set(_COLUMNS)
        if unknown:
            raise ValueError(f"not a check-in column: {sorted(unknown)}")
        cols = sorted(values)
        params = [_COLUMNS[c](values[c]) for c in cols]
        # Column names come from the fixed allow-list above; values are parameters.
        names = "".join(f", {c}" for c in cols)
        marks = "".join(", ?" for _ in cols)
        updates = "".join(f", {c} = excluded.{c}" for c in cols)
        saved = await self.db.fetch_written(
            f"INSERT INTO checkins (person_id, day, created_utc, updated_utc{names})"  # noqa: S608
            f" VALUES (?, ?, ?, ?{marks})"
            f" ON CONFLICT (person_id, day) DO UPDATE SET updated_utc = excluded.updated_utc{updates}"
            " RETURNING *",
            (person_id, day.isoformat(), to_iso(now), to_iso(now), *params))
        assert saved is not None
        return _checkin(saved)

    async def add_note(self, person_id: int, day: date, text: str, now: datetime) -> str:
        """Keep typed words as the day's note (added to any earlier note, at most MAX_NOTE characters)."""
        async with self.db.transaction() as tx:
            row = await tx.fetchone(
                "INSERT INTO checkin_notes (person_id, day, note, updated_utc) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (person_id, day) DO UPDATE SET"
                " note = substr(checkin_notes.note || ? || excluded.note, 1, ?),"
                " updated_utc = excluded.updated_utc RETURNING note",
                (person_id, day.isoformat(), text[:MAX_NOTE], to_iso(now), "\n", MAX_NOTE))
        assert row is not None
        return str(row[0])

    async def notes_between(self, person_id: int, first: date, last: date) -> dict[date, str]:
        rows = await self.db.fetchall(
            "SELECT day, note FROM checkin_notes WHERE person_id = ? AND day BETWEEN ? AND ? ORDER BY day",
            (person_id, first.isoformat(), last.isoformat()))
        return {date.fromisoformat(r["day"]): r["note"] for r in rows}

    async def reset(self, person_id: int, day: date, now: datetime) -> bool:
        """Undo a day's answers: back to the first question, as if not yet answered. True if there were any."""
        return bool(await self.db.execute(
            "UPDATE checkins SET twitches = NULL, locations = '', frequency = NULL, intensity = NULL,"
            " stress = NULL, sleep = NULL, new_medicine = NULL, exercise = NULL, step = 'twitches',"
            " updated_utc = ? WHERE person_id = ? AND day = ?",
            (to_iso(now), person_id, day.isoformat())))

    async def any_before(self, person_id: int, day: date) -> bool:
        """Whether the person has any check-in older than `day` (an established habit)."""
        row = await self.db.fetchone("SELECT 1 FROM checkins WHERE person_id = ? AND day < ? LIMIT 1",
                                     (person_id, day.isoformat()))
        return row is not None

    async def put(self, person_id: int, checkin: CheckinDay, now: datetime) -> CheckinDay:
        """Write a whole day at once (imports, tests with past dates)."""
        return await self.save(
            person_id, checkin.day, now, twitches=checkin.twitches, locations=checkin.locations,
            frequency=checkin.frequency, intensity=checkin.intensity,
            stress=checkin.stress, sleep=checkin.sleep, new_medicine=checkin.new_medicine,
            exercise=checkin.exercise, step=checkin.step)

    async def intake(self, person_id: int, day: date) -> Intake:
        """Water and caffeine the person logged that day (the intake log's rows)."""
        rows = await self.db.fetchall(
            "SELECT kind, SUM(amount) AS total FROM intake WHERE person_id = ? AND day = ? GROUP BY kind",
            (person_id, day.isoformat()))
        totals = {r["kind"]: int(r["total"]) for r in rows}
        return Intake(water_ml=totals.get("water", 0), caffeine_mg=totals.get("caffeine", 0))

    # ------------------------------------------------------ red-flag screens
    async def screen(self, person_id: int, day: date) -> Screen | None:
        row = await self.db.fetchone("SELECT * FROM red_flag_screens WHERE person_id = ? AND day = ?",
                                     (person_id, day.isoformat()))
        return _screen(row) if row else None

    async def save_screen(self, person_id: int, day: date, now: datetime, *,
                          flags: Sequence[str] | None = None, complete: bool | None = None,
                          emergency: bool | None = None) -> Screen:
        """Upsert a day's screen; arguments left as None keep what is stored."""
        given = (None if flags is None else ",".join(flags),
                 None if complete is None else int(complete),
                 None if emergency is None else int(emergency))
        # One statement (one write, no transaction of three): a new row takes the given values or
        # the columns' defaults; an existing one keeps what was not given.
        saved = await self.db.fetch_written(
            "INSERT INTO red_flag_screens (person_id, day, created_utc, flags, complete, emergency)"
            " VALUES (?, ?, ?, COALESCE(?, ''), COALESCE(?, 0), COALESCE(?, 0))"
            " ON CONFLICT (person_id, day) DO UPDATE SET"
            " flags = COALESCE(?, red_flag_screens.flags), complete = COALESCE(?, red_flag_screens.complete),"
            " emergency = COALESCE(?, red_flag_screens.emergency) RETURNING *",
            (person_id, day.isoformat(), to_iso(now), *given, *given))
        assert saved is not None
        return _screen(saved)

    async def screens_since(self, person_id: int, first: date) -> list[Screen]:
        rows = await self.db.fetchall(
            "SELECT * FROM red_flag_screens WHERE person_id = ? AND day >= ? ORDER BY day",
            (person_id, first.isoformat()))
        return [_screen(r) for r in rows]

    async def last_screen_day(self, person_id: int, before: date) -> date | None:
        """The latest finished screen strictly before `before`."""
        row = await self.db.fetchone(
            "SELECT MAX(day) AS day FROM red_flag_screens WHERE person_id = ? AND complete = 1 AND day < ?",
            (person_id, before.isoformat()))
        return date.fromisoformat(row["day"]) if row and row["day"] else None

    # ------------------------------------------------------- warning signs
    async def record_warning_sign(self, person_id: int, day: date, codes: Sequence[str], source: str,
                                  now: datetime) -> tuple[str, ...]:
        """Store warning signs the person reported for `day`; return the codes stored.

        `codes` are doctor_rules.WARNING_SIGNS codes (unknown ones raise ValueError,
        so a typo can't vanish silently); `source` is one of doctor_rules.SOURCES.
        Reporting the same sign again the same day from the same source is a no-op.
        """
        signs = ordered_signs(codes)
        if source not in SOURCES or len(signs) != len(set(codes)):
            raise ValueError(f"not a warning sign or source: {sorted(set(codes) - set(signs))} {source!r}")
        await self.db.executemany(
            "INSERT INTO warning_signs (person_id, day, sign, source, created_utc)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(person_id, day.isoformat(), sign, source, to_iso(now)) for sign in signs])
        return signs

    async def sign_reports_since(self, person_id: int, first: date) -> list[SignReport]:
        """Every warning sign reported from `first` on, from any source, oldest first.

        The weekly screen's ticks (finished screens only) count as source "screen".
        """
        rows = await self.db.fetchall(
            "SELECT day, sign, source FROM warning_signs WHERE person_id = ? AND day >= ?",
            (person_id, first.isoformat()))
        reports = {SignReport(date.fromisoformat(r["day"]), r["sign"], r["source"]) for r in rows
                   if r["sign"] in KNOWN_WARNING_SIGNS}
        for screen in await self.screens_since(person_id, first):
            if screen.complete:
                reports.update(SignReport(screen.day, sign, SOURCE_SCREEN) for sign in screen.flags)
        return sorted(reports, key=lambda r: (r.day, KNOWN_WARNING_SIGNS.index(r.sign), r.source))

    # ---------------------------------------------------------------- nudges
    async def add_nudge(self, person_id: int, nudge: Nudge, now: datetime) -> int:
        return await self.db.insert(
            "INSERT INTO nudges (person_id, level, reasons, created_utc) VALUES (?, ?, ?, ?)",
            (person_id, nudge.level, ",".join(nudge.reasons), to_iso(now)))

    async def nudge(self, person_id: int, nudge_id: int) -> NudgeRecord | None:
        row = await self.db.fetchone("SELECT * FROM nudges WHERE id = ? AND person_id = ?",
                                     (nudge_id, person_id))
        return _nudge(row) if row else None

    async def respond(self, person_id: int, nudge_id: int, response: str, now: datetime) -> NudgeRecord | None:
        """Record the person's answer to their own nudge; another person's id matches nothing."""
        await self.db.execute(
            "UPDATE nudges SET response = ?, responded_utc = ? WHERE id = ? AND person_id = ?",
            (response, to_iso(now), nudge_id, person_id))
        return await self.nudge(person_id, nudge_id)

    async def nudges_since(self, person_id: int, since: datetime) -> list[NudgeRecord]:
        """Nudges created or answered since `since`, oldest first."""
        rows = await self.db.fetchall(
            "SELECT * FROM nudges WHERE person_id = ? AND (created_utc >= ? OR responded_utc >= ?)"
            " ORDER BY created_utc, id", (person_id, to_iso(since), to_iso(since)))
        return [_nudge(r) for r in rows]

    async def last_nudge(self, person_id: int, level: int) -> NudgeRecord | None:
        row = await self.db.fetchone(
            "SELECT * FROM nudges WHERE person_id = ? AND level = ? ORDER BY created_utc DESC, id DESC LIMIT 1",
            (person_id, level))
        return _nudge(row) if row else None
