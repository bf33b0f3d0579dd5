"""Lever 3, embed professional standards: materials, supervision, coaching, CPD, measures.

Just over 200 lines because the lever has many criteria; the checks of one lever stay
together (one module per lever).
"""

from typing import Literal

from readiness.checks.base import (
    Context,
    NoParams,
    Params,
    check,
    grade,
    graded,
    met,
    no_evidence,
    not_met,
    partial,
)
from readiness.checks.wording import (
    how_often,
    number,
    plain_list,
    plural,
    say_list,
    threshold_frequency,
)
from readiness.outcomes import Finding
from readiness.plan.models import Plan
from readiness.plan.types import add_months, per_year


class MaterialParams(Params):
    max_age_years: int


@check("materials", MaterialParams, reads=("training.materials", "plan.start"))
def materials(plan: Plan, params: MaterialParams, ctx: Context) -> Finding:
    """Training materials that cite their evidence and are up to date."""
    items = plan.training.materials if plan.training else None
    if not items:
        return no_evidence(
            "The plan does not list the training materials or their evidence base.",
            ("training", "materials"),
        )
    oldest = add_months(plan.plan.start, -12 * params.max_age_years)
    good = [
        i
        for i, m in enumerate(items)
        if m.evidence and m.reviewed is not None and m.reviewed >= oldest
    ]
    paths = [("training", "materials", i) for i in range(len(items))]
    reason = (
        f"{len(good)} of {plural(len(items), 'material')} cite evidence and were reviewed "
        f"in the {params.max_age_years} years before the plan starts"
    )
    if len(good) == len(items):
        return met(f"{reason}.", *paths)
    stale = [m.name for i, m in enumerate(items) if i not in good]
    detail = f"; not yet: {say_list(stale[:3])}" if stale else ""
    if good:
        return partial(f"{reason}{detail}.", *paths)
    return not_met(f"{reason}{detail}.", *paths)


class SupervisionParams(Params):
    met_min_per_year: float
    partial_min_per_year: float
    min_minutes: int


_SUPERVISION = ("standards", "supervision")


@check("supervision", SupervisionParams, reads=("standards.supervision",))
def supervision(plan: Plan, params: SupervisionParams, ctx: Context) -> Finding:
    """Supervision often enough and long enough (the LGA employer standard)."""
    sup = plan.standards.supervision if plan.standards else None
    if sup is None or sup.frequency is None:
        return no_evidence(
            "The plan does not say how often practitioners get supervision.",
            (*_SUPERVISION, "frequency"),
        )
    times = per_year(sup.frequency)
    paths = ((*_SUPERVISION, "frequency"), (*_SUPERVISION, "minutes"))
    length = f" for {sup.minutes} minutes" if sup.minutes is not None else ", length unstated"
    reason = f"Supervision {how_often(sup.frequency)}{length}"
    need = f"{threshold_frequency(params.met_min_per_year)} for {params.min_minutes} minutes"
    long_enough = sup.minutes is not None and sup.minutes >= params.min_minutes
    if times >= params.met_min_per_year and long_enough:
        return met(f"{reason}.", *paths)
    if times >= params.partial_min_per_year:
        return partial(f"{reason}; the standard is at least {need}.", *paths)
    return not_met(f"{reason}; the standard is at least {need}.", *paths)


class AcceptedParams(Params):
    accepted: list[str]


@check("supervision_types", AcceptedParams, reads=("standards.supervision.types",))
def supervision_types(plan: Plan, params: AcceptedParams, ctx: Context) -> Finding:
    """Supervision that is reflective or clinical, not only case management."""
    sup = plan.standards.supervision if plan.standards else None
    if sup is None or sup.types is None:
        return no_evidence(
            "The plan does not say what kind of supervision practitioners get.",
            (*_SUPERVISION, "types"),
        )
    path = (*_SUPERVISION, "types")
    if not sup.types:
        return not_met("No kind of supervision is named.", path)
    kinds = plain_list(sup.types)
    if any(t in params.accepted for t in sup.types):
        return met(f"Supervision is {kinds}.", path)
    return not_met(f"Supervision is {kinds}, not {plain_list(params.accepted, 'or')}.", path)


class CoachingParams(Params):
    section: Literal["standards", "line_managers"]
    met_min_per_year: float
    min_months: int


@check("coaching", CoachingParams, reads=("standards.coaching", "line_managers.coaching"))
def coaching(plan: Plan, params: CoachingParams, ctx: Context) -> Finding:
    """Coaching in practice after the training, often enough and for long enough."""
    section = getattr(plan, params.section)
    coach = section.coaching if section else None
    who = "Practitioners" if params.section == "standards" else "Line managers"
    path = (params.section, "coaching")
    if coach is None or coach.frequency is None:
        return no_evidence(f"The plan gives {who.lower()} no coaching.", path)
    times = per_year(coach.frequency)
    months = f" for {plural(coach.months, 'month')}" if coach.months is not None else ""
    if coach.frequency == "once":
        reason = f"{who} get a single coaching session"
    else:
        reason = f"{who} get coaching {how_often(coach.frequency)}{months}"
    need = f"{threshold_frequency(params.met_min_per_year)} for {params.min_months} months"
    if (times == 0 and coach.frequency != "once") or coach.months == 0:
        return not_met(f"{reason}; it needs at least {need}.", path)
    if times >= params.met_min_per_year and (coach.months or 0) >= params.min_months:
        return met(f"{reason}.", path)
    return partial(f"{reason}; it needs at least {need}.", path)


class CpdParams(Params):
    met_min_per_year: float
    partial_min_per_year: float


@check("cpd", CpdParams, reads=("standards.cpd",))
def cpd(plan: Plan, params: CpdParams, ctx: Context) -> Finding:
    """Ongoing professional development, not one-off learning events."""
    cpd = plan.standards.cpd if plan.standards else None
    if cpd is None or cpd.frequency is None:
        return no_evidence(
            "The plan does not say how often there is ongoing CPD.", ("standards", "cpd")
        )
    times = per_year(cpd.frequency)
    hours = f" ({number(cpd.hours_per_year)} hours a year)" if cpd.hours_per_year else ""
    reason = f"Continuing professional development (CPD) {how_often(cpd.frequency)}{hours}"
    outcome = grade(times, params.met_min_per_year, params.partial_min_per_year)
    need = f"at least {threshold_frequency(params.met_min_per_year)}"
    return graded(
        outcome,
        f"{reason}.",
        f"{reason}; ongoing means {need}.",
        f"{reason}: a one-off event, not ongoing learning."
        if cpd.frequency == "once"
        else f"{reason}: no ongoing learning."
        if times == 0
        else f"{reason}; ongoing means {need}.",
        ("standards", "cpd", "frequency"),
    )


@check(
    "supervision_quality",
    NoParams,
    reads=("standards.supervision.quality_monitored", "standards.supervision.notes"),
)
def supervision_quality(plan: Plan, params: NoParams, ctx: Context) -> Finding:
    """Someone looks at whether supervision is good, not only whether it happens."""
    sup = plan.standards.supervision if plan.standards else None
    if sup is None or sup.quality_monitored is None:
        return no_evidence(
            "The plan does not say whether supervision quality is monitored.",
            (*_SUPERVISION, "quality_monitored"),
        )
    path = (*_SUPERVISION, "quality_monitored")
    if not sup.quality_monitored:
        return not_met("Supervision quality is not monitored.", path)
    if sup.notes:
        return met("Supervision quality is monitored, and the plan says how.", path)
    return partial(
        "The plan says supervision quality is monitored, but not how "
        "(standards.supervision.notes): a yes on its own is a claim, not evidence.",
        path,
        (*_SUPERVISION, "notes"),
    )


@check("active_methods", AcceptedParams, reads=("training.methods",))
def active_methods(plan: Plan, params: AcceptedParams, ctx: Context) -> Finding:
    """Training that practises skills, not only lectures and e-learning."""
    methods = plan.training.methods if plan.training else None
    if methods is None:
        return no_evidence(
            "The plan does not say how the training is delivered.", ("training", "methods")
        )
    path = ("training", "methods")
    active = [m for m in methods if m in params.accepted]
    if active:
        return met(f"Training includes {plain_list(active)}.", path)
    if not methods:
        return not_met("No training methods are listed.", path)
    return not_met(
        f"Training is {plain_list(methods)}, with no {plain_list(params.accepted, 'or')}.", path
    )


class ProfileParams(Params):
    met_min_components: int


@check("practice_profile", ProfileParams, reads=("standards.practice_profile",))
def practice_profile(plan: Plan, params: ProfileParams, ctx: Context) -> Finding:
    """What the practice looks like when done well, written down for fidelity to check against."""
    profile = plan.standards.practice_profile if plan.standards else None
    path = ("standards", "practice_profile")
    if profile is None or (profile.core_components is None and profile.source is None):
        return no_evidence(
            "The plan does not describe what the practice looks like when done well "
            "(standards.practice_profile).",
            path,
        )
    parts = len(profile.core_components or ())
    if not parts:
        return not_met("The practice profile names no core components.", (*path, "core_components"))
    said = f"The practice profile names {plural(parts, 'core component')}"
    if parts >= params.met_min_components and profile.source:
        return met(f"{said}, from {profile.source}.", path)
    gaps = []
    if parts < params.met_min_components:
        gaps.append(f"at least {params.met_min_components} are needed")
    if not profile.source:
        gaps.append("it does not say where it comes from (source)")
    return partial(f"{said}; {say_list(gaps)}.", path)


@check("systems_aligned", NoParams, reads=("systems",))
def systems_aligned(plan: Plan, params: NoParams, ctx: Context) -> Finding:
    """Policies, recording and quality assurance brought into line with the practice."""
    systems = plan.systems
    path = ("systems",)
    if systems is None or all(v is None for k, v in systems if k != "notes"):
        return no_evidence(
            "The plan does not say how policies, recording and quality assurance are brought "
            "into line with the practice (systems).",
            path,
        )
    done = []
    if systems.policies_reviewed:
        done.append(f"{plural(len(systems.policies_reviewed), 'policy', 'policies')} reviewed")
    if systems.recording_changes:
        done.append("recording changed")
    if systems.qa_aligned and (systems.notes or done):
        done.append("quality assurance aligned")
    missing = []
    if not systems.policies_reviewed:
        missing.append("which policies are reviewed (policies_reviewed)")
    if not systems.recording_changes:
        missing.append("how recording changes (recording_changes)")
    if not systems.qa_aligned:
        missing.append("quality assurance brought into line (qa_aligned)")
    if not missing and done:
        return met(f"Systems are brought into line: {say_list(done)}.", path)
    if done:
        return partial(f"Systems: {say_list(done)}; not yet: {say_list(missing)}.", path)
    if systems.qa_aligned:
        return partial(
            "The plan says quality assurance is aligned, but not which policies or records "
            "change: a yes on its own is a claim, not evidence.",
            path,
        )
    return not_met("No policy, recording or quality assurance is brought into line.", path)
