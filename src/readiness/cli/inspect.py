"""``--show-config`` and ``--list-files``: what a run would use, and where each setting and
plan came from, printed instead of auditing (exit 0)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from readiness.cli import common

if TYPE_CHECKING:
    from readiness.audit.discover import Discovery
    from readiness.cli.settings import Config


class Given(NamedTuple):
    """What the command line gave for each setting (None: not given)."""

    rubric: str | None
    min_band: str | None
    fail_under: str | None
    max_size: str | None
    as_of: str | None
    jobs: str | None


def show_config(settings: Config, given: Given, config: str | None) -> None:
    """Each setting's value and where it came from: the command line, the settings file,
    or readiness's default."""
    import os

    shown = os.path.relpath(settings.path) if settings.path is not None else None
    if shown is None:
        source = "none found (searched here and, in a repository, up to its root)"
    elif config is not None:
        source = f"{shown} (given with --config)"
    else:
        source = f"{shown} (found by searching up from here)"
    from_file = f"from {shown}" if shown is not None else ""
    rows = [
        ("settings file", source, ""),
        _row("rubric", given.rubric, "--rubric", settings.rubric, from_file, "the shipped rubric"),
        _row("min_band", given.min_band, "--min-band", settings.min_band, from_file, "developing"),
        _row(
            "fail_under", given.fail_under, "--fail-under", settings.fail_under, from_file, "none"
        ),
        _row("max_size_mb", given.max_size, "--max-size", settings.max_size_mb, from_file, "10"),
        (
            "exclude",
            ", ".join(settings.exclude) or "nothing",
            from_file if settings.exclude else "default",
        ),
        _row("as_of", given.as_of, "--as-of", None, "", "today"),
        _row("jobs", given.jobs, "--jobs", None, "", "one per core"),
    ]
    width = max(len(name) for name, _, _ in rows) + 2
    lines = [
        f"{name + ':':<{width}}{value}" + (f"  ({how})" if how else "") for name, value, how in rows
    ]
    common.out(common.fit("\n".join(lines)) + "\n")


def _row(
    name: str, given: str | None, option: str, setting: object, from_file: str, default: str
) -> tuple[str, str, str]:
    if given is not None:
        return name, given, f"from the command line, {option}"
    if setting is not None:
        value = setting.as_posix() if hasattr(setting, "as_posix") else str(setting)
        return name, value, from_file
    return name, default, "default"


def list_files(found: Discovery, settings: Config) -> None:
    """The plans a run would audit, one a line on standard output; on standard error, what
    the search left out and why, for checking ``exclude``."""
    import sys

    from readiness.audit.discover import display_name
    from readiness.reporters.escape import log_line

    common.out("".join(log_line(plan.display) + "\n" for plan in found.plans))
    where = display_name(settings.path) if settings.path is not None else "the settings file"
    for path, why in found.skipped:
        said = f"left out by 'exclude' in {where}" if why == "exclude" else "not a plan"
        sys.stderr.write(log_line(f"{path}: {said}") + "\n")
