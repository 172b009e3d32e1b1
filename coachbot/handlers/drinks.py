"""/water, /coffee (/caffeine) and /today: log water and caffeine, see the day, take an entry back.

Also what the hydration and caffeine reminders say (their renderers, listed in app.py).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from telegram import Update

from coachbot.domain import caffeine, hydration, planner
from coachbot.domain.profile import Profile
from coachbot.reminders.kinds import Outgoing
from coachbot.runtime import Services

from .buttons import AddDrink, AddWater, AskAmount, AskCaffeine, AskWater, MeantLitres, UndoIntake
from .common import (
    Context,
    TextInput,
    edit,
    keyboard,
    require_person,
    send,
    services,
    tr,
    typed_answer,
)
from .pause import local_moment
from .press import Press, on_press

T = TypeVar("T")


def _ref() -> str:
    """A short token that makes one button press log once, however often it is tapped."""
    return secrets.token_hex(3)


def _t(svc: Services, lang: str, key: str, **args: object) -> str:
    return svc.i18n.t(lang, key, **args)


# ---- cards ----------------------------------------------------------------------------
def water_buttons(svc: Services, lang: str) -> list[list[tuple[str, str]]]:
    ref = _ref()
    return [[(_t(svc, lang, "unit-plus-ml", value=ml), AddWater(ml, ref).pack()) for ml in hydration.QUICK_ML]
            + [(_t(svc, lang, "intake-custom"), AskWater().pack())]]


def caffeine_buttons(svc: Services, lang: str) -> list[list[tuple[str, str]]]:
    ref = _ref()
    buttons = [(_t(svc, lang, f"intake-drink-{d.key}", mg=d.mg), AddDrink(d.key, ref).pack())
               for d in caffeine.DRINKS]
    buttons.append((_t(svc, lang, "intake-custom-mg"), AskCaffeine().pack()))
    return [buttons[i:i + 2] for i in range(0, len(buttons), 2)]


async def water_text(svc: Services, profile: Profile, now: datetime) -> str:
    total = (await svc.storage.intake.totals(profile.person_id, profile.local_day(now)))["water"]
    goal = profile.water_goal_ml
    key = "intake-water-done" if total >= goal else "intake-water-progress"
    return _t(svc, profile.language, key, total=total, goal=goal, bar=hydration.progress_bar(total, goal),
              percent=hydration.percent(total, goal), left=max(0, goal - total))


async def bedtime_caffeine(svc: Services, profile: Profile, now: datetime) -> tuple[int, str]:
    """(mg likely still in the body at the next bedtime, bedtime as HH:MM)."""
    today = profile.local_day(now)
    doses = await svc.storage.intake.caffeine_doses(profile.person_id, [today - timedelta(days=1), today])
    bedtime = planner.next_daily(profile.zone, profile.sleep_time, now)
    return caffeine.remaining_mg(doses, bedtime), profile.sleep_time


async def caffeine_text(svc: Services, profile: Profile, now: datetime) -> str:
    total = (await svc.storage.intake.totals(profile.person_id, profile.local_day(now)))["caffeine"]
    lang, limit = profile.language, profile.caffeine_limit_mg
    lines = [_t(svc, lang, "intake-caffeine-progress", total=total, limit=limit)]
    if total:
        left, bedtime = await bedtime_caffeine(svc, profile, now)
        lines.append(_t(svc, lang, "intake-caffeine-bedtime", mg=left, bedtime=bedtime))
    lines.append(_t(svc, lang, "intake-caffeine-cutoff", cutoff=planner.caffeine_cutoff(profile)))
    return "\n".join(lines)


# ---- renderers the engine calls -------------------------------------------------------
async def render_hydration(svc: Services, profile: Profile, now: datetime) -> Outgoing | None:
    """A water nudge with quick-log buttons, only while the person is behind."""
    total = (await svc.storage.intake.totals(profile.person_id, profile.local_day(now)))["water"]
    local = profile.local_now(now).strftime("%H:%M")
    if not hydration.should_remind(total, profile.water_goal_ml,
                                   hydration.day_fraction(local, profile.wake_time, profile.sleep_time)):
        return None
    lang = profile.language
    text = _t(svc, lang, "reminders-hydration") + "\n" + await water_text(svc, profile, now)
    return Outgoing(text, keyboard(water_buttons(svc, lang)))


async def render_caffeine(svc: Services, profile: Profile, now: datetime) -> Outgoing | None:
    """The last call before the person's caffeine cut-off."""
    total = (await svc.storage.intake.totals(profile.person_id, profile.local_day(now)))["caffeine"]
    lang = profile.language
    text = _t(svc, lang, "reminders-caffeine-last-call", cutoff=planner.caffeine_cutoff(profile),
              total=total, limit=profile.caffeine_limit_mg)
    return Outgoing(text)


# ---- logging --------------------------------------------------------------------------
async def log_water(svc: Services, profile: Profile, ml: int, now: datetime, ref: str | None) -> int | None:
    """Store water and push the next hydration reminder a full interval out; the new entry's id."""
    added = await svc.storage.intake.add(profile.person_id, "water", ml, "water", now,
                                         profile.local_day(now), ref)
    if added and planner.enabled(profile, "hydration") and svc.reminders is not None:
        due = planner.next_fire(profile, "hydration", now)
        await svc.storage.reminders.upsert([(profile.person_id, "hydration", due,
                                             profile.hydration_every_minutes)])
    return added


async def log_caffeine(svc: Services, profile: Profile, item: str, mg: int, now: datetime,
                       ref: str | None) -> tuple[int | None, int | None]:
    """Store a drink; return (the new entry's id or None if already logged, warning threshold crossed)."""
    day = profile.local_day(now)
    before = (await svc.storage.intake.totals(profile.person_id, day))["caffeine"]
    added = await svc.storage.intake.add(profile.person_id, "caffeine", mg, item, now, day, ref)
    if not added:
        return None, None
    return added, caffeine.crossed(before, before + mg, profile.caffeine_limit_mg)


def undo_row(svc: Services, lang: str, entry_id: int | None) -> list[list[tuple[str, str]]]:
    """The "↩️ Undo" button for the entry just logged (none if nothing new was logged)."""
    return [[(_t(svc, lang, "undo-button"), UndoIntake(entry_id).pack())]] if entry_id else []


async def water_reply(update: Update, context: Context, profile: Profile, ml: int | None,
                      *, ref: str | None = None, replace: bool = False, read: tuple[str, int] | None = None,
                      flash: str | None = None) -> None:
    """Log water (if any) and show today's progress; `read` = (what was typed, glasses) when a bare
    number was read as glasses, so the reply says so and offers litres instead."""
    svc = services(context)
    now, lang = svc.now(), profile.language
    lines = [flash] if flash else []
    extra: list[list[tuple[str, str]]] = []
    if ml is not None:
        entry = await log_water(svc, profile, ml, now, ref)
        lines.append(_t(svc, lang, "intake-water-logged", ml=ml))
        if read is not None and entry:
            typed, glasses = read
            lines.append(_t(svc, lang, "intake-read-glasses", typed=typed, count=glasses, ml=hydration.GLASS_ML))
            if glasses * 1000 <= hydration.MAX_LOG_ML:
                extra.append([(_t(svc, lang, "intake-meant-litres", count=glasses),
                               MeantLitres(entry, glasses * 1000).pack())])
        extra += undo_row(svc, lang, entry)
    lines.append(await water_text(svc, profile, now))
    text, markup = "\n".join(lines), keyboard(water_buttons(svc, lang) + extra)
    await (edit(update, context, text, markup) if replace else send(update, context, text, markup))


async def caffeine_reply(update: Update, context: Context, profile: Profile, item: str | None, mg: int,
                         *, ref: str | None = None, replace: bool = False, count: tuple[str, int] | None = None,
                         flash: str | None = None) -> None:
    """Log a drink (if any) and show today's caffeine; `count` = (what was typed, drinks) when a bare
    number was read as that many of the person's usual drink, so the reply says so."""
    svc = services(context)
    now, lang = svc.now(), profile.language
    lines = [flash] if flash else []
    extra: list[list[tuple[str, str]]] = []
    if item is not None:
        added, warn = await log_caffeine(svc, profile, item, mg, now, ref)
        if added:
            name = _t(svc, lang, f"intake-drink-name-{item}")
            if count is not None:
                lines.append(_t(svc, lang, "intake-caffeine-logged-count", count=count[1], drink=name, mg=mg))
                lines.append(_t(svc, lang, "intake-read-drinks", typed=count[0], count=count[1], drink=name))
            else:
                lines.append(_t(svc, lang, "intake-caffeine-logged", drink=name, mg=mg))
            if warn:
                lines.append(_t(svc, lang, f"intake-caffeine-warn-{warn}", limit=profile.caffeine_limit_mg))
        extra = undo_row(svc, lang, added)
    lines.append(await caffeine_text(svc, profile, now))
    text, markup = "\n".join(lines), keyboard(caffeine_buttons(svc, lang) + extra)
    await (edit(update, context, text, markup) if replace else send(update, context, text, markup))


async def undo(press: Press, entry_id: int, then_ml: int | None = None) -> None:
    """Remove one logged entry (a second tap finds nothing and says so); optionally log water instead."""
    svc, profile, lang = press.svc, press.person, press.lang
    removed = await svc.storage.intake.remove(profile.person_id, entry_id)
    if removed is None:
        await press.toast("undo-nothing")
        return
    kind, amount, _item = removed
    await press.answer()
    update, context = press.update, press.context
    if then_ml is not None and kind == "water":
        await water_reply(update, context, profile, then_ml, replace=True)
        return
    flash = tr(context, lang, "intake-undone", amount=tr(context, lang, "unit-ml" if kind == "water" else "unit-mg",
                                                         value=amount))
    if kind == "water":
        await water_reply(update, context, profile, None, replace=True, flash=flash)
    else:
        await caffeine_reply(update, context, profile, None, 0, replace=True, flash=flash)


# ---- commands -------------------------------------------------------------------------
async def _amount_argument(update: Update, context: Context, parse: Callable[[str], T | None],
                           bad_key: str) -> tuple[Profile | None, T | None]:
    """The person and the amount typed after a command ("/water 300"); None amount when none was typed.

    A typed amount that can't be read gets a friendly reply and no person, so the caller stops.
    """
    profile = await require_person(update, context)
    if profile is None:
        return None, None
    arg = " ".join(context.args or [])
    amount = parse(arg) if arg else None
    if arg and amount is None:
        await send(update, context, tr(context, profile.language, bad_key))
        return None, None
    return profile, amount


async def water_command(update: Update, context: Context) -> None:
    """Show today's water with quick-log buttons; "/water 300" logs directly, "/water 2" two glasses."""
    profile, amount = await _amount_argument(update, context, hydration.read_water, "intake-water-bad-amount")
    if profile is None:
        return
    if amount is None:
        await water_reply(update, context, profile, None)
        return
    ml, how = amount
    glasses = ml // hydration.GLASS_ML if how == "glasses" else 0
    await water_reply(update, context, profile, ml, read=(" ".join(context.args or []), glasses) if glasses else None)


async def coffee_command(update: Update, context: Context) -> None:
    """Show today's caffeine with one-tap drinks; "/coffee 120" logs 120 mg, "/coffee 2" two usual drinks."""
    profile, amount = await _amount_argument(update, context, caffeine.read_caffeine, "intake-caffeine-bad-amount")
    if profile is None:
        return
    if amount is None:
        await caffeine_reply(update, context, profile, None, 0)
        return
    drinks, mg = amount
    if drinks:
        usual = caffeine.usual_drink(await services(context).storage.intake.recent_items(profile.person_id, "caffeine"))
        await caffeine_reply(update, context, profile, usual.key, usual.mg * drinks,
                             count=(" ".join(context.args or []), drinks))
    else:
        await caffeine_reply(update, context, profile, "custom", mg)


async def today_command(update: Update, context: Context) -> None:
    """Water, caffeine and what is planned, for today."""
    profile = await require_person(update, context)
    if profile is None:
        return
    svc = services(context)
    now, lang = svc.now(), profile.language
    parts = [tr(context, lang, "intake-today-title"), await water_text(svc, profile, now),
             await caffeine_text(svc, profile, now)]
    if profile.paused_until_utc and profile.paused_until_utc > now:
        parts.append(tr(context, lang, "intake-today-paused", until=local_moment(profile, profile.paused_until_utc)))
    else:
        rows = await svc.storage.reminders.for_person(profile.person_id)
        due = rows.get("checkin", (None, 1))[0]
        if due is not None:
            parts.append(tr(context, lang, "intake-today-next-checkin", when=local_moment(profile, due)))
    await send(update, context, "\n\n".join(parts))


# ---- buttons and typed amounts ----------------------------------------------------------
@on_press()
async def on_button(press: Press) -> None:
    """Quick-log taps, undo, "I meant litres" and "type an amount"."""
    update, context, profile = press.update, press.context, press.person
    svc = press.svc
    match press.button:
        case AddWater(ml=ml, ref=ref):
            await press.answer()
            await water_reply(update, context, profile, ml, ref=ref or None, replace=True)
        case AddDrink(drink=key, ref=ref):
            await press.answer()
            drink = caffeine.BY_KEY[key]
            await caffeine_reply(update, context, profile, drink.key, drink.mg, ref=ref or None, replace=True)
        case UndoIntake(entry=entry):
            await undo(press, entry)
        case MeantLitres(entry=entry, ml=ml):
            await undo(press, entry, then_ml=ml)
        case AskAmount() as ask:
            await press.answer()
            await svc.storage.people.set_state(profile.person_id, svc.now(), awaiting=ask.awaiting)
            await press.send(press.t(f"intake-ask-{ask.ACTION}"))


async def on_typed_water(update: Update, context: Context, profile: Profile, text: str) -> None:
    """The answer to "how much water?"."""
    ml = hydration.parse_amount_ml(text)
    if await typed_answer(update, context, profile, ml, f"intake-bad-{AskWater.ACTION}"):
        await water_reply(update, context, profile, ml)


async def on_typed_caffeine(update: Update, context: Context, profile: Profile, text: str) -> None:
    """The answer to "how many mg of caffeine?"."""
    mg = caffeine.parse_mg(text)
    if await typed_answer(update, context, profile, mg, f"intake-bad-{AskCaffeine.ACTION}"):
        await caffeine_reply(update, context, profile, "custom", mg)  # type: ignore[arg-type]


TEXT_INPUTS: dict[str, TextInput] = {AskWater().awaiting: on_typed_water, AskCaffeine().awaiting: on_typed_caffeine}
