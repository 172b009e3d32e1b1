"""What the check-in message, its summary, the doctor nudges and /history look like.

Pure rendering from domain values to (Telegram HTML, inline keyboard): no
storage and no Update, so the reminders engine can render the same prompt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from telegram import InlineKeyboardMarkup

from coachbot import codec
from coachbot.domain.checkins import (
    EXERCISE,
    FREQUENCIES,
    INTENSITIES,
    LOCATIONS,
    RED_FLAGS,
    SLEEP,
    SLEEP_CHOICES,
    STRESS,
    STRESS_LEVELS,
    CheckinDay,
    Intake,
    Question,
    Screen,
    day_code,
)
from coachbot.domain.doctor_rules import IMPROVE_AFTER_DAYS, SOURCE_BUTTON
from coachbot.domain.nudges import EMERGENCY, REASONS, SOON, Nudge
from coachbot.i18n import I18n

from .buttons import (
    ChangeAnswers,
    CheckinSos,
    Choice,
    Extra,
    FillDay,
    FlagsDone,
    FlagsNone,
    Medicine,
    NudgeAnswer,
    Often,
    OpenSigns,
    Place,
    PlacesDone,
    RedFlag,
    Sleep,
    Strength,
    Stress,
    Twitches,
    UndoDay,
)
from .common import keyboard, local_number


@dataclass(frozen=True)
class View:
    text: str
    markup: InlineKeyboardMarkup | None = None


def button(action: str, day: date, *args: object) -> str:
    """Check-in button data by its action code, e.g. button("t", day, "no") (benchmarks tap this way)."""
    return codec.encode(Twitches.FEATURE, action, day_code(day), *args)


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def date_label(i18n: I18n, lang: str, day: date) -> str:
    """Short local date such as "Tue 10 Mar", from the catalog's own weekday and month names."""
    return i18n.fixed(lang, "checkin-date", weekday=WEEKDAYS[day.weekday()], day=day.day,
                      month=MONTHS[day.month - 1])


def when(day: date, today: date) -> str:
    return "today" if day == today else "yesterday"


def mark(i18n: I18n, lang: str, label: str, chosen: bool) -> str:
    """A button label (from the catalog or a choice's value), marked when it is the stored answer."""
    return i18n.fixed(lang, "checkin-chosen", label=label) if chosen else label


def _choices(i18n: I18n, lang: str, choice: type[Choice], day: date, values: Sequence[object], current: object,
             label_key: str | None, per_row: int) -> list[list[tuple[str, str]]]:
    """One button per value, the stored answer marked, in rows of per_row."""
    buttons = []
    for v in values:
        label = i18n.t(lang, f"{label_key}-{v}") if label_key else str(v)
        buttons.append((mark(i18n, lang, label, v == current), choice(day, str(v)).pack()))
    return [buttons[i:i + per_row] for i in range(0, len(buttons), per_row)]


def question(i18n: I18n, lang: str, c: CheckinDay, today: date, screen: Screen | None = None,
             *, later: bool = True) -> View:
    """The check-in message at its current step; later=False leaves "Later" to the reminder's own control."""
    t = i18n.t
    day = c.day
    title = i18n.fixed(lang, "checkin-title", when=when(day, today), date=date_label(i18n, lang, day))
    step = c.step or "twitches"
    rows: list[list[tuple[str, str]]]
    if step == "twitches":
        current = {True: "yes", False: "no"}.get(c.twitches) if c.twitches is not None else None
        rows = [[(mark(i18n, lang, t(lang, f"checkin-{v}"), v == current), Twitches(day, v).pack())
                 for v in ("no", "yes", "later") if later or v != "later"]]
        body = t(lang, "checkin-q-twitches", when=when(day, today))
    elif step == "where":
        toggles = [(mark(i18n, lang, t(lang, f"checkin-place-{p}"), p in c.locations),
                    Place(day, p, p not in c.locations).pack()) for p in LOCATIONS]
        rows = [toggles[:2], toggles[2:], [(t(lang, "checkin-done"), PlacesDone(day).pack())]]
        body = t(lang, "checkin-q-where")
    elif step == "often":
        rows = _choices(i18n, lang, Often, day, FREQUENCIES, c.frequency, "checkin-often", 3)
        body = t(lang, "checkin-q-often")
    elif step == "strength":
        rows = _choices(i18n, lang, Strength, day, INTENSITIES, c.intensity, "checkin-strength", 3)
        body = t(lang, "checkin-q-strength")
    elif step == "stress":
        rows = _choices(i18n, lang, Stress, day, STRESS_LEVELS, c.stress, None, 5)
        body = t(lang, "checkin-q-stress")
    elif step == "sleep":
        rows = _choices(i18n, lang, Sleep, day, SLEEP_CHOICES, c.sleep, "checkin-sleep", 3)
        body = t(lang, "checkin-q-sleep")
    elif step == "med":
        current = {True: "yes", False: "no"}.get(c.new_medicine) if c.new_medicine is not None else None
        rows = [[(mark(i18n, lang, t(lang, f"checkin-med-{v}"), v == current), Medicine(day, v).pack())
                 for v in ("no", "yes")]]
        body = t(lang, "checkin-q-med")
    else:  # flags
        ticked = screen.flags if screen else ()
        rows = [[(mark(i18n, lang, t(lang, f"checkin-flag-{f}"), f in ticked),
                  RedFlag(day, f, f not in ticked).pack())] for f in RED_FLAGS]
        rows.append([(t(lang, "checkin-flags-none"), FlagsNone(day).pack())])
        if ticked:
            rows[-1].append((t(lang, "checkin-done"), FlagsDone(day).pack()))
        rows.append([(t(lang, "checkin-sos"), CheckinSos(day_code(day)).pack())])
        body = t(lang, "checkin-q-flags") + "\n\n" + t(lang, "signs-sudden")
    return View(f"{title}\n\n{body}", keyboard(rows))


def summary(i18n: I18n, lang: str, c: CheckinDay, today: date, *, screen: Screen | None,
            intake: Intake, offer_yesterday: bool, part: str | None = None) -> View:
    """The finished check-in: what was saved, and what to do next."""
    t = i18n.t
    day = c.day
    title = i18n.fixed(lang, "checkin-title", when=when(day, today), date=date_label(i18n, lang, day))
    lines = [title, ""]
    if not c.twitches:
        saved = t(lang, "checkin-saved-none", when=when(day, today))
        # A good-bye that fits the hour ("have a good evening" only in the evening).
        lines.append(f"{saved} {t(lang, 'farewell', part=part)}" if part and day == today else saved)
    else:
        lines.append(t(lang, "checkin-saved-twitch", when=when(day, today)))
        lines.append(t(lang, "checkin-line-places", places=places_text(i18n, lang, c.locations, short=False)))
        lines.append(t(lang, "checkin-line-pattern",
                       often=t(lang, f"checkin-often-{c.frequency}") if c.frequency else "—",
                       strength=t(lang, f"checkin-strength-{c.intensity}") if c.intensity else "—"))
        lines.append(t(lang, "checkin-line-context", stress=c.stress or "—",
                       sleep=t(lang, f"checkin-sleep-{c.sleep}") if c.sleep else "—",
                       med=t(lang, "checkin-med-yes" if c.new_medicine else "checkin-med-no")))
    if intake.water_ml or intake.caffeine_mg:
        lines.append(t(lang, "checkin-line-intake", water=intake.water_ml, caffeine=intake.caffeine_mg))
    if c.twitches and c.new_medicine:
        lines += ["", t(lang, "checkin-med-note")]
    if screen is not None and screen.complete and screen.flags:
        lines += ["", t(lang, "checkin-flags-noted", flags=flags_text(i18n, lang, screen.flags))]
    if offer_yesterday:
        lines += ["", t(lang, "checkin-yesterday-missing")]
    extras = extra_questions(c)
    if extras:
        lines += ["", t(lang, "checkin-extras-good" if not c.twitches else "checkin-extras-twitch")]
    rows = extra_rows(i18n, lang, c, extras)
    rows.append([(t(lang, "checkin-change"), ChangeAnswers(day).pack()), (t(lang, "undo-button"), UndoDay(day).pack())])
    if offer_yesterday:
        rows.append([(t(lang, "checkin-fill-yesterday"), FillDay(day - timedelta(days=1)).pack())])
    if day == today:  # a warning sign can be reported any day, good days too
        rows.append([(t(lang, "signs-something-new"), OpenSigns(SOURCE_BUTTON).pack())])
    if c.twitches:
        rows.append([(t(lang, "checkin-sos"), CheckinSos(day_code(day)).pack())])
    return View("\n".join(lines), keyboard(rows))


def extra_questions(c: CheckinDay) -> tuple[Question, ...]:
    """The optional any-day questions the summary offers: sleep and stress on good days
    (a twitch day asked them already), exercise on every day."""
    if c.twitches:
        return (EXERCISE,)
    return (SLEEP, STRESS, EXERCISE)


def extra_rows(i18n: I18n, lang: str, c: CheckinDay,
               questions: Sequence[Question]) -> list[list[tuple[str, str]]]:
    """One row of one-tap answers per optional question, its emoji on the first button."""
    rows = []
    for q in questions:
        current = q.code_of(getattr(c, q.column))
        buttons = []
        for i, code in enumerate(q.codes):
            # Button labels are plain text, not HTML: render raw so "<5 h" stays as it is.
            label = i18n.raw(lang, f"checkin-extra-{q.step}-{code}")
            if i == 0:
                label = i18n.raw(lang, f"checkin-extra-{q.step}", label=label)
            if current == code:
                label = i18n.raw(lang, "checkin-chosen", label=label)
            buttons.append((label, Extra(c.day, q.step, code).pack()))
        rows.append(buttons)
    return rows


def later(i18n: I18n, lang: str, again_at: str | None) -> View:
    """'Later': say when the prompt comes back, if the reminders engine will bring it back."""
    if again_at is None:
        return View(i18n.t(lang, "checkin-later-ok"))
    return View(i18n.t(lang, "checkin-later-again", time=again_at))


def places_text(i18n: I18n, lang: str, places: Sequence[str], *, short: bool) -> str:
    key = "checkin-short" if short else "checkin-place"
    return ", ".join(i18n.t(lang, f"{key}-{p}") for p in places) or "—"


def flags_text(i18n: I18n, lang: str, flags: Sequence[str]) -> str:
    return "; ".join(i18n.t(lang, f"checkin-flag-{f}").lower() for f in flags)  # labels may hold commas


def reason_line(i18n: I18n, lang: str, reason: str, persistent_days: int) -> str:
    """One doctor rule or warning sign as a bullet line; the nudges and the learn page share it."""
    return i18n.t(lang, f"nudge-reason-{reason}", days=persistent_days, weeks=IMPROVE_AFTER_DAYS // 7)


def nudge(i18n: I18n, lang: str, n: Nudge, nudge_id: int, *, persistent_days: int,
          response: str | None = None, zone: str | None = None) -> View:
    """A doctor nudge: why, and what to do; answered nudges lose their buttons."""
    t = i18n.t
    if n.level == EMERGENCY:
        return View(t(lang, "safety-emergency", number=local_number(i18n, lang, zone)) + "\n\n"
                    + t(lang, "nudge-not-advice"))
    reasons = "\n".join(reason_line(i18n, lang, r, persistent_days) for r in n.reasons if r in REASONS[n.level])
    key = "nudge-soon" if n.level == SOON else "nudge-book"
    text = "\n\n".join((t(lang, key, reasons=reasons, count=len(n.reasons)),
                        t(lang, "nudge-emergency-line", number=local_number(i18n, lang, zone)),
                        t(lang, "nudge-not-advice")))
    if response is not None:
        ack = f"nudge-ack-{response}-{n.level}" if response == "booked" else f"nudge-ack-{response}"
        return View(text + "\n\n" + t(lang, ack))
    rows = [[(t(lang, "nudge-booked"), NudgeAnswer(nudge_id, "booked").pack()),
             (t(lang, "nudge-later"), NudgeAnswer(nudge_id, "later").pack())]]
    return View(text, keyboard(rows))


NOTE_IN_HISTORY = 60  # characters of a day's note on its /history line


def history(i18n: I18n, lang: str, days: Sequence[date], checkins: dict[date, CheckinDay],
            flagged: set[date], notes: dict[date, str] | None = None) -> View:
    """One compact line per day, newest first."""
    t = i18n.t
    lines = [t(lang, "history-title", count=len(days)), ""]
    for day in days:
        label = date_label(i18n, lang, day)
        c = checkins.get(day)
        if c is None or c.twitches is None:
            line = t(lang, "history-line-missing", date=label)
        elif not c.twitches:
            line = t(lang, "history-line-none", date=label)
        else:
            line = t(lang, "history-line-twitch", date=label,
                     places=places_text(i18n, lang, c.locations, short=True),
                     strength=t(lang, f"checkin-strength-{c.intensity}").lower() if c.intensity else "…")
        if day in flagged:
            line += " ⚠️"
        note = " ".join((notes or {}).get(day, "").split())
        if note:
            short = note if len(note) <= NOTE_IN_HISTORY else note[:NOTE_IN_HISTORY - 1].rstrip() + "…"
            line += "\n" + t(lang, "history-note", note=short)
        lines.append(line)
    lines += ["", t(lang, "history-footer")]
    return View("\n".join(lines))
