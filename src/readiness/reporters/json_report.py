"""The JSON report (``--format json``): the stable document of ``docs/outputs.md``.

``readiness schema report`` prints its JSON Schema. Keys are written in a fixed order and
nothing depends on the clock or the machine, so the same plan and ``--as-of`` give the same
bytes.
"""

from __future__ import annotations

import json
from typing import Any

from readiness.audit.result import AuditResult, CriterionResult, LeverResult, Location, PlanResult
from readiness.reporters import RenderOptions

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


_LOCATION = {
    "type": "object",
    "required": ["line", "column", "key"],
    "properties": {
        "line": {"type": "integer", "minimum": 1},
        "column": {"type": "integer", "minimum": 1},
        "key": {
            "type": "string",
            "description": "The key path read, e.g. rollout.cohorts[0].size.",
        },
        "present": {
            "type": "boolean",
            "description": "False when the plan lacks the key; line and column are then "
            "those of its nearest parent.",
        },
    },
}
_BAND = {"enum": ["training-only", "at-risk", "developing", "ready"]}
_OUTCOME = {"enum": ["met", "partial", "not-met", "no-evidence", "waived", "not-applicable"]}
_SCORE = {"type": ["number", "null"], "minimum": 0, "maximum": 100}
_LEVER = {
    "type": "object",
    "required": ["id", "title", "score", "weight", "counted"],
    "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "score": _SCORE,
        "weight": {"type": "number"},
        "counted": {
            "type": "integer",
            "description": "Criteria counted (not waived or not applicable).",
        },
    },
}
_CRITERION = {
    "type": "object",
    "required": [
        "id",
        "lever",
        "title",
        "outcome",
        "reason",
        "locations",
        "remediation",
        "caps_band",
        "weight",
    ],
    "properties": {
        "id": {"type": "string", "pattern": "^[A-Z][A-Z0-9]*-[0-9]+$"},
        "lever": {"type": "string"},
        "title": {"type": "string"},
        "outcome": _OUTCOME,
        "reason": {"type": "string", "description": "One plain sentence with the figures used."},
        "locations": {"type": "array", "minItems": 1, "items": _LOCATION},
        "remediation": {"type": "string", "description": "What to commission to meet it."},
        "caps_band": {"anyOf": [_BAND, {"type": "null"}]},
        "weight": {"type": "number"},
        "phrases": {
            "type": "array",
            "description": "Language checks: each phrase found, where, and a relational reframe.",
            "items": {
                "type": "object",
                "required": ["phrase", "found", "reframe", "line", "column", "key"],
                "properties": {
                    "phrase": {"type": "string"},
                    "found": {"type": "string"},
                    "reframe": {"type": "string"},
                    **_LOCATION["properties"],  # type: ignore[dict-item]
                },
            },
        },
        "waiver": {
            "type": "object",
            "required": ["reason", "approved_by", "until", "expired", "line", "column", "key"],
            "properties": {
                "reason": {"type": "string"},
                "approved_by": {"type": "string"},
                "until": {"type": "string", "format": "date"},
                "expired": {"type": "boolean"},
                **_LOCATION["properties"],  # type: ignore[dict-item]
            },
        },
    },
}
_PLAN = {
    "type": "object",
    "required": [
        "path",
        "title",
        "commissioner",
        "score",
        "band",
        "band_reasons",
        "passed",
        "levers",
        "unscored_levers",
        "criteria",
    ],
    "properties": {
        "path": {"type": "string"},
        "title": {"type": "string"},
        "commissioner": {"type": "string"},
        "score": {"type": "number", "minimum": 0, "maximum": 100},
        "band": _BAND,
        "band_reasons": {"type": "array", "items": {"type": "string"}},
        "passed": {"type": "boolean"},
        "levers": {
            "type": "array",
            "items": _LEVER,
            "description": "The scored levers, in rubric order.",
        },
        "unscored_levers": {
            "type": "array",
            "items": _LEVER,
            "description": "Levers outside the average whose criteria can still cap the band.",
        },
        "criteria": {"type": "array", "items": _CRITERION},
    },
}


def schema() -> dict[str, Any]:
    """The JSON report's JSON Schema (``readiness schema report``)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://readiness.invalid/schema/report-{SCHEMA_VERSION}.json",
        "title": "readiness JSON report",
        "type": "object",
        "required": [
            "schema_version",
            "tool",
            "rubric",
            "as_of",
            "min_band",
            "fail_under",
            "plans",
            "summary",
        ],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "tool": {
                "type": "object",
                "required": ["name", "version"],
                "properties": {"name": {"const": "readiness"}, "version": {"type": "string"}},
            },
            "rubric": {
                "type": "object",
                "required": ["id", "version", "sha256"],
                "properties": {
                    "id": {"type": "string"},
                    "version": {"type": "integer"},
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                    "title": {"type": "string"},
                    "origin": {"type": "string"},
                },
            },
            "as_of": {"type": "string", "format": "date"},
            "min_band": _BAND,
            "fail_under": {"type": ["number", "null"]},
            "plans": {"type": "array", "items": _PLAN},
            "summary": {
                "type": "object",
                "required": ["plans", "passed", "failed"],
                "properties": {
                    k: {"type": "integer", "minimum": 0} for k in ("plans", "passed", "failed")
                },
            },
        },
    }
