"""Turn the YAML parser's errors into messages a commissioner can act on.

libyaml and PyYAML's pure-Python parser word their errors differently; both are matched
here by the phrases they share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from readiness.errors import Problem

if TYPE_CHECKING:
    from readiness.loader import Document

_QUOTE_HINT = "if the text contains ': ' or starts with a special character, put it in quotes"

# (phrase in the parser's message, our message, hint); the first match wins.
_TRANSLATIONS: tuple[tuple[str, str, str], ...] = (
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
        "a list opened with '[' is not closed with ']'",
        "close the list with ']', and separate its items with commas",
    ),
    (
        "expected ',' or '}'",
        "a section opened with '{' is not closed with '}'",
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
    """One ``Problem`` for a parser error, located at the parser's mark."""
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        return Problem(f"the file cannot be read as YAML: {exc}", file=doc.file)
    mark = exc.problem_mark
    line, column = mark.line + 1, mark.column + 1
    text = doc.line_text(line)
    message, hint = _translate(exc, text)
    return Problem(message, file=doc.file, line=line, column=column, hint=hint, source_line=text)


def _translate(exc: yaml.MarkedYAMLError, text: str | None) -> tuple[str, str]:
    problem = exc.problem or ""
    context = exc.context or ""
    if text is not None and "\t" in text[: len(text) - len(text.lstrip())]:
        return (
            "this line is indented with a tab",
            "YAML needs spaces for indentation; replace the tab with spaces",
        )
    if "end of stream" in problem and "quoted scalar" in context:
        return _opened("a quotation mark", exc.context_mark), "close the quotation"
    for phrase, message, hint in _TRANSLATIONS:
        if phrase in problem or phrase in context:
            if phrase.startswith("expected ','"):
                message += _opened_at(exc.context_mark)
            return message, hint
    detail = f"{problem} ({context})" if context else problem
    return f"the file cannot be read as YAML: {detail}", ""


def _opened(what: str, mark: Any) -> str:
    return f"{what} opened{_opened_at(mark)} is never closed"


def _opened_at(mark: Any) -> str:
    if mark is None:
        return ""
    return f" (it opens on line {mark.line + 1}, column {mark.column + 1})"
