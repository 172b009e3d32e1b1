"""Health check and Prometheus metrics, served on loopback for the operator's monitoring.

One Metrics object per Application, each with its own CollectorRegistry, so
several bots in one process (tests) never share or clash over counters. Other
features report through the small functions at the bottom (reminder_sent,
tick_timer, ...), which do nothing when metrics were never set up.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import generate_latest

if TYPE_CHECKING:  # aiohttp (~10 MB) is loaded only when the operator turns the server on
    from aiohttp import web

log = logging.getLogger(__name__)
HealthCheck = Callable[[], Awaitable[bool]]


class Metrics:
    """Counters the bot updates while it runs, plus the HTTP server that exposes them."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.updates = Counter("coachbot_updates_handled", "Telegram updates received and dispatched",
                               ["kind"], registry=r)
        self.denied = Counter("coachbot_updates_denied", "Updates refused by the allow-list", registry=r)
        self.reminders_sent = Counter("coachbot_reminders_sent", "Reminders delivered", ["kind"], registry=r)
        self.reminders_late = Counter("coachbot_reminders_late",
                                      "Reminders delivered after their planned time but inside the grace window",
                                      ["kind"], registry=r)
        self.reminders_dropped = Counter("coachbot_reminders_dropped",
                                         "Reminders not sent (stale after the grace window, blocked, failed)",
                                         ["kind", "reason"], registry=r)
        self.errors = Counter("coachbot_errors", "Failures: updates whose handling raised, reminder rows set"
                              " aside, background tasks that crashed", registry=r)
        self.tick_seconds = Histogram("coachbot_reminder_tick_seconds", "Duration of one reminders tick",
                                      registry=r, buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
        self.started = Gauge("coachbot_start_time_seconds", "Unix time the bot started", registry=r)
        self.started.set_to_current_time()
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def value(self, name: str, **labels: str) -> float:
        """Current value of a sample (tests, /stats); 0 when it was never touched."""
        return self.registry.get_sample_value(name, labels or None) or 0.0

    def render(self) -> bytes:
        return generate_latest(self.registry)

    async def start(self, host: str, port: int, health: HealthCheck) -> int:
        """Serve /metrics and /healthz on host:port (0 picks a free port); return the port."""
        from aiohttp import web

        async def metrics_view(_: web.Request) -> web.Response:
            return web.Response(body=self.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})

        async def health_view(_: web.Request) -> web.Response:
            try:
                ok = await health()
            except Exception:
                log.warning("health check failed", exc_info=True)
                ok = False
            return web.json_response({"status": "ok" if ok else "unhealthy"}, status=200 if ok else 503)

        app = web.Application()
        app.router.add_get("/metrics", metrics_view)
        app.router.add_get("/healthz", health_view)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server  # aiohttp keeps the bound sockets here; needed when port was 0
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else port
        log.info("metrics and health check on http://%s:%s/metrics and /healthz", host, self.port)
        return self.port

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


# ---- what other features call; each is a no-op when metrics were not set up ----

def of(services: Any) -> Metrics | None:
    """The Metrics of this bot (Services.metrics), or None."""
    found = getattr(services, "metrics", None)
    return found if isinstance(found, Metrics) else None


def install(services: Any) -> Metrics:
    """Create the bot's Metrics once and hook the error handler's counter to it."""
    existing = of(services)
    if existing is not None:
        return existing
    metrics = Metrics()
    services.metrics = metrics
    return metrics


def error(services: Any) -> None:
    """Something failed and was handled (a bad row set aside, a crashed task restarted)."""
    m = of(services)
    if m is not None:
        m.errors.inc()


def reminder_sent(services: Any, kind: str, *, late: bool = False) -> None:
    """A reminder was delivered; late=True when it went out after its planned minute."""
    m = of(services)
    if m is not None:
        m.reminders_sent.labels(kind).inc()
        if late:
            m.reminders_late.labels(kind).inc()


def reminder_dropped(services: Any, kind: str, reason: str) -> None:
    """A reminder was not delivered; reason is a short word: stale, blocked, failed, capped."""
    m = of(services)
    if m is not None:
        m.reminders_dropped.labels(kind, reason).inc()


@contextmanager
def tick_timer(services: Any) -> Iterator[None]:
    """Time one reminders tick: `with metrics.tick_timer(svc): ...`."""
    start = time.perf_counter()
    try:
        yield
    finally:
        m = of(services)
        if m is not None:
            m.tick_seconds.observe(time.perf_counter() - start)
