"""/food: the food diary (one tap per food, or free text) and the magnesium/potassium food guide.

One-tap buttons carry the id of the newest entry when they were drawn, so a
double tap or an old diary message logs nothing twice.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from babel.dates import format_date
from telegram import InlineKeyboardMarkup, Update

from coachbot.domain import foods
from coachbot.domain.profile import Profile
from coachbot.i18n import I18n
from coachbot.runtime import Services
from coachbot.storage.coaching import MAX_NOTE, FoodEntry

from .buttons import FoodDiary, FoodGuide, FoodNote, LearnIndex, LogFood, UndoFood
from .common import Context, keyboard, require_person, send, services
from .press import Press, on_press

DIARY_DAYS = 7
NOTE_INPUT = "food-note"


def day_label(day: str, lang: str) -> str:
    """A short local date ('Tue 10 Mar', 'mar 10 mar', 'вт 10 мар.') from CLDR data."""
    return format_date(date.fromisoformat(day), "EEE d MMM", locale=lang)


def food_name(i18n: I18n, lang: str, food_id: str) -> str:
    food = foods.BY_ID.get(food_id)
    short = i18n.t(lang, f"coaching-food-{food_id}-short" if food else "coaching-food-other-short")
    return f"{food.emoji} {short}" if food else short


def _diary_lines(i18n: I18n, lang: str, entries: list[FoodEntry],
                 twitches: dict[str, bool | None]) -> list[str]:
    by_day: dict[str, list[FoodEntry]] = {}
    for entry in entries:
        by_day.setdefault(entry.day, []).append(entry)
    lines: list[str] = []
    for day in sorted(by_day, reverse=True):
        marker = {True: "coaching-food-day-twitches", False: "coaching-food-day-calm"}.get(
            twitches.get(day), "coaching-food-day")  # type: ignore[arg-type]
        lines.append(i18n.t(lang, marker, date=day_label(day, lang)))
        named = [food_name(i18n, lang, e.food) for e in by_day[day] if e.food != foods.OTHER]
        if named:
            lines.append(" · ".join(named))
        lines.extend(i18n.t(lang, "coaching-food-note", note=e.note) for e in by_day[day]
                     if e.food == foods.OTHER)
    return lines


async def diary_view(svc: Services, profile: Profile, now: datetime, flash: str | None = None,
                     undo: int | None = None) -> tuple[str, InlineKeyboardMarkup]:
    """Recent diary days (newest first, with the day's twitch answer) and the one-tap buttons."""
    i18n, lang = svc.i18n, profile.language
    first = profile.local_day(now) - timedelta(days=DIARY_DAYS - 1)
    entries = await svc.storage.coaching.food_since(profile.person_id, first)
    twitches = await svc.storage.coaching.twitch_days(profile.person_id, first)
    stamp = await svc.storage.coaching.last_food_id(profile.person_id)
    blocks = [flash] if flash else []
    blocks.append(i18n.t(lang, "coaching-food-title", days=DIARY_DAYS))
    lines = _diary_lines(i18n, lang, entries, twitches)
    blocks.append("\n".join(lines) if lines else i18n.t(lang, "coaching-food-empty"))
    blocks.append(i18n.t(lang, "coaching-food-tap"))
    buttons = [(food_name(i18n, lang, f.id), LogFood(f.id, str(stamp)).pack())
               for f in foods.FOODS]
    rows = [buttons[i:i + 3] for i in range(0, len(buttons), 3)]
    rows.append([("✏️ " + i18n.t(lang, "coaching-food-other-short"), FoodNote().pack()),
                 (i18n.t(lang, "coaching-food-guide-button"), FoodGuide().pack())])
    if undo:  # the entry just logged can be taken back
        rows.append([(i18n.t(lang, "undo-button"), UndoFood(undo).pack())])
    return "\n\n".join(blocks), keyboard(rows)


def guide_view(i18n: I18n, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    """Foods with typical magnesium and potassium per serving, and the caveats that matter."""
    lines = [i18n.t(lang, "coaching-food-guide-line", emoji=f.emoji, food=i18n.t(lang, f"coaching-food-{f.id}"),
                    mg=f.magnesium_mg, k=f.potassium_mg) for f in foods.FOODS]
    notes = i18n.t(lang, "coaching-food-guide-notes", mgLow=foods.MAGNESIUM_RDA_MG[0],
                   mgHigh=foods.MAGNESIUM_RDA_MG[1], kLow=foods.POTASSIUM_AI_MG[0],
                   kHigh=foods.POTASSIUM_AI_MG[1], ul=foods.SUPPLEMENT_MAGNESIUM_UL_MG)
    text = "\n\n".join([i18n.t(lang, "coaching-food-guide-title"), "\n".join(lines), notes,
                        i18n.t(lang, "coaching-disclaimer")])
    rows = [[(i18n.t(lang, "coaching-food-diary-button"), FoodDiary().pack()),
             (i18n.t(lang, "coaching-topics"), LearnIndex().pack())]]
    return text, keyboard(rows)


async def food_command(update: Update, context: Context) -> None:
    """Show the diary with one-tap logging."""
    profile = await require_person(update, context)
    if profile is None:
        return
    svc = services(context)
    await svc.storage.people.set_state(profile.person_id, svc.now(), awaiting=None)
    await send(update, context, *await diary_view(svc, profile, svc.now()))


@on_press()
async def on_button(press: Press) -> None:
    """Log a food, ask for free text, or switch between the diary and the guide."""
    svc, profile, now = press.svc, press.person, press.svc.now()
    match press.button:
        case LogFood(food=food, stamp=stamp):
            if stamp != str(await svc.storage.coaching.last_food_id(profile.person_id)):
                await press.toast("coaching-food-already")   # an older diary: nothing logged twice
                await press.edit(*await diary_view(svc, profile, now))
                return
            entry = await svc.storage.coaching.log_food(profile.person_id, food, "", now, profile.local_day(now))
            flash = press.t("coaching-food-logged", food=food_name(svc.i18n, press.lang, food))
            await press.answer(flash)
            await press.edit(*await diary_view(svc, profile, now, flash, undo=entry))
        case UndoFood(entry=entry):
            if not await svc.storage.coaching.delete_food(profile.person_id, entry):
                await press.toast("undo-nothing")
                return
            await press.answer()
            await press.edit(*await diary_view(svc, profile, now, press.t("coaching-food-undone")))
        case FoodNote():
            await press.answer()
            await svc.storage.people.set_state(profile.person_id, now, awaiting=NOTE_INPUT)
            await press.send(press.t("coaching-food-ask-note"))
        case FoodGuide():
            await press.edit(*guide_view(svc.i18n, press.lang))
        case FoodDiary():
            await press.edit(*await diary_view(svc, profile, now))


async def on_note(update: Update, context: Context, profile: Profile, text: str) -> None:
    """Free text for the diary: save it as an 'other' entry for today."""
    svc = services(context)
    now = svc.now()
    note = " ".join(text.split())[:MAX_NOTE]
    await svc.storage.people.set_state(profile.person_id, now, awaiting=None)
    entry = await svc.storage.coaching.log_food(profile.person_id, foods.OTHER, note, now, profile.local_day(now))
    flash = svc.i18n.t(profile.language, "coaching-food-note-saved")
    await send(update, context, *await diary_view(svc, profile, now, flash, undo=entry))
