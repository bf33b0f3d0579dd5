"""Problems as people read them: compiler style, with the source line and a caret."""

from __future__ import annotations

import re
from collections.abc import Sequence

from readiness.errors import Problem

MAX_SHOWN = 200
"""Problems shown in one run across all files; the rest are counted."""


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """Text safe to write to a terminal: control characters shown as U+FFFD, not obeyed."""
    return _UNPRINTABLE.sub("\ufffd", text)


def format_problem(problem: Problem) -> str:
    message = printable(problem.message)
    if problem.file and problem.line:
        head = f"{printable(problem.file)}:{problem.line}:{problem.column}: error: {message}"
    elif problem.file:
        head = f"{printable(problem.file)}: error: {message}"
    else:
        head = f"readiness: error: {message}"
    lines = [head]
    if problem.source_line is not None and problem.line:
        number = str(problem.line)
        width = max(4, len(number))
        source = printable(problem.source_line.expandtabs(1))
        if len(source) > 160:  # keep a very long line readable around the caret
            start = max(0, problem.column - 80)
            source = source[start : start + 160]
            caret_at = problem.column - start
        else:
            caret_at = problem.column
        lines.append(f" {number:>{width}} | {source}")
        lines.append(f" {'':>{width}} | {' ' * max(0, caret_at - 1)}^")
    if problem.hint:
        lines.append(f"  hint: {printable(problem.hint)}")
    return "\n".join(lines)


def format_problems(problems: Sequence[Problem]) -> str:
    shown = [format_problem(p) for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        shown.append(f"readiness: {len(problems) - MAX_SHOWN} more problems not shown")
    return "\n".join(shown) + "\n"
