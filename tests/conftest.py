"""Shared helpers: the command run in-process (``run``) or as installed (``run_installed``),
paths, and the default rubric.

Most command-line tests call ``run``: the same ``readiness`` command line, run inside the
test process with its own argv, environment, working folder and captured output, which costs
milliseconds instead of a fresh interpreter. Tests of the entry point itself, pipes, start-up
imports and the hostile corpus use ``run_installed``.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
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


def _environment(env: dict[str, str] | None) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
    return environment


class _Output(io.TextIOWrapper):
    """Captured output that reports itself as UTF-8 and not a terminal, as a CI log would."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", newline="\n", write_through=True)

    def text(self) -> str:
        self.flush()
        buffer = self.buffer
        assert isinstance(buffer, io.BytesIO)
        return buffer.getvalue().decode("utf-8")


@contextlib.contextmanager
def _process(env: dict[str, str], cwd: Path | None) -> Iterator[None]:
    """The environment, working folder and garbage-collector settings of one command."""
    saved_env, saved_cwd, saved_gc = dict(os.environ), os.getcwd(), gc.get_threshold()
    os.environ.clear()
    os.environ.update(env)
    try:
        if cwd is not None:
            os.chdir(cwd)
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        gc.set_threshold(*saved_gc)


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the ``readiness`` command line in this process: exit code, stdout and stderr."""
    from readiness.cli import run as run_command

    out, err = _Output(), _Output()
    saved = sys.argv, sys.stdin, sys.stdout, sys.stderr
    sys.argv = ["readiness", *args]
    sys.stdin = io.StringIO(stdin or "")
    sys.stdout, sys.stderr = out, err
    code: int | str | None = 0
    try:
        with _process(_environment(env), cwd):
            run_command()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved
    returncode = code if isinstance(code, int) else (0 if code is None else 1)
    return subprocess.CompletedProcess(["readiness", *args], returncode, out.text(), err.text())


def run_installed(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``readiness`` command; output is captured, never a terminal."""
    return subprocess.run(
        [readiness_command(), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_environment(env),
        input=stdin,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="session")
def rubric():  # type: ignore[no-untyped-def]
    from readiness.rubric.load import load_rubric

    return load_rubric()
