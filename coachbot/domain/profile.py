"""A person's profile and preferences as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from .waking import waking_day

# The profile questions of onboarding, in order (people.onboarding_step holds one until done).
ONBOARDING_STEPS = ("lang", "tz", "wake", "sleep", "ci")


@dataclass(frozen=True)
class Profile:
    person_id: int
    chat_id: int
    active: bool
    onboarding_step: str | None
    awaiting: str | None
    language: str
    timezone: str
    wake_time: str
    sleep_time: str
    checkin_time: str
    water_goal_ml: int
    caffeine_limit_mg: int
    caffeine_cutoff_minutes: int = 360
    hydration_every_minutes: int = 120
    hydration_on: bool = True
    caffeine_reminder_on: bool = True
    daily_tip_on: bool = False
    weekly_summary_on: bool = False
    paused_until_utc: datetime | None = None
    pregnant: bool | None = None       # pregnant or breastfeeding; None = not answered

    @property
    def onboarded(self) -> bool:
        return self.onboarding_step is None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local_now(self, now: datetime) -> datetime:
        return now.astimezone(self.zone)

    def local_day(self, now: datetime) -> date:
        """Today as the person lives it: until the middle of their night it is still the day before."""
        return waking_day(self.local_now(now), self.wake_time, self.sleep_time)


# The columns of `settings` a person may change, with their Python type.
EDITABLE_SETTINGS: dict[str, type] = {
    "language": str,
    "timezone": str,
    "wake_time": str,
    "sleep_time": str,
    "checkin_time": str,
    "water_goal_ml": int,
    "caffeine_limit_mg": int,
    "caffeine_cutoff_minutes": int,
    "hydration_every_minutes": int,
    "hydration_on": bool,
    "caffeine_reminder_on": bool,
    "daily_tip_on": bool,
    "weekly_summary_on": bool,
    "paused_until_utc": datetime,
    "pregnant": bool,
}
