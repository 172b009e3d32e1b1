"""Honest insights over HTTP: factors known on good days too, every option counted, the report's period.

Each person checks in day after day through the real buttons while the clock moves on.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest
from checkin_helpers import ready
from insights_helpers import check_in
from pypdf import PdfReader
from support.harness import TEST_TOKEN, Harness

from coachbot.domain.checkins import QUESTIONS
from coachbot.handlers import insights
from coachbot.sandbox import Sandbox


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    """Weeks of check-ins in one chat are hundreds of edits in a few seconds of wall time:
    these tests are about the statistics, so the per-chat flood limit is lifted."""
    async with Sandbox(token=TEST_TOKEN, per_chat_burst=10_000) as sb:
        yield sb

FIRST = date(2026, 3, 1)


def evening(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC)   # 19:00 in Madrid


async def log_days(bot: Harness, user, plan: list[dict]) -> date:
    """Join on FIRST (set up through storage), then check in once a day following `plan`; return the last day."""
    bot.clock.set(evening(FIRST))
    await ready(bot, user.chat_id)
    day = FIRST
    for n, answers in enumerate(plan):
        day = FIRST + timedelta(days=n)
        bot.clock.set(evening(day))
        await check_in(bot, user, day, **answers)
    return day


def pattern_line(text: str, factor: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"• {factor}"))


async def summary(bot: Harness, user) -> str:
    await user.send("/summary")
    msg = await user.wait_for("What your log shows")
    await bot.idle()
    return msg.text


async def test_twitches_that_follow_short_sleep_show_the_link(bot: Harness) -> None:
    user = bot.user(4101)
    # Short nights (under 7 h, 6-7 h included) on even days, and twitches exactly then;
    # good days answer sleep and stress with the one-tap rows on the summary.
    short, long = ("lt5", "5to6", "6to7"), ("7to8", "gt8", "7to8")
    plan = [{"twitch": n % 2 == 0, "sleep": short[n // 2] if n % 2 == 0 else long[n // 2], "stress": 2}
            for n in range(6)]
    await log_days(bot, user, plan)
    text = await summary(bot, user)
    line = pattern_line(text, "Less than 7 hours of sleep")
    assert line == ("• Less than 7 hours of sleep: twitches on 3 of 3 days with it, 0 of 3 days without. "
                    "Linked with more twitch days so far."), line
    assert "😴 6.7 h (6 nights)" in text            # (4.5 + 5.5 + 6.5 + 7.5 + 8.5 + 7.5) / 6
    assert "stress 2/5 (6 days)" in text
    assert "can't show what causes what" in text


async def test_twitches_that_do_not_follow_sleep_show_no_link(bot: Harness) -> None:
    user = bot.user(4102)
    short = {0, 1, 4, 5}
    plan = [{"twitch": n % 2 == 0, "sleep": "5to6" if n in short else "7to8"} for n in range(8)]
    await log_days(bot, user, plan)
    line = pattern_line(await summary(bot, user), "Less than 7 hours of sleep")
    assert line == ("• Less than 7 hours of sleep: twitches on 2 of 4 days with it, 2 of 4 days without. "
                    "No clear link so far."), line


# Every option of every question, over 7 days: five twitch days, then two good days.
def every_option_plan() -> list[dict]:
    where = (("face", "arm"), ("leg",), ("torso",), ("face",), ("arm",))
    twitch_days = [{"twitch": True, "where": where[n], "often": ("few", "onoff", "most")[n % 3],
                    "strength": ("mild", "noticeable", "strong")[n % 3], "stress": n + 1,
                    "sleep": ("lt5", "5to6", "6to7", "7to8", "gt8")[n], "med": n == 2,
                    "exercise": ("none", "light", "hard")[n % 3]} for n in range(5)]
    good_days = [{"twitch": False, "sleep": "gt8", "stress": 1, "exercise": "hard"},
                 {"twitch": False, "sleep": "6to7", "stress": 5}]
    return twitch_days + good_days


async def test_every_option_of_every_question_reaches_summary_chart_and_report(bot: Harness,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    asked = {q.step: set(q.codes) for q in QUESTIONS}
    plan = every_option_plan()
    used = {"where": {p for d in plan if d["twitch"] for p in d["where"]},
            "often": {d["often"] for d in plan if d["twitch"]},
            "strength": {d["strength"] for d in plan if d["twitch"]},
            "stress": {str(d["stress"]) for d in plan}, "sleep": {d["sleep"] for d in plan},
            "med": {"yes" if d.get("med") else "no" for d in plan if d["twitch"]},
            "exercise": {d["exercise"] for d in plan if d.get("exercise")}}
    assert used == asked, "the plan must walk every option of every question"

    user = bot.user(4104)
    last = await log_days(bot, user, plan)

    text = await summary(bot, user)
    assert "Check-ins on 7 of 7 days; twitches on 5 of them." in text
    assert "Where: arms ×2, face ×2, legs ×1, torso ×1" in text
    assert "How strong: mild ×2, noticeable ×2, strong ×1" in text
    assert "😴 6.8 h (7 nights)" in text                       # (4.5 + … + 8.5 + 8.5 + 6.5) / 7
    assert "stress 3/5 (7 days)" in text                       # (1 + 2 + 3 + 4 + 5 + 1 + 5) / 7
    assert "🏃 Exercise: none ×2, light ×2, hard ×2" in text

    drawn = []
    real = bot.services.renderer

    async def capture(target, *args, **kwargs):
        if target == insights.CHART:
            drawn.append(list(args[0]))
        return await real(target, *args, **kwargs)

    monkeypatch.setattr(bot.services, "renderer", capture)
    await user.send("/chart")
    await user.wait_for(lambda m: m.kind == "photo", timeout=60)
    await bot.idle()
    days = drawn[-1]
    assert [d.day for d in days] == [FIRST + timedelta(days=n) for n in range(7)]    # from the first day logged
    assert all(d.sleep_hours is not None for d in days)                              # every sleep option drawn
    assert sorted({d.intensity for d in days if d.twitches}) == [1, 2, 3]

    await user.send("/report")
    msg = await user.wait_for(lambda m: m.kind == "document", timeout=60)
    await bot.idle()
    reader = PdfReader(io.BytesIO(msg.file_bytes))
    assert len(reader.pages) in (1, 2)
    pdf = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for expected in ("Period: Mar 1, 2026 – Mar 7, 2026 (7 days, from the first day logged)",
                     "Checked in on 7 of 7 days; twitches on 5 of them.",
                     "Locations (days): arms ×2, face ×2, legs ×1, torso ×1",
                     "How often in a day (days): a few times ×2, on and off ×2, most of the day ×1",
                     "Intensity (days): mild ×2, noticeable ×2, strong ×1",
                     "over 7 nights answered; under 7 hours on 4 nights.",
                     "Stress: 3/5 on average over 7 days answered; 4–5 on 3 days.",
                     "Exercise (days): none ×2, light ×2, hard ×2",
                     "New or changed medicine reported on: Mar 3, 2026"):
        assert expected in pdf, (expected, pdf)
    assert last == date(2026, 3, 7)


async def test_report_period_starts_on_the_first_logged_day_in_each_language(bot: Harness) -> None:
    expected = {"en": "Period: Mar 8, 2026 – Mar 10, 2026 (3 days",
                "es": "Período: 8 mar 2026 – 10 mar 2026 (3 días",
                "ru": "Период: 8 мар. 2026 г. – 10 мар. 2026 г. (3 дня"}
    for n, (lang, period) in enumerate(expected.items()):
        bot.clock.set(evening(date(2026, 3, 8)))
        user = await ready(bot, 4200 + n, language_code=lang)
        await bot.storage.people.update_settings(4200 + n, language=lang)
        for k in range(3):
            day = date(2026, 3, 8) + timedelta(days=k)
            bot.clock.set(evening(day))
            await check_in(bot, user, day, twitch=k == 1, sleep="6to7")
        await user.send("/report")
        msg = await user.wait_for(lambda m: m.kind == "document", timeout=60)
        await bot.idle()
        text = " ".join(PdfReader(io.BytesIO(msg.file_bytes)).pages[0].extract_text().split())
        assert period in text, (lang, text)
