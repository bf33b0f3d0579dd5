"""Write an audit's reports as its plans are audited: every format at once, in flat memory.

Each report file and standard output gets its format's ``Writer`` before the first plan is
audited; each plan's result goes to every writer as it arrives and is then dropped. Report
files are written to hidden temporary files and placed together at the end (``ReportSet``);
what is printed waits in a temporary file and is printed once the files are in place.

A plan that cannot be read makes the run invalid (exit 2): only the CI formats (SARIF, JUnit,
GitHub annotations) are kept, carrying the problems; board reports, the JSON report, the
terminal summary and the baseline are dropped.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from readiness.cli import common
from readiness.errors import InputError, Problem
from readiness.reporters import AUDIT_FORMATS

if TYPE_CHECKING:
    from readiness.audit.many import Pieces
    from readiness.audit.result import AuditResult, PlanResult
    from readiness.cli.baseline import Worse
    from readiness.cli.outputs import ReportSet, Target
    from readiness.outcomes import Outcome
    from readiness.reporters import RenderOptions
    from readiness.reporters.stream import Writer

COLLECT_EVERY = 250
"""Plans between collections of garbage. readiness collects garbage rarely, for speed; a plan's
result is freed as soon as every report has taken its piece (the board sections leave no
reference cycle: ``board.rendered``), and this bounds what any cycle left by a library or
one's own template could keep in a long run."""

CI_FORMATS = ("sarif", "junit", "github")
"""Formats that carry a run's problems as findings, so that a plan which cannot be read is
seen in CI: they are written even when the input is invalid (exit 2); board reports, the
JSON report and the terminal summary are not."""


class Outputs(NamedTuple):
    """Where a run's reports go and what is printed."""

    printed: str | None
    """The format printed on standard output; None with ``--quiet``."""
    targets: list[Target]
    template: Path | None = None
    timeline: bool = False
    colour: bool | None = None
    baseline: tuple[str, dict[str, dict[str, Outcome]]] | None = None
    """``--baseline``: its name and the outcomes it holds."""
    write_baseline: Target | None = None
    github: bool = False
    """``--format github``, printed or not (``--quiet``): the job summary is written too."""
    json_version: int = 2
    """``--json-version``: the JSON report's layout."""

    def carries_problems(self) -> bool:
        return self.printed in CI_FORMATS or any(t.format in CI_FORMATS for t in self.targets)


Work = Callable[["Pieces | None", bool, bool], Iterable[tuple["PlanResult | list[Problem]", Any]]]
"""The audit to run: given what to make of each plan beside it (in the workers), whether the
reports then read only each plan's outcomes (``stream.Writer.whole_plan``) and whether any
reads what the audit says of a plan as a commission (``stream.Writer.commission``), each
plan's result or problems, in order, with what was made of it (None when nothing was)."""


def emit(run: AuditResult, expected: int, work: Work, outputs: Outputs) -> bool:
    """Write every report as the plans of ``work`` arrive; whether the run passes.
    ``InputError`` (after the CI formats are written) if a plan cannot be read.

    Each report's piece of a plan (its JSON, SARIF results, JUnit suite, board section) is
    made where the plan is audited, so with several jobs the workers share that work too."""
    from readiness.cli.baseline import Gate
    from readiness.cli.outputs import ReportSet

    options = common.report_options(outputs.template)._replace(json_version=outputs.json_version)
    gate = Gate(outputs.baseline[1] if outputs.baseline else None, options)
    problems: list[Problem] = []
    carry = outputs.carries_problems()
    with ReportSet() as reports, user_template(outputs.template):
        writers = _writers(run, expected, outputs, reports, options)

        def pieces(plan: PlanResult, number: int) -> list[Any]:
            return [writer.piece(plan, number) for _, writer in writers]

        lean = not any(writer.whole_plan for _, writer in writers)
        commission = any(writer.commission for _, writer in writers)
        with _young_garbage_only():
            for number, (outcome, made) in enumerate(work(pieces, lean, commission), 1):
                if isinstance(outcome, list):
                    problems.extend(outcome)
                elif carry or not problems:  # once invalid, only the CI formats still matter
                    for i, (_, writer) in enumerate(writers):
                        writer.plan(outcome, None if made is None else made[i])
                    gate.add(outcome)
                if not number % COLLECT_EVERY:
                    gc.collect()
        for name, writer in writers:
            if not problems or _carries(name, outputs):
                writer.finish(problems)
        printed = next((w.out for name, w in writers if name == "stdout"), None)
        summary = next((w.out for name, w in writers if name == "summary"), None)
        keep = (lambda target: target.format in CI_FORMATS) if problems else (lambda target: True)
        reports.commit(keep=keep, append=_summary(summary))
    if problems:
        if outputs.printed in CI_FORMATS and printed is not None:
            _print(printed)
        raise InputError(problems)
    if printed is not None:
        _print(printed)
    if outputs.baseline is not None:
        _say_baseline(gate.found, outputs)
    return gate.passed


@contextlib.contextmanager
def _young_garbage_only() -> Iterator[None]:
    """While the plans are audited, collections of garbage pass over what was made before
    (modules, the rubric, the writers), which lives for the whole run: each collection then
    reads only what the plans since the last one left, not every object of the program.
    Left as it is when something else froze objects already (a program running readiness)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _carries(name: str, outputs: Outputs) -> bool:
    """Whether the writer named so carries problems (a CI format, or the job summary)."""
    if name == "stdout":
        return outputs.printed in CI_FORMATS
    return name in CI_FORMATS or name == "summary"


def _writers(
    run: AuditResult, expected: int, outputs: Outputs, reports: ReportSet, options: RenderOptions
) -> list[tuple[str, Writer]]:
    """A writer for every report file, standard output and the job summary, each named."""
    from readiness.reporters.stream import spool

    made: list[tuple[str, Writer]] = [
        (t.format, AUDIT_FORMATS[t.format].load_writer()(run, options, reports.open(t), expected))
        for t in outputs.targets
    ]
    if outputs.write_baseline is not None:
        from readiness.cli.baseline import Snapshot

        made.append(("baseline", Snapshot(run, options, reports.open(outputs.write_baseline), 0)))
    if outputs.printed is not None:
        shown = common.stdout_options(outputs.template, outputs.timeline, outputs.colour)
        shown = shown._replace(json_version=outputs.json_version)
        writer = AUDIT_FORMATS[outputs.printed].load_writer()
        made.append(("stdout", writer(run, shown, spool(), expected)))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if (outputs.github or outputs.printed == "github") and summary:
        from readiness.reporters.github import SummaryWriter

        job = SummaryWriter(run, options, spool(), expected)
        with contextlib.suppress(OSError):  # the step's summary so far counts towards its limit
            job.used = os.stat(summary).st_size
        made.append(("summary", job))
    return made


def _print(source: object) -> None:
    """A spool's text on standard output, a piece at a time."""
    from typing import IO, cast

    text = cast("IO[str]", source)
    text.seek(0)
    common.out(iter(lambda: text.read(1 << 16), ""))
    text.close()


def _summary(source: object) -> tuple[Path, str, str] | None:
    """Where GitHub Actions wants the job summary, and the summary, if it wants one."""
    from typing import IO, cast

    if source is None:
        return None
    text = cast("IO[str]", source)
    text.seek(0)
    summary = text.read()  # at most 1 MiB: SummaryWriter keeps it within GitHub's limit
    text.close()
    return Path(os.environ["GITHUB_STEP_SUMMARY"]), "the GitHub step summary", summary


def _say_baseline(found: dict[str, list[Worse]], outputs: Outputs) -> None:
    """What the baseline let through or caught: after the summary, or on standard error."""
    import sys

    from readiness.cli.baseline import said
    from readiness.reporters.escape import log_line

    assert outputs.baseline is not None
    lines = said(found, outputs.baseline[0])
    text = "".join(log_line(line) + "\n" for line in lines)
    if outputs.printed == "terminal":
        common.out(text)
    else:
        sys.stderr.write(text)


@contextlib.contextmanager
def user_template(template: Path | None) -> Iterator[None]:
    """A ``--template`` that fails (``{{ 1/0 }}``, endless recursion) is bad input: exit 2.

    Jinja reports failures of its own (an undefined name) as template errors, which the
    reporters already turn into problems; anything else raised while the user's template
    runs is told apart from a bug in readiness by the template's file in the traceback.
    """
    try:
        yield
    except Exception as exc:
        where = _template_frame(exc, template)
        if where is None:
            raise
        why = str(exc) or type(exc).__name__
        raise InputError.single(
            f"the report template cannot be used: {why}",
            file=where[0],
            line=where[1],
            column=1 if where[1] else 0,
            hint="check the template given with --template",
        ) from None


def _template_frame(exc: Exception, template: Path | None) -> tuple[str, int] | None:
    """The innermost place in the user's template where ``exc`` was raised, if any."""
    import traceback

    if template is None or isinstance(exc, InputError):
        return None
    folder = os.path.realpath(template)
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        with contextlib.suppress(OSError):
            if Path(os.path.realpath(frame.filename)).is_relative_to(folder):
                return frame.filename, frame.lineno or 0
    return None
