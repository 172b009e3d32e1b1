"""/learn: short pages about twitches in plain words.

The conditions a doctor can rule out sit on their own page, reachable only by
a deliberate tap from "When to see a doctor"; nothing here pushes them.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from coachbot.domain import doctor_rules as dr
from coachbot.i18n import I18n

from .buttons import Exercises, FoodGuide, LearnIndex, LearnPage, Worry
from .checkin_views import reason_line
from .common import Context, keyboard, require_person, send, services
from .press import Press, on_press

PAGES = ("what", "causes", "kinds", "doctor", "managing", "medicines", "worry")
ON_REQUEST = ("ruleout",)   # shown only when the person asks for it


def page_data(page: str) -> str:
    return LearnPage(page).pack()


def index_data() -> str:
    return LearnIndex().pack()


def index_view(i18n: I18n, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    buttons = [(i18n.t(lang, f"coaching-learn-{page}-button"), page_data(page)) for page in PAGES]
    buttons += [(i18n.t(lang, "coaching-learn-foods-button"), FoodGuide().pack()),
                (i18n.t(lang, "coaching-learn-exercises-button"), Exercises().pack())]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append([(i18n.t(lang, "coaching-worried"), Worry().pack())])
    return i18n.t(lang, "coaching-learn-title"), keyboard(rows)


def doctor_page(i18n: I18n, lang: str, persistent_days: int = dr.PERSISTENT_DAYS) -> str:
    """"When to see a doctor", built from the doctor rules and the nudges' own reason lines."""
    t = i18n.t
    sections = [
        t(lang, "doctor-page-title") + "\n\n" + t(lang, "doctor-page-intro"),
        "\n".join([t(lang, "doctor-page-book"), *(reason_line(i18n, lang, r, persistent_days)
                                                   for r in dr.BOOK_RULES)]),
        "\n".join([t(lang, "doctor-page-soon"), *(reason_line(i18n, lang, s, persistent_days)
                                                   for s in dr.WARNING_SIGNS)]),
        "\n".join([t(lang, "doctor-page-emergency"), *(t(lang, f"rule-emergency-{s}")
                                                        for s in dr.EMERGENCY_SIGNS)]),
        t(lang, "doctor-page-outro"),
    ]
    return "\n\n".join(sections)


def page_view(i18n: I18n, lang: str, page: str,
              persistent_days: int = dr.PERSISTENT_DAYS) -> tuple[str, InlineKeyboardMarkup]:
    body = (doctor_page(i18n, lang, persistent_days) if page == "doctor"
            else i18n.t(lang, f"coaching-learn-{page}", days=persistent_days, weeks=dr.IMPROVE_AFTER_DAYS // 7))
    text = body + "\n\n" + i18n.t(lang, "coaching-disclaimer")
    rows: list[list[tuple[str, str]]] = []
    if page == "doctor":
        rows.append([(i18n.t(lang, "coaching-learn-ruleout-button"), page_data("ruleout"))])
    if page in ("worry", "managing"):
        rows.append([(i18n.t(lang, "coaching-learn-exercises-button"), Exercises().pack())])
    rows.append([(i18n.t(lang, "coaching-topics"), index_data())])
    return text, keyboard(rows)


async def learn_command(update: Update, context: Context) -> None:
    """Show the list of topics."""
    profile = await require_person(update, context)
    if profile is not None:
        await send(update, context, *index_view(services(context).i18n, profile.language))


@on_press()
async def on_button(press: Press) -> None:
    """Open a page or go back to the topics, in the same message."""
    i18n = press.svc.i18n
    match press.button:
        case LearnPage(page=page) if page in PAGES + ON_REQUEST:
            await press.edit(*page_view(i18n, press.lang, page, press.svc.settings.nudges.persistent_days))
        case LearnIndex():
            await press.edit(*index_view(i18n, press.lang))
        case _:
            await press.stale()
