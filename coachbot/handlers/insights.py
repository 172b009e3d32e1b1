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
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from coachbot.charts import ChartText
from coachbot.domain.profile import Profile
from coachbot.domain.report import REPORT_DAYS, DoctorReport, build_report
from coachbot.domain.stats import (
    Day,
    FactorStat,
    Limits,
    Summary,
    build_days,
    summarize,
    trigger_stats,
    window,
)
from coachbot.i18n import I18n
from coachbot.pdf import PdfContent, Section
from coachbot.reminders.kinds import Outgoing, register_renderer
from coachbot.render import Renderer
from coachbot.runtime import Services

from . import codec, settings_menu
from .common import Context, answer, require_person, send, services, tr

log = logging.getLogger(__name__)
COMMANDS = ["summary", "chart", "report"]
FEATURE = "ins"
PERIODS = (7, 30)
STATS_DAYS = 30
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


# ------------------------------------------------------------------ wording
def _join(i18n: I18n, lang: str, prefix: str, items: Sequence[tuple[str, int]], raw: bool = False) -> str:
    """'arm ×4, leg ×2' with each code named by the catalog (unknown codes shown as they are)."""
    render = i18n.raw if raw else i18n.t
    parts = []
    for code, count in items:
        name = render(lang, f"{prefix}-{code}") if i18n.has(f"{prefix}-{code}") else code
        parts.append(render(lang, "insights-item-count", name=name, count=count))
    return ", ".join(parts)


def _number(value: float | None, i18n: I18n, lang: str, raw: bool = False) -> float | str:
    """The number itself (Fluent formats it for the language), or a dash when nothing was logged."""
    if value is None:
        return (i18n.raw if raw else i18n.t)(lang, "insights-not-logged")
    return value


def summary_lines(i18n: I18n, lang: str, summary: Summary) -> list[str]:
    """A few lines about one period, for chat."""
    lines = [i18n.t(lang, "insights-period", days=summary.days)]
    if summary.checkins == 0:
        lines.append(i18n.t(lang, "insights-no-checkins"))
    else:
        lines.append(i18n.t(lang, "insights-checkins", checkins=summary.checkins, days=summary.days,
                            twitch=summary.twitch_days))
        if summary.locations:
            lines.append(i18n.t(lang, "insights-where",
                                places=_join(i18n, lang, "insights-loc", summary.locations)))
        if summary.intensity:
            lines.append(i18n.t(lang, "insights-strength",
                                levels=_join(i18n, lang, "insights-level", summary.intensity)))
        lines.append(i18n.t(lang, f"insights-trend-{summary.trend}", days=summary.days))
    lines.append(i18n.t(lang, "insights-averages",
                        caffeine=_number(summary.caffeine_avg_mg, i18n, lang),
                        water=_number(summary.water_avg_ml, i18n, lang),
                        sleep=_number(summary.sleep_avg_h, i18n, lang),
                        stress=_number(summary.stress_avg, i18n, lang)))
    return lines


def factor_line(i18n: I18n, lang: str, stat: FactorStat, limits: Limits, raw: bool = False) -> str:
    render = i18n.raw if raw else i18n.t
    name = render(lang, f"insights-factor-{stat.factor}", limit=limits.caffeine_limit_mg,
                  goal=limits.water_goal_ml)
    return render(lang, "insights-factor-line", factor=name, w=stat.with_days, wt=stat.with_twitch_days,
                  wo=stat.without_days, wot=stat.without_twitch_days,
                  verdict=render(lang, f"insights-verdict-{stat.verdict}"))


def trigger_lines(i18n: I18n, lang: str, stats: Sequence[FactorStat], limits: Limits) -> list[str]:
    # A factor seen on only one side (e.g. every day over the limit) has nothing to compare yet.
    shown = [s for s in stats if s.with_days > 0 and s.without_days > 0]
    lines = [i18n.t(lang, "insights-triggers-title", days=STATS_DAYS)]
    if not shown:
        lines.append(i18n.t(lang, "insights-triggers-empty"))
        return lines
    lines += [factor_line(i18n, lang, s, limits) for s in shown]
    lines.append(i18n.t(lang, "insights-triggers-note"))
    return lines


async def summary_text(svc: Services, profile: Profile, now: datetime, *, weekly: bool = False) -> str | None:
    """The /summary message (or the weekly one); None when nothing was logged at all."""
    i18n, lang = svc.i18n, profile.language
    today = profile.local_day(now)
    longest = max(PERIODS)
    days = await load_days(svc, profile, today - timedelta(days=2 * longest - 1), today)
    days = days[1:]  # drop the lag-only day
    periods = PERIODS[:1] if weekly else PERIODS
    if not logged_anything(days[-max(periods):]):
        return None
    blocks = [i18n.t(lang, "insights-weekly-title" if weekly else "insights-summary-title")]
    for length in periods:
        blocks.append("\n".join(summary_lines(i18n, lang, summarize(days[-length:],
                                                                    days[-2 * length:-length]))))
    stats = trigger_stats(days[-STATS_DAYS - 1:], limits_of(profile), since=days[-STATS_DAYS].day)
    blocks.append("\n".join(trigger_lines(i18n, lang, stats, limits_of(profile))))
    flags = await svc.storage.insights.red_flags(profile.person_id)
    recent = [f for f in flags if f.day > today - timedelta(days=longest)]
    if recent:
        last = recent[-1]
        blocks.append(i18n.t(lang, "insights-redflag", date=last.day.isoformat(),
                             flags=_flag_names(i18n, lang, last.flags, raw=False)))
    blocks.append(i18n.t(lang, "insights-summary-more"))
    return "\n\n".join(blocks)


def _flag_names(i18n: I18n, lang: str, flags: Sequence[str], raw: bool) -> str:
    render = i18n.raw if raw else i18n.t
    return ", ".join(render(lang, f"insights-flag-{f}") if i18n.has(f"insights-flag-{f}") else f
                     for f in flags) or render(lang, "insights-flag-emergency")


# ------------------------------------------------------------------ chart and PDF
def chart_text(i18n: I18n, lang: str, days: int) -> ChartText:
    r = i18n.raw
    return ChartText(
        title=r(lang, "insights-chart-title", days=days), twitches=r(lang, "insights-chart-twitches"),
        intensity_ticks=(r(lang, "insights-chart-none"), r(lang, "insights-level-mild"),
                         r(lang, "insights-level-noticeable"), r(lang, "insights-level-strong")),
        no_checkin=r(lang, "insights-chart-no-checkin"), caffeine=r(lang, "insights-chart-caffeine"),
        limit=r(lang, "insights-chart-limit"), water=r(lang, "insights-chart-water"),
        goal=r(lang, "insights-chart-goal"), sleep=r(lang, "insights-chart-sleep"))


async def chart_days(svc: Services, profile: Profile, now: datetime) -> list[Day]:
    start, end = window(profile.local_day(now), REPORT_DAYS)
    return (await load_days(svc, profile, start, end))[1:]


def report_content(i18n: I18n, lang: str, report: DoctorReport, stats: Sequence[FactorStat],
                   limits: Limits, generated: date) -> PdfContent:
    """The doctor report's words, in the person's language (plain text for the PDF)."""
    r = i18n.raw
    s = report.summary
    none = r(lang, "insights-report-none")
    twitches = [
        r(lang, "insights-report-checkins", checkins=s.checkins, days=s.days, twitch=s.twitch_days),
        r(lang, "insights-report-first", date=report.first_twitch.isoformat() if report.first_twitch else none),
        r(lang, "insights-report-where", places=_join(i18n, lang, "insights-loc", s.locations, raw=True) or none),
        r(lang, "insights-report-often", often=_join(i18n, lang, "insights-freq", report.frequency, raw=True) or none),
        r(lang, "insights-report-strength", levels=_join(i18n, lang, "insights-level", s.intensity, raw=True) or none),
    ]
    flags = [r(lang, "insights-report-flag", date=f.day.isoformat(),
               flags=_flag_names(i18n, lang, f.flags, raw=True)) for f in report.red_flags]
    if report.red_flags_total > len(report.red_flags):
        flags.append(r(lang, "insights-report-earlier", n=report.red_flags_total - len(report.red_flags)))
    medicines = ([r(lang, "insights-report-medicine",
                    dates=", ".join(d.isoformat() for d in report.medicine_days))]
                 if report.medicine_days else [r(lang, "insights-report-no-medicine")])
    intake = [
        r(lang, "insights-report-caffeine", avg=_number(s.caffeine_avg_mg, i18n, lang, raw=True),
          limit=report.caffeine_limit_mg, over=report.caffeine_over_days),
        r(lang, "insights-report-water", avg=_number(s.water_avg_ml, i18n, lang, raw=True),
          goal=report.water_goal_ml, low=report.water_low_days),
    ]
    rest = [
        r(lang, "insights-report-sleep", avg=_number(s.sleep_avg_h, i18n, lang, raw=True),
          short=report.short_sleep_days),
        r(lang, "insights-report-stress", avg=_number(s.stress_avg, i18n, lang, raw=True),
          high=report.high_stress_days),
    ]
    patterns = [factor_line(i18n, lang, st, limits, raw=True) for st in stats if st.enough]
    nudges = [r(lang, "insights-report-nudge", date=n.day.isoformat(), level=n.level,
                reasons=", ".join(r(lang, f"insights-reason-{c}") if i18n.has(f"insights-reason-{c}")
                                  else c.replace("_", " ") for c in n.reasons),
                response=r(lang, f"insights-report-answer-{n.response or 'none'}")
                if i18n.has(f"insights-report-answer-{n.response or 'none'}") else n.response)
              for n in report.nudges]
    if report.nudges_total > len(report.nudges):
        nudges.append(r(lang, "insights-report-earlier", n=report.nudges_total - len(report.nudges)))
    sections = (
        Section(r(lang, "insights-report-h-twitches"), tuple(twitches)),
        Section(r(lang, "insights-report-h-flags"), tuple(flags) or (r(lang, "insights-report-no-flags"),)),
        Section(r(lang, "insights-report-h-medicines"), tuple(medicines)),
        Section(r(lang, "insights-report-h-intake"), tuple(intake)),
        Section(r(lang, "insights-report-h-sleep"), tuple(rest)),
        Section(r(lang, "insights-report-h-patterns"), tuple(patterns) or (r(lang, "insights-report-no-patterns"),)),
        Section(r(lang, "insights-report-h-nudges"), tuple(nudges) or (r(lang, "insights-report-no-nudges"),)),
    )
    return PdfContent(
        title=r(lang, "insights-report-title"),
        subtitle=r(lang, "insights-report-period", start=report.start.isoformat(), end=report.end.isoformat(),
                   days=s.days),
        sections=sections, footer=r(lang, "insights-report-footer", date=generated.isoformat()))


async def build_doctor_report(svc: Services, profile: Profile, now: datetime) -> tuple[DoctorReport, PdfContent, list[Day]]:
    """Gather the figures and words of the report (the drawing happens in a thread)."""
    repo = svc.storage.insights
    start, end = window(profile.local_day(now), REPORT_DAYS)
    with_lag = await load_days(svc, profile, start, end)
    days = with_lag[1:]
    limits = limits_of(profile)
    report = build_report(days, limits, await repo.first_twitch(profile.person_id),
                          await repo.red_flags(profile.person_id),
                          await repo.nudges(profile.person_id, profile.timezone))
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
    """Send the 30-day chart as a photo."""
    profile = await require_person(update, context)
    if profile is None or update.effective_chat is None:
        return
    svc, lang = services(context), profile.language
    days = await chart_days(svc, profile, svc.now())
    if not logged_anything(days):
        await send(update, context, tr(context, lang, "insights-empty"))
        return
    png = await svc.renderer(CHART, days, chart_text(svc.i18n, lang, REPORT_DAYS),
                             profile.caffeine_limit_mg, profile.water_goal_ml)
    await context.bot.send_photo(update.effective_chat.id, InputFile(png, filename="twitch-chart.png"),
                                 caption=tr(context, lang, "insights-chart-caption"),
                                 parse_mode=ParseMode.HTML)


async def report_command(update: Update, context: Context) -> None:
    """Send the one-page doctor report as a PDF document."""
    profile = await require_person(update, context)
    if profile is None or update.effective_chat is None:
        return
    svc, lang = services(context), profile.language
    now = svc.now()
    report, content, days = await build_doctor_report(svc, profile, now)
    if not report.has_data and not report.red_flags and not report.nudges:
        await send(update, context, tr(context, lang, "insights-empty"))
        return
    pdf = await draw_report(svc.renderer, content, days, chart_text(svc.i18n, lang, REPORT_DAYS),
                            limits_of(profile))
    name = f"twitch-report-{profile.local_day(now).isoformat()}.pdf"
    await context.bot.send_document(update.effective_chat.id, InputFile(pdf, filename=name),
                                    caption=tr(context, lang, "insights-report-caption"),
                                    parse_mode=ParseMode.HTML)


async def on_button(update: Update, context: Context) -> None:
    """Toggle the weekly summary from /settings."""
    button = codec.decode(update.callback_query.data if update.callback_query else None)
    profile = await require_person(update, context)
    if profile is None or button is None:
        return
    await answer(update)
    if button.action != "weekly":
        return
    svc = services(context)
    await svc.storage.people.update_settings(profile.person_id, weekly_summary_on=not profile.weekly_summary_on)
    updated = await svc.storage.people.get(profile.person_id)
    if updated is None:
        return
    await svc.hooks.emit("settings_changed", updated, svc.now())
    await settings_menu.show_settings(update, context, updated, saved=True, replace=True)


async def weekly_summary(svc: Services, profile: Profile, now: datetime) -> Outgoing | None:
    """The Sunday-evening summary; nothing at all when the person logged nothing this week."""
    text = await summary_text(svc, profile, now, weekly=True)
    return Outgoing(text) if text else None


def _weekly_value(profile: Profile, i18n: I18n) -> str:
    return i18n.t(profile.language, "insights-on" if profile.weekly_summary_on else "insights-off")


def register(app: Application) -> None:
    app.add_handler(CommandHandler("summary", summary_command))
    app.add_handler(CommandHandler("chart", chart_command))
    app.add_handler(CommandHandler("report", report_command))
    app.add_handler(CallbackQueryHandler(on_button, pattern=codec.pattern(FEATURE)))
    if not any(item.label_key == WEEKLY_ITEM for item in settings_menu.EXTRA_ITEMS):
        settings_menu.EXTRA_ITEMS.append(
            settings_menu.SettingItem(WEEKLY_ITEM, _weekly_value, codec.encode(FEATURE, "weekly")))
    register_renderer("summary", weekly_summary)
