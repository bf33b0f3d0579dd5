"""``readiness diff``: compare two versions of a plan."""

from __future__ import annotations

from typing import Annotated

import typer

from readiness.cli import common
from readiness.cli.common import (
    ConfigOption,
    DebugOption,
    IgnoreWaiversOption,
    MaxSizeOption,
    RubricOption,
)
from readiness.reporters import DIFF_FORMATS


def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", hidden=True)],
    new: Annotated[str, typer.Argument(metavar="NEW", hidden=True)],
    format: Annotated[str | None, common.format_option(DIFF_FORMATS)] = None,
    output: Annotated[list[str] | None, common.output_option(DIFF_FORMATS, "the diff")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE", help="Treat this date as today.")
    ] = None,
    rubric: RubricOption = None,
    config: ConfigOption = None,
    max_size: MaxSizeOption = None,
    ignore_waivers: IgnoreWaiversOption = False,
    debug: DebugOption = False,
) -> None:
    """Compare two versions of a plan: score, band, and every criterion that changed.

    OLD is the earlier version of the plan, NEW the later one.
    """
    from pathlib import Path

    from readiness.audit.diff import compare
    from readiness.audit.many import audit_many
    from readiness.audit.run import AuditOptions
    from readiness.cli.outputs import Read, plan_targets, refuse_reads, write_all

    settings = common.config(config)
    chosen = common.choice(format, tuple(DIFF_FORMATS), "--format") if format else None
    targets = plan_targets(output or [], chosen, DIFF_FORMATS, what="the diff")
    options = AuditOptions(
        as_of=common.as_of(as_of),
        max_bytes=common.max_bytes(max_size, settings),
        ignore_waivers=ignore_waivers,
    )
    rubric_path = common.rubric_path(rubric, settings)
    reads = [Read("the plan", Path(old)), Read("the plan", Path(new))]
    reads += [Read("the settings file", p) for p in (settings.path,) if p is not None]
    reads += [Read("the rubric", p) for p in (rubric_path,) if p is not None]
    refuse_reads(targets, reads, what="the diff")
    plans = [(Path(p), common.display(p)) for p in (old, new)]
    result = audit_many(plans, common.rubric(rubric, settings), options)
    changes = compare(*result.plans)
    printed = DIFF_FORMATS[chosen or "terminal"].load()(changes)
    write_all([(t, DIFF_FORMATS[t.format].load()(changes)) for t in targets])
    common.out(common.fit(printed) if (chosen or "terminal") == "terminal" else printed)
