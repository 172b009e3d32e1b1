"""Safety first: every typed text is read for emergency and warning signs before any other handler,
and /sos and every 🚨 button work for anyone, with or without an account.

Runs in its own handler group, after the allow-list gate and before every feature. When the
text is an emergency, a warning sign or worry, this module answers and stops the update;
otherwise the text goes on to the question the person is answering, exactly as before.

"You misread me" / "Not what I meant" let the text go on after all: the text waits in memory
(never in the database) for a short while, so the tap can hand it to the field it was typed
for. After a restart the tap just apologises.
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
    language_for,
    load_person,
    local_number,
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


@dataclass
class Pending:
    """The last flagged text per person, so a "you misread me" tap can pass it on."""

    texts: OrderedDict[int, tuple[int, str, datetime]] = field(default_factory=OrderedDict)
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def keep(self, user_id: int, text: str, now: datetime) -> int:
        token = next(self.counter)
        self.texts.pop(user_id, None)
        self.texts[user_id] = (token, text, now)
        while len(self.texts) > PENDING_MAX:
            self.texts.popitem(last=False)
        return token

    def take(self, user_id: int, token: int | None, now: datetime) -> str | None:
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
    """Read every typed text for safety first; answer and stop it when it needs an answer."""
    message, user = update.effective_message, update.effective_user
    if message is None or message.text is None or user is None:
        return
    profile = await load_person(update, context)
    lang = language_for(update, profile)
    st = state(context)
    found = safety.read_any(st.rules, message.text, lang)
    if found.kind == safety.NONE:
        return
    svc = services(context)
    zone = profile.timezone if profile is not None else None
    log.debug("safety reading: %s", found.kind)   # the kind only, never the text; not at INFO
    if found.kind == safety.WORRY:
        await send(update, context, *coaching.worry_reply(svc.i18n, lang))
        raise ApplicationHandlerStop
    token = st.pending.keep(user.id, message.text, svc.now())
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
    profile = await load_person(update, context)
    svc = services(context)
    await send(update, context, *emergency_view(svc.i18n, language_for(update, profile),
                                                profile.timezone if profile else None))
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
            text = state(context).pending.take(user.id, token, now)
            await drop_buttons(update)
            await press.send(press.t("safety-misread-ack" if isinstance(press.button, Misread)
                                     else "safety-not-meant-ack"))
            if text is not None and profile is not None and profile.awaiting:
                await router.dispatch(update, context, profile, text)   # the text goes where it was typed for
        case _:
            await press.stale()


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
