"""Problems as people read them: compiler style, with the source line and a caret."""

from __future__ import annotations

from collections.abc import Sequence

from readiness.errors import Problem

MAX_SHOWN = 200
"""Problems shown in one run across all files; the rest are counted."""


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
        source = problem.source_line.expandtabs(1)
        if len(source) > 160:  # keep a very long line readable around the caret
            start = max(0, problem.column - 80)
            source = source[start : start + 160]
            caret_at = problem.column - start
        else:
            caret_at = problem.column
        lines.append(f" {number:>4} | {source}")
        lines.append(f" {'':>4} | {' ' * max(0, caret_at - 1)}^")
    if problem.hint:
        lines.append(f"  hint: {problem.hint}")
    return "\n".join(lines)


def format_problems(problems: Sequence[Problem]) -> str:
    shown = [format_problem(p) for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        shown.append(f"readiness: {len(problems) - MAX_SHOWN} more problems not shown")
    return "\n".join(shown) + "\n"
