"""Insert a person's log straight through SQL, the way the check-in and intake flows will store it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from coachbot.storage import Storage
from coachbot.storage.timefmt import to_iso

STAMP = datetime(2026, 1, 1, tzinfo=UTC)


async def add_checkin(storage: Storage, person_id: int, day: date, *, twitches: bool | None = True,
                      locations: str = "", frequency: str | None = None, intensity: str | None = None,
                      stress: int | None = None, sleep: str | None = None, new_medicine: int | None = None) -> None:
    await storage.db.execute(
        "INSERT INTO checkins (person_id, day, twitches, locations, frequency, intensity, stress, sleep,"
        " new_medicine, created_utc, updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (person_id, day.isoformat(), None if twitches is None else int(twitches), locations, frequency,
         intensity, stress, sleep, new_medicine, to_iso(STAMP), to_iso(STAMP)))


async def add_intake(storage: Storage, person_id: int, kind: str, amount: int, local: datetime,
                     zone: str = "Europe/Madrid", item: str = "") -> None:
    """`local` is a naive local wall-clock time in `zone`."""
    aware = local.replace(tzinfo=ZoneInfo(zone))
    await storage.db.execute(
        "INSERT INTO intake (person_id, kind, amount, item, at_utc, day) VALUES (?, ?, ?, ?, ?, ?)",
        (person_id, kind, amount, item, to_iso(aware), aware.date().isoformat()))


async def add_food(storage: Storage, person_id: int, food: str, day: date, note: str = "") -> None:
    at = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=12)
    await storage.db.execute(
        "INSERT INTO food_log (person_id, food, note, at_utc, day) VALUES (?, ?, ?, ?, ?)",
        (person_id, food, note, to_iso(at), day.isoformat()))


async def add_red_flag(storage: Storage, person_id: int, day: date, flags: str, emergency: int = 0) -> None:
    await storage.db.execute(
        "INSERT INTO red_flag_screens (person_id, day, flags, emergency, created_utc) VALUES (?, ?, ?, ?, ?)",
        (person_id, day.isoformat(), flags, emergency, to_iso(STAMP)))


async def add_nudge(storage: Storage, person_id: int, at: datetime, level: int, reasons: str,
                    response: str | None = None) -> None:
    await storage.db.execute(
        "INSERT INTO nudges (person_id, level, reasons, created_utc, response) VALUES (?, ?, ?, ?, ?)",
        (person_id, level, reasons, to_iso(at), response))


async def seed_month(storage: Storage, person_id: int, today: date) -> None:
    """A realistic 30-day log: twitches in arms and legs, coffee, water, sleep, stress, food, a red flag."""
    for back in range(30):
        day = today - timedelta(days=back)
        twitch = back % 3 != 0
        await add_checkin(storage, person_id, day, twitches=twitch,
                          locations="arm,leg" if back % 2 else "leg", frequency="few" if twitch else None,
                          intensity=("mild", "noticeable", "strong")[back % 3] if twitch else None,
                          stress=1 + back % 5, sleep=("lt5", "5to6", "7to8", "gt8")[back % 4],
                          new_medicine=1 if back == 12 else 0)
        noon = datetime.combine(day, datetime.min.time()) + timedelta(hours=10)
        await add_intake(storage, person_id, "caffeine", 95 * (1 + back % 3), noon)
        await add_intake(storage, person_id, "water", 500 * (1 + back % 4), noon)
        if back % 5 == 0:
            await add_food(storage, person_id, "banana", day)
    await add_red_flag(storage, person_id, today - timedelta(days=4), "weakness,balance")
    await add_nudge(storage, person_id, datetime.combine(today - timedelta(days=4), datetime.min.time(),
                                                         tzinfo=UTC) + timedelta(hours=19), 3, "weakness",
                    "booked")


async def schema(storage: Storage) -> list[tuple[str, list[tuple[str, bool]]]]:
    """(table, [(column, is an instance-local row number)]) read straight from the backend's catalog
    (sqlite_master / information_schema), independently of export.py and Database.tables()."""
    db = storage.db
    out = []
    if db.backend == "sqlite":
        for (table,) in await db.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'"
                                          " AND name NOT LIKE 'sqlite%' ORDER BY name"):
            cols = await db.fetchall("SELECT name, type, pk FROM pragma_table_info(?)", (table,))
            pks = [c for c in cols if c[2]]
            out.append((table, [(c[0], len(pks) == 1 and bool(c[2]) and c[1].upper() == "INTEGER") for c in cols]))
        return out
    rows = await db.fetchall(
        "SELECT table_name, column_name, is_identity FROM information_schema.columns"
        " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position")
    for row in rows:
        if not out or out[-1][0] != row[0]:
            out.append((row[0], []))
        out[-1][1].append((row[1], row[2] == "YES"))
    return out


async def person_rows(storage: Storage, person_id: int) -> dict[str, list[tuple]]:
    """Every row that names the person, from every table (found through the catalog, not export.py).

    Instance-local row numbers (SQLite's lone INTEGER PRIMARY KEY other than people.id, PostgreSQL's
    identity columns) are left out, since a restore may renumber them; so is reminders.next_due_utc,
    which is derived state the engine re-plans from the restored settings.
    """
    db = storage.db
    out: dict[str, list[tuple]] = {}
    for table, cols in await schema(storage):
        names = [c for c, _ in cols]
        key = "id" if table == "people" else "person_id" if "person_id" in names else None
        if key is None:
            continue
        keep = [c for c, local in cols
                if (table == "people" or not (local and c != key))
                and not (table == "reminders" and c == "next_due_utc")]
        rows = await db.fetchall(
            f'SELECT {", ".join(keep)} FROM "{table}" WHERE {key} = ?', (person_id,))  # noqa: S608
        out[table] = sorted((tuple(r) for r in rows), key=repr)
    return out
