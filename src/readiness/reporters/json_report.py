"""The JSON report (``--format json``): the stable document of ``docs/outputs.md``.

``readiness schema report`` prints its JSON Schema. Keys are written in a fixed order and
nothing depends on the clock or the machine, so the same plan and ``--as-of`` give the same
bytes.
"""

from __future__ import annotations

import json
from typing import Any

from readiness.reporters import RenderOptions
from readiness.result import AuditResult, CriterionResult, LeverResult, Location, PlanResult

SCHEMA_VERSION = 1


def render(result: AuditResult, options: RenderOptions) -> str:
    return json.dumps(document(result), indent=2, ensure_ascii=False) + "\n"


def document(result: AuditResult) -> dict[str, Any]:
    rubric = result.rubric
    passed = sum(1 for p in result.plans if p.passed)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "readiness", "version": result.tool_version},
        "rubric": {
            "id": rubric.id,
            "version": rubric.version,
            "sha256": rubric.sha256,
            "title": rubric.title,
            "origin": rubric.origin,
        },
        "as_of": result.as_of.isoformat(),
        "min_band": result.min_band,
        "fail_under": result.fail_under,
        "plans": [_plan(p) for p in result.plans],
        "summary": {
            "plans": len(result.plans),
            "passed": passed,
            "failed": len(result.plans) - passed,
        },
    }


def _plan(plan: PlanResult) -> dict[str, Any]:
    return {
        "path": plan.path,
        "title": plan.title,
        "commissioner": plan.commissioner,
        "score": plan.score,
        "band": plan.band,
        "band_reasons": list(plan.band_reasons),
        "passed": plan.passed,
        "levers": [_lever(lr) for lr in plan.levers],
        "unscored_levers": [_lever(lr) for lr in plan.unscored],
        "criteria": [_criterion(r) for r in plan.criteria],
    }


def _lever(lever: LeverResult) -> dict[str, Any]:
    return {
        "id": lever.lever.id,
        "title": lever.lever.title,
        "score": lever.score,
        "weight": lever.lever.weight,
        "counted": lever.counted,
    }


def _location(location: Location) -> dict[str, Any]:
    return {
        "line": location.line,
        "column": location.column,
        "key": location.key,
        "present": location.present,
    }


def _criterion(result: CriterionResult) -> dict[str, Any]:
    criterion = result.criterion
    out: dict[str, Any] = {
        "id": criterion.id,
        "lever": criterion.lever,
        "title": criterion.title,
        "outcome": result.outcome.value,
        "reason": result.reason,
        "locations": [_location(loc) for loc in result.locations],
        "remediation": criterion.remediation,
        "caps_band": criterion.caps_band,
        "weight": criterion.weight,
    }
    if result.hits:
        out["phrases"] = [
            {"phrase": h.phrase, "found": h.found, "reframe": h.reframe, **_location(h.location)}
            for h in result.hits
        ]
    if result.waiver is not None:
        waiver = result.waiver
        out["waiver"] = {
            "reason": waiver.reason,
            "approved_by": waiver.approved_by,
            "until": waiver.until.isoformat(),
            "expired": waiver.expired,
            **_location(waiver.location),
        }
    return out
