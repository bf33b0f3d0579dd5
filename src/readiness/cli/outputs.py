"""Report files: choose each one's format, check it can be written, write it whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import NamedTuple

from readiness.errors import InputError, Problem
from readiness.reporters import AUDIT_FORMATS, Formats, for_path, suffixes


class Target(NamedTuple):
    path: Path
    format: str


def plan_targets(
    outputs: list[str], fallback: str | None, formats: Formats = AUDIT_FORMATS
) -> list[Target]:
    """Resolve every ``--output`` before any work is done; ``InputError`` if one is unusable.

    Each file's suffix picks its format from ``formats`` (the report formats by default);
    ``fallback`` (``--format``) is used when the suffix says nothing.
    """
    targets: list[Target] = []
    problems: list[Problem] = []
    for raw in outputs:
        by_suffix = for_path(formats, raw)
        chosen = by_suffix.name if by_suffix is not None else fallback
        if chosen is None:
            problems.append(
                Problem(
                    f"cannot tell which format to write to '{raw}'",
                    hint=f"end the file name with one of {suffixes(formats)}, or give --format",
                )
            )
            continue
        problem = _unwritable(Path(raw))
        if problem:
            problems.append(Problem(f"cannot write the report '{raw}': {problem}"))
            continue
        targets.append(Target(Path(raw), chosen))
    if problems:
        raise InputError(problems)
    return targets


def _unwritable(path: Path) -> str | None:
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return "it is a folder"
    if not parent.is_dir():
        return f"the folder '{parent}' does not exist"
    if not os.access(parent, os.W_OK):
        return f"the folder '{parent}' cannot be written to"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    return None


def _mode(path: Path) -> int:
    """The permissions a new file gets (the umask's), or the ones the file already has."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder and rename it into place."""
    parent = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temp, _mode(path))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
