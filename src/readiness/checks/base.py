"""What a check is, what it returns, and small helpers the checks share.

A check is a pure function ``(plan, params, context) -> Finding``. It reads the plan, never
changes it, and says in one plain sentence what it found, with the figures it used and the
key paths it read (``judge`` turns those paths into lines and columns).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from readiness.loader import KeyPath
from readiness.plan.models import Plan
from readiness.plan.types import FREQUENCY_PER_YEAR


class Outcome(str, Enum):
    MET = "met"
    PARTIAL = "partial"
    NOT_MET = "not-met"
    NO_EVIDENCE = "no-evidence"
    WAIVED = "waived"
    NOT_APPLICABLE = "not-applicable"

    @property
    def value_score(self) -> float | None:
        """What the outcome counts as in a lever score; None when it is left out."""
        return _VALUES[self]

    @property
    def fails(self) -> bool:
        """Whether the outcome triggers a criterion's ``caps_band``."""
        return self in (Outcome.NOT_MET, Outcome.NO_EVIDENCE)


_VALUES = {
    Outcome.MET: 1.0,
    Outcome.PARTIAL: 0.5,
    Outcome.NOT_MET: 0.0,
    Outcome.NO_EVIDENCE: 0.0,
    Outcome.WAIVED: None,
    Outcome.NOT_APPLICABLE: None,
}


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase found in a piece of free text, by the language checks."""

    path: KeyPath
    occurrence: int
    """Which match of the phrase's pattern in that text (0 for the first)."""
    phrase: str
    found: str
    reframe: str


@dataclass(frozen=True, slots=True)
class Finding:
    outcome: Outcome
    reason: str
    paths: tuple[KeyPath, ...] = ()
    hits: tuple[Hit, ...] = ()


@dataclass(frozen=True, slots=True)
class Phrase:
    phrase: str
    reframe: str


@dataclass(frozen=True, slots=True)
class Instrument:
    name: str
    full_name: str
    focus: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Context:
    """Rubric-wide data that some checks read: phrase lists and the instrument catalogue."""

    phrases: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)
    instruments: tuple[Instrument, ...] = ()


class Params(BaseModel):
    """Base for a check's parameters: strict and closed, so a misspelt one is an error."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class NoParams(Params):
    pass


P = TypeVar("P", bound=Params)
CheckFunction = Callable[[Plan, P, Context], Finding]


@dataclass(frozen=True, slots=True)
class Check(Generic[P]):
    name: str
    params: type[P]
    run: CheckFunction[P]
    reads: tuple[str, ...]
    """The plan keys the check reads, for ``readiness explain``."""
    doc: str


REGISTRY: dict[str, Check[Any]] = {}


def check(
    name: str, params: type[P], reads: tuple[str, ...]
) -> Callable[[CheckFunction[P]], CheckFunction[P]]:
    """Register a check function under ``name``."""

    def register(function: CheckFunction[P]) -> CheckFunction[P]:
        if name in REGISTRY:
            raise RuntimeError(f"check {name!r} registered twice")
        doc = (function.__doc__ or "").strip()
        REGISTRY[name] = Check(name, params, function, reads, doc)
        return function

    return register


# -- helpers ------------------------------------------------------------------------------
def met(reason: str, *paths: KeyPath, hits: tuple[Hit, ...] = ()) -> Finding:
    return Finding(Outcome.MET, reason, paths, hits)


def partial(reason: str, *paths: KeyPath, hits: tuple[Hit, ...] = ()) -> Finding:
    return Finding(Outcome.PARTIAL, reason, paths, hits)


def not_met(reason: str, *paths: KeyPath, hits: tuple[Hit, ...] = ()) -> Finding:
    return Finding(Outcome.NOT_MET, reason, paths, hits)


def no_evidence(reason: str, *paths: KeyPath) -> Finding:
    return Finding(Outcome.NO_EVIDENCE, reason, paths)


def not_applicable(reason: str, *paths: KeyPath) -> Finding:
    return Finding(Outcome.NOT_APPLICABLE, reason, paths)


def graded(outcome: Outcome, met: str, partial: str, not_met: str, *paths: KeyPath) -> Finding:
    """A finding whose reason is the one of three that matches ``outcome``."""
    reason = {Outcome.MET: met, Outcome.PARTIAL: partial}.get(outcome, not_met)
    return Finding(outcome, reason, paths)


def grade(
    value: float, met_at: float, partial_at: float, *, higher_is_better: bool = True
) -> Outcome:
    """met / partial / not-met for a figure against two thresholds."""
    if higher_is_better:
        return (
            Outcome.MET
            if value >= met_at
            else Outcome.PARTIAL
            if value >= partial_at
            else Outcome.NOT_MET
        )
    return (
        Outcome.MET
        if value <= met_at
        else Outcome.PARTIAL
        if value <= partial_at
        else Outcome.NOT_MET
    )


def number(value: float) -> str:
    """36 -> '36', 12.5 -> '12.5', 8.666 -> '8.7'."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}".rstrip("0").rstrip(".")


def share(value: float, *thresholds: float) -> str:
    """A percentage to quote beside thresholds, never rounded onto a threshold it is not."""
    for places in (0, 1, 2, 3):
        text = f"{value:.{places}f}"
        if all(float(text) != t or value == t for t in thresholds):
            return number(float(text))
    return number(value)


def percent(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else 0.0


def plural(count: float, word: str, many: str | None = None) -> str:
    return f"{number(count)} {word if count == 1 else many or word + 's'}"


def how_often(frequency: str) -> str:
    """A frequency word as it reads in a sentence."""
    return {
        "once": "once only",
        "none": "never",
        "six-weekly": "every six weeks",
        "bi-monthly": "every two months",
        "six-monthly": "every six months",
    }.get(frequency, frequency)


def threshold_frequency(per_year: float) -> str:
    """The frequency word for a yearly count, for reasons such as 'at least monthly'."""
    for word, count in FREQUENCY_PER_YEAR.items():
        if count and abs(count - per_year) < 0.05:
            return how_often(word)
    return f"{number(per_year)} times a year"


def add_months(start: date, months: int) -> date:
    month0 = start.month - 1 + months
    year, month = start.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start`` up to ``end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months


def first_cohort_start(plan: Plan) -> date:
    cohorts = plan.rollout.cohorts if plan.rollout else None
    return cohorts[0].start if cohorts else plan.plan.start


def say_list(items: Sequence[str], joiner: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {joiner} " + items[-1]
