"""Long-lived services shared by handlers: built and wired in `app.py`, opened in post_init."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .config import Settings
from .domain.profile import Profile
from .i18n import I18n
from .render import Renderer
from .storage import Storage

if TYPE_CHECKING:  # the features' own types; app.py fills these fields
    from .handlers.breathe import Breathing
    from .handlers.common import TextInput
    from .handlers.safety import SafetyServices
    from .handlers.settings_view import SettingItem
    from .metrics import Metrics
    from .reminders.engine import ReminderEngine
    from .reminders.kinds import KindRenderer

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
    # What the features contribute, filled by app.py:
    reminders: ReminderEngine | None = None                # the tick and the paced sender
    reminder_renderers: dict[str, KindRenderer] = field(default_factory=dict)  # kind -> what it says
    text_inputs: dict[str, TextInput] = field(default_factory=dict)   # people.awaiting -> who reads it
    setting_items: list[SettingItem] = field(default_factory=list)    # /settings rows after the core ones
    safety: SafetyServices | None = None                   # rules for typed text, texts kept for "misread"
    breathing: Breathing | None = None                     # pace, sleep and running rounds of /breathe
    metrics: Metrics | None = None                         # counters for /metrics, when enabled
    import_slot: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(1))  # one /import at a time
    fatal: str | None = None                               # why the bot stopped itself (watchdog)

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
