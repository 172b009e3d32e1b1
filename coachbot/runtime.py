"""Long-lived services shared by handlers, created in post_init and closed in post_shutdown."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .config import Settings
from .domain.profile import Profile
from .i18n import I18n
from .render import Renderer
from .storage import Storage

Clock = Callable[[], datetime]
Hook = Callable[[Profile, datetime], Awaitable[None]]


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class Hooks:
    """Events other features react to (e.g. the reminders engine re-plans on settings changes)."""

    settings_changed: list[Hook] = field(default_factory=list)
    person_activated: list[Hook] = field(default_factory=list)
    onboarded: list[Hook] = field(default_factory=list)

    async def emit(self, name: str, profile: Profile, now: datetime) -> None:
        for hook in getattr(self, name):
            await hook(profile, now)


@dataclass
class Services:
    settings: Settings
    storage: Storage
    i18n: I18n
    clock: Clock = system_clock
    hooks: Hooks = field(default_factory=Hooks)
    renderer: Renderer = field(default_factory=Renderer)  # charts and PDFs, in a child process
    extras: dict[str, Any] = field(default_factory=dict)  # feature-owned services by name

    def now(self) -> datetime:
        return self.clock()

    async def save_settings(self, profile: Profile, **values: object) -> Profile:
        """Change a person's settings, read them back, and let every feature (the reminders
        engine included) react; the updated profile."""
        await self.storage.people.update_settings(profile.person_id, **values)
        updated = await self.storage.people.get(profile.person_id)
        if updated is None:  # deleted meanwhile: nothing left to react to
            return profile
        await self.hooks.emit("settings_changed", updated, self.now())
        return updated
