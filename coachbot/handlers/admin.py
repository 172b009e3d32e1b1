"""Operator features: the optional allow-list, /stats for admins, and the metrics server.

The allow-list gate runs in group -2, before every other handler, for every
update type, so a private deployment answers strangers once, politely, and
otherwise ignores them. /stats is for admin ids only, shows counts and never
anyone's health data, and stays out of the public command menu.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
)

from coachbot import metrics
from coachbot.i18n import pick_language

from .common import Context, answer, language_for, load_person, send, services, tr

log = logging.getLogger(__name__)
GATE_GROUP = -2  # before the safety reading of free text (-1) and every feature (0)
TOLD_KEY = "admin.told"  # bot_data: ids already told they are not on the allow-list
UPDATE_KINDS = ("message", "edited_message", "callback_query", "my_chat_member")


def update_kind(update: Update) -> str:
    return next((k for k in UPDATE_KINDS if getattr(update, k, None) is not None), "other")


def is_allowed(settings_access: object, user_id: int | None) -> bool:
    """Everyone when the allow-list is empty; else listed users and admins."""
    allowed: tuple[int, ...] = getattr(settings_access, "allowed_user_ids", ())
    if not allowed:
        return True
    admins: tuple[int, ...] = getattr(settings_access, "admin_ids", ())
    return user_id is not None and (user_id in allowed or user_id in admins)


async def gate(update: object, context: Context) -> None:
    """Count every update; stop those from people outside the allow-list, telling them once."""
    if not isinstance(update, Update):
        return
    svc = services(context)
    m = metrics.of(svc)
    if m is not None:
        m.updates.labels(update_kind(update)).inc()
    user = update.effective_user
    if is_allowed(svc.settings.access, user.id if user else None):
        return
    if m is not None:
        m.denied.inc()
    told: set[int] = context.application.bot_data.setdefault(TOLD_KEY, set())
    lang = pick_language(user.language_code if user else None)
    first_time = user is not None and user.id not in told
    if update.callback_query is not None:
        await answer(update, tr(context, lang, "admin-not-allowed") if first_time else None)
    elif first_time and update.effective_chat is not None and update.my_chat_member is None:
        await send(update, context, tr(context, lang, "admin-not-allowed"))
    if first_time:
        assert user is not None
        told.add(user.id)
        log.info("refused an update from a user outside the allow-list")
    raise ApplicationHandlerStop


async def stats_command(update: Update, context: Context) -> None:
    """Counts for the operator; anyone else sees the same reply as for any unknown command."""
    svc = services(context)
    user = update.effective_user
    profile = await load_person(update, context)
    lang = language_for(update, profile)
    if user is None or user.id not in svc.settings.access.admin_ids:
        await send(update, context, tr(context, lang, "unknown-command"))
        return
    people = await svc.storage.people.count()
    m = metrics.of(svc)

    def val(name: str) -> int:
        return int(m.value(name)) if m is not None else 0

    def total(name: str) -> int:
        if m is None:
            return 0
        return int(sum(s.value for fam in m.registry.collect() if fam.name == name
                       for s in fam.samples if s.name == name + "_total"))

    size_kib = (await svc.storage.db.size_bytes() or 0) // 1024
    await send(update, context, tr(
        context, lang, "admin-stats",
        people=people.get("total", 0), active=people.get("active", 0), onboarded=people.get("onboarded", 0),
        updates=total("coachbot_updates_handled"), errors=val("coachbot_errors_total"),
        sent=total("coachbot_reminders_sent"), dropped=total("coachbot_reminders_dropped"),
        size=size_kib,
    ))


async def problems(app: Application) -> list[str]:
    """Everything /healthz fails for: database gone or unreachable, reminders stalled, sender down."""
    svc = app.bot_data["services"]
    found = []
    gone = svc.storage.db.file_problem()
    if gone is not None:
        found.append(gone)
    else:
        row = await svc.storage.db.fetchone("SELECT 1")
        if row is None:
            found.append("database unreachable")
    if not app.running:
        found.append("not running")
    if svc.reminders is not None:
        found.extend(svc.reminders.problems())
    return found


async def start_metrics_server(app: Application) -> None:
    """Start the health and metrics server when the operator enabled it."""
    svc = app.bot_data["services"]
    cfg = svc.settings.metrics
    if not cfg.enabled:
        return
    m = metrics.install(svc)

    async def healthy() -> bool:
        return not await problems(app)

    await m.start(cfg.host, cfg.port, healthy)


async def stop_metrics_server(app: Application) -> None:
    m = metrics.of(app.bot_data["services"])
    if m is not None:
        await m.stop()
