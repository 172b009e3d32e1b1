"""What one person receives when reminders go out: each due kind rendered once, in message
order, then one message of their texts with their buttons above the snooze and "less often" row.

Its own module because it is the engine's only contact with what reminders say: it looks the
renderers up (reminders/kinds.py) and builds the keyboard, while engine.py decides, leases and
sends without knowing what the message holds.
"""

from __future__ import annotations

import logging
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from coachbot.domain import planner, reminder_kinds
from coachbot.domain.profile import Profile
from coachbot.i18n import I18n
from coachbot.markup import Keyboard
from coachbot.runtime import Services
from coachbot.storage.reminders import Delivery

from .controls import control_row
from .kinds import Outgoing

log = logging.getLogger(__name__)
MAX_TEXT = 4096


async def render_all(svc: Services, profile: Profile, fresh: list[Delivery],
                     now: datetime) -> list[tuple[Delivery, Outgoing]]:
    """Each kind rendered once, in message order; a kind with nothing to say is skipped."""
    parts: list[tuple[Delivery, Outgoing]] = []
    skipped: list[Delivery] = []
    seen: set[str] = set()
    for kind in planner.collapse([d.kind for d in fresh]):
        for d in (x for x in fresh if x.kind == kind):
            if kind in seen:
                skipped.append(d)  # the same kind twice (e.g. a snooze met its next time)
                continue
            seen.add(kind)
            out = await render(svc, profile, kind, now)
            if out is None:
                skipped.append(d)
            else:
                parts.append((d, out))
    await svc.storage.reminders.mark([d.id for d in skipped], "skipped")
    return parts


async def render(svc: Services, profile: Profile, kind: str, now: datetime) -> Outgoing | None:
    renderer = svc.reminder_renderers.get(kind)
    if renderer is not None:
        try:
            return await renderer(svc, profile, now)
        except Exception:
            log.exception("renderer for %s failed; using the built-in text", kind)
    entry = reminder_kinds.find(kind)
    key = entry.fallback_key if entry is not None else "reminders-generic-fallback"
    return Outgoing(svc.i18n.t(profile.language, key))


def compose(i18n: I18n, language: str, parts: list[tuple[Delivery, Outgoing]]) -> tuple[str, InlineKeyboardMarkup]:
    """One message: the texts one after another, their buttons, then snooze and "less often"."""
    texts: list[str] = []
    markups: list[InlineKeyboardMarkup] = []
    for _, out in parts:
        if len("\n\n".join([*texts, out.text])) > MAX_TEXT - 200:
            break
        texts.append(out.text)
        if out.markup is not None:
            markups.append(out.markup)
    kinds = [d.kind for d, _ in parts]
    controls = control_row(i18n, language, kinds)
    text = "\n\n".join(texts)
    keyboards = [m for m in markups if isinstance(m, Keyboard)]
    if len(keyboards) == len(markups):  # every renderer's (they use handlers' keyboard())
        return text, Keyboard([*(row for k in keyboards for row in k.rows), controls])
    rows = [list(r) for m in markups for r in m.inline_keyboard]
    rows.append([InlineKeyboardButton(label, callback_data=data) for label, data in controls])
    return text, InlineKeyboardMarkup(rows)
