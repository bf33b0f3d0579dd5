"""``readiness audit``: judge plans, print a summary, write reports, exit 1 if one falls short."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from readiness.cli import common
from readiness.cli.common import (
    EXIT_FELL_SHORT,
    ConfigOption,
    DebugOption,
    MaxSizeOption,
    Plans,
    PlansOnlyOption,
    RubricOption,
    TemplateOption,
)
from readiness.outcomes import BANDS
from readiness.reporters import AUDIT_FORMATS

if TYPE_CHECKING:
    from pathlib import Path

    from readiness.audit.result import AuditResult
    from readiness.cli.outputs import Target


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
    from readiness.cli.outputs import plan_targets

    settings = common.config(config)
    chosen = common.choice(format, tuple(AUDIT_FORMATS), "--format") if format else None
    options = AuditOptions(
        as_of=common.as_of(as_of),
        min_band=common.band(min_band or settings.min_band or "developing"),
        fail_under=common.fail_under(fail_under if fail_under is not None else settings.fail_under),
        max_bytes=common.max_bytes(max_size, settings),
    )
    targets = plan_targets(output or [], chosen)
    found = common.discover(plans, settings, plans_only)
    if not found:
        return
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
    _emit(result, chosen or "terminal", targets, common.template(template))
    raise typer.Exit(0 if result.passed else EXIT_FELL_SHORT)


def _emit(
    result: AuditResult, stdout_format: str, targets: list[Target], template: Path | None
) -> None:
    """Render every report from the one result; files first, so stdout comes last."""
    from readiness.cli.outputs import write_atomic
    from readiness.reporters import RenderOptions

    options = RenderOptions(template_dir=template)
    texts = [(t.path, AUDIT_FORMATS[t.format].load()(result, options)) for t in targets]
    printed = AUDIT_FORMATS[stdout_format].load_stream()(result, common.stdout_options(template))
    first = next(printed, "")  # a whole report, unless the format writes a line at a time
    for path, text in texts:  # every report rendered before any is written
        write_atomic(path, text)
    if stdout_format == "github":
        _github_summary(result)
    common.out(first)
    common.out(printed)  # the summary, a line at a time


def _github_summary(result: AuditResult) -> None:
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    from readiness.reporters.github import summary as markdown_summary

    with open(summary, "a", encoding="utf-8") as handle:
        handle.write(markdown_summary(result))
