"""What a plan's budget buys, per practitioner in scope: for every report."""

from __future__ import annotations

from readiness.audit.result import Costs
from readiness.checks.support import NOT_SUPPORT
from readiness.plan.models import Plan


def plan_costs(plan: Plan) -> Costs | None:
    """The budget's total, its training and its implementation support; None without lines."""
    lines = plan.budget.lines if plan.budget and plan.budget.lines else None
    if not lines:
        return None
    total = sum(line.amount for line in lines)
    training = sum(line.amount for line in lines if line.category == "training")
    support = sum(line.amount for line in lines if line.category not in NOT_SUPPORT)
    currency = plan.budget.currency if plan.budget else "GBP"
    return Costs(currency, total, training, support, plan.workforce.practitioners)
