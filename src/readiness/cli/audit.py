"""``readiness audit``: judge plans, print a summary, write reports, exit 1 if one falls short."""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Annotated

import typer

from readiness.cli import common
from readiness.cli.common import (
    EXIT_FELL_SHORT,
    AllowEmptyOption,
    ConfigOption,
    DebugOption,
    IgnoreWaiversOption,
    MaxSizeOption,
    Plans,
    PlansOnlyOption,
    RubricOption,
    TemplateOption,
)
from readiness.outcomes import BANDS
from readiness.reporters import AUDIT_FORMATS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from readiness.audit.discover import Found
    from readiness.audit.result import AuditResult
    from readiness.cli.outputs import Read, Target
    from readiness.cli.settings import Config


def audit(
    plans: Plans,
    format: Annotated[str | None, common.format_option(AUDIT_FORMATS)] = None,
    output: Annotated[list[str] | None, common.output_option(AUDIT_FORMATS, "a report")] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Treat this date (2027-01-15) as today, for waivers; default: today.",
        ),
    ] = None,
    min_band: Annotated[
        str | None,
        typer.Option(
            "--min-band",
            metavar="BAND",
            help=f"Lowest band that passes: {', '.join(BANDS)} (default developing).",
        ),
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", metavar="SCORE", help="Also fail a plan scoring below this."),
    ] = None,
    rubric: RubricOption = None,
    config: ConfigOption = None,
    max_size: MaxSizeOption = None,
    plans_only: PlansOnlyOption = False,
    allow_empty: AllowEmptyOption = False,
    ignore_waivers: IgnoreWaiversOption = False,
    timeline: Annotated[
        bool, typer.Option("--timeline", help="Add the plan's dates to the terminal summary.")
    ] = False,
    template: TemplateOption = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", metavar="N", help="Plans audited at once (default: the cores)."
        ),
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Audit plans: print a summary, write reports, exit 1 if a plan falls short."""
    # Long only in its signature: typer reads each option from it. The body is short.
    from readiness.audit.many import audit_many, default_jobs, slim
    from readiness.audit.run import AuditOptions
    from readiness.cli.outputs import plan_targets, refuse_reads

    settings = common.config(config)
    chosen = common.choice(format, tuple(AUDIT_FORMATS), "--format") if format else None
    options = AuditOptions(
        as_of=common.as_of(as_of),
        min_band=common.band(min_band or settings.min_band or "developing"),
        fail_under=common.fail_under(fail_under if fail_under is not None else settings.fail_under),
        max_bytes=common.max_bytes(max_size, settings),
        ignore_waivers=ignore_waivers,
    )
    targets = plan_targets(output or [], chosen)
    template_dir = common.template(template)
    found = common.discover(plans, settings, plans_only, allow_empty, options.max_bytes)
    if not found:
        return
    refuse_reads(
        targets, _reads(found, settings, common.rubric_path(rubric, settings), template_dir)
    )
    loaded_rubric = common.rubric(rubric, settings)
    if jobs is not None and jobs < 1:
        raise common.usage(f"--jobs: {jobs} is not a number of plans to audit at once (1 or more)")
    # one line per plan is all a many-plan summary shows: work out and keep no more
    summary_only = not targets and (chosen or "terminal") == "terminal" and len(found) > 1
    result = audit_many(
        [(f.path, f.display) for f in found],
        loaded_rubric,
        options._replace(where=not summary_only),
        jobs=jobs or default_jobs(),
        keep=slim if summary_only else (lambda plan: plan),
    )
    _emit(result, chosen or "terminal", targets, template_dir, timeline)
    raise typer.Exit(0 if result.passed else EXIT_FELL_SHORT)


def _reads(
    found: list[Found], settings: Config, rubric: Path | None, template: Path | None
) -> list[Read]:
    """Every file the run reads, which no report may replace."""
    from readiness.cli.outputs import Read

    reads = [Read("the plan", plan.path) for plan in found]
    if settings.path is not None:
        reads.append(Read("the settings file", settings.path))
    if rubric is not None:
        reads.append(Read("the rubric", rubric))
    if template is not None:
        reads.append(Read("the template folder", template, folder=True))
    return reads


def _emit(
    result: AuditResult,
    stdout_format: str,
    targets: list[Target],
    template: Path | None,
    timeline: bool = False,
) -> None:
    """Render every report from the one result, then write them as a set; stdout comes last."""
    from readiness.cli.outputs import write_all
    from readiness.reporters import RenderOptions

    options = RenderOptions(template_dir=template)
    with _user_template(template):
        texts = [(t, AUDIT_FORMATS[t.format].load()(result, options)) for t in targets]
        printed = AUDIT_FORMATS[stdout_format].load_stream()(
            result, common.stdout_options(template, timeline)
        )
        first = next(printed, "")  # a whole report, unless the format writes a line at a time
    write_all(texts, _github_summary(result) if stdout_format == "github" else None)
    common.out(first)
    common.out(printed)  # the summary, a line at a time


def _github_summary(result: AuditResult) -> tuple[Path, str, str] | None:
    """Where GitHub Actions wants the job summary, if it does, and the summary."""
    from pathlib import Path

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return None
    from readiness.reporters.github import summary as markdown_summary

    return Path(summary), "the GitHub step summary", markdown_summary(result)


@contextlib.contextmanager
def _user_template(template: Path | None) -> Iterator[None]:
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
        from readiness.errors import InputError

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
    from pathlib import Path

    from readiness.errors import InputError

    if template is None or isinstance(exc, InputError):
        return None
    folder = os.path.realpath(template)
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        with contextlib.suppress(OSError):
            if Path(os.path.realpath(frame.filename)).is_relative_to(folder):
                return frame.filename, frame.lineno or 0
    return None
