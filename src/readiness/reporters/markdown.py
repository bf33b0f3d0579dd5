"""The Markdown report for a board: verdict first, levers, what to commission next, strengths,
accepted risks, every criterion and a method note; for a folder, a portfolio view first.

The template escapes every value (``md``, ``code``, ``prose`` from ``escape``); the document
then passes ``escape.markdown_document``, the last guard, which also covers own templates."""

from __future__ import annotations

from readiness.audit.result import AuditResult
from readiness.reporters import RenderOptions
from readiness.reporters.board import context
from readiness.reporters.escape import markdown_document
from readiness.reporters.templating import render_template


def render(result: AuditResult, options: RenderOptions) -> str:
    text = render_template("report.md.j2", context(result), options.template_dir, autoescape=False)
    return markdown_document(text)
