"""``readiness explain``: why a criterion matters, how it is judged, what to commission."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from readiness.cli import common
from readiness.cli.common import ConfigOption, DebugOption, RubricOption

if TYPE_CHECKING:
    from readiness.rubric.rubric import Rubric


def explain(
    criterion: Annotated[str, typer.Argument(metavar="ID", hidden=True)],
    rubric: RubricOption = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Explain a criterion: why it matters, how it is judged, what to commission.

    ID is the criterion's ID, such as RP-01 (readiness rubric list shows them all).
    """
    from readiness.reporters.criteria import explain as explain_text

    settings = common.config(config)
    active = common.rubric(rubric, settings)
    wanted = criterion.strip().upper()
    found = active.criterion(wanted)
    if found is None:
        raise _unknown_criterion(wanted, active)
    common.out(common.fit(explain_text(active, found)))


def _unknown_criterion(wanted: str, active: Rubric) -> Exception:
    import difflib

    ids = [c.id for c in active.criteria]
    near = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.5)
    hint = f"nearest: {', '.join(near)}; " if near else ""
    return common.usage(
        f"'{wanted}' is not a criterion of the rubric ({active.id})",
        hint + "readiness rubric list shows every criterion",
    )
