"""Lever 4, line manager capability: training, style, reflective practice, wellbeing."""

from readiness.checks.base import (
    Context,
    NoParams,
    Params,
    check,
    first_start,
    met,
    no_evidence,
    not_met,
    partial,
)
from readiness.checks.wording import (
    every_weeks,
    how_often,
    number,
    plain_list,
    plural,
    say_list,
    share,
)
from readiness.outcomes import Finding, KeyPath
from readiness.plan.models import Plan
from readiness.plan.types import per_year

_LM = ("line_managers",)


class TrainedParams(Params):
    met_min_percent: float
    partial_min_percent: float
    min_hours: float = 12


@check(
    "managers_trained",
    TrainedParams,
    reads=(
        "line_managers.trained",
        "line_managers.trained_by",
        "line_managers.training.hours",
        "rollout.cohorts[].managers_trained_by",
        "rollout.cohorts[].start",
    ),
)
def managers_trained(plan: Plan, params: TrainedParams, ctx: Context) -> Finding:
    """Line managers trained in the approach, substantially, before each wave of their teams."""
    lm = plan.line_managers
    if lm is None or lm.trained is None:
        return no_evidence(
            "The plan does not say whether line managers are trained in the approach.",
            (*_LM, "trained"),
        )
    paths: list[KeyPath] = [(*_LM, "trained"), (*_LM, "trained_by"), (*_LM, "training")]
    shown = share(lm.trained, params.met_min_percent, params.partial_min_percent)
    trained = f"{shown}% of line managers trained"
    if lm.trained < params.partial_min_percent:
        return not_met(
            f"{trained}; practitioners return to supervision that pulls them back.", *paths
        )
    when, in_time, wave_paths = _in_time(plan)
    paths.extend(wave_paths)
    hours = lm.training.hours if lm.training else None
    substantial = hours is not None and hours >= params.min_hours
    if hours is None:
        depth = "; the plan does not say how long their training is (line_managers.training)"
    elif not substantial:
        depth = f", in {plural(hours, 'hour')} of training, less than {number(params.min_hours)}"
    else:
        depth = f", in {plural(hours, 'hour')} of training"
    reason = f"{trained}{when}{depth}."
    if lm.trained >= params.met_min_percent and in_time and substantial:
        return met(reason, *paths)
    return partial(reason, *paths)


def _in_time(plan: Plan) -> tuple[str, bool, list[KeyPath]]:
    """When managers are trained against when their waves start: wave by wave when the plan
    gives per-wave dates, else everyone before the first wave."""
    lm = plan.line_managers
    overall = lm.trained_by if lm else None
    cohorts = plan.rollout.cohorts if plan.rollout and plan.rollout.cohorts else []
    if any(c.managers_trained_by for c in cohorts):
        late = [
            c.name
            for c in cohorts
            if (c.managers_trained_by or overall) is None
            or (c.managers_trained_by or overall or c.start) > c.start
        ]
        paths: list[KeyPath] = [
            ("rollout", "cohorts", i, "managers_trained_by") for i in range(len(cohorts))
        ]
        if late:
            shown = say_list([f"'{n}'" for n in late[:3]])
            return f", but not before every wave starts (not for {shown})", False, paths
        return ", each wave's managers before that wave starts", True, paths
    event, first = first_start(plan)
    if overall is None:
        return ", by a date the plan does not give", False, []
    if overall <= first:
        return f" by {overall.isoformat()}, before {event}", True, []
    return f" by {overall.isoformat()}, after {event} ({first})", False, []


@check("supervision_style", NoParams, reads=("line_managers.supervision_style",))
def supervision_style(plan: Plan, params: NoParams, ctx: Context) -> Finding:
    """How line managers supervise: reflective, not task-driven case management."""
    style = plan.line_managers.supervision_style if plan.line_managers else None
    path = (*_LM, "supervision_style")
    if style is None:
        return no_evidence("The plan does not say how line managers supervise.", path)
    if style == "reflective":
        return met("Line managers supervise reflectively.", path)
    if style == "mixed":
        return partial("Line managers' supervision mixes reflection and case management.", path)
    return not_met(
        "Line managers' supervision is case management: it pulls practitioners back to old ways.",
        path,
    )


class ReflectionParams(Params):
    met_min_per_year: float
    min_minutes: int


@check("team_reflection", ReflectionParams, reads=("line_managers.reflective_practice",))
def team_reflection(plan: Plan, params: ReflectionParams, ctx: Context) -> Finding:
    """Team reflective practice that line managers lead, often enough and long enough."""
    session = plan.line_managers.reflective_practice if plan.line_managers else None
    path = (*_LM, "reflective_practice")
    if session is None or session.frequency is None:
        return no_evidence(
            "The plan does not say how often teams reflect on practice together.", path
        )
    times = per_year(session.frequency)
    length = (
        f" for {session.minutes} minutes" if session.minutes is not None else ", length unstated"
    )
    reason = f"Team reflective practice {how_often(session.frequency)}{length}"
    often = every_weeks(params.met_min_per_year)
    need = f"a session at least {often}, of {params.min_minutes} minutes"
    if times == 0:
        return not_met(f"{reason}.", path)
    if times >= params.met_min_per_year and (session.minutes or 0) >= params.min_minutes:
        return met(f"{reason}.", path)
    return partial(f"{reason}; it needs {need}.", path)


class SupportParams(Params):
    organisational: list[str]


@check("vicarious_trauma_support", SupportParams, reads=("line_managers.wellbeing.support",))
def vicarious_trauma_support(plan: Plan, params: SupportParams, ctx: Context) -> Finding:
    """Support against vicarious trauma that the organisation provides, not only self-care."""
    wellbeing = plan.line_managers.wellbeing if plan.line_managers else None
    path = (*_LM, "wellbeing", "support")
    if wellbeing is None or wellbeing.support is None:
        return no_evidence(
            "The plan does not say how teams are supported against vicarious trauma.", path
        )
    named = plain_list(wellbeing.support)
    if any(s in params.organisational for s in wellbeing.support):
        return met(f"Teams are supported through {named}.", path)
    if wellbeing.support:
        return partial(f"Teams have only {named}: support is left to the individual.", path)
    return not_met("No support against vicarious trauma is listed.", path)


@check(
    "wellbeing_measure",
    NoParams,
    reads=("line_managers.wellbeing.measure", "line_managers.wellbeing.reporting"),
)
def wellbeing_measure(plan: Plan, params: NoParams, ctx: Context) -> Finding:
    """Team wellbeing measured, and reported in aggregate so no one is singled out."""
    wellbeing = plan.line_managers.wellbeing if plan.line_managers else None
    path = (*_LM, "wellbeing", "measure")
    if wellbeing is None or wellbeing.measure is None:
        return no_evidence("The plan does not say how team wellbeing is measured.", path)
    paths = (path, (*_LM, "wellbeing", "reporting"))
    if wellbeing.reporting == "aggregate":
        return met(
            f"Wellbeing is measured ({wellbeing.measure}) and reported in aggregate.", *paths
        )
    if wellbeing.reporting == "individual":
        return not_met(
            f"Wellbeing is measured ({wellbeing.measure}) but reported for individuals.", *paths
        )
    return partial(
        f"Wellbeing is measured ({wellbeing.measure}); how it is reported is not stated.", *paths
    )
