"""Report files: choose each one's format, check it can be written, write it whole or not at all."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from readiness.errors import InputError, Problem
from readiness.reporters import REPORTERS, Reporter, for_path


@dataclass(frozen=True, slots=True)
class Target:
    path: Path
    reporter: Reporter


def plan_targets(outputs: list[str], fallback: str | None) -> list[Target]:
    """Resolve every ``--output`` before any work is done; ``InputError`` if one is unusable."""
    targets: list[Target] = []
    problems: list[Problem] = []
    for raw in outputs:
        reporter = for_path(raw) or (REPORTERS[fallback] if fallback else None)
        if reporter is None:
            suffixes = ", ".join(s for r in REPORTERS.values() for s in r.suffixes)
            problems.append(
                Problem(
                    f"cannot tell which format to write to '{raw}'",
                    hint=f"end the file name with one of {suffixes}, or give --format",
                )
            )
            continue
        problem = _unwritable(Path(raw))
        if problem:
            problems.append(Problem(f"cannot write the report '{raw}': {problem}"))
            continue
        targets.append(Target(Path(raw), reporter))
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


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder and rename it into place."""
    parent = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
