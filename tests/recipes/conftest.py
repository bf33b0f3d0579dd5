"""The clone every recipe installs from, and the Python the recipes' venvs are made with.

The clone is of this repository, so it holds its tags. When it has the tag the README's
recipes pin, the recipes install that tag, as users' CI will. When it does not (before the
release is tagged, or in a CI checkout without tags), the tag is made in the clone, on a commit
of this working tree as it is (changes not yet committed included), so the recipes run
against the code under test; ``test_release.py`` keeps the README's tag, the package's version
and the changelog's newest release the same.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from recipes.support import git, readme_tag

IDENTITY = ("-c", "user.name=readiness tests", "-c", "user.email=tests@example.invalid")


@dataclass(frozen=True)
class Clone:
    """A clone of this repository, checked out at ``tag``, the tag the README pins."""

    path: Path
    tag: str
    made_tag: bool

    @property
    def url(self) -> str:
        """The clone as the placeholder's replacement in a ``git+https://`` URL."""
        return self.path.as_uri()


@pytest.fixture(scope="session")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Clone:
    if shutil.which("git") is None:
        pytest.fail("git is not installed: the recipe tests clone the repository with it")
    tag = readme_tag()
    path = tmp_path_factory.mktemp("recipes") / "readiness"
    git("clone", "--quiet", str(ROOT), str(path), cwd=path.parent)
    made = not git("tag", "--list", tag, cwd=path).strip()
    if made:
        # This working tree as it is, committed in the clone only: .gitignore applies, files
        # deleted here are deleted there. Nothing is written to this repository.
        git(f"--git-dir={path / '.git'}", f"--work-tree={ROOT}", "add", "--all", cwd=path)
        if git("diff", "--cached", "--name-only", cwd=path).strip():
            git(*IDENTITY, "commit", "--quiet", "--no-verify", "-m", "working tree", cwd=path)
        git("reset", "--quiet", "--hard", cwd=path)
        git(*IDENTITY, "tag", tag, cwd=path)
    git("-c", "advice.detachedHead=false", "checkout", "--quiet", tag, cwd=path)
    return Clone(path=path, tag=tag, made_tag=made)


@pytest.fixture(scope="session")
def python_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with ``python3`` and ``python`` running this Python, for the recipes' venvs
    (the image's or runner's Python in real CI)."""
    folder = tmp_path_factory.mktemp("python-bin")
    for name in ("python3", "python"):
        script = folder / name
        script.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
        script.chmod(0o755)
    return folder


@pytest.fixture(scope="session")
def runner_temp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The runner's temporary folder, kept across the action's runs: the first run installs
    readiness into a new venv there, later runs reinstall it (dependencies already there)."""
    return tmp_path_factory.mktemp("runner-temp")
