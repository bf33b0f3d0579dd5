"""The audit read as a commissioning plan: the verdict in one plain sentence, the packages to
commission next (each with the gaps it closes, when, who owns it and what it would cost), what
is being bought, and the plan's timeline. Reporters render these; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from readiness.audit.result import CriterionResult, LeverResult
from readiness.checks.base import months_between
from readiness.outcomes import BAND_TITLE, BANDS, Band, Outcome
from readiness.plan.models import Plan
from readiness.plan.types import add_months, timepoint_months
from readiness.rubric.rubric import Bands, Package, Rubric

WHEN_ORDER = ("before-first-wave", "during-rollout", "to-sustain")
WHEN_TITLE = {
    "before-first-wave": "before the first wave starts",
    "during-rollout": "during the rollout",
    "to-sustain": "to sustain it after the rollout",
}


# -- the verdict ----------------------------------------------------------------------------
def verdict(
    band: Band,
    overall: float,
    levers: Sequence[LeverResult],
    results: Sequence[CriterionResult],
    bands: Bands,
) -> str:
    """The band and the reason for it in one plain sentence: no IDs, no keys."""
    if band == "ready":
        return "Ready: the plan commissions implementation, not just training."
    reasons: list[str] = []
    for result in results:
        cap = result.criterion.caps_band
        if cap == band and result.evidence.fails:
            title = result.criterion.title
            said = f"the plan does not yet show that {title[:1].lower()}{title[1:]}"
            if result.outcome is Outcome.WAIVED:
                said += " (a waiver accepts the risk but does not lift the limit it sets)"
            reasons.append(said)
    weak = [
        lr
        for lr in levers
        if lr.lever.scored and lr.score is not None and lr.score < bands.lever_floor
    ]
    if band == "developing" and weak:
        named = [f"{lr.lever.title.lower()} ({lr.score:.1f} out of 100)" for lr in weak]
        count = "one lever is weak" if len(weak) == 1 else f"{len(weak)} levers are weak"
        listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
        reasons.append(f"{count}: {listed}")
    threshold = {"training-only": bands.training_only_below, "at-risk": bands.at_risk_below}
    below = threshold.get(band, bands.developing_below)
    if overall < below and not reasons:
        reasons.append(f"too little of the plan is in place yet (a score of {overall:.1f})")
    strong = sum(
        1 for lr in levers if lr.lever.scored and (lr.score or 0) >= bands.developing_below
    )
    text = f"{BAND_TITLE[band]}, because {'; and '.join(reasons[:3])}"
    if len(reasons) > 3:
        text += f" (and {len(reasons) - 3} more)"
    if strong >= 3 and band != "training-only":
        text += "; the rest of the plan is strong"
    return text + "."


# -- packages -------------------------------------------------------------------------------
class PackageNeed(NamedTuple):
    package: Package
    gaps: tuple[CriterionResult, ...]
    cap: Band | None
    """The worst band a gap it closes holds the plan to, or None."""
    owner: str
    people: int
    cost: float
    """Indicative cost in pounds: people x hours x the unit cost."""
    unit_cost: str
    """The unit cost used, with its price year and source, in words."""


def _people(plan: Plan, what: str) -> int:
    workforce = plan.workforce
    if what == "line_managers":
        return workforce.line_managers or workforce.teams or 1
    if what == "teams":
        return workforce.teams or workforce.line_managers or 1
    if what == "service_managers":
        return workforce.service_managers or 1
    return workforce.practitioners


def _owner(plan: Plan, role: str) -> str:
    lead = plan.implementation.lead if plan.implementation else None
    leads = plan.managers.leads if plan.managers and plan.managers.leads else []
    managers = [p.name for p in leads if p.role == "service-manager"]
    if role == "implementation-lead" and lead is not None:
        return f"{lead.name} (implementation lead)"
    if role == "service-manager" and managers:
        return f"{managers[0]} (service manager)"
    if plan.plan.owner:
        return f"{plan.plan.owner} (the plan's owner)"
    return "the plan's owner (not named in the plan)"


def packages(
    plan: Plan, rubric: Rubric, results: Sequence[CriterionResult]
) -> tuple[PackageNeed, ...]:
    """The packages that would close the plan's gaps, by cap, then timing, then weight."""
    found: dict[str, list[CriterionResult]] = {}
    for result in results:
        named = result.criterion.package
        if named is not None and result.is_gap and rubric.package(named) is not None:
            found.setdefault(named, []).append(result)
    needs = []
    for pid, gaps in found.items():
        package = rubric.package(pid)
        assert package is not None
        caps = [g.criterion.caps_band for g in gaps if g.criterion.caps_band and g.outcome.fails]
        cap = min(caps, key=BANDS.index) if caps else None
        people = _people(plan, package.cost.people)
        unit = rubric.context.unit_costs.get(package.cost.unit)
        cost = people * package.cost.hours * (unit.amount if unit else 0.0)
        said = f"£{unit.amount:g} for {unit.what}, at {unit.price_year} prices" if unit else ""
        owner = _owner(plan, package.owner)
        needs.append(PackageNeed(package, tuple(gaps), cap, owner, people, cost, said))

    def order(need: PackageNeed) -> tuple[int, int, float]:
        cap = BANDS.index(need.cap) if need.cap else len(BANDS)
        lost = sum(g.criterion.weight * (1 - (g.outcome.value_score or 0)) for g in need.gaps)
        return cap, WHEN_ORDER.index(need.package.when), -lost

    return tuple(sorted(needs, key=order))


# -- what is being bought -------------------------------------------------------------------
class Overview(NamedTuple):
    owner: str | None
    practitioners: int
    months: int
    waves: int
    funded_until: date | None
    after_funding: str | None


def overview(plan: Plan) -> Overview:
    months = months_between(plan.plan.start, plan.plan.end + timedelta(days=1))
    cohorts = plan.rollout.cohorts if plan.rollout and plan.rollout.cohorts else []
    sustain = plan.sustainability
    return Overview(
        plan.plan.owner,
        plan.workforce.practitioners,
        months,
        len(cohorts),
        sustain.funded_until if sustain else None,
        sustain.after_funding if sustain else None,
    )


# -- the timeline ---------------------------------------------------------------------------
class Event(NamedTuple):
    start: date
    end: date | None
    """None for a milestone (a single day)."""
    label: str
    lane: str
    """plan, waves, managers, support, measures, waivers or funding."""


def timeline(plan: Plan, results: Sequence[CriterionResult]) -> tuple[Event, ...]:
    """The plan's dates as bars and milestones, in the order they happen within each lane."""
    start, end = plan.plan.start, plan.plan.end
    events = [Event(start, end, "Commissioned period", "plan")]
    cohorts = plan.rollout.cohorts if plan.rollout and plan.rollout.cohorts else []
    for cohort in cohorts:
        events.append(Event(cohort.start, end, cohort.name, "waves"))
        if cohort.managers_trained_by:
            label = f"Line managers trained for {cohort.name}"
            events.append(Event(cohort.managers_trained_by, None, label, "managers"))
    lm = plan.line_managers
    if lm and lm.trained_by:
        events.append(Event(lm.trained_by, None, "Line managers trained", "managers"))
    first = cohorts[0].start if cohorts else start
    coaching = plan.standards.coaching if plan.standards else None
    if coaching and coaching.months:
        until = min(add_months(first, coaching.months) - timedelta(days=1), end)
        events.append(Event(first, until, f"Coaching, {coaching.months} months", "support"))
    measures = plan.standards.outcome_measures if plan.standards else None
    seen: set[date] = set()
    for measure in measures or ():
        for point in measure.timepoints or ():
            when = add_months(start, int(timepoint_months(point)))
            if when not in seen:
                seen.add(when)
                label = "Baseline measures" if point == "baseline" else f"Measures at {point}"
                events.append(Event(when, None, label, "measures"))
    for result in results:
        waiver = result.waiver
        if waiver is not None and waiver.honoured:
            label = f"Waiver ends: {result.criterion.title}"
            events.append(Event(waiver.until, None, label, "waivers"))
    sustain = plan.sustainability
    if sustain and sustain.funded_until:
        events.append(Event(sustain.funded_until, None, "Funding ends", "funding"))
    lanes = ("plan", "waves", "managers", "support", "measures", "waivers", "funding")
    return tuple(sorted(events, key=lambda e: (lanes.index(e.lane), e.start)))
