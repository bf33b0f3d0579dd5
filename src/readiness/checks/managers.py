"""Lever 2, commission with service managers, not around them.

Over 200 lines because the lever has six criteria, each a small check; the checks of one
lever stay together (one module per lever).
"""

from collections.abc import Sequence
from typing import get_args

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
    threshold_frequency,
)
from readiness.outcomes import Finding, Outcome
from readiness.plan.models import Plan
from readiness.plan.types import per_year
from readiness.plan.vocabulary import Involvement

_INVOLVEMENT = ("managers", "involvement")
_KINDS = len(get_args(get_args(Involvement)[0]))


def _involvement(plan: Plan) -> Sequence[str] | None:
    return plan.managers.involvement if plan.managers else None


class InvolvementParams(Params):
    required: list[str]
    met_min_kinds: int
    partial_min_kinds: int


@check("manager_involvement", InvolvementParams, reads=("managers.involvement",))
def manager_involvement(plan: Plan, params: InvolvementParams, ctx: Context) -> Finding:
    """What service managers do in the commissioning itself."""
    involvement = _involvement(plan)
    if involvement is None:
        return no_evidence(
            "The plan does not say how service managers take part (managers.involvement).",
            _INVOLVEMENT,
        )
    kinds = sorted(set(involvement))
    missing = [r for r in params.required if r not in kinds]
    figures = f"Service managers take part in {len(kinds)} of {_KINDS} ways"
    if kinds:
        figures += f" ({plain_list(kinds)})"
    outcome = grade(len(kinds), params.met_min_kinds, params.partial_min_kinds)
    if missing and outcome is Outcome.MET:
        return partial(f"{figures}, but not {plain_list(missing, 'or')}.", _INVOLVEMENT)
    return graded(
        outcome,
        f"{figures}.",
        f"{figures}; at least {params.met_min_kinds} are needed, including "
        f"{plain_list(params.required)}.",
        f"{figures}: commissioned around them, not with them.",
        _INVOLVEMENT,
    )


@check("practice_mapping", NoParams, reads=("managers.involvement", "managers.practice_mapping"))
def practice_mapping(plan: Plan, params: NoParams, ctx: Context) -> Finding:
    """Managers help find the practitioners already working this way."""
    involvement = _involvement(plan)
    mapping = plan.managers.practice_mapping if plan.managers else None
    identifies = involvement is not None and "identify-practitioners" in involvement
    paths = (_INVOLVEMENT, ("managers", "practice_mapping"))
    if identifies and mapping:
        return met(
            "Service managers help identify practitioners, and the plan says how they were found.",
            *paths,
        )
    if identifies:
        return partial(
            "Service managers help identify practitioners, but the plan does not say how "
            "(managers.practice_mapping).",
            *paths,
        )
    if mapping:
        return partial(
            "The plan says how practitioners were found, but service managers are not listed "
            "as identifying them.",
            *paths,
        )
    if involvement is None:
        return no_evidence(
            "The plan does not say who identifies the practitioners already working this way.",
            ("managers", "practice_mapping"),
        )
    return not_met(
        "Service managers do not help identify the practitioners already working this way.",
        *paths,
    )


class PressureParams(Params):
    met_min_figures: int


_PRESSURES = ("caseload_average", "vacancy_rate", "turnover_rate", "sickness_rate")


@check(
    "workforce_pressures",
    PressureParams,
    reads=("managers.involvement", "workforce.pressures"),
)
def workforce_pressures(plan: Plan, params: PressureParams, ctx: Context) -> Finding:
    """Workforce pressures understood with managers, and written down as figures."""
    involvement = _involvement(plan)
    pressures = plan.workforce.pressures
    figures = [p for p in _PRESSURES if pressures and getattr(pressures, p) is not None]
    involved = involvement is not None and "workforce-pressures" in involvement
    paths = (_INVOLVEMENT, ("workforce", "pressures"))
    said = f"{len(figures)} of {len(_PRESSURES)} pressure figures given"
    if involved and len(figures) >= params.met_min_figures:
        return met(f"Managers help weigh workforce pressures; {said}.", *paths)
    if involved or figures:
        if involved:
            who = "Managers help weigh workforce pressures"
        elif involvement is None:
            who = "The plan does not say whether managers help weigh workforce pressures"
        else:
            who = "Managers are not asked about workforce pressures"
        return partial(f"{who}; {said}.", *paths)
    if involvement is None and pressures is None:
        return no_evidence(
            "The plan says nothing about workforce pressures (caseloads, vacancies, "
            "turnover, sickness).",
            ("workforce", "pressures"),
        )
    return not_met(
        "Workforce pressures are not weighed with managers, and no figures are given.", *paths
    )


class ProtectedParams(Params):
    hours_more_than: float


@check(
    "protected_time",
    ProtectedParams,
    reads=("managers.protected_time", "budget.lines[].category"),
)
def protected_time(plan: Plan, params: ProtectedParams, ctx: Context) -> Finding:
    """Time released for practitioners to learn and practise, with cover paid for."""
    time = plan.managers.protected_time if plan.managers else None
    hours = time.hours_per_month if time else None
    lines = plan.budget.lines if plan.budget and plan.budget.lines else []
    backfill_lines = [
        i for i, line in enumerate(lines) if line.category == "backfill" and line.amount > 0
    ]
    funded = bool(time and time.backfill) or bool(backfill_lines)
    paths = [("managers", "protected_time")] + [("budget", "lines", i) for i in backfill_lines]
    has_time = hours is not None and hours > params.hours_more_than
    if hours is None and not funded:
        return no_evidence(
            "The plan does not give practitioners protected time or pay for cover.",
            ("managers", "protected_time"),
        )
    said_time = (
        f"{plural(hours, 'protected hour')} a month" if has_time and hours else "no protected time"
    )
    said_cover = "cover is funded" if funded else "no backfill is funded"
    reason = f"Practitioners get {said_time}; {said_cover}."
    if has_time and funded:
        return met(reason, *paths)
    if has_time or funded:
        return partial(reason, *paths)
    return not_met(reason, *paths)


class GovernanceParams(Params):
    min_per_year: float


@check("governance", GovernanceParams, reads=("managers.governance", "managers.leads"))
def governance(plan: Plan, params: GovernanceParams, ctx: Context) -> Finding:
    """An implementation group that meets often enough, with members and named leads."""
    group = plan.managers.governance if plan.managers else None
    leads = plan.managers.leads if plan.managers else None
    if group is None and not leads:
        return no_evidence(
            "The plan names no implementation group and no service-manager leads.",
            ("managers", "governance"),
        )
    gaps: list[str] = []
    if group is None or not group.group:
        gaps.append("no named implementation group")
    if group is None or per_year(group.frequency) < params.min_per_year:
        often = how_often(group.frequency) if group and group.frequency else "unstated"
        gaps.append(f"meetings {often} (needs {threshold_frequency(params.min_per_year)} or more)")
    if group is None or not group.members:
        gaps.append("no members named")
    if not leads:
        gaps.append("no service-manager leads named")
    paths = (("managers", "governance"), ("managers", "leads"))
    if not gaps and group is not None and group.frequency is not None:
        members = plural(len(group.members or ()), "member")
        return met(
            f"{group.group} meets {how_often(group.frequency)} with {members}; "
            f"{plural(len(leads or ()), 'lead')} named.",
            *paths,
        )
    return partial(f"Governance has gaps: {'; '.join(gaps)}.", *paths)


class AgreementParams(Params):
    min_parties: int


@check("agreement", AgreementParams, reads=("managers.agreement", "plan.start", "plan.end"))
def agreement(plan: Plan, params: AgreementParams, ctx: Context) -> Finding:
    """Shared ownership written down and signed before the work starts."""
    signed = plan.managers.agreement if plan.managers else None
    if signed is None or signed.signed is None:
        return no_evidence(
            "The plan has no signed agreement of shared ownership (managers.agreement).",
            ("managers", "agreement", "signed"),
        )
    parties = len(signed.parties or ())
    start, end = plan.plan.start, plan.plan.end
    paths = (("managers", "agreement", "signed"), ("managers", "agreement", "parties"))
    reason = (
        f"Agreement signed {signed.signed.isoformat()} by {plural(parties, 'party', 'parties')}"
    )
    if signed.signed > end:
        return not_met(f"{reason}, after the plan ends ({end.isoformat()}).", *paths)
    if signed.signed > start:
        return partial(f"{reason}, after the plan starts ({start.isoformat()}).", *paths)
    if parties < params.min_parties:
        return partial(f"{reason}; at least {number(params.min_parties)} are needed.", *paths)
    return met(f"{reason}, before the plan starts.", *paths)
