"""What the check-in message, its summary, the doctor nudges and /history look like.

Pure rendering from domain values to (Telegram HTML, inline keyboard): no
storage and no Update, so the reminders engine can render the same prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from telegram import InlineKeyboardMarkup

from coachbot import codec
from coachbot.codec import Button
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


def _choices(i18n: I18n, lang: str, choice: Callable[[date, str], Button], day: date,
             values: Sequence[object], current: object, label_key: str | None,
             per_row: int) -> list[list[tuple[str, str]]]:
    """One button per value, the stored answer marked, in rows of per_row."""
    buttons = []
    for v in values:
        label = i18n.t(lang, f"{label_key}-{v}") if label_key else str(v)
        buttons.append((mark(i18n, lang, label, v == current), choice(day, str(v)).pack()))
    return [buttons[i:i + per_row] for i in range(0, len(buttons), per_row)]


# A stored yes/no answer as its button value.
_YES_NO: dict[bool | None, str | None] = {True: "yes", False: "no", None: None}
# The steps answered with one tap: the button, the answers, the stored one, their label keys
# ("checkin-often-few"; stress levels are their own labels) and how many buttons a row holds.
_CHOICE_STEPS: dict[str, tuple[Callable[[date, str], Button], Sequence[object],
                               Callable[[CheckinDay], object], str | None, int]] = {
    "twitches": (Twitches, ("no", "yes", "later"), lambda c: _YES_NO[c.twitches], "checkin", 3),
    "often": (Often, FREQUENCIES, lambda c: c.frequency, "checkin-often", 3),
    "strength": (Strength, INTENSITIES, lambda c: c.intensity, "checkin-strength", 3),
    "stress": (Stress, STRESS_LEVELS, lambda c: c.stress, None, 5),
    "sleep": (Sleep, SLEEP_CHOICES, lambda c: c.sleep, "checkin-sleep", 3),
    "med": (Medicine, ("no", "yes"), lambda c: _YES_NO[c.new_medicine], "checkin-med", 2),
}


def question(i18n: I18n, lang: str, c: CheckinDay, today: date, screen: Screen | None = None,
             *, later: bool = True) -> View:
    """The check-in message at its current step; later=False leaves "Later" to the reminder's own control."""
    t = i18n.t
    day = c.day
    title = i18n.fixed(lang, "checkin-title", when=when(day, today), date=date_label(i18n, lang, day))
    step = c.step or "twitches"
    rows: list[list[tuple[str, str]]]
    if step in _CHOICE_STEPS:
        choice, values, stored, label_key, per_row = _CHOICE_STEPS[step]
        shown = [v for v in values if later or v != "later"]    # or the reminder's own "Later"
        rows = _choices(i18n, lang, choice, day, shown, stored(c), label_key, per_row)
        body = (t(lang, "checkin-q-twitches", when=when(day, today)) if step == "twitches"
                else t(lang, f"checkin-q-{step}"))
    elif step == "where":
        toggles = [(mark(i18n, lang, t(lang, f"checkin-place-{p}"), p in c.locations),
                    Place(day, p, p not in c.locations).pack()) for p in LOCATIONS]
        rows = [toggles[:2], toggles[2:], [(t(lang, "checkin-done"), PlacesDone(day).pack())]]
        body = t(lang, "checkin-q-where")
    else:  # flags
        rows = _flag_rows(i18n, lang, day, screen.flags if screen else ())
        body = t(lang, "checkin-q-flags") + "\n\n" + t(lang, "signs-sudden")
    return View(f"{title}\n\n{body}", keyboard(rows))


def _flag_rows(i18n: I18n, lang: str, day: date, ticked: Sequence[str]) -> list[list[tuple[str, str]]]:
    """A toggle per red flag, "none of these" (and "done" once one is ticked), then SOS."""
    t = i18n.t
    rows = [[(mark(i18n, lang, t(lang, f"checkin-flag-{f}"), f in ticked),
              RedFlag(day, f, f not in ticked).pack())] for f in RED_FLAGS]
    rows.append([(t(lang, "checkin-flags-none"), FlagsNone(day).pack())])
    if ticked:
        rows[-1].append((t(lang, "checkin-done"), FlagsDone(day).pack()))
    rows.append([(t(lang, "checkin-sos"), CheckinSos(day_code(day)).pack())])
    return rows


def summary(i18n: I18n, lang: str, c: CheckinDay, today: date, *, screen: Screen | None,
            intake: Intake, offer_yesterday: bool, part: str | None = None) -> View:
    """The finished check-in: what was saved, and what to do next."""
    day = c.day
    title = i18n.fixed(lang, "checkin-title", when=when(day, today), date=date_label(i18n, lang, day))
    extras = extra_questions(c)
    lines = [title, "", *_saved(i18n, lang, c, today, part),
             *_notes(i18n, lang, c, screen, intake, offer_yesterday, extras)]
    rows = extra_rows(i18n, lang, c, extras) + _next_rows(i18n, lang, c, today, offer_yesterday)
    return View("\n".join(lines), keyboard(rows))


def _saved(i18n: I18n, lang: str, c: CheckinDay, today: date, part: str | None) -> list[str]:
    """What was saved: a good day in a line, a twitch day with its answers."""
    t = i18n.t
    day = c.day
    if not c.twitches:
        saved = t(lang, "checkin-saved-none", when=when(day, today))
        # A good-bye that fits the hour ("have a good evening" only in the evening).
        return [f"{saved} {t(lang, 'farewell', part=part)}" if part and day == today else saved]
    return [t(lang, "checkin-saved-twitch", when=when(day, today)),
            t(lang, "checkin-line-places", places=places_text(i18n, lang, c.locations, short=False)),
            t(lang, "checkin-line-pattern",
              often=t(lang, f"checkin-often-{c.frequency}") if c.frequency else "—",
              strength=t(lang, f"checkin-strength-{c.intensity}") if c.intensity else "—"),
            t(lang, "checkin-line-context", stress=c.stress or "—",
              sleep=t(lang, f"checkin-sleep-{c.sleep}") if c.sleep else "—",
              med=t(lang, "checkin-med-yes" if c.new_medicine else "checkin-med-no"))]


def _notes(i18n: I18n, lang: str, c: CheckinDay, screen: Screen | None, intake: Intake,
           offer_yesterday: bool, extras: Sequence[Question]) -> list[str]:
    """The lines under it: the day's intake, then a paragraph for each thing still to mind."""
    t = i18n.t
    lines = []
    if intake.water_ml or intake.caffeine_mg:
        lines.append(t(lang, "checkin-line-intake", water=intake.water_ml, caffeine=intake.caffeine_mg))
    if c.twitches and c.new_medicine:
        lines += ["", t(lang, "checkin-med-note")]
    if screen is not None and screen.complete and screen.flags:
        lines += ["", t(lang, "checkin-flags-noted", flags=flags_text(i18n, lang, screen.flags))]
    if offer_yesterday:
        lines += ["", t(lang, "checkin-yesterday-missing")]
    if extras:
        lines += ["", t(lang, "checkin-extras-good" if not c.twitches else "checkin-extras-twitch")]
    return lines


def _next_rows(i18n: I18n, lang: str, c: CheckinDay, today: date,
               offer_yesterday: bool) -> list[list[tuple[str, str]]]:
    """What to do next: change or undo the day, fill in yesterday, report a sign, get help."""
    t = i18n.t
    day = c.day
    rows = [[(t(lang, "checkin-change"), ChangeAnswers(day).pack()), (t(lang, "undo-button"), UndoDay(day).pack())]]
    if offer_yesterday:
        rows.append([(t(lang, "checkin-fill-yesterday"), FillDay(day - timedelta(days=1)).pack())])
    if day == today:  # a warning sign can be reported any day, good days too
        rows.append([(t(lang, "signs-something-new"), OpenSigns(SOURCE_BUTTON).pack())])
    if c.twitches:
        rows.append([(t(lang, "checkin-sos"), CheckinSos(day_code(day)).pack())])
    return rows


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
