"""``readiness diff`` in the terminal, in Markdown and in JSON.

Plan and rubric text is made safe by ``escape``: the terminal text line by line
(``log_text``), the Markdown field by field and as a document, the JSON string by string and
as a document."""

from __future__ import annotations

import json
from typing import Any

from readiness.audit.diff import KINDS, PlanDiff
from readiness.outcomes import BAND_TITLE, OUTCOME_TITLE
from readiness.reporters.escape import (
    cell,
    clean_json,
    code,
    json_document,
    log_text,
    markdown_document,
    md,
)

HEADINGS = {
    "closed": "Gaps closed by new evidence",
    "waived": "Gaps set aside by a waiver (the facts have not changed)",
    "new": "New gaps",
    "better": "Better, still a gap",
    "worse": "Worse, still a gap",
    "changed": "Otherwise changed",
}


def _signed(before: float | None, after: float | None) -> str:
    if before is None or after is None:
        return ""
    change = after - before
    return f" ({change:+.1f})" if change else " (no change)"


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def terminal(diff: PlanDiff) -> str:
    old, new = diff.old, diff.new
    lines = [
        f"{old.path} -> {new.path}",
        f"Score {old.score:.1f} -> {new.score:.1f}{_signed(old.score, new.score)}; "
        f"band {old.band} -> {new.band}",
    ]
    for kind in KINDS:
        found = diff.of_kind(kind)
        if found:
            lines += ["", f"{HEADINGS[kind]} ({len(found)}):"]
            for c in found:
                lines.append(
                    f"  {c.criterion.id} {c.criterion.title}: "
                    f"{OUTCOME_TITLE[c.before]} -> {OUTCOME_TITLE[c.after]}"
                )
                lines.append(f"      {c.reason}")
    if not diff.changes:
        lines += ["", "No criterion changed its outcome."]
    lines += ["", "Levers:"]
    lines += [
        f"  {lc.lever.title:<40} {_score(lc.before):>5} -> {_score(lc.after):>5}"
        f"{_signed(lc.before, lc.after)}"
        for lc in diff.levers
    ]
    return log_text("\n".join(lines)) + "\n"


def markdown(diff: PlanDiff) -> str:
    old, new = diff.old, diff.new
    out = [
        f"# What changed: {md(new.title)}",
        "",
        f"From {code(old.path)} to {code(new.path)}.",
        "",
        "| | Before | After |",
        "|---|---|---|",
        f"| Band | {BAND_TITLE[old.band]} | {BAND_TITLE[new.band]} |",
        f"| Score | {old.score:.1f} | {new.score:.1f}{_signed(old.score, new.score)} |",
    ]
    out += [
        f"| {cell(lc.lever.title)} | {_score(lc.before)} | {_score(lc.after)} |"
        for lc in diff.levers
    ]
    for kind in KINDS:
        found = diff.of_kind(kind)
        if found:
            out += ["", f"## {HEADINGS[kind]}", "", "| Criterion | Before | After | Now |"]
            out += ["|---|---|---|---|"]
            out += [
                f"| {c.criterion.id} {cell(c.criterion.title)} | {OUTCOME_TITLE[c.before]} "
                f"| {OUTCOME_TITLE[c.after]} | {md(c.reason)} |"
                for c in found
            ]
    if not diff.changes:
        out += ["", "No criterion changed its outcome."]
    return markdown_document("\n".join(out) + "\n")


def document(diff: PlanDiff) -> dict[str, Any]:
    def side(plan: Any) -> dict[str, Any]:
        return {"path": plan.path, "title": plan.title, "score": plan.score, "band": plan.band}

    return {
        "schema_version": 1,
        "old": side(diff.old),
        "new": side(diff.new),
        "levers": [
            {"id": lc.lever.id, "title": lc.lever.title, "before": lc.before, "after": lc.after}
            for lc in diff.levers
        ],
        "changes": [
            {
                "id": c.criterion.id,
                "title": c.criterion.title,
                "lever": c.criterion.lever,
                "before": c.before.value,
                "after": c.after.value,
                "kind": c.kind,
                "reason": c.reason,
            }
            for c in diff.changes
        ],
    }


def as_json(diff: PlanDiff) -> str:
    text = json.dumps(clean_json(document(diff)), indent=2, ensure_ascii=False) + "\n"
    return json_document(text)
