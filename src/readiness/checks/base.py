"""What a check is, what it returns, and small helpers the checks share.

A check is a pure function ``(plan, params, context) -> Finding``. It reads the plan, never
changes it, and says in one plain sentence what it found, with the figures it used and the
key paths it read (``judge`` turns those paths into lines and columns).
"""

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict

from readiness.outcomes import Finding, Hit, KeyPath, Outcome
from readiness.plan.models import Plan
from readiness.plan.types import add_months


class Phrase(NamedTuple):
    phrase: str
    reframe: str


class Instrument(NamedTuple):
    name: str
    full_name: str
    focus: str
    aliases: tuple[str, ...] = ()
    source: str | None = None


class Negation(NamedTuple):
    """How the language checks recognise a phrase being rejected rather than used."""

    words: tuple[tuple[str, ...], ...] = ()
    """Negations, each as its words in lower case ("instead of" is ("instead", "of"))."""
    connecting: frozenset[str] = frozenset()
    """Words that may stand between a negation and the phrase it rejects."""
    reach: int = 4


class UnitCost(NamedTuple):
    """A published unit cost, in pounds, with what it is the cost of and where it comes from."""

    amount: float
    what: str
    price_year: str
    source: str


class Context(NamedTuple):
    """Rubric-wide data that some checks read: phrase lists, negation, instruments, costs."""

    phrases: Mapping[str, tuple[Phrase, ...]] = MappingProxyType({})
    instruments: tuple[Instrument, ...] = ()
    negation: Negation = Negation()
    unit_costs: Mapping[str, UnitCost] = MappingProxyType({})


class Params(BaseModel):
    """Base for a check's parameters: strict and closed, so a misspelt one is an error."""

    # Built when first used: the default rubric's params are bound without validation.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


def no_words() -> list[str]:
    """An empty list, for a list param's default. A function of our own rather than ``list``:
    pydantic reads a default factory's signature, and reading a built-in's costs a start-up
    compile of Python's tokenizer."""
    return []


class NoParams(Params):
    pass


P = TypeVar("P", bound=Params)
CheckFunction = Callable[[Plan, P, Context], Finding]


class Check(Generic[P]):
    """A registered check: its name, its params' model, the function, what it reads."""

    __slots__ = ("doc", "name", "params", "reads", "run")

    def __init__(
        self, name: str, params: type[P], run: CheckFunction[P], reads: tuple[str, ...], doc: str
    ) -> None:
        self.name = name
        self.params = params
        self.run = run
        self.reads = reads
        """The plan keys the check reads, for ``readiness explain``."""
        self.doc = doc


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


def first_start(plan: Plan) -> tuple[str, date]:
    """When the first wave starts, or the plan itself when it sets out no waves."""
    cohorts = plan.rollout.cohorts if plan.rollout else None
    if cohorts:
        return "the first wave starts", cohorts[0].start
    return "the plan starts", plan.plan.start


def percent(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else 0.0


def months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start`` up to ``end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months
