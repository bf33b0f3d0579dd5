"""The README's pre-commit recipe: its hooks at the pinned tag, by ``pre-commit try-repo`` and by
``pre-commit run`` with the README's configuration (the clone in the placeholder's place), in
a repository holding plans and a YAML file that is not a plan."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from recipes.conftest import Clone
from recipes.support import (
    PLACEHOLDER_URL,
    TIMEOUT,
    clean_environment,
    git,
    new_workspace,
    pre_commit_config,
    pre_commit_override,
    tool,
)

NOT_A_PLAN = "name: ci\non: [push]\njobs: {}\n"


def pre_commit_command(*args: str, home: Path) -> tuple[list[str], dict[str, str]]:
    env = clean_environment()
    env["PRE_COMMIT_HOME"] = str(home)
    return [tool("pre-commit"), *args, "--color", "never"], env


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    command, env = pre_commit_command(*args, home=home)
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def outcomes(output: str, clone: Clone) -> dict[str, str]:
    """Each hook's id and what pre-commit said of it (Passed, Failed)."""
    hooks = yaml.safe_load((clone.path / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    names = {hook["name"]: hook["id"] for hook in hooks}
    found = {}
    for line in output.splitlines():
        match = re.match(r"(.+?)\.{2,}(?:\(no files to check\))?(Passed|Failed|Skipped)$", line)
        if match and match.group(1) in names:
            found[names[match.group(1)]] = match.group(2)
    return found


@pytest.mark.slow
def test_the_pre_commit_recipe_runs_as_written(clone: Clone, tmp_path: Path) -> None:
    home = tmp_path / "pre-commit-home"
    examples = clone.path / "examples"
    repo = new_workspace(tmp_path / "repo", examples, ["developing.yaml", "ready.yaml"])
    (repo / "workflow.yml").write_text(NOT_A_PLAN, encoding="utf-8")
    git("add", "--all", cwd=repo)

    config = pre_commit_config()
    (entry,) = config["repos"]
    assert entry["repo"] == PLACEHOLDER_URL
    assert entry["rev"] == clone.tag
    hook_ids = [hook["id"] for hook in entry["hooks"]]
    assert hook_ids == ["readiness-validate", "readiness-audit"]

    # The README's configuration as written, the clone in the placeholder's place. try-repo
    # installs the hooks in a store of its own, so this one installs them at the same time.
    entry["repo"] = str(clone.path)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git("add", "--all", cwd=repo)
    command, env = pre_commit_command("install-hooks", home=home)
    installing = subprocess.Popen(
        command, cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        # try-repo, at the README's tag: both hooks pass on good plans and a YAML file that is
        # not a plan, and change nothing.
        before = {
            p: p.read_bytes() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts
        }
        result = pre_commit(
            "try-repo", str(clone.path), "--ref", clone.tag, "--all-files", cwd=repo, home=home
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert outcomes(result.stdout, clone) == dict.fromkeys(hook_ids, "Passed"), result.stdout
        after = {
            p: p.read_bytes() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts
        }
        assert after == before
    finally:
        log, _ = installing.communicate(timeout=TIMEOUT)
    assert installing.returncode == 0, log

    # A plan that falls short fails the audit hook; the format hook still passes.
    shutil.copyfile(examples / "training-only.yaml", repo / "plans" / "training-only.yaml")
    git("add", "--all", cwd=repo)
    result = pre_commit("run", "--all-files", cwd=repo, home=home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert outcomes(result.stdout, clone) == {
        "readiness-validate": "Passed",
        "readiness-audit": "Failed",
    }
    assert "training-only" in result.stdout

    # The README's override of the audit hook's entry: --min-band ready fails the developing
    # plan, which passes the default band.
    (override,) = pre_commit_override()
    assert override["id"] in hook_ids
    entry["hooks"] = [override if hook["id"] == override["id"] else hook for hook in entry["hooks"]]
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "plans" / "training-only.yaml").unlink()
    git("add", "--all", cwd=repo)
    result = pre_commit("run", "--all-files", cwd=repo, home=home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert outcomes(result.stdout, clone)["readiness-audit"] == "Failed"
    falling_short = [line for line in result.stdout.splitlines() if "falls short" in line]
    assert any("plans/developing.yaml" in line for line in falling_short), result.stdout
    assert not any("plans/ready.yaml" in line for line in falling_short), result.stdout
