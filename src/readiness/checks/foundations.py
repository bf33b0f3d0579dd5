"""Foundations: support beyond training, budget, dates and duration. They cap the band."""

from datetime import date, timedelta

from readiness.checks.base import (
    Context,
    NoParams,
    Params,
    check,
    first_start,
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
from readiness.checks.wording import (
    money,
    number,
    plural,
    say_list,
    share,
)
from readiness.outcomes import Finding, KeyPath
from readiness.plan.models import Coaching, Fidelity, Plan, Supervision
from readiness.plan.types import add_months, per_year, timepoint_months


class MixParams(Params):
    met_min: int


@check("support_mix", MixParams, reads=("standards.coaching", "standards.supervision", "fidelity"))
def support_mix(plan: Plan, params: MixParams, ctx: Context) -> Finding:
    """Practitioners get implementation support after training: coaching, supervision, fidelity."""
    standards = plan.standards
    sections = (
        ("coaching", standards.coaching if standards else None, ("standards", "coaching")),
        ("supervision", standards.supervision if standards else None, ("standards", "supervision")),
        ("fidelity checks", plan.fidelity, ("fidelity",)),
    )
    kinds = [(name, path) for name, s, path in sections if _in_place(s)]
    names = say_list([k for k, _ in kinds])
    paths = [p for _, p in kinds]
    if len(kinds) >= params.met_min:
        return met(f"Practitioners get {names} after the training.", *paths)
    if kinds:
        return partial(f"Practitioners get only {names} after the training.", *paths)
    return not_met(
        "Nothing supports practitioners after the training (no coaching, supervision or "
        "fidelity): this buys training, not implementation.",
        ("standards",),
    )


def _in_place(section: Coaching | Supervision | Fidelity | None) -> bool:
    """A support counts when the plan describes it (not only notes) and it recurs."""
    if section is None or section.frequency in ("none", "once"):
        return False
    return any(v is not None for k, v in section if k != "notes")


class BudgetParams(Params):
    met_min_percent: float
    partial_min_percent: float


_TRAINING_ONLY = ("training", "other")


@check("support_budget", BudgetParams, reads=("budget.lines",))
def support_budget(plan: Plan, params: BudgetParams, ctx: Context) -> Finding:
    """How much of the budget pays for implementation support rather than training."""
    lines = plan.budget.lines if plan.budget else None
    path = ("budget", "lines")
    total = sum(line.amount for line in lines or ())
    if not lines or total == 0:
        return no_evidence("The plan has no budget lines to show what is paid for.", path)
    support = sum(line.amount for line in lines if line.category not in _TRAINING_ONLY)
    fraction = percent(support, total)
    shown = share(fraction, params.met_min_percent, params.partial_min_percent)
    currency = plan.budget.currency if plan.budget else "GBP"
    said = (
        f"Implementation support is {shown}% of the budget "
        f"({currency} {money(support)} of {money(total)})"
    )
    return graded(
        grade(fraction, params.met_min_percent, params.partial_min_percent),
        f"{said}.",
        f"{said}, less than {number(params.met_min_percent)}%.",
        f"{said}, less than {number(params.partial_min_percent)}%: most money buys training.",
        path,
    )


@check(
    "dates_in_period",
    NoParams,
    reads=("rollout.cohorts[].start", "line_managers.trained_by", "standards.outcome_measures"),
)
def dates_in_period(plan: Plan, params: NoParams, ctx: Context) -> Finding:
    """Every date the plan relies on falls inside the commissioned period."""
    start, end = plan.plan.start, plan.plan.end
    dated: list[tuple[str, date, KeyPath]] = []
    for i, cohort in enumerate((plan.rollout.cohorts or ()) if plan.rollout else ()):
        dated.append(
            (f"wave '{cohort.name}' starts", cohort.start, ("rollout", "cohorts", i, "start"))
        )
    if plan.line_managers and plan.line_managers.trained_by:
        trained = plan.line_managers.trained_by
        dated.append(("line managers trained by", trained, ("line_managers", "trained_by")))
    measures = plan.standards.outcome_measures if plan.standards else None
    for i, measure in enumerate(measures or ()):
        for j, point in enumerate(measure.timepoints or ()):
            # "24 months" into a plan that runs to its 24th month's last day is its last day
            months = int(timepoint_months(point))
            when = add_months(start, months) - timedelta(days=1 if months else 0)
            dated.append(
                (
                    f"{measure.name} at {point}",
                    when,
                    ("standards", "outcome_measures", i, "timepoints", j),
                )
            )
    if not dated:
        return not_applicable(
            "The plan gives no wave, training or measure dates to check.", ("plan", "start")
        )
    outside = [(what, when, path) for what, when, path in dated if not start <= when <= end]
    period = f"{start.isoformat()} to {end.isoformat()}"
    if not outside:
        return met(
            f"All {plural(len(dated), 'date')} fall within the plan period ({period}).",
            ("plan", "start"),
            ("plan", "end"),
        )
    shown = "; ".join(f"{what} {when.isoformat()}" for what, when, _ in outside[:3])
    return not_met(
        f"{plural(len(outside), 'date')} outside the plan period ({period}): {shown}.",
        *[path for _, _, path in outside],
    )


class DurationParams(Params):
    met_min_months: int
    partial_min_months: int


@check(
    "support_duration",
    DurationParams,
    reads=("standards.coaching.months", "standards.cpd", "standards.supervision", "plan.end"),
)
def support_duration(plan: Plan, params: DurationParams, ctx: Context) -> Finding:
    """Support that lasts beyond the first months after training."""
    event, first = first_start(plan)
    standards = plan.standards
    spans: list[tuple[int, str, KeyPath]] = []
    if standards and standards.coaching and standards.coaching.months:
        spans.append((standards.coaching.months, "coaching", ("standards", "coaching", "months")))
    to_end = max(0, months_between(first, plan.plan.end + timedelta(days=1)))
    for name in ("supervision", "cpd"):
        section = getattr(standards, name, None) if standards else None
        if section is not None and per_year(section.frequency) > 0:
            label = "supervision" if name == "supervision" else "CPD"
            spans.append((to_end, f"ongoing {label} to the plan's end", ("standards", name)))
    if not spans:
        return no_evidence(
            "The plan gives no coaching, supervision or CPD that continues after training.",
            ("standards",),
        )
    months, what, path = max(spans, key=lambda s: s[0])
    said = f"Support continues {plural(months, 'month')} after {event} ({what})"
    return graded(
        grade(months, params.met_min_months, params.partial_min_months),
        f"{said}.",
        f"{said}, less than {params.met_min_months}.",
        f"{said}, less than {params.partial_min_months}: support stops before practice settles.",
        path,
    )
