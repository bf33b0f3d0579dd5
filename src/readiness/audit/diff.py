"""Compare two audits of a plan: the score and band before and after, and every criterion
whose outcome changed (gaps closed, new gaps, better, worse)."""

from __future__ import annotations

from dataclasses import dataclass

from readiness.audit.result import CriterionResult, PlanResult
from readiness.outcomes import Outcome
from readiness.rubric.rubric import Criterion, Lever

KINDS = ("closed", "waived", "new", "better", "worse", "changed")
"""How a criterion changed, in the order reports list them: a gap closed by new evidence (the
facts the criterion reads changed) is told apart from one set aside by a waiver."""


@dataclass(frozen=True, slots=True)
class Change:
    criterion: Criterion
    before: Outcome
    after: Outcome
    kind: str
    reason: str
    """The new plan's reason."""


@dataclass(frozen=True, slots=True)
class LeverChange:
    lever: Lever
    before: float | None
    after: float | None


@dataclass(frozen=True, slots=True)
class PlanDiff:
    old: PlanResult
    new: PlanResult
    levers: tuple[LeverChange, ...]
    changes: tuple[Change, ...]

    def of_kind(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


def _kind(before: CriterionResult, after: CriterionResult) -> str:
    was_gap = before.is_gap or (before.found is not None and before.evidence.is_gap)
    facts_gap = after.evidence.is_gap
    if before.is_gap and after.outcome is Outcome.WAIVED and facts_gap:
        return "waived"
    if was_gap and not facts_gap and before.evidence is not after.evidence:
        return "closed"
    if after.is_gap and not before.is_gap:
        return "new"
    old, new = before.evidence.value_score, after.evidence.value_score
    if old is not None and new is not None and old != new:
        return "better" if new > old else "worse"
    return "changed"


def compare(old: PlanResult, new: PlanResult) -> PlanDiff:
    """The differences between two audits made with the same rubric."""
    before = {r.criterion.id: r for r in old.criteria}
    changes = []
    for after in new.criteria:
        was = before.get(after.criterion.id)
        if was is None or was.outcome is after.outcome:
            continue
        kind = _kind(was, after)
        changes.append(Change(after.criterion, was.outcome, after.outcome, kind, after.reason))
    changes.sort(key=lambda c: KINDS.index(c.kind))
    old_levers = {lr.lever.id: lr.score for lr in (*old.levers, *old.unscored)}
    levers = tuple(
        LeverChange(lr.lever, old_levers.get(lr.lever.id), lr.score)
        for lr in (*new.levers, *new.unscored)
    )
    return PlanDiff(old, new, levers, tuple(changes))
