"""GitHub Actions workflow commands: one annotation per gap, heaviest first.

GitHub shows at most ten annotations of each kind (error, warning, notice) for a step, so the
heaviest gaps of each kind are printed and a last notice says how many more the full report
holds. The job summary (``GITHUB_STEP_SUMMARY``) is written by the command line from
``summary``.

Only readiness writes workflow commands: file names, titles and messages are percent-encoded
(``escape.command_property``, ``escape.command_data``), every other line is a safe
``escape.log_line``, and the summary's text is escaped Markdown.
"""

from __future__ import annotations

from readiness.audit.result import AuditResult, CriterionResult, PlanResult
from readiness.outcomes import BAND_TITLE, OUTCOME_TITLE
from readiness.reporters import RenderOptions
from readiness.reporters.common import (
    cost_line,
    examples_line,
    money,
    priority,
    rating,
    waiver_line,
)
from readiness.reporters.escape import (
    cell,
    code,
    command_data,
    command_property,
    log_line,
    markdown_document,
    md,
)
from readiness.reporters.sarif import level

PER_KIND = 10
"""Annotations GitHub shows per step for each of error, warning and notice."""
_KIND = {"error": "error", "warning": "warning", "note": "notice"}

data = command_data
"""Escape a workflow command's message."""
prop = command_property
"""Escape a workflow command's property value."""


def render(result: AuditResult, options: RenderOptions) -> str:
    found = [(plan, r) for plan in result.plans for r in plan.criteria if r.is_gap]
    found.sort(key=lambda pair: priority(pair[1]))
    shown: dict[str, int] = {"error": 0, "warning": 0, "notice": 0}
    lines: list[str] = []
    hidden = 0
    for plan, gap in found:
        kind = _KIND[level(gap)]
        # keep one notice free for the line that counts what is not shown
        room = PER_KIND - (1 if kind == "notice" else 0)
        if shown[kind] >= room:
            hidden += 1
            continue
        shown[kind] += 1
        lines.append(annotation(kind, plan, gap))
    if hidden:
        lines.append(
            f"::notice title=readiness::{hidden} more gaps are not shown as annotations "
            "(GitHub shows ten of each kind); the job summary and the full report list them all"
        )
    for plan in result.plans:
        verdict = "reaches" if plan.passed else "falls short of"
        said = f"{plan.path}: {plan.band}, score {plan.score:.1f}: {verdict} the required band"
        costs = plan.costs
        if costs is not None:
            said += (
                f"; {costs.currency} {money(round(costs.per_practitioner))} per practitioner, "
                f"{costs.currency} {money(round(costs.support_per_practitioner))} of it on "
                "implementation support"
            )
        lines.append(log_line(said))
    return "\n".join(lines) + "\n"


def annotation(kind: str, plan: PlanResult, gap: CriterionResult) -> str:
    criterion = gap.criterion
    location = gap.locations[0]
    title = f"{criterion.id} {criterion.title} ({OUTCOME_TITLE[gap.outcome]})"
    message = f"{gap.reason}\nWhat to commission: {criterion.remediation.strip()}"
    return (
        f"::{kind} file={prop(plan.path)},line={max(1, location.line)},"
        f"col={max(1, location.column)},title={prop(title)}::{data(message)}"
    )


def summary(result: AuditResult) -> str:
    """The Markdown appended to the job summary: a line per plan, then its heaviest gaps."""
    lines = ["## readiness", "", "| Plan | Band | Score | Result |", "|---|---|---:|---|"]
    for plan in result.plans:
        verdict = "passes" if plan.passed else "falls short"
        lines.append(
            f"| {md(plan.title)} ({code(plan.path)}) | {BAND_TITLE[plan.band]} "
            f"| {plan.score:.1f} | {verdict} |"
        )
    for plan in result.plans:
        gaps = sorted((r for r in plan.criteria if r.is_gap), key=priority)
        if not gaps:
            continue
        lines += ["", f"### {md(plan.title)}: what to commission next", ""]
        bands = result.rubric.bands
        levers = ", ".join(f"{lr.lever.title} {rating(lr.score, bands)}" for lr in plan.levers)
        lines += [f"Levers: {cell(levers)}.", ""]
        for note in (waiver_line(plan), examples_line(plan), cost_line(plan)):
            if note:
                lines += [md(note), ""]
        for gap in gaps[:5]:
            outcome = OUTCOME_TITLE[gap.outcome]
            lines.append(
                f"- **{gap.criterion.id}** {cell(gap.criterion.title)} ({outcome}): "
                f"{cell(gap.criterion.remediation)}"
            )
        if len(gaps) > 5:
            lines.append(f"- and {len(gaps) - 5} more in the full report")
    return markdown_document("\n".join(lines) + "\n")
