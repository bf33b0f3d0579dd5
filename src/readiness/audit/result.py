"""What an audit produces: plain frozen records that every reporter renders."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from readiness.outcomes import Band, Outcome
from readiness.rubric.rubric import Criterion, Lever, Rubric


class Location(NamedTuple):
    line: int
    column: int
    key: str
    """The key path the criterion read, as people write it: ``rollout.cohorts[0].size``."""
    present: bool = True
    """False when the plan lacks ``key``: the line is then that of its nearest parent."""
    parent: str = ""
    """When ``key`` is missing, the nearest part of it the plan has ('' for none)."""

    def describe(self, file: str) -> str:
        """Where to look, as a person reads it: ``file:line:column``, or where to add the key."""
        if self.present:
            return f"{file}:{self.line}:{self.column}"
        if self.parent:
            return f"{file}:{self.line}:{self.column} (add {self.key} under {self.parent})"
        return f"{file} (add {self.key})"


class PhraseHit(NamedTuple):
    phrase: str
    found: str
    reframe: str
    location: Location


class WaiverNote(NamedTuple):
    reason: str
    approved_by: str
    until: date
    expired: bool
    location: Location


class CriterionResult(NamedTuple):
    criterion: Criterion
    outcome: Outcome
    reason: str
    locations: tuple[Location, ...]
    hits: tuple[PhraseHit, ...] = ()
    waiver: WaiverNote | None = None

    @property
    def is_gap(self) -> bool:
        return self.outcome in (Outcome.PARTIAL, Outcome.NOT_MET, Outcome.NO_EVIDENCE)


class LeverResult(NamedTuple):
    lever: Lever
    score: float | None
    """0-100, one decimal (rounded down); None when every criterion of the lever is left out."""
    counted: int
    raw: float | None = None
    """The score before rounding, for the overall mean."""


class PlanResult(NamedTuple):
    path: str
    title: str
    commissioner: str
    score: float
    band: Band
    band_reasons: tuple[str, ...]
    levers: tuple[LeverResult, ...]
    """The scored levers, in rubric order."""
    unscored: tuple[LeverResult, ...]
    """Levers outside the average (foundations), in rubric order."""
    criteria: tuple[CriterionResult, ...]
    passed: bool


class AuditResult(NamedTuple):
    tool_version: str
    rubric: Rubric
    as_of: date
    min_band: Band
    fail_under: float | None
    plans: tuple[PlanResult, ...]

    @property
    def passed(self) -> bool:
        return all(p.passed for p in self.plans)
