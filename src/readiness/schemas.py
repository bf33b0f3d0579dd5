"""JSON Schemas: the plan format (for editors) and the JSON report (for scripts).

Point an editor at the plan schema with a first line such as
``# yaml-language-server: $schema=./plan.schema.json`` after
``readiness schema > plan.schema.json``, for completion and inline errors while writing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def plan_schema() -> dict[str, Any]:
    from readiness.plan.models import SUPPORTED_VERSIONS, Plan

    schema = Plan.model_json_schema()
    schema["properties"]["readiness"] = {
        "description": "The format version this plan is written in.",
        "enum": list(SUPPORTED_VERSIONS),
    }
    return {
        "$schema": DRAFT,
        "$id": "https://readiness.invalid/schema/plan-1.json",
        "title": "readiness commissioning plan, format version 1",
        "description": "A plan for commissioning trauma-informed practice: what is bought, "
        "for whom, and what makes it stick. Checked by `readiness audit`.",
        **schema,
    }


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


def report_schema() -> dict[str, Any]:
    from readiness.reporters.json_report import SCHEMA_VERSION

    return {
        "$schema": DRAFT,
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


SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {"plan": plan_schema, "report": report_schema}
