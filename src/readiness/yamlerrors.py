"""Turn the YAML parser's errors into messages a commissioner can act on.

libyaml and PyYAML's pure-Python parser word their errors differently; both are matched
here by the phrases they share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

from readiness.errors import Problem

if TYPE_CHECKING:
    from readiness.document import Document

_QUOTE_HINT = "if the text contains ': ' or starts with a special character, put it in quotes"

# (phrase in the parser's message, our message, hint); the first match wins.
_TRANSLATIONS: tuple[tuple[str, str, str], ...] = (
    (
        "maximum nesting depth",
        "the file is nested too deeply to be a plan",
        "a plan needs about six levels of indentation",
    ),
    (
        "mapping values are not allowed",
        "a ':' appears where a new key cannot start",
        _QUOTE_HINT + "; otherwise check the indentation of this line",
    ),
    (
        "could not find expected ':'",
        "a key is missing its ':'",
        "write 'key: value'; text that runs on to a new line must be indented or quoted",
    ),
    (
        "did not find expected key",
        "this line's indentation does not match the lines above it",
        "keys of the same section start in the same column; indent with spaces",
    ),
    (
        "expected <block end>",
        "this line's indentation does not match the lines above it",
        "keys of the same section start in the same column; indent with spaces",
    ),
    (
        "did not find expected '-' indicator",
        "a list item here is not lined up with the items above it",
        "start every item of a list with '- ' in the same column",
    ),
    (
        "expected ',' or ']'",
        "a list opened with '[' here is not closed with ']'",
        "close the list with ']', and separate its items with commas",
    ),
    (
        "expected ',' or '}'",
        "a section opened with '{' here is not closed with '}'",
        "close the section with '}', and separate its entries with commas",
    ),
    (
        "unknown escape character",
        "double-quoted text holds an unknown escape sequence after '\\'",
        "use single quotes instead, or write '\\\\' for a backslash",
    ),
    (
        "undefined tag handle",
        "a tag ('!something') is not allowed in a plan",
        "remove the tag",
    ),
    (
        "that cannot start any token",
        "a value here starts with a character YAML reserves",
        _QUOTE_HINT,
    ),
)


def syntax_problem(exc: yaml.YAMLError, doc: Document) -> Problem:
    """One ``Problem`` for a parser error, located where the reader should look."""
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = doc.position(exc.position) if isinstance(exc.position, int) else (0, 0)
        return Problem(
            f"the file holds a character that a plan cannot contain (U+{exc.character:04X})",
            file=doc.file,
            line=line,
            column=column,
            hint="delete it; it often comes from copying text out of another program",
            source_line=doc.line_text(line) if line else None,
        )
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        return Problem("the file cannot be read as YAML", file=doc.file)
    mark = exc.problem_mark
    text = doc.line_text(mark.line + 1)
    message, hint, opened = _translate(exc, text)
    if opened and exc.context_mark is not None:
        mark = exc.context_mark  # an unclosed bracket or quote: point at where it opens
        text = doc.line_text(mark.line + 1)
    return Problem(
        message,
        file=doc.file,
        line=mark.line + 1,
        column=mark.column + 1,
        hint=hint,
        source_line=text,
    )


def _translate(exc: yaml.MarkedYAMLError, text: str | None) -> tuple[str, str, bool]:
    """Our message, a hint, and whether the error is about something left open."""
    problem = exc.problem or ""
    context = exc.context or ""
    if text is not None and "\t" in text[: len(text) - len(text.lstrip())]:
        return (
            "this line is indented with a tab",
            "YAML needs spaces for indentation; replace the tab with spaces",
            False,
        )
    if "end of stream" in problem and "quoted scalar" in context:
        return "a quotation mark here is never closed", "close the quotation", True
    for phrase, message, hint in _TRANSLATIONS:
        if phrase in problem or phrase in context:
            return message, hint, phrase.startswith("expected ','")
    detail = f"{problem} ({context})" if context else problem
    return f"the file cannot be read as YAML: {detail}", "", False
