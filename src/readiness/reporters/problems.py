"""Problems as people read them: compiler style, with the source line and a caret.

Every line goes through ``escape.log_line``: file names, messages (which quote keys, waiver
IDs and values from the file), hints and source lines can neither drive the terminal nor
forge a CI workflow command.
"""

from __future__ import annotations

from collections.abc import Sequence

from readiness.errors import Problem
from readiness.reporters.escape import log_line, one_line

MAX_SHOWN = 200
"""Problems shown in one run across all files; the rest are counted."""

SOURCE_WIDTH = 160
"""A longer source line is cut to this many characters around the caret."""


def format_problem(problem: Problem) -> str:
    if problem.file and problem.line:
        head = f"{problem.file}:{problem.line}:{problem.column}: error: {problem.message}"
    elif problem.file:
        head = f"{problem.file}: error: {problem.message}"
    else:
        head = f"readiness: error: {problem.message}"
    lines = [head]
    if problem.source_line is not None and problem.line:
        number = str(problem.line)
        width = max(4, len(number))
        source, caret_at = _source(problem.source_line, problem.column)
        lines.append(f" {number:>{width}} | {source}")
        lines.append(f" {'':>{width}} | {' ' * max(0, caret_at - 1)}^")
    if problem.hint:
        lines.append(f"  hint: {problem.hint}")
    return "\n".join(log_line(line) for line in lines)


def _source(line: str, column: int) -> tuple[str, int]:
    """The source line as shown (cut around a long line's caret, made safe) and the caret's
    column in it: safe text maps a character to one, but ``##[`` gains a space."""
    source = line.expandtabs(1)
    caret_at = column
    if len(source) > SOURCE_WIDTH:  # keep a very long line readable around the caret
        start = max(0, column - SOURCE_WIDTH // 2)
        source = source[start : start + SOURCE_WIDTH]
        caret_at = column - start
    before = source[: max(0, caret_at)]
    return one_line(source), caret_at + len(one_line(before)) - len(before)


def format_problems(problems: Sequence[Problem]) -> str:
    shown = [format_problem(p) for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        shown.append(f"readiness: {len(problems) - MAX_SHOWN} more problems not shown")
    return "\n".join(shown) + "\n"
