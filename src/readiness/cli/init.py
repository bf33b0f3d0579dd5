"""``readiness init``: write a starter plan to edit."""

from __future__ import annotations

from typing import Annotated

import typer

from readiness.cli import common
from readiness.cli.common import DebugOption


def init(
    path: Annotated[
        str, typer.Argument(metavar="PATH", hidden=True, show_default=False)
    ] = "plan.yaml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    debug: DebugOption = False,
) -> None:
    """Write a starter plan: every section, commented in plain English, ready to edit.

    PATH is where to write the plan (default plan.yaml).
    """
    from datetime import date
    from pathlib import Path

    from readiness.cli.outputs import create_new, plan_targets, write_all
    from readiness.plan.starter import starter_plan

    # the checks a report gets (folder, permissions, links), but only a regular file will do
    (target,) = plan_targets([path], "markdown", devices=False, what="the plan")
    text = starter_plan(path, date.today())
    if force:
        write_all([(target, text)])
    elif not create_new(Path(path), text):
        raise common.usage(
            f"'{path}' already exists", "choose another name, or add --force to replace it"
        )
    from readiness.reporters.escape import log_line

    shown = log_line(path)
    common.out(f"Wrote {shown}: replace the example values, then run: readiness audit {shown}\n")
