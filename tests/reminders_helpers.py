"""Helpers for reminders tests: seed onboarded people straight into storage, find reminder messages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from support.harness import Harness

from coachbot.domain.profile import Profile
from coachbot.reminders.engine import ReminderEngine, engine_of
from coachbot.sandbox import SandboxUser


async def seed(h: Harness, uid: int, *, now: datetime | None = None, **settings: Any) -> tuple[SandboxUser, Profile]:
    """An onboarded person (no chat round-trips) with their reminders planned from `now`."""
    user = h.user(uid)
    now = now or h.clock.now
    await h.storage.people.create(uid, uid, "en", h.services.settings.defaults, now, first_step="lang")
    await h.storage.people.set_state(uid, now, onboarding_step=None)
    values = {"timezone": "Europe/Madrid", **settings}
    await h.storage.people.update_settings(uid, **values)
    profile = await h.storage.people.get(uid)
    assert profile is not None
    await engine(h).replan(profile, now)
    return user, profile


def engine(h: Harness) -> ReminderEngine:
    return engine_of(h.services)


def reminders_of(user: SandboxUser) -> list[Any]:
    """Messages that carry the snooze control: every proactive reminder does."""
    return [m for m in user.messages if any("1|rem|snz|" in (d or "") for row in m.buttons for _, d in row)]


def sends(h: Harness) -> int:
    return sum(1 for c in h.sandbox.calls if c.method == "sendMessage" and c.status == 200)
