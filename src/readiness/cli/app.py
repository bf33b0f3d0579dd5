"""The ``readiness`` app: every command registered under its name, and the app a command
line needs (just the command asked for, so start-up does not pay for the others)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from readiness import __version__
from readiness.cli import audit, common, diff, explain, init, interview, rubric, schema, validate

_APP_SETTINGS: dict[str, Any] = {
    # typer's own: readiness --install-completion (bash, zsh, fish, PowerShell)
    "add_completion": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "no_args_is_help": True,
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "help": "Audit commissioning plans for trauma-informed practice: is each plan ready to turn "
    "training into practice? Checks a plan against the five levers, scores it, and writes a "
    "gap report a board can read and a CI job can gate on.",
}
app = typer.Typer(**_APP_SETTINGS)


def _version(value: bool) -> None:
    if value:
        print(f"readiness {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """readiness: is the plan ready to turn training into practice?"""


app.callback()(_root)
for command in (
    audit.audit,
    validate.validate,
    schema.schema,
    diff.diff,
    explain.explain,
    init.init,
    interview.interview,
):
    app.command(cls=common.Command)(command)
app.add_typer(rubric.rubric_app, name="rubric")


def app_for(argv: list[str]) -> typer.Typer:
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
