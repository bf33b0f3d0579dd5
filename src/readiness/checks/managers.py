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
    min_sessions: int = 2


def _codesign(plan: Plan) -> list[int]:
    """Co-design sessions held before the plan starts with a service manager there."""
    sessions = plan.managers.sessions if plan.managers and plan.managers.sessions else []
    return [
        i
        for i, s in enumerate(sessions)
        if s.date < plan.plan.start and "service-manager" in s.attendees
    ]


@check(
    "manager_involvement", InvolvementParams, reads=("managers.involvement", "managers.sessions")
)
def manager_involvement(plan: Plan, params: InvolvementParams, ctx: Context) -> Finding:
    """What service managers do in the commissioning itself, shown by co-design sessions."""
    involvement = _involvement(plan)
    held = _codesign(plan)
    sessions = (*_INVOLVEMENT[:1], "sessions")
    if involvement is None and not held:
        return no_evidence(
            "The plan does not say how service managers take part (managers.involvement).",
            _INVOLVEMENT,
        )
    kinds = sorted(set(involvement or ()))
    missing = [r for r in params.required if r not in kinds]
    figures = f"Service managers take part in {len(kinds)} of {_KINDS} ways"
    if kinds:
        figures += f" ({plain_list(kinds)})"
    outcome = grade(len(kinds), params.met_min_kinds, params.partial_min_kinds)
    paths = (_INVOLVEMENT, sessions)
    if missing and outcome is Outcome.MET:
        return partial(f"{figures}, but not {plain_list(missing, 'or')}.", *paths)
    if outcome is Outcome.MET and len(held) < params.min_sessions:
        shown = plural(len(held), "co-design session") if held else "no co-design sessions"
        return partial(
            f"{figures}, but the plan records {shown} with a service manager before it starts "
            f"(managers.sessions); at least {params.min_sessions} show the words are true.",
            *paths,
        )
    if outcome is Outcome.NOT_MET and held:
        outcome = Outcome.PARTIAL
        figures += f"; {plural(len(held), 'co-design session')} held with service managers"
    return graded(
        outcome,
        f"{figures}, with {plural(len(held), 'co-design session')} before the plan starts.",
        f"{figures}; at least {params.met_min_kinds} are needed, including "
        f"{plain_list(params.required)}.",
        f"{figures}: commissioned around them, not with them.",
        *paths,
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
    elif not any(p.role == "service-manager" for p in leads):
        gaps.append("no lead is named as a service manager (role: service-manager)")
    named = group.members if group is not None else None
    if named and not any(p.role == "service-manager" for p in named):
        gaps.append("no member of the group is named as a service manager")
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


@check(
    "agreement",
    AgreementParams,
    reads=("managers.agreement", "plan.start", "plan.end"),
)
def agreement(plan: Plan, params: AgreementParams, ctx: Context) -> Finding:
    """Shared ownership written down, signed by a service manager before the work starts."""
    signed = plan.managers.agreement if plan.managers else None
    if signed is None or signed.signed is None:
        return no_evidence(
            "The plan has no signed agreement of shared ownership (managers.agreement).",
            ("managers", "agreement", "signed"),
        )
    who = signed.signatories
    parties = len(who) if who is not None else len(signed.parties or ())
    start, end = plan.plan.start, plan.plan.end
    base = ("managers", "agreement")
    paths = ((*base, "signed"), (*base, "signatories" if who is not None else "parties"))
    reason = (
        f"Agreement signed {signed.signed.isoformat()} by {plural(parties, 'party', 'parties')}"
    )
    if signed.signed > end:
        return not_met(f"{reason}, after the plan ends ({end.isoformat()}).", *paths)
    if signed.signed > start:
        return partial(f"{reason}, after the plan starts ({start.isoformat()}).", *paths)
    if parties < params.min_parties:
        return partial(f"{reason}; at least {number(params.min_parties)} are needed.", *paths)
    if who is None:
        return partial(
            f"{reason}, before the plan starts, but it does not say whether a service manager "
            "signed (managers.agreement.signatories, each with a role).",
            *paths,
        )
    if not any(s.role == "service-manager" for s in who):
        return partial(f"{reason}, but no service manager signed it.", *paths)
    return met(f"{reason}, a service manager among them, before the plan starts.", *paths)


class LeadParams(Params):
    met_min_hours: float


@check("implementation_lead", LeadParams, reads=("implementation.lead", "implementation.team"))
def implementation_lead(plan: Plan, params: LeadParams, ctx: Context) -> Finding:
    """A named lead with time set aside to lead the implementation."""
    found = plan.implementation
    path = ("implementation", "lead")
    if found is None:
        return no_evidence("The plan names no implementation lead (implementation.lead).", path)
    lead = found.lead
    if lead is None:
        if found.team:
            return partial(
                f"The plan names an implementation team of {len(found.team)} but no lead.",
                ("implementation", "team"),
            )
        return not_met("The plan names no implementation lead and no team.", path)
    hours = lead.hours_per_month
    if hours is None:
        return partial(
            f"{lead.name} leads the implementation, but the plan does not say how many hours a "
            "month they have for it.",
            path,
        )
    said = f"{lead.name} leads the implementation with {plural(hours, 'hour')} a month"
    if hours >= params.met_min_hours:
        return met(f"{said}.", (*path, "hours_per_month"))
    return partial(
        f"{said}, less than the {number(params.met_min_hours)} the role needs.",
        (*path, "hours_per_month"),
    )


class CoProductionParams(Params):
    paid_category: str


@check("co_production", CoProductionParams, reads=("co_production", "budget.lines"))
def co_production(plan: Plan, params: CoProductionParams, ctx: Context) -> Finding:
    """Children, families and care-experienced adults shape the plan, and are paid for it."""
    found = plan.co_production
    path = ("co_production",)
    if found is None or (found.with_ is None and found.how is None):
        return no_evidence(
            "The plan does not say how people with lived experience shape it (co_production).",
            path,
        )
    lines = plan.budget.lines if plan.budget and plan.budget.lines else []
    paying = [
        i for i, line in enumerate(lines) if line.category == params.paid_category and line.amount
    ]
    if found.with_ == []:
        return not_met("The plan names no one with lived experience who shapes it.", path)
    paths = [("co_production", "with")] + [("budget", "lines", i) for i in paying]
    if found.with_ is None:
        return partial(
            "The plan does not say who with lived experience shapes it (co_production.with).",
            *paths,
        )
    who = plain_list(found.with_)
    said = f"{who[:1].upper()}{who[1:]} shape the plan"
    if found.how and paying:
        return met(f"{said}, and their time is paid for.", *paths)
    if found.how:
        return partial(
            f"{said}, but nothing in the budget pays for their time (a "
            f"{params.paid_category} line).",
            *paths,
        )
    return partial(f"{said}, but the plan does not say how (co_production.how).", *paths)
