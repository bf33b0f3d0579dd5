"""A rubric ready to judge plans: criteria bound to their checks and validated params."""

from __future__ import annotations

from typing import Any, NamedTuple

from readiness.checks.base import Check, Context, Params
from readiness.outcomes import Band


class Lever(NamedTuple):
    id: str
    title: str
    weight: float
    scored: bool
    seed: str | None
    summary: str | None


class PackageCost(NamedTuple):
    people: str
    hours: float
    unit: str
    basis: str


class Package(NamedTuple):
    """What to commission to close a group of gaps: described, timed, owned and priced."""

    id: str
    title: str
    description: str
    when: str
    owner: str
    eric: tuple[tuple[str, str], ...]
    """ERIC strategies it uses: (name, definition)."""
    cost: PackageCost


class Criterion(NamedTuple):
    id: str
    lever: str
    title: str
    seed: str | None
    rationale: str
    judged: str | None
    check: Check[Any]
    params: Params
    weight: float
    caps_band: Band | None
    remediation: str
    refs: dict[str, tuple[str, ...]]
    package: str | None = None


class Bands(NamedTuple):
    training_only_below: float
    at_risk_below: float
    developing_below: float
    lever_floor: float


class Rubric(NamedTuple):
    id: str
    version: int
    title: str
    source: str | None
    bands: Bands
    waiver_max_months: int
    """How far past the audit date a waiver may run and still be honoured."""
    levers: tuple[Lever, ...]
    criteria: tuple[Criterion, ...]
    disabled: tuple[str, ...]
    """Criteria the rubric switches off (``enabled: false``): waivers may still name them."""
    context: Context
    packages: tuple[Package, ...]
    sha256: str
    origin: str
    """Where the rubric came from: 'default' or the file's path."""

    def known_ids(self) -> set[str]:
        """Every criterion ID a waiver may name."""
        return {c.id for c in self.criteria} | set(self.disabled)

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def package(self, package_id: str | None) -> Package | None:
        return next((p for p in self.packages if p.id == package_id), None)
