"""The 30-day chart: twitch intensity per day with caffeine, water and sleep alongside.

matplotlib's object API on the Agg canvas (no pyplot, no global state), so
charts can be drawn in worker threads while the bot keeps serving. Portrait and
large-type by default so it reads on a phone; `wide=True` suits the PDF page.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from coachbot.domain.stats import Day

# matplotlib shares font caches between figures and is not documented as thread-safe:
# drawings run in worker threads, one at a time (each takes a fraction of a second).
_DRAW_LOCK = threading.Lock()
COLORS = {"twitch": "#c0504d", "caffeine": "#8c564b", "water": "#1f77b4", "sleep": "#6a51a3",
          "line": "#444444", "grid": "#dddddd", "missing": "#bbbbbb"}


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


def render_chart(days: Sequence[Day], text: ChartText, caffeine_limit_mg: int, water_goal_ml: int,
                 *, wide: bool = False) -> bytes:
    """PNG bytes of the chart for `days` (oldest first)."""
    with _DRAW_LOCK:
        return _draw(days, text, caffeine_limit_mg, water_goal_ml, wide)


def _draw(days: Sequence[Day], text: ChartText, caffeine_limit_mg: int, water_goal_ml: int,
          wide: bool) -> bytes:
    # matplotlib is imported on first use (normally in coachbot.render's child process).
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import DateFormatter, DayLocator, date2num
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 6.2) if wide else (6.4, 8.6), dpi=150 if wide else 170)
    FigureCanvasAgg(fig)
    fig.set_layout_engine("constrained")
    axes = fig.subplots(4, 1, sharex=True, height_ratios=(1.4, 1, 1, 1))
    x = [d.day for d in days]
    fig.suptitle(text.title, fontsize=14, fontweight="bold")

    ax = axes[0]
    heights = [d.intensity if d.twitches else 0 for d in days]
    ax.bar(x, heights, color=COLORS["twitch"], width=0.8)
    missing = [d.day for d in days if not d.checked_in]
    ax.scatter(missing, [0.08] * len(missing), marker="x", color=COLORS["missing"], s=18, zorder=3)
    ax.set_ylim(0, 3.3)
    ax.set_yticks([0, 1, 2, 3], text.intensity_ticks)
    ax.set_title(f"{text.twitches}   (× {text.no_checkin})" if missing else text.twitches,
                 loc="left", fontsize=11)

    _bars(axes[1], x, [d.caffeine_mg for d in days], COLORS["caffeine"], text.caffeine,
          caffeine_limit_mg, text.limit)
    _bars(axes[2], x, [d.water_ml / 1000 for d in days], COLORS["water"], text.water,
          water_goal_ml / 1000, text.goal)

    ax = axes[3]
    slept = [(d.day, d.sleep_hours) for d in days if d.sleep_hours is not None]
    if slept:
        ax.plot([s[0] for s in slept], [s[1] for s in slept], marker="o", color=COLORS["sleep"])
    ax.axhline(7, color=COLORS["line"], linestyle="--", linewidth=0.8)
    ax.set_ylim(3.5, 9.5)
    ax.set_title(f"{text.sleep}   (- - - 7)", loc="left", fontsize=11)

    for ax in axes:
        ax.grid(axis="y", color=COLORS["grid"], linewidth=0.6)
        ax.tick_params(labelsize=9)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    if days:
        axes[-1].set_xlim(date2num(days[0].day) - 0.6, date2num(days[-1].day) + 0.6)
        axes[-1].xaxis.set_major_locator(DayLocator(interval=max(1, len(days) // (10 if wide else 6))))
        axes[-1].xaxis.set_major_formatter(DateFormatter("%d.%m"))
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def _bars(ax, x, values, color: str, title: str, target: float, target_label: str) -> None:
    ax.bar(x, values, color=color, width=0.8)
    ax.axhline(target, color=COLORS["line"], linestyle="--", linewidth=0.8)
    ax.set_ylim(0, max([target * 1.25, *values]) * 1.1 or 1)
    ax.set_title(f"{title}   (- - - {target_label})", loc="left", fontsize=11)
