"""SARIF 2.1.0, for code scanning: every criterion a rule, every shortfall a result.

Results carry the plan's path relative to the working folder, lines and columns from 1, and
fingerprints built from the criterion and the key path (not line numbers), so a result keeps
its identity when lines move. Waived criteria appear as suppressed results with the waiver's
reason as the justification.

Every string passes through ``escape.clean`` (no terminal escapes, bidirectional overrides or
non-characters in messages, paths or rubric text) and the text through
``escape.json_document``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from readiness.audit.result import AuditResult, CriterionResult, PlanResult
from readiness.outcomes import OUTCOME_TITLE, Outcome
from readiness.reporters import RenderOptions
from readiness.reporters.escape import clean_json, json_document
from readiness.rubric.rubric import Criterion

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/readiness/"


def render(result: AuditResult, options: RenderOptions) -> str:
    return json_document(json.dumps(document(result), indent=2, ensure_ascii=False) + "\n")


def document(result: AuditResult) -> dict[str, Any]:
    """The SARIF log, every string in it cleaned."""
    sarif: dict[str, Any] = clean_json(_document(result))
    return sarif


def _document(result: AuditResult) -> dict[str, Any]:
    criteria = result.rubric.criteria
    index = {c.id: i for i, c in enumerate(criteria)}
    results = [
        _result(plan, r, index[r.criterion.id])
        for plan in result.plans
        for r in plan.criteria
        if r.is_gap or r.outcome is Outcome.WAIVED
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "readiness",
                        "version": result.tool_version,
                        "semanticVersion": result.tool_version,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(c) for c in criteria],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": [
                    {
                        "location": {"uri": plan.path},
                        "roles": ["analysisTarget"],
                        "properties": _plan_properties(plan),
                    }
                    for plan in result.plans
                ],
                "invocations": [{"executionSuccessful": True}],
                "properties": {
                    "rubric": {
                        "id": result.rubric.id,
                        "version": result.rubric.version,
                        "sha256": result.rubric.sha256,
                    },
                    "asOf": result.as_of.isoformat(),
                },
                "results": results,
            }
        ],
    }


def level(result: CriterionResult) -> str:
    """error: a capped or heavy criterion fails; warning: another fails; note: partly met."""
    criterion = result.criterion
    if not result.outcome.fails:
        return "note"
    if criterion.caps_band is not None or criterion.weight >= 2:
        return "error"
    return "warning"


def _rule(criterion: Criterion) -> dict[str, Any]:
    default = "error" if criterion.caps_band or criterion.weight >= 2 else "warning"
    help_text = criterion.remediation.strip()
    return {
        "id": criterion.id,
        "name": criterion.title,
        "shortDescription": {"text": criterion.title},
        "fullDescription": {"text": criterion.rationale.strip()},
        "help": {
            "text": f"What to commission: {help_text}",
            "markdown": f"**What to commission:** {help_text}",
        },
        "defaultConfiguration": {"level": default},
        "properties": {
            "lever": criterion.lever,
            "weight": criterion.weight,
            "capsBand": criterion.caps_band,
            "remediation": help_text,
            "tags": ["readiness", criterion.lever],
        },
    }


def _result(plan: PlanResult, result: CriterionResult, rule_index: int) -> dict[str, Any]:
    criterion = result.criterion
    outcome = OUTCOME_TITLE[result.outcome]
    out: dict[str, Any] = {
        "ruleId": criterion.id,
        "ruleIndex": rule_index,
        "level": "note" if result.outcome is Outcome.WAIVED else level(result),
        "message": {"text": f"{criterion.id} {outcome}: {result.reason}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": plan.path},
                    "region": {
                        "startLine": max(1, location.line),
                        "startColumn": max(1, location.column),
                    },
                },
                "logicalLocations": [{"fullyQualifiedName": location.key or "(plan)"}],
            }
            for location in result.locations
        ],
        "partialFingerprints": {"readinessCriterionKey/v1": _fingerprint(plan, result)},
        "properties": {"outcome": result.outcome.value, "lever": criterion.lever},
    }
    if result.outcome is Outcome.WAIVED and result.waiver is not None:
        out["suppressions"] = [
            {
                "kind": "inSource",
                "status": "accepted",
                "justification": f"{result.waiver.reason.strip()} (approved by "
                f"{result.waiver.approved_by}, until {result.waiver.until.isoformat()})",
            }
        ]
    return out


def _fingerprint(plan: PlanResult, result: CriterionResult) -> str:
    key = result.locations[0].key if result.locations else ""
    identity = f"{plan.path}\n{result.criterion.id}\n{key}"
    # a file name that is not UTF-8 reaches here with surrogates: hash them as they are
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _plan_properties(plan: PlanResult) -> dict[str, Any]:
    """The plan's verdict and what its budget buys per practitioner."""
    out: dict[str, Any] = {"band": plan.band, "score": plan.score}
    costs = plan.costs
    if costs is not None:
        out["currency"] = costs.currency
        out["costPerPractitioner"] = round(costs.per_practitioner, 2)
        out["supportPerPractitioner"] = round(costs.support_per_practitioner, 2)
    return out
