"""bench/bench.py's own logic: pairing, medians of ratios, verdicts, and the plans it makes.

No timing is asserted here: the benchmark's figures are its own business. bench is a script,
not a package, so it is imported by path.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT, run


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readiness_bench", ROOT / "bench" / "bench.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


def test_pairs_alternate_which_side_runs_first_and_ratios_are_per_pair() -> None:
    order: list[str] = []
    baseline_times = iter([1.0, 2.0, 1.0, 4.0, 1.0])
    command_times = iter([1.5, 2.0, 3.0, 6.0, 1.4])

    def baseline():  # type: ignore[no-untyped-def]
        order.append("baseline")
        return bench.Run(next(baseline_times), 100)

    def command():  # type: ignore[no-untyped-def]
        order.append("command")
        return bench.Run(next(command_times), 200)

    paired = bench.measure_pairs(baseline, command, 5)
    assert order[:4] == ["baseline", "command", "command", "baseline"]
    assert len(order) == 10
    assert paired.ratios == [1.5, 1.0, 3.0, 1.5, 1.4]
    assert paired.ratio == 1.5  # the median of the ratios, not a ratio of medians
    assert paired.median_seconds == 2.0
    assert paired.median_baseline == 1.0
    assert paired.peak_kb == [200] * 5


def test_unpaired_runs_are_refused() -> None:
    with pytest.raises(ValueError, match="zip"):
        bench.paired_ratios([1.0, 2.0], [1.0])


def test_a_target_is_checked_at_its_own_size() -> None:
    assert bench.verdict(1.6, 1.65, 1000, 1000) == bench.MET
    assert bench.verdict(1.7, 1.65, 1000, 1000) == bench.MISSED
    assert bench.verdict(1.65, 1.65) == bench.MET  # "at most": the limit itself is met
    assert bench.verdict(9.0, 7.0) == bench.MISSED  # start-up: no size involved
    assert bench.verdict(2.0, None) == ""


def test_throughput_at_a_smaller_size_is_never_met_or_missed() -> None:
    # fixed costs weigh more on fewer plans: a quick run cannot miss by construction
    for ratio in (0.5, 1.65, 3.0, 10.0):
        assert bench.verdict(ratio, 1.65, 200, 1000) == bench.NOT_CHECKED


def test_a_figure_that_only_grows_can_be_missed_early_but_not_met_early() -> None:
    assert bench.verdict(2.1, 1.5, 1000, 10_000, grows_with_size=True) == bench.MISSED
    assert bench.verdict(1.2, 1.5, 1000, 10_000, grows_with_size=True) == bench.NOT_CHECKED
    assert bench.verdict(1.2, 1.5, 10_000, 10_000, grows_with_size=True) == bench.MET


def test_the_table_is_markdown_with_the_verdict_in_the_target_column() -> None:
    rows = [
        bench.Row("bare parse (baseline)", "2.80 s", "1.00x", "", ""),
        bench.Row("x", "4 s vs 2 s", "2.00x", bench.target_cell(1.65, "x", bench.MISSED), ""),
        bench.Row("y", "1 s", "", bench.target_cell(120.0, " s", bench.NOT_CHECKED), ""),
    ]
    lines = bench.markdown_table(rows).splitlines()
    assert lines[0] == "| What | Time | Ratio | Target |"
    assert lines[1] == "|---|---|---|---|"
    assert lines[3] == "| x | 4 s vs 2 s | 2.00x | ≤ 1.65x, missed |"
    assert lines[4] == "| y | 1 s |  | ≤ 120 s, not checked at this size |"


def test_quick_settings_check_what_their_sizes_can_show() -> None:
    assert bench.Settings(True, 5, 2, 200, 100, 1000).target_plans == 1000
    assert bench.Settings(True, 5, 2, 200, 100, 1000).target_memory_plans == 10_000


def test_generated_plans_are_valid_and_a_smaller_folder_starts_a_larger_one(
    tmp_path: Path,
) -> None:
    county = bench.make_plans(tmp_path / "county", 3)
    small = bench.make_plans(tmp_path / "small", 2, bench.small_plan)
    assert len(bench.county_plan(0)) > 2 * len(bench.small_plan(0))
    assert (county / "plan-00001.yaml").read_text() == bench.county_plan(1)
    done = run("validate", str(county), str(small))
    assert done.returncode == 0, done.stdout + done.stderr


def test_stages_time_every_stage_and_sum_each_formats_least_ratio(tmp_path: Path) -> None:
    folder = bench.make_plans(tmp_path / "county", 2)
    per_plan = bench.stage_seconds(folder, 1)
    assert set(per_plan) == {"bare", "parse", "load", "judge", "locate", *bench.STAGE_FORMATS}
    assert all(seconds > 0 for seconds in per_plan.values())
    made = {"bare": 4.0, "parse": 2.0, "load": 3.0, "judge": 1.5, "locate": 2.0}
    rows = dict(bench.stage_rows(made | dict.fromkeys(bench.STAGE_FORMATS, 0.5)))
    assert rows["validating the plan (its models)"] == 1.0
    assert rows["locating findings, the full report's data"] == 0.5
    assert rows["least `--jobs 1` can be: terminal summary (load, judge)"] == 4.5
    assert rows["least `--jobs 1` can be: `json` (load, locate, piece)"] == 5.5
    assert next(iter(rows)) == "bare CSafeLoader parse (the baseline)"
