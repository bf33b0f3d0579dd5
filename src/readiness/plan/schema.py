"""The plan format's JSON Schema, for editors and schema checkers (``readiness schema``).

Point an editor at the plan schema with a first line such as
``# yaml-language-server: $schema=./plan.schema.json`` after
``readiness schema > plan.schema.json``, for completion and inline errors while writing.
"""

from __future__ import annotations

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
