"""The starter plan ``readiness init`` writes: every section, commented, dated from today."""

from __future__ import annotations

from datetime import date, timedelta
from importlib.resources import files
from string import Template

from readiness.plan.types import add_months


def starter_plan(shown_as: str, today: date) -> str:
    """The starter plan's text, its dates a few months ahead of ``today``."""
    start = add_months(today.replace(day=1), 2)
    text = files("readiness").joinpath("templates").joinpath("starter-plan.yaml").read_text("utf-8")
    return Template(text).substitute(
        path=shown_as,
        start=start.isoformat(),
        end=(add_months(start, 36) - timedelta(days=1)).isoformat(),
        reviewed=add_months(start, -6).strftime("%Y-%m"),
        wave1=add_months(start, 2).isoformat(),
        wave2=add_months(start, 9).isoformat(),
        signed=(start - timedelta(days=14)).isoformat(),
        trained_by=add_months(start, 1).isoformat(),
        until=add_months(start, 12).isoformat(),
    )
