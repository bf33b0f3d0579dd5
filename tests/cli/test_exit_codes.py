"""Exit codes: 2 for input or an environment readiness cannot use (a full disk, a deleted
working folder, an unusable GITHUB_STEP_SUMMARY, a failing --template), 3 only for a bug, 130
for Ctrl-C, each with a plain message and never a traceback."""

from __future__ import annotations

import errno
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, readiness_command, run, run_installed

READY = str(EXAMPLES / "ready.yaml")


def test_ctrl_c_exits_130_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import readiness.audit.run

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(readiness.audit.run, "judge", interrupted)
    result = run("audit", READY)
    assert (result.returncode, result.stderr) == (130, "readiness: interrupted\n")


def test_a_deleted_working_folder_exits_2_in_plain_words(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = 'cd "$1" && rmdir "$1" && shift && exec "$@"'
    result = subprocess.run(
        ["sh", "-c", script, "sh", str(gone), readiness_command(), "audit", READY],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "readiness: error: the working folder no longer exists (it was deleted or moved)\n"
        "  hint: change to a folder that exists, then run readiness again\n"
    )


def test_a_step_summary_in_a_missing_folder_exits_2_and_writes_no_report(
    tmp_path: Path,
) -> None:
    summary = tmp_path / "missing" / "summary.md"
    result = run(
        "audit", READY, "-f", "github", "-o", "report.json",
        cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        f"readiness: error: cannot write the GitHub step summary '{summary}': "
        "its folder does not exist\n"
    )
    assert result.stdout == ""
    assert sorted(tmp_path.iterdir()) == []


def test_a_step_summary_that_is_a_folder_exits_2(tmp_path: Path) -> None:
    result = run("audit", READY, "-f", "github", env={"GITHUB_STEP_SUMMARY": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr == (
        f"readiness: error: cannot write the GitHub step summary '{tmp_path}': it is a folder\n"
    )


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        (
            "/var/data/x",
            "readiness: error: cannot use '/var/data/x': no space left on the device\n",
        ),
        (None, "readiness: error: no space left on the device\n"),
    ],
)
def test_a_full_disk_anywhere_exits_2_not_3(
    monkeypatch: pytest.MonkeyPatch, filename: str | None, expected: str
) -> None:
    import readiness.audit.run

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", filename)

    monkeypatch.setattr(readiness.audit.run, "judge", full)
    result = run("audit", READY)
    assert (result.returncode, result.stderr) == (2, expected)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            "# Board report\n{{ 1/0 }}\n",
            "tpl/report.md.j2:2:1: error: the report template cannot be used: division by zero\n",
        ),
        (
            "{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}\n",
            "tpl/report.md.j2:1:1: error: the report template cannot be used: maximum "
            "recursion depth exceeded",
        ),
        (
            "{{ no_such_macro() }}\n",
            "report.md.j2: error: the report template cannot be used: 'no_such_macro' is "
            "undefined\n",
        ),
    ],
    ids=["division-by-zero", "endless-recursion", "undefined-macro"],
)
def test_a_template_that_fails_exits_2_and_writes_nothing(
    tmp_path: Path, template: str, expected: str
) -> None:
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "report.md.j2").write_text(template)
    result = run("audit", READY, "--template", "tpl", "-o", "board.md", "-f", "json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(expected)
    assert "hint: check the template given with --template" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tpl"]
    assert result.stdout == ""


def test_a_bug_while_a_template_is_in_use_is_still_a_bug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import readiness.reporters.board
    import readiness.reporters.markdown

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    shutil.copytree(
        Path(readiness.reporters.markdown.__file__).parent.parent / "templates", tmp_path / "tpl"
    )
    monkeypatch.setattr(readiness.reporters.board, "context", broken)
    result = run("audit", READY, "--template", "tpl", "-o", "board.md", cwd=tmp_path)
    assert result.returncode == 3
    assert "internal error (RuntimeError)" in result.stderr


def test_an_output_that_cannot_show_every_character_still_gets_the_whole_summary() -> None:
    result = run_installed(
        "audit", str(EXAMPLES / "developing.yaml"), env={"PYTHONIOENCODING": "ascii"}
    )
    assert result.returncode == 0, result.stderr
    assert "NHS Strathairlie, Women, Children and Families Directorate ? " in result.stdout
    assert result.stdout.rstrip().endswith("at least developing.")
