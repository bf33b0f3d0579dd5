"""Build small plans for the check tests, and judge one criterion of a rubric against them."""

from __future__ import annotations

import copy
from typing import Any

from readiness.outcomes import Finding
from readiness.plan.models import Plan

BASE: dict[str, Any] = {
    "readiness": 1,
    "plan": {"title": "T", "commissioner": "C", "start": "2027-01-01", "end": "2029-12-31"},
    "workforce": {"practitioners": 100},
}


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``extra`` into ``into``: mappings merge key by key, anything else replaces.

    A value of None removes the key, so a test can drop an optional key from the base.
    """
    for key, value in extra.items():
        if value is None:
            into.pop(key, None)
        elif isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = copy.deepcopy(value)
    return into


def plan_data(**sections: Any) -> dict[str, Any]:
    """The base plan's data with ``sections`` deep-merged into it."""
    return _merge(copy.deepcopy(BASE), sections)


def make_plan(**sections: Any) -> Plan:
    """A valid ``Plan``: the minimal base plus overrides, e.g. ``make_plan(rollout={...})``."""
    return Plan.model_validate(plan_data(**sections))


def criterion(rubric: Any, criterion_id: str) -> Any:
    found = [c for c in rubric.criteria if c.id == criterion_id]
    assert found, f"{criterion_id} is not in the rubric"
    return found[0]


def judge(rubric: Any, criterion_id: str, plan: Plan) -> Finding:
    """Run one criterion's check, with the rubric's params and context, on ``plan``."""
    c = criterion(rubric, criterion_id)
    return c.check.run(plan, c.params, rubric.context)


def cohort(
    name: str = "W1", size: int = 10, start: str = "2027-01-01", **extra: Any
) -> dict[str, Any]:
    """One wave of ``rollout.cohorts``."""
    return {"name": name, "size": size, "start": start, **extra}


def expect(finding: Finding, outcome: Any, *says: str, paths: Any = None) -> None:
    """The finding has ``outcome``, its reason contains each of ``says``, and (if given) the
    key paths it read are exactly ``paths``."""
    assert finding.outcome is outcome, f"{finding.outcome.value}: {finding.reason}"
    for text in says:
        assert text in finding.reason, f"{text!r} not in {finding.reason!r}"
    assert finding.reason.strip(), "a finding always gives a reason"
    if paths is not None:
        assert finding.paths == tuple(paths), finding.paths
