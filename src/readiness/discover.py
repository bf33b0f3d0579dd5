"""Turn the PLAN arguments into plan files, each with the name reports will show."""

from __future__ import annotations

from pathlib import Path

from readiness.errors import InputError, Problem

PLAN_SUFFIXES = (".yaml", ".yml")


def display_name(path: Path) -> str:
    """The path as reports show it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def discover(arguments: list[str]) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in PLAN_SUFFIXES and p.is_file()
            )
            if not files:
                problems.append(
                    Problem("no plan files (.yaml or .yml) in this folder", file=argument)
                )
            found.extend((f, display_name(f)) for f in files)
        else:
            found.append((path, display_name(path) if path.exists() else argument))
    if problems:
        raise InputError(problems)
    return list(dict.fromkeys(found))
