"""Each benchmark runs end to end with tiny sizes and prints its JSON (no timing asserted)."""

from __future__ import annotations

import json

import pytest

from bench import fanout, scheduler_scale, updates


def last_json(capsys: pytest.CaptureFixture[str]) -> dict:
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


async def test_updates_keeps_every_persons_answers_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    from bench._common import emit

    emit(await updates.run(updates.parse(["--quick", "--people", "4", "--bot", "inline"])))
    out = last_json(capsys)["capacity"]
    assert out["updates"] == 40 and out["order_preserved"] and out["unanswered_people"] == 0
    assert {"updates_per_s", "latency_ms_p50", "latency_ms_p99"} <= out.keys()


async def test_the_capacity_run_replaces_each_person_who_is_done_until_its_time_is_up() -> None:
    out = await updates.measure(updates.parse(["--people", "4", "--think", "0.05", "--capacity-seconds", "2",
                                               "--no-baseline", "--bot", "inline"]))
    assert out["people_at_once"] == 4 and out["people"] > 4 and out["sustained_s"] == 2
    assert out["updates"] == 10 * out["people"] and out["order_preserved"] and out["unanswered_people"] == 0


@pytest.mark.subprocess  # the stock bot runs in its own process
async def test_updates_baseline_is_a_stock_ptb_bot_keeping_order() -> None:
    out = await updates.measure(updates.parse(["--quick", "--people", "3"]), rate=30, stock=True)
    assert out["bot"] == "stock-ptb" and out["updates"] == 30 and out["order_preserved"]


@pytest.mark.subprocess  # the bot runs in its own process
async def test_fanout_loses_and_duplicates_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    from bench._common import emit

    emit(await fanout.run(fanout.parse(["--quick", "--people", "30", "--speedup", "20", "--reply-rate", "5"])))
    out = last_json(capsys)["coachbot"]
    assert (out["due"], out["delivered"], out["lost"], out["duplicated"]) == (30, 30, 0, 0)
    assert {"http_429", "achieved_rate_per_s", "lateness_s_p99_scaled", "reply_ms_p95"} <= out.keys()


@pytest.mark.subprocess  # each phase in a fresh process
def test_scheduler_scale_claims_each_tick(capsys: pytest.CaptureFixture[str]) -> None:
    scheduler_scale.main(["--people", "300", "--due", "50", "--ticks", "2", "--jobqueue-people", "50"])
    out = last_json(capsys)
    assert out["engine"]["reminder_rows"] == 1500 and out["engine"]["claimed_per_tick"] == [50, 50]
    assert out["jobqueue"]["jobs"] == 50 and "rss_mb" in out["engine"]


@pytest.mark.subprocess  # the real `coachbot run` in its own process
async def test_memory_reads_the_bot_and_its_drawing_child(capsys: pytest.CaptureFixture[str]) -> None:
    from bench import memory
    from bench._common import emit

    emit(await memory.run(memory.parse(["--quick"])))
    out = last_json(capsys)["coachbot"]
    assert out["rss_mb_after_start"] > 0 and out["during_chart_and_report"]["total_mb"] > 0
    assert {"rss_mb_after_checkins", "extra_mb_during_chart_and_report"} <= out.keys()


@pytest.mark.subprocess  # two bot processes behind the benchmark's webhook pump
async def test_fanout_on_postgresql_with_two_workers_loses_and_duplicates_nothing(
        pg, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACHBOT_TEST_PG_URL", pg.base_url)   # the session's server, a fresh schema per run
    out = await fanout.measure(fanout.parse(["--quick", "--people", "40", "--speedup", "20", "--reply-rate", "5",
                                             "--storage", "postgresql", "--workers", "2"]))
    assert (out["storage"], out["workers"], out["workers_seen_by_each"]) == ("postgresql", 2, 2)
    assert (out["due"], out["delivered"], out["lost"], out["duplicated"]) == (40, 40, 0, 0)
    assert len(out["worker_cpu_s"]) == 2


@pytest.mark.subprocess
async def test_updates_on_postgresql_with_two_workers_reach_both(pg, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACHBOT_TEST_PG_URL", pg.base_url)
    out = await updates.measure(updates.parse(["--quick", "--people", "6", "--timeout", "10",
                                               "--storage", "postgresql", "--workers", "2"]))
    assert (out["storage"], out["workers"]) == ("postgresql", 2) and len(out["worker_cpu_s"]) == 2
    assert sum(out["updates_per_worker"]) >= 6 and out["updates"] >= 6


def test_several_workers_need_postgresql() -> None:
    with pytest.raises(SystemExit):
        updates.parse(["--workers", "3"])


@pytest.mark.parametrize(("loops_ms", "steal_pct", "expected"), [
    ((8.0, 8.0), (0.0, 0.0), 0.8),      # same machine: 80 % is 80 %
    ((8.0, 10.0), (0.0, 0.0), 1.0),     # the loop ran a quarter slower: the same rate is all of it
    ((8.0, 8.0), (5.0, 18.0), 0.93),    # the host took 18 % instead of 5 %: less left for the bot
    ((8.0, 8.0), (20.0, 0.0), 0.64),    # capacity was measured while much was stolen
    ((8.0, 8.0), (None, 3.0), None),    # no /proc/stat: no figure rather than a wrong one
])
def test_the_80_percent_run_is_compared_with_the_capacity_the_machine_had_then(
        loops_ms: tuple[float, float], steal_pct: tuple[float | None, float | None], expected: float | None) -> None:
    capacity = {"updates_per_s": 1000.0, "machine_speed": {"loop_ms_p50": loops_ms[0]}, "machine_steal_pct": steal_pct[0]}
    below = {"machine_speed": {"loop_ms_p50": loops_ms[1]}, "machine_steal_pct": steal_pct[1]}
    assert updates.after_steal(800.0, capacity, below) == expected
