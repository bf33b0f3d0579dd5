"""Scoring, exactly as ``docs/rubric.md`` defines it. Pure functions over criterion results.

Lever score = 100 x sum(weight x value) / sum(weight) over the lever's counted criteria;
overall = the weighted mean of the scored levers; bands by thresholds, lever floor and caps.
Scores are shown to one decimal, rounded down, and bands are decided on those figures: a plan
shown at 80.0 really reached 80, and the band always agrees with the score a reader sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

from readiness.audit.result import CriterionResult, LeverResult
from readiness.outcomes import BANDS, Band, Outcome
from readiness.rubric.rubric import Bands, Lever


def round1(value: float) -> float:
    """One decimal place, rounded down (exactly, on the number's shortest decimal form)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_FLOOR))


def raw_lever_score(results: Sequence[CriterionResult]) -> float | None:
    weighted = total = 0.0
    for result in results:
        value = result.outcome.value_score
        if value is None:
            continue
        weighted += result.criterion.weight * value
        total += result.criterion.weight
    return 100.0 * weighted / total if total else None


def score_levers(levers: Sequence[Lever], results: Sequence[CriterionResult]) -> list[LeverResult]:
    out = []
    for lever in levers:
        mine = [r for r in results if r.criterion.lever == lever.id]
        counted = sum(1 for r in mine if r.outcome.value_score is not None)
        raw = raw_lever_score(mine)
        out.append(LeverResult(lever, None if raw is None else round1(raw), counted, raw))
    return out


def overall_score(levers: Sequence[LeverResult]) -> float:
    """Weighted mean of the scored levers that have a score."""
    scored = [lr for lr in levers if lr.lever.scored and lr.raw is not None]
    total = sum(lr.lever.weight for lr in scored)
    if not total:
        return 0.0
    return round1(sum(lr.lever.weight * (lr.raw or 0.0) for lr in scored) / total)


def band_for(
    overall: float,
    levers: Sequence[LeverResult],
    results: Sequence[CriterionResult],
    bands: Bands,
) -> tuple[Band, tuple[str, ...]]:
    """The band, and the reasons that held it down (empty when the plan is ready)."""
    limits: list[tuple[Band, str]] = []
    if overall < bands.training_only_below:
        limits.append(("training-only", f"the score is below {bands.training_only_below:g}"))
    elif overall < bands.at_risk_below:
        limits.append(("at-risk", f"the score is below {bands.at_risk_below:g}"))
    elif overall < bands.developing_below:
        limits.append(("developing", f"the score is below {bands.developing_below:g}"))
    for lr in levers:
        if lr.lever.scored and lr.score is not None and lr.score < bands.lever_floor:
            limits.append(("developing", f"{lr.lever.title} scores below {bands.lever_floor:g}"))
    for result in results:
        cap = result.criterion.caps_band
        found = result.evidence  # a waiver leaves the score, never a cap
        if cap is not None and found.fails:
            state = "not written down" if found is Outcome.NO_EVIDENCE else "not met"
            if result.outcome is Outcome.WAIVED:
                reason = (
                    f"{result.criterion.id} is waived but {state}: a waiver does not lift its "
                    f"cap at {cap}"
                )
            else:
                reason = f"{result.criterion.id} is {state} (caps the band at {cap})"
            limits.append((cap, reason))
    if not limits:
        return "ready", ()
    band = min((b for b, _ in limits), key=BANDS.index)
    return band, tuple(reason for b, reason in limits if b == band)


def reaches(band: Band, minimum: Band) -> bool:
    return BANDS.index(band) >= BANDS.index(minimum)
