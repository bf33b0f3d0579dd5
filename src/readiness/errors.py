"""Typed errors. Library code raises these; only the command line turns them into exit codes.

A ``Problem`` is one located complaint about an input file, in the compiler style of
``docs/outputs.md``: file, line and column (1-based), a plain-English message, and a hint
where one helps. ``InputError`` carries every problem found in one file (exit code 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

MAX_PROBLEMS = 50
"""How many problems one file may report before the list is cut short."""


class Problem(NamedTuple):
    """One thing wrong with an input, and where."""

    message: str
    file: str = ""
    line: int = 0
    """1-based; 0 when the problem is about the whole file (or not about a file)."""
    column: int = 0
    hint: str = ""
    source_line: str | None = None
    """The text of the offending line, shown under the message with a caret."""


class ReadinessError(Exception):
    """Base class for every error the command line knows how to report."""


class InputError(ReadinessError):
    """The input (a plan, a rubric, a path, an option) cannot be used. Exit code 2."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        first = self.problems[0].message if self.problems else "invalid input"
        super().__init__(first)

    @classmethod
    def single(
        cls, message: str, *, file: str = "", hint: str = "", line: int = 0, column: int = 0
    ) -> InputError:
        return cls([Problem(message, file=file, line=line, column=column, hint=hint)])
