"""The Markdown report for a board: verdict first, levers, what to commission next, strengths,
accepted risks, every criterion and a method note; for a folder, a portfolio view first.

The template escapes every value (``md``, ``code``, ``prose`` from ``escape``); the document
then passes ``escape.markdown_document``, the last guard, which also covers own templates.

The parts of a plan's section with a line for each criterion are written here (``names``):
the rows of the tables of every criterion (``md_rows`` in the template) and the list for the
plan's author (``md_annex``), each value escaped as the template escaped it, where the
template took a loop step and its filters for each line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from readiness.audit.result import AuditResult, CriterionResult, LeverResult, PlanResult
from readiness.outcomes import OUTCOME_TITLE
from readiness.reporters import RenderOptions, board
from readiness.reporters import stream as streamed
from readiness.reporters.escape import cell, code, markdown_document, md, prose


def render(result: AuditResult, options: RenderOptions) -> str:
    return streamed.render(Writer, result, options)


class Writer(board.Writer):
    template = "report.md.j2"
    autoescape = False

    def document(self, text: str) -> str:
        return markdown_document(text)


def names() -> dict[str, Callable[..., Any]]:
    """The parts this module writes, by the names the templates call them."""
    return {"md_rows": criterion_rows, "md_annex": annex_items}


def criterion_rows(plan: PlanResult) -> list[tuple[LeverResult, str]]:
    """Each lever (``board.by_lever``) with the rows of its table of every criterion."""
    return [(lr, "".join(rows)) for lr, rows in board.by_lever(plan, _row)]


def annex_items(plan: PlanResult) -> str:
    """``board.annex_lines`` written out: the numbered list of what to change ('' for none)."""
    return "".join(_item(n, todo) for n, todo in enumerate(board.annex_lines(plan), 1))


def _item(n: int, todo: board.Todo) -> str:
    """A gap: ID and criterion, outcome and the band it caps, why, where, what to change."""
    holds = f" (caps the band at {todo.holds})" if todo.holds else ""
    return (
        f"{n}. **{todo.id} {prose(todo.title)}**: {todo.outcome}{holds}\n"
        f"    - Why: {md(todo.reason)}\n"
        f"    - Where: {code(todo.where)}\n"
        f"    - What to change: {prose(todo.remediation)}\n"
    )


def _row(r: CriterionResult) -> str:
    """ID, criterion, outcome, reason, where: rubric text as a cell, plan text inert."""
    c = r.criterion
    where = board.where_written(r)
    return f"| {c.id} | {cell(c.title)} | {OUTCOME_TITLE[r.outcome]} | {md(r.reason)} | {where} |\n"
