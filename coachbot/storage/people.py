"""People and their settings."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from coachbot.domain.caffeine import limit_for
from coachbot.domain.hydration import MAX_GOAL_ML
from coachbot.domain.profile import EDITABLE_SETTINGS, Profile

from .db import Database
from .timefmt import from_iso, to_iso

if TYPE_CHECKING:  # a type only: storage never imports the configuration
    from coachbot.config import Defaults

_PROFILE_SQL = """
SELECT p.id, p.chat_id, p.active, p.onboarding_step, p.awaiting, s.*
FROM people p JOIN settings s ON s.person_id = p.id
WHERE p.id = ?
"""


def _maybe_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _profile(row: Any) -> Profile:
    return Profile(
        person_id=row["id"], chat_id=row["chat_id"], active=bool(row["active"]),
        onboarding_step=row["onboarding_step"], awaiting=row["awaiting"],
        language=row["language"], timezone=row["timezone"], wake_time=row["wake_time"],
        sleep_time=row["sleep_time"], checkin_time=row["checkin_time"],
        water_goal_ml=min(row["water_goal_ml"], MAX_GOAL_ML),
        caffeine_limit_mg=limit_for(row["caffeine_limit_mg"], _maybe_bool(row["pregnant"])),
        pregnant=_maybe_bool(row["pregnant"]),
        caffeine_cutoff_minutes=row["caffeine_cutoff_minutes"],
        hydration_every_minutes=row["hydration_every_minutes"],
        hydration_on=bool(row["hydration_on"]), caffeine_reminder_on=bool(row["caffeine_reminder_on"]),
        daily_tip_on=bool(row["daily_tip_on"]), weekly_summary_on=bool(row["weekly_summary_on"]),
        paused_until_utc=from_iso(row["paused_until_utc"]),
    )


class People:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, person_id: int) -> Profile | None:
        row = await self.db.fetchone(_PROFILE_SQL, (person_id,))
        return _profile(row) if row else None

    async def create(self, person_id: int, chat_id: int, language: str, defaults: Defaults,
                     now: datetime, first_step: str) -> Profile:
        """Insert a new person with default settings; an existing person is left untouched."""
        async with self.db.transaction() as tx:
            created = await tx.execute(
                "INSERT INTO people (id, chat_id, onboarding_step, created_utc, updated_utc)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (person_id, chat_id, first_step, to_iso(now), to_iso(now)),
            )
            if created:
                await tx.execute(
                    "INSERT INTO settings (person_id, language, timezone, wake_time, sleep_time,"
                    " checkin_time, water_goal_ml, caffeine_limit_mg, hydration_every_minutes)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (person_id, language, defaults.timezone, defaults.wake_time, defaults.sleep_time,
                     defaults.checkin_time, defaults.water_goal_ml, defaults.caffeine_limit_mg,
                     defaults.hydration_every_minutes),
                )
        profile = await self.get(person_id)
        assert profile is not None
        return profile

    async def set_state(self, person_id: int, now: datetime, **state: Any) -> None:
        """Update onboarding_step / awaiting / active / chat_id."""
        allowed = {"onboarding_step", "awaiting", "active", "chat_id"}
        unknown = set(state) - allowed
        if unknown:
            raise ValueError(f"not a person state column: {sorted(unknown)}")
        cols = sorted(state)
        # Column names come from the fixed allow-list above, values are parameters.
        assignments = ", ".join(f"{c} = ?" for c in cols)
        await self.db.execute(
            f"UPDATE people SET {assignments}, updated_utc = ? WHERE id = ?",  # noqa: S608
            (*[state[c] for c in cols], to_iso(now), person_id),
        )

    async def update_settings(self, person_id: int, **values: Any) -> None:
        """Change settings columns named in EDITABLE_SETTINGS."""
        unknown = set(values) - set(EDITABLE_SETTINGS)
        if unknown:
            raise ValueError(f"not an editable setting: {sorted(unknown)}")
        cols = sorted(values)
        params = [to_iso(v) if isinstance(v, datetime) else (int(v) if isinstance(v, bool) else v)
                  for v in (values[c] for c in cols)]
        assignments = ", ".join(f"{c} = ?" for c in cols)
        await self.db.execute(
            f"UPDATE settings SET {assignments} WHERE person_id = ?",  # noqa: S608
            (*params, person_id),
        )

    async def joined(self, person_id: int) -> datetime | None:
        """When the person first used the bot (UTC)."""
        row = await self.db.fetchone("SELECT created_utc FROM people WHERE id = ?", (person_id,))
        return from_iso(row["created_utc"]) if row else None

    async def set_active(self, person_id: int, active: bool, now: datetime) -> None:
        await self.set_state(person_id, now, active=int(active))

    async def raw_language(self, person_id: int) -> tuple[bool, str | None]:
        """(known?, stored language) read without building a Profile, so it works whatever
        state the person's other values are in (/delete must always work)."""
        row = await self.db.fetchone(
            "SELECT p.id, s.language FROM people p LEFT JOIN settings s ON s.person_id = p.id WHERE p.id = ?",
            (person_id,))
        if row is None:
            return False, None
        language = row["language"]
        return True, language if isinstance(language, str) else None

    async def delete(self, person_id: int) -> None:
        """Remove the person; ON DELETE CASCADE removes every row that references them."""
        await self.db.execute("DELETE FROM people WHERE id = ?", (person_id,))

    async def count(self) -> dict[str, int]:
        row = await self.db.fetchone(
            "SELECT COUNT(*) AS total, COALESCE(SUM(active), 0) AS active,"
            " COALESCE(SUM(CASE WHEN onboarding_step IS NULL THEN 1 ELSE 0 END), 0) AS onboarded FROM people")
        return {"total": row["total"], "active": row["active"], "onboarded": row["onboarded"]} if row else {}
