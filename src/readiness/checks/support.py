"""Support after the training, as the plan pays for it: which support is commissioned, which
already runs as business as usual, and what the commissioned support would cost.

A support section counts as commissioned when ``funded_by`` ties it to budget lines of a
support category, or, when it says neither ``funded_by`` nor ``existing``, when the budget has
a line of its matching category (so a plan written before ``funded_by`` keeps its credit).
``existing: true`` support is real but is not bought by the plan.

The price is what the plan says times the rubric's unit costs: the people the support covers
(each wave from its start), how often and for how many months, minutes per session and an
hourly cost, each with its published source and price year in the rubric.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Literal, NamedTuple

from readiness.checks.base import Params, UnitCost, months_between
from readiness.outcomes import KeyPath
from readiness.plan.funding import item_key
from readiness.plan.models import Funded, Plan, ProtectedTime
from readiness.plan.types import per_year

NOT_SUPPORT = ("training", "other")
"""Budget categories that are not implementation support."""

State = Literal["funded", "existing", "unfunded", "training"]


class Kind(NamedTuple):
    name: str
    """How a reason names it: 'coaching', 'protected time' ..."""
    path: KeyPath
    category: str | None
    """The budget category that pays for it when the plan says neither funded_by nor existing."""


KINDS = (
    Kind("coaching", ("standards", "coaching"), "coaching"),
    Kind("supervision", ("standards", "supervision"), "supervision"),
    Kind("fidelity checks", ("fidelity",), "fidelity"),
    Kind("coaching for line managers", ("line_managers", "coaching"), "coaching"),
    Kind("team reflective practice", ("line_managers", "reflective_practice"), None),
    Kind("protected time", ("managers", "protected_time"), "backfill"),
)
"""The support after training that FD-01 counts, practitioners' own first."""


class Support(NamedTuple):
    kind: Kind
    section: Funded
    state: State
    lines: tuple[int, ...]
    """The budget lines (by index) that pay for it."""


def section_at(plan: Plan, path: KeyPath) -> Funded | None:
    value: object = plan
    for part in path:
        value = getattr(value, str(part), None)
    return value if isinstance(value, Funded) else None


class Dose(Params):
    """The least support that counts: sessions in all, and protected hours a month."""

    min_sessions: float = 4
    min_protected_hours: float = 1


def in_place(section: Funded | None, dose: Dose | None = None) -> bool:
    """A support counts when the plan describes it (not only notes or funding), it recurs, and
    (with ``dose``) it reaches the least that could change practice."""
    if section is None:
        return False
    if isinstance(section, ProtectedTime):
        return (section.hours_per_month or 0) >= (dose.min_protected_hours if dose else 1e-9)
    frequency = getattr(section, "frequency", None)
    months = getattr(section, "months", None)
    if frequency in ("none", "once") or months == 0:
        return False
    sessions = per_year(frequency) * months / 12 if frequency and months is not None else None
    if dose is not None and sessions is not None and sessions < dose.min_sessions:
        return False
    ignored = ("notes", "funded_by", "existing")
    return any(v is not None for k, v in section if k not in ignored)


def support_lines(plan: Plan) -> list[tuple[int, str, str, float]]:
    """Budget lines of a support category: (index, item, category, amount)."""
    lines = plan.budget.lines if plan.budget and plan.budget.lines else []
    return [
        (i, line.item, line.category, line.amount)
        for i, line in enumerate(lines)
        if line.category not in NOT_SUPPORT
    ]


def funding(
    plan: Plan,
    kind: Kind,
    section: Funded,
    lines: list[tuple[int, str, str, float]] | None = None,
) -> tuple[State, tuple[int, ...]]:
    """Whether the plan pays for a support section, and the budget lines that do (``lines``:
    the plan's ``support_lines``, when the caller has them already)."""
    if section.existing:
        return "existing", ()
    if lines is None:
        lines = support_lines(plan)
    if section.funded_by is not None:
        named = {item_key(name) for name in section.funded_by}
        found = tuple(i for i, item, _, amount in lines if item_key(item) in named and amount > 0)
        if not found and named:
            return "training", ()  # the lines it names are training or other, not support
    else:
        found = tuple(i for i, _, cat, amount in lines if cat == kind.category and amount > 0)
    return ("funded" if found else "unfunded"), found


def supports(
    plan: Plan, kinds: tuple[Kind, ...] = KINDS, dose: Dose | None = None
) -> Iterator[Support]:
    """Each support the plan describes and that recurs, with how it is paid for."""
    budget: list[tuple[int, str, str, float]] | None = None
    for kind in kinds:
        section = section_at(plan, kind.path)
        if section is not None and in_place(section, dose):
            if budget is None:
                budget = support_lines(plan)
            state, lines = funding(plan, kind, section, budget)
            yield Support(kind, section, state, lines)


def kind_at(path: KeyPath) -> Kind:
    """The kind of support at ``path`` (one FD-01 does not count has no budget category)."""
    return next((k for k in KINDS if k.path == path), Kind("", path, None))


def commissioned_support(plan: Plan, path: KeyPath) -> Support | None:
    """The support at ``path`` when it is described, recurs and is paid for by the plan."""
    found = next(supports(plan, (kind_at(path),)), None)
    return found if found is not None and found.state == "funded" else None


def commissioned(plan: Plan, path: KeyPath) -> bool:
    """Whether the support at ``path`` is described, recurs and is paid for by the plan."""
    return commissioned_support(plan, path) is not None


# -- the price ----------------------------------------------------------------------------
class Pricing(Params):
    """Minutes of a coach's, supervisor's, facilitator's or reviewer's time per session."""

    coaching_minutes: float = 20
    manager_coaching_minutes: float = 60
    supervision_minutes: float = 90
    reflective_practice_minutes: float = 90
    fidelity_minutes_per_practitioner: float = 15


STAFF_HOUR, CONTACT_HOUR = "staff_hour", "contact_hour"
"""The rubric's unit costs (``unit_costs``): an hour of a practitioner's time (protected time,
fidelity work), and an hour of direct work (a coach's, supervisor's or facilitator's session)."""


def _end(plan: Plan) -> date:
    return plan.plan.end + timedelta(days=1)


def waves(plan: Plan) -> list[tuple[int, date]]:
    """The practitioners each wave brings in, and when; everyone at once without waves.

    Practitioners in scope that no wave names are taken to join with the last wave: support
    is priced for the whole workforce the plan is for, not only the waves it lists."""
    cohorts = plan.rollout.cohorts if plan.rollout and plan.rollout.cohorts else None
    if not cohorts:
        return [(plan.workforce.practitioners, plan.plan.start)]
    found = [(c.size, c.start) for c in cohorts]
    rest = plan.workforce.practitioners - sum(size for size, _ in found)
    if rest > 0:
        found.append((rest, max(start for _, start in found)))
    return found


def _months(start: date, end: date, cap: float | None = None) -> float:
    months = float(max(0, months_between(start, end)))
    return months if cap is None else min(months, cap)


def _sessions_a_month(section: Funded) -> float:
    frequency = getattr(section, "frequency", None)
    return 1 / 12 if frequency is None else per_year(frequency) / 12


def price(plan: Plan, support: Support, pricing: Pricing, costs: Mapping[str, UnitCost]) -> float:
    """What a commissioned support would cost at the rubric's unit costs."""
    section, name = support.section, support.kind.name
    joining = waves(plan)
    end, first = _end(plan), min((s for _, s in joining), default=plan.plan.start)
    contact, staff = costs[CONTACT_HOUR].amount / 60, costs[STAFF_HOUR].amount / 60
    each_wave = sum(size * _months(start, end) for size, start in joining)
    a_month = _sessions_a_month(section)
    if name == "coaching":
        cap = getattr(section, "months", None)
        months = sum(size * _months(start, end, cap) for size, start in joining)
        return months * a_month * pricing.coaching_minutes * contact
    if name == "supervision":
        return each_wave * a_month * pricing.supervision_minutes * contact
    if name == "coaching for line managers":
        managers = plan.workforce.line_managers or plan.workforce.teams or 1
        months = _months(first, end, getattr(section, "months", None))
        return managers * months * a_month * pricing.manager_coaching_minutes * contact
    if name == "team reflective practice":
        teams = plan.workforce.teams or plan.workforce.line_managers or 1
        return teams * _months(first, end) * a_month * pricing.reflective_practice_minutes * contact
    if name == "protected time" and isinstance(section, ProtectedTime):
        return each_wave * (section.hours_per_month or 0) * 60 * staff
    if name == "fidelity checks":
        return each_wave * a_month * pricing.fidelity_minutes_per_practitioner * staff
    return 0.0


class Costed(NamedTuple):
    """Support that shares budget lines, priced together against the money those lines hold."""

    supports: tuple[Support, ...]
    cost: float
    paid: float

    @property
    def names(self) -> list[str]:
        return [s.kind.name for s in self.supports]


def costed(
    plan: Plan, bought: list[Support], pricing: Pricing, costs: Mapping[str, UnitCost]
) -> list[Costed]:
    """Commissioned support in groups that share budget lines, each priced against its money."""
    groups: list[list[Support]] = []
    for support in bought:
        joined = [g for g in groups if any(set(s.lines) & set(support.lines) for s in g)]
        for g in joined:
            groups.remove(g)
        groups.append([x for g in joined for x in g] + [support])
    lines = plan.budget.lines if plan.budget and plan.budget.lines else []
    out = []
    for group in sorted(groups, key=lambda g: bought.index(g[0])):
        group.sort(key=bought.index)
        # only budget lines are money the plan puts against support (protected_time.backfill
        # is a figure the plan states, not a line of its budget)
        money = sum(lines[i].amount for i in sorted({i for s in group for i in s.lines}))
        cost = sum(price(plan, s, pricing, costs) for s in group)
        out.append(Costed(tuple(group), cost, money))
    return out


def priced_in_pounds(plan: Plan) -> bool:
    """Whether the budget is in pounds sterling (GBP, £, pounds, sterling), so it can be priced."""
    currency = (plan.budget.currency if plan.budget else "GBP").upper()
    return any(word in currency for word in ("GBP", "£", "POUND", "STERLING"))
