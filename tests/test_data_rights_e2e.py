"""/export, /import and /delete over HTTP against the sandbox: the data goes out, away, and back intact."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

from conftest import Harness, onboard
from insights_helpers import person_rows, seed_month

from coachbot.domain.archive import JSON_NAME, MAX_UPLOAD
from coachbot.storage.timefmt import to_iso

TODAY = date(2026, 3, 10)


async def seed_everything(bot: Harness, person_id: int) -> None:
    """A row in every table a person can have, including one a future migration might add."""
    await seed_month(bot.storage, person_id, TODAY)
    now = to_iso(bot.clock.now)
    db = bot.storage.db
    await db.execute("INSERT OR REPLACE INTO reminders (person_id, kind, next_due_utc, every_minutes)"
                     " VALUES (?, 'hydration', ?, 120)", (person_id, now))
    await db.execute("INSERT INTO deliveries (person_id, kind, due_utc, created_utc, status, local_day)"
                     " VALUES (?, 'checkin', ?, ?, 'sent', ?)", (person_id, now, now, TODAY.isoformat()))
    await db.execute("INSERT INTO tips_seen (person_id, tip_id, seen_utc) VALUES (?, 'breathing', ?)",
                     (person_id, now))
    await db.execute("INSERT INTO food_log (person_id, food, note, at_utc, day)"
                     " VALUES (?, 'other', 'борщ, «домашний» & <b>', ?, ?)", (person_id, now, TODAY.isoformat()))
    await db.execute("INSERT INTO warning_signs (person_id, day, sign, source, created_utc)"
                     " VALUES (?, ?, 'numbness', 'button', ?)", (person_id, TODAY.isoformat(), now))


async def create_future_table(bot: Harness) -> None:
    await bot.storage.db.execute(
        "CREATE TABLE IF NOT EXISTS journal (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL"
        " REFERENCES people(id) ON DELETE CASCADE, mood TEXT NOT NULL, score REAL)")


async def export_file(bot: Harness, user) -> bytes:  # noqa: ANN001
    await user.send("/export")
    msg = await user.wait_for(lambda m: m.kind == "document" and (m.filename or "").endswith(".zip"))
    await bot.idle()
    assert msg.file_bytes is not None
    return msg.file_bytes


async def send_import(bot: Harness, user, data: bytes, name: str = "coachbot-export.zip",  # noqa: ANN001
                      ask_first: bool = True) -> str:
    """/import then the file, or (ask_first=False) the file with /import as its caption."""
    if ask_first:
        await user.send("/import")
        await user.wait_for("Send me the ZIP file")
        await bot.idle()
    await user.send_document(name, data, mime_type="application/zip",
                             caption=None if ask_first else "/import")
    await bot.idle()
    return user.last.text or ""


async def test_export_delete_import_restores_the_same_data(bot: Harness) -> None:
    await create_future_table(bot)
    user = bot.user(4001)
    await onboard(bot, user)
    await seed_everything(bot, 4001)
    await bot.storage.db.execute("INSERT INTO journal (person_id, mood, score) VALUES (4001, 'calm', 0.5)")
    before = await person_rows(bot.storage, 4001)
    assert all(before[t] for t in ("people", "settings", "checkins", "intake", "food_log", "nudges",
                                   "red_flag_screens", "reminders", "deliveries", "tips_seen", "journal",
                                   "warning_signs"))

    archive = await export_file(bot, user)
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        names = set(zf.namelist())
        doc = json.loads(zf.read(JSON_NAME))
        checkins_csv = list(csv.reader(io.StringIO(zf.read("checkins.csv").decode("utf-8-sig"))))
        food_csv = zf.read("food_log.csv").decode("utf-8-sig")
    assert {f"{t}.csv" for t in before} | {JSON_NAME, "README.txt"} == names
    assert doc["format"] == "coachbot-export" and doc["version"] == 1
    assert "4001" not in json.dumps(doc)            # person-independent: no Telegram id anywhere
    assert checkins_csv[0][:3] == ["day", "twitches", "locations"] and len(checkins_csv) == 31
    assert "борщ, «домашний» & <b>" in food_csv
    assert "Here is everything I keep about you" in user.last.text

    await user.send("/delete")
    await user.wait_for("Erase everything about you?")
    await user.press("Yes, erase everything")
    await user.wait_for("everything about you has been erased")
    await bot.idle()
    assert await no_rows_left(bot, 4001)

    reply = await send_import(bot, user, archive)
    assert "Restored" in reply, reply
    assert await person_rows(bot.storage, 4001) == before
    profile = await bot.storage.people.get(4001)
    assert profile is not None and profile.onboarded and profile.timezone == "Europe/Madrid"


async def no_rows_left(bot: Harness, person_id: int) -> bool:
    """No table (found through sqlite_master) keeps any row naming the person."""
    rows = await person_rows(bot.storage, person_id)
    assert set(rows) >= {"people", "settings", "checkins", "intake", "reminders", "deliveries", "food_log"}
    return not any(rows.values())


async def test_delete_asks_first_and_removes_every_row(bot: Harness) -> None:
    await create_future_table(bot)
    user, other = bot.user(4002), bot.user(4003)
    await onboard(bot, user)
    await onboard(bot, other)
    await seed_everything(bot, 4002)
    await seed_everything(bot, 4003)
    await bot.storage.db.execute("INSERT INTO journal (person_id, mood) VALUES (4002, 'tired')")
    others_before = await person_rows(bot.storage, 4003)

    await user.send("/delete")
    await user.wait_for("Erase everything about you?")
    await user.press("No, keep my data")
    await user.wait_for("Nothing was erased")
    await bot.idle()
    assert (await person_rows(bot.storage, 4002))["checkins"]

    await user.send("/delete")
    ask = await user.wait_for("Erase everything about you?")
    bot.clock.advance(minutes=20)                       # an old confirmation no longer deletes
    await user.press("Yes, erase everything", ask)
    await user.wait_for("too old")
    await bot.idle()
    assert (await person_rows(bot.storage, 4002))["checkins"]

    await user.send("/delete")
    await bot.idle()
    ask = user.last
    yes = next(data for row in ask.buttons for label, data in row if label == "Yes, erase everything")
    await user.press("Yes, erase everything", ask)
    await user.wait_for("everything about you has been erased")
    await bot.idle()
    assert await no_rows_left(bot, 4002)
    await user.press_data(yes, ask)                     # a double tap is harmless
    await bot.idle()
    assert await no_rows_left(bot, 4002)
    assert await person_rows(bot.storage, 4003) == others_before   # nobody else lost anything
    await user.send("/export")
    await user.wait_for("I don't keep anything about you")
    await bot.idle()


def tamper(archive: bytes, change) -> bytes:  # noqa: ANN001
    """Rewrite the JSON copy inside an export with `change(doc)`."""
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        doc = json.loads(zf.read(JSON_NAME))
    change(doc)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(JSON_NAME, json.dumps(doc))
    return out.getvalue()


def set_cell(table: str, column: str, value: object):  # noqa: ANN201
    def change(doc: dict) -> None:
        body = doc["tables"][table]
        body["rows"][-1][body["columns"].index(column)] = value
    return change


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(JSON_NAME, b'{"format": "coachbot-export", "version": 1, "tables": {}}' + b" " * 30_000_000)
    return out.getvalue()


async def test_a_corrupted_or_foreign_import_is_refused_and_changes_nothing(bot: Harness) -> None:
    user = bot.user(4004)
    await onboard(bot, user)
    await seed_everything(bot, 4004)
    archive = await export_file(bot, user)
    before = await person_rows(bot.storage, 4004)
    bad = {
        "damaged": (archive[: len(archive) // 2], "damaged or incomplete"),
        "random": (b"\x00\x01 not a zip at all" * 10, "isn't a file made by /export"),
        "foreign zip": (tamper(archive, lambda d: d.update(format="someone-else")), "isn't a file made by /export"),
        "newer": (tamper(archive, lambda d: d.update(version=99)), "newer version"),
        "unknown table": (tamper(archive, lambda d: d["tables"].update(secrets={"columns": ["x"], "rows": []})),
                          "don't fit"),
        "unknown column": (tamper(archive, lambda d: d["tables"]["checkins"]["columns"].__setitem__(0, "dayz")),
                           "don't fit"),
        "wrong type": (tamper(archive, set_cell("checkins", "stress", "very high")), "don't fit"),
        # Passes every check in Python and fails only inside SQLite, after the old rows were deleted:
        # the transaction must roll all of it back.
        "check constraint": (tamper(archive, set_cell("intake", "amount", -5)), "don't fit"),
        "bad zone": (tamper(archive, set_cell("settings", "timezone", "Mars/Olympus")), "don't fit"),
        "zip bomb": (zip_bomb(), "larger than I accept"),
        "too big": (b"PK" + b"\x00" * (MAX_UPLOAD + 1), "larger than I accept"),
    }
    for n, (case, (data, reason)) in enumerate(bad.items()):
        reply = await send_import(bot, user, data, ask_first=n % 4 == 0)
        assert "couldn't restore" in reply and reason in reply and "Nothing has changed" in reply, (case, reply)
        assert await person_rows(bot.storage, 4004) == before, case
    # The person is not left waiting for a file after a refusal.
    assert (await bot.storage.people.get(4004)).awaiting is None


async def test_import_into_a_fresh_account_on_another_instance(bot: Harness) -> None:
    user = bot.user(4005)
    await onboard(bot, user, zone_text="Asia/Tokyo")
    await seed_everything(bot, 4005)
    archive = await export_file(bot, user)
    newcomer = bot.user(4006)                          # never sent /start here
    await newcomer.send_document("coachbot-export-2026-03-10.zip", archive, caption="/import")
    await newcomer.wait_for("Restored")
    await bot.idle()
    mine, theirs = await person_rows(bot.storage, 4005), await person_rows(bot.storage, 4006)
    for table in mine:
        if table != "people":
            assert theirs[table] == [tuple(4006 if v == 4005 else v for v in row) for row in mine[table]], table
    profile = await bot.storage.people.get(4006)
    assert profile.onboarded and profile.timezone == "Asia/Tokyo"
    # A stray file from someone already set up, without /import, is not taken as an import.
    await user.send_document("holiday.pdf", b"%PDF-1.4 ...")
    await user.wait_for("I only read files from /export")
    await bot.idle()
    assert await person_rows(bot.storage, 4005) == mine
