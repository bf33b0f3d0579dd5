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
    JsonVersionOption,
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
    from readiness.errors import InputError, Problem
    from readiness.outcomes import Outcome
    from readiness.rubric.rubric import Rubric


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
    json_version: JsonVersionOption = None,
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
    from readiness.audit.many import default_jobs, outcomes_only, slim, worked
    from readiness.audit.run import AuditOptions
    from readiness.cli.emit import Outputs, emit
    from readiness.cli.outputs import plan_targets, refuse_reads

    chosen = common.choice(format, tuple(AUDIT_FORMATS), "--format") if format else None
    targets = plan_targets(output or [], chosen)
    stdout_format = chosen or "terminal"
    guard = _Guard(plans or [], None if quiet else stdout_format, targets, rubric, baseline)
    with guard.watch():
        settings = guard.settings = common.config(config)
        if show_config:
            from readiness.cli.inspect import Given
            from readiness.cli.inspect import show_config as show

            if list_files:
                raise common.usage("give --show-config or --list-files, not both")
            show(settings, Given(rubric, min_band, fail_under, max_size, as_of, jobs), config)
            return
        score = common.number(fail_under, "--fail-under", "give a score from 0 to 100, such as 60")
        options = guard.options = AuditOptions(
            as_of=common.as_of(as_of),
            min_band=common.band(
                min_band if min_band is not None else settings.min_band or "developing"
            ),
            fail_under=common.fail_under(score if score is not None else settings.fail_under),
            max_bytes=common.max_bytes(max_size, settings),
            ignore_waivers=ignore_waivers,
        )
        workers = common.whole_number(
            jobs, "--jobs", "give how many plans to audit at once, such as 2"
        )
        if workers is not None and workers < 1:
            raise common.usage(
                f"--jobs: {workers} is not a number of plans to audit at once (1 or more)"
            )
        colour = common.color(color)
        layout = common.json_version(json_version)
        extra = _baseline_targets(baseline, write_baseline, targets)
        template_dir = common.template(template)
    with guard.watch(about_plans=True):
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
    refuse_reads([*targets, *extra], [*reads, *guard.baseline_read()])
    with guard.watch():
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
    files = [(f.path, f.display) for f in found]
    passed = emit(
        _header(loaded_rubric, options),
        len(found),
        lambda pieces, lean, commission: worked(
            files,
            loaded_rubric,
            options._replace(where=not summary_only, commission=commission),
            workers or default_jobs(),
            slim if summary_only else outcomes_only if lean else (lambda plan: plan),
            pieces,
        ),
        Outputs(
            None if quiet else stdout_format,
            targets,
            template_dir,
            timeline,
            colour,
            None if known is None or baseline is None else (baseline, known),
            extra[0] if extra else None,
            stdout_format == "github",
            layout,
        ),
    )
    if not passed and soft_fail and not quiet:
        import sys

        sys.stderr.write("readiness: --soft-fail: the exit code is 0 although a plan falls short\n")
    raise typer.Exit(0 if passed or soft_fail else EXIT_FELL_SHORT)


def _header(rubric: Rubric, options: AuditOptions) -> AuditResult:
    from readiness.audit.many import header

    return header(rubric, options)


def _baseline_targets(read: str | None, write: str | None, targets: list[Target]) -> list[Target]:
    """The baseline file to write, checked like a report before any work is done."""
    from readiness.cli.outputs import plan_targets

    if write is None:
        return []
    if read is not None and os.path.realpath(read) == os.path.realpath(write):
        raise common.usage(
            "--write-baseline would replace the baseline this run reads", "write it to another file"
        )
    if any(os.path.realpath(t.path) == os.path.realpath(write) for t in targets):
        raise common.usage(
            f"--write-baseline and --output both name '{write}'", "write them to different files"
        )
    return plan_targets([write], "json", what="the baseline")


def _read_baseline(path: str | None) -> dict[str, dict[str, Outcome]] | None:
    if path is None:
        return None
    from pathlib import Path

    from readiness.cli.baseline import read

    return read(Path(path))


class _Guard:
    """Input that cannot be used before any plan is audited (a missing file, a folder that
    cannot be read, a broken settings file, rubric or baseline) still reaches the CI formats:
    a plan that cannot be found as a finding about the plan, anything else as a problem of the
    run. No report is then written over a file named on the command line, the settings file,
    the rubric, the baseline, or any file a problem names."""

    def __init__(
        self,
        plans: list[str],
        printed: str | None,
        targets: list[Target],
        rubric: str | None,
        baseline: str | None,
    ) -> None:
        self.plans = plans
        self.printed = printed
        self.targets = targets
        self.rubric = rubric
        self.baseline = baseline
        self.settings: Config | None = None
        self.options: AuditOptions | None = None

    def baseline_read(self) -> list[Read]:
        from pathlib import Path

        from readiness.cli.outputs import Read

        return [] if self.baseline is None else [Read("the baseline", Path(self.baseline))]

    @contextlib.contextmanager
    def watch(self, about_plans: bool = False) -> Iterator[None]:
        from readiness.cli.emit import Outputs
        from readiness.errors import InputError

        try:
            yield
        except InputError as exc:
            if not Outputs(self.printed, self.targets).carries_problems():
                raise
            self._report(exc, about_plans)
            raise

    def _report(self, exc: InputError, about_plans: bool) -> None:
        """Write the CI formats with the problems; nothing if that would replace a file the
        run reads."""
        from datetime import date
        from pathlib import Path

        from readiness.audit.run import AuditOptions
        from readiness.cli.emit import Outputs, emit
        from readiness.cli.outputs import Read, refuse_reads
        from readiness.cli.settings import Config
        from readiness.errors import InputError

        settings = self.settings or Config(None)
        named = [*self.plans, *(p.file for p in exc.problems)]
        reads = [Read("a file named", Path(name)) for name in named if os.path.isfile(name)]
        reads += _reads([], settings, common.rubric_path(self.rubric, settings), None)
        reads += self.baseline_read()
        try:
            refuse_reads(self.targets, reads)
        except InputError:
            return
        problems = list(exc.problems) if about_plans else [_of_the_run(p) for p in exc.problems]
        options = self.options or AuditOptions(as_of=date.today())
        with contextlib.suppress(InputError):  # the problems are reported as they are
            emit(
                _header(_any_rubric(settings, self.rubric), options),
                0,
                lambda pieces, lean, commission: [(problems, None)],
                Outputs(self.printed, self.targets),
            )


def _of_the_run(problem: Problem) -> Problem:
    """A problem that is not about a plan (the settings file, the rubric, the baseline): its
    place goes into its words, so CI formats report it as the run's, not as a plan's."""
    from readiness.errors import Problem

    place = common.display(problem.file) if problem.file else ""
    if place and problem.line:
        place += f":{problem.line}:{problem.column}"
    message = f"{place}: {problem.message}" if place else problem.message
    return Problem(message, hint=problem.hint)


def _any_rubric(settings: Config, rubric: str | None) -> Rubric:
    """The chosen rubric if it loads, else the shipped one: for the rules SARIF lists."""
    from readiness.errors import InputError
    from readiness.rubric.load import load_rubric

    try:
        return common.rubric(rubric, settings)
    except InputError:
        return load_rubric(None, None)


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
