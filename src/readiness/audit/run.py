"""The audit pipeline for one or many plans: load, validate, judge, score. No printing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from readiness.audit.commission import overview, packages, timeline, verdict
from readiness.audit.costs import plan_costs
from readiness.audit.judge import judge
from readiness.audit.result import PlanResult
from readiness.audit.score import band_for, overall_score, reaches, score_levers
from readiness.load.source import DEFAULT_MAX_BYTES
from readiness.outcomes import Band
from readiness.plan.load import LoadedPlan, load_plan
from readiness.rubric.rubric import Rubric


class AuditOptions(NamedTuple):
    as_of: date
    min_band: Band = "developing"
    fail_under: float | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    where: bool = True
    """Locate every finding in the file; off when only a one-line summary is wanted."""
    commission: bool = True
    """With ``where``: work out what the board reports say of the plan as a commission (the
    verdict, packages, overview, timeline); off when no report of the run reads it."""
    ignore_waivers: bool = False
    """Judge every criterion on the plan's facts, as if it had no waivers."""


def audit_plan(loaded: LoadedPlan, rubric: Rubric, options: AuditOptions) -> PlanResult:
    doc, plan = loaded.doc, loaded.plan
    results = judge(doc, plan, rubric, options.as_of, options.where, options.ignore_waivers)
    levers = score_levers(rubric.levers, results)
    scored = tuple(lr for lr in levers if lr.lever.scored)
    unscored = tuple(lr for lr in levers if not lr.lever.scored)
    overall = overall_score(scored)
    band, reasons = band_for(overall, scored, results, rubric.bands)
    without = None
    if any(r.found is not None for r in results):
        facts = [r._replace(outcome=r.evidence, found=None) for r in results]
        plain = overall_score([lr for lr in score_levers(rubric.levers, facts) if lr.lever.scored])
        without = plain if plain != overall else None
    passed = reaches(band, options.min_band) and (
        options.fail_under is None or overall >= options.fail_under
    )
    found = PlanResult(
        path=doc.file,
        title=plan.plan.title,
        commissioner=plan.plan.commissioner,
        score=overall,
        band=band,
        band_reasons=reasons,
        levers=scored,
        unscored=unscored,
        criteria=tuple(results),
        passed=passed,
        score_without_waivers=without,
        costs=plan_costs(plan),
        examples=loaded.examples,
    )
    # a line in a summary (band, score, whether it passes), or located findings for reports
    # that read no more
    if not (options.where and options.commission):
        return found
    return found._replace(
        verdict=verdict(band, overall, scored, results, rubric.bands),
        packages=packages(plan, rubric, results),
        overview=overview(plan),
        timeline=timeline(plan, results),
    )


def audit_one(path: Path, display: str, rubric: Rubric, options: AuditOptions) -> PlanResult:
    """Load, validate and audit one plan file; ``InputError`` if it cannot be used."""
    loaded = load_plan(path, display, options.max_bytes, rubric.known_ids())
    return audit_plan(loaded, rubric, options)
