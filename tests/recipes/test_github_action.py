"""The README's GitHub Actions recipe: the workflow's steps, with the readiness action's own
steps (``action.yml`` at the pinned tag of the clone) run in order as bash scripts.

``actions/checkout`` is the workspace the test makes; the action's ``uses:`` steps
(``actions/setup-python``, ``github/codeql-action/upload-sarif``) and the workflow's
``actions/upload-artifact`` cannot run here: the test checks what they would be given.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from recipes.conftest import Clone
from recipes.support import (
    PLACEHOLDER_ACTION,
    ActionRun,
    Context,
    clean_environment,
    github_workflow,
    new_workspace,
    run_action,
    should_run,
)

EXAMPLES = ["developing.yaml", "ready.yaml", "training-only.yaml"]
UPLOAD_SARIF = "github/codeql-action/upload-sarif@v4"
FAIL_STEP = "Fail when a plan falls short or cannot be read"


def run_workflow(
    clone: Clone, workspace: Path, runner_temp: Path, python_bin: Path
) -> tuple[ActionRun, list[str]]:
    """The README's workflow, step by step; returns the action's run and the steps that ran."""
    workflow = github_workflow()
    # upload-sarif needs to write security events; the checkout needs to read.
    assert workflow["permissions"] == {"contents": "read", "security-events": "write"}
    (job,) = workflow["jobs"].values()
    status = Context({}, {}, {})
    ran: list[str] = []
    action: ActionRun | None = None
    for step in job["steps"]:
        uses = step.get("uses", "")
        assert "run" not in step, "a workflow step the test does not run"
        if not should_run(step, status):
            continue
        ran.append(uses)
        if uses.startswith("actions/checkout@"):
            continue  # the workspace is the checkout
        if uses.startswith(f"{PLACEHOLDER_ACTION}@"):
            assert uses == f"{PLACEHOLDER_ACTION}@{clone.tag}"
            action = run_action(
                clone.path,
                step.get("with", {}),
                workspace,
                runner_temp,
                clean_environment(python_bin),
            )
            status.failed = action.exit_code != 0
        elif uses.startswith("actions/upload-artifact@"):
            assert (workspace / step["with"]["path"]).is_file(), "the artifact was written"
        else:
            pytest.fail(f"the test does not know how to run the workflow step {uses}")
    assert action is not None, "the workflow uses the readiness action"
    return action, ran


def sarif_of(run: ActionRun, workspace: Path) -> dict[str, Any]:
    upload = run.simulated[UPLOAD_SARIF]
    assert upload["sarif_file"] == run.outputs["sarif"] == "readiness.sarif"
    document = json.loads((workspace / upload["sarif_file"]).read_text(encoding="utf-8"))
    assert document["version"] == "2.1.0"
    assert document["runs"][0]["tool"]["driver"]["name"] == "readiness"
    return document


@pytest.mark.slow
def test_the_github_recipe_runs_as_written(
    clone: Clone, tmp_path: Path, runner_temp: Path, python_bin: Path
) -> None:
    workspace = new_workspace(tmp_path / "workspace", clone.path / "examples", EXAMPLES)
    run, ran = run_workflow(clone, workspace, runner_temp, python_bin)
    # The training-only example falls short: the action fails, after the SARIF upload.
    assert run.exit_code == 1, run.output
    assert run.outputs["exit-code"] == "1"
    assert run.ran[-2:] == ["Upload the gaps to code scanning", FAIL_STEP]
    assert "at least one plan falls short" in run.output
    assert run.simulated["actions/setup-python@v5"] == {"python-version": "3.12"}
    # The workflow keeps the board report even though the action failed.
    assert ran[-1].startswith("actions/upload-artifact@")

    results = sarif_of(run, workspace)["runs"][0]["results"]
    assert results, "the gaps of the plans that fall short are in the SARIF file"
    assert "::error file=plans/training-only.yaml" in run.output
    lines = run.output.splitlines()
    for plan, verdict in [
        ("developing", "reaches"),
        ("ready", "reaches"),
        ("training-only", "falls short"),
    ]:
        assert any(
            line.startswith(f"plans/{plan}.yaml: {plan}") and verdict in line for line in lines
        ), run.output
    assert "plans/training-only.yaml" in run.summary


@pytest.mark.slow
def test_the_actions_inputs_reach_readiness_as_values_never_as_commands(
    clone: Clone, tmp_path: Path, runner_temp: Path, python_bin: Path
) -> None:
    workspace = new_workspace(tmp_path / "workspace", clone.path / "examples", EXAMPLES)
    inputs = {
        "paths": "  plans/ready.yaml  \n\nplans/developing.yaml\n",  # not training-only
        "outputs": "board $(touch injected).md\n`touch injected`.json",
        "sarif": "",
        "upload-sarif": False,
        "min-band": "at-risk",
        "fail-under": "60",
        "ignore-waivers": True,
        "python-version": "",
    }
    run = run_action(clone.path, inputs, workspace, runner_temp, clean_environment(python_bin))
    assert run.exit_code == 0, run.output
    assert FAIL_STEP not in run.ran
    assert run.simulated == {}, "no Python set up and no SARIF uploaded"
    assert run.outputs == {"exit-code": "0", "sarif": ""}
    written = sorted(p.name for p in workspace.iterdir() if p.is_file())
    assert written == ["`touch injected`.json", "board $(touch injected).md"]
    assert not (workspace / "injected").exists()

    report = json.loads((workspace / "`touch injected`.json").read_text(encoding="utf-8"))
    assert (report["min_band"], report["fail_under"]) == ("at-risk", 60)
    plans = {plan["path"]: plan for plan in report["plans"]}
    assert sorted(plans) == ["plans/developing.yaml", "plans/ready.yaml"]
    # developing.yaml waives a criterion; with ignore-waivers nothing is waived.
    outcomes = [c["outcome"] for c in plans["plans/developing.yaml"]["criteria"]]
    assert "waived" not in outcomes
