"""Finding plans: what a folder or pattern search counts as a plan, and what it never skips.

The search decides by reading each YAML file as the loader does, so a plan is found however
it is written (a quoted key, a long opening comment, UTF-16); a file or folder it cannot read,
or a file too big to tell, is an error naming it, never passed over in silence.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, run
from readiness.audit.discover import discover, is_plan
from readiness.errors import InputError, Problem

PLAN = (EXAMPLES / "training-only.yaml").read_text(encoding="utf-8")
QUOTED = PLAN.replace("\nreadiness: 1\n", '\n"readiness": 1\n', 1)
LONG_COMMENT = "#" + "x" * (1024 * 1024 + 100) + "\n"
NOT_A_PLAN = "name: ci\non: [push]\njobs: {}\n"
LOCKED_HINT = "make it readable, or leave it out with 'exclude' in .readiness.yaml"


def found(*arguments: str, **options: object) -> list[str]:
    return [f.display for f in discover(list(arguments), **options).plans]  # type: ignore[arg-type]


def problems(*arguments: str, **options: object) -> tuple[Problem, ...]:
    with pytest.raises(InputError) as caught:
        discover(list(arguments), **options)  # type: ignore[arg-type]
    return caught.value.problems


def refuse_listing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make one folder unreadable, as chmod 000 would for anyone but root."""
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if Path(path).resolve() == folder.resolve():
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder, holding plans/ with one ordinary plan."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text(PLAN, encoding="utf-8")
    return tmp_path / "plans"


# -- what a search counts as a plan -------------------------------------------------------
def test_a_quoted_readiness_key_is_a_plan(plans: Path) -> None:
    (plans / "quoted.yaml").write_text(QUOTED, encoding="utf-8")
    assert found("plans") == ["plans/a.yaml", "plans/quoted.yaml"]


def test_a_plan_opening_with_a_comment_over_1_mib_is_found(plans: Path) -> None:
    (plans / "comment.yaml").write_text(LONG_COMMENT + QUOTED, encoding="utf-8")
    assert found("plans") == ["plans/a.yaml", "plans/comment.yaml"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_plan_in_an_encoding_the_loader_reads_is_found(plans: Path, encoding: str) -> None:
    data = PLAN.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    (plans / "wide.yaml").write_bytes(data)
    assert found("plans") == ["plans/a.yaml", "plans/wide.yaml"]


def test_yaml_that_is_not_a_plan_is_skipped_and_counted(plans: Path) -> None:
    (plans / "workflow.yml").write_text(NOT_A_PLAN)
    (plans / "list.yaml").write_text("- readiness\n- 1\n")
    result = discover(["plans"])
    assert ([f.display for f in result.plans], result.not_plans) == (["plans/a.yaml"], 2)


def test_yaml_that_does_not_parse_is_skipped_unless_a_line_starts_with_readiness(
    plans: Path,
) -> None:
    (plans / "broken.yaml").write_text("name: [unclosed\n")
    (plans / "broken-plan.yaml").write_text("'readiness' 1\nplan: [unclosed\n")
    assert found("plans") == ["plans/a.yaml", "plans/broken-plan.yaml"]


def test_a_plan_without_a_byte_order_mark_in_utf_16_is_reported_as_a_plan(plans: Path) -> None:
    (plans / "wide.yaml").write_bytes(PLAN.encode("utf-16-le"))  # the loader refuses it
    assert found("plans") == ["plans/a.yaml", "plans/wide.yaml"]


@settings(max_examples=25, deadline=None)
@given(
    key=st.sampled_from(["readiness", '"readiness"', "'readiness'", '"\\x72eadiness"']),
    comment=st.integers(min_value=0, max_value=5000),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]),
)
def test_every_way_of_writing_the_key_is_found(key: str, comment: int, encoding: str) -> None:
    text = ("#" + "c" * comment + "\n" if comment else "") + f"{key}: 1\nplan: {{title: T}}\n"
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "p.yaml").write_bytes(text.encode(encoding))
        assert [f.path.name for f in discover([folder]).plans] == ["p.yaml"]


# -- what a search never skips in silence -------------------------------------------------
def test_a_yaml_file_too_big_to_tell_is_an_error(plans: Path) -> None:
    (plans / "big.yaml").write_text("# " + "x" * 2000 + "\nname: data\n")
    assert problems("plans", max_bytes=1024) == (
        Problem(
            "this YAML file is larger than the 1 KB limit for a plan, "
            "so readiness cannot tell whether it is one",
            file="plans/big.yaml",
            hint="if it is a plan, raise the limit with --max-size; if not, "
            "leave it out with 'exclude' in .readiness.yaml",
        ),
    )


def test_a_big_file_that_is_plainly_a_plan_is_left_to_the_loader(plans: Path) -> None:
    (plans / "big.yaml").write_text("readiness: 1\n# " + "x" * 2000 + "\n")
    assert found("plans", max_bytes=1024) == ["plans/a.yaml", "plans/big.yaml"]


def test_an_unreadable_sub_folder_is_an_error_naming_it(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (plans / "locked").mkdir()
    refuse_listing(monkeypatch, plans / "locked")
    assert problems("plans") == (
        Problem(
            "this folder cannot be searched for plans (permission denied)",
            file="plans/locked",
            hint=LOCKED_HINT,
        ),
    )


def test_an_unreadable_folder_in_a_pattern_is_an_error_naming_it(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (plans / "locked").mkdir()
    refuse_listing(monkeypatch, plans / "locked")
    assert [p.file for p in problems("plans/**/*.yaml")] == ["plans/locked"]


def test_an_unreadable_file_is_an_error_naming_it(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.open

    def refuse(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).name == "a.yaml":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    assert problems("plans") == (
        Problem(
            "this file cannot be read to tell whether it is a plan (permission denied)",
            file="plans/a.yaml",
            hint=LOCKED_HINT,
        ),
    )


def test_exclude_covering_an_unreadable_folder_leaves_it_unread(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (plans / "archive").mkdir()
    refuse_listing(monkeypatch, plans / "archive")
    result = discover(["plans"], ("plans/archive/*",))
    assert ([f.display for f in result.plans], result.excluded) == (["plans/a.yaml"], 1)


def test_a_fifo_in_a_folder_is_skipped_without_waiting(plans: Path) -> None:
    os.mkfifo(plans / "pipe.yaml")
    assert found("plans") == ["plans/a.yaml"]


def test_a_link_to_a_device_is_skipped_without_opening_it(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (plans / "device.yaml").symlink_to(os.devnull)
    opened: list[str] = []
    real = os.open

    def spy(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        opened.append(Path(path).name)
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", spy)
    assert (found("plans"), opened) == (["plans/a.yaml"], ["a.yaml"])


# -- named files, exclude, empty searches -------------------------------------------------
def test_a_named_file_is_kept_whatever_exclude_says(plans: Path) -> None:
    (plans / "workflow.yml").write_text(NOT_A_PLAN)
    result = discover(["plans/a.yaml", "plans/workflow.yml"], ("*",))
    assert ([f.display for f in result.plans], result.excluded) == (
        ["plans/a.yaml", "plans/workflow.yml"],
        0,
    )


def test_plans_only_applies_exclude_and_the_plan_test_to_named_files(plans: Path) -> None:
    (plans / "workflow.yml").write_text(NOT_A_PLAN)
    (plans / "b.yaml").write_text(QUOTED)
    result = discover(
        ["plans/a.yaml", "plans/b.yaml", "plans/workflow.yml"], ("*/a.yaml",), None, True
    )
    assert ([f.display for f in result.plans], result.excluded, result.not_plans) == (
        ["plans/b.yaml"],
        1,
        1,
    )


def test_exclude_applies_to_folder_searches(plans: Path) -> None:
    (plans / "b.yaml").write_text(PLAN)
    result = discover(["plans"], ("plans/a.*",))
    assert ([f.display for f in result.plans], result.excluded) == (["plans/b.yaml"], 1)


def test_a_folder_without_plans_is_an_error_unless_an_empty_run_is_allowed(plans: Path) -> None:
    (plans / "a.yaml").write_text(NOT_A_PLAN)
    assert [p.message for p in problems("plans")] == [
        "no plans found in this folder (a plan is a .yaml or .yml file with a top-level "
        "'readiness:' key)"
    ]
    assert found("plans", allow_empty=True) == []


def test_a_pattern_spans_folders_but_not_hidden_ones(plans: Path) -> None:
    for folder in ("deep/er", ".hidden"):
        (plans / folder).mkdir(parents=True)
        (plans / folder / "p.yml").write_text(PLAN)
    assert found("plans/**/*.y*ml") == ["plans/a.yaml", "plans/deep/er/p.yml"]


# -- end to end ---------------------------------------------------------------------------
def test_validate_finds_every_plan_however_written(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "plain.yaml").write_text(PLAN)
    (plans / "quoted.yaml").write_text(QUOTED)
    (plans / "comment.yaml").write_text(LONG_COMMENT + QUOTED)
    (plans / "wide.yaml").write_bytes(PLAN.encode("utf-16"))
    result = run("validate", "plans", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "4 plans valid.\n")


def test_audit_of_a_folder_with_an_unreadable_sub_folder_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "plans" / "locked").mkdir(parents=True)
    (tmp_path / "plans" / "a.yaml").write_text(PLAN)
    refuse_listing(monkeypatch, tmp_path / "plans" / "locked")
    result = run("audit", "plans", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "plans/locked: error: this folder cannot be searched for plans (permission denied)\n"
        f"  hint: {LOCKED_HINT}\n",
    )


def test_is_plan_reads_nothing_from_a_file_that_is_gone(tmp_path: Path) -> None:
    assert is_plan(tmp_path / "gone.yaml") is False
