"""The Markdown gap report for a board: verdict first, levers, gaps, waivers, method."""

from __future__ import annotations

from typing import Any

from readiness.reporters import RenderOptions
from readiness.reporters.common import (
    BAND_MEANING,
    BAND_TITLE,
    OUTCOME_TITLE,
    gaps,
    rating,
    waived,
)
from readiness.reporters.templating import render_template
from readiness.result import AuditResult


def render(result: AuditResult, options: RenderOptions) -> str:
    return render_template("report.md.j2", context(result), options.template_dir, autoescape=False)


def context(result: AuditResult) -> dict[str, Any]:
    return {
        "result": result,
        "rubric": result.rubric,
        "plans": result.plans,
        "band_title": BAND_TITLE,
        "band_meaning": BAND_MEANING,
        "outcome_title": {o.value: t for o, t in OUTCOME_TITLE.items()},
        "gaps": gaps,
        "waived": waived,
        "rating": rating,
    }
