"""Hostile input: whatever arrives, ``readiness audit`` answers 0, 1 or 2, quickly and plainly.

The corpus is ``tests/data/hostile/`` (small files, written by ``make_corpus.py`` there) plus
big inputs made here at test time (deep nesting, megabyte lines, 100,000 keys, 10 and 30 MB
plans) and inputs that are not regular files (a folder, a symlink loop, /dev/null, a FIFO).

Every case runs the installed command in a subprocess, with ``-o <tmp>/out/r.json``, and must
keep the contract of ``docs/outputs.md``:

- the exit code is 0, 1 or 2 (3 is a bug), within 5 seconds (20 for the 30 MB plan), and the
  process never holds 600 MB or more (peak RSS, from ``wait4``);
- no traceback; on exit 2 at least one ``: error: `` line and no report written; on exit 0 or
  1 the report is written, whole, as strict JSON;
- every located error names a line that exists, shows that line and puts the caret under
  the column; no error line runs past 1,000 characters (a value is quoted short);
- no parser or pydantic wording reaches the user ("Input should be", "while parsing ...");
- no raw control character (ESC, NUL, BEL ...) is written to the terminal, whatever the plan
  holds in escapes;
- where the right answer is known exactly, the expected exit codes and ``line:column``.

Cases run two at a time (the machine has two cores; FIFOs, which wait rather than compute,
run beside them); a case slow on the clock but not on the CPU is measured once more, since
the machine was busy. Each child gets a 2 GB address-space limit, so a memory bomb fails the
test without taking the machine down.
``READINESS_HOSTILE_COMMAND`` runs the corpus against another build of the command.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import ROOT

HOSTILE = ROOT / "tests" / "data" / "hostile"
AS_OF = "2027-01-15"
MB = 1024 * 1024
TIMEOUT = 10.0
"""Seconds before a run is killed (the limit asserted is 5 s, or 20 s for the 30 MB plan)."""
MEMORY_LIMIT_MB = 600
REPORTS = ("r.json", "r.xml")
"""The reports a case may ask for (``-o out/r.json`` always, ``-o out/r.xml`` for some)."""
ADDRESS_SPACE_KB = 2 * 1024 * 1024
"""ulimit -v for each child: a memory bomb dies at 2 GB instead of exhausting the machine."""

_spec = importlib.util.spec_from_file_location("hostile_corpus", HOSTILE / "make_corpus.py")
assert _spec is not None
assert _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)
BASE: str = corpus.BASE
"""The small valid plan the corpus mutates (``readiness: 1`` on line 1 ... practitioners on 8)."""


# -- running the command ------------------------------------------------------------------
def command() -> str:
    override = os.environ.get("READINESS_HOSTILE_COMMAND")
    if override:
        return override
    beside = Path(sys.executable).parent / "readiness"
    return str(beside) if beside.exists() else shutil.which("readiness") or "readiness"


@dataclass
class Outcome:
    code: int | None
    """The exit code; ``None`` when the run was killed for taking too long."""
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    cpu_seconds: float
    report: str | None
    """The text of ``out/r.json`` if it was written."""
    leftovers: list[str]
    """Anything else left in the output folder (a half-written temporary report)."""
    lines_in_file: int | None
    xml: bytes | None = None
    """``out/r.xml`` (the JUnit report) when a case asks for it with ``-o out/r.xml``."""


def execute(arguments: list[str], extra: tuple[str, ...], cwd: Path, timeout: float) -> Outcome:
    """Run ``readiness`` with a time and address-space limit; measure its time and peak RSS."""
    out = cwd / "out"
    out.mkdir(exist_ok=True)
    for stale in out.iterdir():  # a measurement taken again starts from an empty folder
        stale.unlink()
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FORCE_COLOR", "NO_COLOR", "READINESS_DEBUG")
    }
    environment["PYTHONIOENCODING"] = "utf-8"
    argv = [
        "/bin/sh",
        "-c",
        f'ulimit -v {ADDRESS_SPACE_KB} 2>/dev/null; exec "$0" "$@"',
        command(),
        "audit",
        *arguments,
        "--as-of",
        AS_OF,
        "-o",
        str(out / "r.json"),
        *extra,
    ]
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        start = time.monotonic()
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            cwd=cwd,
            env=environment,
            start_new_session=True,
        )
        killed = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(process.pid, 0)
                killed = True
                break
            time.sleep(0.005)
        seconds = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        text_out = stdout.read().decode("utf-8", "backslashreplace")
        text_err = stderr.read().decode("utf-8", "backslashreplace")
    report_path = out / "r.json"
    report = report_path.read_text("utf-8", "backslashreplace") if report_path.exists() else None
    leftovers = sorted(p.name for p in out.iterdir() if p.name not in REPORTS)
    xml_path = out / "r.xml"
    xml = xml_path.read_bytes() if xml_path.exists() else None
    return Outcome(
        code=None if killed else process.returncode,
        stdout=text_out,
        stderr=text_err,
        seconds=seconds,
        peak_mb=usage.ru_maxrss / 1024,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        report=report,
        leftovers=leftovers,
        lines_in_file=None,
        xml=xml,
    )


# -- what each case expects ---------------------------------------------------------------
At = tuple[int, int | None]
"""A ``(line, column)`` an error must be reported at; column ``None`` means any column."""


@dataclass(frozen=True)
class Expect:
    codes: frozenset[int] = frozenset({0, 1, 2})
    at: tuple[At, ...] = ()
    """Every one of these must be reported (when the exit code is 2)."""
    at_one_of: tuple[At, ...] = ()
    """At least one of these must be reported (when the exit code is 2)."""
    says: tuple[str, ...] = ()
    """Text standard error must contain (when the exit code is 2)."""
    located: bool = False
    """At least one error carries a line and column (when the exit code is 2)."""
    seconds: float = 5.0
    timeout: float = TIMEOUT
    args: tuple[str, ...] = ()


def audits(*codes: int) -> Expect:
    return Expect(codes=frozenset(codes or (0, 1)))


def invalid(*at: At, says: tuple[str, ...] = (), at_one_of: tuple[At, ...] = ()) -> Expect:
    return Expect(codes=frozenset({2}), at=at, says=says, at_one_of=at_one_of, located=True)


def invalid_file(*says: str) -> Expect:
    """Exit 2 about the whole file (no line to point at)."""
    return Expect(codes=frozenset({2}), says=says)


def either(*at: At, at_one_of: tuple[At, ...] = ()) -> Expect:
    """Audited (0 or 1), or refused with exit 2 at the given place; never 3."""
    return Expect(at=at, at_one_of=at_one_of)


# The committed corpus: file name -> expectation. A file missing here gets the bare contract.
EXPECT: dict[str, Expect] = {
    # bytes and encodings
    "binary_junk.yaml": invalid(),
    "binary_junk_no_nul.yaml": invalid((1, 1)),
    "png_header.yaml": invalid(),
    "zip_header.yaml": invalid(),
    "pdf_header.yaml": invalid((2, 2)),
    "pdf_header_ascii.yaml": invalid((1, None)),
    "invalid_utf8_mid.yaml": invalid((4, 23), says=("UTF-8",)),
    "invalid_utf8_truncated.yaml": invalid((9, 11)),
    "latin1_plan.yaml": invalid((4, 20)),
    "utf8_encoded_surrogate.yaml": invalid((4, 18)),
    "nul_bytes.yaml": invalid((4, 21)),
    "nul_only.yaml": invalid((1, 1)),
    "bom_utf8_valid.yaml": audits(0),
    "bom_utf8_twice.yaml": either((1, 1)),
    "bom_mid_file.yaml": invalid((3, 1)),
    "utf16le_bom_valid.yaml": audits(0),
    "utf16be_bom_valid.yaml": audits(0),
    "utf16le_no_bom.yaml": invalid_file("UTF-16"),
    "utf16be_no_bom.yaml": invalid_file("UTF-16"),
    "utf16le_bom_odd_length.yaml": invalid_file("UTF-16"),
    "utf16le_bom_lone_surrogate.yaml": invalid_file("UTF-16"),
    "utf16le_bom_error_line5.yaml": invalid((5, 10)),
    "utf32le_bom_valid.yaml": audits(1),
    "utf32be_bom_valid.yaml": audits(1),
    "utf32le_no_bom.yaml": invalid_file("UTF-32"),
    "utf32be_no_bom.yaml": invalid_file("UTF-32"),
    # characters and escapes
    "lone_surrogate_escape.yaml": invalid((4, None)),
    "surrogate_pair_escape.yaml": either((4, None)),
    "escape_too_big.yaml": invalid((4, None)),
    "escape_unknown.yaml": invalid((4, None)),
    "escape_nul.yaml": either((4, None)),
    "escape_ansi_title.yaml": either((3, None)),
    "escape_ansi_key.yaml": invalid((9, 1)),
    "control_bell.yaml": invalid((4, 21), says=("U+0007",)),
    "control_escape.yaml": invalid((4, 21), says=("U+001B",)),
    "control_c1.yaml": invalid((4, 21)),
    "control_many.yaml": invalid((1, 6), (28, 7)),
    "nel_line_break.yaml": invalid(at_one_of=((2, 6), (9, 6))),
    "line_separator_in_comment.yaml": invalid(at_one_of=((1, 4), (10, 10))),
    "line_separator_comment_valid.yaml": either((1, 21)),
    "nel_comment_valid.yaml": either((1, 21)),
    "line_separator_in_value.yaml": either((4, 21)),
    "noncharacter_fffe.yaml": invalid((4, 21)),
    "bidi_override.yaml": audits(1),
    "zero_width_key.yaml": invalid((3, 3)),
    "emoji_before_error.yaml": invalid((9, 11)),
    "crlf_valid.yaml": audits(0),
    "crlf_error.yaml": invalid((6, 8)),
    "cr_only_valid.yaml": audits(1),
    "cr_only_error.yaml": invalid((6, 8)),
    "cr_only_unknown_key.yaml": invalid((9, 3)),
    "mixed_line_endings.yaml": audits(1),
    "tab_indent.yaml": invalid((3, 1), says=("tab",)),
    "tab_indent_all.yaml": invalid((3, 1), says=("tab",)),
    "tab_after_colon.yaml": audits(1),
    "space_tab_indent.yaml": invalid((4, 2), says=("tab",)),
    "mixed_indent.yaml": invalid((4, None)),
    "mixed_indent_less.yaml": invalid((4, 2)),
    # things left open or closed twice
    "unclosed_double_quote.yaml": invalid((4, 17)),
    "unclosed_single_quote.yaml": invalid((4, 17)),
    "unclosed_bracket.yaml": invalid((10, 12)),
    "unclosed_brace.yaml": invalid((9, 9)),
    "unclosed_bracket_eof.yaml": invalid((10, 12)),
    "unclosed_nested.yaml": invalid(at_one_of=((9, 9), (9, 17))),
    "stray_close_bracket.yaml": invalid((9, 11)),
    "stray_close_brace.yaml": invalid((9, 1)),
    "unclosed_block_scalar.yaml": invalid((10, 12)),
    "colon_in_value.yaml": invalid((4, 24)),
    "missing_colon.yaml": invalid((4, 3)),
    "at_sign_start.yaml": invalid((4, 17)),
    "backtick_start.yaml": invalid((4, 17)),
    "dash_list_misaligned.yaml": invalid((12, 4)),
    # keys with no value
    "no_value_everywhere.yaml": invalid((3, 9), (4, 16), (8, 9), (9, 7), (12, 17)),
    "no_value_required_only.yaml": invalid(
        (1, 11), (3, None), (4, None), (5, None), (6, None), (8, None)
    ),
    "no_value_sections.yaml": invalid((2, 6), (3, 11)),
    "no_value_optional_sections.yaml": audits(1),
    "empty_lists.yaml": audits(1),
    "bare_dash_items.yaml": invalid((11, 6), (12, 6)),
    # YAML 1.1 surprises: every field gets the same word (problems are capped at 50)
    "yaml11_yes_everywhere.yaml": invalid((8, 10), (12, 18), (35, 20), says=("'yes'",)),
    "yaml11_no_everywhere.yaml": invalid((8, 10), (12, 18), (35, 20)),
    "yaml11_on_everywhere.yaml": invalid((8, 10), (12, 18), (35, 20)),
    "yaml11_off_everywhere.yaml": invalid((8, 10), (12, 18), (35, 20)),
    "yaml11_y_everywhere.yaml": invalid((8, 10), (12, 18)),
    "yaml11_n_everywhere.yaml": invalid((8, 10), (12, 18)),
    "yaml11_octal_012345_everywhere.yaml": invalid((8, 10), (18, 19)),
    "yaml11_sexagesimal_1_30_everywhere.yaml": invalid((8, 10), (12, 18)),
    "yaml11_hex_0x1F_everywhere.yaml": invalid((8, 10)),
    "yaml11_inf_everywhere.yaml": invalid((8, 10), (12, 18)),
    "yaml11_nan_everywhere.yaml": invalid((8, 10), (12, 18)),
    "yaml11_tilde_everywhere.yaml": invalid((3, 10), (4, 17), (8, 10), (9, 8), (12, 18)),
    "yaml11_null_everywhere.yaml": invalid((3, 10), (4, 17), (8, 10), (9, 8), (12, 18)),
    "yaml11_empty_map_everywhere.yaml": invalid((3, 10)),
    "yaml11_empty_list_everywhere.yaml": invalid((3, 10)),
    "on_as_key.yaml": invalid((9, 1), says=("'on'",)),
    "on_as_nested_key.yaml": invalid((3, 3)),
    "yes_no_keys.yaml": invalid((9, 1), (10, 1), (11, 1), (12, 1)),
    "null_key.yaml": invalid((9, None)),
    "norway.yaml": invalid((14, 30)),
    # tags
    "tag_python_object_apply.yaml": invalid((4, 17)),
    "tag_python_name.yaml": invalid((4, 17)),
    "tag_binary.yaml": invalid((4, 17)),
    "tag_timestamp.yaml": invalid((4, 17)),
    "tag_set.yaml": invalid((4, 17)),
    "tag_omap.yaml": invalid((4, 17)),
    "tag_pairs.yaml": invalid((4, 17)),
    "tag_local_tag.yaml": invalid((4, 17)),
    "tag_verbatim_str.yaml": audits(1),
    "tag_verbatim_python.yaml": invalid((4, 17)),
    "tag_verbatim_local.yaml": invalid((4, 17)),
    "tag_verbatim_empty.yaml": invalid((4, None)),
    "tag_int_tag_on_text.yaml": invalid((4, 17)),
    "tag_nonspecific_tag.yaml": audits(1),
    "tag_undefined_handle.yaml": invalid((4, 17)),
    "tag_directive.yaml": invalid((6, 17)),
    "tag_directive_redefine_bang.yaml": invalid((6, 17)),
    "tag_on_key.yaml": invalid((3, 3)),
    "tag_int_huge_on_count.yaml": either((8, 18)),
    "yaml_directive_1_1.yaml": audits(1),
    "yaml_directive_2_0.yaml": invalid((1, 1)),
    "yaml_directive_twice.yaml": invalid((2, 1)),
    "reserved_directive.yaml": either((1, 1)),
    # anchors and aliases
    "billion_laughs_9.yaml": invalid((15, 12)),
    "billion_laughs_20.yaml": invalid((15, 12)),
    "billion_laughs_flow_map.yaml": invalid((14, None)),
    "quadratic_list_alias.yaml": invalid((19, None)),
    "quadratic_text_alias.yaml": either(),
    "self_reference_list.yaml": invalid((10, 6)),
    "self_reference_seq.yaml": invalid((10, 26)),
    "alias_as_key.yaml": invalid((11, 3)),
    "alias_as_key_flow.yaml": invalid((10, 1)),
    "undefined_alias.yaml": invalid((4, 17)),
    "alias_before_anchor.yaml": invalid((4, 17)),
    "merge_key.yaml": invalid((9, 1), (13, 5), says=("<<",)),
    "merge_key_list.yaml": invalid((11, 10)),
    "merge_key_valid_anchor.yaml": invalid((11, 7), says=("<<",)),
    # nesting
    "nest_flow_list_10.yaml": invalid((9, 12)),
    "nest_flow_map_10.yaml": invalid((9, 16)),
    "nest_block_list_10.yaml": invalid((10, 1)),
    "nest_block_map_10.yaml": invalid((11, 3)),
    "nest_flow_list_100.yaml": invalid((9, 75)),
    "nest_flow_map_100.yaml": invalid((9, None)),
    "nest_block_list_100.yaml": invalid((10, None)),
    "nest_block_map_100.yaml": invalid((73, None)),
    "nest_unclosed_flow_1000.yaml": invalid((9, None)),
    "nest_exactly_64.yaml": invalid((1, 1)),
    "nest_65.yaml": invalid((1, 67)),
    # documents and top-level shapes
    "multi_document.yaml": invalid((9, 1)),
    "doc_start_only.yaml": invalid_file("empty"),
    "doc_end_only.yaml": invalid_file("empty"),
    "directive_only.yaml": Expect(codes=frozenset({2})),
    "directive_and_start.yaml": invalid_file("empty"),
    "empty.yaml": invalid_file("empty"),
    "whitespace_only.yaml": Expect(codes=frozenset({2})),
    "comment_only.yaml": invalid_file("empty"),
    "top_scalar.yaml": invalid((1, 1)),
    "top_list.yaml": invalid((1, 1)),
    "top_block_scalar.yaml": invalid((1, 1)),
    "top_flow_map.yaml": audits(1),
    "top_complex_key.yaml": invalid((1, None)),
    "top_flow_map_key.yaml": invalid((1, 1)),
    # numbers
    "huge_int_10000_digits.yaml": either((8, 18)),
    "huge_int_version.yaml": invalid((1, 12)),
    "huge_int_4301_digits.yaml": either((8, 18)),
    "huge_int_in_text.yaml": audits(1),
    "huge_int_in_date.yaml": invalid((5, 10)),
    "huge_float_digits.yaml": invalid((8, 18)),
    "huge_hex.yaml": either((8, 18)),
    "float_overflow.yaml": invalid((8, 18)),
    "readiness_string.yaml": invalid((1, 12)),
    "readiness_2.yaml": invalid((1, 12)),
    "readiness_list.yaml": invalid((1, 12)),
    "readiness_missing.yaml": invalid((1, 1)),
    "neg_zero_counts.yaml": invalid((10, 21)),
    "float_counts.yaml": invalid((8, 18), (9, 10), (10, 18)),
    "inf_amounts.yaml": either(),
    "nan_amounts.yaml": invalid((10, 9), (13, 22), (14, 15), (17, 45), (19, 12)),
    "huge_amounts.yaml": either(),
    "huge_practitioners.yaml": either((8, 18)),
    "percent_strings.yaml": invalid((10, 19), (11, 20), (12, 20)),
    "money_strings.yaml": invalid((11, 45)),
    "big_int_400_digits_teams.yaml": either((9, 10)),
    "big_int_400_digits_cohort_size.yaml": either((11, 23)),
    "big_int_400_digits_coaching_months.yaml": either((12, 13)),
    "big_int_400_digits_feedback_days.yaml": either((10, 25)),
    "error_after_10000_lines.yaml": invalid((10004, 17)),
    "long_key_2000.yaml": invalid((9, 1)),
    "long_quoted_key_2000.yaml": invalid((9, 1)),
    "long_unknown_key_in_plan.yaml": invalid((3, 3)),
    # dates
    "date_start_feb29_2027.yaml": invalid((5, 10), says=("28 days",)),
    "date_start_feb29_2028.yaml": audits(1),
    "date_start_year_0000.yaml": invalid((5, 10)),
    "date_start_year_9999.yaml": invalid(at_one_of=((5, 10), (6, 8))),
    "date_start_month_00.yaml": invalid((5, 10)),
    "date_start_day_32.yaml": invalid((5, 10)),
    "date_start_year_0001.yaml": either((5, 10)),
    "date_start_month_only.yaml": audits(1),
    "date_start_slashes.yaml": invalid((5, 10)),
    "date_start_unicode_digits.yaml": either((5, 10)),
    "date_start_0001_with_materials.yaml": either((5, 10)),
    "date_end_year_9999.yaml": either((6, 8)),
    "date_end_year_0000.yaml": invalid((6, 8)),
    "date_end_feb29_2027.yaml": invalid((6, 8)),
    "date_span_0001_9999.yaml": either((5, 10), (6, 8)),
    "date_all_9999.yaml": invalid((12, 18)),
    "waiver_until_9999.yaml": either((10, None)),
    "cohort_start_9999.yaml": either(at_one_of=((6, 8), (11, 37))),
    "end_before_start.yaml": invalid((6, 8), says=("before it starts",)),
    # meaning
    "waiver_unknown_criterion.yaml": invalid((10, 16), (14, 16)),
    "waiver_duplicate.yaml": invalid((11, 17)),
    "waiver_criterion_number.yaml": invalid((10, 17)),
    "duplicate_cohort_names.yaml": invalid((13, 14)),
    "duplicate_keys.yaml": invalid((9, 1), says=("line 7",)),
    "duplicate_keys_nested.yaml": invalid((4, 3)),
    "duplicate_keys_flow.yaml": invalid((9, 25)),
    "unknown_keys_many.yaml": invalid((9, 1)),
    "typo_keys.yaml": invalid((3, 3), (8, 3), (10, 3), says=("did you mean 'supervision'",)),
    "wrong_types_sections.yaml": invalid((9, None), (10, None), (11, None), (12, None), (13, None)),
    "cohorts_not_list.yaml": invalid((10, 12)),
    "cohort_size_zero.yaml": invalid((11, 23)),
    "narrative_nested.yaml": invalid((11, 5)),
    "unknown_vocab.yaml": invalid((10, 13), (12, None)),
    "timepoints_hostile.yaml": invalid((12, 20)),
    "timepoint_huge.yaml": either((12, None)),
    "language_cubic_10kb.yaml": audits(1),
    "language_clauses_55kb.yaml": audits(1),
    # YAML structure
    "complex_key.yaml": invalid((9, 3)),
    "empty_key.yaml": invalid((9, 1)),
    "key_only_colon.yaml": invalid((9, 1)),
    "anchor_on_doc.yaml": audits(1),
    "alias_top_level.yaml": invalid((1, 1)),
    "block_scalar_bad_indicator.yaml": invalid((10, None)),
    "block_scalar_indent_0.yaml": invalid((10, None)),
    "plain_multiline.yaml": invalid((5, 3)),
    "document_end_then_content.yaml": invalid(at_one_of=((9, 1), (10, 1))),
    "trailing_garbage.yaml": invalid((9, 1)),
    # found by fuzzing
    "tag_in_flow_list.yaml": invalid((10, None)),
    "fuzz_nel_then_tab.yaml": invalid(at_one_of=((4, 17), (9, 1))),
    # the examples, lightly broken
    "ready_no_newline_end.yaml": audits(0),
    "ready_doubled.yaml": invalid((185, 1)),
}


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], list[str]] = field(compare=False, repr=False)
    """Writes the input under the given folder; returns the PLAN arguments."""
    expect: Expect = Expect()
    heavy: bool = False
    """A big input: run first, so the quick cases fill in around it."""
    idle: bool = False
    """Expected to wait rather than compute (a FIFO): runs beside the others, not in turn."""

    def __str__(self) -> str:
        return self.id


def corpus_case(path: Path) -> Case:
    return Case(path.name, lambda _: [str(path)], EXPECT.get(path.name, Expect()))


def written(name: str, text: Callable[[], str | bytes]) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        data = text()
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return [str(path)]

    return make


def big(name: str, text: Callable[[], str], expect: Expect, args: tuple[str, ...] = ()) -> Case:
    return Case(name, written(name + ".yaml", text), replace(expect, args=args), heavy=True)


# -- inputs made at test time ---------------------------------------------------------------
def padded_plan(total: int) -> str:
    """A valid plan of exactly ``total`` bytes: many narrative paragraphs, then a comment."""
    head = BASE + "narrative:\n"
    parts = [head]
    size = len(head)
    paragraph = "plain words about the plan and the people in it " * 2
    index = 0
    while True:
        line = f"  k{index:07d}: {paragraph}\n"
        if size + len(line) > total - 1:
            break
        parts.append(line)
        size += len(line)
        index += 1
    parts.append("#" * (total - size - 1) + "\n")
    return "".join(parts)


def cohorts_plan(total: int) -> str:
    """A valid plan of exactly ``total`` bytes that is nearly all rollout waves."""
    head = BASE.replace("practitioners: 10", "practitioners: 10000000") + "rollout:\n  cohorts:\n"
    parts = [head]
    size = len(head)
    index = 0
    while True:
        line = (
            f"    - {{name: Wave {index:07d}, size: 5, start: 2027-05-01, "
            "exit_criteria: [previous wave reviewed]}\n"
        )
        if size + len(line) > total - 1:
            break
        parts.append(line)
        size += len(line)
        index += 1
    parts.append("#" * (total - size - 1) + "\n")
    return "".join(parts)


def lines(count: int, template: str) -> str:
    return "".join(template.format(i=i) for i in range(count))


AUDITS = audits()
REFUSED_BY_SIZE = invalid_file("limit")
TOO_MANY = Expect(
    codes=frozenset({2}), says=("more than 250,000 keys, values and list items",), located=True
)
"""A plan holds a few hundred entries; far more is refused at once, before memory grows."""
WORDS_1MB = "word " * (MB // 5)

GENERATED: list[Case] = [
    # nesting, 10_000 and 1_000_000 levels, flow and block
    big(
        "nest_flow_list_10000",
        lambda: BASE + "narrative: " + "[" * 10_000 + "]" * 10_000 + "\n",
        invalid((9, None)),
    ),
    big(
        "nest_flow_list_1000000",
        lambda: BASE + "narrative: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n",
        invalid((9, None)),
    ),
    big(
        "nest_flow_open_1000000",
        lambda: BASE + "narrative: " + "[" * 1_000_000 + "\n",
        invalid((9, None)),
    ),
    big(
        "nest_flow_map_10000",
        lambda: BASE + "narrative: " + "{a: " * 10_000 + "x" + "}" * 10_000,
        invalid((9, None)),
    ),
    big(
        "nest_flow_map_1000000",
        lambda: BASE + "narrative: " + "{a: " * 1_000_000 + "x" + "}" * 1_000_000,
        invalid((9, None)),
    ),
    big(
        "nest_block_list_10000",
        lambda: BASE + "narrative:\n" + "- " * 10_000 + "x\n",
        invalid((10, None)),
    ),
    big(
        "nest_block_list_1000000",
        lambda: BASE + "narrative:\n" + "- " * 1_000_000 + "x\n",
        invalid((10, None)),
    ),
    big(
        "nest_block_map_1000",
        lambda: BASE + "narrative:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(1000)),
        invalid((73, None)),
    ),
    big(
        "nest_block_map_10000",  # 50 MB of indentation: the size limit answers
        lambda: BASE + "narrative:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(10_000)),
        REFUSED_BY_SIZE,
    ),
    big(
        "nest_block_map_compact_1000000",
        lambda: BASE + "narrative:\n" + "- " * 1_000_000 + "a: b\n",
        invalid((10, None)),
    ),
    # very long lines and keys
    big("long_line_1mb_value", lambda: BASE.replace("Hostile test plan", "x" * MB), AUDITS),
    big(
        "long_line_1mb_words", lambda: BASE.replace("Hostile test plan", WORDS_1MB.strip()), AUDITS
    ),
    big("long_line_1mb_spaces", lambda: "readiness: 1" + " " * MB + "\n" + BASE[13:], AUDITS),
    big(
        "long_line_1mb_flow",
        lambda: (
            "{readiness: 1, plan: {title: a, commissioner: b, start: 2027-01-01, "
            "end: 2028-01-01}, workforce: {practitioners: 1}, narrative: {"
            + ", ".join(f"k{i}: text{i}" for i in range(60_000))
            + "}}\n"
        ),
        AUDITS,
    ),
    big("long_key_1mb", lambda: BASE + "k" * MB + ": 1\n", invalid((9, 1))),
    big("long_key_1mb_quoted", lambda: BASE + '"' + "k" * MB + '": 1\n', invalid((9, 1))),
    big("long_key_1mb_explicit", lambda: BASE + "? " + "k" * MB + "\n: 1\n", invalid((9, 3))),
    # many keys, many items
    big(
        "many_unknown_keys_100k",
        lambda: BASE + lines(100_000, "unknown{i}: {i}\n"),
        invalid((9, 1), (10, 1)),
    ),
    big(
        "many_unknown_keys_in_plan_100k",
        lambda: BASE.replace("  title:", lines(100_000, "  unknown{i}: {i}\n") + "  title:"),
        invalid((3, 3)),
    ),
    big(
        "many_narrative_keys_100k",
        lambda: BASE + "narrative:\n" + lines(100_000, "  k{i}: some text {i}\n"),
        AUDITS,
    ),
    big(
        "many_cohorts_100k",
        lambda: (
            BASE.replace("practitioners: 10", "practitioners: 1000000")
            + "rollout:\n  cohorts:\n"
            + lines(100_000, "    - {{name: c{i}, size: 5, start: 2027-05-01}}\n")
        ),
        TOO_MANY,
    ),
    big(
        "many_cohorts_100k_invalid",
        lambda: (
            BASE
            + "rollout:\n  cohorts:\n"
            + "    - {name: 1, size: -1, start: x, champions: -1, selection: 3, zz: 1}\n" * 100_000
        ),
        TOO_MANY,
    ),
    big(
        "many_cohorts_100k_duplicate_names",
        lambda: (
            BASE
            + "rollout:\n  cohorts:\n"
            + "    - {name: c, size: 1, start: 2027-05-01}\n" * 100_000
        ),
        TOO_MANY,
    ),
    big(
        "many_list_items_1m",
        lambda: BASE + "training:\n  methods: [" + ", ".join(["workshop"] * 1_000_000) + "]\n",
        TOO_MANY,
    ),
    big(
        "many_tiny_items_10mb",  # 5 million one-letter exit criteria, under the size limit
        lambda: (
            BASE + "rollout:\n  cohorts:\n    - {name: a, size: 1, start: 2027-05-01, "
            "exit_criteria: [" + "a," * 5_200_000 + "a]}\n"
        ),
        either(),
    ),
    big(  # 5 million wrong list items, under the size limit: one validation error each
        "many_invalid_items_10mb",
        lambda: BASE + "training:\n  methods: [" + "1," * 5_200_000 + "1]\n",
        invalid((10, None)),
    ),
    big(
        "many_outcome_measures_100k",
        lambda: (
            BASE
            + "standards:\n  outcome_measures:\n"
            + lines(
                100_000,
                "  - {{name: m{i}, about: practitioners, timepoints: [baseline, 2 years]}}\n",
            )
        ),
        TOO_MANY,
    ),
    big(
        "many_waivers_unknown_100k",
        lambda: (
            BASE
            + "waivers:\n"
            + lines(
                100_000, "  - {{criterion: ZZ-{i}, reason: r, approved_by: a, until: 2028-01-01}}\n"
            )
        ),
        TOO_MANY,
    ),
    big(
        "many_exit_criteria_100k",
        lambda: (
            BASE + "rollout:\n  cohorts:\n    - name: a\n      size: 1\n      start: 2027-05-01\n"
            "      exit_criteria:\n" + lines(100_000, "        - criterion number {i}\n")
        ),
        AUDITS,
    ),
    big(
        "many_problems_control_100k",
        lambda: BASE + lines(100_000, "k{i}: a\x01\n"),
        invalid((9, 6)),
    ),
    big(
        "many_problems_duplicates_100k",
        lambda: BASE + "narrative:\n" + "  k: v\n" * 100_000,
        invalid((11, 3)),
    ),
    big(
        "many_problems_tags_100k",
        lambda: BASE + "narrative:\n" + lines(100_000, "  k{i}: !x v\n"),
        invalid((10, 7)),
    ),
    big(  # 1 MB of text anchored once and aliased 9,999 times: 10 GB for the text checks
        "alias_text_bomb_1mb_x9999",
        lambda: (
            BASE.replace("Hostile test plan", "&t " + WORDS_1MB.strip())
            + "narrative:\n"
            + lines(9999, "  s{i}: *t\n")
        ),
        either(),
    ),
    big(
        "alias_unknown_key_bomb",
        lambda: BASE + "x: &t " + "k" * 1000 + "\n" + lines(9999, "u{i}: *t\n"),
        Expect(codes=frozenset({2}), says=("aliases (*name) repeat too much",), located=True),
    ),
    # huge numbers and strings
    big(
        "huge_int_1e6_digits",
        lambda: BASE.replace("practitioners: 10", "practitioners: " + "9" * 10**6),
        either((8, 18)),
    ),
    big(
        "huge_float_1e6_digits",
        lambda: BASE.replace("practitioners: 10", "practitioners: 9." + "9" * 10**6),
        invalid((8, 18)),
    ),
    big(
        "narrative_1e6_chars", lambda: BASE + "narrative:\n  summary: " + "a" * 10**6 + "\n", AUDITS
    ),
    big(
        "narrative_1e6_words",
        lambda: BASE + "narrative:\n  summary: " + "word " * (10**6 // 5) + "\n",
        AUDITS,
    ),
    big(
        "narrative_1e6_quotes",
        lambda: BASE + "narrative:\n  summary: '" + '"a" ' * (10**6 // 4) + "sanctions'\n",
        AUDITS,
    ),
    # the size limit, and a 30 MB plan
    big("size_exactly_10mb", lambda: padded_plan(10 * MB), AUDITS),
    big("size_10mb_plus_1", lambda: padded_plan(10 * MB + 1), REFUSED_BY_SIZE),
    big("size_30mb_default_limit", lambda: padded_plan(30 * MB), REFUSED_BY_SIZE),
    big(
        "size_30mb_narrative",
        lambda: padded_plan(30 * MB),
        Expect(seconds=20.0, timeout=22.0),  # audited, or refused for holding too much
        args=("--max-size", "40"),
    ),
    big(  # 327,000 waves: auditing them or refusing so many are both fine, in time
        "size_30mb_cohorts",
        lambda: cohorts_plan(30 * MB),
        Expect(seconds=20.0, timeout=22.0),
        args=("--max-size", "40"),
    ),
]


# -- inputs that are not ordinary files ---------------------------------------------------
def make_folder(folder: Path) -> list[str]:
    (folder / "plans").mkdir()
    (folder / "plans" / "a.yaml").write_text(BASE)
    return [str(folder / "plans")]


def make_empty_folder(folder: Path) -> list[str]:
    (folder / "plans").mkdir()
    return [str(folder / "plans")]


def make_folder_named_yaml(folder: Path) -> list[str]:
    (folder / "plan.yaml").mkdir()
    (folder / "plan.yaml" / "inner.yaml").write_text(BASE)
    return [str(folder / "plan.yaml")]


def make_symlink_loop(folder: Path) -> list[str]:
    (folder / "loop.yaml").symlink_to("loop.yaml")
    return [str(folder / "loop.yaml")]


def make_symlink_cycle(folder: Path) -> list[str]:
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    return [str(folder / "a.yaml")]


def make_folder_with_parent_link(folder: Path) -> list[str]:
    (folder / "plans").mkdir()
    (folder / "plans" / "a.yaml").write_text(BASE)
    (folder / "plans" / "up").symlink_to("..")
    (folder / "plans" / "self").symlink_to(".")
    return [str(folder / "plans")]


def make_broken_symlink(folder: Path) -> list[str]:
    (folder / "gone.yaml").symlink_to("nowhere.yaml")
    return [str(folder / "gone.yaml")]


def make_fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "plan.yaml")
    return [str(folder / "plan.yaml")]


def make_fifo_in_folder(folder: Path) -> list[str]:
    (folder / "plans").mkdir()
    (folder / "plans" / "a.yaml").write_text(BASE)
    os.mkfifo(folder / "plans" / "pipe.yaml")
    return [str(folder / "plans")]


def make_non_utf8_name(folder: Path) -> list[str]:
    name = os.fsdecode(b"plan-\xff.yaml")
    (folder / name).write_text(BASE)
    return [str(folder / name)]


def make_newline_name(folder: Path) -> list[str]:
    (folder / "two\nlines.yaml").write_text(BASE)
    return [str(folder / "two\nlines.yaml")]


def make_base(folder: Path) -> list[str]:
    (folder / "plan.yaml").write_text(BASE)
    return [str(folder / "plan.yaml")]


def make_fifo_rubric(folder: Path) -> list[str]:
    os.mkfifo(folder / "rubric.yaml")
    return make_base(folder)


def with_args(expect: Expect, *args: str) -> Expect:
    return replace(expect, args=args)


def titled(title: str) -> Callable[[Path], list[str]]:
    """A valid plan whose title is ``title`` (written as a double-quoted YAML string)."""
    quoted = json.dumps(title)  # a JSON string is a valid YAML double-quoted scalar
    return written("plan.yaml", lambda: BASE.replace("Hostile test plan", quoted))


def named(name: str, text: str = BASE) -> Callable[[Path], list[str]]:
    """A plan file called ``name``."""
    return written(name, lambda: text)


FORGED = "::error file=README.md,line=1::forged annotation"
STOP = "##[stop-commands]token"
GITHUB = ("-f", "github")


SPECIAL: list[Case] = [
    Case("folder_of_plans", make_folder, audits(1)),
    Case("folder_without_plans", make_empty_folder, invalid_file("no plan")),
    Case("folder_named_like_a_plan", make_folder_named_yaml, audits(1)),
    Case("folder_with_parent_symlink", make_folder_with_parent_link, audits(1)),
    Case("symlink_loop", make_symlink_loop, invalid_file()),
    Case("symlink_cycle", make_symlink_cycle, invalid_file()),
    Case("broken_symlink", make_broken_symlink, invalid_file("not found")),
    Case("dev_null", lambda _: ["/dev/null"], invalid_file("not a regular file")),
    Case("dev_zero", lambda _: ["/dev/zero"], invalid_file("not a regular file")),
    Case("fifo", make_fifo, Expect(codes=frozenset({2})), idle=True),
    Case("fifo_in_folder", make_fifo_in_folder, Expect(codes=frozenset({1, 2})), idle=True),
    # (an unreadable file is tested in test_source.py: root, as CI runs, reads any file)
    Case("non_utf8_file_name", make_non_utf8_name, audits(1)),
    Case("newline_in_file_name", make_newline_name, audits(1)),
    Case("max_size_inf", make_base, with_args(audits(1, 2), "--max-size", "inf")),
    Case("max_size_1e308", make_base, with_args(audits(1, 2), "--max-size", "1e308")),
    Case("max_size_nan", make_base, with_args(Expect(codes=frozenset({2})), "--max-size", "nan")),
    Case(
        "as_of_year_0", make_base, with_args(Expect(codes=frozenset({2})), "--as-of", "0000-01-01")
    ),
    Case("as_of_year_9999", make_base, with_args(audits(1, 2), "--as-of", "9999-12-31")),
    Case(
        "rubric_is_a_fifo",
        make_fifo_rubric,
        Expect(codes=frozenset({2}), args=("--rubric", "rubric.yaml")),
        idle=True,
    ),
]

# Output read by machines that act on it (CI runners): plan text and file names must never
# start a workflow command, stop them, or break a report's format.
INJECTION: list[Case] = [
    Case("title_forges_annotation", titled(FORGED), audits(1)),
    Case("title_forges_annotation_github", titled(FORGED), with_args(audits(1), *GITHUB)),
    Case("title_stops_commands", titled(STOP), audits(1)),
    Case("title_stops_commands_github", titled(STOP), with_args(audits(1), *GITHUB)),
    # control characters are refused by the loader, with their place (the title is on line 3)
    Case(
        "title_escape_sequences",
        titled("\x1b]8;;https://evil.example\x07x\x1b[2J"),
        invalid((3, 10), says=("control character",)),
    ),
    Case("title_bidi_override", titled("plan \u202eelif.yaml"), audits(1)),
    Case("file_named_like_a_command", named("::warning::x.yaml"), with_args(audits(1), *GITHUB)),
    Case("file_named_stop_commands", named("##[stop-commands]x.yaml"), audits(1)),
    Case(
        "invalid_file_named_like_a_command",
        named("::error::bad.yaml", BASE + "extra: 1\n"),
        invalid_file("unknown key"),
    ),
    Case(
        "unknown_key_forges_annotation",
        named("plan.yaml", BASE + '"::error::k": 1\n'),
        invalid((9, 1), says=("unknown key",)),
    ),
    Case("title_xml_invalid", titled("a\ufffe\uffffb"), with_args(audits(1), "-o", "out/r.xml")),
]

CORPUS = [corpus_case(p) for p in sorted(HOSTILE.glob("*.yaml"))]
ALL = [*CORPUS, *GENERATED, *SPECIAL, *INJECTION]


# -- checking an outcome against the contract ---------------------------------------------
JARGON = (
    "Input should",
    "Value error",
    "validation error",
    "pydantic",
    "while parsing",
    "while scanning",
    "did not find expected",
    "could not find expected",
    "found unexpected",
    "found character",
    "found invalid",
    "found incompatible",
    "found duplicate",
    "found unknown",
    "found a tab",
    "expected <",
)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LOCATED = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+): error: ")


def count_lines(data: bytes) -> int:
    """Lines as an editor shows them: CR LF, LF and a lone CR each end one."""
    for bom, encoding in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, "replace")
            break
    else:
        text = data.decode("utf-8", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.count("\n") + (0 if text.endswith("\n") else 1)


# Cases whose expectation above allows more than one exit code, pinned to the one they give:
# a change of answer (a plan refused that was audited, or the other way) is then a failure
# to look at, not something the contract lets pass.
PINNED: dict[str, int] = {
    "alias_text_bomb_1mb_x9999": 2,
    "as_of_year_9999": 2,
    "big_int_400_digits_coaching_months.yaml": 2,
    "big_int_400_digits_cohort_size.yaml": 2,
    "big_int_400_digits_feedback_days.yaml": 2,
    "big_int_400_digits_teams.yaml": 2,
    "bom_utf8_twice.yaml": 2,
    "cohort_start_9999.yaml": 2,
    "date_end_year_9999.yaml": 2,
    "date_span_0001_9999.yaml": 2,
    "date_start_0001_with_materials.yaml": 2,
    "date_start_unicode_digits.yaml": 1,
    "date_start_year_0001.yaml": 2,
    "escape_ansi_title.yaml": 2,
    "escape_nul.yaml": 2,
    "fifo_in_folder": 1,
    "huge_amounts.yaml": 2,
    "huge_hex.yaml": 2,
    "huge_int_10000_digits.yaml": 2,
    "huge_int_1e6_digits": 2,
    "huge_int_4301_digits.yaml": 2,
    "huge_practitioners.yaml": 2,
    "inf_amounts.yaml": 2,
    "line_separator_comment_valid.yaml": 2,
    "line_separator_in_value.yaml": 2,
    "long_line_1mb_flow": 1,
    "long_line_1mb_spaces": 1,
    "long_line_1mb_value": 1,
    "long_line_1mb_words": 1,
    "many_exit_criteria_100k": 1,
    "many_narrative_keys_100k": 1,
    "many_tiny_items_10mb": 2,
    "max_size_1e308": 2,
    "max_size_inf": 2,
    "narrative_1e6_chars": 1,
    "narrative_1e6_quotes": 1,
    "narrative_1e6_words": 1,
    "nel_comment_valid.yaml": 2,
    "quadratic_text_alias.yaml": 2,
    "ready_truncated_half.yaml": 1,
    "reserved_directive.yaml": 2,
    "size_30mb_cohorts": 2,
    "size_30mb_narrative": 2,
    "size_exactly_10mb": 1,
    "surrogate_pair_escape.yaml": 2,
    "tag_int_huge_on_count.yaml": 2,
    "timepoint_huge.yaml": 2,
    "waiver_until_9999.yaml": 2,
}


_OWN_ANNOTATION = re.compile(r"::(error|warning|notice) (file|title)=")


def forged_commands(text: str, where: str, *, github: bool) -> list[str]:
    """Lines a GitHub runner would take as a workflow command that readiness did not mean.

    A runner reads a line starting with ``::`` (after spaces) as a command, and ``##[``
    anywhere in a line; with ``--format github`` readiness's own annotations are the only
    lines allowed to start with ``::``.
    """
    found = []
    for line in text.split("\n"):
        if "##[" in line:
            found.append(f"{where} has a line a runner reads as a command: {line[:120]!r}")
        elif line.lstrip().startswith("::") and not (github and _OWN_ANNOTATION.match(line)):
            found.append(f"{where} has a line that starts a workflow command: {line[:120]!r}")
    return found


def exit_codes(case: Case) -> frozenset[int]:
    return frozenset({PINNED[case.id]}) if case.id in PINNED else case.expect.codes


def violations(case: Case, outcome: Outcome) -> list[str]:
    """Everything about ``outcome`` that breaks the contract, in plain words (empty if none)."""
    expect = case.expect
    found: list[str] = []
    err = outcome.stderr
    if outcome.code is None:
        return [
            f"killed after {outcome.seconds:.1f} s (no answer within {expect.timeout:.0f} s; "
            f"{outcome.cpu_seconds:.1f} s of CPU)"
        ]
    if outcome.code not in (0, 1, 2):
        found.append(f"exit {outcome.code}: {err.strip()[-300:]!r}")
    elif outcome.code not in exit_codes(case):
        found.append(f"exit {outcome.code}, expected {sorted(exit_codes(case))}")
    if "Traceback" in err:
        found.append("a traceback on standard error")
    # Over the limit on the clock counts when the CPU time was near it too: on a shared,
    # busy machine the clock runs on while the run waits for a core (a run that hangs
    # without working is still killed at the timeout, above).
    if outcome.seconds >= expect.seconds and outcome.cpu_seconds >= expect.seconds * 0.8:
        found.append(
            f"took {outcome.seconds:.1f} s (limit {expect.seconds:.0f} s; "
            f"{outcome.cpu_seconds:.1f} s of CPU)"
        )
    if outcome.peak_mb >= MEMORY_LIMIT_MB:
        found.append(f"peak memory {outcome.peak_mb:.0f} MB (limit {MEMORY_LIMIT_MB} MB)")
    if outcome.leftovers:
        found.append(f"left files in the output folder: {outcome.leftovers}")
    found.extend(forged_commands(outcome.stdout, "standard output", github="github" in expect.args))
    found.extend(forged_commands(err, "standard error", github=False))
    if outcome.xml is not None:
        try:
            ElementTree.fromstring(outcome.xml)
        except ElementTree.ParseError as exc:
            found.append(f"the JUnit report is not well-formed XML: {exc}")
    if outcome.code == 2:
        if ": error: " not in err:
            found.append("exit 2 without any ': error: ' line")
        if outcome.report is not None:
            found.append("a report was written although the input was refused (exit 2)")
    elif outcome.code in (0, 1):
        if outcome.report is None:
            found.append("the audit ran but no report was written")
        else:
            try:
                json.loads(outcome.report, parse_constant=_reject_constant)
            except ValueError as exc:
                found.append(f"the JSON report is not valid strict JSON: {exc}")
    jargon = [row for row in err.split("\n") if any(word in row for word in JARGON)]
    found.extend(
        f"parser or pydantic wording reaches the user: {row[:200]!r}"
        for row in dict.fromkeys(jargon)
    )
    for name, text in (("standard output", outcome.stdout), ("standard error", err)):
        match = CONTROL.search(text)
        if match:
            at = match.start()
            found.append(
                f"raw control character U+{ord(match.group()):04X} written to {name}: "
                f"{text[max(0, at - 30) : at + 30]!r}"
            )
    found.extend(_located_errors(err, outcome.lines_in_file))
    if outcome.code == 2:
        found.extend(_expected_places(expect, err))
    return found


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _located_errors(err: str, lines_in_file: int | None) -> list[str]:
    found: list[str] = []
    rows = err.split("\n")  # not splitlines(): a source line may hold U+2028 or U+0085
    for index, row in enumerate(rows):
        if ": error: " in row and len(row) > 1000:
            found.append(f"an error line of {len(row):,} characters: {row[:150]!r}...")
        match = LOCATED.match(row)
        if not match:
            continue
        line, column = int(match["line"]), int(match["column"])
        where = f"{line}:{column}"
        if lines_in_file is not None and line > lines_in_file:
            found.append(f"error at {where}, but the file has {lines_in_file} lines: {row[:200]!r}")
        shown = rows[index + 1] if index + 1 < len(rows) else ""
        caret = rows[index + 2] if index + 2 < len(rows) else ""
        if not re.match(rf"^\s*{line} \| ", shown):
            found.append(f"error at {where} without its source line: {row[:200]!r}")
            continue
        bar = shown.index(" | ") + 3
        # Up to column 80 the source line is shown from its start, so the caret sits at the column.
        if column <= 80 and "^" in caret and caret.index("^") - bar != column - 1:
            found.append(
                f"error at {where}: the caret is under column {caret.index('^') - bar + 1}, "
                f"not {column}"
            )
    return found


def _expected_places(expect: Expect, err: str) -> list[str]:
    reported = [
        (int(m["line"]), int(m["column"])) for m in map(LOCATED.match, err.split("\n")) if m
    ]
    found: list[str] = []

    def has(line: int, column: int | None) -> bool:
        return any(r == line and (column is None or c == column) for r, c in reported)

    def show(place: At) -> str:
        return f"{place[0]}:{place[1] if place[1] is not None else '*'}"

    got = ", ".join(f"{r}:{c}" for r, c in reported) or "none"
    missing = [show(p) for p in expect.at if not has(*p)]
    if missing:
        found.append(f"no error reported at {', '.join(missing)} (reported: {got})")
    if expect.at_one_of and not any(has(*p) for p in expect.at_one_of):
        options = " or ".join(show(p) for p in expect.at_one_of)
        found.append(f"no error reported at {options} (reported: {got})")
    if expect.located and not reported:
        found.append("no error names a line and column")
    found.extend(f"standard error does not say {text!r}" for text in expect.says if text not in err)
    return found


# -- running every case, two at a time ----------------------------------------------------
def run_case(case: Case, folder: Path) -> Outcome:
    folder.mkdir(parents=True, exist_ok=True)
    arguments = case.make(folder)
    source = Path(arguments[0])
    outcome = execute(arguments, case.expect.args, folder, case.expect.timeout)
    if outcome.code is not None and outcome.seconds >= case.expect.seconds > outcome.cpu_seconds:
        # Slow on the clock but not on the CPU: the machine was busy. Measure once more.
        outcome = execute(arguments, case.expect.args, folder, case.expect.timeout)
    try:
        if source.is_file() and not source.is_symlink():
            outcome.lines_in_file = count_lines(source.read_bytes())
    except OSError:
        pass
    if case.heavy:
        for path in folder.glob("*.yaml"):  # big inputs: keep the disk tidy
            path.unlink()
    return outcome


@pytest.fixture(scope="module")
def outcome_of(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[Case], Outcome]]:
    root = tmp_path_factory.mktemp("hostile")
    pool = ThreadPoolExecutor(max_workers=2)  # two cores: one case on each
    idle_pool = ThreadPoolExecutor(max_workers=2)
    futures: dict[str, Future[Outcome]] = {}

    def submit(case: Case) -> Future[Outcome]:
        if case.id not in futures:
            lane = idle_pool if case.idle else pool
            futures[case.id] = lane.submit(run_case, case, root / re.sub(r"\W", "_", case.id))
        return futures[case.id]

    chosen = [
        item.callspec.params["case"]
        for item in request.session.items
        if getattr(item, "module", None) is request.module
        and hasattr(item, "callspec")
        and "case" in item.callspec.params
        and not item.get_closest_marker("skip")
    ]
    for case in sorted(chosen, key=lambda c: not c.heavy):  # heavy first, quick ones fill in
        submit(case)
    yield lambda case: submit(case).result()
    pool.shutdown(wait=True, cancel_futures=True)
    idle_pool.shutdown(wait=True, cancel_futures=True)


def case_params(cases: list[Case]) -> list[object]:
    params: list[object] = []
    for case in cases:
        params.append(pytest.param(case, id=case.id))
    return params


@pytest.mark.parametrize("case", case_params(ALL))
def test_hostile_input_keeps_the_contract(
    case: Case, outcome_of: Callable[[Case], Outcome]
) -> None:
    outcome = outcome_of(case)
    problems = violations(case, outcome)
    summary = (
        f"exit {outcome.code}, {outcome.seconds:.2f} s, {outcome.peak_mb:.0f} MB; "
        f"stderr: {outcome.stderr[:400]!r}"
    )
    assert not problems, f"{case.id}: " + "; ".join(problems) + f"\n  ({summary})"


def test_every_case_has_one_exit_code() -> None:
    loose = [case.id for case in ALL if len(exit_codes(case)) != 1]
    assert loose == []
    assert set(PINNED) <= {case.id for case in ALL}
    for case_id, code in PINNED.items():
        assert code in next(c for c in ALL if c.id == case_id).expect.codes, case_id


def test_every_corpus_file_is_small_and_known() -> None:
    """Committed inputs stay under 100 KB (big ones are made here), and each has a purpose."""
    sizes = {p.name: p.stat().st_size for p in HOSTILE.glob("*.yaml")}
    assert not {n: s for n, s in sizes.items() if s >= 100_000}
    assert len(sizes) >= 200
    unknown = sorted(set(EXPECT) - set(sizes))
    assert not unknown, f"expectations for files that are not in the corpus: {unknown}"
