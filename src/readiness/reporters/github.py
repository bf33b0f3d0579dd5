"""GitHub Actions workflow commands: one annotation per problem and gap, heaviest first.

A plan that cannot be read gets an ``::error`` at each problem's file, line and column, before
any gap. GitHub shows at most ten annotations of each kind (error, warning, notice) for a
step, so the heaviest of each kind are printed and a last notice says how many more the full
report holds. Files are named from the repository's root, as GitHub needs, wherever the run
started. The job summary (``GITHUB_STEP_SUMMARY``) is written by the command line from
``summary``, kept under GitHub's 1 MiB: plans that fall short first, and a last line saying
what was left out.

Only readiness writes workflow commands: file names, titles and messages are percent-encoded
(``escape.command_property``, ``escape.command_data``), every other line is a safe
``escape.log_line``, and the summary's text is escaped Markdown.
"""

from __future__ import annotations

from readiness.audit.result import AuditResult, CriterionResult, PlanResult
from readiness.errors import Problem
from readiness.outcomes import BAND_TITLE, OUTCOME_TITLE
from readiness.reporters import RenderOptions
from readiness.reporters.common import (
    cost_line,
    examples_line,
    money,
    priority,
    rating,
    unhonoured_line,
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
from readiness.reporters.locations import from_root
from readiness.reporters.sarif import level

PER_KIND = 10
"""Annotations GitHub shows per step for each of error, warning and notice."""
SUMMARY_BYTES = 1024 * 1024
"""The most GitHub takes in one step's job summary."""
_SUMMARY_ROOM = 1000
"""Kept free under that for the line saying what was left out."""
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
    notes = [("error", _problem(p, options)) for p in result.problems]
    notes += [
        (_KIND[level(gap)], annotation(_KIND[level(gap)], plan, gap, options))
        for plan, gap in found
    ]
    for kind, line in notes:
        # keep one notice free for the line that counts what is not shown
        room = PER_KIND - (1 if kind == "notice" else 0)
        if shown[kind] >= room:
            hidden += 1
            continue
        shown[kind] += 1
        lines.append(line)
    if hidden:
        what = "problems and gaps" if result.problems else "gaps"
        lines.append(
            f"::notice title=readiness::{hidden} more {what} are not shown as annotations "
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
    files = len({p.file for p in result.problems})
    if files:
        lines.append(log_line(f"{_unreadable(files)}: the run fails until every plan can be read"))
    return "\n".join(lines) + "\n"


def _unreadable(count: int) -> str:
    return "1 plan cannot be read" if count == 1 else f"{count} plans cannot be read"


def _problem(problem: Problem, options: RenderOptions) -> str:
    """An ``::error`` at the problem's place: the file from the repository's root."""
    place = ""
    if problem.file:
        place = f"file={prop(from_root(problem.file, options))},"
        if problem.line:
            place += f"line={problem.line},col={max(1, problem.column)},"
    message = problem.message + (f"\nHint: {problem.hint}" if problem.hint else "")
    return f"::error {place}title={prop('The plan cannot be read')}::{data(message)}"


def annotation(
    kind: str, plan: PlanResult, gap: CriterionResult, options: RenderOptions | None = None
) -> str:
    criterion = gap.criterion
    location = gap.locations[0]
    title = f"{criterion.id} {criterion.title} ({OUTCOME_TITLE[gap.outcome]})"
    message = f"{gap.reason}\nWhat to commission: {criterion.remediation.strip()}"
    return (
        f"::{kind} file={prop(from_root(plan.path, options or RenderOptions()))},"
        f"line={max(1, location.line)},"
        f"col={max(1, location.column)},title={prop(title)}::{data(message)}"
    )


def summary(result: AuditResult) -> str:
    """The Markdown appended to the job summary: a line per plan, then the heaviest gaps of
    each plan that falls short; plans that fall short come first, lowest score first, and
    whatever would pass GitHub's 1 MiB is left out, with a line that says so."""
    ordered = sorted(result.plans, key=lambda plan: (plan.passed, plan.score))
    budget = _Budget(SUMMARY_BYTES - _SUMMARY_ROOM)
    head = ["## readiness", ""]
    if result.problems:
        files = len({p.file for p in result.problems})
        head += [
            f"**{md(_unreadable(files))}**: the run fails until "
            "every plan follows the format (the log lists each problem).",
            "",
        ]
    head += ["| Plan | Band | Score | Result |", "|---|---|---:|---|"]
    budget.take(head)
    left_out = 0
    for plan in ordered:
        verdict = "passes" if plan.passed else "falls short"
        row = (
            f"| {md(plan.title)} ({code(plan.path)}) | {BAND_TITLE[plan.band]} "
            f"| {plan.score:.1f} | {verdict} |"
        )
        if not budget.take([row]):
            left_out += 1
    sections = 0
    for plan in ordered:
        section = _gaps(plan, result)
        if section and not budget.take(section):
            sections += 1
    lines = budget.lines
    if left_out or sections:
        lines += [
            "",
            md(
                f"Left out to keep within GitHub's 1 MiB job summary: {left_out} of "
                f"{len(result.plans)} plans' lines and {sections} plans' gaps (the lightest "
                "first). The full report lists them all."
            ),
        ]
    return markdown_document("\n".join(lines) + "\n")


class _Budget:
    """Lines added while they fit in a number of bytes."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.lines: list[str] = []

    def take(self, lines: list[str]) -> bool:
        size = sum(len(line.encode("utf-8", "surrogatepass")) + 1 for line in lines)
        if size > self.left:
            return False
        self.left -= size
        self.lines += lines
        return True


def _gaps(plan: PlanResult, result: AuditResult) -> list[str]:
    """A plan's heaviest gaps, for the summary; none if it has none."""
    gaps = sorted((r for r in plan.criteria if r.is_gap), key=priority)
    if not gaps:
        return []
    lines = ["", f"### {md(plan.title)}: what to commission next", ""]
    bands = result.rubric.bands
    levers = ", ".join(f"{lr.lever.title} {rating(lr.score, bands)}" for lr in plan.levers)
    lines += [f"Levers: {cell(levers)}.", ""]
    for note in (waiver_line(plan), unhonoured_line(plan), examples_line(plan), cost_line(plan)):
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
    return lines
