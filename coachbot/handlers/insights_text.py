"""What /summary, the weekly summary, the chart and the doctor report say, in the person's language.

Pure wording: figures in, sentences out (the PDF and the chart get plain text, the chat gets HTML).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from coachbot.charts import ChartText, axis_days
from coachbot.dates import long_date, short_date
from coachbot.domain.report import DoctorReport, RedFlag
from coachbot.domain.stats import Average, FactorStat, Limits, Summary
from coachbot.i18n import I18n
from coachbot.pdf import PdfContent, Section

STATS_DAYS = 30     # the trigger comparison looks at the last 30 days


def _name(i18n: I18n, lang: str, keys: Sequence[str], code: str, raw: bool) -> str:
    """A code named by the first catalog key that exists; an unknown code shown readably."""
    render = i18n.raw if raw else i18n.t
    for key in keys:
        if i18n.has(key):
            return render(lang, key)
    return code.replace("_", " ")


def _join(i18n: I18n, lang: str, prefix: str, items: Sequence[tuple[str, int]], raw: bool = False) -> str:
    """'arm ×4, leg ×2' with each code named by the catalog (unknown codes shown as they are)."""
    render = i18n.raw if raw else i18n.t
    return ", ".join(render(lang, "insights-item-count", name=_name(i18n, lang, [f"{prefix}-{code}"], code, raw),
                            count=count) for code, count in items)


def _counted(i18n: I18n, lang: str, key: str, average: Average, raw: bool = False, **args: object) -> str:
    """An average with the number of days it stands on, or the key's "-none" wording for no days."""
    render = i18n.raw if raw else i18n.t
    if not average.days:
        return render(lang, f"{key}-none", **args)
    return render(lang, key, value=average.value, avg=average.value, n=average.days, **args)


def _averages(i18n: I18n, lang: str, s: Summary) -> str:
    """One line of averages, each with the number of days (or nights) it stands on."""
    return i18n.t(lang, "insights-averages",
                  caffeine=_counted(i18n, lang, "insights-avg-caffeine", s.caffeine),
                  water=_counted(i18n, lang, "insights-avg-water", s.water),
                  sleep=_counted(i18n, lang, "insights-avg-sleep", s.sleep),
                  stress=_counted(i18n, lang, "insights-avg-stress", s.stress))


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
    lines.append(_averages(i18n, lang, summary))
    if summary.exercise:
        lines.append(i18n.t(lang, "insights-exercise",
                            levels=_join(i18n, lang, "insights-exercise", summary.exercise)))
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


def redflag_line(i18n: I18n, lang: str, flag: RedFlag) -> str:
    """"⚠️ On <day> you told me about …: worth showing to a doctor soon"."""
    return i18n.t(lang, "insights-redflag", date=long_date(flag.day, lang),
                  flags=_flag_names(i18n, lang, flag, raw=False))


def _flag_names(i18n: I18n, lang: str, flag: RedFlag, raw: bool) -> str:
    """The warning signs of one report, named by whichever catalog knows the code."""
    names = [_name(i18n, lang, [f"insights-flag-{f}", f"checkin-flag-{f}"], f, raw) for f in flag.flags]
    if flag.emergency or not names:
        names.append(_name(i18n, lang, ["insights-flag-emergency"], "emergency", raw))
    return ", ".join(names)


# ------------------------------------------------------------------ chart and PDF
def chart_text(i18n: I18n, lang: str, start: date, end: date) -> ChartText:
    r = i18n.raw
    return ChartText(
        title=r(lang, "insights-chart-title", start=long_date(start, lang), end=long_date(end, lang)),
        twitches=r(lang, "insights-chart-twitches"),
        intensity_ticks=(r(lang, "insights-chart-none"), r(lang, "insights-level-mild"),
                         r(lang, "insights-level-noticeable"), r(lang, "insights-level-strong")),
        no_checkin=r(lang, "insights-chart-no-checkin"), caffeine=r(lang, "insights-chart-caffeine"),
        limit=r(lang, "insights-chart-limit"), water=r(lang, "insights-chart-water"),
        goal=r(lang, "insights-chart-goal"), sleep=r(lang, "insights-chart-sleep"),
        gaps=r(lang, "insights-chart-gaps"),
        day_labels=tuple((d, short_date(d, lang)) for d in axis_days(end, (end - start).days + 1)))


def report_content(i18n: I18n, lang: str, report: DoctorReport, stats: Sequence[FactorStat],
                   limits: Limits, generated: date) -> PdfContent:
    """The doctor report's words, in the person's language (plain text for the PDF)."""
    r = i18n.raw
    s = report.summary

    def day(d: date) -> str:
        return long_date(d, lang)

    none = r(lang, "insights-report-none")
    twitches = [
        r(lang, "insights-report-checkins", checkins=s.checkins, days=s.days, twitch=s.twitch_days),
        r(lang, "insights-report-first", date=day(report.first_twitch) if report.first_twitch else none),
        r(lang, "insights-report-where", places=_join(i18n, lang, "insights-loc", s.locations, raw=True) or none),
        r(lang, "insights-report-often", often=_join(i18n, lang, "insights-freq", report.frequency, raw=True) or none),
        r(lang, "insights-report-strength", levels=_join(i18n, lang, "insights-level", s.intensity, raw=True) or none),
    ]
    flags = _flag_lines(i18n, lang, report)
    nudges = _nudge_lines(i18n, lang, report)
    medicines = ([r(lang, "insights-report-medicine", dates=", ".join(day(d) for d in report.medicine_days))]
                 if report.medicine_days else [r(lang, "insights-report-no-medicine")])
    intake = [
        _counted(i18n, lang, "insights-report-caffeine", s.caffeine, raw=True,
                 limit=report.caffeine_limit_mg, over=report.caffeine_over_days),
        _counted(i18n, lang, "insights-report-water", s.water, raw=True,
                 goal=report.water_goal_ml, low=report.water_low_days),
    ]
    rest = [
        _counted(i18n, lang, "insights-report-sleep", s.sleep, raw=True, short=report.short_sleep_days),
        _counted(i18n, lang, "insights-report-stress", s.stress, raw=True, high=report.high_stress_days),
    ]
    if s.exercise:
        rest.append(r(lang, "insights-report-exercise",
                      levels=_join(i18n, lang, "insights-exercise", s.exercise, raw=True)))
    patterns = [factor_line(i18n, lang, st, limits, raw=True) for st in stats if st.enough]
    patterns = patterns or [r(lang, "insights-report-no-patterns")]
    patterns.append(r(lang, "insights-report-patterns-note"))
    notes = _listed(i18n, lang, [r(lang, "insights-report-note", date=day(d), text=text) for d, text in report.notes],
                    report.notes_total)
    sections = (
        Section(r(lang, "insights-report-h-twitches"), tuple(twitches)),
        Section(r(lang, "insights-report-h-flags"), tuple(flags) or (r(lang, "insights-report-no-flags"),)),
        Section(r(lang, "insights-report-h-nudges"), tuple(nudges) or (r(lang, "insights-report-no-nudges"),)),
        Section(r(lang, "insights-report-h-medicines"), tuple(medicines)),
        Section(r(lang, "insights-report-h-intake"), tuple(intake)),
        Section(r(lang, "insights-report-h-sleep"), tuple(rest)),
        Section(r(lang, "insights-report-h-patterns"), tuple(patterns)),
        *((Section(r(lang, "insights-report-h-notes"), tuple(notes)),) if notes else ()),
    )
    return PdfContent(
        title=r(lang, "insights-report-title"),
        subtitle=r(lang, "insights-report-period", start=day(report.start), end=day(report.end), days=s.days),
        sections=sections, footer=r(lang, "insights-report-footer", date=day(generated)),
        page_label=r(lang, "insights-report-page", page="{page}", pages="{pages}"),
        chart_after=1)


def _listed(i18n: I18n, lang: str, lines: list[str], total: int) -> list[str]:
    """The newest lines the report lists, then "and N earlier" for the ones it leaves out."""
    if total > len(lines):
        return [*lines, i18n.raw(lang, "insights-report-earlier", n=total - len(lines))]
    return lines


def _flag_lines(i18n: I18n, lang: str, report: DoctorReport) -> list[str]:
    lines = [i18n.raw(lang, "insights-report-flag", date=long_date(f.day, lang),
                      flags=_flag_names(i18n, lang, f, raw=True)) for f in report.red_flags]
    return _listed(i18n, lang, lines, report.red_flags_total)


def _nudge_lines(i18n: I18n, lang: str, report: DoctorReport) -> list[str]:
    """Each doctor nudge with its reasons, its level and what the person answered."""
    r = i18n.raw
    lines = []
    for n in report.nudges:
        reasons = ", ".join(_name(i18n, lang, [f"insights-reason-{c}", f"insights-flag-{c}"], c, raw=True)
                            for c in n.reasons)
        line = r(lang, "insights-report-nudge", date=long_date(n.day, lang), reasons=reasons,
                 level=_name(i18n, lang, [f"insights-report-level-{n.level}"], str(n.level), raw=True))
        if n.response and i18n.has(f"insights-report-answer-{n.response}"):
            line += " " + r(lang, f"insights-report-answer-{n.response}", date=long_date(n.responded or n.day, lang))
        lines.append(line)
    return _listed(i18n, lang, lines, report.nudges_total)
