"""The HTML report: the board report as one self-contained page, with an SVG chart of the
levers and a print stylesheet for A4; for a folder, the portfolio view first.

Jinja's autoescaping makes plan text inert markup; the document then passes
``escape.markup_document``, so no character a report must not carry (terminal escapes,
bidirectional overrides) is written, whichever template is used."""

from __future__ import annotations

from readiness.audit.result import AuditResult
from readiness.reporters import RenderOptions
from readiness.reporters.board import context
from readiness.reporters.escape import markup_document
from readiness.reporters.templating import render_template


def render(result: AuditResult, options: RenderOptions) -> str:
    text = render_template("report.html.j2", context(result), options.template_dir, autoescape=True)
    return markup_document(text)
