"""Reading a plan's bytes: files that are not plans, encodings, characters YAML cannot hold."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from readiness.errors import InputError
from readiness.load.source import decode, read_text, utf8_layout

PLAN = "readiness: 1\nplan:\n  title: A\n"


def problems_of(data: bytes) -> list[tuple[int, int, str]]:
    with pytest.raises(InputError) as caught:
        decode(data, "plan.yaml")
    return [(p.line, p.column, p.message) for p in caught.value.problems]


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError) as caught:
        read_text(plan, "plan.yaml")
    assert caught.value.problems[0].message == "permission denied: the file cannot be read"


def test_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "plan.yaml"
    os.mkfifo(pipe)
    with pytest.raises(InputError) as caught:
        read_text(pipe, "plan.yaml")
    assert "not a regular file" in caught.value.problems[0].message


def test_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    for path, words in ((tmp_path, "this is a folder"), (tmp_path / "no.yaml", "file not found")):
        with pytest.raises(InputError) as caught:
            read_text(path, "x")
        assert words in caught.value.problems[0].message


def test_the_size_limit(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN + "#" * 2000)
    with pytest.raises(InputError) as caught:
        read_text(plan, "plan.yaml", max_bytes=1024)
    assert "larger than the 1 KB limit" in caught.value.problems[0].message
    assert read_text(plan, "plan.yaml", max_bytes=4096).startswith("readiness: 1")


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_are_read(bom: bytes, encoding: str) -> None:
    assert decode(bom + PLAN.encode(encoding), "plan.yaml") == PLAN


@pytest.mark.parametrize(
    ("encoding", "words"),
    [
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_wide_text_without_a_mark_is_named(encoding: str, words: str) -> None:
    assert (
        f"looks like {words} text without a byte-order mark"
        in problems_of(PLAN.encode(encoding))[0][2]
    )


def test_invalid_utf8_is_located_and_shown() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"readiness: 1\nplan:\n  title: caf\xe9\n", "plan.yaml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (3, 13)
    assert problem.source_line == "  title: caf\ufffd"


def test_binary_data_is_named() -> None:
    assert "binary data" in problems_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")[0][2]


@pytest.mark.parametrize(
    ("char", "words"),
    [
        ("\u2028", "line separator (U+2028)"),
        ("\u2029", "paragraph separator (U+2029)"),
        ("\x85", "'next line' character (U+0085)"),
        ("\ufeff", "byte-order mark (U+FEFF) in the middle"),
        ("\x07", "control character (U+0007)"),
        ("\x1b", "control character (U+001B)"),
    ],
)
def test_characters_a_plan_cannot_hold_are_located(char: str, words: str) -> None:
    found = problems_of(f"readiness: 1\n# note{char}\n".encode())
    assert found[0][:2] == (2, 7)
    assert words in found[0][2]


def test_line_endings_become_newlines() -> None:
    assert decode(b"a: 1\r\nb: 2\rc: 3\n", "plan.yaml") == "a: 1\nb: 2\nc: 3\n"


def test_the_printable_check_is_yaml_s_printable_set_exactly() -> None:
    from readiness.load.source import _NOT_PRINTABLE

    def printable(code: int) -> bool:  # YAML 1.2, section 5.1
        return (
            code in (0x09, 0x0A, 0x0D, 0x85)
            or 0x20 <= code <= 0x7E
            or 0xA0 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        )

    wrong = [c for c in range(0x110000) if (_NOT_PRINTABLE.match(chr(c)) is None) != printable(c)]
    assert wrong == []


@pytest.mark.parametrize(
    ("data", "layout"),
    [
        (b"a: 1\nb: 2\n", (False, False)),
        (b"\xef\xbb\xbfa: 1\r\nb: 2\r\n", (True, True)),
        (b"a: 1\nb: 2\r\nc: 3\r\n", (False, True)),  # most lines, not the first, decide
        (b"a: 1\r\nb: 2\nc: 3\n", (False, False)),
        (b"", (False, False)),
        (b"\xef\xbb\xbf", (True, False)),
        ("a: 1\r\n".encode("utf-16"), (False, False)),  # saved again as UTF-8
        ("\ufeff\u0d0a: 1\r\n".encode("utf-16-be"), (False, False)),  # 0D 0A: not a CRLF
    ],
)
def test_the_layout_of_a_utf8_file_is_its_byte_order_mark_and_most_common_line_end(
    data: bytes, layout: tuple[bool, bool]
) -> None:
    assert utf8_layout(data) == layout
