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

from collections.abc import Sequence
from typing import IO

from readiness.audit.result import AuditResult, CriterionResult, PlanResult
from readiness.errors import Problem
from readiness.outcomes import BAND_TITLE, OUTCOME_TITLE
from readiness.reporters import RenderOptions
from readiness.reporters import stream as streamed
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
    return streamed.render(Writer, result, options)


class Writer(streamed.Writer):
    """The annotations and log lines written as plans are audited: of each kind only the
    heaviest that GitHub will show are kept (a few at a time), with a count of the rest; the
    line for each plan waits in a temporary file until the annotations are printed."""

    def __init__(
        self, run: AuditResult, options: RenderOptions, out: IO[str], expected: int
    ) -> None:
        super().__init__(run, options, out, expected)
        self.best: dict[str, list[tuple[tuple[int, float, int], int, str]]] = {
            kind: [] for kind in _KIND.values()
        }
        self.gaps = 0
        self.lines = streamed.spool()
        self.lines_written = 0

    def plan(self, plan: PlanResult, piece: object = None) -> None:
        for gap in plan.criteria:
            if not gap.is_gap:
                continue
            kind = _KIND[level(gap)]
            best = self.best[kind]
            best.append((priority(gap), self.gaps, annotation(kind, plan, gap, self.options)))
            self.gaps += 1
            if len(best) > 4 * PER_KIND:  # keep the heaviest few: GitHub shows no more
                best.sort()
                del best[PER_KIND:]
        self.lines.write(log_line(_said(plan)) + "\n")
        self.lines_written += 1

    def finish(self, problems: Sequence[Problem] = ()) -> None:
        shown = [_problem(p, self.options) for p in problems[:PER_KIND]]
        room = {"error": PER_KIND - len(shown), "warning": PER_KIND, "notice": PER_KIND - 1}
        # one notice is kept free for the line that counts what is not shown
        chosen = sorted(x for kind, best in self.best.items() for x in sorted(best)[: room[kind]])
        shown += [text for _, _, text in chosen]
        hidden = len(problems) + self.gaps - len(shown)
        if hidden:
            what = "problems and gaps" if problems else "gaps"
            shown.append(
                f"::notice title=readiness::{hidden} more {what} are not shown as annotations "
                "(GitHub shows ten of each kind); the job summary and the full report list them all"
            )
        self.out.write("".join(line + "\n" for line in shown))
        streamed.copy(self.lines, self.out)
        files = len({p.file for p in problems if p.file})
        if files:
            said = f"{_unreadable(files)}: the run fails until every plan can be read"
            self.out.write(log_line(said) + "\n")
        if any(not p.file for p in problems):
            self.out.write(log_line(f"{_RUN_TITLE}: the run fails until it is fixed") + "\n")
        elif not shown and not self.lines_written:
            self.out.write("\n")  # nothing to say: an empty line, as ever


def _said(plan: PlanResult) -> str:
    verdict = "reaches" if plan.passed else "falls short of"
    said = f"{plan.path}: {plan.band}, score {plan.score:.1f}: {verdict} the required band"
    costs = plan.costs
    if costs is not None:
        said += (
            f"; {costs.currency} {money(round(costs.per_practitioner))} per practitioner, "
            f"{costs.currency} {money(round(costs.support_per_practitioner))} of it on "
            "implementation support"
        )
    return said


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
    title = "The plan cannot be read" if problem.file else _RUN_TITLE
    return f"::error {place}title={prop(title)}::{data(message)}"


_RUN_TITLE = "readiness cannot use its input"


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
    """The Markdown appended to the job summary (``SummaryWriter``), as text."""
    return streamed.render(SummaryWriter, result, RenderOptions())


class SummaryWriter(streamed.Writer):
    """The job summary: a line per plan, then the heaviest gaps of each plan that falls
    short; plans that fall short come first, lowest score first, and whatever would pass
    GitHub's 1 MiB is left out, with a line that says so. Each plan's line is kept (a line
    each); its gaps wait in a temporary file until the order is known."""

    def __init__(
        self, run: AuditResult, options: RenderOptions, out: IO[str], expected: int
    ) -> None:
        super().__init__(run, options, out, expected)
        self.rows: list[tuple[bool, float, int, str, tuple[int, int] | None]] = []
        self.sections = streamed.spool()
        self.used = 0
        """Bytes the step's summary already holds: they count towards GitHub's limit."""

    def plan(self, plan: PlanResult, piece: object = None) -> None:
        verdict = "passes" if plan.passed else "falls short"
        row = (
            f"| {md(plan.title)} ({code(plan.path)}) | {BAND_TITLE[plan.band]} "
            f"| {plan.score:.1f} | {verdict} |"
        )
        lines = _gaps(plan, self.run)
        where = None
        if lines:
            text = "\n".join(lines)
            where = (self.sections.tell(), len(text))
            self.sections.write(text)
        self.rows.append((plan.passed, plan.score, len(self.rows), row, where))

    def finish(self, problems: Sequence[Problem] = ()) -> None:
        self.rows.sort()
        budget = _Budget(SUMMARY_BYTES - _SUMMARY_ROOM - self.used)
        head = ["## readiness", ""]
        files = len({p.file for p in problems if p.file})
        if files:
            head += [
                f"**{md(_unreadable(files))}**: the run fails until "
                "every plan follows the format (the log lists each problem).",
                "",
            ]
        if any(not p.file for p in problems):
            head += [f"**{_RUN_TITLE}**: the log says why.", ""]
        head += ["| Plan | Band | Score | Result |", "|---|---|---:|---|"]
        budget.take(head)
        left_out = sum(not budget.take([row[3]]) for row in self.rows)
        sections = 0
        for *_, where in self.rows:
            if where is not None:
                self.sections.seek(where[0])
                sections += not budget.take(self.sections.read(where[1]).split("\n"))
        self.sections.close()
        lines = budget.lines
        if left_out or sections:
            lines += [
                "",
                md(
                    f"Left out to keep within GitHub's 1 MiB job summary: {left_out} of "
                    f"{len(self.rows)} plans' lines and {sections} plans' gaps (the lightest "
                    "first). The full report lists them all."
                ),
            ]
        self.out.write(markdown_document("\n".join(lines) + "\n"))


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
