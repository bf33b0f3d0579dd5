"""Turn the PLAN arguments (files, folders, glob patterns) into plan files to audit.

A file named on the command line is always read, whatever ``exclude`` says. With
``plans_only`` (pre-commit, which passes every changed YAML file) a named file is treated as a
search treats what it finds. Folders are searched recursively and patterns expanded (``**``
spans folders); ``exclude`` leaves files out before they are read, and whole folders when a
pattern ending in ``*`` covers everything in them. A YAML file a search finds is a plan when

- its text has ``readiness:`` at the start of a line: taken at once, so the loader reports
  anything else wrong with it (this only ever adds plans, and saves parsing every plan twice);
- otherwise, the loader reads it (size limit, encodings, YAML) and its top level is a mapping
  with a ``readiness`` key (quoted, after a long comment, in UTF-16: the loader decides);
- or the loader cannot read it but a line starts with ``readiness``: then it is a plan with a
  problem, which the loader reports. Other files the loader cannot read are not plans.

Nothing that could be a plan is passed over in silence: a YAML file over the size limit that
is not plainly a plan, and a file or folder that cannot be read, are errors naming it. So is
a folder or pattern that finds no plan, unless an empty run is allowed. Skipped without a
word: YAML files shown not to be plans, hidden files and folders, ``node_modules``,
``__pycache__`` and ``venv`` in folders, links to folders, links to nothing, pipes and devices.
The work per file is bounded by the size limit and the loader's own limits.

Over 200 lines: the search's rules above are one decision, and its parts share the search's
state (the limit, the patterns, what was left out and what could not be read).
"""

from __future__ import annotations

import codecs
import fnmatch
import glob
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from readiness.errors import InputError, Problem
from readiness.load.source import DEFAULT_MAX_BYTES

PLAN_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = frozenset(("node_modules", "__pycache__", "venv"))
_PLAN_KEY = re.compile(rb"^readiness[ \t]*:", re.MULTILINE)
_MENTION = re.compile(rb"^[ \t{]*[\"']?readiness\b", re.MULTILINE)
_MARKS = codecs.BOM_UTF8 + codecs.BOM_UTF16_LE  # every byte of every byte-order mark
_EXCLUDE = "leave it out with 'exclude' in .readiness.yaml"


class Found(NamedTuple):
    path: Path
    display: str


class Discovery(NamedTuple):
    plans: list[Found]
    excluded: int
    """YAML files, and folders, left out by the settings file's ``exclude`` patterns."""
    not_plans: int = 0
    """YAML files read and found not to be plans."""
    skipped: tuple[tuple[str, str], ...] = ()
    """What was left out and why, in order: (path, "exclude" or "not a plan"); for
    ``--list-files``. A folder left out by ``exclude`` is named once, not its files."""


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


def is_plan(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bool:
    """Whether a YAML file is a plan (module docstring); ``InputError`` if that cannot be told."""
    try:
        data = _head(path, max_bytes + 1)
    except FileNotFoundError:
        return False  # removed since it was listed
    except OSError as exc:
        raise InputError([_unreadable(exc, path, "file")]) from None
    if data is None:
        return False  # a pipe or device: never read while searching
    if _PLAN_KEY.search(data.removeprefix(codecs.BOM_UTF8)):
        return True
    if len(data) > max_bytes:
        raise InputError([_too_big(path, max_bytes)])
    return _parses_as_plan(data, path.as_posix())


def _head(path: Path, size: int) -> bytes | None:
    """Up to ``size`` bytes of a regular file; ``None`` for anything else, which is never
    opened (opening some devices does something) nor waited on (a pipe)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        return None
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        return handle.read(size)


def _parses_as_plan(data: bytes, shown: str) -> bool:
    from readiness.load.parse import load_yaml
    from readiness.load.source import decode

    try:
        doc, _ = load_yaml(decode(data, shown), shown)
    except InputError:  # the loader cannot read it: a plan if it says it is one
        return bool(_MENTION.search(data.replace(b"\x00", b"").lstrip(_MARKS)))
    return isinstance(doc.data, dict) and "readiness" in doc.data


def _too_big(path: Path, max_bytes: int) -> Problem:
    from readiness.load.source import describe_size

    return Problem(
        f"this YAML file is larger than the {describe_size(max_bytes)} limit for a plan, "
        "so readiness cannot tell whether it is one",
        file=display_name(path),
        hint=f"if it is a plan, raise the limit with --max-size; if not, {_EXCLUDE}",
    )


def _unreadable(exc: OSError, path: Path, what: str) -> Problem:
    reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
    doing = "searched for plans" if what == "folder" else "read to tell whether it is a plan"
    return Problem(
        f"this {what} cannot be {doing} ({reason or type(exc).__name__})",
        file=display_name(path),
        hint=f"make it readable, or {_EXCLUDE}",
    )


class _Search:
    """One run's search: the limit and patterns, what was left out, what could not be read."""

    def __init__(self, exclude: tuple[str, ...], root: Path | None, max_bytes: int) -> None:
        self.exclude = exclude
        self.root = root
        self.max_bytes = max_bytes
        self.excluded = 0
        self.not_plans = 0
        self.problems: list[Problem] = []
        self.skipped: list[tuple[str, str]] = []

    def left_out(self, path: Path, folder: bool = False) -> bool:
        if _excluded(path, self.exclude, self.root, folder):
            self.excluded += 1
            self.skipped.append(
                (printable_name(path.as_posix()) + ("/" if folder else ""), "exclude")
            )
            return True
        return False

    def plans(self, files: Iterable[Path]) -> list[Path]:
        """The files that are plans; a problem kept for each that cannot be told."""
        kept: list[Path] = []
        for file in files:
            if self.left_out(file):
                continue
            try:
                found = is_plan(file, self.max_bytes)
            except InputError as exc:
                self.problems.extend(exc.problems)
                continue
            if found:
                kept.append(file)
            else:
                self.not_plans += 1
                self.skipped.append((printable_name(file.as_posix()), "not a plan"))
        return kept

    def cannot_list(self, exc: OSError) -> None:
        """A folder that cannot be listed (``os.walk``'s ``onerror``), reported once; a folder
        that is not there is not an error."""
        if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
            return
        problem = _unreadable(exc, Path(exc.filename or "."), "folder")
        if problem not in self.problems:
            self.problems.append(problem)

    def subfolders(self, here: str, names: list[str], skip: frozenset[str]) -> list[str]:
        """The folders to search next, in order: not hidden, skipped or left out."""
        kept = (n for n in names if not n.startswith(".") and n not in skip)
        return sorted(n for n in kept if not self.left_out(Path(here) / n, folder=True))


def _walk(folder: Path, search: _Search) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, onerror=search.cannot_list):
        dirs[:] = search.subfolders(root, dirs, _SKIP_DIRS)
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(PLAN_SUFFIXES):
                yield Path(root) / name


def _glob(pattern: str, search: _Search) -> list[Path]:
    """The YAML files a pattern matches; folders it cannot list are reported, not skipped."""
    parts = Path(pattern).parts
    if parts and parts[-1] == "**":
        parts = (*parts, "*")  # as glob does: everything below
    fixed = next((i for i, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    paths = [Path(*parts[:fixed])]
    for part in parts[fixed:]:
        paths = [match for folder in paths for match in _step(folder, part, search)]
    return sorted({p for p in paths if p.name.lower().endswith(PLAN_SUFFIXES)})


def _step(folder: Path, part: str, search: _Search) -> list[Path]:
    if not glob.has_magic(part):
        return [folder / part]  # a path that is not there finds nothing further on
    if part == "**":
        below = [folder]
        for root, dirs, _ in os.walk(folder, onerror=search.cannot_list):
            dirs[:] = search.subfolders(root, dirs, frozenset())
            below.extend(Path(root) / name for name in dirs)
        return below
    hidden = part.startswith(".")
    names = _names(folder, search)
    return [folder / n for n in names if fnmatch.fnmatch(n, part) and (hidden or n[0] != ".")]


def _names(folder: Path, search: _Search) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entry.name for entry in entries)
    except OSError as exc:
        search.cannot_list(exc)
        return []


def _expand(argument: str, search: _Search, plans_only: bool) -> tuple[list[Path], str | None]:
    """The plans one argument names, and what to call it when it finds none."""
    path = Path(argument)
    if os.path.isdir(path):
        return search.plans(_walk(path, search)), "folder"
    if not os.path.lexists(path) and glob.has_magic(argument):
        return search.plans(_glob(argument, search)), "pattern"
    if plans_only and os.path.isfile(path):
        return search.plans([path]), None
    return [path], None  # named: always read, so the loader reports what is wrong with it


def discover(
    arguments: list[str],
    exclude: tuple[str, ...] = (),
    root: Path | None = None,
    plans_only: bool = False,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_empty: bool = False,
) -> Discovery:
    """Every plan the arguments name, in order, once; ``InputError`` for what cannot be read
    and, unless ``allow_empty``, for a folder or pattern that finds no plan."""
    search = _Search(exclude, root, max_bytes)
    found: dict[str, Found] = {}
    for argument in arguments:
        before = (search.excluded, len(search.problems))
        files, kind = _expand(argument, search, plans_only)
        quiet = (search.excluded, len(search.problems)) == before
        if kind is not None and not files and quiet and not allow_empty:
            search.problems.append(_no_plans(argument, kind))
        for file in files:
            name = display_name(file) if os.path.lexists(file) else printable_name(str(file))
            found.setdefault(name, Found(file, name))
    if search.problems:
        raise InputError(search.problems)
    return Discovery(list(found.values()), search.excluded, search.not_plans, tuple(search.skipped))


def _no_plans(argument: str, kind: str) -> Problem:
    return Problem(
        f"no plans found in this {kind} (a plan is a .yaml or .yml file "
        "with a top-level 'readiness:' key)",
        file=argument,
    )


def _excluded(path: Path, patterns: tuple[str, ...], root: Path | None, folder: bool) -> bool:
    """Whether ``exclude`` leaves a file out; a folder, when a pattern covers all it holds."""
    if not patterns:
        return False
    try:
        relative = path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        relative = path.as_posix()
    if folder:  # 'p*' matching 'dir/' matches 'dir/' followed by anything
        return any(p.endswith("*") and fnmatch.fnmatch(relative + "/", p) for p in patterns)
    return any(fnmatch.fnmatch(relative, pattern) for pattern in patterns)
