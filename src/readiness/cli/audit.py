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
    ColorOption,
    ConfigOption,
    DebugOption,
    IgnoreWaiversOption,
    MaxSizeOption,
    Plans,
    PlansOnlyOption,
    QuietOption,
    RubricOption,
    StdinNameOption,
    TemplateOption,
)
from readiness.outcomes import BANDS
from readiness.reporters import AUDIT_FORMATS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from readiness.audit.discover import Found
    from readiness.audit.result import AuditResult
    from readiness.audit.run import AuditOptions
    from readiness.cli.outputs import Read, Target
    from readiness.cli.settings import Config
    from readiness.errors import InputError
    from readiness.outcomes import Outcome


def audit(
    plans: Plans = None,
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
        str | None,
        typer.Option("--fail-under", metavar="SCORE", help="Also fail a plan scoring below this."),
    ] = None,
    soft_fail: Annotated[
        bool,
        typer.Option(
            "--soft-fail",
            help="Report only: exit 0 even when a plan falls short (a plan that cannot be "
            "read still exits 2).",
        ),
    ] = False,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Fail only on gaps that are new or worse than in this baseline file.",
        ),
    ] = None,
    write_baseline: Annotated[
        str | None,
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            help="Write each plan's outcomes to this file, for --baseline in later runs.",
        ),
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
        str | None,
        typer.Option(
            "--jobs", "-j", metavar="N", help="Plans audited at once (default: the cores)."
        ),
    ] = None,
    stdin_name: StdinNameOption = None,
    quiet: QuietOption = False,
    color: ColorOption = None,
    list_files: Annotated[
        bool,
        typer.Option(
            "--list-files",
            help="List the plans a run would audit, and on standard error what was left out "
            "and why; audit nothing.",
        ),
    ] = False,
    show_config: Annotated[
        bool,
        typer.Option(
            "--show-config",
            help="Show each setting and where it came from (command line, settings file or "
            "default); audit nothing.",
        ),
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Audit plans: print a summary, write reports, exit 1 if a plan falls short.

    PLAN: plan files, folders of plans, or glob patterns ('plans/**/*.yaml'); - reads a plan
    from standard input. After --, every name is a plan file, even one starting with -.
    """
    # Long only in its signature: typer reads each option from it. The body is short.
    from readiness.audit.many import audit_many, default_jobs, slim
    from readiness.audit.run import AuditOptions
    from readiness.cli.outputs import plan_targets, refuse_reads

    settings = common.config(config)
    if show_config:
        from readiness.cli.inspect import Given
        from readiness.cli.inspect import show_config as show

        show(settings, Given(rubric, min_band, fail_under, max_size, as_of, jobs), config)
        return
    chosen = common.choice(format, tuple(AUDIT_FORMATS), "--format") if format else None
    score = common.number(fail_under, "--fail-under", "give a score from 0 to 100, such as 60")
    options = AuditOptions(
        as_of=common.as_of(as_of),
        min_band=common.band(
            min_band if min_band is not None else settings.min_band or "developing"
        ),
        fail_under=common.fail_under(score if score is not None else settings.fail_under),
        max_bytes=common.max_bytes(max_size, settings),
        ignore_waivers=ignore_waivers,
    )
    workers = common.whole_number(jobs, "--jobs", "give how many plans to audit at once, such as 2")
    if workers is not None and workers < 1:
        raise common.usage(
            f"--jobs: {workers} is not a number of plans to audit at once (1 or more)"
        )
    colour = common.color(color)
    targets = plan_targets(output or [], chosen)
    extra = _baseline_targets(baseline, write_baseline)
    template_dir = common.template(template)
    stdout_format = chosen or "terminal"
    with _invalid_input_reported(plans or [], settings, rubric, options, stdout_format, targets):
        search = common.search(
            plans, settings, plans_only, allow_empty, options.max_bytes, stdin_name, quiet
        )
        if list_files:
            from readiness.cli.inspect import list_files as listing

            listing(search, settings)
            return
        found = search.plans
        if not found:
            return
        reads = _reads(found, settings, common.rubric_path(rubric, settings), template_dir)
        refuse_reads([*targets, *extra], reads)
        loaded_rubric = common.rubric(rubric, settings)
        known = _read_baseline(baseline)
    # one line per plan is all a many-plan summary shows: work out and keep no more
    # (a baseline compares every criterion: it needs them all)
    summary_only = (
        not targets
        and stdout_format == "terminal"
        and len(found) > 1
        and baseline is None
        and write_baseline is None
    )
    result = audit_many(
        [(f.path, f.display) for f in found],
        loaded_rubric,
        options._replace(where=not summary_only),
        jobs=workers or default_jobs(),
        keep=slim if summary_only else (lambda plan: plan),
        keep_going=_carries_problems(stdout_format, targets),
    )
    printed = None if quiet else stdout_format
    if result.problems:
        _emit_invalid(result, printed, targets)
    _emit(
        result,
        printed,
        targets,
        template_dir,
        timeline,
        colour,
        _baseline_file(write_baseline, result),
    )
    passed = _gate(result, known, baseline, stdout_format, quiet)
    raise typer.Exit(0 if passed or soft_fail else EXIT_FELL_SHORT)


def _baseline_targets(read: str | None, write: str | None) -> list[Target]:
    """The baseline file to write, checked like a report before any work is done."""
    from readiness.cli.outputs import plan_targets

    if write is None:
        return []
    if read is not None and os.path.realpath(read) == os.path.realpath(write):
        raise common.usage(
            "--write-baseline would replace the baseline this run reads", "write it to another file"
        )
    return plan_targets([write], "json", what="the baseline")


def _read_baseline(path: str | None) -> dict[str, dict[str, Outcome]] | None:
    if path is None:
        return None
    from pathlib import Path

    from readiness.cli.baseline import read

    return read(Path(path))


def _baseline_file(path: str | None, result: AuditResult) -> tuple[Target, str] | None:
    if path is None:
        return None
    from pathlib import Path

    from readiness.cli.baseline import snapshot
    from readiness.cli.outputs import Target

    return Target(Path(path), "baseline"), snapshot(result, common.report_options())


def _gate(
    result: AuditResult,
    known: dict[str, dict[str, Outcome]] | None,
    path: str | None,
    stdout_format: str,
    quiet: bool,
) -> bool:
    """Whether the run passes: every plan reaches the gates, or with a baseline, every plan
    that falls short has no gap that is new or worse. Says which gaps are new or worse."""
    if known is None or path is None:
        return result.passed
    import sys

    from readiness.cli.baseline import compare, passes, said
    from readiness.reporters.escape import log_line

    worse = compare(result, known, common.report_options())
    text = "".join(log_line(line) + "\n" for line in said(worse, path))
    if stdout_format == "terminal" and not quiet:
        common.out(text)
    else:
        sys.stderr.write(text)
    return all(passes(plan, worse) for plan in result.plans)


CI_FORMATS = ("sarif", "junit", "github")
"""Formats that carry a run's problems as findings, so that a plan which cannot be read is
seen in CI: they are written even when the input is invalid (exit 2); board reports, the
JSON report and the terminal summary are not."""


def _carries_problems(stdout_format: str | None, targets: list[Target]) -> bool:
    return stdout_format in CI_FORMATS or any(t.format in CI_FORMATS for t in targets)


def _emit_invalid(result: AuditResult, stdout_format: str | None, targets: list[Target]) -> None:
    """Write the CI formats, carrying the problems, then stop with exit 2 and the problems
    listed on standard error."""
    from readiness.errors import InputError

    _emit(
        result,
        stdout_format if stdout_format in CI_FORMATS else None,
        [t for t in targets if t.format in CI_FORMATS],
        None,
    )
    raise InputError(result.problems)


@contextlib.contextmanager
def _invalid_input_reported(
    plans: list[str],
    settings: Config,
    rubric: str | None,
    options: AuditOptions,
    stdout_format: str | None,
    targets: list[Target],
) -> Iterator[None]:
    """Input that cannot be used before any plan is audited (a missing file, a folder that
    cannot be read, a broken rubric) still reaches the CI formats, as findings; no report may
    replace a file named on the command line, the settings file or the rubric."""
    from readiness.errors import InputError

    try:
        yield
    except InputError as exc:
        if not _carries_problems(stdout_format, targets):
            raise
        from pathlib import Path

        from readiness.cli.outputs import Read, refuse_reads

        reads = [Read("the plan", Path(name)) for name in plans if os.path.isfile(name)]
        reads += _reads([], settings, common.rubric_path(rubric, settings), None)
        try:
            refuse_reads(targets, reads)
        except InputError:
            raise exc from None
        result = _no_plans(exc, settings, rubric, options)
        _emit_invalid(result, stdout_format, targets)


def _no_plans(
    exc: InputError, settings: Config, rubric: str | None, options: AuditOptions
) -> AuditResult:
    """A result holding only the problems: with the chosen rubric if it loads, else the
    shipped one, for the rules SARIF lists."""
    from readiness import __version__
    from readiness.audit.result import AuditResult
    from readiness.errors import InputError
    from readiness.rubric.load import load_rubric

    try:
        loaded = common.rubric(rubric, settings)
    except InputError:
        loaded = load_rubric(None, None)
    return AuditResult(
        tool_version=__version__,
        rubric=loaded,
        as_of=options.as_of,
        min_band=options.min_band,
        fail_under=options.fail_under,
        plans=(),
        problems=exc.problems,
    )


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
    stdout_format: str | None,
    targets: list[Target],
    template: Path | None,
    timeline: bool = False,
    colour: bool | None = None,
    baseline: tuple[Target, str] | None = None,
) -> None:
    """Render every report from the one result, then write them (and the baseline) as a set;
    stdout comes last (nothing is printed when ``stdout_format`` is None)."""
    from readiness.cli.outputs import write_all

    options = common.report_options(template)
    with _user_template(template):
        texts = [(t, AUDIT_FORMATS[t.format].load()(result, options)) for t in targets]
        if baseline is not None:
            texts.append(baseline)
        printed = (
            AUDIT_FORMATS[stdout_format].load_stream()(
                result, common.stdout_options(template, timeline, colour)
            )
            if stdout_format is not None
            else iter(())
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
