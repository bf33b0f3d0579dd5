"""The settings file is found safely, and no run passes without checking a plan.

- the search for ``.readiness.yaml`` stops at the repository's root, or outside a repository
  at the working folder; one found that another user owns is refused (as git refuses another
  user's repository), unless given with ``--config``;
- a file named on the command line is checked whatever ``exclude`` says, unless
  ``--plans-only`` (pre-commit) asks for the search's rules;
- a run that finds no plan to check is an error, unless ``--plans-only`` or ``--allow-empty``;
- pre-commit's hooks end their options with ``--``, so a file named like an option is a plan.

You run as root here, so other users' files are made by pretending to be another user.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, ROOT, run

PLAN = EXAMPLES / "developing.yaml"  # band developing: passes by default, fails --min-band ready
NOT_A_PLAN = "name: ci\non: [push]\njobs: {}\n"
STRICT = "min_band: ready\nexclude: ['*']\n"
FOREIGN = (
    "error: this settings file belongs to another user, so readiness does not use it\n"
    "  hint: pass --config FILE to use it anyway\n"
)
EMPTY_HINT = (
    "  hint: name a plan file to check it anyway, or pass --allow-empty if a run that finds "
    "no plan should pass\n"
)


@pytest.fixture
def someone_else(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as a user who owns none of the files the test makes."""
    monkeypatch.setattr(os, "getuid", lambda: os.stat(ROOT).st_uid + 4242)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A working folder holding one plan, in a temporary folder outside any repository."""
    assert not any((p / ".git").exists() for p in tmp_path.parents)
    folder = tmp_path / "work"
    folder.mkdir()
    shutil.copy(PLAN, folder / "plan.yaml")
    return folder


def audited(result: object) -> list[str]:
    return [p["path"] for p in json.loads(result.stdout)["plans"]]  # type: ignore[attr-defined]


# -- where the search looks, and whose file it takes --------------------------------------
def test_outside_a_repository_another_users_file_in_a_parent_is_not_used(
    work: Path, someone_else: None
) -> None:
    (work.parent / ".readiness.yaml").write_text(STRICT)
    result = run("audit", ".", "-f", "json", cwd=work)
    assert (result.returncode, audited(result)) == (0, ["plan.yaml"])


def test_outside_a_repository_no_parent_is_searched(work: Path) -> None:
    (work.parent / ".readiness.yaml").write_text(STRICT)  # your own, but above the folder
    result = run("audit", ".", "-f", "json", cwd=work)
    assert (result.returncode, audited(result)) == (0, ["plan.yaml"])


def test_another_users_file_in_the_working_folder_is_refused(
    work: Path, someone_else: None
) -> None:
    (work / ".readiness.yaml").write_text(STRICT)
    result = run("audit", "plan.yaml", cwd=work)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"{work.as_posix()}/.readiness.yaml: {FOREIGN}",
    )


def test_another_users_file_is_refused_up_to_the_repository_root(
    work: Path, someone_else: None
) -> None:
    (work / ".git").mkdir()
    (work / ".readiness.yaml").write_text(STRICT)
    (work / "plans").mkdir()
    result = run("validate", "../plan.yaml", cwd=work / "plans")
    assert (result.returncode, result.stderr) == (
        2,
        f"{work.as_posix()}/.readiness.yaml: {FOREIGN}",
    )


def test_config_takes_another_users_file_when_asked(work: Path, someone_else: None) -> None:
    (work / ".readiness.yaml").write_text("min_band: ready\n")
    result = run("audit", "plan.yaml", "--config", ".readiness.yaml", "-f", "json", cwd=work)
    assert (result.returncode, audited(result)) == (1, ["plan.yaml"])  # ready is required


def test_a_link_to_your_own_file_made_by_someone_else_is_refused(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (work / "mine.yaml").write_text("min_band: ready\n")
    (work / ".readiness.yaml").symlink_to("mine.yaml")
    owner = os.stat(work / "mine.yaml").st_uid
    real_lstat = Path.lstat

    def lstat(self: Path) -> os.stat_result:
        found = real_lstat(self)
        if self.name != ".readiness.yaml":
            return found
        fields = list(found)
        fields[4] = owner + 4242  # st_uid: the link belongs to someone else
        return os.stat_result(fields)

    monkeypatch.setattr(os, "getuid", lambda: owner)
    monkeypatch.setattr(Path, "lstat", lstat)
    result = run("audit", "plan.yaml", cwd=work)
    assert (result.returncode, result.stderr) == (
        2,
        f"{work.as_posix()}/.readiness.yaml: {FOREIGN}",
    )


# -- named files and exclude --------------------------------------------------------------
def test_a_named_file_is_audited_whatever_exclude_says(work: Path) -> None:
    (work / ".readiness.yaml").write_text("exclude: ['*']\n")
    result = run("audit", "plan.yaml", "-f", "json", cwd=work)
    assert (result.returncode, audited(result)) == (0, ["plan.yaml"])


def test_plans_only_applies_exclude_and_skips_files_that_are_not_plans(work: Path) -> None:
    (work / ".readiness.yaml").write_text("exclude: ['plan.yaml']\n")
    (work / "workflow.yml").write_text(NOT_A_PLAN)
    result = run("validate", "--plans-only", "plan.yaml", "workflow.yml", cwd=work)
    assert (result.returncode, result.stdout) == (
        0,
        "No plans to check (1 left out by 'exclude' in .readiness.yaml; "
        "1 YAML file is not a plan).\n",
    )


# -- a run with nothing to check ----------------------------------------------------------
def test_a_folder_search_left_with_no_plan_exits_2(work: Path) -> None:
    (work / ".readiness.yaml").write_text("exclude: ['*']\n")
    for command in ("validate", "audit"):
        result = run(command, ".", cwd=work)
        assert (result.returncode, result.stdout, result.stderr) == (
            2,
            "",
            "readiness: error: no plans to check (1 left out by 'exclude' in .readiness.yaml)\n"
            + EMPTY_HINT,
        )


def test_allow_empty_passes_a_run_left_with_no_plan(work: Path) -> None:
    (work / ".readiness.yaml").write_text("exclude: ['*']\n")
    result = run("validate", ".", "--allow-empty", cwd=work)
    assert (result.returncode, result.stdout) == (
        0,
        "No plans to check (1 left out by 'exclude' in .readiness.yaml).\n",
    )


def test_allow_empty_passes_a_folder_without_plans(tmp_path: Path) -> None:
    result = run("validate", ".", "--allow-empty", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "No plans to check (none found).\n")


# -- pre-commit and file names that look like options -------------------------------------
def test_a_file_named_like_an_option_after_double_dash_is_a_plan(work: Path) -> None:
    (work / ".readiness.yaml").write_text("min_band: training-only\n")
    (work / "s.yaml").write_text("min_band: ready\n")  # what the name would swap in
    shutil.copy(PLAN, work / "--config=s.yaml")
    result = run("audit", "-f", "json", "--plans-only", "--", "--config=s.yaml", cwd=work)
    assert (result.returncode, audited(result)) == (0, ["--config=s.yaml"])


def test_a_broken_plan_named_like_an_option_is_reported_by_its_name(work: Path) -> None:
    (work / "--config=s.yaml").write_text("readiness: 1\nplan: [unclosed\n")
    result = run("validate", "--plans-only", "--", "--config=s.yaml", cwd=work)
    assert (result.returncode, result.stderr.splitlines()[0]) == (
        2,
        "--config=s.yaml:2:7: error: a list opened with '[' here is never closed",
    )


def test_each_pre_commit_hook_ends_its_options_with_double_dash() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["entry"] for h in hooks] == [
        "readiness validate --plans-only --",
        "readiness audit --plans-only --",
    ]


def test_the_hook_command_line_reads_an_option_like_name_as_a_plan(work: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (work / "--config=s.yaml").write_text(NOT_A_PLAN)  # not a plan: skipped, not obeyed
    result = run(*hooks[0]["entry"].split()[1:], "--config=s.yaml", "plan.yaml", cwd=work)
    assert (result.returncode, result.stdout) == (0, "1 plan valid.\n")


# -- the size limit -----------------------------------------------------------------------
def test_max_size_is_at_most_100_mb(work: Path) -> None:
    result = run("validate", "plan.yaml", "--max-size", "101", cwd=work)
    assert (result.returncode, result.stderr) == (
        2,
        "readiness: error: --max-size: give a size in MB greater than 0 and at most 100\n",
    )
    assert run("validate", "plan.yaml", "--max-size", "100", cwd=work).returncode == 0


def test_max_size_mb_in_the_settings_file_is_at_most_100(work: Path) -> None:
    (work / ".readiness.yaml").write_text("max_size_mb: 101\n")
    result = run("validate", "plan.yaml", cwd=work)
    assert (result.returncode, result.stderr) == (
        2,
        f"{work.as_posix()}/.readiness.yaml:1:14: error: max_size_mb must be at most 100, not 101\n"
        "    1 | max_size_mb: 101\n"
        "      |              ^\n"
        "  hint: the largest plan file to read, in MB (the default is 10)\n",
    )
