"""Read a file into text: size limit, encodings, and characters YAML cannot hold.

Plans are written by hand and arrive from anywhere, so the bytes are checked before any
parser sees them: something that is not a regular file, binary data, invalid UTF-8, control
characters and characters the YAML parser would read as extra line breaks are reported with
the line and column where they occur. Line endings are made ``\\n`` so that every line number
the tool gives matches what an editor shows.

Just over 200 lines: every check on the bytes before parsing, each short.
"""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path

from readiness.errors import MAX_PROBLEMS, InputError, Problem

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Plans larger than this are refused unless the limit is raised (``--max-size``)."""
MAX_SIZE_MB = 100
"""The highest the limit may be raised to, in MB."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters YAML 1.2 does not allow in a stream (c-printable's complement).
# YAML's printable set is tab, line feed, carriage return, U+0020-7E, U+0085, U+00A0-D7FF,
# U+E000-FFFD and U+10000-10FFFF; this is its complement, written out because a negated class
# of those wide ranges costs the regex compiler milliseconds on every start.
_NOT_PRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
# Characters the parser (YAML 1.1) takes as line breaks, and a byte-order mark mid-file.
_ODD = re.compile("[\x85\u2028\u2029\ufeff]")
_ODD_NAMES = {
    "\x85": "a 'next line' character (U+0085)",
    "\u2028": "a line separator (U+2028)",
    "\u2029": "a paragraph separator (U+2029)",
    "\ufeff": "an invisible byte-order mark (U+FEFF) in the middle of the file",
}


def describe_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def read_text(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the file's text, or raise ``InputError`` saying plainly what is wrong."""
    return decode(read_bytes(path, display, max_bytes), display)


def read_bytes(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, for ``decode``: a regular file within the size limit, else
    ``InputError`` saying plainly what is wrong."""
    try:
        _check_regular(path, display)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise _unreadable(exc, display) from None
    if len(data) > max_bytes:
        raise InputError.single(
            f"the file is larger than the {describe_size(max_bytes)} limit for a plan",
            file=display,
            hint="a commissioning plan is a few kilobytes; if this really is one, "
            "raise the limit with --max-size",
        )
    return data


def utf8_layout(data: bytes) -> tuple[bool, bool]:
    """For a UTF-8 file's bytes: whether it starts with a byte order mark, and whether most of
    its lines end with CRLF (``decode`` gives the text without either). False, False for a
    file in another encoding."""
    if any(data.startswith(bom) for bom, encoding in _BOMS if encoding != "utf-8"):
        return False, False
    return data.startswith(codecs.BOM_UTF8), data.count(b"\r\n") * 2 > data.count(b"\n")


def _check_regular(path: Path, display: str) -> None:
    """A plan must be a regular file: a pipe or device could block or never end."""
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory")
    if not stat.S_ISREG(mode):
        raise InputError.single(
            "this is not a regular file (it is a pipe, socket or device)",
            file=display,
            hint="save the plan to a file and give its path",
        )


def _unreadable(exc: OSError, display: str) -> InputError:
    if isinstance(exc, FileNotFoundError):
        hint = "check the path and the spelling of the name"
        return InputError.single("file not found", file=display, hint=hint)
    if isinstance(exc, IsADirectoryError):
        return InputError.single("this is a folder, not a plan file", file=display)
    if isinstance(exc, PermissionError):
        return InputError.single("permission denied: the file cannot be read", file=display)
    return InputError.single(f"the file cannot be read ({exc.strerror})", file=display)


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
            return _check_characters(_unify_line_ends(text), display)
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
                    source_line=_byte_line(data, exc.start),
                )
            ]
        ) from None
    return _check_characters(_unify_line_ends(text), display)


def _unify_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _binary_problem(data: bytes, display: str) -> Problem:
    offset = data.index(b"\x00")
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        if _looks_like_wide(data[:64], width):
            return Problem(
                f"the file looks like {name} text without a byte-order mark",
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
        source_line=_byte_line(data, offset),
    )


def _looks_like_wide(sample: bytes, width: int) -> bool:
    """Mostly-ASCII text in UTF-16 or UTF-32: one byte of each group is text, the rest NUL."""
    if len(sample) < 4 * width:
        return False
    groups = [sample[i : i + width] for i in range(0, len(sample) - width + 1, width)]
    for place in (0, width - 1):  # little-endian, big-endian
        if all(g[place] != 0 for g in groups) and all(g.count(0) == width - 1 for g in groups):
            return True
    return False


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _byte_line(data: bytes, offset: int) -> str:
    """The line holding a bad byte, readable (bad bytes shown as U+FFFD)."""
    start = data.rfind(b"\n", 0, offset) + 1
    end = data.find(b"\n", offset)
    raw = data[start : None if end < 0 else end][:1000]
    return raw.decode("utf-8", errors="replace").replace("\x00", "\ufffd")


def _check_characters(text: str, display: str) -> str:
    problems: list[Problem] = []
    for match in _NOT_PRINTABLE.finditer(text):
        message = (
            f"the file holds a control character (U+{ord(match.group()):04X}) "
            "that a plan cannot contain"
        )
        problems.append(_located(text, match.start(), message, display))
        if len(problems) >= MAX_PROBLEMS:
            raise InputError(problems)
    for match in _ODD.finditer(text):
        message = f"the file holds {_ODD_NAMES[match.group()]}, which YAML reads as a line break"
        if match.group() == "\ufeff":
            message = f"the file holds {_ODD_NAMES[match.group()]}"
        problems.append(_located(text, match.start(), message, display))
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.line, p.column)))
    return text


def _located(text: str, offset: int, message: str, display: str) -> Problem:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    return Problem(
        message,
        file=display,
        line=text.count("\n", 0, offset) + 1,
        column=offset - line_start + 1,
        hint="delete it, or replace it with a space; it often comes from copying text out "
        "of another program",
        source_line=text[line_start : None if line_end < 0 else line_end],
    )
