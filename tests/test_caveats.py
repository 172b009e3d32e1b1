"""Caveats where they matter: pregnancy and caffeine, adults only, fluids, potassium, someone to
talk to, the doctor nudges' "not medical advice" line, and health data in /privacy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.harness import Harness, onboard

from coachbot.config import ConfigError, Defaults, load_settings
from coachbot.domain import caffeine, hydration, tips
from coachbot.domain.nudges import Nudge
from coachbot.handlers import checkin_views, coaching
from coachbot.handlers.learn import page_view
from coachbot.i18n import LANGUAGES, I18n
from coachbot.storage import Storage

I18N = I18n()
POTASSIUM = {"en": "potassium", "es": "potasio", "ru": "кали"}


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


# ---------------------------------------------------------------- pregnancy and caffeine
async def test_the_pregnancy_question_is_asked_once_after_setup_and_lowers_the_caffeine_limit(bot: Harness) -> None:
    user = bot.user(5001)
    await onboard(bot, user, zone_text="Europe/Madrid")  # a zone name: no city lookup
    assert "pregnant or breastfeeding" in user.last.text, "one optional question right after setup"
    assert [b for row in user.last.buttons for b, _ in row] == ["Yes", "No", "Skip"]
    await user.press("Yes")
    await bot.idle()
    assert "caffeine limit is now 200 mg" in user.last.text
    profile = await bot.storage.people.get(5001)
    assert profile.pregnant is True and profile.caffeine_limit_mg == 200
    await user.send("/start")
    await bot.idle()
    assert "pregnant" not in user.last.text, "asked once"

    await user.send("/settings")
    await bot.idle()
    assert "Pregnant or breastfeeding: yes" in user.last.text
    await user.press("Pregnant or breastfeeding")
    await bot.idle()
    await user.press("No")
    await bot.idle()
    assert "Pregnant or breastfeeding: no" in user.last.text and "Caffeine limit: 400 mg" in user.last.text
    assert (await bot.storage.people.get(5001)).caffeine_limit_mg == 400


async def test_the_pregnancy_question_can_be_skipped(bot: Harness) -> None:
    user = bot.user(5002)
    await onboard(bot, user, zone_text="Europe/Madrid")  # a zone name: no city lookup
    await user.press("Skip")
    await bot.idle()
    assert "/settings" in user.last.text
    profile = await bot.storage.people.get(5002)
    assert profile.pregnant is None and profile.caffeine_limit_mg == 400


@pytest.mark.parametrize(("stored", "pregnant", "used"), [
    (400, None, 400), (400, False, 400), (400, True, 200), (300, True, 200), (100, True, 100), (0, True, 0),
])
def test_the_limit_in_use_is_never_above_200_mg_while_pregnant(stored: int, pregnant: bool | None, used: int) -> None:
    assert caffeine.limit_for(stored, pregnant) == used


# ---------------------------------------------------------------- fluids
def test_water_goals_have_a_sane_ceiling(tmp_path: Path) -> None:
    assert hydration.MAX_GOAL_ML == 4000 and hydration.goal_from_weight(200) == 4000
    config = tmp_path / "c.toml"
    config.write_text("[defaults]\nwater_goal_ml = 5000\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(config, env={})
    assert err.value.key == "defaults.water_goal_ml"


async def test_a_stored_goal_above_the_ceiling_reads_as_the_ceiling(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    s = Storage(str(tmp_path / "w.sqlite3"))
    await s.open()
    await s.people.create(1, 1, "en", Defaults(), datetime(2026, 3, 10, tzinfo=UTC), first_step="lang")
    await s.db.execute("UPDATE settings SET water_goal_ml = 6000 WHERE person_id = 1")
    assert (await s.people.get(1)).water_goal_ml == 4000
    await s.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_goal_screens_and_water_tips_warn_against_overdrinking(lang: str) -> None:
    fluids = I18N.t(lang, "caveat-fluids")
    assert fluids in I18N.t(lang, "intake-edit-goal", goal=2000)
    assert fluids in I18N.t(lang, "intake-goal-from-weight", goal=2300)
    for tip in tips.TIPS:
        if tip.group == "water":
            assert fluids in coaching.render_tip(I18N, lang, tip)[0]
    assert fluids in page_view(I18N, lang, "managing")[0]


# ---------------------------------------------------------------- potassium
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_tip_that_suggests_potassium_foods_carries_the_caution(lang: str) -> None:
    caution = I18N.t(lang, "caveat-potassium")
    suggesting = [tip for tip in tips.TIPS if POTASSIUM[lang] in I18N.t(lang, f"coaching-tip-{tip.id}").lower()]
    assert {t.id for t in suggesting} >= {"recovery-minerals", "general-foods"}
    for tip in suggesting:
        assert caution in coaching.render_tip(I18N, lang, tip)[0], tip.id
    assert caution in page_view(I18N, lang, "managing")[0]


# ---------------------------------------------------------------- worry, nudges, privacy, adults
@pytest.mark.parametrize("lang", LANGUAGES)
def test_worry_pages_point_to_someone_to_talk_to_and_a_crisis_line(lang: str) -> None:
    for text in (page_view(I18N, lang, "worry")[0], coaching.worry_reply(I18N, lang)[0]):
        assert I18N.t(lang, "caveat-talk") in text and I18N.t(lang, "caveat-crisis") in text
        assert "findahelpline.com" in text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("nudge", [Nudge(1, ("emergency",)), Nudge(2, ("numbness",)),
                                   Nudge(3, ("persistent", "places"))])
def test_every_doctor_nudge_ends_with_a_not_medical_advice_line(lang: str, nudge: Nudge) -> None:
    for response in (None, "later"):
        view = checkin_views.nudge(I18N, lang, nudge, 7, persistent_days=14, response=response)
        body = view.text.split("\n\n")
        assert I18N.t(lang, "nudge-not-advice") in body[-1 if response is None or nudge.level == 1 else -2]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_start_and_privacy_say_adults_and_privacy_explains_health_data_and_consent(lang: str) -> None:
    adults = I18N.t(lang, "caveat-adults")
    assert adults in I18N.t(lang, "welcome", name="Ana")
    privacy = I18N.t(lang, "privacy")
    assert adults in privacy and I18N.t(lang, "privacy-health") in privacy
    assert "/delete" in I18N.t(lang, "privacy-health")


async def test_privacy_over_http_in_three_languages(bot: Harness) -> None:
    for user_id, lang, words in ((5101, "en", "health data"), (5102, "es", "datos de salud"),
                                 (5103, "ru", "данные о здоровье")):
        user = bot.user(user_id, language_code=lang)
        await user.send("/privacy")
        await bot.idle()
        assert words in user.last.text and "18" in user.last.text
