"""Benchmark readiness: start-up, throughput and memory, as ratios to a bare YAML baseline.

    .venv/bin/python bench/bench.py            # the full run (about four minutes)
    .venv/bin/python bench/bench.py --quick    # fewer repeats and plans, for a quick look

Ratios, not seconds, are what the targets are about: machines differ and this one is shared,
so every figure is a median of repeated runs, compared with a baseline measured in the same
run. Start-up is measured in fresh processes; readiness keeps nothing between runs, so every
run does all its work. Output never goes to a terminal here, as in CI. Run it against a
``pip install .`` (not editable), so that Python's compiled modules exist as they do for users.

Targets (docs: the README's performance section):
- cold ``readiness audit PLAN`` <= 7 x ``python -c "import yaml"``;
- ``readiness --version`` and ``--help`` <= 3 x;
- 1,000 plans with ``--jobs 1`` <= 1.65 x a bare C-YAML parse of the same files, and well
  under 1 x with the default ``--jobs``;
- peak memory auditing 10,000 plans (terminal summary) <= 1.5 x that for 100.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BIN = Path(sys.executable).parent
PYTHON = sys.executable
READINESS = str(BIN / "readiness") if (BIN / "readiness").exists() else "readiness"

BARE_PARSE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    with path.open("rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""


def run_once(
    argv: Sequence[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0, 1)
) -> tuple[float, int]:
    """Seconds and peak memory (KB) of one run, its output thrown away."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(argv),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"benchmark command failed: {' '.join(argv)}")
    return elapsed, usage.ru_maxrss


def median_seconds(argv: Sequence[str], repeats: int, env: dict[str, str] | None = None) -> float:
    run_once(argv, env)  # warm the operating system's file cache
    return statistics.median(run_once(argv, env)[0] for _ in range(repeats))


def county_plan(i: int) -> str:
    """A realistic county-wide plan: six waves, many materials, measures and budget lines.

    Plans that commission implementation for a whole county's children's services set out
    several waves, each with its exit criteria, a long list of materials, several measures
    and a detailed budget; this makes one, varied by ``i``.
    """
    lines = [
        "readiness: 1",
        "plan:",
        f"  title: Trauma-informed practice across the county, plan {i}",
        "  commissioner: County Council, Children's Commissioning",
        "  provider: Relational Practice Partnership",
        "  approach: Healing Together",
        "  owner: Director of Children's Services",
        "  start: 2027-01-01",
        "  end: 2030-03-31",
        "  notes: Agreed with the partnership board and the two NHS trusts.",
        "workforce:",
        f"  practitioners: {400 + i % 50}",
        "  teams: 24",
        "  line_managers: 48",
        "  service_managers: 10",
        "  pressures: {caseload_average: 17, vacancy_rate: 9, turnover_rate: 14, sickness_rate: 5}",
        "training:",
        "  provider: Relational Practice Partnership",
        "  methods: [workshop, skills-practice, observation-feedback, action-learning]",
        "  days: 4",
        "  materials:",
    ]
    for m in range(10):
        lines += [
            f"    - name: Practice guide, part {m + 1}",
            "      evidence: Reviewed against the national trauma-informed practice framework",
            "      reviewed: 2026-06",
        ]
    lines += ["rollout:", "  champions: {protected_hours_per_month: 6}", "  cohorts:"]
    for w in range(6):
        lines += [
            f"    - name: Wave {w + 1}",
            f"      size: {36 if w == 0 else 70}",
            f"      start: {2027 + (2 + 6 * w) // 12}-{(2 + 6 * w) % 12 + 1:02d}-01",
        ]
        if w == 0:
            lines += [
                "      selection:",
                "        voluntary: true",
                "        nominated_by: [service-managers, line-managers]",
                "        criteria: [direct-work, curious-about-behaviour, non-punitive, "
                "relational-language, applies-theory]",
                "      champions: 24",
            ]
        if w < 5:
            lines += [
                "      exit_criteria:",
                "        - Every practitioner in the wave has had six months of coaching",
                "        - Champions agree the next teams have protected time in their rotas",
                "        - The implementation group has reviewed the wave's fidelity cycle",
            ]
    lines += [
        "managers:",
        "  involvement: [co-design, identify-practitioners, workforce-pressures, "
        "align-expectations, shared-ownership, review-progress]",
        "  leads: [Head of Early Help, Head of Children in Care, Head of Youth Justice, "
        "Head of Disabled Children's Service]",
        "  practice_mapping: Managers named practitioners already working relationally.",
        "  governance:",
        "    group: Relational Practice Implementation Group",
        "    frequency: monthly",
        "    members: [" + ", ".join(f"Member {k}" for k in range(12)) + "]",
        "  protected_time: {hours_per_month: 8, backfill: 180000}",
        "  agreement: {signed: 2026-12-01, "
        "parties: [County Council, Relational Practice Partnership]}",
        "standards:",
        "  supervision: {frequency: monthly, minutes: 90, types: [reflective, clinical], "
        "quality_monitored: true}",
        "  coaching: {frequency: monthly, months: 12}",
        "  cpd: {frequency: quarterly, hours_per_year: 12}",
        "  outcome_measures:",
    ]
    for name, about in (
        ("SDQ", "children-families"),
        ("RCADS", "children-families"),
        ("GBO", "children-families"),
        ("ARTIC-35", "practitioners"),
        ("ProQOL", "practitioners"),
        ("TICOMETER", "organisation"),
    ):
        lines += [
            f"    - name: {name}",
            f"      about: {about}",
            "      timepoints: [baseline, 6 months, 12 months, 24 months]",
        ]
    lines += [
        "line_managers:",
        "  trained: 100",
        "  trained_by: 2027-02-15",
        "  coaching: {frequency: monthly, months: 12}",
        "  supervision_style: reflective",
        "  reflective_practice: {frequency: six-weekly, minutes: 90}",
        "  wellbeing: {support: [reflective-groups, clinical-supervision, peer-support], "
        "measure: ProQOL, reporting: aggregate}",
        "fidelity:",
        "  purpose: learning",
        "  methods: [self-assessment, reflective-case-review, peer-observation]",
        "  frequency: quarterly",
        "  minutes_per_practitioner_per_month: 30",
        "  feedback_within_days: 14",
        "  used_for: [learning, service-improvement]",
        "  escalation: Relational Practice Implementation Group, monthly",
        "budget:",
        "  currency: GBP",
        "  lines:",
    ]
    categories = ("training", "coaching", "supervision", "backfill", "fidelity", "evaluation")
    for n in range(18):
        category = categories[n % len(categories)]
        lines.append(f"    - {{item: Budget line {n + 1}, category: {category}, amount: 25000}}")
    lines += [
        "narrative:",
        "  summary: >",
        "    We start with practitioners who already work relationally, support their",
        "    managers to supervise reflectively, and grow the approach wave by wave.",
    ]
    return "\n".join(lines) + "\n"


def make_plans(folder: Path, count: int) -> Path:
    """``count`` county-wide plans (about 8 KB each), each a little different."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"plan-{i:05d}.yaml").write_text(county_plan(i), encoding="utf-8")
    return folder


def row(name: str, value: str, ratio: float | None, target: float | None) -> str:
    verdict = "" if target is None or ratio is None else ("met" if ratio <= target else "MISSED")
    shown_ratio = "" if ratio is None else f"{ratio:5.2f}x"
    shown_target = "" if target is None else f"<= {target:g}x"
    return f"  {name:<52} {value:>10} {shown_ratio:>8} {shown_target:>9} {verdict}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and plans")
    args = parser.parse_args()
    repeats = 5 if args.quick else 15
    plans = 200 if args.quick else 1000
    memory_small, memory_large = (100, 2000) if args.quick else (100, 10_000)

    print(f"readiness benchmark: {READINESS}")
    print(f"  Python {sys.version.split()[0]}, {os.cpu_count()} cores, medians of {repeats} runs")
    example = str(EXAMPLES / "developing.yaml")
    baseline = median_seconds([PYTHON, "-c", "import yaml"], repeats)
    reports = Path(tempfile.mkdtemp(prefix="readiness-bench-"))
    print("\nStart-up (fresh processes)")
    print(row('python -c "import yaml" (the baseline)', f"{baseline * 1000:.0f} ms", 1.0, None))
    for name, argv, target, env in (
        ("readiness --version", [READINESS, "--version"], 3.0, None),
        ("readiness --help", [READINESS, "--help"], 3.0, None),
        ("readiness audit developing.yaml", [READINESS, "audit", example], 7.0, None),
        (
            "readiness audit developing.yaml -f json",
            [READINESS, "audit", example, "-f", "json"],
            7.0,
            None,
        ),
        (
            "readiness audit developing.yaml -o board.html",
            [READINESS, "audit", example, "-o", str(reports / "board.html")],
            None,
            None,
        ),
    ):
        seconds = median_seconds(argv, repeats, env)
        print(row(name, f"{seconds * 1000:.0f} ms", seconds / baseline, target))
    shutil.rmtree(reports, ignore_errors=True)

    with tempfile.TemporaryDirectory(prefix="readiness-bench-") as temp:
        folder = make_plans(Path(temp) / "plans", plans)
        few = max(3, repeats // 3)
        print(f"\nThroughput ({plans} plans, medians of {few} runs)")
        bare = median_seconds([PYTHON, "-c", BARE_PARSE, str(folder)], few)
        print(row("bare C-YAML parse of the same files (the baseline)", f"{bare:.2f} s", 1.0, None))
        for name, extra, target in (
            ("readiness audit FOLDER --jobs 1", ["--jobs", "1"], 1.65),
            ("readiness audit FOLDER (default --jobs)", [], 1.0),
        ):
            seconds = median_seconds([READINESS, "audit", str(folder), *extra], few)
            print(row(name, f"{seconds:.2f} s", seconds / bare, target))

        print("\nMemory (peak, auditing a folder, terminal summary)")
        peaks = {}
        for count in (memory_small, memory_large):
            target_folder = make_plans(Path(temp) / f"m{count}", count)
            peaks[count] = run_once([READINESS, "audit", str(target_folder), "--jobs", "1"])[1]
            shutil.rmtree(target_folder)
        print(
            row(
                f"{memory_small} plans (the baseline)",
                f"{peaks[memory_small] / 1024:.0f} MB",
                1.0,
                None,
            )
        )
        ratio = peaks[memory_large] / peaks[memory_small]
        print(row(f"{memory_large} plans", f"{peaks[memory_large] / 1024:.0f} MB", ratio, 1.5))


if __name__ == "__main__":
    main()
