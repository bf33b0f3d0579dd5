"""Shared fixtures: the installed command, a plan builder, and the default rubric."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
AS_OF = date(2027, 1, 15)


def readiness_command() -> str:
    """The installed console script, next to the running interpreter when there is one."""
    beside = Path(sys.executable).parent / "readiness"
    if beside.exists():
        return str(beside)
    found = shutil.which("readiness")
    if found is None:
        pytest.fail("the readiness command is not installed: pip install '.[test]'")
    return found


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``readiness`` command; output is captured, never a terminal."""
    environment = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
    return subprocess.run(
        [readiness_command(), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        input=stdin,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="session")
def rubric():  # type: ignore[no-untyped-def]
    from readiness.rubric.load import load_rubric

    return load_rubric()
