"""Many plans at once: --jobs gives the same results in the same order, and errors still stop it."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, run


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """Twenty-four plans: eight copies of each example."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for i in range(8):
        for example in sorted(EXAMPLES.glob("*.yaml")):
            shutil.copy(example, folder / f"{i:02d}-{example.name}")
    return folder


def audit(folder: Path, *args: str) -> tuple[int, str, str]:
    result = run("audit", str(folder), "--as-of", "2027-01-15", *args)
    return result.returncode, result.stdout, result.stderr


def test_parallel_results_equal_serial_ones(many: Path) -> None:
    serial = audit(many, "-f", "json", "--jobs", "1")
    parallel = audit(many, "-f", "json", "--jobs", "2")
    assert serial[0] == parallel[0] == 1
    assert serial[1] == parallel[1]
    paths = [p["path"] for p in json.loads(parallel[1])["plans"]]
    assert paths == sorted(paths)
    assert len(paths) == 24


def test_parallel_summary_lists_every_plan(many: Path) -> None:
    code, out, _ = audit(many, "--jobs", "2")
    assert code == 1
    assert (code, out) == audit(many, "--jobs", "1")[:2]
    assert sum(1 for line in out.splitlines() if ".yaml" in line) == 24
    assert "24 plans audited: 8 fall short of at least developing." in out


def test_a_bad_plan_stops_a_parallel_audit(many: Path, tmp_path: Path) -> None:
    (many / "05-broken.yaml").write_text("readiness: 1\nplan: [\n")
    report = tmp_path / "r.json"
    code, out, err = audit(many, "--jobs", "2", "-o", str(report))
    assert code == 2
    assert "05-broken.yaml:2:7: error:" in err
    assert out == ""
    assert not report.exists()


@pytest.mark.parametrize("value", ["0", "-3"])
def test_jobs_must_be_positive(value: str, many: Path) -> None:
    code, _, err = audit(many, "--jobs", value)
    assert code == 2
    assert "--jobs:" in err


def test_the_benchmark_plans_are_valid_and_distinct(tmp_path: Path) -> None:
    """The benchmark times audits, not error messages: its generated plans must be valid."""
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("bench", ROOT / "bench" / "bench.py")
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench", bench)  # its dataclasses look their module up by name
    spec.loader.exec_module(sys.modules["bench"])
    bench = sys.modules["bench"]
    folder = bench.make_plans(tmp_path / "plans", 12)
    assert run("validate", str(folder)).returncode == 0
    assert len({p.read_text() for p in folder.iterdir()}) == 12
    code, out, _ = audit(folder, "-f", "json")
    assert code == 0
    assert len(json.loads(out)["plans"]) == 12


def test_a_reader_that_stops_early_does_not_change_the_exit_code(tmp_path: Path) -> None:
    """``readiness audit plans/ | head -1`` under pipefail: the code still says the plans pass."""
    import subprocess

    from conftest import readiness_command

    folder = tmp_path / "plans"
    folder.mkdir()
    for i in range(20):
        shutil.copy(EXAMPLES / "ready.yaml", folder / f"{i:02d}.yaml")
    for fmt in ("terminal", "json"):
        process = subprocess.Popen(
            [readiness_command(), "audit", str(folder), "-f", fmt, "--as-of", "2027-01-15"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        process.stdout.close()  # nobody reads: every write meets a closed pipe
        _, err = process.communicate()
        assert process.returncode == 0, err
        assert err == b""


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["validate", str(EXAMPLES)], 0),
        (["schema"], 0),
        (["rubric", "list"], 0),
        (["explain", "RP-01"], 0),
        (["diff", str(EXAMPLES / "training-only.yaml"), str(EXAMPLES / "ready.yaml")], 0),
    ],
)
def test_every_command_keeps_its_exit_code_when_the_reader_stops(
    argv: list[str], code: int
) -> None:
    import subprocess

    from conftest import readiness_command

    process = subprocess.Popen(
        [readiness_command(), *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    process.stdout.close()
    _, err = process.communicate()
    assert (process.returncode, err) == (code, b"")
