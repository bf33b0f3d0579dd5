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
from readiness.checks.support import (
    CONTACT_HOUR,
    NOT_SUPPORT,
    Dose,
    Pricing,
    Support,
    commissioned_support,
    costed,
    priced_in_pounds,
    supports,
)
from readiness.checks.wording import (
    money,
    number,
    plural,
    say_list,
    share,
)
from readiness.outcomes import Finding, KeyPath
from readiness.plan.models import Plan
from readiness.plan.types import add_months, per_year, timepoint_months


class MixParams(Params):
    met_min: int
    min_cover_percent: float = 50
    pricing: Pricing = Pricing()
    dose: Dose = Dose()


@check(
    "support_mix",
    MixParams,
    reads=(
        "standards.coaching",
        "standards.supervision",
        "fidelity",
        "line_managers.coaching",
        "line_managers.reflective_practice",
        "managers.protected_time",
        "budget.lines",
    ),
)
def support_mix(plan: Plan, params: MixParams, ctx: Context) -> Finding:
    """Support after training that the plan pays for, at a price it could buy it for."""
    found = list(supports(plan, dose=params.dose))
    bought = [s for s in found if s.state == "funded"]
    existing = [s.kind.name for s in found if s.state == "existing"]
    unpaid = [s.kind.name for s in found if s.state == "unfunded"]
    training = [s.kind.name for s in found if s.state == "training"]
    paths = [s.kind.path for s in bought] + [
        ("budget", "lines", i) for s in bought for i in s.lines
    ]
    aside = ""
    if existing:
        runs = "runs" if len(existing) == 1 else "run"
        aside += f" {_cap(say_list(existing))} already {runs} as usual: not bought by this plan."
    if unpaid:
        aside += f" Nothing in the budget pays for {say_list(unpaid)}."
    if training:
        aside += (
            f" The budget lines named for {say_list(training)} are training or other spending, "
            "not support."
        )
    if not bought:
        return not_met(
            "The plan pays for no support after the training (coaching, supervision, fidelity "
            f"checks, protected time): this buys training, not implementation.{aside}",
            *([s.kind.path for s in found] or [("standards",)]),
        )
    counted, short = _plausible(plan, bought, params, ctx)
    if short:
        aside += f" Too little to count: {'; '.join(short)}."
    if not counted:
        return not_met(
            f"The budget is too small for the support the plan describes: this buys training, "
            f"not implementation.{aside}",
            *paths,
        )
    said = f"The plan pays for {say_list(counted)} after the training."
    if not priced_in_pounds(plan) and params.min_cover_percent:
        currency = plan.budget.currency if plan.budget else "GBP"
        return partial(
            f"{said} The budget is in {currency}, which readiness cannot price against "
            f"published unit costs, so this can be at most partly met.{aside}",
            *paths,
        )
    if len(counted) >= params.met_min:
        return met(f"{said}{aside}", *paths)
    return partial(f"{said} It needs at least {params.met_min} kinds of support.{aside}", *paths)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plausible(
    plan: Plan, bought: list[Support], params: MixParams, ctx: Context
) -> tuple[list[str], list[str]]:
    """The support whose money covers enough of its price, and a note on each that does not."""
    costs = ctx.unit_costs
    if not priced_in_pounds(plan) or not params.min_cover_percent or CONTACT_HOUR not in costs:
        return [s.kind.name for s in bought], []
    counted: list[str] = []
    short: list[str] = []
    year = costs[CONTACT_HOUR].price_year
    for group in costed(plan, bought, params.pricing, costs):
        covered = percent(group.paid, group.cost) if group.cost > 0 else 0.0
        if covered >= params.min_cover_percent:
            counted.extend(group.names)
            continue
        shown = share(covered, params.min_cover_percent)
        short.append(
            f"{say_list(group.names)} (GBP {money(group.paid)} against about "
            f"GBP {money(_rounded(group.cost))} at {year} prices, {shown}%; at least "
            f"{number(params.min_cover_percent)}% is needed)"
        )
    return counted, short


def _rounded(cost: float) -> float:
    """A price to the nearest hundred pounds (to the pound below 1,000)."""
    return float(round(cost, -2)) if cost >= 1000 else float(round(cost))


class BudgetParams(Params):
    met_min_percent: float
    partial_min_percent: float


@check("support_budget", BudgetParams, reads=("budget.lines",))
def support_budget(plan: Plan, params: BudgetParams, ctx: Context) -> Finding:
    """How much of the budget pays for implementation support rather than training."""
    lines = plan.budget.lines if plan.budget else None
    path = ("budget", "lines")
    counted = [line for line in lines or () if line.category != "other"]
    total = sum(line.amount for line in counted)
    if not lines or total == 0:
        return no_evidence(
            "The plan has no budget lines for training or support to show what is paid for.",
            path,
        )
    support = sum(line.amount for line in counted if line.category not in NOT_SUPPORT)
    training = total - support
    fraction = percent(support, total)
    shown = share(fraction, params.met_min_percent, params.partial_min_percent)
    currency = plan.budget.currency if plan.budget else "GBP"
    said = (
        f"Implementation support is {shown}% of the money for training and support "
        f"({currency} {money(support)} of {money(total)})"
    )
    most = ": most money buys training" if training > support else ""
    return graded(
        grade(fraction, params.met_min_percent, params.partial_min_percent),
        f"{said}.",
        f"{said}, less than {number(params.met_min_percent)}%.",
        f"{said}, less than {number(params.partial_min_percent)}%{most}.",
        path,
    )


@check(
    "dates_in_period",
    NoParams,
    reads=(
        "rollout.cohorts[].start",
        "rollout.cohorts[].managers_trained_by",
        "line_managers.trained_by",
        "standards.outcome_measures",
    ),
)
def dates_in_period(plan: Plan, params: NoParams, ctx: Context) -> Finding:
    """Every date the plan relies on falls inside the commissioned period."""
    start, end = plan.plan.start, plan.plan.end
    dated: list[tuple[str, date, KeyPath]] = []
    for i, cohort in enumerate((plan.rollout.cohorts or ()) if plan.rollout else ()):
        dated.append(
            (f"wave '{cohort.name}' starts", cohort.start, ("rollout", "cohorts", i, "start"))
        )
        if cohort.managers_trained_by is not None:
            dated.append(
                (
                    f"wave '{cohort.name}' line managers trained by",
                    cohort.managers_trained_by,
                    ("rollout", "cohorts", i, "managers_trained_by"),
                )
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
    min_cover_percent: float = 50
    pricing: Pricing = Pricing()


def _paid_enough(plan: Plan, path: KeyPath, params: DurationParams, ctx: Context) -> bool:
    """Support the plan pays for at a price that could buy it (as FD-01 prices it)."""
    found = commissioned_support(plan, path)
    if found is None:
        return False
    if not priced_in_pounds(plan) or CONTACT_HOUR not in ctx.unit_costs:
        return True
    groups = costed(plan, [found], params.pricing, ctx.unit_costs)
    return all(g.cost <= 0 or percent(g.paid, g.cost) >= params.min_cover_percent for g in groups)


@check(
    "support_duration",
    DurationParams,
    reads=(
        "standards.coaching.months",
        "standards.cpd",
        "standards.supervision",
        "budget.lines",
        "plan.end",
    ),
)
def support_duration(plan: Plan, params: DurationParams, ctx: Context) -> Finding:
    """Support that lasts beyond the first months after training."""
    event, first = first_start(plan)
    standards = plan.standards
    spans: list[tuple[int, str, KeyPath]] = []
    coaching = standards.coaching if standards else None
    if coaching and coaching.months and _paid_enough(plan, ("standards", "coaching"), params, ctx):
        spans.append((coaching.months, "coaching", ("standards", "coaching", "months")))
    to_end = max(0, months_between(first, plan.plan.end + timedelta(days=1)))
    described = bool(coaching and coaching.months)
    for name in ("supervision", "cpd"):
        section = getattr(standards, name, None) if standards else None
        if section is not None and per_year(section.frequency) > 0:
            described = True
            if _paid_enough(plan, ("standards", name), params, ctx):
                label = "supervision" if name == "supervision" else "CPD"
                spans.append((to_end, f"ongoing {label} to the plan's end", ("standards", name)))
    if not spans and described:
        return not_met(
            "The plan pays for no coaching, supervision or CPD after the training: what it "
            "describes already runs, or the budget pays too little or nothing for it.",
            ("standards",),
            ("budget", "lines"),
        )
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


@check("sustainability", NoParams, reads=("sustainability",))
def sustainability(plan: Plan, params: NoParams, ctx: Context) -> Finding:
    """Support planned past the end of the money, so practice does not stop with the grant."""
    found = plan.sustainability
    path = ("sustainability",)
    if found is None or (found.funded_until is None and found.after_funding is None):
        return no_evidence(
            "The plan does not say how support continues after the money ends (sustainability).",
            path,
        )
    if not found.after_funding:
        until = found.funded_until.isoformat() if found.funded_until else "a date not given"
        return partial(
            f"Funding runs until {until}, but the plan does not say what happens after "
            "(after_funding).",
            path,
        )
    if found.funded_until is None:
        return partial(
            "The plan says how support continues, but not when the money ends (funded_until).",
            path,
        )
    return met(
        f"Funding runs until {found.funded_until.isoformat()}, and the plan says how support "
        "continues after that.",
        path,
    )
