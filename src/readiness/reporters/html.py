"""The HTML report: the board report as one self-contained page, with an SVG chart of the
levers and a print stylesheet for A4; for a folder, the portfolio view first."""

from __future__ import annotations

from readiness.audit.result import AuditResult
from readiness.reporters import RenderOptions
from readiness.reporters.board import context
from readiness.reporters.templating import render_template


def render(result: AuditResult, options: RenderOptions) -> str:
    return render_template("report.html.j2", context(result), options.template_dir, autoescape=True)
