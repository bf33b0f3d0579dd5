"""Words and orderings every reporter shares, so the terminal and the board read the same."""

from __future__ import annotations

from readiness.bands import BANDS, Band
from readiness.checks.base import Outcome
from readiness.result import CriterionResult, Location, PlanResult
from readiness.rubric.rubric import Bands

BAND_TITLE: dict[Band, str] = {
    "training-only": "Training only",
    "at-risk": "At risk",
    "developing": "Developing",
    "ready": "Ready",
}
BAND_MEANING: dict[Band, str] = {
    "training-only": "The plan buys training, not implementation: practice is unlikely to change.",
    "at-risk": "The plan has gaps that are likely to let practice slip back to old ways.",
    "developing": "The plan commissions real support for implementation, with gaps still to close.",
    "ready": "The plan commissions implementation, not just training.",
}
OUTCOME_TITLE: dict[Outcome, str] = {
    Outcome.MET: "met",
    Outcome.PARTIAL: "partly met",
    Outcome.NOT_MET: "not met",
    Outcome.NO_EVIDENCE: "not written down",
    Outcome.WAIVED: "waived",
    Outcome.NOT_APPLICABLE: "not applicable",
}


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
