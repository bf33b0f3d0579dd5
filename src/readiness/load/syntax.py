"""Turn the YAML parser's errors into messages a commissioner can act on.

libyaml and PyYAML's pure-Python parser word their errors differently; both are matched
here by the phrases they share. The parser's own wording never reaches the user: an error
not recognised here gets a plain general message about the line's punctuation.

Over 200 lines: mostly the table of parser messages and their plain-English rewrites.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import yaml

from readiness.errors import Problem

if TYPE_CHECKING:
    from readiness.load.document import Document

_QUOTE_HINT = "if the text contains ': ' or starts with a special character, put it in quotes"
_ESCAPE_HINT = (
    "use single quotes for text with backslashes (such as a Windows path), or write the "
    "character itself"
)


class Translation(NamedTuple):
    phrase: str
    """Words of the parser's message (problem or context) that identify the error."""
    message: str
    hint: str
    at_opening: bool = False
    """Point at where the unfinished thing began (the parser's context mark), not the end."""


_TRANSLATIONS: tuple[Translation, ...] = (
    Translation(
        "maximum nesting depth",
        "the file is nested too deeply to be a plan",
        "a plan needs about six levels of indentation",
    ),
    Translation(
        "invalid Unicode character escape",
        "double-quoted text holds an escape (\\u, \\U or \\x) that is not a character",
        _ESCAPE_HINT,
    ),
    Translation(
        "expected hexdecimal number",
        "double-quoted text holds \\x, \\u or \\U without the digits it needs",
        _ESCAPE_HINT,
    ),
    Translation(
        "unknown escape character",
        "double-quoted text holds an unknown escape sequence after '\\'",
        _ESCAPE_HINT,
    ),
    Translation(
        "block scalar",
        "a block of text started with '|' or '>' is not written the way YAML expects",
        "put nothing after '|' or '>' on its line, and indent the text below it",
    ),
    Translation(
        "directive",
        "lines starting with '%' (YAML directives) are not allowed in a plan",
        "delete the line starting with '%'",
    ),
    Translation(
        "expected <document start>",
        "the plan must start with its keys: a '%' line or a '...' marker stands in the way",
        "a plan starts with 'readiness: 1'; delete lines starting with '%' or '...'",
    ),
    Translation(
        "mapping values are not allowed",
        "a ':' appears where a new key cannot start",
        _QUOTE_HINT + "; otherwise check the indentation of this line",
    ),
    Translation(
        "could not find expected ':'",
        "a key is missing its ':'",
        "write 'key: value'; text that runs on to a new line must be indented or quoted",
        at_opening=True,
    ),
    Translation(
        "did not find expected key",
        "this line's indentation does not match the lines above it",
        "keys of the same section start in the same column; indent with spaces",
    ),
    Translation(
        "expected <block end>",
        "this line's indentation does not match the lines above it",
        "keys of the same section start in the same column; indent with spaces",
    ),
    Translation(
        "did not find expected '-' indicator",
        "a list item here is not lined up with the items above it",
        "start every item of a list with '- ' in the same column",
    ),
    Translation(
        "expected ',' or ']'",
        "a list opened with '[' here is never closed",
        "close the list with ']', and separate its items with commas",
        at_opening=True,
    ),
    Translation(
        "expected ',' or '}'",
        "a section opened with '{' here is never closed",
        "close the section with '}', and separate its entries with commas",
        at_opening=True,
    ),
    Translation(
        "did not find expected node content",
        "a value is missing here, or a ']' or '}' closes nothing",
        _QUOTE_HINT,
    ),
    Translation(
        "tag",
        "a tag ('!something') is not allowed in a plan",
        "remove the tag, or put the text in quotes",
    ),
    Translation(
        "that cannot start any token",
        "a value here starts with a character YAML reserves",
        _QUOTE_HINT,
    ),
    Translation(
        "anchor",
        "an anchor or alias ('&name', '*name') here is not written the way YAML expects",
        _QUOTE_HINT,
    ),
)
_SIMPLE_KEY_LIMIT = 1024


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
    found = _translate(exc, text, doc)
    if found.at_opening and exc.context_mark is not None:
        mark = exc.context_mark  # something left open: point at where it opens
    line, column = _clamp(doc, mark.line + 1, mark.column + 1)
    if found.message.startswith(("a key here is longer", "lines starting with '%'")):
        source = doc.line_text(line) or ""
        column = len(source) - len(source.lstrip(" -")) + 1  # the start of the key or line
    opened = _unclosed(exc, doc, line)
    if opened is not None:
        found, (line, column) = opened
    return Problem(
        found.message,
        file=doc.file,
        line=line,
        column=column,
        hint=found.hint,
        source_line=doc.line_text(line),
    )


def _unclosed(
    exc: yaml.MarkedYAMLError, doc: Document, line: int
) -> tuple[Translation, tuple[int, int]] | None:
    """A '[' or '{' still open when the file ends: point at the bracket itself."""
    mark = exc.problem_mark
    ended = mark is not None and (mark.line + 1 > line or mark.index >= len(doc.text.rstrip()))
    if not ended or "flow" not in (exc.context or ""):
        return None
    for number in range(line, 0, -1):
        text = doc.line_text(number) or ""
        open_at = _unmatched(text)
        if open_at is not None:
            kind = "list opened with '['" if text[open_at] == "[" else "section opened with '{'"
            closer = "]" if text[open_at] == "[" else "}"
            return (
                Translation("", f"a {kind} here is never closed", f"close it with '{closer}'"),
                (number, open_at + 1),
            )
    return None


def _unmatched(text: str) -> int | None:
    """Where the innermost '[' or '{' left open on a line is (quoted text skipped)."""
    stack: list[int] = []
    quote = ""
    for at, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#" and (at == 0 or text[at - 1] == " "):
            break
        elif char in "[{":
            stack.append(at)
        elif char in "]}" and stack:
            stack.pop()
    return stack[-1] if stack else None


def _clamp(doc: Document, line: int, column: int) -> tuple[int, int]:
    """A mark past the last line (an error at the very end) moves back onto the last line."""
    last = doc.text.rstrip("\n").count("\n") + 1
    if line <= last:
        return line, column
    text = doc.line_text(last) or ""
    return last, len(text) + 1


def _translate(exc: yaml.MarkedYAMLError, text: str | None, doc: Document) -> Translation:
    problem = exc.problem or ""
    context = exc.context or ""
    if text is not None and "\t" in text[: len(text) - len(text.lstrip())]:
        return Translation(
            "",
            "this line is indented with a tab",
            "YAML needs spaces for indentation; replace the tab with spaces",
        )
    if "end of stream" in problem and "quoted scalar" in context:
        return Translation("", "a quotation mark here is never closed", "close the quotation", True)
    if ("expected ':'" in problem or "mapping values" in problem) and _long_key(exc, doc):
        return Translation(
            "",
            f"a key here is longer than YAML allows ({_SIMPLE_KEY_LIMIT:,} characters)",
            "keys are short words such as 'title'; put long text in a value instead",
        )
    for translation in _TRANSLATIONS:
        if translation.phrase in problem or translation.phrase in context:
            return translation
    return Translation(
        "",
        "this line cannot be read as YAML",
        "check its punctuation (: - [ ] { } & * ! | > ' \" # %), and put text that "
        "contains any of these in quotes",
    )


def _long_key(exc: yaml.MarkedYAMLError, doc: Document) -> bool:
    """Whether a key is simply too long for the parser to see its ':'."""
    for mark in (exc.context_mark, exc.problem_mark):
        if mark is None:
            continue
        line = doc.line_text(mark.line + 1) or ""
        start = len(line) - len(line.lstrip(" -"))
        colon = line.find(":", start)
        if colon - start >= _SIMPLE_KEY_LIMIT:
            return True
    return False
