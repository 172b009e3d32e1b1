"""Reminder rows (what fires when) and deliveries (what was decided and sent).

The claim runs in one write transaction over the partial index on next_due_utc:
select due rows with their person (locked against other claimers where the
backend has row locks), let the caller's pure planner decide, then write every
advance and every delivery with executemany.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from coachbot.domain.profile import Profile

from .db import Database
from .people import _profile
from .timefmt import from_iso, to_iso

_PERSON_COLUMNS = "p.id, p.chat_id, p.active, p.onboarding_step, p.awaiting, s.*"


@dataclass(frozen=True)
class DueRow:
    profile: Profile
    kind: str
    due: datetime
    every_days: int


@dataclass(frozen=True)
class Delivery:
    id: int
    person_id: int
    kind: str
    due: datetime
    attempts: int


# decide(rows, counts) -> (advances [(next_due_iso|None, person_id, kind)],
#                          deliveries [(person_id, kind, due_iso, created_iso, local_day)])
Decide = Callable[[list[DueRow], dict[tuple[int, str], int]],
                  tuple[list[tuple[str | None, int, str]], list[tuple[int, str, str, str, str]]]]
# on_bad(person_id, kind_or_delivery_id, reason): a row that could not be read was set aside.
OnBad = Callable[[int, str, str], None]


def _ignore(person_id: int, what: str, reason: str) -> None:
    return None


def _delivery(r: Any) -> Delivery:
    return Delivery(r["id"], r["person_id"], r["kind"], from_iso(r["due_utc"]), r["attempts"])  # type: ignore[arg-type]


def _every_days(value: Any) -> int:
    if not isinstance(value, int) or not 1 <= value <= 28:
        raise ValueError("every_days out of range")
    return value


class Reminders:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.on_bad: OnBad = _ignore   # the engine sets this to log and count rows set aside
        # Constant SQL with the backend's dialect pieces (index hints, id lists, row locks).
        self._claim_sql = (
            "SELECT r.kind AS r_kind, r.next_due_utc AS r_due, r.every_days AS r_every_days,"  # noqa: S608
            f" {_PERSON_COLUMNS} FROM reminders r{db.index_hint('reminders_due')}"
            " JOIN people p ON p.id = r.person_id JOIN settings s ON s.person_id = r.person_id"
            " WHERE r.next_due_utc IS NOT NULL AND r.next_due_utc <= ?"
            f" ORDER BY r.next_due_utc LIMIT ?{db.lock_rows}")
        # Messages already decided per person and local day: the daily cap counts these.
        self._count_sql = (
            "SELECT person_id, local_day, COUNT(*) AS n FROM deliveries"  # noqa: S608
            f" WHERE {db.in_ids('person_id')} AND status IN ('pending', 'sent') AND created_utc >= ?"
            " GROUP BY person_id, local_day")
        self._people_sql = (f"SELECT {_PERSON_COLUMNS} FROM people p JOIN settings s ON s.person_id = p.id"  # noqa: S608
                            f" WHERE {db.in_ids('p.id')}")

    # ---- planning -------------------------------------------------------------------
    async def upsert(self, rows: Iterable[tuple[int, str, datetime | None, int | None]]) -> None:
        """Set (person, kind) -> next due; keeps the person's "less often" choice."""
        params = [(pid, kind, to_iso(due) if due else None, every) for pid, kind, due, every in rows]
        await self.db.executemany(
            "INSERT INTO reminders (person_id, kind, next_due_utc, every_minutes) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (person_id, kind) DO UPDATE SET next_due_utc = excluded.next_due_utc,"
            " every_minutes = excluded.every_minutes, snoozed_until = NULL", params)

    async def for_person(self, person_id: int) -> dict[str, tuple[datetime | None, int]]:
        """kind -> (next due, every_days) for one person."""
        rows = await self.db.fetchall(
            "SELECT kind, next_due_utc, every_days FROM reminders WHERE person_id = ?", (person_id,))
        return {r["kind"]: (from_iso(r["next_due_utc"]), r["every_days"]) for r in rows}

    async def snooze(self, person_id: int, kinds: Sequence[str], until: datetime) -> int:
        """Bring these kinds back at `until` (only rows that are on)."""
        iso = to_iso(until)
        changed = 0
        async with self.db.transaction() as tx:
            for kind in kinds:
                changed += await tx.execute(
                    "UPDATE reminders SET next_due_utc = ?, snoozed_until = ?"
                    " WHERE person_id = ? AND kind = ? AND next_due_utc IS NOT NULL",
                    (iso, iso, person_id, kind))
        return changed

    async def set_every_days(self, person_id: int, kind: str, every_days: int) -> None:
        await self.db.execute(
            "UPDATE reminders SET every_days = ? WHERE person_id = ? AND kind = ?", (every_days, person_id, kind))

    async def stop_person(self, person_id: int) -> None:
        """No more reminders for this person (blocked); /start or unblocking re-plans them."""
        async with self.db.transaction() as tx:
            await tx.execute("UPDATE reminders SET next_due_utc = NULL WHERE person_id = ?", (person_id,))
            await tx.execute("UPDATE deliveries SET status = 'blocked' WHERE person_id = ? AND status = 'pending'",
                             (person_id,))
            await tx.execute("UPDATE people SET active = 0 WHERE id = ?", (person_id,))

    # ---- the tick ---------------------------------------------------------------------
    async def claim_due(self, now: datetime, limit: int, decide: Decide) -> tuple[int, int]:
        """Advance up to `limit` due rows and record deliveries, atomically; return (claimed, queued).

        A row that cannot be read (a value no planner could use) is set aside: switched off
        (next_due_utc NULL) and reported through `self.on_bad`, so it never blocks the others.
        """
        async with self.db.transaction() as tx:
            found = await tx.fetchall(self._claim_sql, (to_iso(now), limit))
            if not found:
                return 0, 0
            rows, aside = [], []
            for r in found:
                try:
                    rows.append(DueRow(_profile(r), r["r_kind"], from_iso(r["r_due"]),  # type: ignore[arg-type]
                                       _every_days(r["r_every_days"])))
                except (ValueError, TypeError, KeyError, OverflowError) as exc:
                    aside.append((None, r["id"], r["r_kind"]))
                    self.on_bad(r["id"], str(r["r_kind"]), type(exc).__name__)
            people = self.db.ids(row.profile.person_id for row in rows)
            counts = {(r["person_id"], r["local_day"]): r["n"]
                      for r in await tx.fetchall(self._count_sql, (people, to_iso(now - timedelta(days=2))))}
            advances, deliveries = decide(rows, counts) if rows else ([], [])
            advances = [*advances, *aside]
            await tx.executemany(
                "UPDATE reminders SET next_due_utc = ?, snoozed_until = NULL WHERE person_id = ? AND kind = ?",
                advances)
            await tx.executemany(
                "INSERT INTO deliveries (person_id, kind, due_utc, created_utc, local_day) VALUES (?, ?, ?, ?, ?)",
                deliveries)
            return len(found), len(deliveries)

    # ---- the sender -------------------------------------------------------------------
    async def claim_pending(self, after_id: int, limit: int, now: datetime,
                            lease_until: datetime) -> tuple[int, list[Delivery]]:
        """Lease the pending deliveries of the people behind the next `limit` pending ids after
        `after_id`, so each person gets one message and no other process sends them until
        `lease_until`. Returns (the last id looked at, the deliveries leased), oldest first."""
        now_iso, until = to_iso(now), to_iso(lease_until)
        hint = self.db.index_hint("deliveries_pending")
        async with self.db.transaction() as tx:
            page = await tx.fetchall(
                f"SELECT id, person_id FROM deliveries{hint} WHERE status = 'pending' AND id > ?"  # noqa: S608
                " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY id LIMIT ?", (after_id, now_iso, limit))
            if not page:
                return after_id, []
            # Rows another process leased meanwhile fail the lease test again after its commit.
            rows = await tx.fetchall(
                f"UPDATE deliveries SET lease_until = ? WHERE status = 'pending' AND {self.db.in_ids('person_id')}"  # noqa: S608
                " AND (lease_until IS NULL OR lease_until <= ?) RETURNING id, person_id, kind, due_utc, attempts",
                (until, self.db.ids(r["person_id"] for r in page), now_iso))
        return page[-1]["id"], sorted(await self._readable(rows), key=lambda d: d.id)

    async def renew(self, ids: Sequence[int], held: datetime, lease_until: datetime) -> bool:
        """Just before sending: extend this process's lease, which it set to `held`; False if any of
        them is no longer leased until `held` (its lease ran out and another process leased it, or
        it was sent): then this one must not send. The lease's end is the process's token."""
        async with self.db.transaction() as tx:
            taken = await tx.fetchall(
                f"SELECT id FROM deliveries WHERE {self.db.in_ids('id')} AND status = 'pending'"  # noqa: S608
                f" AND lease_until = ?{self.db.lock_rows_plain}", (self.db.ids(ids), to_iso(held)))
            if len(taken) != len(set(ids)):
                return False
            await tx.execute(f"UPDATE deliveries SET lease_until = ? WHERE {self.db.in_ids('id')}",  # noqa: S608
                             (to_iso(lease_until), self.db.ids(ids)))
        return True

    async def release(self, ids: Sequence[int]) -> None:
        """Give leased deliveries back (a transient failure: the next tick, anywhere, tries again)."""
        if ids:
            await self.db.execute(f"UPDATE deliveries SET lease_until = NULL WHERE {self.db.in_ids('id')}",  # noqa: S608
                                  (self.db.ids(ids),))

    async def release_all(self) -> int:
        """Forget every lease (one process per database: whatever held them is gone)."""
        return await self.db.execute(
            "UPDATE deliveries SET lease_until = NULL WHERE status = 'pending' AND lease_until IS NOT NULL")

    async def _readable(self, rows: list[Any]) -> list[Delivery]:
        """Deliveries that can be read; any other is marked 'invalid' so it is never read again."""
        out, bad = [], []
        for r in rows:
            try:
                out.append(_delivery(r))
            except (ValueError, TypeError) as exc:
                bad.append(r["id"])
                self.on_bad(r["person_id"], f"delivery {r['id']}", type(exc).__name__)
        if bad:
            await self.mark(bad, "invalid")
        return out

    async def profiles(self, person_ids: Iterable[int]) -> dict[int, Profile | None]:
        """person -> Profile; None for a person whose stored profile cannot be read."""
        rows = await self.db.fetchall(self._people_sql, (self.db.ids(person_ids),))
        out: dict[int, Profile | None] = {}
        for r in rows:
            try:
                out[r["id"]] = _profile(r)
            except (ValueError, TypeError, KeyError) as exc:
                out[r["id"]] = None
                self.on_bad(r["id"], "profile", type(exc).__name__)
        return out

    async def mark(self, ids: Sequence[int], status: str, now: datetime | None = None) -> None:
        """Set the outcome of deliveries; 'sent' also stamps sent_utc."""
        if not ids:
            return
        await self.db.executemany(
            "UPDATE deliveries SET status = ?, sent_utc = COALESCE(?, sent_utc) WHERE id = ?",
            [(status, to_iso(now) if now and status == "sent" else None, i) for i in ids])

    async def mark_sent(self, ids: Sequence[int], now: datetime) -> None:
        """One message went out for these deliveries: the first is 'sent', the rest 'merged', in one commit."""
        if not ids:
            return
        sent = to_iso(now)
        await self.db.executemany(
            "UPDATE deliveries SET status = ?, sent_utc = ? WHERE id = ?",
            [("sent" if i == 0 else "merged", sent, d) for i, d in enumerate(ids)])

    async def retry_later(self, ids: Sequence[int], give_up_after: int) -> list[int]:
        """Count a failed attempt; deliveries that failed too often become 'failed'. Return those."""
        async with self.db.transaction() as tx:
            await tx.executemany("UPDATE deliveries SET attempts = attempts + 1 WHERE id = ?", [(i,) for i in ids])
            failed = [r["id"] for r in await tx.fetchall(
                f"SELECT id FROM deliveries WHERE {self.db.in_ids('id')} AND attempts >= ?",  # noqa: S608
                (self.db.ids(ids), give_up_after))]
            await tx.executemany("UPDATE deliveries SET status = 'failed' WHERE id = ?", [(i,) for i in failed])
        return failed

    async def prune(self, before: datetime) -> int:
        """Forget finished deliveries older than `before` (the cap only looks at the last days)."""
        return await self.db.execute(
            "DELETE FROM deliveries WHERE created_utc < ? AND status != 'pending'", (to_iso(before),))

    async def counts(self, person_id: int) -> dict[str, int]:
        """Deliveries by status for one person (tests, /stats)."""
        rows = await self.db.fetchall(
            "SELECT status, COUNT(*) AS n FROM deliveries WHERE person_id = ? GROUP BY status", (person_id,))
        return {r["status"]: r["n"] for r in rows}
