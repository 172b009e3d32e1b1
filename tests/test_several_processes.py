"""Several bot processes on one database: claims, leases, update ids and person locks.

Each "process" is its own Storage (its own connections), all on one database, driven with
an injected clock. On SQLite they run one after another through its single writer; on
PostgreSQL their transactions really overlap (FOR UPDATE SKIP LOCKED, advisory locks).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from support.workers import until
from telegram import Update

from coachbot.config import Defaults
from coachbot.storage import Storage
from coachbot.storage.reminders import DueRow
from coachbot.storage.timefmt import to_iso
from coachbot.updates import PerPersonUpdateProcessor

pytestmark = pytest.mark.both_backends
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)
PEOPLE = 300


async def open_workers(db_url: str, n: int) -> list[Storage]:
    workers = [Storage(db_url, pool_size=4) for _ in range(n)]
    for w in workers:  # one after another: migrations run once
        await w.open()
    return workers


async def seed_due(store: Storage, people: int) -> None:
    for pid in range(1, people + 1):
        await store.people.create(pid, pid, "en", Defaults(), NOW, first_step=None)  # type: ignore[arg-type]
    await store.reminders.upsert([(pid, kind, NOW - timedelta(minutes=1), None)
                                  for pid in range(1, people + 1) for kind in ("checkin", "hydration")])


def send_everything(rows: list[DueRow], counts: dict) -> tuple[list, list]:
    """A decider that queues every due row and moves it a day on."""
    later = to_iso(NOW + timedelta(days=1))
    return ([(later, r.profile.person_id, r.kind) for r in rows],
            [(r.profile.person_id, r.kind, to_iso(r.due), to_iso(NOW), "2026-03-10") for r in rows])


async def claim_all(store: Storage) -> int:
    total = 0
    while True:
        claimed, _ = await store.reminders.claim_due(NOW, 50, send_everything)
        total += claimed
        if claimed == 0:
            return total


async def lease_all(store: Storage, now: datetime, keep: list[int]) -> None:
    """Drain like the engine: lease page after page, remember what this worker got."""
    after = 0
    while True:
        last, batch = await store.reminders.claim_pending(after, 40, now, now + LEASE)
        if last == after:
            return
        after = last
        keep.extend(d.id for d in batch)


async def test_three_workers_claim_every_due_reminder_exactly_once(db_url: str) -> None:
    workers = await open_workers(db_url, 3)
    try:
        await seed_due(workers[0], PEOPLE)
        claimed = await asyncio.gather(*(claim_all(w) for w in workers))
        assert sum(claimed) == 2 * PEOPLE
        rows = await workers[0].db.fetchall("SELECT person_id, kind FROM deliveries")
        assert len(rows) == 2 * PEOPLE and len({(r["person_id"], r["kind"]) for r in rows}) == 2 * PEOPLE

        got: list[list[int]] = [[], [], []]
        await asyncio.gather(*(lease_all(w, NOW, keep) for w, keep in zip(workers, got, strict=True)))
        leased = Counter(i for keep in got for i in keep)
        assert len(leased) == 2 * PEOPLE and set(leased.values()) == {1}, "each delivery leased once"
        # One person's deliveries stay together, so they become one message.
        owner = {}
        for n, keep in enumerate(got):
            for d in await workers[0].db.fetchall(
                    f"SELECT person_id FROM deliveries WHERE {workers[0].db.in_ids('id')}",  # noqa: S608
                    (workers[0].db.ids(keep),)):
                assert owner.setdefault(d["person_id"], n) == n
    finally:
        for w in workers:
            await w.close()


async def test_a_killed_workers_leases_return_to_the_others_after_the_lease(db_url: str) -> None:
    victim, survivor = await open_workers(db_url, 2)
    try:
        await seed_due(victim, 20)
        await claim_all(victim)
        taken: list[int] = []
        await lease_all(victim, NOW, taken)          # ... and then the process is killed: nothing marked
        assert len(taken) == 40
        early: list[int] = []
        await lease_all(survivor, NOW + LEASE - timedelta(seconds=1), early)
        assert early == [], "a live lease is respected"
        late: list[int] = []
        await lease_all(survivor, NOW + LEASE, late)
        assert sorted(late) == sorted(taken)
        await survivor.reminders.mark_sent(late, NOW + LEASE)
        again: list[int] = []
        await lease_all(victim, NOW + 3 * LEASE, again)
        assert again == [], "sent deliveries are never leased again"
    finally:
        await victim.close()
        await survivor.close()


async def test_a_slow_worker_whose_lease_was_taken_over_does_not_send(db_url: str) -> None:
    """The renewal just before sending checks the lease is still the one this worker set."""
    slow, other = await open_workers(db_url, 2)
    try:
        await seed_due(slow, 1)
        await claim_all(slow)
        mine: list[int] = []
        await lease_all(slow, NOW, mine)                       # leased until NOW + LEASE
        assert await slow.reminders.renew(mine, NOW + LEASE, NOW + 2 * LEASE)   # in time: extended
        theirs: list[int] = []
        await lease_all(other, NOW + 2 * LEASE, theirs)        # ... then it stalled past the lease
        assert sorted(theirs) == sorted(mine)
        assert not await slow.reminders.renew(mine, NOW + 2 * LEASE, NOW + 3 * LEASE), \
            "another worker holds it now: the slow one must not send"
        assert await other.reminders.renew(theirs, NOW + 3 * LEASE, NOW + 4 * LEASE)
        await other.reminders.mark_sent(theirs, NOW + 3 * LEASE)
        assert not await other.reminders.renew(theirs, NOW + 4 * LEASE, NOW + 5 * LEASE), "sent: never again"
    finally:
        await slow.close()
        await other.close()


async def test_a_released_lease_is_retried_at_once(db_url: str) -> None:
    [store] = await open_workers(db_url, 1)
    try:
        await seed_due(store, 3)
        await claim_all(store)
        first: list[int] = []
        await lease_all(store, NOW, first)
        await store.reminders.release(first[:2])     # a transient failure gives them back
        second: list[int] = []
        await lease_all(store, NOW, second)
        assert sorted(second) == sorted(first[:2])
        assert await store.reminders.release_all() == 6   # a restarted single process frees every lease
    finally:
        await store.close()


async def test_an_update_id_is_handled_once_across_processes(db_url: str) -> None:
    a, b = await open_workers(db_url, 2)
    try:
        assert not await a.cluster.seen(77)
        await a.cluster.handled(77, 5, NOW)
        assert await b.cluster.seen(77)
        await b.cluster.handled(77, 5, NOW)   # handling it twice changes nothing
        assert await b.cluster.forget_updates(NOW + timedelta(seconds=1)) == 1
        assert not await a.cluster.seen(77)
    finally:
        await a.close()
        await b.close()


async def test_a_persons_later_update_waits_for_an_earlier_ticket(db_url: str) -> None:
    a, b = await open_workers(db_url, 2)
    try:
        await a.cluster.take_ticket(100, 5, NOW)   # process a received person 5's update 100
        await b.cluster.take_ticket(101, 5, NOW)   # process b their next one
        await b.cluster.take_ticket(102, 6, NOW)   # and someone else's
        assert await b.cluster.earlier_ticket(101, 5), "101 waits for 100"
        assert not await a.cluster.earlier_ticket(100, 5) and not await b.cluster.earlier_ticket(102, 6)
        await a.cluster.handled(100, 5, NOW)
        assert not await b.cluster.earlier_ticket(101, 5), "100 handled: 101's turn"
        # 103's process died after answering Telegram: 104 goes after waiting its limit, and clears it
        await a.cluster.take_ticket(103, 5, NOW)
        await b.cluster.take_ticket(104, 5, NOW)
        await b.cluster.handled(104, 5, NOW)
        await b.cluster.take_ticket(105, 5, NOW)
        assert not await b.cluster.earlier_ticket(105, 5)
        assert await a.cluster.forget_updates(NOW + timedelta(seconds=1)) >= 1   # old tickets go too
        assert not await b.cluster.earlier_ticket(106, 6)
    finally:
        await a.close()
        await b.close()


def _text_update(update_id: int, user: int, text: str) -> Update:
    chat = {"id": user, "type": "private"}
    return Update.de_json({"update_id": update_id, "message": {
        "message_id": update_id, "date": 0, "chat": chat, "from": {"id": user, "is_bot": False, "first_name": "P"},
        "text": text}}, None)


async def test_a_persons_updates_reaching_two_processes_are_handled_in_arrival_order(
        db_url: str, backend: str) -> None:
    if backend != "postgres":
        pytest.skip("one SQLite process orders a person's updates with its in-process lock")
    a, b = await open_workers(db_url, 2)
    try:
        procs = [PerPersonUpdateProcessor(4), PerPersonUpdateProcessor(4)]
        for proc, store in zip(procs, (a, b), strict=True):
            proc.share_with_other_processes(store, lambda: NOW)
        first, second = _text_update(200, 9, "300"), _text_update(201, 9, "310")
        handled: list[str] = []

        async def handle(update: Update) -> None:
            assert update.message is not None and update.message.text is not None
            handled.append(update.message.text)

        # Both were received (tickets taken before answering Telegram), in this order...
        await procs[0].receive(first.to_dict())
        await procs[1].receive(second.to_dict())
        # ...but the second process gets to its update first.
        later = asyncio.create_task(procs[1].do_process_update(second, handle(second)))
        await until(lambda: procs[1].turn_waits > 0 or later.done(), 30, "the later update waiting its turn")
        await procs[0].do_process_update(first, handle(first))
        await later
        assert handled == ["300", "310"]
        assert await b.cluster.seen(200) and await b.cluster.seen(201)
    finally:
        await a.close()
        await b.close()


async def test_workers_count_each_other_through_heartbeats(db_url: str) -> None:
    a, b = await open_workers(db_url, 2)
    try:
        since = NOW - timedelta(minutes=1)
        assert await a.cluster.heartbeat("a", NOW, since) == 1
        assert await b.cluster.heartbeat("b", NOW, since) == 2
        # a stops beating: a minute later b is alone and may use the whole budget
        assert await b.cluster.heartbeat("b", NOW + timedelta(minutes=2), NOW + timedelta(minutes=1)) == 1
    finally:
        await a.close()
        await b.close()


async def test_a_person_lock_makes_another_process_wait(db_url: str, backend: str) -> None:
    a, b = await open_workers(db_url, 2)
    try:
        order: list[str] = []
        entered = asyncio.Event()
        release = asyncio.Event()

        async def first() -> None:
            async with a.db.person_lock(5):
                order.append("a starts")
                entered.set()
                await release.wait()
                order.append("a ends")

        async def second() -> None:
            await entered.wait()
            async with b.db.person_lock(5):
                order.append("b")

        async def other_person() -> None:
            await entered.wait()
            async with b.db.person_lock(6):
                order.append("other person")
            release.set()

        await asyncio.gather(first(), second(), other_person())
        if backend == "postgres":   # SQLite runs one process: its lock is the in-process one
            assert order == ["a starts", "other person", "a ends", "b"]
    finally:
        await a.close()
        await b.close()
