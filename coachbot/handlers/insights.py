"""/summary, /chart and /report: what the person's own log says, for them and for their doctor.

Also the weekly summary (a reminder kind the reminders engine sends on Sunday
evening when the person turned it on in /settings). Drawing and PDF work runs
in a worker thread so the bot keeps answering everyone else meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from telegram import InputFile, Update
from telegram.constants import ChatAction, ParseMode

from coachbot.charts import ChartText
from coachbot.dates import long_date
from coachbot.domain.profile import Profile
from coachbot.domain.report import REPORT_DAYS, DoctorReport, build_report
from coachbot.domain.stats import (
    Day,
    Limits,
    Summary,
    build_days,
    summarize,
    trigger_stats,
    window,
)
from coachbot.i18n import I18n
from coachbot.pdf import PdfContent
from coachbot.reminders.kinds import Outgoing
from coachbot.render import Renderer
from coachbot.runtime import Services

from . import settings_view
from .buttons import WeeklySummary
from .common import Context, require_person, send, services, tr, working
from .insights_text import (
    STATS_DAYS,
    chart_text,
    redflag_line,
    report_content,
    summary_lines,
    trigger_lines,
)
from .press import Press, on_press

log = logging.getLogger(__name__)
PERIODS = (7, 30)
WEEKLY_ITEM = "insights-setting-weekly"


def limits_of(profile: Profile) -> Limits:
    return Limits(timezone=profile.timezone, wake_time=profile.wake_time, sleep_time=profile.sleep_time,
                  water_goal_ml=profile.water_goal_ml, caffeine_limit_mg=profile.caffeine_limit_mg,
                  caffeine_cutoff_minutes=profile.caffeine_cutoff_minutes)


async def load_days(svc: Services, profile: Profile, start: date, end: date) -> list[Day]:
    """The person's days from start to end; one extra day before start feeds the lagged factor."""
    repo = svc.storage.insights
    before = start - timedelta(days=1)
    days = build_days(before, end, await svc.storage.checkins.between(profile.person_id, before, end),
                      await repo.intake(profile.person_id, before, end),
                      await repo.food(profile.person_id, before, end), limits_of(profile))
    return days


def logged_anything(days: Sequence[Day]) -> bool:
    return any(d.checked_in or d.intake_logged or d.mgk_foods for d in days)


async def period(svc: Services, profile: Profile, now: datetime) -> tuple[date, date] | None:
    """The chart's and report's period: the last REPORT_DAYS, from the first logged day at the earliest."""
    start, end = window(profile.local_day(now), REPORT_DAYS)
    first = await svc.storage.insights.first_logged(profile.person_id)
    if first is None or first > end:
        return None
    return max(start, first), end


async def summary_text(svc: Services, profile: Profile, now: datetime, *, weekly: bool = False) -> str | None:
    """The /summary message (or the weekly one); None when nothing was logged or reported in the period."""
    i18n, lang = svc.i18n, profile.language
    today = profile.local_day(now)
    longest = max(PERIODS)
    days = await load_days(svc, profile, today - timedelta(days=2 * longest - 1), today)
    days = days[1:]  # drop the lag-only day
    periods = PERIODS[:1] if weekly else PERIODS
    flags = await svc.storage.insights.red_flags(profile.person_id)
    recent = [f for f in flags if f.day > today - timedelta(days=longest)]
    title = i18n.t(lang, "insights-weekly-title" if weekly else "insights-summary-title")
    if not logged_anything(days[-max(periods):]):
        # Someone whose only entry in the period is a warning sign still sees it (and /report).
        in_period = [f for f in recent if f.day > today - timedelta(days=max(periods))]
        return "\n\n".join([title, redflag_line(i18n, lang, in_period[-1])]) if in_period else None
    # Periods start no earlier than the first logged day: no "1 of 30 days" for someone here a day.
    first = await svc.storage.insights.first_logged(profile.person_id) or today
    blocks = [title, *("\n".join(summary_lines(i18n, lang, s)) for s in _period_summaries(days, periods, first))]
    stats = trigger_stats(days[-STATS_DAYS - 1:], limits_of(profile), since=days[-STATS_DAYS].day)
    blocks.append("\n".join(trigger_lines(i18n, lang, stats, limits_of(profile))))
    if recent:
        blocks.append(redflag_line(i18n, lang, recent[-1]))
    blocks.append(i18n.t(lang, "insights-summary-more"))
    return "\n\n".join(blocks)


def _period_summaries(days: Sequence[Day], periods: Sequence[int], first: date) -> list[Summary]:
    """Each period's summary against the one before it, from the first logged day on; a period
    holding the same days as a shorter one (someone new) is left out."""
    shown: set[int] = set()
    out = []
    for length in periods:
        current = [d for d in days[-length:] if d.day >= first]
        if len(current) in shown:
            continue
        shown.add(len(current))
        before = [d for d in days[-2 * length:-length] if d.day >= first]
        out.append(summarize(current, before))
    return out


async def build_doctor_report(svc: Services, profile: Profile, now: datetime,
                              start: date, end: date) -> tuple[DoctorReport, PdfContent, list[Day]]:
    """Gather the figures and words of the report (the drawing happens in a thread)."""
    repo = svc.storage.insights
    with_lag = await load_days(svc, profile, start, end)
    days = with_lag[1:]
    limits = limits_of(profile)
    report = build_report(days, limits, await repo.first_twitch(profile.person_id),
                          await repo.red_flags(profile.person_id),
                          await repo.nudges(profile.person_id, profile.timezone),
                          await repo.notes(profile.person_id, start, end))
    content = report_content(svc.i18n, profile.language, report, trigger_stats(with_lag, limits, since=start), limits,
                             profile.local_day(now))
    return report, content, days


# Drawn by coachbot.render (a child process by default), so matplotlib and fpdf never load in the bot.
CHART = "coachbot.charts:render_chart"
PDF = "coachbot.pdf:render_pdf"


async def draw_report(render: Renderer, content: PdfContent, days: Sequence[Day], text: ChartText,
                      limits: Limits) -> bytes:
    """Chart, then PDF, one drawing at a time (so matplotlib and fpdf are never in memory together)."""
    png = await render(CHART, days, text, limits.caffeine_limit_mg, limits.water_goal_ml, wide=True)
    return await render(PDF, content, png)


# ------------------------------------------------------------------ handlers
async def summary_command(update: Update, context: Context) -> None:
    """Send the 7- and 30-day summary with trigger statistics."""
    profile = await require_person(update, context)
    if profile is None:
        return
    text = await summary_text(services(context), profile, services(context).now())
    await send(update, context, text or tr(context, profile.language, "insights-empty"))


async def chart_command(update: Update, context: Context) -> None:
    """Send the chart of the last 30 days (from the first logged day) as a photo."""
    profile = await require_person(update, context)
    if profile is None or update.effective_chat is None:
        return
    svc, lang = services(context), profile.language
    span = await period(svc, profile, svc.now())
    days = (await load_days(svc, profile, *span))[1:] if span else []
    if not span or not logged_anything(days):
        await send(update, context, tr(context, lang, "insights-empty"))
        return
    start, end = span
    async with working(context, update.effective_chat.id, ChatAction.UPLOAD_PHOTO):
        png = await svc.renderer(CHART, days, chart_text(svc.i18n, lang, start, end),
                                 profile.caffeine_limit_mg, profile.water_goal_ml)
    await context.bot.send_photo(update.effective_chat.id, InputFile(png, filename="twitch-chart.png"),
                                 caption=tr(context, lang, "insights-chart-caption", start=long_date(start, lang),
                                            end=long_date(end, lang)),
                                 parse_mode=ParseMode.HTML)


async def report_command(update: Update, context: Context) -> None:
    """Send the doctor report as a PDF document."""
    profile = await require_person(update, context)
    if profile is None or update.effective_chat is None:
        return
    svc, lang = services(context), profile.language
    now = svc.now()
    span = await period(svc, profile, now)
    flags = await svc.storage.insights.red_flags(profile.person_id)
    nudges = await svc.storage.insights.nudges(profile.person_id, profile.timezone)
    if span is None and (flags or nudges):
        span = window(profile.local_day(now), 1)   # only a warning sign or a nudge: today alone
    if span is None:
        await send(update, context, tr(context, lang, "insights-empty"))
        return
    start, end = span
    report, content, days = await build_doctor_report(svc, profile, now, start, end)
    if not report.has_data and not report.red_flags and not report.nudges:
        await send(update, context, tr(context, lang, "insights-empty"))
        return
    async with working(context, update.effective_chat.id, ChatAction.UPLOAD_DOCUMENT):
        pdf = await draw_report(svc.renderer, content, days, chart_text(svc.i18n, lang, start, end),
                                limits_of(profile))
    name = f"twitch-report-{profile.local_day(now).isoformat()}.pdf"
    await context.bot.send_document(update.effective_chat.id, InputFile(pdf, filename=name),
                                    caption=tr(context, lang, "insights-report-caption",
                                               start=long_date(start, lang), end=long_date(end, lang)),
                                    parse_mode=ParseMode.HTML)


@on_press()
async def on_button(press: Press) -> None:
    """Turn the weekly summary on or off from /settings; the button carries the value it sets."""
    match press.button:
        case WeeklySummary(on=on):
            updated = await press.svc.save_settings(press.person, weekly_summary_on=on)
            await settings_view.show_settings(press.update, press.context, updated, saved=True, replace=True)


async def weekly_summary(svc: Services, profile: Profile, now: datetime) -> Outgoing | None:
    """The Sunday-evening summary; nothing at all when the person logged nothing this week."""
    text = await summary_text(svc, profile, now, weekly=True)
    return Outgoing(text) if text else None


def _weekly_value(profile: Profile, i18n: I18n) -> str:
    return i18n.t(profile.language, "insights-on" if profile.weekly_summary_on else "insights-off")


WEEKLY_SETTING = settings_view.SettingItem(WEEKLY_ITEM, _weekly_value,
                                           lambda p: WeeklySummary(not p.weekly_summary_on))
