"""The 30-day chart: twitch intensity per day with caffeine, water and sleep alongside.

matplotlib's object API on the Agg canvas (no pyplot, no global state), so
charts can be drawn in worker threads while the bot keeps serving. Portrait and
large-type by default so it reads on a phone; `wide=True` suits the PDF page.
Days with nothing logged for a panel are shaded grey and left empty (the sleep
line breaks there), so a gap never looks like a zero.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coachbot.domain.checkins import SHORT_SLEEP_BELOW_H
from coachbot.domain.stats import Day

# matplotlib shares font caches between figures and is not documented as thread-safe:
# drawings run in worker threads, one at a time (each takes a fraction of a second).
_DRAW_LOCK = threading.Lock()
MIN_SPAN_DAYS = 7       # a new person's first days still get day-wide bars, not one huge bar
COLORS = {"twitch": "#c0504d", "caffeine": "#8c564b", "water": "#1f77b4", "sleep": "#6a51a3",
          "line": "#444444", "grid": "#dddddd", "missing": "#bbbbbb", "gap": "#efefef"}


@dataclass(frozen=True)
class ChartText:
    """Localised labels (plain text) for the chart."""

    title: str
    twitches: str
    intensity_ticks: tuple[str, str, str, str]   # none, mild, noticeable, strong
    no_checkin: str
    caffeine: str
    limit: str
    water: str
    goal: str
    sleep: str
    gaps: str = "grey: nothing logged"
    # The axis's dates, written by the caller (coachbot.dates.short_date): babel's locale data
    # would cost the drawing process about 6 MB, and the bot has it loaded anyway.
    day_labels: tuple[tuple[date, str], ...] = ()


def axis_days(end: date, days: int) -> list[date]:
    """Every day the x axis can show for a chart of `days` days ending on `end` (short spans widen to a week)."""
    span = max(days, MIN_SPAN_DAYS)
    return [end - timedelta(days=i) for i in range(span, -1, -1)]


def render_chart(days: Sequence[Day], text: ChartText, caffeine_limit_mg: int, water_goal_ml: int,
                 *, wide: bool = False) -> bytes:
    """PNG bytes of the chart for `days` (oldest first)."""
    with _DRAW_LOCK:
        return _draw(days, text, caffeine_limit_mg, water_goal_ml, wide)


def _draw(days: Sequence[Day], text: ChartText, caffeine_limit_mg: int, water_goal_ml: int,
          wide: bool) -> bytes:
    # matplotlib is imported on first use (normally in coachbot.render's child process).
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # 960 × 1290 px on a phone: sharp at a phone's width, and the drawing process stays under
    # 80 MB (each extra megapixel costs about 8 MB of buffers while the chart is drawn).
    fig = Figure(figsize=(9, 5.6) if wide else (6.4, 8.6), dpi=150)
    FigureCanvasAgg(fig)
    fig.set_layout_engine("constrained")
    axes = fig.subplots(4, 1, sharex=True, height_ratios=(1.4, 1, 1, 1))
    fig.suptitle(text.title, fontsize=14, fontweight="bold")
    _twitch_panel(axes[0], days, text)
    _bars(axes[1], days, lambda d: d.caffeine_mg if d.intake_logged else None, COLORS["caffeine"],
          text.caffeine, caffeine_limit_mg, text.limit)
    _bars(axes[2], days, lambda d: d.water_ml / 1000 if d.water_logged else None, COLORS["water"],
          text.water, water_goal_ml / 1000, text.goal)
    _sleep_panel(axes[3], days, text)
    for ax in axes:
        ax.grid(axis="y", color=COLORS["grid"], linewidth=0.6)
        ax.tick_params(labelsize=9)
        ax.spines[["top", "right"]].set_visible(False)
    if days:
        _day_axis(axes[-1], days, text, wide)
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def _twitch_panel(ax, days: Sequence[Day], text: ChartText) -> None:
    """Bars of the day's strength; an × marks a day without a check-in (not a good day)."""
    missing = [d.day for d in days if not d.checked_in]
    _gaps(ax, missing)
    ax.bar([d.day for d in days], [d.intensity if d.twitches else 0 for d in days],
           color=COLORS["twitch"], width=0.8)
    ax.scatter(missing, [0.08] * len(missing), marker="x", color=COLORS["missing"], s=18, zorder=3)
    ax.set_ylim(0, 3.3)
    ax.set_yticks([0, 1, 2, 3], text.intensity_ticks)
    ax.set_title(f"{text.twitches}   (× {text.no_checkin})" if missing else text.twitches,
                 loc="left", fontsize=11)
    ax.set_title(text.gaps, loc="right", fontsize=9, color="#777777")


def _sleep_panel(ax, days: Sequence[Day], text: ChartText) -> None:
    _gaps(ax, [d.day for d in days if d.sleep_hours is None])
    # NaN breaks the line, so a night without an answer is a gap, not a straight line across it.
    hours = [d.sleep_hours if d.sleep_hours is not None else math.nan for d in days]
    ax.plot([d.day for d in days], hours, marker="o", color=COLORS["sleep"])
    ax.axhline(SHORT_SLEEP_BELOW_H, color=COLORS["line"], linestyle="--", linewidth=0.8)
    ax.set_ylim(3.5, 9.5)
    ax.set_title(f"{text.sleep}   (- - - {SHORT_SLEEP_BELOW_H})", loc="left", fontsize=11)


def _day_axis(ax, days: Sequence[Day], text: ChartText, wide: bool) -> None:
    """At least a week wide, about 6 (phone) or 10 (page) dates, written by the caller."""
    from matplotlib.dates import DayLocator, date2num, num2date
    from matplotlib.ticker import FuncFormatter

    span = max(len(days), MIN_SPAN_DAYS)
    ax.set_xlim(date2num(days[-1].day) - span + 0.4, date2num(days[-1].day) + 0.6)
    ax.xaxis.set_major_locator(DayLocator(interval=max(1, span // (10 if wide else 6))))
    labels = dict(text.day_labels)
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda value, _pos: labels.get(num2date(value).date(), f"{num2date(value).day}")))


def _gaps(ax, missing) -> None:
    """Shade days with nothing logged for this panel."""
    from matplotlib.dates import date2num

    for day in missing:
        ax.axvspan(date2num(day) - 0.5, date2num(day) + 0.5, color=COLORS["gap"], zorder=0, linewidth=0)


def _bars(ax, days: Sequence[Day], value: Callable[[Day], float | None], color: str, title: str,
          target: float, target_label: str) -> None:
    """One bar per day with something logged (`value` gives None for the others, shaded grey)."""
    values = [value(d) for d in days]
    _gaps(ax, [d.day for d, v in zip(days, values, strict=True) if v is None])
    shown = [(d.day, v) for d, v in zip(days, values, strict=True) if v is not None]
    ax.bar([day for day, _ in shown], [v for _, v in shown], color=color, width=0.8)
    ax.axhline(target, color=COLORS["line"], linestyle="--", linewidth=0.8)
    ax.set_ylim(0, max([target * 1.25, *(v for _, v in shown)]) * 1.1 or 1)
    ax.set_axisbelow(True)
    ax.set_title(f"{title}   (- - - {target_label})", loc="left", fontsize=11)
