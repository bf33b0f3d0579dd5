"""Audit many plans: in order, streamed, and on several cores when there are enough plans.

Results stream in as plans are audited, so a folder of ten thousand plans keeps in memory
only what the caller asks to keep (``slim`` for the one-line-per-plan summary). Worker
processes are forked with the rubric already loaded; each sends back a compact result that
names criteria by ID, and the results come back in the order of the files.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from readiness import __version__
from readiness.audit.commission import PackageNeed
from readiness.audit.result import AuditResult, CriterionResult, LeverResult, PlanResult
from readiness.audit.run import AuditOptions, audit_one
from readiness.errors import InputError, Problem
from readiness.rubric.rubric import Rubric

COLLECT_EVERY = 250
"""Plans between a worker's collections of garbage (the command line sets a lazy collector)."""
MIN_PLANS_PER_JOB = 8
"""Fewer plans than this per worker and starting workers costs more than it saves."""

Outcome = PlanResult | list[Problem]
_STATE: dict[str, Any] = {}


def default_jobs() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def slim(plan: PlanResult) -> PlanResult:
    """Only what a one-line summary needs: no criteria, levers or reasons."""
    return plan._replace(
        criteria=(),
        levers=(),
        unscored=(),
        band_reasons=(),
        commissioner="",
        examples=(),
        packages=(),
        timeline=(),
    )


def outcomes_only(plan: PlanResult) -> PlanResult:
    """What reports whose pieces of a plan were made in a worker still read of it (see
    ``stream.Writer.whole_plan``): its line (``slim``), its levers' scores and each
    criterion's outcome; no reasons, places, phrases, waivers, costs, verdict or overview."""
    return slim(plan)._replace(
        levers=plan.levers,
        unscored=plan.unscored,
        criteria=tuple(CriterionResult(r.criterion, r.outcome, "", ()) for r in plan.criteria),
        costs=None,
        verdict="",
        overview=None,
    )


def audit_many(
    files: Sequence[tuple[Path, str]],
    rubric: Rubric,
    options: AuditOptions,
    jobs: int = 1,
    keep: Callable[[PlanResult], PlanResult] = lambda plan: plan,
    *,
    keep_going: bool = False,
) -> AuditResult:
    """Audit every file; ``InputError`` lists every invalid file's problems, unless
    ``keep_going``: then the result holds them beside every valid plan's result."""
    plans: list[PlanResult] = []
    problems: list[Problem] = []
    for outcome in outcomes(files, rubric, options, jobs, keep):
        if isinstance(outcome, list):
            problems.extend(outcome)
        elif keep_going or not problems:
            plans.append(keep(outcome))
    if problems and not keep_going:
        raise InputError(problems)
    return header(rubric, options)._replace(plans=tuple(plans), problems=tuple(problems))


def header(rubric: Rubric, options: AuditOptions) -> AuditResult:
    """The run before any plan: what every report says at its head."""
    return AuditResult(
        tool_version=__version__,
        rubric=rubric,
        as_of=options.as_of,
        min_band=options.min_band,
        fail_under=options.fail_under,
        plans=(),
    )


def outcomes(
    files: Sequence[tuple[Path, str]],
    rubric: Rubric,
    options: AuditOptions,
    jobs: int,
    keep: Callable[[PlanResult], PlanResult],
) -> Iterator[Outcome]:
    """Each file's result (what ``keep`` keeps of it) or problems, in the files' order, as
    they are worked out: the caller holds only what it keeps of each."""
    for outcome, _ in worked(files, rubric, options, jobs, keep):
        yield outcome


Pieces = Callable[[PlanResult, int], Any]
"""What a caller makes of each plan (its pieces of each report), given the plan and its
number (from 1, in the files' order): worked out beside the audit, in the workers."""


def worked(
    files: Sequence[tuple[Path, str]],
    rubric: Rubric,
    options: AuditOptions,
    jobs: int,
    keep: Callable[[PlanResult], PlanResult],
    pieces: Pieces | None = None,
) -> Iterator[tuple[Outcome, Any]]:
    """``outcomes``, each with what ``pieces`` made of the full result in a worker, or None
    when no worker did (one job: the caller makes them as it goes)."""
    # never more workers than cores (``--jobs 10000`` must not fork ten thousand processes)
    jobs = max(1, min(jobs, default_jobs(), len(files) // MIN_PLANS_PER_JOB))
    if jobs == 1 or not hasattr(os, "fork"):  # one plan, a few, or no fork (Windows)
        for path, display in files:
            yield _audit(rubric, options, path, display), None
        return
    import multiprocessing  # only for enough plans to share out

    # workers are forked: they inherit the rubric, ``keep`` and ``pieces``, and send back only
    # what is kept and the pieces made
    _STATE.update(rubric=rubric, options=options, keep=keep, pieces=pieces)
    by_id = Lookup(rubric)
    # pieces are large (a plan's every report): fewer at a time, and never far ahead
    chunk = max(1, min(8 if pieces else 64, len(files) // (jobs * 8)))
    ahead = _Ahead(chunk * jobs * 4)
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_signals) as pool:
            try:
                for packed, made in pool.imap(_work, ahead.feed(files), chunksize=chunk):
                    ahead.done()
                    yield (unpack(packed, by_id) if isinstance(packed, tuple) else packed), made
            finally:
                ahead.stop()  # before the pool is stopped: its feeder may be waiting for room
    finally:
        _STATE.clear()


class _Ahead:
    """Files handed to the workers at most ``limit`` ahead of the results taken: the pool
    would otherwise audit on while the caller writes, and its finished results (with their
    pieces) would pile up in memory."""

    def __init__(self, limit: int) -> None:
        import threading

        self.room = threading.Semaphore(limit)
        self.stopped = threading.Event()

    def feed(self, files: Sequence[tuple[Path, str]]) -> Iterator[tuple[int, tuple[Path, str]]]:
        for item in enumerate(files, 1):
            while not self.room.acquire(timeout=0.1):
                if self.stopped.is_set():  # the run ended early: hand out no more
                    return
            yield item

    def done(self) -> None:
        self.room.release()

    def stop(self) -> None:
        self.stopped.set()


def _worker_signals() -> None:
    """In a worker: Ctrl-C is for the main process, which stops the workers and tidies up;
    a terminating signal ends a worker at once, whatever the main process set up."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)


def _audit(rubric: Rubric, options: AuditOptions, path: Path, display: str) -> Outcome:
    try:
        return audit_one(path, display, rubric, options)
    except InputError as exc:
        return list(exc.problems)


def _work(item: tuple[int, tuple[Path, str]]) -> tuple[tuple[Any, ...] | list[Problem], Any]:
    """In a worker: audit one plan, make its pieces, and pack what is kept of its result for
    the trip back."""
    rubric, options, keep = _STATE["rubric"], _STATE["options"], _STATE["keep"]
    pieces: Pieces | None = _STATE["pieces"]
    assert isinstance(rubric, Rubric)
    assert isinstance(options, AuditOptions)
    number, (path, display) = item
    if not number % COLLECT_EVERY:  # bounds what a cycle left by a piece could hold
        gc.collect()
    outcome = _audit(rubric, options, path, display)
    if isinstance(outcome, list):
        return outcome, None
    return pack(keep(outcome)), None if pieces is None else pieces(outcome, number)


def pack(plan: PlanResult) -> tuple[Any, ...]:
    """A plan's result with its rubric's criteria and levers named by ID."""
    return (
        plan.path,
        plan.title,
        plan.commissioner,
        plan.score,
        plan.band,
        plan.band_reasons,
        [(lr.lever.id, lr.score, lr.counted, lr.raw) for lr in (*plan.levers, *plan.unscored)],
        [
            (r.criterion.id, r.outcome, r.reason, r.locations, r.hits, r.waiver, r.found)
            for r in plan.criteria
        ],
        plan.passed,
        plan.score_without_waivers,
        plan.costs,
        plan.examples,
        plan.verdict,
        [(n.package.id, [g.criterion.id for g in n.gaps], *n[2:]) for n in plan.packages],
        plan.overview,
        plan.timeline,
    )


class Lookup:
    """A rubric's levers and criteria by ID, to unpack results."""

    def __init__(self, rubric: Rubric) -> None:
        self.levers = {lv.id: lv for lv in rubric.levers}
        self.criteria = {c.id: c for c in rubric.criteria}
        self.packages = {p.id: p for p in rubric.packages}


def unpack(packed: tuple[Any, ...], by_id: Lookup) -> PlanResult:
    path, title, commissioner, score, band, reasons, levers, criteria, passed, *rest = packed
    lever_results = [LeverResult(by_id.levers[i], s, n, raw) for i, s, n, raw in levers]
    results = tuple(CriterionResult(by_id.criteria[c], *more) for c, *more in criteria)
    by_criterion = {r.criterion.id: r for r in results}
    return PlanResult(
        path=path,
        title=title,
        commissioner=commissioner,
        score=score,
        band=band,
        band_reasons=reasons,
        levers=tuple(lr for lr in lever_results if lr.lever.scored),
        unscored=tuple(lr for lr in lever_results if not lr.lever.scored),
        criteria=results,
        passed=passed,
        score_without_waivers=rest[0],
        costs=rest[1],
        examples=rest[2],
        verdict=rest[3],
        packages=tuple(
            PackageNeed(by_id.packages[p], tuple(by_criterion[g] for g in gaps), *more)
            for p, gaps, *more in rest[4]
        ),
        overview=rest[5],
        timeline=rest[6],
    )
