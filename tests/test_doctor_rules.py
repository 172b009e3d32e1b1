"""One set of doctor rules: the learn page, the nudges and the README say the same thing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coachbot import doctor_docs
from coachbot.domain import doctor_rules as dr
from coachbot.domain import nudges
from coachbot.handlers import checkin_views as views
from coachbot.handlers.learn import page_view
from coachbot.i18n import LANGUAGES, I18n

I18N = I18n()
README = Path(__file__).resolve().parent.parent / "README.md"


def lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if line.strip()}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("days", [7, 14, 28])
def test_the_learn_page_states_every_rule_the_nudges_use(lang: str, days: int) -> None:
    page, _ = page_view(I18N, lang, "doctor", days)
    shown = lines(page)
    book = views.nudge(I18N, lang, nudges.Nudge(dr.BOOK, dr.BOOK_RULES), 1, persistent_days=days).text
    soon = views.nudge(I18N, lang, nudges.Nudge(dr.SOON, dr.WARNING_SIGNS), 1, persistent_days=days).text
    reason_lines = [line for line in lines(book) | lines(soon) if line.startswith("•")]
    assert len(reason_lines) == len(dr.BOOK_RULES) + len(dr.WARNING_SIGNS)
    for line in reason_lines:
        assert line in shown, f"{lang}: the nudge says {line!r}, the learn page doesn't"
    for sign in dr.EMERGENCY_SIGNS:
        assert I18N.t(lang, f"rule-emergency-{sign}") in shown
    assert str(days) in page and str(dr.IMPROVE_AFTER_DAYS // 7) in page
    assert I18N.t(lang, "coaching-disclaimer") in page


def test_the_english_page_names_the_nhs_rules_in_plain_words() -> None:
    page, _ = page_view(I18N, "en", "doctor")
    for words in ("14 days or more", "more than one place", "no improvement after 4 weeks",
                  "medicine", "getting worse", "balance", "looks smaller", "numbness or tingling",
                  "stiffness", "one side of the face drooping", "emergency number"):
        assert words in page
    assert "several weeks" not in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_widespread_twitches_and_persistent_ones_point_to_a_doctor(lang: str) -> None:
    page, _ = page_view(I18N, lang, "kinds", 21)
    doctor = {"en": "doctor", "es": "médico", "ru": "врач"}[lang]
    persistent, widespread = [line for line in page.splitlines() if line.startswith("•")][1:3]
    assert doctor in persistent and "21" in persistent
    assert doctor in widespread


def test_the_readme_doctor_section_is_generated_from_the_rules() -> None:
    readme = README.read_text(encoding="utf-8")
    section = readme[readme.index(doctor_docs.START) + len(doctor_docs.START):readme.index(doctor_docs.END)]
    assert section.strip() == doctor_docs.markdown().strip(), \
        "README out of date: run python -m coachbot.doctor_docs --write README.md"
    assert doctor_docs.main(["--check", str(README)]) == 0


def test_a_stale_readme_is_caught(tmp_path: Path) -> None:
    stale = tmp_path / "README.md"
    readme = README.read_text(encoding="utf-8")
    stale.write_text(readme.replace("more than one place", "several places", 1), encoding="utf-8")
    assert doctor_docs.main(["--check", str(stale)]) == 1
    assert doctor_docs.main(["--write", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == readme


def test_the_rules_match_the_nhs_and_the_config_range() -> None:
    assert dr.PERSISTENT_DAYS == 14 and dr.PERSISTENT_DAYS_RANGE == (7, 28)
    assert dr.MIN_PLACES == 2 and dr.IMPROVE_AFTER_DAYS == 28
    assert nudges.REASONS[dr.SOON] == dr.KNOWN_WARNING_SIGNS
    assert nudges.REASONS[dr.BOOK] == dr.BOOK_RULES
    assert all(re.fullmatch(r"[a-z_]+", code) for code in dr.KNOWN_WARNING_SIGNS + dr.SOURCES)
