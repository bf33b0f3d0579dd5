"""``readiness validate``: check that plans follow the format, without judging them."""

from __future__ import annotations

from readiness.cli import common
from readiness.cli.common import (
    AllowEmptyOption,
    ConfigOption,
    DebugOption,
    MaxSizeOption,
    Plans,
    PlansOnlyOption,
    QuietOption,
    RubricOption,
    StdinNameOption,
)


def validate(
    plans: Plans = None,
    rubric: RubricOption = None,
    config: ConfigOption = None,
    max_size: MaxSizeOption = None,
    plans_only: PlansOnlyOption = False,
    allow_empty: AllowEmptyOption = False,
    stdin_name: StdinNameOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Check that plans follow the format, without judging them: exit 0 or 2.

    PLAN: plan files, folders of plans, or glob patterns ('plans/**/*.yaml'); - reads a plan
    from standard input. After --, every name is a plan file, even one starting with -.
    """
    from readiness.errors import InputError, Problem
    from readiness.plan.load import load_plan
    from readiness.rubric.ids import criterion_ids

    settings = common.config(config)
    max_bytes = common.max_bytes(max_size, settings)
    found = common.search(
        plans, settings, plans_only, allow_empty, max_bytes, stdin_name, quiet
    ).plans
    if not found:
        return
    known = criterion_ids(common.rubric_path(rubric, settings))
    problems: list[Problem] = []
    for plan in found:
        try:
            load_plan(plan.path, plan.display, max_bytes, known)
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    count = len(found)
    if not quiet:
        common.out(f"{count} plan{'s' if count != 1 else ''} valid.\n")
