"""One person's bad rows or hostile import never stop anyone else's reminders; /delete always works."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import zipfile
from collections.abc import AsyncIterator

import pytest
from reminders_helpers import engine, reminders_of, seed
from support.harness import Harness
from test_data_rights_e2e import export_file, send_import

from coachbot import metrics, watchdog
from coachbot.domain.archive import JSON_NAME
from coachbot.handlers.admin import problems

OTHERS = 40


@pytest.fixture
async def h(bot: Harness) -> AsyncIterator[Harness]:
    engine(bot).sender.per_chat_interval = 0.0
    yield bot


def errors(h: Harness) -> float:
    m = metrics.of(h.services)
    assert m is not None
    return m.value("coachbot_errors_total")


def rewrite(archive: bytes, change) -> bytes:
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        doc = json.loads(zf.read(JSON_NAME))
    change(doc["tables"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(JSON_NAME, json.dumps(doc))
    return out.getvalue()


def engine_nonsense(tables: dict) -> None:
    """The issue's import: engine state of the right type and no meaning."""
    tables["reminders"] = {"columns": ["kind", "next_due_utc", "every_minutes", "snoozed_until", "every_days"],
                           "rows": [["zzz", "0", 1, None, 1], ["checkin", "x", 2**63 - 1, "soon", 2**63 - 1]]}
    tables["deliveries"] = {"columns": ["kind", "due_utc", "created_utc", "sent_utc", "status", "attempts",
                                       "local_day"],
                            "rows": [["zzz", "0", "0", None, "pending", 0, "x"]]}


async def test_an_import_of_engine_nonsense_leaves_everyone_elses_reminders_alone(h: Harness) -> None:
    others = [(await seed(h, 100 + i, checkin_time="10:05"))[0] for i in range(OTHERS)]
    attacker, _ = await seed(h, 99, checkin_time="10:05")
    archive = await export_file(h, attacker)

    reply = await send_import(h, attacker, rewrite(archive, engine_nonsense))
    assert "Restored" in reply, reply                     # the data is fine; engine state is planned again
    kinds = {r["kind"] for r in await h.storage.db.fetchall("SELECT kind FROM reminders WHERE person_id = 99")}
    assert "zzz" not in kinds
    pending = await h.storage.db.fetchall("SELECT * FROM deliveries WHERE person_id = 99")
    assert pending == []

    reply = await send_import(h, attacker, rewrite(archive, lambda t: _set(t, "settings", "paused_until_utc", "soon")))
    assert "couldn't restore" in reply and "settings, row 1, paused_until_utc" in reply, reply

    h.clock.advance(minutes=5)
    await engine(h).tick(h.clock.now)
    for user in others:
        assert len(reminders_of(user)) == 1, user.id
    assert len(reminders_of(attacker)) == 1
    for cmd in ("/settings", "/today"):
        await attacker.send(cmd)
        await h.idle()
        assert "Sorry" not in (attacker.last.text or ""), cmd


def _set(tables: dict, table: str, column: str, value: object) -> None:
    body = tables[table]
    body["rows"][0][body["columns"].index(column)] = value


async def test_bad_rows_are_set_aside_once_and_counted_and_others_still_get_theirs(
        h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    others = [(await seed(h, 100 + i, checkin_time="10:05"))[0] for i in range(10)]
    for uid in (1, 2, 3):
        await seed(h, uid, checkin_time="10:05")
    db = h.storage.db
    # Rows no code path writes, as a damaged database or a past bug might hold them.
    await db.execute("UPDATE settings SET paused_until_utc = 'soon' WHERE person_id = 1")
    await db.execute("INSERT OR REPLACE INTO reminders (person_id, kind, next_due_utc, every_days)"
                     " VALUES (2, 'zzz', '0', 1)")
    await db.execute("UPDATE reminders SET every_days = ? WHERE person_id = 3", (2**63 - 1,))
    before = errors(h)
    caplog.set_level(logging.WARNING)

    h.clock.advance(minutes=5)
    await engine(h).tick(h.clock.now)
    for user in others:
        assert len(reminders_of(user)) == 1, user.id
    assert errors(h) > before
    set_aside = [r for r in caplog.records if "set aside" in r.getMessage()]
    assert {r.getMessage().split("person ")[1].split(",")[0] for r in set_aside} >= {"1", "2", "3"}
    h.clock.advance(days=1)
    await engine(h).tick(h.clock.now)
    lines = [r.getMessage() for r in caplog.records if "set aside" in r.getMessage()]
    assert len(lines) == len(set(lines)), "each row is logged once"
    for user in others:
        assert len(reminders_of(user)) == 2, user.id


async def test_delete_always_works_and_start_after_it(h: Harness) -> None:
    user, _ = await seed(h, 7, checkin_time="10:05")
    await h.storage.db.execute("UPDATE settings SET paused_until_utc = 'soon', timezone = 'Mars/Olympus'"
                               " WHERE person_id = 7")
    await h.storage.db.execute("INSERT INTO deliveries (person_id, kind, due_utc, created_utc, local_day)"
                               " VALUES (7, 'zzz', '0', '0', 'x')")
    await user.send("/delete")
    await user.wait_for("Erase everything about you?")
    await user.press("Yes, erase everything")
    await user.wait_for("everything about you has been erased")
    await h.idle()
    assert await h.storage.people.get(7) is None
    await user.send("/start")
    await user.wait_for("Which language")


async def test_a_crashed_sender_is_reported_and_restarted(h: Harness) -> None:
    user, _ = await seed(h, 5, checkin_time="10:05")
    eng = engine(h)
    store = h.storage.reminders
    real = store.claim_pending
    calls = 0

    async def broken(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("disk on fire")
        return await real(*args, **kwargs)

    store.claim_pending = broken  # type: ignore[method-assign]
    before = errors(h)
    h.clock.advance(minutes=5)
    await eng.run_tick()
    await asyncio.gather(eng._drain_task, return_exceptions=True)
    await asyncio.sleep(0)
    assert eng.sender_down
    assert "reminder sender down" in await problems(h.app)
    assert errors(h) == before + 1
    await eng.run_tick()                                   # supervision: the next tick starts a new sender
    await asyncio.gather(eng._drain_task, return_exceptions=True)
    assert not eng.sender_down
    assert len(reminders_of(user)) == 1
    assert await problems(h.app) == []


async def test_healthz_fails_when_the_tick_stalls(h: Harness) -> None:
    eng = engine(h)
    await eng.run_tick()
    assert eng.problems() == []
    assert eng.last_good_tick is not None
    every = h.services.settings.reminders.tick_seconds
    assert eng.problems(eng.last_good_tick + 3 * every - 1) == []
    assert eng.problems(eng.last_good_tick + 3 * every + 1) == ["reminders tick stalled"]


async def test_a_deleted_database_stops_confirming_fails_health_and_stops_the_bot(
        h: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    user, _ = await seed(h, 8, checkin_time="10:05")
    await user.send("/water 250")
    await user.wait_for("250")
    await h.idle()
    os.unlink(h.storage.db.path)
    await user.send("/water 300")
    await h.idle()
    assert "Sorry" in (user.last.text or "") and "300" not in (user.last.text or ""), "never confirmed"
    assert any("was deleted" in p for p in await problems(h.app))
    stopped = []
    monkeypatch.setattr(h.app, "stop_running", lambda: stopped.append(True))
    problem = watchdog.check(h.app)
    assert problem is not None and str(h.storage.db.path) in problem
    assert stopped == [True] and watchdog.fatal(h.app) == problem
