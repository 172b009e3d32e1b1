"""The reminders tick: claim due rows, decide with the pure planner, deliver through a paced sender.

PTB's JobQueue runs `_job` every `reminders.tick_seconds`; tests call
`ReminderEngine.tick(now)` directly with an injected clock. The database is the
only source of truth: no per-person scheduler jobs, nothing kept in memory that
a restart could lose. Deliveries still inside their grace window after downtime
go out once; older ones are dropped; several for one person become one message.
Whether each reminder goes out is decided in decide.py; what the message says, in compose.py.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from telegram import Bot
from telegram.ext import Application, ContextTypes

from coachbot import metrics
from coachbot.domain import planner, reminder_kinds
from coachbot.domain.profile import Profile
from coachbot.pacer import SharedPacer
from coachbot.runtime import Services
from coachbot.storage.db import DatabaseGone
from coachbot.storage.reminders import Decide, Delivery

from . import compose, decide
from .kinds import Outgoing
from .sender import Outcome, PacedSender

log = logging.getLogger(__name__)
JOB_NAME = "reminders-tick"
MAX_CLAIM_ROUNDS = 40        # per tick: up to 40 × batch_size rows, each round its own short transaction
GIVE_UP_AFTER = 5            # refused sends (not network trouble) before a delivery is marked failed
KEEP_DELIVERIES = timedelta(days=3)
KEEP_UPDATE_IDS = timedelta(days=2)   # Telegram keeps an undelivered update for 24 hours
DRAIN_PAGE = 200             # people per drain page
JITTER_SPREAD = 1.1          # several processes: each keeps its share over 1.1 s (see SharedPacer.set_rate)


@dataclass
class TickReport:
    claimed: int = 0
    queued: int = 0
    sent: int = 0
    dropped: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    blocked: int = 0
    retry: int = 0
    claim_seconds: float = 0.0


def engine_of(app_or_services: Application | Services) -> ReminderEngine:
    """The engine app.py built for this bot."""
    svc = app_or_services if isinstance(app_or_services, Services) else app_or_services.bot_data["services"]
    assert svc.reminders is not None, "app.py builds the engine"
    return svc.reminders


def grace_minutes(cfg: object) -> dict[str, int]:
    """Each kind's grace window from `[reminders]`; a kind without a setting stops the start."""
    missing = [k.grace_setting for k in reminder_kinds.KINDS if not hasattr(cfg, k.grace_setting)]
    if missing:
        raise LookupError(f"reminder kinds without a grace setting: reminders.{', reminders.'.join(missing)}")
    return {k.name: int(getattr(cfg, k.grace_setting)) for k in reminder_kinds.KINDS}


class ReminderEngine:
    """Owns the tick and the sender for one Application."""

    def __init__(self, services: Services, bot: Bot) -> None:
        self.svc = services
        cfg = services.settings.reminders
        self.sender = PacedSender(bot, rate=cfg.global_rate * cfg.rate_scale,
                                  per_chat_interval=cfg.per_chat_interval / cfg.rate_scale)
        self._grace = grace_minutes(cfg)
        self._drain_lock = asyncio.Lock()
        self._drain_task: asyncio.Task[TickReport] | None = None
        self._last_prune: datetime | None = None
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.workers = 1
        self._leases_reset = False
        self._held: dict[int, datetime] = {}         # delivery id -> the lease_until this process set
        self._sends_from: datetime | None = None     # several processes: when this one may start sending
        self.last_good_tick: float | None = None    # time.monotonic() of the last tick that worked
        self.sender_failures = 0
        self._logged_bad: set[tuple[int, str]] = set()
        services.storage.reminders.on_bad = self.set_aside

    def set_aside(self, person_id: int, what: str, reason: str) -> None:
        """A row that could not be handled was put aside: log it once, count it every time."""
        metrics.error(self.svc)
        key = (person_id, what)
        if key not in self._logged_bad:
            if len(self._logged_bad) > 10_000:
                self._logged_bad.clear()
            self._logged_bad.add(key)
            log.warning("reminder row set aside: person %s, %s (%s)", person_id, what, reason)

    # ---- planning --------------------------------------------------------------------
    async def replan(self, profile: Profile, now: datetime) -> None:
        """(Re)compute every kind's next due time for one person after a change."""
        existing = await self.svc.storage.reminders.for_person(profile.person_id)
        rows = []
        for kind in planner.KINDS:
            every_days = existing.get(kind, (None, 1))[1]
            due = None
            if profile.active and profile.onboarded:
                due = planner.next_fire(profile, kind, now, every_days=every_days)
            if due is None and kind not in existing:
                continue
            interval = None if reminder_kinds.get(kind).daily else profile.hydration_every_minutes
            rows.append((profile.person_id, kind, due, interval))
        await self.svc.storage.reminders.upsert(rows)

    async def on_hook(self, profile: Profile, now: datetime) -> None:
        await self.replan(profile, now)

    def grace(self, kind: str) -> int:
        """Minutes a reminder of `kind` may be late (0 for a stored row of an undeclared kind)."""
        return self._grace.get(kind, 0)

    # ---- claiming --------------------------------------------------------------------
    def _decider(self, now: datetime, report: TickReport) -> Decide:
        """The claim-time decision (decide.py), counting what it drops in `report` and the metrics."""
        def dropped(kind: str, action: str) -> None:
            report.dropped[action] += 1
            metrics.reminder_dropped(self.svc, kind, action)

        return decide.decider(now, self.svc.settings.reminders.daily_cap, self.grace, dropped, self.set_aside)

    async def claim(self, now: datetime, report: TickReport | None = None) -> TickReport:
        """Claim every due row (in short batches), advancing each and queueing deliveries."""
        report = report or TickReport()
        started = time.perf_counter()
        batch = self.svc.settings.reminders.batch_size
        for _ in range(MAX_CLAIM_ROUNDS):
            claimed, queued = await self.svc.storage.reminders.claim_due(now, batch, self._decider(now, report))
            report.claimed += claimed
            report.queued += queued
            if claimed < batch:
                break
        report.claim_seconds = time.perf_counter() - started
        return report

    # ---- delivering ------------------------------------------------------------------
    async def drain(self, now_fn: Callable[[], datetime] | None = None,
                    report: TickReport | None = None) -> TickReport:
        """Send every pending delivery once (one pass); failures stay pending for the next tick."""
        report = report or TickReport()
        now_fn = now_fn or self.svc.now
        store = self.svc.storage.reminders
        lease = timedelta(seconds=self.svc.settings.reminders.lease_seconds)
        # No more people at once than the sender sends at once: each first reads and renders
        # (about a millisecond without a pause), and a page of 200 doing so together held the
        # event loop ~100 ms, which stalled every send and reply meanwhile.
        gate = asyncio.Semaphore(self.sender.concurrency)

        async def deliver(pid: int, profiles: dict[int, Profile | None], items: list[Delivery]) -> None:
            async with gate:
                await self._deliver_one(pid, profiles, items, now_fn(), report)

        async with self._drain_lock:
            after_id = 0
            while True:
                now = now_fn()
                last_id, batch = await store.claim_pending(after_id, DRAIN_PAGE, now, now + lease)
                self._held.update((d.id, now + lease) for d in batch)
                if last_id == after_id:
                    break
                after_id = last_id
                if not batch:  # another process is sending these
                    continue
                people = sorted({d.person_id for d in batch})
                profiles = await store.profiles(people)
                by_person: dict[int, list[Delivery]] = defaultdict(list)
                for d in batch:
                    by_person[d.person_id].append(d)
                await asyncio.gather(*(deliver(pid, profiles, items) for pid, items in by_person.items()))
                for d in batch:
                    self._held.pop(d.id, None)
        return report

    async def _deliver_one(self, person_id: int, profiles: dict[int, Profile | None], items: list[Delivery],
                           now: datetime, report: TickReport) -> None:
        """Deliver one person's reminders; whatever goes wrong stays with that person."""
        try:
            if person_id in profiles and profiles[person_id] is None:
                await self._drop(items, "invalid", report)
                return
            await self._deliver(profiles.get(person_id), items, now, report)
        except Exception as exc:
            self.set_aside(person_id, "delivery", type(exc).__name__)
            try:
                await self.svc.storage.reminders.mark([d.id for d in items], "failed")
            except Exception:
                log.warning("could not mark deliveries as failed", exc_info=True)

    async def _deliver(self, profile: Profile | None, items: list[Delivery], now: datetime,
                       report: TickReport) -> None:
        """Decide again at send time, render, collapse into one message, send, record."""
        if profile is None or not profile.active or not profile.onboarded:
            await self._drop(items, "blocked", report)
            return
        fresh = await self._still_wanted(profile, items, now, report)
        parts = await compose.render_all(self.svc, profile, fresh, now) if fresh else []
        if parts:
            outcome = await self._send(profile, parts, now)
            await self._record(profile, parts, outcome, now, report)

    async def _still_wanted(self, profile: Profile, items: list[Delivery], now: datetime,
                            report: TickReport) -> list[Delivery]:
        """The deliveries still worth sending now; the others are dropped with their reason."""
        drops, wanted = decide.recheck(profile, items, now, self.grace)
        for reason, dropped in drops:
            await self._drop(dropped, reason, report)
        return wanted

    async def _send(self, profile: Profile, parts: list[tuple[Delivery, Outgoing]], now: datetime) -> Outcome:
        """One message through the paced sender, recorded as sent inside its slot."""
        store = self.svc.storage.reminders
        text, markup = compose.compose(self.svc.i18n, profile.language, parts)
        ids = [d.id for d, _ in parts]

        async def still_ours() -> bool:  # after waiting for a slot: our lease may have run out meanwhile
            return await self._renew(ids)

        async def record() -> None:  # inside the sender's slot: see the duplicate bound in sender.py
            await store.mark_sent(ids, now)

        return await self.sender.send(profile.chat_id, text, markup, on_sent=record,
                                      still_ours=still_ours if store.db.several_processes else None)

    async def _record(self, profile: Profile, parts: list[tuple[Delivery, Outgoing]], outcome: Outcome,
                      now: datetime, report: TickReport) -> None:
        """Count what happened; a blocked bot stops the person, a failed send waits for the next tick."""
        store = self.svc.storage.reminders
        ids = [d.id for d, _ in parts]
        if outcome is Outcome.SENT:
            report.sent += 1
            for d, _ in parts:
                metrics.reminder_sent(self.svc, d.kind, late=now - d.due >= timedelta(minutes=1))
        elif outcome is Outcome.BLOCKED:
            log.info("person %s blocked the bot; their reminders stop until they come back", profile.person_id)
            await store.stop_person(profile.person_id)
            report.blocked += 1
            for d, _ in parts:
                metrics.reminder_dropped(self.svc, d.kind, "blocked")
        elif outcome is Outcome.RETRY:  # transient: pending until sent or stale (grace window)
            report.retry += 1
            await store.release(ids)
        elif outcome is not Outcome.TAKEN:
            report.retry += 1
            kinds = {d.id: d.kind for d, _ in parts}
            for failed in await store.retry_later(ids, GIVE_UP_AFTER):
                metrics.reminder_dropped(self.svc, kinds[failed], "failed")
            await store.release(ids)

    async def _renew(self, ids: list[int]) -> bool:
        """Extend this process's lease on `ids` just before sending; False once another process
        has leased them (ours ran out and it took them): then only that one may send."""
        held = self._held.get(ids[0])
        if held is None or any(self._held.get(i) != held for i in ids):
            return False
        until = self.svc.now() + timedelta(seconds=self.svc.settings.reminders.lease_seconds)
        if not await self.svc.storage.reminders.renew(ids, held, until):
            return False
        self._held.update((i, until) for i in ids)
        return True

    async def _drop(self, items: list[Delivery], reason: str, report: TickReport) -> None:
        if not items:
            return
        await self.svc.storage.reminders.mark([d.id for d in items], reason)
        for d in items:
            report.dropped[reason] += 1
            metrics.reminder_dropped(self.svc, d.kind, reason)

    # ---- the tick ----------------------------------------------------------------------
    async def tick(self, now: datetime) -> TickReport:
        """Claim what is due at `now` and deliver it (tests drive this with a fake clock)."""
        await self.coordinate(now)
        with metrics.tick_timer(self.svc):
            report = await self.claim(now)
        await self.drain(lambda: now, report)
        await self.prune(now)
        return report

    async def prune(self, now: datetime) -> None:
        if self._last_prune is None or now - self._last_prune > timedelta(hours=1):
            self._last_prune = now
            await self.svc.storage.reminders.prune(now - KEEP_DELIVERIES)
            await self.svc.storage.cluster.forget_updates(now - KEEP_UPDATE_IDS)

    async def coordinate(self, now: datetime) -> None:
        """Before a tick: one process alone frees stale leases; several split the send budget."""
        store = self.svc.storage
        if not store.db.several_processes:
            if not self._leases_reset:  # whatever held a lease died with the previous run
                self._leases_reset = True
                await store.reminders.release_all()
            return
        alive = timedelta(seconds=max(3 * self.svc.settings.reminders.tick_seconds, 30))
        workers = await store.cluster.heartbeat(self.worker_id, now, now - alive)
        if self._sends_from is None:
            # Joining: the others make room at their next tick (two, for a late one), what they sent
            # in the last (scaled) second still counts, and two workers starting together may not see
            # each other's first heartbeat: send reminders only after that, when the count is right.
            cfg = self.svc.settings.reminders
            self._sends_from = now + timedelta(seconds=2 * cfg.tick_seconds + 1 / cfg.rate_scale)
        self.share_budget(workers)

    def share_budget(self, workers: int) -> None:
        """Telegram's limit is per bot: each of `workers` processes sends at most its share."""
        if workers == self.workers:
            return
        cfg = self.svc.settings.reminders
        rate = cfg.global_rate * cfg.rate_scale / workers
        limiter = getattr(self.sender.bot, "rate_limiter", None)
        if isinstance(limiter, SharedPacer):
            limiter.set_rate(rate, spread=1.0 if workers == 1 else JITTER_SPREAD)
        else:
            self.sender.gap = 1.0 / rate
        log.info("%d bot processes share the database: this one sends up to %.1f messages/s", workers, rate)
        self.workers = workers

    async def _job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """JobQueue callback: claim now, and keep one background drain running."""
        await self.run_tick()

    async def run_tick(self) -> None:
        """Claim what is due now and make sure the sender runs (restarting it if it died)."""
        now = self.svc.now()
        try:
            await self.coordinate(now)
            with metrics.tick_timer(self.svc):
                await self.claim(now)
            await self.prune(now)
        except DatabaseGone as exc:   # the watchdog stops the bot; no traceback needed
            log.error("reminders tick skipped: %s", exc)
            metrics.error(self.svc)
            return
        except Exception:
            log.exception("reminders tick failed")
            metrics.error(self.svc)
            return
        self.last_good_tick = time.monotonic()
        if self._sends_from is not None and now < self._sends_from:
            return
        if self._drain_task is None or self._drain_task.done():
            self._drain_task = asyncio.create_task(self.drain(), name="reminders-drain")
            self._drain_task.add_done_callback(self._sender_ended)

    def _sender_ended(self, task: asyncio.Task[TickReport]) -> None:
        """Supervision: a sender that crashed is logged and counted; the next tick starts a new one."""
        if task.cancelled() or task.exception() is None:
            return
        self.sender_failures += 1
        metrics.error(self.svc)
        log.error("reminder sender stopped (%s); restarting it on the next tick",
                  type(task.exception()).__name__)

    @property
    def sender_down(self) -> bool:
        task = self._drain_task
        return task is not None and task.done() and not task.cancelled() and task.exception() is not None

    def problems(self, monotonic_now: float | None = None) -> list[str]:
        """Why the reminders engine is unhealthy (empty when it is fine), for /healthz."""
        now = time.monotonic() if monotonic_now is None else monotonic_now
        found = []
        limit = 3 * self.svc.settings.reminders.tick_seconds
        if self.last_good_tick is not None and now - self.last_good_tick > limit:
            found.append("reminders tick stalled")
        if self.sender_down:
            found.append("reminder sender down")
        return found

    def start(self, app: Application) -> None:
        if app.job_queue is None:
            log.warning("no JobQueue: reminders are off (install python-telegram-bot[job-queue])")
            return
        every = self.svc.settings.reminders.tick_seconds
        app.job_queue.run_repeating(self._job, interval=every, first=min(every, 5.0), name=JOB_NAME,
                                    job_kwargs={"max_instances": 1, "coalesce": True,
                                                "misfire_grace_time": None})

    async def stop(self) -> None:
        if self._drain_task is not None and not self._drain_task.done():
            self._drain_task.cancel()
            try:
                await self._drain_task
            except (asyncio.CancelledError, Exception):
                pass
