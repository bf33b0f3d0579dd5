"""What an audit produces: plain frozen records that every reporter renders."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from readiness.errors import Problem
from readiness.outcomes import Band, Outcome
from readiness.plan.examples import Example

if TYPE_CHECKING:
    from readiness.audit.commission import Event, Overview, PackageNeed
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
    honoured: bool = True
    """False when the waiver has expired, runs too far ahead, or the run ignores waivers."""
    not_honoured: str = ""
    """Why it is not honoured, in words, or ''."""


class CriterionResult(NamedTuple):
    criterion: Criterion
    outcome: Outcome
    reason: str
    locations: tuple[Location, ...]
    hits: tuple[PhraseHit, ...] = ()
    waiver: WaiverNote | None = None
    found: Outcome | None = None
    """What the check found, when a waiver set the outcome aside (else None)."""

    @property
    def evidence(self) -> Outcome:
        """The outcome the plan's own facts give, waiver or not."""
        return self.found if self.found is not None else self.outcome

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
    score_without_waivers: float | None = None
    """The score the plan's facts give when waivers change it (else None)."""
    costs: Costs | None = None
    examples: tuple[Example, ...] = ()
    """Examples from the starter plan still in place."""
    verdict: str = ""
    """The band and the reason for it in one plain sentence."""
    packages: tuple[PackageNeed, ...] = ()
    """What to commission next, most pressing first."""
    overview: Overview | None = None
    timeline: tuple[Event, ...] = ()


class Costs(NamedTuple):
    """What the budget buys, per practitioner in scope."""

    currency: str
    total: float
    training: float
    support: float
    practitioners: int

    @property
    def per_practitioner(self) -> float:
        return self.total / self.practitioners

    @property
    def support_per_practitioner(self) -> float:
        return self.support / self.practitioners


class AuditResult(NamedTuple):
    tool_version: str
    rubric: Rubric
    as_of: date
    min_band: Band
    fail_under: float | None
    plans: tuple[PlanResult, ...]
    problems: tuple[Problem, ...] = ()
    """Why some input could not be used (a plan that breaks the format, a missing file):
    only CI formats carry these, as findings; the run then exits 2."""

    @property
    def passed(self) -> bool:
        return not self.problems and all(p.passed for p in self.plans)
