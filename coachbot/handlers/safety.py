"""Safety first: every typed text is read for emergency and warning signs before any other handler,
and /sos and every 🚨 button work for anyone, with or without an account.

Runs in its own handler group, after the allow-list gate and before every feature. Typed text,
the words after a command ("/water I can't breathe") and the caption of a photo or a file are
all read. When the words are an emergency, a warning sign or worry, this module answers and
stops the update; otherwise the message goes on to the feature it was meant for, exactly as before.

"You misread me" / "Not what I meant" let the words go on after all: they wait in memory
(never in the database) for a short while, so the tap can hand a typed text to the field it was
typed for, or run the command it was typed after. After a restart the tap just apologises.
"""

from __future__ import annotations

import itertools
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import (
    ApplicationHandlerStop,
)

from coachbot.domain import doctor_rules as dr
from coachbot.domain import nudges, safety
from coachbot.domain.checkins import ordered
from coachbot.domain.emergency import numbers_for_zone
from coachbot.domain.profile import Profile
from coachbot.i18n import I18n
from coachbot.runtime import Services

from . import coaching, router
from . import signs as warning_signs
from .buttons import CheckinSos, Emergency, Misread, NotMeant, SaveSign
from .common import (
    Context,
    keyboard,
    local_number,
    person_and_language,
    send,
    services,
)
from .press import Press, on_press

log = logging.getLogger(__name__)
GROUP = -1                      # after the allow-list gate (admin, -2), before every feature (0)
PENDING_FOR = timedelta(hours=1)   # "you misread me" still lets the text go on this long
PENDING_MAX = 10_000            # people whose last flagged text is kept at once
# Old 🚨 buttons on check-in screens and summaries carry "1|ci|sos|<day>".
OLD_SOS = r"^1\|ci\|sos(\||$)"


@dataclass(frozen=True)
class Words:
    """What a person wrote in one message, and where it would go if it needs no safety answer."""

    text: str
    command: str | None = None   # typed after this /command (without "/"); run it after "you misread me"
    caption: bool = False        # a photo's or a file's caption: nothing to carry on with


@dataclass
class Pending:
    """The last flagged words per person, so a "you misread me" tap can pass them on."""

    texts: OrderedDict[int, tuple[int, Words, datetime]] = field(default_factory=OrderedDict)
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def keep(self, user_id: int, words: Words, now: datetime) -> int:
        token = next(self.counter)
        self.texts.pop(user_id, None)
        self.texts[user_id] = (token, words, now)
        while len(self.texts) > PENDING_MAX:
            self.texts.popitem(last=False)
        return token

    def take(self, user_id: int, token: int | None, now: datetime) -> Words | None:
        kept = self.texts.get(user_id)
        if kept is None or kept[0] != token or now - kept[2] > PENDING_FOR:
            return None
        del self.texts[user_id]
        return kept[1]


@dataclass
class SafetyServices:
    rules: dict[str, safety.RuleSet]
    pending: Pending = field(default_factory=Pending)


def state(context: Context) -> SafetyServices:
    found = services(context).safety
    assert found is not None, "app.py sets Services.safety"
    return found


# ------------------------------------------------------------------ views
def emergency_view(i18n: I18n, lang: str, zone: str | None, *, crisis: bool = False,
                   misread_token: int | None = None) -> tuple[str, InlineKeyboardMarkup | None]:
    """Call now (or, for thoughts of self-harm, the crisis reply), with an optional way out."""
    number = local_number(i18n, lang, zone)
    if crisis:
        line = i18n.t(lang, "safety-crisis-line", crisis=numbers_for_zone(zone).crisis or "unknown")
        text = i18n.t(lang, "safety-crisis", number=number, line=line)
    else:
        text = i18n.t(lang, "safety-emergency", number=number)
    if misread_token is None:
        return text, None
    return text, keyboard([[(i18n.t(lang, "safety-misread"), Misread(misread_token).pack())]])


def warning_view(i18n: I18n, lang: str, zone: str | None, signs: tuple[str, ...], token: int,
                 *, can_save: bool) -> tuple[str, InlineKeyboardMarkup]:
    """See a doctor soon, the signs in plain words, and one tap to save them for today."""
    listed = "\n".join(i18n.t(lang, f"safety-sign-{s}") for s in signs)
    text = i18n.t(lang, "safety-warning", signs=listed, number=local_number(i18n, lang, zone))
    row = [(i18n.t(lang, "safety-not-meant"), NotMeant(token).pack())]
    if can_save:
        row.insert(0, (i18n.t(lang, "safety-save-sign"), SaveSign(".".join(savable(signs))).pack()))
    return text, keyboard([row])


def savable(signs: tuple[str, ...]) -> tuple[str, ...]:
    """The signs a person can report (doctor_rules.WARNING_SIGNS), in the list's order."""
    return ordered(signs, dr.WARNING_SIGNS)


# -------------------------------------------------------------- free text
async def on_text(update: Update, context: Context) -> None:
    """A typed message (not a command)."""
    message = update.effective_message
    if message is not None and message.text is not None:
        await read_first(update, context, Words(message.text))


async def on_command_text(update: Update, context: Context) -> None:
    """The words after a command: "/water I can't breathe", "/checkin my face is drooping"."""
    message = update.effective_message
    parts = message.text.split(maxsplit=1) if message is not None and message.text else []
    if len(parts) == 2:
        command = parts[0][1:].split("@", 1)[0].lower()
        await read_first(update, context, Words(parts[1], command=command))


async def on_caption(update: Update, context: Context) -> None:
    """The caption of a photo, a file, a video..."""
    message = update.effective_message
    if message is not None and message.caption:
        await read_first(update, context, Words(message.caption, caption=True))


async def read_first(update: Update, context: Context, words: Words) -> None:
    """Read words for safety first; answer and stop the update when they need an answer."""
    user = update.effective_user
    if user is None:
        return
    profile, lang = await person_and_language(update, context)
    st = state(context)
    found = safety.read_any(st.rules, words.text, lang)
    if found.kind == safety.NONE:
        return
    svc = services(context)
    zone = profile.timezone if profile is not None else None
    log.debug("safety reading: %s", found.kind)   # the kind only, never the text; not at INFO
    if found.kind == safety.WORRY:
        await send(update, context, *coaching.worry_reply(svc.i18n, lang))
        raise ApplicationHandlerStop
    token = st.pending.keep(user.id, words, svc.now())
    if found.kind == safety.EMERGENCY:
        await send(update, context, *emergency_view(svc.i18n, lang, zone, crisis=found.reply == safety.CRISIS,
                                                    misread_token=token))
    else:
        can_save = profile is not None and profile.onboarded and bool(savable(found.signs))
        await send(update, context, *warning_view(svc.i18n, lang, zone, found.signs, token, can_save=can_save))
    raise ApplicationHandlerStop


# ------------------------------------------------------- /sos and buttons
async def sos_command(update: Update, context: Context) -> None:
    """What to do now, for anyone: no account needed."""
    profile, lang = await person_and_language(update, context)
    svc = services(context)
    await send(update, context, *emergency_view(svc.i18n, lang, profile.timezone if profile else None))
    raise ApplicationHandlerStop   # the router's "unknown command" must not answer too


async def on_button(update: Update, context: Context) -> None:
    """Every safety button, for anyone; nothing after the safety group sees the tap."""
    await on_safety_button(update, context)
    raise ApplicationHandlerStop


@on_press(who="anyone")
async def on_safety_button(press: Press) -> None:
    """🚨 (new or old), "you misread me", "save as today's sign", "not what I meant"."""
    update, context, profile, svc = press.update, press.context, press.profile, press.svc
    user = update.effective_user
    now = svc.now()
    match press.button:
        case Emergency() | CheckinSos():
            await press.answer()
            await record_emergency(svc, profile, now)
            await press.send(*emergency_view(svc.i18n, press.lang, profile.timezone if profile else None))
        case SaveSign(signs=codes) if profile is not None and profile.onboarded and \
                (signs := savable(tuple(codes.split(".")))):
            await press.answer()
            # The advice follows as the level-2 nudge (with "I've booked"), so the message becomes the receipt.
            await press.edit(press.t("safety-sign-saved"))
            await warning_signs.report(update, context, profile, signs, dr.SOURCE_TEXT)
        case Misread(token=token) | NotMeant(token=token) if user is not None:
            await press.answer()
            words = state(context).pending.take(user.id, token, now)
            await drop_buttons(update)
            await press.send(press.t("safety-misread-ack" if isinstance(press.button, Misread)
                                     else "safety-not-meant-ack"))
            if words is not None:
                await carry_on(update, context, profile, words)
        case _:
            await press.stale()


async def carry_on(update: Update, context: Context, profile: Profile | None, words: Words) -> None:
    """After "you misread me": the words go where they were meant for (a field, a command)."""
    if words.command is not None:
        await router.run_command(update, context, words.command, words.text.split())
    elif not words.caption and profile is not None and profile.awaiting:
        await router.dispatch(update, context, profile, words.text)


async def drop_buttons(update: Update) -> None:
    """Take the buttons off the message that was answered; an already bare message is fine."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest:
        log.debug("buttons already gone")


async def record_emergency(svc: Services, profile: Profile | None, now: datetime) -> None:
    """An onboarded person's 🚨 tap is kept on today's record, as the check-in screen always did."""
    if profile is None or not profile.onboarded:
        return
    await svc.storage.checkins.save_screen(profile.person_id, profile.local_day(now), now, emergency=True)
    await svc.storage.checkins.add_nudge(profile.person_id, nudges.emergency(), now)
