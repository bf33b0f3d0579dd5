"""``readiness init``: write a starter plan to edit."""

from __future__ import annotations

from typing import Annotated

import typer

from readiness.cli import common
from readiness.cli.common import DebugOption


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
        raise common.usage(
            f"'{path}' already exists", "choose another name, or add --force to replace it"
        )
    plan_targets([path], "markdown")  # the same checks as for a report: folder, permissions
    write_atomic(target, starter_plan(path, date.today()))
    common.out(f"Wrote {path}: replace the example values, then run: readiness audit {path}\n")
