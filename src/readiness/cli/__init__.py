"""The command line. The only module that prints, reads the environment or chooses exit codes.

Each command imports what it needs when it runs, so ``--version`` and ``--help`` stay fast.
Errors are mapped to exit codes in one place, ``main``: 2 for input the tool cannot use,
3 for a bug (one line; the traceback only with ``--debug``).
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from readiness import __version__
from readiness.outcomes import BANDS
from readiness.reporters import REPORTERS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date
    from pathlib import Path

    from readiness.audit.discover import Found
    from readiness.audit.result import AuditResult
    from readiness.cli.outputs import Target
    from readiness.cli.settings import Config
    from readiness.outcomes import Band
    from readiness.reporters import RenderOptions
    from readiness.rubric.rubric import Rubric

FORMATS = tuple(REPORTERS)
EXIT_FELL_SHORT = 1
EXIT_INVALID = 2
EXIT_BUG = 3

_APP_SETTINGS: dict[str, Any] = {
    "add_completion": False,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "no_args_is_help": True,
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "help": "Audit commissioning plans for trauma-informed practice: is each plan ready to turn "
    "training into practice? Checks a plan against the five levers, scores it, and writes a "
    "gap report a board can read and a CI job can gate on.",
}
app = typer.Typer(**_APP_SETTINGS)

Plans = Annotated[
    list[str],
    typer.Argument(metavar="PLAN...", help="Plan files, folders of plans, or glob patterns."),
]
RubricOption = Annotated[
    str | None,
    typer.Option("--rubric", metavar="FILE", help="Judge against this rubric file."),
]
ConfigOption = Annotated[
    str | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Settings file; default: .readiness.yaml here or in a parent folder.",
    ),
]
MaxSizeOption = Annotated[
    float | None,
    typer.Option("--max-size", metavar="MB", help="Largest plan file to read, in MB (10)."),
]
TemplateOption = Annotated[
    str | None,
    typer.Option(
        "--template",
        metavar="DIR",
        help="A folder of Jinja templates (report.md.j2, report.html.j2) to use instead of "
        "the shipped ones; they run sandboxed.",
    ),
]
PlansOnlyOption = Annotated[
    bool,
    typer.Option(
        "--plans-only",
        help="Skip named YAML files that are not plans (no top-level 'readiness:' key), "
        "as folder searches do; for pre-commit.",
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show the full traceback if readiness itself fails.")
]


def _version(value: bool) -> None:
    if value:
        print(f"readiness {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """readiness: is the plan ready to turn training into practice?"""


@app.command()
def audit(
    plans: Plans,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help=f"What to print: {', '.join(FORMATS)}."),
    ] = None,
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            help="Also write a report (repeatable); the suffix picks the format: "
            ".md, .json, .sarif, .xml (JUnit), .txt.",
        ),
    ] = None,
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
    from readiness.audit.many import audit_many, default_jobs, slim
    from readiness.audit.run import AuditOptions
    from readiness.cli.outputs import plan_targets

    settings = _config(config)
    chosen = _choice(format, FORMATS, "--format") if format else None
    options = AuditOptions(
        as_of=_as_of(as_of),
        min_band=_band(min_band or settings.min_band or "developing"),
        fail_under=_fail_under(fail_under if fail_under is not None else settings.fail_under),
        max_bytes=_max_bytes(max_size, settings),
    )
    targets = plan_targets(output or [], chosen)
    found = _discover(plans, settings, plans_only)
    if not found:
        return
    loaded_rubric = _rubric(rubric, settings)
    if jobs is not None and jobs < 1:
        raise _usage(f"--jobs: {jobs} is not a number of plans to audit at once (1 or more)")
    # one line per plan is all a many-plan summary shows: work out and keep no more
    summary_only = not targets and (chosen or "terminal") == "terminal" and len(found) > 1
    result = audit_many(
        [(f.path, f.display) for f in found],
        loaded_rubric,
        options._replace(where=not summary_only),
        jobs=jobs or default_jobs(),
        keep=slim if summary_only else (lambda plan: plan),
    )
    _emit(result, chosen or "terminal", targets, _template(template))
    raise typer.Exit(0 if result.passed else EXIT_FELL_SHORT)


@app.command()
def validate(
    plans: Plans,
    rubric: RubricOption = None,
    config: ConfigOption = None,
    max_size: MaxSizeOption = None,
    plans_only: PlansOnlyOption = False,
    debug: DebugOption = False,
) -> None:
    """Check that plans follow the format, without judging them: exit 0 or 2."""
    from readiness.errors import InputError, Problem
    from readiness.plan.load import load_plan
    from readiness.rubric.ids import criterion_ids

    settings = _config(config)
    max_bytes = _max_bytes(max_size, settings)
    found = _discover(plans, settings, plans_only)
    if not found:
        return
    known = criterion_ids(_rubric_path(rubric, settings))
    problems: list[Problem] = []
    for plan in found:
        try:
            load_plan(plan.path, plan.display, max_bytes, known)
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    count = len(found)
    _out(f"{count} plan{'s' if count != 1 else ''} valid.\n")


@app.command()
def schema(
    which: Annotated[
        str,
        typer.Argument(
            metavar="[plan|report]", help="The plan format (default) or the JSON report."
        ),
    ] = "plan",
    debug: DebugOption = False,
) -> None:
    """Print a JSON Schema: the plan format (for editors) or the JSON report."""
    import json

    name = _choice(which, ("plan", "report"), "schema")
    if name == "plan":
        from readiness.plan.schema import plan_schema as make
    else:
        from readiness.reporters.json_report import schema as make
    _out(json.dumps(make(), indent=2, ensure_ascii=False) + "\n")


@app.command()
def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier version of the plan.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later version of the plan.")],
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="What to print: terminal, markdown, json."),
    ] = None,
    output: Annotated[
        list[str] | None,
        typer.Option("--output", "-o", help="Also write the diff (repeatable): .md, .json, .txt."),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE", help="Treat this date as today.")
    ] = None,
    rubric: RubricOption = None,
    config: ConfigOption = None,
    max_size: MaxSizeOption = None,
    debug: DebugOption = False,
) -> None:
    """Compare two versions of a plan: score, band, and every criterion that changed."""
    from pathlib import Path

    from readiness.audit.diff import compare
    from readiness.audit.many import audit_many
    from readiness.audit.run import AuditOptions
    from readiness.cli.outputs import plan_targets, write_atomic
    from readiness.reporters.diff_report import FORMATS as DIFF_FORMATS

    settings = _config(config)
    chosen = _choice(format, tuple(DIFF_FORMATS), "--format") if format else None
    formats = {name: suffixes for name, (_, suffixes) in DIFF_FORMATS.items()}
    targets = plan_targets(output or [], chosen, formats)
    options = AuditOptions(as_of=_as_of(as_of), max_bytes=_max_bytes(max_size, settings))
    plans = [(Path(p), _display(p)) for p in (old, new)]
    result = audit_many(plans, _rubric(rubric, settings), options)
    changes = compare(*result.plans)
    for target in targets:
        write_atomic(target.path, DIFF_FORMATS[target.format][0](changes))
    _out(DIFF_FORMATS[chosen or "terminal"][0](changes))


@app.command()
def explain(
    criterion: Annotated[str, typer.Argument(metavar="ID", help="A criterion ID, e.g. RP-01.")],
    rubric: RubricOption = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Explain a criterion: why it matters, how it is judged, what to commission."""
    from readiness.reporters.criteria import explain as explain_text

    settings = _config(config)
    active = _rubric(rubric, settings)
    wanted = criterion.strip().upper()
    found = active.criterion(wanted)
    if found is None:
        raise _unknown_criterion(wanted, active)
    _out(explain_text(active, found))


rubric_app = typer.Typer(
    add_completion=False,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="List, check and document rubrics.",
)
app.add_typer(rubric_app, name="rubric")


@rubric_app.command("list")
def rubric_list(
    rubric: RubricOption = None, config: ConfigOption = None, debug: DebugOption = False
) -> None:
    """Every criterion of the active rubric: ID, lever, title, weight, cap."""
    from readiness.reporters.criteria import listing

    _out(listing(_rubric(rubric, _config(config))))


@rubric_app.command("check")
def rubric_check(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The rubric file to check.")],
    debug: DebugOption = False,
) -> None:
    """Check a rubric file (one that extends the default, or a whole one): exit 0 or 2."""
    from pathlib import Path

    from readiness.rubric.load import load_rubric

    checked = load_rubric(Path(file), file)
    _out(
        f"{file}: valid rubric {checked.id} v{checked.version}, "
        f"{len(checked.criteria)} criteria, sha256 {checked.sha256[:12]}.\n"
    )


@rubric_app.command("docs")
def rubric_docs(
    rubric: RubricOption = None, config: ConfigOption = None, debug: DebugOption = False
) -> None:
    """The criteria reference in Markdown, generated from the rubric data."""
    from readiness.reporters.criteria import reference

    _out(reference(_rubric(rubric, _config(config))))


@app.command()
def init(
    path: Annotated[
        str, typer.Argument(metavar="[PATH]", help="Where to write the plan (plan.yaml).")
    ] = "plan.yaml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    debug: DebugOption = False,
) -> None:
    """Write a starter plan: every section, commented in plain English, ready to edit."""
    from datetime import date
    from pathlib import Path

    from readiness.cli.outputs import plan_targets, write_atomic
    from readiness.plan.starter import starter_plan

    target = Path(path)
    if target.exists() and not force:
        raise _usage(
            f"'{path}' already exists", "choose another name, or add --force to replace it"
        )
    plan_targets([path], "markdown")  # the same checks as for a report: folder, permissions
    write_atomic(target, starter_plan(path, date.today()))
    _out(f"Wrote {path}: replace the example values, then run: readiness audit {path}\n")


# -- helpers ------------------------------------------------------------------------------
def _unknown_criterion(wanted: str, active: Rubric) -> Exception:
    import difflib

    ids = [c.id for c in active.criteria]
    near = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.5)
    hint = f"nearest: {', '.join(near)}; " if near else ""
    return _usage(
        f"'{wanted}' is not a criterion of the rubric ({active.id})",
        hint + "readiness rubric list shows every criterion",
    )


def _usage(message: str, hint: str = "") -> Exception:
    from readiness.errors import InputError

    return InputError.single(message, hint=hint)


def _choice(value: str, choices: tuple[str, ...], option: str) -> str:
    from readiness.wording import suggest

    if value in choices:
        return value
    guess = suggest(value, choices)
    message = f"{option}: '{value}' is not one of {', '.join(choices)}"
    raise _usage(message + (f" (did you mean '{guess}'?)" if guess else ""))


def _band(value: str) -> Band:
    return _choice(value.lower(), BANDS, "--min-band")  # type: ignore[return-value]


def _as_of(value: str | None) -> date:
    from datetime import date

    from pydantic_core import PydanticCustomError

    from readiness.plan.types import parse_date

    if value is None:
        return date.today()
    try:
        return parse_date(value)
    except PydanticCustomError as exc:
        raise _usage(f"--as-of: {exc.message()}", "write the date as 2027-01-15") from None


def _fail_under(value: float | None) -> float | None:
    if value is not None and not 0 <= value <= 100:
        raise _usage(f"--fail-under: {value:g} is not a score from 0 to 100")
    return value


def _max_bytes(megabytes: float | None, settings: Config) -> int:
    """``--max-size`` in bytes; else the settings file's (checked there), else 10 MB."""
    from readiness.load.source import DEFAULT_MAX_BYTES, MAX_SIZE_MB

    if megabytes is None:
        chosen = settings.max_size_mb
        return DEFAULT_MAX_BYTES if chosen is None else int(chosen * 1024 * 1024)
    if not 0 < megabytes <= MAX_SIZE_MB:
        raise _usage(f"--max-size: give a size in MB greater than 0 and at most {MAX_SIZE_MB}")
    return int(megabytes * 1024 * 1024)


def _config(path: str | None) -> Config:
    from pathlib import Path

    from readiness.cli.settings import find_config, load_config

    if path is not None:
        if not Path(path).is_file():
            raise _usage(f"--config: '{path}' is not a file")
        return load_config(Path(path))
    return load_config(find_config(Path.cwd()))


def _discover(plans: list[str], settings: Config, plans_only: bool) -> list[Found]:
    from readiness.audit.discover import discover

    found = discover(plans, settings.exclude, settings.root, plans_only)
    if not found.plans:
        why = f"{found.excluded} excluded by {settings.path}" if found.excluded else "none given"
        _out(f"No plans to check ({why}).\n")
    return found.plans


def _display(path: str) -> str:
    from pathlib import Path

    from readiness.audit.discover import display_name

    return display_name(Path(path)) if Path(path).exists() else path


def _template(path: str | None) -> Path | None:
    from pathlib import Path

    if path is None:
        return None
    if not Path(path).is_dir():
        raise _usage(f"--template: '{path}' is not a folder")
    return Path(path)


def _rubric_path(path: str | None, settings: Config) -> Path | None:
    from pathlib import Path

    return Path(path) if path is not None else settings.rubric


def _rubric(path: str | None, settings: Config) -> Rubric:
    chosen = _rubric_path(path, settings)
    from readiness.rubric.load import load_rubric

    return load_rubric(chosen, None if chosen is None else chosen.as_posix())


def _emit(
    result: AuditResult, stdout_format: str, targets: list[Target], template: Path | None
) -> None:
    """Render every report from the one result; files first, so stdout comes last."""
    from readiness.cli.outputs import write_atomic
    from readiness.reporters import RenderOptions

    options = RenderOptions(template_dir=template)
    texts = [(t.path, REPORTERS[t.format].load()(result, options)) for t in targets]
    printed = REPORTERS[stdout_format].load_stream()(result, _stdout_options(template))
    first = next(printed, "")  # a whole report, unless the format writes a line at a time
    for path, text in texts:  # every report rendered before any is written
        write_atomic(path, text)
    if stdout_format == "github":
        _github_summary(result)
    _out(first)
    _out(printed)  # the summary, a line at a time


def _out(pieces: str | Iterator[str]) -> None:
    """Print to stdout; if the reader stops reading (``| head``), drop the rest quietly.

    The command's work is done by then (reports written), so its exit code still says what
    it found (whether the plans passed, whether they are valid), not that the pipe closed.
    """
    try:
        for piece in [pieces] if isinstance(pieces, str) else pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
    except BrokenPipeError:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # not a real file (tests capture output in memory)
            pass


def _github_summary(result: AuditResult) -> None:
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    from readiness.reporters.github import summary as markdown_summary

    with open(summary, "a", encoding="utf-8") as handle:
        handle.write(markdown_summary(result))


def _stdout_options(template: Path | None = None) -> RenderOptions:
    import shutil

    from readiness.reporters import RenderOptions

    tty = sys.stdout.isatty()
    color = (tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb") or bool(
        os.environ.get("FORCE_COLOR")
    )
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    width = shutil.get_terminal_size((100, 24)).columns if tty else 100
    return RenderOptions(
        color=color, unicode=encoding in ("utf8", "utf16"), width=width, template_dir=template
    )


def _debugging() -> bool:
    return "--debug" in sys.argv[1:] or bool(os.environ.get("READINESS_DEBUG"))


def _app_for(argv: list[str]) -> typer.Typer:
    """The app to run: for a plain command line, one holding just the command asked for.

    Typer builds every registered command's options before it runs any, so running
    ``audit`` would otherwise pay for ``diff``, ``explain`` and the rest on every start.
    Help, completion and anything unusual get the whole app.
    """
    name = argv[1] if len(argv) > 1 else ""
    wanted = next(
        (
            c
            for c in app.registered_commands
            if (c.name or getattr(c.callback, "__name__", "").replace("_", "-")) == name
        ),
        None,
    )
    if wanted is None or any(a in ("-h", "--help") for a in argv[2:]):
        return app
    single = typer.Typer(**_APP_SETTINGS)
    single.callback()(_root)
    single.registered_commands.append(wanted)
    return single


def main() -> None:
    """The ``readiness`` command: run, then end the process without a last garbage collection.

    Python collects every object it made before it exits, which costs a fifth of a short
    run; the operating system frees the memory anyway. Nothing needs collecting by then:
    reports are written and closed, and output is flushed as the interpreter exits.
    """
    try:
        run()
    finally:
        gc.disable()
        gc.freeze()


def run() -> None:
    """Run the app and map every error to its exit code, in one place."""
    from readiness.errors import InputError

    # pydantic looks for plugins in every installed package when it first builds a
    # validator; readiness uses none, and the search costs more than a plan's audit
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # audits make many short-lived objects and few cycles: collect garbage less often
    gc.set_threshold(50_000, 20, 20)

    try:
        _app_for(sys.argv)()
    except InputError as exc:
        from readiness.reporters.problems import format_problems

        sys.stdout.flush()
        sys.stderr.write(format_problems(exc.problems))
        sys.exit(EXIT_INVALID)
    except KeyboardInterrupt:
        sys.stderr.write("readiness: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line
        if _debugging():
            import traceback

            traceback.print_exc()
        else:
            sys.stderr.write(
                f"readiness: internal error ({type(exc).__name__}). This is a bug in readiness: "
                "please report it, with the plan if you can; --debug shows the details.\n"
            )
        sys.exit(EXIT_BUG)
