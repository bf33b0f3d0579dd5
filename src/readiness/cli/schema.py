"""``readiness schema``: print the JSON Schema of the plan format or of the JSON report."""

from __future__ import annotations

from typing import Annotated

import typer

from readiness.cli import common
from readiness.cli.common import DebugOption, JsonVersionOption


def schema(
    which: Annotated[
        str,
        typer.Argument(metavar="WHAT", hidden=True, show_default=False),
    ] = "plan",
    json_version: JsonVersionOption = None,
    debug: DebugOption = False,
) -> None:
    """Print a JSON Schema: the plan format (for editors) or the JSON report.

    WHAT is plan (the default) or report; --json-version 1 gives the older report's schema.
    """
    import json

    name = common.choice(which, ("plan", "report"), "schema")
    version = common.json_version(json_version)
    if name == "plan":
        if json_version is not None:
            raise common.usage("--json-version is about the report: readiness schema report")
        from readiness.plan.schema import plan_schema

        made = plan_schema()
    else:
        from readiness.reporters.json_report import schema as report_schema

        made = report_schema(version)
    common.out(json.dumps(made, indent=2, ensure_ascii=False) + "\n")
