"""The Markdown report for a board: verdict first, levers, what to commission next, strengths,
accepted risks, every criterion and a method note; for a folder, a portfolio view first."""

from __future__ import annotations

from readiness.audit.result import AuditResult
from readiness.reporters import RenderOptions
from readiness.reporters.board import context
from readiness.reporters.templating import render_template


def render(result: AuditResult, options: RenderOptions) -> str:
    return render_template("report.md.j2", context(result), options.template_dir, autoescape=False)
