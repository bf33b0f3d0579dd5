"""Lever 1, start with the right people: waves, selection, champions, exit criteria, length.

Over 200 lines because the lever has eight criteria, each a small check; the checks of one
lever stay together (one module per lever).
"""

from datetime import timedelta
from itertools import pairwise

from readiness.checks.base import (
    Context,
    NoParams,
    Params,
    check,
    grade,
    graded,
    met,
    months_between,
    no_evidence,
    not_applicable,
    not_met,
    partial,
    percent,
)
from readiness.checks.support import commissioned
from readiness.checks.wording import (
    number,
    plain_list,
    plural,
    say_list,
    share,
)
from readiness.outcomes import Finding, KeyPath
from readiness.plan.models import Cohort, Plan
from readiness.plan.types import add_months

_COHORTS = ("rollout", "cohorts")
_MARKS = {
    "direct-work": "works directly with children and families",
    "curious-about-behaviour": "curious about behaviour",
    "non-punitive": "not punitive",
    "relational-language": "relational language",
    "applies-theory": "puts theory into practice",
}


def _cohorts(plan: Plan) -> list[Cohort]:
    return list(plan.rollout.cohorts or ()) if plan.rollout else []


_IN_PRACTICE = (("standards", "coaching"), ("standards", "supervision"))


def whole_service(plan: Plan) -> Finding | None:
    """Not applicable for a whole-service model that says why, with in-practice support paid
    for from go-live; None when the rollout is judged as staged."""
    rollout = plan.rollout
    if rollout is None or rollout.model != "whole-service" or not rollout.rationale:
        return None
    if not any(commissioned(plan, path) for path in _IN_PRACTICE):
        return None
    return not_applicable(
        "A whole-service model changes how whole teams work on one date, the plan says why, "
        "and it pays for coaching or supervision from the start.",
        ("rollout", "model"),
        ("rollout", "rationale"),
    )


_NO_WAVES = "The plan does not set out waves of practitioners (rollout.cohorts)."


class WaveShare(Params):
    met_max_percent: float
    partial_max_percent: float


@check(
    "first_wave_share",
    WaveShare,
    reads=("rollout.cohorts[0].size", "workforce.practitioners", "rollout.model"),
)
def first_wave_share(plan: Plan, params: WaveShare, ctx: Context) -> Finding:
    """First wave's size as a share of the practitioners in scope."""
    if (whole := whole_service(plan)) is not None:
        return whole
    cohorts = _cohorts(plan)
    if not cohorts:
        return no_evidence(_NO_WAVES, _COHORTS)
    size, total = cohorts[0].size, plan.workforce.practitioners
    fraction = percent(size, total)
    shown = share(fraction, params.met_max_percent, params.partial_max_percent)
    figures = f"First wave is {size} of {total} practitioners ({shown}%)"
    where = ((*_COHORTS, 0, "size"), ("workforce", "practitioners"))
    too_many = "a system-wide rollout" if size >= total else "too many at once"
    return graded(
        grade(fraction, params.met_max_percent, params.partial_max_percent, higher_is_better=False),
        f"{figures}, within {number(params.met_max_percent)}%.",
        f"{figures}: more than {number(params.met_max_percent)}%, "
        f"within {number(params.partial_max_percent)}%.",
        f"{figures}, more than {number(params.partial_max_percent)}%: {too_many}.",
        *where,
    )


class Waves(Params):
    min_waves: int
    min_gap_months: int


@check("staged_waves", Waves, reads=("rollout.cohorts[].start", "rollout.model"))
def staged_waves(plan: Plan, params: Waves, ctx: Context) -> Finding:
    """Waves that start one after another, with time between the first and second."""
    if (whole := whole_service(plan)) is not None:
        return whole
    cohorts = _cohorts(plan)
    if not cohorts:
        return no_evidence(_NO_WAVES, _COHORTS)
    starts = [(*_COHORTS, i, "start") for i in range(len(cohorts))]
    if len(cohorts) < params.min_waves:
        return not_met(
            f"The plan has {plural(len(cohorts), 'wave')}; it needs at least "
            f"{params.min_waves} so later waves learn from the first.",
            *starts,
        )
    if len(cohorts) == 1:
        return met("One wave, which this rubric allows.", *starts)
    ordered = all(a.start <= b.start for a, b in pairwise(cohorts))
    if not ordered:
        return partial(
            "The waves are not listed in the order they start; list the first wave first.", *starts
        )
    first, second = cohorts[0].start, cohorts[1].start
    gap = months_between(first, second)
    figures = (
        f"{plural(len(cohorts), 'wave')}; the second starts {plural(gap, 'month')} after the first"
    )
    if second >= add_months(first, params.min_gap_months):
        return met(f"{figures} (at least {params.min_gap_months}).", *starts[:2])
    return partial(
        f"{figures}, less than the {params.min_gap_months} months needed to learn from it.",
        *starts[:2],
    )


class Marks(Params):
    met_min_marks: int
    partial_min_marks: int


@check("selection_marks", Marks, reads=("rollout.cohorts[0].selection.criteria",))
def selection_marks(plan: Plan, params: Marks, ctx: Context) -> Finding:
    """How many of the article's five marks of "the people that get it" the first wave names."""
    if (whole := whole_service(plan)) is not None:
        return whole
    cohorts = _cohorts(plan)
    selection = cohorts[0].selection if cohorts else None
    if selection is None or selection.criteria is None:
        return no_evidence(
            "The plan does not say how the first wave is chosen (selection.criteria).",
            (*_COHORTS, 0, "selection", "criteria"),
        )
    named = [m for m in _MARKS if m in selection.criteria]
    path = (*_COHORTS, 0, "selection", "criteria")
    figures = f"First wave is chosen on {len(named)} of the 5 marks"
    if named:
        figures += f" ({say_list([_MARKS[m] for m in named])})"
    missing = say_list([_MARKS[m] for m in _MARKS if m not in named], "or")
    return graded(
        grade(len(named), params.met_min_marks, params.partial_min_marks),
        f"{figures}.",
        f"{figures}; not yet: {missing}.",
        f"{figures}; it needs at least {params.partial_min_marks}.",
        path,
    )


class Route(Params):
    nominated_by: list[str]


@check(
    "selection_route",
    Route,
    reads=("rollout.cohorts[0].selection.voluntary", "rollout.cohorts[0].selection.nominated_by"),
)
def selection_route(plan: Plan, params: Route, ctx: Context) -> Finding:
    """First wave opts in, and is nominated by the managers who know the practitioners."""
    if (whole := whole_service(plan)) is not None:
        return whole
    cohorts = _cohorts(plan)
    selection = cohorts[0].selection if cohorts else None
    base = (*_COHORTS, 0, "selection")
    if selection is None or (selection.voluntary is None and selection.nominated_by is None):
        return no_evidence(
            "The plan does not say whether the first wave volunteers or who nominates it.",
            (*_COHORTS, 0, "selection"),
        )
    voluntary = selection.voluntary is True
    nominated = any(n in params.nominated_by for n in selection.nominated_by or ())
    if selection.voluntary is None:
        opts_in = "the plan does not say whether it volunteers"
    else:
        opts_in = "it volunteers" if voluntary else "it does not volunteer"
    if selection.nominated_by is None:
        named = "the plan does not say who nominates it"
    elif nominated:
        named = "managers nominate it"
    else:
        named = f"it is nominated by {plain_list(selection.nominated_by)}, not managers"
    reason = f"First wave: {opts_in}; {named}."
    paths = ((*base, "voluntary"), (*base, "nominated_by"))
    if voluntary and nominated:
        return met(reason, *paths)
    if voluntary or nominated:
        return partial(reason, *paths)
    return not_met(reason, *paths)


class ChampionParams(Params):
    per_team: float
    min_share_percent: float
    min_protected_hours: float


@check(
    "champions",
    ChampionParams,
    reads=(
        "rollout.cohorts[0].champions",
        "workforce.teams",
        "rollout.champions.protected_hours_per_month",
    ),
)
def champions(plan: Plan, params: ChampionParams, ctx: Context) -> Finding:
    """Internal champions in the first wave, with protected time for the role."""
    cohorts = _cohorts(plan)
    if not cohorts or cohorts[0].champions is None:
        return no_evidence(
            "The plan does not say how many of the first wave become champions.",
            (*_COHORTS, 0, "champions"),
        )
    count, size = cohorts[0].champions, cohorts[0].size
    path = (*_COHORTS, 0, "champions")
    if count == 0:
        return not_met("The first wave has no champions.", path)
    teams = plan.workforce.teams
    enough = percent(count, size) >= params.min_share_percent or (
        teams is not None and count >= params.per_team * teams
    )
    hours = (
        plan.rollout.champions.protected_hours_per_month
        if plan.rollout and plan.rollout.champions
        else None
    )
    time_path = ("rollout", "champions", "protected_hours_per_month")
    figures = f"First wave has {plural(count, 'champion')}"
    figures += f" for {plural(teams, 'team')}" if teams else f" in a wave of {size}"
    if hours is None:
        return partial(f"{figures}, but no protected time for the role is set.", path)
    figures += f", with {plural(hours, 'protected hour')} a month"
    if not enough:
        return partial(
            f"{figures}; that is fewer than one per team or "
            f"{number(params.min_share_percent)}% of the wave.",
            path,
            time_path,
        )
    if hours >= params.min_protected_hours:
        return met(f"{figures}.", path, time_path)
    return partial(
        f"{figures}, less than the {number(params.min_protected_hours)} hours the role needs.",
        path,
        time_path,
    )


@check("exit_criteria", NoParams, reads=("rollout.cohorts[].exit_criteria", "rollout.notes"))
def exit_criteria(plan: Plan, params: NoParams, ctx: Context) -> Finding:
    """What must be true before the next wave starts, for every wave but the last."""
    cohorts = _cohorts(plan)
    if not cohorts:
        return no_evidence(_NO_WAVES, _COHORTS)
    if len(cohorts) == 1:
        if plan.rollout and plan.rollout.model == "whole-service" and plan.rollout.rationale:
            return not_applicable(
                "One wave: a whole-service model, and the plan says why.",
                ("rollout", "rationale"),
            )
        if plan.rollout and plan.rollout.notes:
            return not_applicable(
                "One wave only, and the rollout notes say why.", ("rollout", "notes")
            )
        return no_evidence(
            "One wave only, and the plan does not say why; there is no next wave to prepare for.",
            (*_COHORTS, 0),
        )
    gated = [i for i, c in enumerate(cohorts[:-1]) if c.exit_criteria]
    needed = len(cohorts) - 1
    paths: list[KeyPath] = [(*_COHORTS, i, "exit_criteria") for i in gated] or [_COHORTS]
    if needed == 1:
        reason = "The first wave " + ("sets" if gated else "does not set") + " exit criteria"
    else:
        reason = f"{len(gated)} of the {needed} waves before the last set exit criteria"
    if len(gated) == needed:
        return met(f"{reason}.", *paths)
    if gated:
        return partial(f"{reason}.", *paths)
    return not_met(f"{reason}: nothing says when the next wave is ready.", *paths)


class Length(Params):
    met_min_months: int
    partial_min_months: int


@check("plan_length", Length, reads=("plan.start", "plan.end"))
def plan_length(plan: Plan, params: Length, ctx: Context) -> Finding:
    """How long the commissioned period is: implementation takes two to four years."""
    months = months_between(plan.plan.start, plan.plan.end + timedelta(days=1))
    reason = f"The plan runs for {plural(months, 'month')}"
    paths = (("plan", "start"), ("plan", "end"))
    return graded(
        grade(months, params.met_min_months, params.partial_min_months),
        f"{reason}, at least {params.met_min_months}.",
        f"{reason}, less than the {params.met_min_months} that implementation needs.",
        f"{reason}, less than {params.partial_min_months}: too short for practice to change.",
        *paths,
    )
