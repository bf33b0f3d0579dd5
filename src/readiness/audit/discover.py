"""Turn the PLAN arguments (files, folders, glob patterns) into plan files to audit.

A file named on the command line is always read. Folders are searched recursively and
patterns expanded, keeping the YAML files that are plans: a top-level ``readiness:`` key.
A folder or pattern that yields no plan is an error, never a silent pass.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from readiness.errors import InputError, Problem

PLAN_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = frozenset(("node_modules", "__pycache__", "venv"))
_PLAN_KEY = re.compile(rb"^readiness[ \t]*:", re.MULTILINE)
_SNIFF_BYTES = 1024 * 1024


class Found(NamedTuple):
    path: Path
    display: str


class Discovery(NamedTuple):
    plans: list[Found]
    excluded: int
    """Plans left out by the configuration's ``exclude`` patterns."""


def display_name(path: Path) -> str:
    """The path as reports show it: relative to the working folder when inside it."""
    try:
        shown = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        shown = path.as_posix()
    return printable_name(shown)


def printable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 shown as \\xff escapes."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def is_plan(path: Path) -> bool:
    """Whether a YAML file looks like a plan: a top-level ``readiness:`` key near its start."""
    if not _regular(path):
        return False  # a pipe or device: never opened while searching
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return True  # let reading it report the problem
    return bool(_PLAN_KEY.search(head.removeprefix(b"\xef\xbb\xbf")))


def _walk(folder: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(PLAN_SUFFIXES):
                candidate = Path(root) / name
                if _regular(candidate):
                    yield candidate


def _expand(argument: str, plans_only: bool) -> tuple[list[Path], str | None]:
    """Candidate files for one argument, and what to call it when it finds no plan."""
    path = Path(argument)
    if plans_only and _regular(path):
        return ([path] if is_plan(path) else []), None
    if path.is_dir():
        return [p for p in _walk(path) if is_plan(p)], "folder"
    if not path.exists() and glob.has_magic(argument):
        matches = sorted(Path(m) for m in glob.glob(argument, recursive=True))
        files = [m for m in matches if _regular(m) and m.suffix.lower() in PLAN_SUFFIXES]
        return [p for p in files if is_plan(p)], "pattern"
    return [path], None


def discover(
    arguments: list[str],
    exclude: tuple[str, ...] = (),
    root: Path | None = None,
    plans_only: bool = False,
) -> Discovery:
    """Every plan the arguments name, in order, once; ``InputError`` for empty folders.

    With ``plans_only``, named files that are not plans are skipped too (for pre-commit,
    which passes every changed YAML file).
    """
    found: dict[str, Found] = {}
    problems: list[Problem] = []
    excluded = 0
    for argument in arguments:
        files, kind = _expand(argument, plans_only)
        kept = [f for f in files if not _excluded(f, exclude, root)]
        excluded += len(files) - len(kept)
        if kind is not None and not files:
            problems.append(
                Problem(
                    f"no plans found in this {kind} (a plan is a .yaml or .yml file "
                    "with a top-level 'readiness:' key)",
                    file=argument,
                )
            )
        for file in kept:
            name = display_name(file) if file.exists() else printable_name(file.as_posix())
            found.setdefault(name, Found(file, name))
    if problems:
        raise InputError(problems)
    return Discovery(list(found.values()), excluded)


def _excluded(path: Path, patterns: tuple[str, ...], root: Path | None) -> bool:
    if not patterns:
        return False
    try:
        relative = path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except (ValueError, OSError):
        relative = path.as_posix()
    return any(fnmatch.fnmatch(relative, pattern) for pattern in patterns)
