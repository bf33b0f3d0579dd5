"""The terminal summary: band, score, one bar per lever, and what to commission next.

The view is built once as lines of (text, style) segments. Plain text is written when the
output is not a terminal (CI logs, pipes), so rich is imported only to colour a real terminal.
Every line is made safe (``escape.log_line``) as it leaves: plan titles, file names, reasons
and rubric text can neither drive the terminal nor forge a CI workflow command.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import IO

from readiness.audit.result import AuditResult, LeverResult, PlanResult
from readiness.errors import Problem
from readiness.outcomes import BAND_MEANING, BAND_TITLE, OUTCOME_TITLE, Band
from readiness.reporters import RenderOptions
from readiness.reporters import stream as streamed
from readiness.reporters.common import (
    accepted,
    cost_line,
    examples_line,
    gaps,
    rating,
    unhonoured_line,
    waiver_line,
    where,
)
from readiness.reporters.escape import log_line, one_line
from readiness.rubric.rubric import Bands

Segment = tuple[str, str]
Line = list[Segment]

TOP_GAPS = 5
BAR_WIDTH = 20
_BAND_STYLE: dict[Band, str] = {
    "training-only": "bold red",
    "at-risk": "bold red",
    "developing": "bold yellow",
    "ready": "bold green",
}
_VERDICT_STYLE = {True: "bold green", False: "bold red"}
_RATING_STYLE = {"Green": "green", "Amber": "yellow", "Red": "red", "Not scored": "dim"}


def render(result: AuditResult, options: RenderOptions) -> str:
    return streamed.render(Writer, result, options)


class Writer(streamed.Writer):
    """The summary written as plans are audited: one plan's details, or a line per plan of
    a folder, then the verdict from running counts. In colour, the lines are laid out by rich
    at the end (a terminal, so never ten thousand plans' worth)."""

    def __init__(
        self, run: AuditResult, options: RenderOptions, out: IO[str], expected: int
    ) -> None:
        super().__init__(run, options, out, expected)
        self.whole_plan = expected == 1  # many plans: a line each
        self.count = 0
        self.failed = 0
        self.coloured: list[Line] = []

    def _write(self, lines: Iterable[Line]) -> None:
        for line in lines:
            line = safe(line)
            if self.options.color:
                self.coloured.append(line)
            else:
                self.out.write("".join(text for text, _ in line) + "\n")

    def plan(self, plan: PlanResult, piece: object = None) -> None:
        if self.expected == 1:
            self._write(_plan(plan, self.run, self.options))
        else:
            if not self.count:
                self._write([_TABLE_HEAD])
            self._write([_row(plan)])
        self.count += 1
        self.failed += not plan.passed

    def finish(self, problems: Sequence[Problem] = ()) -> None:
        self._write([[], _verdict(self.run, self.count, self.failed)])
        if self.options.color:
            self.out.write(_rich(self.coloured, self.options.width))


def safe(line: Line) -> Line:
    """The line with every segment made safe; as one segment if the whole needed more (a
    ``::`` opening it, or ``##[`` across two segments)."""
    pieces = [(one_line(text), style) for text, style in line]
    joined = "".join(text for text, _ in pieces)
    guarded = log_line(joined)
    return pieces if guarded == joined else [(guarded, pieces[0][1])]


EXAMPLES_SHOWN = 3
"""Examples from the starter plan listed in the summary; the full report lists them all."""


def _plan(plan: PlanResult, result: AuditResult, options: RenderOptions) -> list[Line]:
    width = min(200, max(60, options.width))
    lines: list[Line] = [
        *_wrapped(plan.title, "", width, "bold"),
        *_wrapped(f"{plan.commissioner} · {plan.path}", "", width, "dim"),
        [],
        [
            ("  " + BAND_TITLE[plan.band].upper(), _BAND_STYLE[plan.band]),
            (f"  score {plan.score:.1f} / 100", "bold"),
        ],
    ]
    lines.extend(_wrapped(plan.verdict or BAND_MEANING[plan.band], "  ", width))
    for note in (waiver_line(plan), unhonoured_line(plan), cost_line(plan), examples_line(plan)):
        if note:
            lines.extend(_wrapped(note, "  ", width, "dim"))
    for example in plan.examples[:EXAMPLES_SHOWN]:
        where_ = f"{plan.path}:{example.line}"
        lines.extend(_wrapped(f"{where_} {example.key}: {example.text}", "    ", width, "dim"))
    if len(plan.examples) > EXAMPLES_SHOWN:
        rest = len(plan.examples) - EXAMPLES_SHOWN
        lines.extend(_wrapped(f"and {rest} more in the full report", "    ", width, "dim"))
    lines += [[], [("  Levers", "bold")]]
    for lever in (*plan.levers, *plan.unscored):
        lines.append(_bar(lever, result.rubric.bands, options.unicode, width))
    if options.timeline and plan.timeline:
        lines += [[], [("  Timeline", "bold")]]
        for event in plan.timeline:
            when = event.start.isoformat() + (f" to {event.end.isoformat()}" if event.end else "")
            label = _wrapped(event.label, "", max(20, width - 29)) or [[("", "")]]
            lines.append([(f"    {when:<24} {label[0][0][0]}", "")])
            lines.extend([[(" " * 29 + part[0][0], "")] for part in label[1:]])
    found = gaps(plan)
    if found:
        lines += [[], [("  What to commission next", "bold")]]
        for number, gap in enumerate(found[:TOP_GAPS], 1):
            criterion = gap.criterion
            heading = f"{number}. {criterion.id} {criterion.title}: {OUTCOME_TITLE[gap.outcome]}"
            lines.extend(_wrapped(heading, "  ", width, "bold", hang="     "))
            lines.extend(_wrapped(gap.reason, "     ", width))
            lines.extend(_wrapped("-> " + criterion.remediation.strip(), "     ", width, "cyan"))
            lines.extend(_wrapped(where(plan, gap.locations[0]), "     ", width, "dim"))
    rest = len(found) - min(len(found), TOP_GAPS)
    notes = []
    if rest:
        notes.append(f"{rest} more gap{'s' if rest != 1 else ''}")
    risks = len(accepted(plan))
    if risks:
        notes.append(f"{risks} waived criteri{'a' if risks != 1 else 'on'}")
    if notes:
        footnote = f"{' and '.join(notes)}: the full report lists them (--output report.md)."
        lines += [[], *_wrapped(footnote, "  ", width, "dim")]
    return lines


def _bar(lever: LeverResult, bands: Bands, unicode: bool, width: int = 100) -> Line:
    """One lever's bar, fitted to ``width``: the title and bar shrink, never wrap."""
    title = lever.lever.title + ("" if lever.lever.scored else " (can cap the band)")
    tail = 14  # " 100.0  Amber"
    bar = BAR_WIDTH if width >= 4 + 44 + BAR_WIDTH + tail else 10
    room = max(16, min(44, width - 5 - bar - tail))
    if len(title) > room:
        title = title[: room - 1] + ("…" if unicode else ".")
    label = f"    {title:<{room}} "
    if lever.score is None:
        return [(label, ""), ("not scored: every criterion is waived", "dim")]
    filled = round(lever.score / 100 * bar)
    full, empty = ("█", "░") if unicode else ("#", ".")
    grade = rating(lever.score, bands)
    return [
        (label, ""),
        (full * filled, _RATING_STYLE[grade]),
        (empty * (bar - filled), "dim"),
        (f" {lever.score:5.1f}  {grade}", _RATING_STYLE[grade]),
    ]


_TABLE_HEAD: Line = [("  BAND           SCORE  PLAN", "bold")]


def _row(plan: PlanResult) -> Line:
    short = "" if plan.passed else "  (falls short)"
    return [
        (f"  {plan.band:<13}", _BAND_STYLE[plan.band]),
        (f"  {plan.score:5.1f}  ", ""),
        (plan.path, "bold"),
        (f"  {plan.title}", "dim"),
        (short, "red"),
    ]


def _verdict(result: AuditResult, total: int, failed: int) -> Line:
    bar = f"at least {result.min_band}"
    if result.fail_under is not None:
        bar += f" with a score of {result.fail_under:g} or more"
    if total == 1:
        verdict = "reaches" if not failed else "falls short of"
        return [(f"The plan {verdict} the required band: {bar}.", _VERDICT_STYLE[not failed])]
    if not failed:
        return [(f"{total} plans audited: all reach {bar}.", _VERDICT_STYLE[True])]
    falls = "falls" if failed == 1 else "fall"
    return [(f"{total} plans audited: {failed} {falls} short of {bar}.", _VERDICT_STYLE[False])]


def _wrapped(
    text: str, indent: str, width: int, style: str = "", hang: str | None = None
) -> list[Line]:
    wrapped = textwrap.wrap(
        " ".join(text.split()),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent if hang is None else hang,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [[(line, style)] for line in wrapped]


def _rich(lines: list[Line], width: int) -> str:
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=width, highlight=False)
    for line in lines:
        console.print(Text.assemble(*line) if line else Text(""), soft_wrap=True)
    return buffer.getvalue()
