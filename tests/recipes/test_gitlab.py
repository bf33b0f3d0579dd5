"""The README's GitLab CI recipe: its script lines, run in bash in a venv standing for the
image's Python, install readiness from the clone at the pinned tag and audit a copy of the
examples.

The venv is the one the action's tests made when they ran first (``runner_temp``), with
readiness uninstalled: the recipe's ``pip install`` installs readiness itself, and finds its
dependencies there already, as an image with them cached would.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from recipes.conftest import Clone
from recipes.support import (
    PLACEHOLDER_URL,
    TIMEOUT,
    bash,
    clean_environment,
    git,
    gitlab_pipeline,
    new_workspace,
    package_version,
)


@pytest.mark.slow
def test_the_gitlab_recipe_runs_as_written(clone: Clone, tmp_path: Path, runner_temp: Path) -> None:
    job = gitlab_pipeline()["readiness"]
    # Keys the test does not act on would be recipe the test does not run.
    assert set(job) == {"image", "script", "artifacts"}
    assert str(job["image"]).startswith("python:")
    lines = [line.replace(PLACEHOLDER_URL, clone.url) for line in job["script"]]
    assert any(f"git+{clone.url}@{clone.tag}" in line for line in lines)

    image = runner_temp / "readiness-venv"
    if (image / "bin" / "python").exists():
        subprocess.run(
            [
                str(image / "bin" / "python"),
                "-m",
                "pip",
                "uninstall",
                "--yes",
                "--quiet",
                "readiness",
            ],
            check=True,
            timeout=TIMEOUT,
        )
    else:
        subprocess.run([sys.executable, "-m", "venv", str(image)], check=True, timeout=TIMEOUT)
    examples = clone.path / "examples"
    project = new_workspace(
        tmp_path / "project", examples, sorted(p.name for p in examples.glob("*.yaml"))
    )
    env = clean_environment(image / "bin")
    env.update({"CI": "true", "GITLAB_CI": "true", "CI_PROJECT_DIR": str(project)})

    result = bash("\n".join(lines) + "\n", cwd=project, env=env)
    # The training-only example falls short: the job fails, and the reports are still kept.
    assert result.returncode == 1, result.stdout + result.stderr
    assert "training-only" in result.stdout
    # readiness came from the clone, at the tag.
    (record,) = image.glob("lib/python*/site-packages/readiness-*.dist-info/direct_url.json")
    origin = json.loads(record.read_text(encoding="utf-8"))
    assert origin["url"] == clone.url
    assert origin["vcs_info"]["requested_revision"] == clone.tag
    assert origin["vcs_info"]["commit_id"] == git("rev-parse", "HEAD", cwd=clone.path).strip()
    version = subprocess.run(
        [str(image / "bin" / "readiness"), "--version"], capture_output=True, text=True, check=True
    )
    assert package_version() in version.stdout

    artifacts = job["artifacts"]
    assert artifacts["when"] == "always"
    junit = ET.parse(project / artifacts["reports"]["junit"]).getroot()
    suites = junit.findall(".//testsuite")
    assert len(suites) == 3  # a suite per plan
    failing = [s for s in suites if int(s.get("failures", "0")) > 0]
    assert failing, "the training-only plan's suite has failures"
    for name in artifacts["paths"]:
        report = project / name
        assert report.stat().st_size > 0, name
    assert shutil.which("readiness", path=env["PATH"]) == str(image / "bin" / "readiness")
