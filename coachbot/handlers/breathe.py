"""/breathe: guide one breathing round live by editing a single message phase by phase.

The round runs as an asyncio task per person so the person's other updates
(the Stop button above all) are handled meanwhile. Edits are spaced by the
phase length and never closer than MIN_EDIT_GAP_S, below Telegram's per-chat limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from coachbot.domain.exercises import PATTERNS, BreathingPattern, round_steps
from coachbot.i18n import I18n
from coachbot.runtime import Services

from .buttons import Breathe, Exercises, StopBreathing
from .common import Context, keyboard, require_person, send, services
from .press import Press, on_press

log = logging.getLogger(__name__)
MIN_EDIT_GAP_S = 1.0        # Telegram sustains about one message per second per chat; edits count
Sleep = Callable[[float], Awaitable[None]]


@dataclass
class Session:
    message_id: int
    task: asyncio.Task[None]


def start_data(pattern_id: str) -> str:
    return Breathe(pattern_id).pack()


@dataclass
class Breathing:
    """The feature's state in Services.breathing: rounds running now, and how time passes."""

    pace: float = 1.0            # wall seconds per counted second
    sleep: Sleep = asyncio.sleep  # tests inject a recorder
    sessions: dict[int, Session] = field(default_factory=dict)   # person id -> the round running


def _sessions(svc: Services) -> dict[int, Session]:
    assert svc.breathing is not None, "app.py sets Services.breathing"
    return svc.breathing.sessions


def edit_gap(seconds: int, pace: float) -> float:
    """Wall-clock wait after a phase: its length at this pace, never under the edit limit."""
    return max(seconds * pace, MIN_EDIT_GAP_S) if pace > 0 else 0.0


def _retry_seconds(exc: RetryAfter) -> float:
    value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def pattern_buttons(i18n: I18n, lang: str) -> list[list[tuple[str, str]]]:
    return [[(i18n.t(lang, f"coaching-pattern-{pid}"), start_data(pid))] for pid in PATTERNS]


async def _edit(bot: Bot, chat_id: int, message_id: int, text: str,
                markup: InlineKeyboardMarkup | None, sleep: Sleep) -> bool:
    """Edit the guide message; False when the round cannot go on (message gone, bot blocked)."""
    try:
        await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id,
                                    parse_mode=ParseMode.HTML, reply_markup=markup)
    except RetryAfter as exc:   # skip this phase rather than fall behind the person's breathing
        await sleep(_retry_seconds(exc))
    except BadRequest as exc:
        return "not modified" in str(exc).lower()
    except Forbidden:
        return False
    except NetworkError:
        log.info("breathing guide: network error, continuing")
    return True


async def run_round(bot: Bot, i18n: I18n, lang: str, chat_id: int, message_id: int,
                    pattern: BreathingPattern, pace: float, sleep: Sleep) -> None:
    """Show every phase of one round in turn, then the closing message."""
    name = i18n.t(lang, f"coaching-pattern-{pattern.id}")
    stop = keyboard([[(i18n.t(lang, "coaching-breathe-stop"), StopBreathing().pack())]])
    for step in round_steps(pattern):
        text = "\n\n".join([
            i18n.t(lang, "coaching-breathe-step", name=name, cycle=step.cycle, cycles=pattern.cycles),
            i18n.t(lang, f"coaching-phase-{step.phase.action}", seconds=step.phase.seconds),
            i18n.t(lang, "coaching-breathe-dizzy"),
        ])
        if not await _edit(bot, chat_id, message_id, text, stop, sleep):
            return
        await sleep(edit_gap(step.phase.seconds, pace))
    done = i18n.t(lang, "coaching-breathe-done", name=name) + "\n\n" + i18n.t(lang, "coaching-disclaimer")
    again = keyboard([[(i18n.t(lang, "coaching-breathe-again"), start_data(pattern.id)),
                       (i18n.t(lang, "coaching-ex-all"), Exercises().pack())]])
    await _edit(bot, chat_id, message_id, done, again, sleep)


async def _guarded(coro: Coroutine[Any, Any, None]) -> None:
    """Log a failed round instead of leaving an unretrieved task exception."""
    try:
        await coro
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("breathing guide failed")


async def _stop_session(svc: Services, person_id: int) -> None:
    session = _sessions(svc).pop(person_id, None)
    if session is not None and not session.task.done():
        session.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await session.task


async def breathe_command(update: Update, context: Context) -> None:
    """Explain how the guided round works and let the person pick a pattern."""
    profile = await require_person(update, context)
    if profile is None:
        return
    i18n = services(context).i18n
    await send(update, context, i18n.t(profile.language, "coaching-breathe-intro"),
               keyboard(pattern_buttons(i18n, profile.language)))


@on_press()
async def on_button(press: Press) -> None:
    """Start a round in the pressed message, or stop the running one."""
    query, svc, profile = press.update.callback_query, press.svc, press.person
    if query is None or query.message is None:
        return
    await press.answer()
    match press.button:
        case Breathe(pattern=pattern_id):
            pressed, chat_id = query.message.message_id, query.message.chat.id
            running = _sessions(svc).get(profile.person_id)
            if running and running.message_id == pressed and not running.task.done():
                return  # a double tap: this message is already guiding a round
            await _stop_session(svc, profile.person_id)
            assert svc.breathing is not None
            guide = pressed
            if not query.message.is_accessible:   # days up the chat: the round goes where the person looks
                guide = (await press.context.bot.send_message(chat_id, press.t(f"coaching-pattern-{pattern_id}"))
                         ).message_id
            coro = run_round(press.context.bot, svc.i18n, press.lang, chat_id, guide, PATTERNS[pattern_id],
                             svc.breathing.pace, svc.breathing.sleep)
            task = asyncio.create_task(_guarded(coro))
            session = Session(pressed, task)
            _sessions(svc)[profile.person_id] = session
            person_id = profile.person_id
            task.add_done_callback(lambda _t: _forget(svc, person_id, session))
        case StopBreathing():
            await _stop_session(svc, profile.person_id)
            await press.edit(press.t("coaching-breathe-stopped"), keyboard(pattern_buttons(svc.i18n, press.lang)))


def _forget(svc: Services, person_id: int, session: Session) -> None:
    if _sessions(svc).get(person_id) is session:
        del _sessions(svc)[person_id]


async def stop_rounds(svc: Services) -> None:
    """Cancel rounds still running so the application stops promptly."""
    for person_id in list(_sessions(svc)):
        await _stop_session(svc, person_id)
