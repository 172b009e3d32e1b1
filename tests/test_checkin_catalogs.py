"""Every check-in sentence exists in en, es and ru with the same placeholders, and renders valid Telegram HTML."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast, visitor

from coachbot.domain.checkins import LOCATIONS, RED_FLAGS, CheckinDay, Intake, Screen, steps_for
from coachbot.domain.nudges import REASONS, Nudge
from coachbot.handlers import checkin_views as views
from coachbot.i18n import LANGUAGES, I18n
from coachbot.sandbox.html import validate_telegram_html

ROOT = Path(__file__).resolve().parent.parent / "messages"
TODAY = date(2026, 3, 10)
I18N = I18n()


class _Vars(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def catalog(lang: str) -> dict[str, set[str]]:
    resource = FluentParser().parse((ROOT / lang / "checkin.ftl").read_text(encoding="utf-8"))
    assert not [e for e in resource.body if isinstance(e, ast.Junk)], f"{lang}: syntax error"
    out = {}
    for entry in resource.body:
        if isinstance(entry, ast.Message):
            found = _Vars()
            found.visit(entry)
            out[entry.id.name] = found.names
    return out


def test_same_keys_and_placeholders_in_every_language() -> None:
    en = catalog("en")
    for lang in LANGUAGES:
        assert catalog(lang) == en, lang


def all_views(lang: str) -> list[views.View]:
    out = []
    for day in (TODAY, TODAY - timedelta(days=1)):
        full = CheckinDay(day=day, twitches=True, locations=LOCATIONS, frequency="most", intensity="strong",
                          stress=5, sleep="lt5", new_medicine=True, step=None)
        for step in steps_for(True):
            out.append(views.question(I18N, lang, CheckinDay(day=day, step=step), TODAY,
                                      Screen(day, RED_FLAGS)))
            out.append(views.question(I18N, lang, CheckinDay(day=day, step=step), TODAY))
        for c in (full, CheckinDay(day=day, twitches=False, step=None)):
            out.append(views.summary(I18N, lang, c, TODAY, screen=Screen(day, RED_FLAGS, complete=True),
                                     intake=Intake(1500, 240), offer_yesterday=day == TODAY))
    for level, reasons in REASONS.items():
        for response in (None, "booked", "later"):
            out.append(views.nudge(I18N, lang, Nudge(level, reasons), 2**40, persistent_days=21,
                                   response=response))
    days = [TODAY - timedelta(days=i) for i in range(14)]
    full = {d: CheckinDay(day=d, twitches=True, locations=LOCATIONS, intensity="noticeable", step=None)
            for d in days}
    out.append(views.history(I18N, lang, days, full, set(days)))
    out.append(views.later(I18N, lang, None))
    out.append(views.later(I18N, lang, "11:05"))
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_view_is_valid_html_with_short_button_data(lang: str) -> None:
    for view in all_views(lang):
        validate_telegram_html(view.text)
        assert 0 < len(view.text) < 4096
        assert not any(key in view.text for key in ("checkin-", "nudge-", "history-")), view.text
        for row in (view.markup.inline_keyboard if view.markup else ()):
            for button in row:
                assert len(button.callback_data.encode()) <= 64
                assert "checkin-" not in button.text and "nudge-" not in button.text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_frightening_disease_names_without_a_red_flag(lang: str) -> None:
    text = "\n".join(v.text for v in all_views(lang)).lower()
    for word in ("als", "sclerosis", "склероз", "esclerosis", "tumor", "опухол", "cancer", "рак "):
        assert f" {word}" not in text
