"""The starter plan ``readiness init`` writes: every section, commented, dated from today.

Every example in it is marked as one (``readiness.plan.examples`` finds them), so an unedited
starter validates but is never evidence, nor is an example uncommented with its note left in
place. Made real all together, the examples are a plausible plan: its budget pays for the
support it describes at the rubric's prices (FD-01).
"""

from __future__ import annotations

import shlex
from datetime import date, timedelta
from importlib.resources import files
from string import Template

from readiness.plan.types import add_months

_SHOWN_FALLBACK = "plan.yaml"


def _shown(path: str) -> str:
    """The path as the header's command shows it: one line of the comment, quoted for a shell.

    A path that could end the comment (a line break) or add a note to it (``#``) is not shown.
    """
    if not path or not path.isprintable() or "#" in path:
        return _SHOWN_FALLBACK
    return shlex.quote(path)


def starter_plan(shown_as: str, today: date) -> str:
    """The starter plan's text, its dates a few months ahead of ``today``."""
    start = add_months(today.replace(day=1), 2)
    wave2 = add_months(start, 9)
    text = files("readiness").joinpath("templates").joinpath("starter-plan.yaml").read_text("utf-8")
    return Template(text).substitute(
        path=_shown(shown_as),
        start=start.isoformat(),
        end=(add_months(start, 36) - timedelta(days=1)).isoformat(),
        reviewed=add_months(start, -6).strftime("%Y-%m"),
        session=add_months(start, -2).isoformat(),
        signed=(start - timedelta(days=14)).isoformat(),
        trained_by=add_months(start, 1).isoformat(),
        wave1=add_months(start, 2).isoformat(),
        wave2=wave2.isoformat(),
        wave2_managers=add_months(wave2, -1).isoformat(),
        until=add_months(start, 12).isoformat(),
    )
