"""The HTML report: the board report as one self-contained page, with an SVG chart of the
levers and a print stylesheet for A4; for a folder, the portfolio view first.

Jinja's autoescaping makes plan text inert markup; the document then passes
``escape.markup_document``, so no character a report must not carry (terminal escapes,
bidirectional overrides) is written, whichever template is used."""

from __future__ import annotations

from readiness.audit.result import AuditResult
from readiness.reporters import RenderOptions, board
from readiness.reporters import stream as streamed
from readiness.reporters.escape import markup_document


def render(result: AuditResult, options: RenderOptions) -> str:
    return streamed.render(Writer, result, options)


class Writer(board.Writer):
    template = "report.html.j2"
    autoescape = True

    def document(self, text: str) -> str:
        return markup_document(text)
