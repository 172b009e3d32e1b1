"""/summary, /chart, /report and the weekly summary, over HTTP against the sandbox."""

from __future__ import annotations

import asyncio
import io
from datetime import date, timedelta

from insights_helpers import add_checkin, seed_month
from PIL import Image
from pypdf import PdfReader
from support.harness import Harness, onboard

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TODAY = date(2026, 3, 10)   # the clock fixture's 09:00 UTC is 10:00 in Madrid


async def test_summary_shows_both_periods_patterns_and_red_flag(bot: Harness) -> None:
    user = bot.user(3001)
    await onboard(bot, user)
    await seed_month(bot.storage, 3001, TODAY)
    await user.send("/summary")
    msg = await user.wait_for("What your log shows")
    text = msg.text
    # Last 7 days: backs 0..6, twitches where back % 3 != 0 -> 1, 2, 4, 5
    assert "Last 7 days" in text and "Check-ins on 7 of 7 days; twitches on 4 of them." in text
    assert "Last 30 days" in text and "Check-ins on 30 of 30 days; twitches on 20 of them." in text
    assert "Where: legs ×20, arms ×10" in text
    assert "Patterns in the last 30 days" in text
    assert "twitches on" in text and "days with it" in text
    assert "caus" not in text.lower().replace("can't show what causes what", "")
    assert "you told me about weakness that is getting worse" in text       # a red flag never passes silently
    await bot.idle()


async def test_summary_with_nothing_logged_says_so_kindly(bot: Harness) -> None:
    user = bot.user(3002)
    await onboard(bot, user)
    await user.send("/summary")
    await user.wait_for("nothing to show yet")
    await user.send("/chart")
    await bot.idle()
    assert "nothing to show yet" in user.last.text and user.last.kind == "text"


async def test_chart_is_a_png_that_decodes(bot: Harness) -> None:
    user = bot.user(3003)
    await onboard(bot, user)
    await seed_month(bot.storage, 3003, TODAY)
    await user.send("/chart")
    msg = await user.wait_for(lambda m: m.kind == "photo", timeout=60)
    assert msg.file_bytes is not None and msg.file_bytes.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(msg.file_bytes))
    image.load()
    assert image.format == "PNG" and image.height > image.width >= 900   # portrait, phone-sized
    assert "Your log from Feb 9, 2026 to Mar 10, 2026" in (msg.text or "")
    await bot.idle()


async def test_report_is_a_pdf_with_the_persons_figures(bot: Harness) -> None:
    user = bot.user(3004)
    await onboard(bot, user)
    await seed_month(bot.storage, 3004, TODAY)
    await add_checkin(bot.storage, 3004, TODAY - timedelta(days=45), twitches=True, locations="face")
    await user.send("/report")
    msg = await user.wait_for(lambda m: m.kind == "document", timeout=60)
    assert msg.filename == "twitch-report-2026-03-10.pdf" and msg.file_bytes.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(msg.file_bytes))
    assert len(reader.pages) in (1, 2)
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())   # lines wrap in the PDF
    for expected in ("Period: Feb 9, 2026 – Mar 10, 2026 (30 days", "First twitch recorded: Jan 24, 2026",
                     "twitches on 20 of them", "legs ×20, arms ×10",
                     "Mar 6, 2026: weakness that is getting worse, trouble with balance or coordination",
                     "New or changed medicine reported on: Feb 26, 2026",
                     "Caffeine: 190 mg a day on average over 30 days logged",
                     "Mar 6, 2026: book an appointment. Why: weakness reported. Answered: appointment booked"):
        assert expected in text, expected
    await bot.idle()


async def test_weekly_summary_toggle_and_renderer(bot: Harness) -> None:
    user = bot.user(3005)
    await onboard(bot, user)
    changed = []

    async def on_change(profile, now) -> None:
        changed.append(profile.weekly_summary_on)

    bot.services.hooks.settings_changed.append(on_change)
    await user.send("/settings")
    await user.wait_for("Weekly summary")
    assert "Weekly summary: off" in user.last.text
    await user.press("Weekly summary")
    await user.wait_for("Weekly summary: on")
    await bot.idle()
    assert (await bot.storage.people.get(3005)).weekly_summary_on and changed == [True]

    profile = await bot.storage.people.get(3005)
    render = bot.services.reminder_renderers["summary"]
    assert await render(bot.services, profile, bot.clock.now) is None     # nothing logged: no message
    await seed_month(bot.storage, 3005, TODAY)
    out = await render(bot.services, profile, bot.clock.now)
    assert out is not None and "Your week at a glance" in out.text and "Last 7 days" in out.text
    assert "Last 30 days" not in out.text and len(out.text) < 4096
    await user.press("Weekly summary")
    await user.wait_for("Weekly summary: off")
    await bot.idle()


async def test_a_double_tap_on_the_weekly_summary_switch_does_not_flip_it_back(bot: Harness) -> None:
    """The switch carries the value it sets (on), not "toggle": the second tap changes nothing."""
    user = bot.user(3006)
    await onboard(bot, user)
    await user.send("/settings")
    await user.wait_for("Weekly summary: off")
    shown = user.last
    data = next(d for row in shown.buttons for label, d in row if label == "Weekly summary")
    await user.press_data(data, shown)
    await user.press_data(data, shown)
    await bot.idle()
    assert (await bot.storage.people.get(3006)).weekly_summary_on
    assert "Weekly summary: on" in user.last.text


async def test_the_bot_keeps_serving_while_a_report_is_drawn(bot: Harness, monkeypatch) -> None:
    from coachbot.handlers import insights

    release, started = asyncio.Event(), asyncio.Event()
    real = insights.draw_report

    async def slow_draw(*args):
        started.set()
        await release.wait()
        return await real(*args)

    monkeypatch.setattr(insights, "draw_report", slow_draw)
    drawer, other = bot.user(3006), bot.user(3007)
    await onboard(bot, drawer)
    await onboard(bot, other)
    await seed_month(bot.storage, 3006, TODAY)
    await drawer.send("/report")
    await asyncio.wait_for(started.wait(), 10)
    await other.send("/summary")
    await other.wait_for("nothing to show yet")          # answered while the PDF is still being drawn
    assert not any(m.kind == "document" for m in drawer.messages)
    release.set()
    await drawer.wait_for(lambda m: m.kind == "document", timeout=60)
    await bot.idle()
