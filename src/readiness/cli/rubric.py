"""``readiness rubric list|check|docs``: list, check and document rubrics."""

from __future__ import annotations

from typing import Annotated

import typer

from readiness.cli import common
from readiness.cli.common import ConfigOption, DebugOption, RubricOption

rubric_app = typer.Typer(
    add_completion=False,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="List, check and document rubrics.",
)


@rubric_app.command("list", cls=common.Command)
def rubric_list(
    rubric: RubricOption = None, config: ConfigOption = None, debug: DebugOption = False
) -> None:
    """Every criterion of the active rubric: ID, lever, title, weight, cap."""
    from readiness.reporters.criteria import listing

    common.out(common.fit(listing(common.rubric(rubric, common.config(config)))))


@rubric_app.command("check", cls=common.Command)
def rubric_check(
    file: Annotated[str, typer.Argument(metavar="FILE", hidden=True)],
    debug: DebugOption = False,
) -> None:
    """Check a rubric file (one that extends the default, or a whole one): exit 0 or 2.

    FILE is the rubric file to check.
    """
    from pathlib import Path

    from readiness.reporters.escape import log_line
    from readiness.rubric.load import load_rubric

    checked = load_rubric(Path(file), file)
    common.out(
        log_line(f"{file}: valid rubric {checked.id} v{checked.version}, ")
        + f"{len(checked.criteria)} criteria, sha256 {checked.sha256[:12]}.\n"
    )


@rubric_app.command("docs", cls=common.Command)
def rubric_docs(
    rubric: RubricOption = None, config: ConfigOption = None, debug: DebugOption = False
) -> None:
    """The criteria reference in Markdown, generated from the rubric data."""
    from readiness.reporters.criteria import reference

    common.out(reference(common.rubric(rubric, common.config(config))))
