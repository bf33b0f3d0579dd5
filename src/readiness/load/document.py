"""A loaded YAML file: its data, and where every key and value sits in the text."""

from __future__ import annotations

import bisect
import re
from typing import Any, NamedTuple

from readiness.errors import Problem
from readiness.outcomes import KeyPath


class Span(NamedTuple):
    """Where a node sits in the file, 1-based, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


Marks = tuple[Any, Any]
"""The parser's marks where a node starts and ends (0-based line and column)."""


def to_span(marks: Marks) -> Span:
    start, end = marks
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


class Spans:
    """Spans by key path, kept as the parser's marks and turned into spans when asked for.

    A plan has hundreds of nodes and only a few are ever located, so this saves building a
    span for every one.
    """

    __slots__ = ("marks",)

    def __init__(self, marks: dict[KeyPath, Marks] | None = None) -> None:
        self.marks: dict[KeyPath, Marks] = marks if marks is not None else {}

    def get(self, path: KeyPath, default: Span | None = None) -> Span | None:
        marks = self.marks.get(path)
        return default if marks is None else to_span(marks)

    def __getitem__(self, path: KeyPath) -> Span:
        return to_span(self.marks[path])

    def __contains__(self, path: object) -> bool:
        return path in self.marks


class Document:
    """A loaded YAML file: its data and the span of every key and value. Immutable: a stage
    that needs other data (a rubric merged over the default) makes a new ``Document``."""

    __slots__ = ("_line_starts", "data", "file", "keys", "text", "values")

    file: str
    text: str
    data: object
    values: Spans
    keys: Spans
    _line_starts: list[int]

    def __init__(
        self,
        file: str,
        text: str,
        data: object,
        values: Spans | None = None,
        keys: Spans | None = None,
    ) -> None:
        # one is made for every file loaded (and each stage that changes its data), so the
        # fields are set one by one rather than from a table of them
        set_field = object.__setattr__
        set_field(self, "file", file)
        set_field(self, "text", text)
        set_field(self, "data", data)
        set_field(self, "values", values if values is not None else Spans())
        set_field(self, "keys", keys if keys is not None else Spans())
        set_field(self, "_line_starts", [])  # filled on first use

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Document is immutable: cannot set {name}")

    def with_data(self, data: object) -> Document:
        """The same file and positions with other data (a part replaced, a merge laid over)."""
        return Document(self.file, self.text, data, self.values, self.keys)

    def nearest(self, path: KeyPath) -> tuple[KeyPath, Span]:
        """The deepest part of ``path`` the file has, and its span (the file's start if none)."""
        marks = self.values.marks
        for end in range(len(path), 0, -1):
            prefix = path[:end]
            found = marks.get(prefix)
            if found is not None:
                return prefix, to_span(found)
        root = marks.get(())
        return (), to_span(root) if root is not None else Span(1, 1, 1, 1)

    def key_or_value(self, path: KeyPath) -> Span:
        """The key's span when ``path`` ends in a mapping key, else the value's."""
        return self.keys.get(path) or self.nearest(path)[1]

    def _starts(self) -> list[int]:
        starts = self._line_starts
        if not starts:
            starts.append(0)
            starts.extend(m.end() for m in re.finditer("\n", self.text))
        return starts

    def line_text(self, line: int) -> str | None:
        starts = self._starts()
        if not 1 <= line <= len(starts):
            return None
        start = starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start : None if end < 0 else end].rstrip("\r")

    def offset(self, line: int, column: int) -> int:
        """Character offset in the text of a 1-based line and column."""
        starts = self._starts()
        return starts[min(line, len(starts)) - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self._starts(), offset)
        return line, offset - self._starts()[line - 1] + 1

    def problem(self, message: str, span: Span | None, hint: str = "") -> Problem:
        if span is None:
            return Problem(message, file=self.file, hint=hint)
        return Problem(
            message,
            file=self.file,
            line=span.line,
            column=span.column,
            hint=hint,
            source_line=self.line_text(span.line),
        )
