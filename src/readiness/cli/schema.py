"""``readiness schema``: print the JSON Schema of the plan format or of the JSON report."""

from __future__ import annotations

from typing import Annotated

import typer

from readiness.cli import common
from readiness.cli.common import DebugOption


def schema(
    which: Annotated[
        str,
        typer.Argument(metavar="WHAT", hidden=True, show_default=False),
    ] = "plan",
    debug: DebugOption = False,
) -> None:
    """Print a JSON Schema: the plan format (for editors) or the JSON report.

    WHAT is plan (the default) or report.
    """
    import json

    name = common.choice(which, ("plan", "report"), "schema")
    if name == "plan":
        from readiness.plan.schema import plan_schema as make
    else:
        from readiness.reporters.json_report import schema as make
    common.out(json.dumps(make(), indent=2, ensure_ascii=False) + "\n")
