"""Golden files: every output format for every example, with a fixed --as-of.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and
read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT, run

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = ["ready", "developing", "training-only"]
FORMATS = {
    "json": "json",
    "markdown": "md",
    "terminal": "txt",
    "html": "html",
    "sarif": "sarif",
    "junit": "xml",
    "github": "github.txt",
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("example", EXAMPLES)
def test_golden(example: str, fmt: str, tmp_path: Path) -> None:
    result = run(
        "audit", f"examples/{example}.yaml", "--format", fmt, "--as-of", "2027-01-15", cwd=ROOT
    )
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr == ""
    golden = GOLDEN / f"{example}.{FORMATS[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLES)
def test_golden_json_version_1(example: str) -> None:
    """The older JSON layout, kept for one release, is still written exactly as it was."""
    result = run(
        "audit",
        f"examples/{example}.yaml",
        "-f",
        "json",
        "--json-version",
        "1",
        "--as-of",
        "2027-01-15",
        cwd=ROOT,
    )
    assert result.returncode in (0, 1), result.stderr
    golden = GOLDEN / f"{example}.v1.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_the_output_file_matches_stdout(tmp_path: Path) -> None:
    report = tmp_path / "board.md"
    result = run(
        "audit", "examples/developing.yaml", "-o", str(report), "--as-of", "2027-01-15", cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert report.read_text(encoding="utf-8") == (GOLDEN / "developing.md").read_text(
        encoding="utf-8"
    )


def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        report = tmp_path / f"{name}.json"
        run("audit", "examples/", "-o", str(report), "--as-of", "2027-01-15", cwd=ROOT)
        outputs.append(report.read_bytes())
    assert outputs[0] == outputs[1]


CI_FORMATS = {"sarif": "sarif", "junit": "xml", "github": "github.txt"}


@pytest.mark.parametrize("fmt", sorted(CI_FORMATS))
def test_golden_invalid_plan(fmt: str) -> None:
    """A plan that cannot be read: the CI formats carry its problems; exit 2."""
    result = run(
        "audit", "tests/data/invalid-plan.yaml", "--format", fmt, "--as-of", "2027-01-15", cwd=ROOT
    )
    assert result.returncode == 2
    assert "invalid-plan.yaml:19:10: error: plan.start" in result.stderr
    golden = GOLDEN / f"invalid.{CI_FORMATS[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "terminal"])
def test_invalid_plan_prints_no_report(fmt: str) -> None:
    result = run("audit", "tests/data/invalid-plan.yaml", "--format", fmt, cwd=ROOT)
    assert result.returncode == 2
    assert result.stdout == ""
