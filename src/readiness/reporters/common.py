"""Words and orderings every reporter shares, so the terminal and the board read the same."""

from __future__ import annotations

from readiness.audit.result import CriterionResult, Location, PlanResult
from readiness.outcomes import BANDS
from readiness.rubric.rubric import Bands


def rating(score: float | None, bands: Bands) -> str:
    """Red, amber or green for a lever score, in words so colour is never the only signal.

    Green is what a ready plan needs overall; red is below the floor that holds a plan back.
    """
    if score is None:
        return "Not scored"
    if score >= bands.developing_below:
        return "Green"
    if score >= bands.lever_floor:
        return "Amber"
    return "Red"


def priority(result: CriterionResult) -> tuple[int, float, int]:
    """Sort key for gaps, heaviest first: a band cap, then the points lost, then severity."""
    criterion = result.criterion
    cap = criterion.caps_band if result.outcome.fails else None
    cap_rank = BANDS.index(cap) if cap is not None else len(BANDS)
    lost = criterion.weight * (1.0 - (result.outcome.value_score or 0.0))
    severity = 0 if result.outcome.fails else 1
    return cap_rank, -lost, severity


def gaps(plan: PlanResult) -> list[CriterionResult]:
    """Criteria that are not met, partly met or not written down, heaviest first."""
    return sorted((r for r in plan.criteria if r.is_gap), key=priority)


def where(plan: PlanResult, location: Location) -> str:
    return location.describe(plan.path)


def waived(plan: PlanResult) -> list[CriterionResult]:
    """Criteria with a waiver, current or expired (an expired one counts again)."""
    return [r for r in plan.criteria if r.waiver is not None]


def accepted(plan: PlanResult) -> list[CriterionResult]:
    """Criteria left out of the score by a current waiver: the plan's accepted risks."""
    return [r for r in plan.criteria if r.waiver is not None and not r.waiver.expired]
