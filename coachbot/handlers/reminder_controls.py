"""The buttons under every reminder: snooze, and the gentler schedules "less often" offers.

The buttons themselves, and the row the engine adds, are in `reminders/controls.py`.
"""

from __future__ import annotations

from datetime import datetime

from coachbot.domain import planner, reminder_kinds
from coachbot.domain.profile import Profile
from coachbot.reminders.controls import (
    EveryDays,
    EveryMinutes,
    LessOften,
    Snooze,
    TurnOff,
    decode_kinds,
    schedule_button,
)
from coachbot.reminders.engine import engine_of

from .common import keyboard
from .press import Press, on_press


def _local_hhmm(profile: Profile, when: datetime) -> str:
    return when.astimezone(profile.zone).strftime("%H:%M")


@on_press()
async def on_button(press: Press) -> None:
    """Snooze, or choose a gentler schedule; every choice is an absolute value (idempotent)."""
    svc, profile = press.svc, press.person
    now = svc.now()
    kinds = decode_kinds(press.button.kinds)  # type: ignore[attr-defined]
    if not kinds:
        await press.stale()
        return
    kind = reminder_kinds.get(kinds[0])
    match press.button:
        case Snooze():
            until = planner.snooze_until(profile, now)
            await svc.storage.reminders.snooze(profile.person_id, kinds, until)
            said = press.t("reminders-snoozed", time=_local_hhmm(profile, until))
            await press.answer(said)
            await press.edit(said)  # the reminder steps aside until it comes back
        case LessOften(kinds=codes):
            await press.answer()
            rows = [[(press.t(o.label_key, hours=o.value // 60, days=o.value), schedule_button(o, codes).pack())]
                    for o in kind.less_options]
            await press.send(press.t(kind.less_prompt_key), keyboard(rows))
        case EveryMinutes(value=minutes) if not kind.daily:
            await svc.save_settings(profile, hydration_every_minutes=minutes, hydration_on=True)
            await press.edit(press.t("reminders-now-every-hours", hours=minutes // 60))
        case EveryDays(value=days) if kind.daily and days <= kind.max_every_days:
            await svc.storage.reminders.set_every_days(profile.person_id, kind.name, days)
            await engine_of(svc).replan(profile, now)
            await press.edit(press.t("reminders-now-every-days", days=days))
        case TurnOff() if kind.off_switch is not None:
            await svc.save_settings(profile, **{kind.off_switch: False})
            await press.edit(press.t(kind.off_done_key))
        case _:
            await press.stale()
