"""The Markdown report for a board: verdict first, levers, what to commission next, strengths,
accepted risks, every criterion and a method note; for a folder, a portfolio view first.

The template escapes every value (``md``, ``code``, ``prose`` from ``escape``); the document
then passes ``escape.markdown_document``, the last guard, which also covers own templates."""

from __future__ import annotations

from readiness.audit.result import AuditResult
from readiness.reporters import RenderOptions, board
from readiness.reporters import stream as streamed
from readiness.reporters.escape import markdown_document


def render(result: AuditResult, options: RenderOptions) -> str:
    return streamed.render(Writer, result, options)


class Writer(board.Writer):
    template = "report.md.j2"
    autoescape = False

    def document(self, text: str) -> str:
        return markdown_document(text)
