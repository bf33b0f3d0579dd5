"""What the commands share: their common options, how a value from the command line is
checked, the settings file, plan discovery, the rubric, and printing.

Over 200 lines: the options every command shares and the few helpers that check their
values; each is short.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from readiness.outcomes import BANDS
from readiness.reporters import Formats, names, suffixes

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date
    from pathlib import Path

    from readiness.audit.discover import Discovery, Found
    from readiness.cli.settings import Config
    from readiness.outcomes import Band
    from readiness.reporters import RenderOptions
    from readiness.rubric.rubric import Rubric

EXIT_FELL_SHORT = 1
EXIT_INVALID = 2
EXIT_BUG = 3


class Command(TyperCommand):
    """A command whose usage line names its arguments plainly: ``OLD NEW`` and ``[PATH]``,
    not typer's ``{OLD} {NEW}``; arguments are described in the command's help, since typer
    would show each one's Python type beside it."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [
            piece.replace("{", "").replace("}", "") for piece in super().collect_usage_pieces(ctx)
        ]


def format_option(formats: Formats) -> Any:
    """``--format``, its choices named from the registry."""
    return typer.Option(
        "--format", "-f", metavar="FORMAT", help=f"What to print: {names(formats)}."
    )


def output_option(formats: Formats, what: str) -> Any:
    """``--output``, the suffixes that pick each format named from the registry."""
    return typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help=f"Also write {what} (repeatable); the suffix picks the format: {suffixes(formats)}.",
    )


Plans = Annotated[
    list[str] | None,
    # described in each command's help: typer would show the argument's Python type
    typer.Argument(metavar="PLAN", hidden=True, show_default=False),
]
STDIN = "-"
StdinNameOption = Annotated[
    str | None,
    typer.Option(
        "--stdin-name",
        metavar="NAME",
        help="The name messages and reports give a plan read from standard input (-); "
        "default <stdin>.",
    ),
]
ColorOption = Annotated[
    str | None,
    typer.Option(
        "--color",
        metavar="WHEN",
        help="Colours in the summary: auto (when printing to a terminal; the default), "
        "always or never.",
    ),
]
JsonVersionOption = Annotated[
    str | None,
    typer.Option(
        "--json-version",
        metavar="N",
        help="The JSON report's layout: 2 (the default: the rubric's text once, plans refer "
        "to it by ID) or 1 (the text in every plan; kept for one release).",
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Print nothing on standard output; reports are still written, and problems "
        "still go to standard error.",
    ),
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
        help="Settings file; default: .readiness.yaml here or, in a repository, in a parent "
        "folder up to its root (another user's is refused unless given here).",
    ),
]
MaxSizeOption = Annotated[
    str | None,
    typer.Option(
        "--max-size", metavar="MB", help="Largest plan file to read, in MB (10; at most 100)."
    ),
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
        help="Treat named files as folder searches do: skip those left out by 'exclude' and "
        "YAML files that are not plans, and pass when none is left; for pre-commit.",
    ),
]
AllowEmptyOption = Annotated[
    bool,
    typer.Option(
        "--allow-empty",
        help="Pass when there is no plan to check (a folder without plans, or every plan left "
        "out by 'exclude'); without it, that is an error.",
    ),
]
IgnoreWaiversOption = Annotated[
    bool,
    typer.Option(
        "--ignore-waivers",
        help="Judge every criterion on the plan's facts, as if it had no waivers (strict gates).",
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show the full traceback if readiness itself fails.")
]


def usage(message: str, hint: str = "") -> Exception:
    from readiness.errors import InputError

    return InputError.single(message, hint=hint)


def choice(value: str, choices: tuple[str, ...], option: str) -> str:
    from readiness.wording import suggest

    if value in choices:
        return value
    guess = suggest(value, choices)
    message = f"{option}: '{value}' is not one of {', '.join(choices)}"
    raise usage(message + (f" (did you mean '{guess}'?)" if guess else ""))


def band(value: str) -> Band:
    return choice(value.lower(), BANDS, "--min-band")  # type: ignore[return-value]


def as_of(value: str | None) -> date:
    from datetime import date

    from pydantic_core import PydanticCustomError

    from readiness.plan.types import parse_date

    if value is None:
        return date.today()
    try:
        return parse_date(value)
    except PydanticCustomError as exc:
        raise usage(f"--as-of: {exc.message()}", "write the date as 2027-01-15") from None


def number(value: str | None, option: str, hint: str) -> float | None:
    """An option's number as given (``--fail-under 60``), or ``InputError`` in plain words."""
    import math

    if value is None:
        return None
    try:
        found = float(value.strip().replace("_", ""))
    except ValueError:
        found = math.nan
    if not math.isfinite(found):
        raise usage(f"{option}: '{value}' is not a number", hint)
    return found


def whole_number(value: str | None, option: str, hint: str) -> int | None:
    """An option's whole number (``--jobs 4``), or ``InputError`` in plain words."""
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        raise usage(f"{option}: '{value}' is not a whole number", hint) from None


def fail_under(value: float | None) -> float | None:
    if value is not None and not 0 <= value <= 100:
        raise usage(f"--fail-under: {value:g} is not a score from 0 to 100")
    return value


def color(value: str | None) -> bool | None:
    """``--color``: True (always), False (never) or None (auto: when the output can show it)."""
    if value is None:
        return None
    chosen = choice(value.lower(), ("auto", "always", "never"), "--color")
    return None if chosen == "auto" else chosen == "always"


def json_version(value: str | None) -> int:
    """``--json-version``: the JSON report's ``schema_version``, 2 unless 1 is asked for."""
    if value is None:
        return 2
    return int(choice(value.strip(), ("2", "1"), "--json-version"))


def max_bytes(megabytes: str | float | None, settings: Config) -> int:
    """``--max-size`` in bytes; else the settings file's (checked there), else 10 MB."""
    from readiness.load.source import DEFAULT_MAX_BYTES, MAX_SIZE_MB

    if megabytes is None:
        chosen = settings.max_size_mb
        return DEFAULT_MAX_BYTES if chosen is None else int(chosen * 1024 * 1024)
    if isinstance(megabytes, str):
        megabytes = number(megabytes, "--max-size", "give a size in MB, such as 10") or 0.0
    if not 0 < megabytes <= MAX_SIZE_MB:
        raise usage(f"--max-size: give a size in MB greater than 0 and at most {MAX_SIZE_MB}")
    return int(megabytes * 1024 * 1024)


def config(path: str | None) -> Config:
    """``--config`` as given (whoever owns it), else the one the search finds (settings.py)."""
    from pathlib import Path

    from readiness.cli.settings import find_config, load_config

    if path is not None:
        if not os.path.isfile(path):
            raise usage(f"--config: '{path}' is not a file")
        return load_config(Path(path))
    return load_config(find_config(Path.cwd()))


def search(
    plans: list[str] | None,
    settings: Config,
    plans_only: bool,
    allow_empty: bool = False,
    limit: int | None = None,
    stdin_name: str | None = None,
    quiet: bool = False,
) -> Discovery:
    """The plans to check, and what was left out and why. A run left with none passes only
    with ``--plans-only`` (pre-commit passes every changed YAML file) or ``--allow-empty``;
    otherwise it is an error. ``-`` is a plan read from standard input, named
    ``stdin_name``."""
    from readiness.audit.discover import discover

    if not plans:
        raise usage(
            "name the plans to check",
            "give a plan file or a folder of plans, such as: readiness audit plans/ "
            "(or - to read a plan from standard input)",
        )
    if stdin_name is not None and not stdin_name.strip():
        raise usage("--stdin-name: give a name, such as plans/north.yaml")
    if stdin_name is not None and STDIN not in plans:
        raise usage("--stdin-name names a plan read from standard input: give - as a plan too")
    size = max_bytes(None, settings) if limit is None else limit
    found = discover(
        [p for p in plans if p != STDIN],
        settings.exclude,
        settings.root,
        plans_only,
        max_bytes=size,
        allow_empty=allow_empty or STDIN in plans,
    )
    if STDIN in plans:
        found = found._replace(plans=[_from_stdin(stdin_name or "<stdin>", size), *found.plans])
    if not found.plans:
        why = _none_left(found.excluded, found.not_plans, settings)
        if not (plans_only or allow_empty):
            raise usage(
                f"no plans to check ({why})",
                "name a plan file to check it anyway, or pass --allow-empty if a run that "
                "finds no plan should pass",
            )
        if not quiet:
            out(f"No plans to check ({why}).\n")
    return found


def _from_stdin(name: str, size: int) -> Found:
    """The plan on standard input, kept in a private temporary file for the run (removed
    when the process ends), so that it is read like any other plan."""
    import atexit
    import shutil
    import tempfile
    from pathlib import Path

    from readiness.audit.discover import Found

    if sys.stdin is None or sys.stdin.isatty():
        raise usage(
            "- reads a plan from standard input, but nothing is piped in",
            "pipe a plan in (readiness audit - < plan.yaml), or name the file",
        )
    binary = getattr(sys.stdin, "buffer", None)
    data = binary.read(size + 1) if binary is not None else sys.stdin.read(size + 1).encode()
    if len(data) > size:
        from readiness.load.source import describe_size

        raise usage(
            f"the plan on standard input is larger than the {describe_size(size)} limit",
            "raise the limit with --max-size",
        )
    folder = tempfile.mkdtemp(prefix="readiness-stdin-")
    atexit.register(shutil.rmtree, folder, True)
    path = Path(folder, "plan.yaml")
    path.write_bytes(data)
    return Found(path, name)


def _none_left(excluded: int, not_plans: int, settings: Config) -> str:
    reasons = []
    if excluded:
        shown = "" if settings.path is None else display(str(settings.path))
        reasons.append(f"{excluded} left out by 'exclude' in {shown}")
    if not_plans:
        are = "YAML file is not a plan" if not_plans == 1 else "YAML files are not plans"
        reasons.append(f"{not_plans} {are}")
    return "; ".join(reasons) or "none found"


def display(path: str) -> str:
    from pathlib import Path

    from readiness.audit.discover import display_name

    return display_name(Path(path)) if Path(path).exists() else path


def template(path: str | None) -> Path | None:
    from pathlib import Path

    if path is None:
        return None
    if not Path(path).is_dir():
        raise usage(f"--template: '{path}' is not a folder")
    return Path(path)


def rubric_path(path: str | None, settings: Config) -> Path | None:
    from pathlib import Path

    return Path(path) if path is not None else settings.rubric


def rubric(path: str | None, settings: Config) -> Rubric:
    chosen = rubric_path(path, settings)
    from readiness.rubric.load import load_rubric

    return load_rubric(chosen, None if chosen is None else chosen.as_posix())


MIN_WIDTH, MAX_WIDTH = 60, 200


def terminal_width() -> int | None:
    """The width to fit text to: the terminal's (or COLUMNS), within 60 to 200; None when the
    output is not a terminal and COLUMNS is not set (CI logs and pipes are not wrapped)."""
    import shutil

    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        return None
    columns = shutil.get_terminal_size((100, 24)).columns
    return min(MAX_WIDTH, max(MIN_WIDTH, columns))


def fit(text: str, width: int | None = None) -> str:
    """Text whose long lines are wrapped at whole words to the terminal's width, each keeping
    its indent; a table row wraps under its last column."""
    import re
    import textwrap

    width = width or terminal_width()
    if width is None:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip(" "))
        columns = [m.end() for m in re.finditer(r"\S {2,}(?=\S)", line)]
        hang = columns[-1] if columns and columns[-1] < width - 12 else indent
        if hang == indent:
            columns = []
        out.extend(
            textwrap.wrap(
                line.strip(),
                width=width,
                initial_indent=line[:indent] if not columns else "",
                subsequent_indent=" " * hang,
                break_long_words=False,
                break_on_hyphens=False,
            )
            if not columns
            else _wrap_row(line, width, hang)
        )
    return "\n".join(out)


def _wrap_row(line: str, width: int, hang: int) -> list[str]:
    import textwrap

    head, tail = line[:hang], line[hang:]
    return textwrap.wrap(
        tail,
        width=width,
        initial_indent=head,
        subsequent_indent=" " * hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [line]


def out(pieces: str | Iterator[str]) -> None:
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


def root_and_cwd() -> tuple[str, str]:
    """The repository's root (else the working folder) and the working folder, absolute:
    CI formats locate plans from the root, wherever in the repository the run started."""
    from pathlib import Path

    from readiness.cli.settings import repository_root

    try:
        cwd = Path.cwd().resolve()
        root = repository_root(cwd) or cwd
    except OSError:  # a deleted working folder: paths stay as they are shown
        return "", ""
    return root.as_posix(), cwd.as_posix()


def report_options(template: Path | None = None) -> RenderOptions:
    """Options for report files: plans located from the repository's root."""
    from readiness.reporters import RenderOptions

    root, cwd = root_and_cwd()
    return RenderOptions(template_dir=template, root=root, cwd=cwd)


def stdout_options(
    template: Path | None = None, timeline: bool = False, colour: bool | None = None
) -> RenderOptions:
    """Options for what is printed; ``colour`` True or False forces colours on or off
    (``--color``), None leaves it to the terminal, ``NO_COLOR`` and ``FORCE_COLOR``."""
    from readiness.reporters import RenderOptions

    tty = sys.stdout.isatty()
    color = (tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb") or bool(
        os.environ.get("FORCE_COLOR")
    )
    if colour is not None:
        color = colour
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    width = terminal_width() or 100
    root, cwd = root_and_cwd()
    return RenderOptions(
        color=color,
        unicode=encoding in ("utf8", "utf16"),
        width=width,
        template_dir=template,
        timeline=timeline,
        root=root,
        cwd=cwd,
    )
