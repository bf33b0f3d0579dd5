"""Checks that any criterion can use on any number or key, named by its path in the plan.

A local rubric builds new criteria from these (``readiness explain`` shows their params).
"""

import re
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from readiness.checks.base import Context, Params, check, grade, graded, met, no_evidence
from readiness.checks.wording import (
    number,
)
from readiness.outcomes import Finding, KeyPath
from readiness.plan.models import Plan

_KEY = re.compile(r"[a-z_]+(\.[a-z_]+)*")


def key_path(key: str) -> KeyPath:
    return tuple(key.split("."))


def value_at(plan: Plan, key: str) -> object:
    """The plan's value at a dotted key (``fidelity.feedback_within_days``), or None."""
    value: object = plan
    for part in key.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def _known_key(key: str) -> str:
    from readiness.load.validate import known_key

    if not _KEY.fullmatch(key) or not known_key(Plan, key_path(key)):
        raise PydanticCustomError(
            "plan_key",
            "'{key}' is not a key of the plan format",
            {"key": key, "hint": "write the key's path with dots, e.g. fidelity.frequency"},
        )
    return key


PlanKey = Annotated[str, AfterValidator(_known_key)]


class NumberParams(Params):
    key: PlanKey
    label: str
    unit: str
    met_max: float
    partial_max: float


@check("at_most", NumberParams, reads=("the key named in params",))
def at_most(plan: Plan, params: NumberParams, ctx: Context) -> Finding:
    """A figure in the plan that should stay at or below a ceiling."""
    value = value_at(plan, params.key)
    path = key_path(params.key)
    if not isinstance(value, int | float):
        return no_evidence(f"The plan does not say: {params.label.lower()} ({params.key}).", path)
    said = f"{params.label}: {number(value)} {params.unit}"
    return graded(
        grade(value, params.met_max, params.partial_max, higher_is_better=False),
        f"{said}, within the {number(params.met_max)} allowed.",
        f"{said}, more than {number(params.met_max)} but within {number(params.partial_max)}.",
        f"{said}, more than {number(params.partial_max)}.",
        path,
    )


class PresentParams(Params):
    key: PlanKey
    label: str


@check("present", PresentParams, reads=("the key named in params",))
def present(plan: Plan, params: PresentParams, ctx: Context) -> Finding:
    """A key the plan should fill in."""
    value = value_at(plan, params.key)
    path = key_path(params.key)
    if value is None or value == [] or value == "":
        return no_evidence(f"The plan does not say: {params.label.lower()} ({params.key}).", path)
    shown = value if isinstance(value, str) else "given"
    return met(f"{params.label}: {shown}.", path)
