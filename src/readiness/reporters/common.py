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
    """Criteria with a waiver, honoured or not (one not honoured counts as the facts say)."""
    return [r for r in plan.criteria if r.waiver is not None]


def accepted(plan: PlanResult) -> list[CriterionResult]:
    """Criteria left out of the score by a current waiver: the plan's accepted risks."""
    return [r for r in plan.criteria if r.waiver is not None and r.waiver.honoured]


def money(amount: float) -> str:
    """25000 -> '25,000'; 12.5 -> '12.50'; per-practitioner figures to the pound."""
    return f"{amount:,.0f}" if float(amount).is_integer() or amount >= 100 else f"{amount:,.2f}"


def cost_line(plan: PlanResult) -> str:
    """What the budget buys per practitioner, in one sentence ('' without a budget)."""
    costs = plan.costs
    if costs is None:
        return ""
    share = f" ({100 * costs.support / costs.total:.0f}%)" if costs.total else ""
    return (
        f"Budget {costs.currency} {money(costs.total)}: {costs.currency} "
        f"{money(round(costs.per_practitioner))} per practitioner, of which {costs.currency} "
        f"{money(round(costs.support_per_practitioner))} is implementation support{share}."
    )


def waiver_line(plan: PlanResult) -> str:
    """How waivers change the verdict, in one sentence ('' when they change nothing)."""
    held = [r.criterion.id for r in plan.criteria if r.found is not None and r.found.fails]
    capped = [i for i in held if (r := _criterion(plan, i)) and r.criterion.caps_band is not None]
    said = []
    before = plan.score_without_waivers
    if before is not None:
        verb = "raise" if plan.score > before else "lower"
        said.append(f"waivers {verb} the score from {before:.1f} to {plan.score:.1f}")
    if capped:
        listed = ", ".join(capped[:-1]) + " and " + capped[-1] if len(capped) > 1 else capped[0]
        verb = "still caps" if len(capped) == 1 else "still cap"
        said.append(f"{listed} {verb} the band while waived")
    if not said:
        return ""
    text = "; ".join(said)
    return text[:1].upper() + text[1:] + "."


WAIVERS_NAMED = 3
"""Waivers not honoured that a note names; the rest are counted."""


def unhonoured_line(plan: PlanResult) -> str:
    """Which waivers no longer hold and why, in one sentence ('' when every waiver holds):
    "The waiver for LF-01 expired on 2026-12-31: it counts again." Not said when the run
    ignores every waiver on purpose (``--ignore-waivers``)."""
    lapsed = [
        (r.criterion.id, r.waiver.not_honoured)
        for r in plan.criteria
        if r.waiver is not None
        and not r.waiver.honoured
        and "--ignore-waivers" not in r.waiver.not_honoured
    ]
    if not lapsed:
        return ""
    said = [
        f"the waiver for {criterion} {why.removeprefix('the waiver ')}"
        for criterion, why in lapsed[:WAIVERS_NAMED]
    ]
    if len(lapsed) > WAIVERS_NAMED:
        said.append(f"{len(lapsed) - WAIVERS_NAMED} more are not honoured")
    text = "; ".join(said)
    counts = "it counts" if len(lapsed) == 1 else "they count"
    return f"{text[:1].upper()}{text[1:]}: {counts} again as the plan's facts say."


def _criterion(plan: PlanResult, criterion_id: str) -> CriterionResult | None:
    return next((r for r in plan.criteria if r.criterion.id == criterion_id), None)


def examples_line(plan: PlanResult) -> str:
    """How many starter-plan examples are still in place ('' for none)."""
    count = len(plan.examples)
    if not count:
        return ""
    what = "example" if count == 1 else "examples"
    verb = "is" if count == 1 else "are"
    return (
        f"{count} {what} from the starter plan {verb} still in place: an example is not "
        "evidence, so replace each with the plan's own answer."
    )
