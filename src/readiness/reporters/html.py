"""The HTML report: the board report as one self-contained page, with an SVG chart of the
levers and a print stylesheet for A4; for a folder, the portfolio view first.

Jinja's autoescaping makes plan text inert markup; the document then passes
``escape.markup_document``, so no character a report must not carry (terminal escapes,
bidirectional overrides) is written, whichever template is used.

Some parts of a plan's section are written here, as markup the template puts in as it is
(``names``): the rows of the tables of every criterion and the list for the plan's author
(a line for each criterion or gap: most of a section), and the parts that are the same in
every plan of a run (a package's strategies, the chart's bands and ticks), made once a run.
Each value is escaped as autoescaping escapes it, and written as it is where a template runs
without autoescaping (one's own Markdown template may include this one), as the template
wrote it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup, escape

from readiness.audit.result import AuditResult, CriterionResult, LeverResult, PlanResult
from readiness.outcomes import OUTCOME_TITLE
from readiness.reporters import RenderOptions, board
from readiness.reporters import stream as streamed
from readiness.reporters.escape import html_prose, markup_document

REMEMBERED = 4096
"""Texts whose escaped form is remembered: the rubric's, and reasons that recur."""


def render(result: AuditResult, options: RenderOptions) -> str:
    return streamed.render(Writer, result, options)


class Writer(board.Writer):
    template = "report.html.j2"
    autoescape = True

    def document(self, text: str) -> str:
        return markup_document(text)


@functools.lru_cache(maxsize=REMEMBERED)
def escaped(text: str) -> str:
    """``text`` as autoescaping writes it."""
    return str(escape(text))


class Way(NamedTuple):
    """How a part is written: each value through ``value``, the whole through ``whole``."""

    value: Callable[[str], str]
    whole: Callable[[str], str]


ESCAPED = Way(escaped, Markup)
"""With autoescaping (the shipped template): values escaped, the part markup."""
AS_IS = Way(str, str)
"""Without (a template that escapes nothing): as the template wrote it."""


def names(once: board.Once) -> dict[str, Callable[..., Any]]:
    """The parts this module writes, by the names the templates call them; those that are
    the same in every plan made once a run (``once``)."""

    def way(now: EvalContext) -> Way:
        return ESCAPED if now.autoescape else AS_IS

    @pass_eval_context
    def html_rows(now: EvalContext, plan: PlanResult) -> list[tuple[LeverResult, str]]:
        return criterion_rows(way(now), plan)

    @pass_eval_context
    def html_annex(now: EvalContext, plan: PlanResult) -> str:
        return annex_items(way(now), plan)

    @pass_eval_context
    def html_strategies(now: EvalContext, eric: Sequence[tuple[str, str]]) -> str:
        return once(strategies, way(now), eric)

    @pass_eval_context
    def html_chart_bands(now: EvalContext, chart: board.Chart) -> str:
        return once(chart_bands, way(now), chart.zones, chart.ticks)

    return {
        "html_rows": html_rows,
        "html_annex": html_annex,
        "html_strategies": html_strategies,
        "html_chart_bands": html_chart_bands,
    }


def criterion_rows(way: Way, plan: PlanResult) -> list[tuple[LeverResult, str]]:
    """Each lever (``board.by_lever``) with the rows of its table of every criterion: ID,
    criterion, outcome, reason, where."""
    e = way.value

    def row(r: CriterionResult) -> str:
        c = r.criterion
        return (
            f'<tr><th scope="row" class="nowrap">{e(c.id)}</th><td>{e(c.title)}</td>'
            f"<td>{e(OUTCOME_TITLE[r.outcome])}</td><td>{e(r.reason)}</td>"
            f'<td class="nowrap">{e(board.where_written(r))}</td></tr>\n'
        )

    return [(lr, way.whole("".join(rows))) for lr, rows in board.by_lever(plan, row)]


def annex_items(way: Way, plan: PlanResult) -> str:
    """``board.annex_lines`` written out, an item a gap: ID and criterion, outcome, reason,
    where, and what to change (rubric prose, its code spans as code)."""
    e = way.value
    return way.whole(
        "".join(
            f'<li><strong><span class="nowrap">{e(todo.id)}</span> {e(todo.title)}</strong>: '
            f'{e(todo.outcome)}. <span class="detail">{e(todo.reason)} Where: '
            f"<code>{e(todo.where)}</code>. {html_prose(todo.remediation)}</span></li>\n"
            for todo in board.annex_lines(plan)
        )
    )


def strategies(way: Way, eric: Sequence[tuple[str, str]]) -> str:
    """A package's strategies: each name, and its definition (hidden in print)."""
    e = way.value
    return way.whole(
        '<span class="sep"> </span>'.join(
            f'<em>{e(name)}</em><span class="definition">: {e(definition)}</span>'
            for name, definition in eric
        )
    )


def chart_bands(
    way: Way, zones: Sequence[board.Zone], ticks: Sequence[tuple[float, str, float, float]]
) -> str:
    """The chart's coloured bands, each named, and its ticks, each with its value: a line
    for each."""
    e = way.value
    lines = []
    for z in zones:
        lines.append(
            f'<rect class="{e(z.css)}" x="{z.x:.1f}" y="{z.y:.1f}" width="{z.width:.1f}" '
            f'height="{z.height:.1f}"/>\n'
            f'<text class="zone-label" x="{z.x + 4:.1f}" y="{z.y + 12:.1f}">{e(z.label)}</text>\n'
        )
    for x, label, y1, y2 in ticks:
        lines.append(
            f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{y1:.1f}" y2="{y2:.1f}"/>\n'
            f'<text x="{x:.1f}" y="{y2 + 14:.1f}" text-anchor="middle" class="zone-label">'
            f"{e(label)}</text>\n"
        )
    return way.whole("".join(lines))
