"""Criteria for people: ``readiness explain``, ``rubric list`` and the criteria reference.

Everything here is read from the active rubric, so a local rubric's thresholds and texts are
the ones shown; a local rubric is a user's file, so its text is made safe by ``escape`` (the
terminal text line by line, the reference field by field and as a document).
"""

from __future__ import annotations

from typing import Any

from readiness.checks.wording import number, plain_list
from readiness.reporters.escape import cell, log_text, markdown_document, one_line, prose
from readiness.rubric.rubric import Criterion, Rubric

REF_NAMES = {
    "nirn": "NIRN implementation drivers",
    "cfir": "CFIR 2.0",
    "eric": "ERIC strategies",
    "samhsa": "SAMHSA implementation domains",
    "lga": "LGA employer standards",
    "evidence": "Published evidence",
}


def shown_param(value: Any) -> str:
    """A parameter's value as it reads in a sentence."""
    if isinstance(value, dict):
        if {"amount", "price_year", "source"} <= set(value):  # a unit cost
            return (
                f"£{number(value['amount'])} for {value.get('what', 'an hour')}, at "
                f"{value['price_year']} prices ({value['source']})"
            )
        return "; ".join(f"{k.replace('_', ' ')}: {shown_param(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, list | tuple):
        return plain_list([shown_param(v) for v in value], "or")
    return str(value)


def judged(criterion: Criterion) -> str:
    """How the criterion is judged, with the active rubric's thresholds filled in."""
    values = {k: shown_param(v) for k, v in criterion.params.model_dump().items()}
    if criterion.judged:
        return criterion.judged.format(**values)
    settings = ", ".join(f"{k} {v}" for k, v in values.items())
    return criterion.check.doc + (f" Settings: {settings}." if settings else "")


def reads(criterion: Criterion) -> list[str]:
    """The plan keys the criterion reads."""
    key = getattr(criterion.params, "key", None)
    if isinstance(key, str):
        return [key]
    section = getattr(criterion.params, "section", None)
    keys = list(criterion.check.reads)
    if isinstance(section, str):
        keys = [k for k in keys if k.startswith(section + ".")]
    return keys


def explain(rubric: Rubric, criterion: Criterion) -> str:
    lever = next((lv for lv in rubric.levers if lv.id == criterion.lever), None)
    lines = [f"{criterion.id}  {criterion.title}", ""]
    facts = [
        f"Lever: {lever.title if lever else criterion.lever}",
        f"weight {number(criterion.weight)}",
    ]
    if criterion.caps_band:
        facts.append(f"caps the band at {criterion.caps_band} while not met or not written down")
    lines += ["  " + " · ".join(facts), "", "Why it matters"]
    if criterion.seed:
        source = rubric.source or "the article"
        lines += [f'  "{criterion.seed}"', f"  (from {source})"]
    lines += ["  " + criterion.rationale.strip(), "", "How it is judged", "  " + judged(criterion)]
    settings = ", ".join(
        f"{k} = {shown_param(v)}" for k, v in criterion.params.model_dump().items()
    )
    if settings:
        lines.append(f"  Rubric settings ({rubric.id} v{rubric.version}): {settings}")
    lines += ["", "What it reads in the plan", "  " + ", ".join(reads(criterion))]
    lines += ["", "What to commission to meet it", "  " + criterion.remediation.strip()]
    if criterion.refs:
        lines += ["", "Cross-references"]
        for key, items in criterion.refs.items():
            lines.append(f"  {REF_NAMES.get(key, key)}: {'; '.join(items)}")
    return log_text("\n".join(lines)) + "\n"


def listing(rubric: Rubric) -> str:
    """Every criterion in a plain table: ID, lever, weight, cap and title (last, to wrap)."""
    rows = [("ID", "LEVER", "WEIGHT", "CAPS", "TITLE")]
    rows += [
        (c.id, c.lever, number(c.weight), c.caps_band or "-", one_line(c.title))
        for c in rubric.criteria
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    out = [
        "  ".join(value.ljust(width) for value, width in zip(row, [*widths, 0], strict=True))
        for row in rows
    ]
    head = f"{rubric.title} ({rubric.id} v{rubric.version}, {len(rubric.criteria)} criteria)"
    return log_text(head + "\n\n" + "\n".join(line.rstrip() for line in out)) + "\n"


def reference(rubric: Rubric) -> str:
    """The criteria reference in Markdown (``docs/criteria.md`` is this, generated)."""
    out = [
        f"# Criteria reference: {prose(rubric.title)}",
        "",
        "Generated from the rubric data by `readiness rubric docs`; do not edit by hand.",
        f"Rubric `{rubric.id}` version {rubric.version}, {len(rubric.criteria)} criteria.",
    ]
    for lever in rubric.levers:
        criteria = [c for c in rubric.criteria if c.lever == lever.id]
        if not criteria:
            continue
        scored = "" if lever.scored else " (not in the score; its criteria can cap the band)"
        out += ["", f"## {prose(lever.title)}{scored}", ""]
        if lever.summary:
            out += [prose(lever.summary), ""]
        out += ["| ID | Criterion | Weight | Caps | How it is judged |", "|---|---|---:|---|---|"]
        out += [
            f"| {c.id} | {cell(c.title)} | {number(c.weight)} | {c.caps_band or ''} "
            f"| {cell(judged(c))} |"
            for c in criteria
        ]
        for c in criteria:
            # an anchor by ID alone, which SARIF's helpUri links to: #sm-01
            out += ["", f'### <a id="{c.id.lower()}"></a>{c.id} {prose(c.title)}', ""]
            if c.seed:
                out += [f"> {prose(c.seed)}", ""]
            out += [prose(c.rationale), "", f"**What to commission:** {prose(c.remediation)}"]
            if c.refs:
                refs = "; ".join(
                    f"{REF_NAMES.get(k, k)}: {', '.join(v)}" for k, v in c.refs.items()
                )
                out += ["", f"*Cross-references:* {prose(refs)}"]
    return markdown_document("\n".join(out) + "\n")
