"""Read a file into text: size limit, encodings, and characters YAML cannot hold.

Plans are written by hand and arrive from anywhere, so the bytes are checked before any
parser sees them: binary data, invalid UTF-8 and control characters are reported with the
line and column where they occur.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from readiness.errors import MAX_PROBLEMS, InputError, Problem

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Plans larger than this are refused unless the limit is raised (``--max-size``)."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters YAML 1.2 does not allow in a stream (c-printable's complement).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def describe_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def read_text(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the file's text, or raise ``InputError`` saying plainly what is wrong."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError.single(
            "file not found", file=display, hint="check the path and the spelling of the name"
        ) from None
    except IsADirectoryError:
        raise InputError.single("this is a folder, not a plan file", file=display) from None
    except PermissionError:
        raise InputError.single(
            "permission denied: the file cannot be read", file=display
        ) from None
    except OSError as exc:
        raise InputError.single(f"the file cannot be read ({exc.strerror})", file=display) from None
    if len(data) > max_bytes:
        raise InputError.single(
            f"the file is larger than the {describe_size(max_bytes)} limit for a plan",
            file=display,
            hint="a commissioning plan is a few kilobytes; if this really is one, "
            "raise the limit with --max-size",
        )
    return decode(data, display)


def decode(data: bytes, display: str) -> str:
    """Decode bytes as a plan's text: UTF-8 (with or without a byte-order mark) or UTF-16/32."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError.single(
                    f"the file starts with a {encoding.upper()} byte-order mark "
                    "but is not valid text in that encoding",
                    file=display,
                    hint="save the file again as UTF-8",
                ) from None
            return _check_characters(text, display)
    if b"\x00" in data:
        raise InputError([_binary_problem(data, display)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(data, exc.start)
        raise InputError(
            [
                Problem(
                    f"the file is not valid UTF-8 text (byte 0x{data[exc.start]:02x})",
                    file=display,
                    line=line,
                    column=column,
                    hint="save the file as UTF-8; most editors offer this under 'Save as'",
                )
            ]
        ) from None
    return _check_characters(text, display)


def _binary_problem(data: bytes, display: str) -> Problem:
    offset = data.index(b"\x00")
    if _looks_like_utf16(data[:64]):
        return Problem(
            "the file looks like UTF-16 text without a byte-order mark",
            file=display,
            hint="save the file as UTF-8",
        )
    line, column = _byte_position(data, offset)
    return Problem(
        "the file holds binary data (a NUL byte), not a plan written as text",
        file=display,
        line=line,
        column=column,
        hint="check that this is the YAML plan and not a spreadsheet, PDF or image",
    )


def _looks_like_utf16(sample: bytes) -> bool:
    """Mostly-ASCII text in UTF-16: every other byte is NUL, the rest are not."""
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (odd.count(0) >= 0.8 * len(odd) and 0 not in even) or (
        even.count(0) >= 0.8 * len(even) and 0 not in odd
    )


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _check_characters(text: str, display: str) -> str:
    problems: list[Problem] = []
    for match in _NOT_PRINTABLE.finditer(text):
        offset = match.start()
        line_start = text.rfind("\n", 0, offset) + 1
        line_end = text.find("\n", offset)
        problems.append(
            Problem(
                f"the file holds a control character (U+{ord(match.group()):04X}) "
                "that a plan cannot contain",
                file=display,
                line=text.count("\n", 0, offset) + 1,
                column=offset - line_start + 1,
                hint="delete it; it often comes from copying text out of another program",
                source_line=text[line_start : None if line_end < 0 else line_end],
            )
        )
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise InputError(problems)
    return text
