"""Benchmark readiness: start-up, throughput and memory of every format, as ratios to a baseline.

    python bench/bench.py                  # the full run: every target, checked
    python bench/bench.py --quick          # a short look: checks only what its sizes can show
    python bench/bench.py --scale 50000    # only this: 50,000 small plans, five reports, once
    python bench/bench.py --stages 300     # only this: where a plan's time goes, stage by stage
    python bench/bench.py --json FILE      # also write the raw figures (every run, every pair)

The table goes to standard output as Markdown (What | Time | Ratio | Target), ready for the
README; progress goes to standard error. ``--pairs``, ``--plans`` and ``--memory-plans`` change
the sizes (a target is checked only at its own size or more, see below).

Ratios, not seconds, are what the targets are about: machines differ and this one is shared.
Every timed command is *paired* with its baseline: the two run one after the other (the
baseline first in one pair, second in the next, so neither always runs on a warmer machine),
the ratio is taken per pair, and the table shows the median of those ratios with the median
seconds of each side. Throughput's baseline is a bare ``yaml.load(..., Loader=CSafeLoader)``
of the same files in a fresh process; start-up's is ``python -c "import yaml"``. Every run is
a fresh process, output never goes to a terminal (as in CI), and readiness keeps nothing
between runs, so every run does all its work.

Peak memory is the kernel's account (``ru_maxrss`` from ``os.wait4``) of a ``--jobs 1`` run,
one process, so the figure is the whole footprint; memory does not depend on how busy the
machine is, so two of these runs go at once. ``--scale`` runs with the default ``--jobs`` and
also samples the proportional memory (PSS) of the whole process tree.

Run it against a ``pip install .`` (not editable), so that Python's compiled modules exist as
they do for users: the commands are taken from beside the running interpreter.

Targets (the README's performance section; issue 15):
- cold ``readiness audit PLAN`` <= 7x ``python -c "import yaml"``; ``--version``, ``--help`` <= 3x;
- 1,000 county-size plans, each format (terminal summary, ``-f json``, ``-o`` JSON, SARIF,
  JUnit, Markdown, HTML) with ``--jobs 1`` <= 1.65x a bare parse; with the default ``--jobs``
  <= 1.0x; ``readiness validate`` <= 1.2x;
- peak memory at 10,000 plans <= 1.5x that at 100, for each format and for all five ``-o``
  reports in one run;
- 50,000 small plans with the five reports in under 2 minutes and under 500 MB (``--scale``).

``--stages`` times each stage of an audit in one process (CPU time per plan, as a ratio to the
bare parse): reading and parsing, validating, judging, locating, each format's piece. Their sum
for a format is the least its ``--jobs 1`` ratio can be while each stage costs what it does;
its "target" column compares that floor with the 1.65x target.

A target is only called met or missed at the size it is about. At a smaller size a throughput
ratio is shown as information ("not checked at this size": fixed start-up costs weigh more on
few plans); a memory or scale figure that already exceeds its target at a smaller size is a
miss (peak memory and time only grow with more plans, as the smaller folder is the start of
the larger), and otherwise not checked either.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
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

MET, MISSED, NOT_CHECKED = "met", "missed", "not checked at this size"

# (name in the table, extra arguments, report file written or None)
FORMATS: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("terminal summary", (), None),
    ("`-f json`", ("-f", "json"), None),
    ("`-o r.json`", (), "r.json"),
    ("`-o r.sarif`", (), "r.sarif"),
    ("`-o r.xml` (JUnit)", (), "r.xml"),
    ("`-o r.md`", (), "r.md"),
    ("`-o r.html`", (), "r.html"),
)
FIVE_REPORTS = ("r.json", "r.sarif", "r.xml", "r.md", "r.html")


# ---- running commands ---------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_kb: int  # ru_maxrss: the largest resident set of the process and its waited-for children
    tree_kb: int = 0  # sampled peak PSS of the whole process tree (``sample_tree`` only)


def run_once(argv: Sequence[str], ok: tuple[int, ...] = (0, 1), sample_tree: bool = False) -> Run:
    """One fresh process, its output thrown away: seconds and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr: list[bytes] = []
    reader = threading.Thread(target=lambda: stderr.append(process.stderr.read()))  # type: ignore[union-attr]
    reader.start()
    tree_kb = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG if sample_tree else 0)
        if pid:
            break
        tree_kb = max(tree_kb, tree_pss_kb(process.pid))
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    reader.join()
    process.stderr.close()  # type: ignore[union-attr]
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in ok:
        message = b"".join(stderr).decode("utf-8", "replace").strip()[-2000:]
        raise SystemExit(
            f"benchmark command failed (exit {process.returncode}): {' '.join(argv)}\n{message}"
        )
    return Run(elapsed, usage.ru_maxrss, tree_kb)


def tree_pss_kb(root: int) -> int:
    """Proportional memory of a process and all its descendants, now (Linux; else 0)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total


# ---- pairing and verdicts (pure) ----------------------------------------------------------


def baseline_first(pair: int) -> bool:
    """Which side runs first in pair ``pair``: the baseline in even pairs, the command in odd."""
    return pair % 2 == 0


def paired_ratios(baseline: Sequence[float], command: Sequence[float]) -> list[float]:
    """The ratio command / baseline of each pair."""
    return [b / a for a, b in zip(baseline, command, strict=True)]


@dataclass
class Paired:
    """A command timed in pairs with its baseline."""

    baseline_seconds: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return paired_ratios(self.baseline_seconds, self.seconds)

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_baseline(self) -> float:
        return statistics.median(self.baseline_seconds)


def measure_pairs(baseline: Callable[[], Run], command: Callable[[], Run], pairs: int) -> Paired:
    """``pairs`` pairs of runs, alternating which side goes first."""
    result = Paired()
    for pair in range(pairs):
        if baseline_first(pair):
            a, b = baseline(), command()
        else:
            b, a = command(), baseline()
        result.baseline_seconds.append(a.seconds)
        result.seconds.append(b.seconds)
        result.peak_kb.append(b.peak_kb)
    return result


def verdict(
    value: float,
    limit: float | None,
    size: int | None = None,
    target_size: int | None = None,
    grows_with_size: bool = False,
) -> str:
    """``met``, ``missed`` or ``not checked at this size`` ("" when there is no target).

    A target about ``target_size`` plans is checked only at that size or more. At a smaller
    size a figure that only grows with more plans (``grows_with_size``: peak memory, total
    time) and already exceeds the target is a miss; any other figure is not checked.
    """
    if limit is None:
        return ""
    if size is None or target_size is None or size >= target_size:
        return MET if value <= limit else MISSED
    if grows_with_size and value > limit:
        return MISSED
    return NOT_CHECKED


# ---- the table ----------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    time: str
    ratio: str
    target: str
    verdict: str


def target_cell(limit: float | None, unit: str, outcome: str) -> str:
    if limit is None:
        return ""
    return f"≤ {limit:g}{unit}, {outcome}" if outcome else f"≤ {limit:g}{unit}"


def markdown_table(rows: Sequence[Row]) -> str:
    lines = ["| What | Time | Ratio | Target |", "|---|---|---|---|"]
    lines += [f"| {r.what} | {r.time} | {r.ratio} | {r.target} |" for r in rows]
    return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s"


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def count(n: int) -> str:
    return f"{n:,}"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---- plans --------------------------------------------------------------------------------


MEASURES = (
    ("SDQ", "children-families"),
    ("RCADS", "children-families"),
    ("GBO", "children-families"),
    ("ARTIC-35", "practitioners"),
    ("ProQOL", "practitioners"),
    ("TICOMETER", "organisation"),
)


def county_plan(i: int) -> str:
    """A realistic county-wide plan: six waves, many materials, measures and budget lines.

    Plans that commission implementation for a whole county's children's services set out
    several waves, each with its exit criteria, a long list of materials, several measures
    and a detailed budget; this makes one (about 8 KB), varied by ``i``.
    """
    return plan_text(
        i,
        waves=6,
        materials=10,
        members=12,
        measures=tuple(name for name, _ in MEASURES),
        budget_lines=18,
    )


def small_plan(i: int) -> str:
    """A small plan (about 3.5 KB): the county plan's sections with two waves and few lines."""
    return plan_text(
        i,
        waves=2,
        materials=1,
        members=3,
        measures=("SDQ", "ARTIC-35", "TICOMETER"),
        budget_lines=3,
    )


def plan_text(
    i: int, waves: int, materials: int, members: int, measures: Sequence[str], budget_lines: int
) -> str:
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
    for m in range(materials):
        lines += [
            f"    - name: Practice guide, part {m + 1}",
            "      evidence: Reviewed against the national trauma-informed practice framework",
            "      reviewed: 2026-06",
        ]
    lines += ["rollout:", "  champions: {protected_hours_per_month: 6}", "  cohorts:"]
    for w in range(waves):
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
        if w < waves - 1:
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
        "    members: [" + ", ".join(f"Member {k}" for k in range(members)) + "]",
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
    for name, about in MEASURES:
        if name in measures:
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
    for n in range(budget_lines):
        category = categories[n % len(categories)]
        lines.append(f"    - {{item: Budget line {n + 1}, category: {category}, amount: 25000}}")
    lines += [
        "narrative:",
        "  summary: >",
        "    We start with practitioners who already work relationally, support their",
        "    managers to supervise reflectively, and grow the approach wave by wave.",
    ]
    return "\n".join(lines) + "\n"


def make_plans(folder: Path, count: int, plan: Callable[[int], str] = county_plan) -> Path:
    """``count`` plans made by ``plan`` (county-wide by default), each a little different.

    Plan ``i`` is the same in every folder, so a smaller folder is the start of a larger one.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"plan-{i:05d}.yaml").write_text(plan(i), encoding="utf-8")
    return folder


# ---- the sections -------------------------------------------------------------------------


@dataclass
class Settings:
    quick: bool
    startup_pairs: int
    pairs: int
    plans: int
    memory_small: int
    memory_large: int
    target_plans: int = 1000
    target_memory_plans: int = 10_000


class Bench:
    def __init__(self, settings: Settings, work: Path) -> None:
        self.settings = settings
        self.work = work
        self.rows: list[Row] = []
        self.raw: dict[str, object] = {}

    def add(
        self,
        key: str,
        what: str,
        time_text: str,
        ratio: float | None,
        limit: float | None,
        outcome: str = "",
        unit: str = "x",
        **raw: object,
    ) -> None:
        shown = "" if ratio is None else f"{ratio:.2f}x"
        self.rows.append(Row(what, time_text, shown, target_cell(limit, unit, outcome), outcome))
        self.raw[key] = {"what": what, "ratio": ratio, "target": limit, "verdict": outcome, **raw}

    def startup(self) -> None:
        s = self.settings
        log(f"Start-up: {s.startup_pairs} pairs each with python -c 'import yaml'")
        baseline_argv = [PYTHON, "-c", "import yaml"]
        audit = [READINESS, "audit", str(EXAMPLES / "developing.yaml")]
        board = str(self.work / "board.html")
        run_once(baseline_argv)  # warm the file cache
        run_once([READINESS, "--version"])
        commands = (
            ("--version", "`readiness --version`", [READINESS, "--version"], 3.0),
            ("--help", "`readiness --help`", [READINESS, "--help"], 3.0),
            (
                "audit PLAN",
                "`readiness audit developing.yaml` (not to a terminal)",
                audit,
                7.0,
            ),
            ("audit PLAN -f json", "the same, `-f json`", [*audit, "-f", "json"], 7.0),
            ("audit PLAN -o board.html", "the same, `-o board.html`", [*audit, "-o", board], None),
        )
        measured = []
        for key, what, argv, limit in commands:
            paired = measure_pairs(
                lambda: run_once(baseline_argv), lambda argv=argv: run_once(argv), s.startup_pairs
            )
            measured.append((key, what, limit, paired))
            log(f"  {what}: {paired.ratio:.2f}x")
        baselines = [t for *_, p in measured for t in p.baseline_seconds]
        self.add(
            "startup.baseline",
            '`python -c "import yaml"` (baseline)',
            ms(statistics.median(baselines)),
            1.0,
            None,
            seconds=baselines,
        )
        for key, what, limit, paired in measured:
            self.add(
                f"startup.{key}",
                what,
                f"{ms(paired.median_seconds)} vs {ms(paired.median_baseline)}",
                paired.ratio,
                limit,
                verdict(paired.ratio, limit),
                **raw_paired(paired),
            )

    def throughput(self, folder: Path) -> None:
        s = self.settings
        n = s.plans
        bare_argv = [PYTHON, "-c", BARE_PARSE, str(folder)]
        log(f"Throughput: {count(n)} county plans, {s.pairs} pair(s) each with a bare parse")
        run_once(bare_argv)  # warm the file cache
        bare_runs: list[float] = []
        outputs = self.work / "out"
        outputs.mkdir(exist_ok=True)
        sections: list[tuple[str, tuple[str, ...], float]] = [
            ("`--jobs 1`", ("--jobs", "1"), 1.65),
            ("default `--jobs`", (), 1.0),
        ]
        measured: list[tuple[str, str, float, Paired]] = []
        for jobs_name, jobs_args, limit in sections:
            for fmt_name, fmt_args, report in FORMATS:
                argv = [READINESS, "audit", str(folder), *jobs_args, *fmt_args]
                if report:
                    argv += ["-o", str(outputs / report)]
                paired = measure_pairs(
                    lambda: run_once(bare_argv), lambda argv=argv: run_once(argv), s.pairs
                )
                if report:
                    check_report(outputs / report)
                bare_runs += paired.baseline_seconds
                key = " ".join((*jobs_args, *fmt_args, *(("-o", report) if report else ())))
                measured.append((f"{fmt_name}, {jobs_name}", key or "default jobs", limit, paired))
                log(f"  {fmt_name}, {jobs_name}: {paired.ratio:.2f}x")
        paired = measure_pairs(
            lambda: run_once(bare_argv),
            lambda: run_once([READINESS, "validate", str(folder)], ok=(0,)),
            s.pairs,
        )
        bare_runs += paired.baseline_seconds
        measured.append(("`readiness validate FOLDER`", "validate", 1.2, paired))
        log(f"  validate: {paired.ratio:.2f}x")

        self.add(
            "throughput.baseline",
            f"a bare C-YAML parse of {count(n)} county-size plans (baseline)",
            secs(statistics.median(bare_runs)),
            1.0,
            None,
            plans=n,
            seconds=bare_runs,
        )
        for what, key, limit, paired in measured:
            outcome = verdict(paired.ratio, limit, n, s.target_plans)
            self.add(
                f"throughput.{key}",
                what if what.startswith("`readiness validate") else f"`audit FOLDER`: {what}",
                f"{secs(paired.median_seconds)} vs {secs(paired.median_baseline)}",
                paired.ratio,
                limit,
                outcome,
                plans=n,
                **raw_paired(paired),
            )

    def memory(self) -> None:
        s = self.settings
        sizes = (s.memory_small, s.memory_large)
        log(f"Memory: peak with --jobs 1 at {count(sizes[0])} and {count(sizes[1])} plans")
        kinds: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
            (name, args, (report,) if report else ()) for name, args, report in FORMATS
        ]
        kinds.append(("all five `-o` reports in one run", (), FIVE_REPORTS))
        peaks: dict[tuple[int, str], int] = {}
        for size in sizes:
            folder = make_plans(self.work / f"memory-{size}", size)
            jobs = []
            for index, (name, args, reports) in enumerate(kinds):
                out = self.work / f"memory-out-{index}"
                argv = [READINESS, "audit", str(folder), "--jobs", "1", *args]
                for report in reports:
                    argv += ["-o", str(out / report)]
                jobs.append((name, out, reports, argv))

            def one(job: tuple[str, Path, tuple[str, ...], list[str]]) -> int:
                _, out, reports, argv = job
                out.mkdir(exist_ok=True)
                peak = run_once(argv).peak_kb
                for report in reports:
                    check_report(out / report)
                shutil.rmtree(out)
                return peak

            with ThreadPoolExecutor(max_workers=2) as pool:  # memory does not mind a busy machine
                for (name, *_), peak in zip(jobs, pool.map(one, jobs), strict=True):
                    peaks[size, name] = peak
                    log(f"  {name}, {count(size)} plans: {mb(peak)}")
            shutil.rmtree(folder)
        for name, *_ in kinds:
            small, large = peaks[sizes[0], name], peaks[sizes[1], name]
            ratio = large / small
            outcome = verdict(ratio, 1.5, sizes[1], s.target_memory_plans, grows_with_size=True)
            self.add(
                f"memory.{name}",
                f"peak memory, {name}: {count(sizes[0])} → {count(sizes[1])} plans",
                f"{mb(small)} → {mb(large)}",
                ratio,
                1.5,
                outcome,
                plans=list(sizes),
                peak_kb=[small, large],
            )

    def stages(self, n: int) -> None:
        folder = make_plans(self.work / "stages", n)
        passes = max(self.settings.pairs, 3)
        log(f"Stages: {count(n)} county plans in one process, medians of {passes} passes")
        per_plan = stage_seconds(folder, passes)
        bare = per_plan["bare"]
        for what, seconds in stage_rows(per_plan):
            least = what.startswith("least")
            self.add(
                f"stages.{what}",
                what,
                f"{seconds * 1000:.2f} ms a plan",
                seconds / bare,
                1.65 if least else None,
                verdict(seconds / bare, 1.65) if least else "",
                seconds_per_plan=seconds,
            )

    def scale(self, n: int) -> None:
        folder = make_plans(self.work / f"scale-{n}", n, small_plan)
        out = self.work / "scale-out"
        out.mkdir()
        argv = [READINESS, "audit", str(folder)]
        for report in FIVE_REPORTS:
            argv += ["-o", str(out / report)]
        log(f"Scale: {count(n)} small plans, five reports, default --jobs, one run")
        run_once([PYTHON, "-c", BARE_PARSE, str(folder)])  # warm the file cache
        result = run_once(argv, sample_tree=True)
        sizes = {report: (out / report).stat().st_size for report in FIVE_REPORTS}
        for report in FIVE_REPORTS:
            check_report(out / report)
        shutil.rmtree(out)
        shutil.rmtree(folder)
        memory_kb = max(result.peak_kb, result.tree_kb)
        what = f"{count(n)} small plans, all five `-o` reports, default `--jobs`"
        self.add(
            "scale.time",
            what,
            secs(result.seconds),
            None,
            120.0,
            verdict(result.seconds, 120.0, n, 50_000, grows_with_size=True),
            unit=" s",
            plans=n,
            seconds=result.seconds,
            report_bytes=sizes,
        )
        self.add(
            "scale.memory",
            "peak memory, the same (largest process; whole process tree, PSS)",
            f"{mb(result.peak_kb)}; {mb(result.tree_kb)}",
            None,
            500.0,
            verdict(memory_kb / 1024, 500.0, n, 50_000, grows_with_size=True),
            unit=" MB",
            plans=n,
            peak_kb=result.peak_kb,
            tree_pss_kb=result.tree_kb,
        )


STAGE_FORMATS = ("json", "sarif", "junit", "markdown", "html")


def stage_seconds(folder: Path, passes: int) -> dict[str, float]:
    """CPU seconds per plan of each stage of an audit, in this process: the least the
    ``--jobs 1`` ratio of each format can be while each stage costs what it does.

    Each pass runs every stage over the folder in turn (the baseline first or last, by turns),
    with the garbage collector paused (a run collects only every 250 plans, over what
    the plans left); a stage's figure is its median over the
    passes. Stages: a bare CSafeLoader parse (the baseline); reading and parsing with
    readiness's loader; the whole load (with the plan's validation); judging and scoring (what
    the terminal summary needs); the same with every finding located and the full report's
    data; and each format's piece of a plan.
    """
    import gc
    import io
    from datetime import date

    import yaml

    from readiness.audit.many import header
    from readiness.audit.run import AuditOptions, audit_plan
    from readiness.cli.common import report_options
    from readiness.load.parse import load_yaml
    from readiness.load.source import read_text
    from readiness.plan.load import load_plan
    from readiness.reporters import AUDIT_FORMATS
    from readiness.rubric.load import default_rubric

    files = sorted(folder.glob("*.yaml"))
    rubric = default_rubric()
    known = rubric.known_ids()
    summary = AuditOptions(as_of=date(2027, 1, 15), where=False)
    full = summary._replace(where=True)
    loaded = [load_plan(p, p.name, criteria=known) for p in files]
    results = [audit_plan(plan, rubric, full) for plan in loaded]
    run, options = header(rubric, full), report_options()

    def bare() -> None:
        for path in files:
            with path.open("rb") as handle:
                yaml.load(handle, Loader=yaml.CSafeLoader)

    def piece(name: str) -> Callable[[], None]:
        writer = AUDIT_FORMATS[name].load_writer()(run, options, io.StringIO(), len(results))

        def make() -> None:
            for number, result in enumerate(results, 1):
                writer.piece(result, number)

        return make

    stages: dict[str, Callable[[], object]] = {
        "bare": bare,
        "parse": lambda: [load_yaml(read_text(p, p.name), p.name) for p in files],
        "load": lambda: [load_plan(p, p.name, criteria=known) for p in files],
        "judge": lambda: [audit_plan(plan, rubric, summary) for plan in loaded],
        "locate": lambda: [audit_plan(plan, rubric, full) for plan in loaded],
        **{name: piece(name) for name in STAGE_FORMATS},
    }
    taken: dict[str, list[float]] = {name: [] for name in stages}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for turn in range(passes):
            for name in list(stages)[:: 1 if turn % 2 == 0 else -1]:
                gc.collect()
                started = time.process_time()
                stages[name]()
                taken[name].append(time.process_time() - started)
    finally:
        if enabled:
            gc.enable()
    return {name: statistics.median(times) / len(files) for name, times in taken.items()}


def stage_rows(per_plan: dict[str, float]) -> list[tuple[str, float]]:
    """Each stage's own cost and each format's least ``--jobs 1`` ratio, per plan, in
    seconds: ``(what, seconds)`` rows, the baseline first."""
    load, judge, locate = per_plan["load"], per_plan["judge"], per_plan["locate"]
    rows = [
        ("bare CSafeLoader parse (the baseline)", per_plan["bare"]),
        ("reading and parsing (readiness's loader)", per_plan["parse"]),
        ("validating the plan (its models)", load - per_plan["parse"]),
        ("judging and scoring (every check)", judge),
        ("locating findings, the full report's data", locate - judge),
    ]
    rows += [(f"a plan's piece of `{name}`", per_plan[name]) for name in STAGE_FORMATS]
    rows.append(("least `--jobs 1` can be: terminal summary (load, judge)", load + judge))
    rows += [
        (f"least `--jobs 1` can be: `{name}` (load, locate, piece)", load + locate + per_plan[name])
        for name in STAGE_FORMATS
    ]
    return rows


def raw_paired(paired: Paired) -> dict[str, object]:
    return {
        "seconds": paired.seconds,
        "baseline_seconds": paired.baseline_seconds,
        "ratios": paired.ratios,
        "peak_kb": paired.peak_kb,
    }


def check_report(path: Path) -> None:
    """A report the command was asked for exists and is not empty."""
    if not path.is_file() or path.stat().st_size == 0:
        raise SystemExit(f"benchmark: no report written at {path}")


def readiness_version() -> str:
    done = subprocess.run([READINESS, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer pairs and plans (100 for throughput, 100 and 500 for memory); checks only "
        "the targets those sizes can show",
    )
    parser.add_argument(
        "--scale",
        type=int,
        metavar="N",
        help="only this: N small plans, all five reports, once (the target is for 50,000)",
    )
    parser.add_argument(
        "--stages",
        type=int,
        metavar="N",
        help="only this: where a plan's time goes, stage by stage, in one process, over N "
        "county plans; the least each format's --jobs 1 ratio can be",
    )
    parser.add_argument(
        "--pairs", type=int, metavar="N", help="pairs per folder figure (3; --quick 2)"
    )
    parser.add_argument(
        "--plans", type=int, metavar="N", help="plans for throughput (1,000; --quick 100)"
    )
    parser.add_argument(
        "--memory-plans",
        type=int,
        metavar="N",
        help="the larger folder for peak memory (10,000; --quick 500)",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the raw figures")
    args = parser.parse_args(argv)
    if args.scale is not None and args.stages is not None:
        parser.error("--scale and --stages are separate runs: give one")
    for name in ("scale", "stages"):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            parser.error(f"--{name} needs a number of plans, 1 or more")
    quick = bool(args.quick)
    settings = Settings(
        quick=quick,
        startup_pairs=5 if quick else 15,
        pairs=args.pairs or (2 if quick else 3),
        plans=args.plans or (100 if quick else 1000),
        memory_small=100,
        memory_large=args.memory_plans or (500 if quick else 10_000),
    )
    started = time.perf_counter()
    version = readiness_version()
    log(f"readiness benchmark: {READINESS} ({version})")
    with tempfile.TemporaryDirectory(prefix="readiness-bench-") as temp:
        bench = Bench(settings, Path(temp))
        if args.scale:
            bench.scale(args.scale)
        elif args.stages:
            bench.stages(args.stages)
        else:
            bench.startup()
            bench.throughput(make_plans(Path(temp) / "plans", settings.plans))
            bench.memory()
    took = time.perf_counter() - started
    kind = (
        f"--scale {args.scale}"
        if args.scale
        else f"--stages {args.stages}"
        if args.stages
        else ("--quick" if quick else "full run")
    )
    print(
        f"readiness {version.split()[-1]}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {datetime.now(timezone.utc):%Y-%m-%d}; {kind}: "
        + (
            "one run"
            if args.scale
            else f"CPU time, medians of {max(settings.pairs, 3)} passes"
            if args.stages
            else f"medians of {settings.startup_pairs} pairs for start-up, "
            f"{settings.pairs} for folders"
        )
        + f"; took {took / 60:.1f} min.\n"
    )
    print(markdown_table(bench.rows))
    if args.json:
        figures = {
            "readiness": version,
            "command": READINESS,
            "python": platform.python_version(),
            "cores": os.cpu_count(),
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "mode": kind,
            "settings": asdict(settings),
            "seconds_taken": took,
            "figures": bench.raw,
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
