"""Real worker processes on one PostgreSQL database (issue 16): every reminder once, the whole
bot under Telegram's send limit, a SIGKILLed worker's leased reminders delivered by the others
after the lease, and one person's messages spread over the workers handled in order.

The workers are the real Application in webhook mode (tests/mp_worker.py), ticking on the
wall clock; time runs `SPEEDUP` times faster (reminders.rate_scale), so a scaled second is
1/SPEEDUP s. bench/workers.py runs the same burst and says where the busiest second comes from.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pg_server
import pytest
from support.harness import TEST_TOKEN
from support.rates import busiest_window
from support.workers import (
    GLOBAL_RATE,
    Workers,
    delivery_states,
    per_chat,
    seed_due,
    sends,
    until,
    until_async,
)

from coachbot.config import Defaults
from coachbot.sandbox import Sandbox
from coachbot.sandbox.steady import no_gc_pauses
from coachbot.storage import Storage

pytestmark = pytest.mark.subprocess
PEOPLE = range(50_000, 60_000)
SPEEDUP = 4.0   # ~2 min on a quiet 2-core machine. Each worker keeps its share over 1.1 s, evenly spaced,
                # so a send may reach the sandbox 0.1 scaled s (25 ms real here) late without a second
                # getting fuller; measured slot-to-arrival delay: p99 12-17 ms (bench/workers.py)


@pytest.fixture
def url(pg: pg_server.PgServer) -> str:
    return pg.fresh_url("workers")


@pytest.mark.timeout(600)
async def test_three_workers_send_10000_reminders_once_within_the_bots_rate_and_survive_a_sigkill(url: str) -> None:
    await seed_due(url, PEOPLE, datetime.now(UTC))
    store = Storage(url)
    await store.open()

    async def all_recorded() -> bool:
        return await delivery_states(store) == {"sent": len(PEOPLE)}

    try:
        async with Sandbox(token=TEST_TOKEN, rate_limits=False) as sb:
            for uid in PEOPLE:
                sb.user(uid)
            with no_gc_pauses(), Workers(url, sb, rate_scale=SPEEDUP) as workers:
                await until(lambda: len(sends(sb, PEOPLE)) >= len(PEOPLE) // 4, 300, "the burst to start")
                workers.kill(0)   # mid-burst: its leased page waits for the lease to end
                await until_async(all_recorded, 400, "every delivery recorded as sent")
            sent = sends(sb, PEOPLE)
    finally:
        await store.close()
    counts = per_chat(sent)
    assert set(counts) == set(PEOPLE), "0 lost"
    twice = [uid for uid, n in counts.items() if n > 1]
    assert len(twice) <= 32, f"only sends in flight when the worker died may repeat: {len(twice)}"
    # any (scaled) second, not only whole seconds from the first send, by the time each send reached the sandbox
    busiest = busiest_window([at for _, at in sent], 1 / SPEEDUP)
    assert busiest <= GLOBAL_RATE, f"{busiest} messages within one (scaled) second: over the bot's limit"


PERSON = 7_000
AMOUNTS = [300 + 10 * i for i in range(30)]


@pytest.mark.timeout(300)
async def test_one_persons_messages_spread_over_three_workers_are_handled_in_order(url: str) -> None:
    now = datetime.now(UTC)
    store = Storage(url)
    await store.open()
    try:
        await store.people.create(PERSON, PERSON, "en", Defaults(), now, first_step=None)  # type: ignore[arg-type]
        async with Sandbox(token=TEST_TOKEN, rate_limits=False) as sb:
            user = sb.user(PERSON)
            with Workers(url, sb) as workers:
                await workers.ready()
                for n, ml in enumerate(AMOUNTS):   # as nginx would: each update to the next worker
                    await user.send(f"/water {ml}")
                    assert await workers.post(n % workers.n, sb.pending_updates[-1]) == 200
                await until(lambda: sum("Added" in (m.text or "") for m in user.messages) == len(AMOUNTS),
                            120, "every message answered")
        rows = await store.db.fetchall("SELECT amount FROM intake WHERE person_id = ? ORDER BY id", (PERSON,))
    finally:
        await store.close()
    assert [r["amount"] for r in rows] == AMOUNTS
