"""Report files: choose each one's format, check it may be written, and write a run's reports
as one set, whole or not at all.

What a report may replace, checked before any work and again as it is written:

- a regular file, or no file yet: written to a hidden temporary file in the same folder,
  flushed to disk, then renamed into place (an existing file keeps its permissions);
- a character device or a named pipe (``/dev/null``, a terminal, ``/dev/stdout`` when it is
  a terminal or a pipe), or a link to one: opened and written through, never replaced or
  re-permissioned (``readiness init`` writes plans only to regular files);
- never a file the run reads (a plan, the settings file, the rubric, a file of the
  ``--template`` folder), whatever the name it is given by (``./plan.yaml``, a hard link);
- never a symbolic link to a file (a link committed in a pull request could otherwise aim a
  report at any file the CI job may write), a folder, a socket or a disk.

A run's reports are a set: every one is rendered before any is written; each file a report
replaces is kept aside (a hidden hard link) until the whole set is in place. On an error (a
full disk) or a signal (SIGINT, SIGTERM, SIGHUP; handled only while writing), the reports
already placed are taken back and the files they replaced restored, so the folder is left as
it was. Devices and the GitHub step summary are written last; what a device received cannot
be taken back.

Over 200 lines: where a report may go and how a set of reports is written are one contract
(what may be replaced, and how it is put back), kept together; each step is a short function.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO, Any, NamedTuple, cast

from readiness.cli import Interrupted, reason
from readiness.errors import InputError, Problem
from readiness.reporters import AUDIT_FORMATS, Formats, for_path, suffixes

_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_LINK_HINT = "name the file itself, not a link to it"
_PRINT_HINT = "; to print a report, use --format"
_TEMPLATE_FILES_CHECKED = 10_000
"""Files of a ``--template`` folder compared with each report (hard links); enough for any
real template folder, and a bound if someone names a huge one."""


class Target(NamedTuple):
    path: Path
    format: str
    through: bool = False
    """A device or named pipe: written through, never replaced."""


class Read(NamedTuple):
    """A file or folder the run reads, which no report may replace."""

    what: str
    """How messages name it: "the plan", "the settings file"."""
    path: Path
    folder: bool = False


def plan_targets(
    outputs: list[str],
    fallback: str | None,
    formats: Formats = AUDIT_FORMATS,
    *,
    devices: bool = True,
    what: str = "the report",
    format_option: bool = True,
) -> list[Target]:
    """Resolve every ``--output`` before any work is done; ``InputError`` if one is unusable.

    Each file's suffix picks its format from ``formats`` (the report formats by default);
    ``fallback`` (``--format``) is used when the suffix says nothing. A file named twice is
    written once. Without ``devices`` only a regular file will do (``readiness init``).
    """
    targets: dict[str, Target] = {}
    problems: list[Problem] = []
    for raw in outputs:
        by_suffix = for_path(formats, raw)
        chosen = by_suffix.name if by_suffix is not None else fallback
        if chosen is None:
            problems.append(
                Problem(
                    f"cannot tell which format to write to '{raw}'",
                    hint=f"end the file name with one of {suffixes(formats)}"
                    + (", or give --format" if format_option else ""),
                )
            )
            continue
        refusal = _refusal(Path(raw), devices)
        if refusal is not None:
            hint = _LINK_HINT + (_PRINT_HINT if devices else "") if os.path.islink(raw) else ""
            problems.append(Problem(f"cannot write {what} '{raw}': {refusal}", hint=hint))
            continue
        targets.setdefault(os.path.realpath(raw), Target(Path(raw), chosen, _through(Path(raw))))
    if problems:
        raise InputError(problems)
    return list(targets.values())


def refuse_reads(
    targets: Sequence[Target], reads: Iterable[Read], what: str = "the report"
) -> None:
    """``InputError`` if a report would replace a file the run reads, by any name.

    Files are compared by identity (device and inode, following links), so another path, a
    link or a hard link to a read file is caught; each file is looked at once, however many
    reports and plans there are.
    """
    known = [(read, None if read.folder else _identity(read.path)) for read in reads]
    folders: dict[Path, dict[tuple[int, int], Path]] = {}
    problems: list[Problem] = []
    for target in targets:
        mine = _identity(target.path)
        clash = next(
            filter(None, (_clash(target.path, mine, r, i, folders) for r, i in known)), None
        )
        if clash is not None:
            problems.append(
                Problem(
                    f"cannot write {what} '{target.path}': it is {clash}, which this run reads",
                    hint=f"write {what} to another file",
                )
            )
    if problems:
        raise InputError(problems)


def _clash(
    path: Path,
    mine: tuple[int, int] | None,
    read: Read,
    theirs: tuple[int, int] | None,
    folders: dict[Path, dict[tuple[int, int], Path]],
) -> str | None:
    """How ``path`` (identity ``mine``) is a file the run reads, or None; a folder's files are
    gathered once into ``folders``."""
    if read.folder:
        if Path(os.path.realpath(path)).is_relative_to(os.path.realpath(read.path)):
            return f"inside {read.what} '{read.path}'"
        if mine is None:
            return None
        if read.path not in folders:
            folders[read.path] = _folder_files(read.path)
        twin = folders[read.path].get(mine)
        return None if twin is None else f"the same file as '{twin}' in {read.what}"
    if mine is not None and mine == theirs:
        return f"the same file as {read.what} '{read.path}'"
    return None


def _identity(path: Path, *, follow: bool = True) -> tuple[int, int] | None:
    """The file's device and inode (of a link itself with ``follow`` false); None if gone."""
    try:
        found = os.stat(path, follow_symlinks=follow)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _folder_files(folder: Path) -> dict[tuple[int, int], Path]:
    """The files in a folder and its subfolders, by identity (a bounded number of them)."""
    found: dict[tuple[int, int], Path] = {}
    for root, _, files in os.walk(folder):
        for name in files:
            identity = _identity(Path(root, name))
            if identity is not None:
                found.setdefault(identity, Path(root, name))
            if len(found) >= _TEMPLATE_FILES_CHECKED:
                return found
    return found


def _through(path: Path) -> bool:
    """A character device or named pipe, reached directly or through links."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _refusal(path: Path, devices: bool) -> str | None:
    """Why a report may not be written at ``path``, or None."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return _folder_refusal(path)
    except OSError as exc:
        return reason(exc, writing=True)
    if stat.S_ISLNK(mode):
        if devices and _through(path):
            return None
        why = (
            "; readiness writes through a link only to a device or pipe"
            if devices
            else ", not a file"
        )
        return f"it is a link to '{os.readlink(path)}'{why}"
    if stat.S_ISREG(mode):
        if not os.access(path, os.W_OK):
            return "the file is read-only"
        return _folder_refusal(path)
    if devices and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return None
    return f"it is {_kind(mode)}, not a regular file"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISBLK(mode):
        return "a disk (a block device)"
    if stat.S_ISCHR(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    return "a special file"


def _folder_refusal(path: Path) -> str | None:
    parent = _folder(path)
    if not parent.is_dir():
        return f"the folder '{parent}' does not exist"
    if not os.access(parent, os.W_OK):
        return f"the folder '{parent}' cannot be written to"
    return None


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _mode(path: Path) -> int:
    """The permissions a new file gets (the umask's), or the ones the file already has."""
    try:
        found = os.lstat(path)
        if stat.S_ISREG(found.st_mode):
            return found.st_mode & 0o777
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class _Placed(NamedTuple):
    path: Path
    backup: Path | None
    """The file it replaced, kept aside until the set is complete."""
    identity: tuple[int, int] | None
    """The new file's, so that taking it back never removes someone else's file."""


class _Undo:
    """What one run has written so far, to take back if the set cannot be completed."""

    def __init__(self) -> None:
        self.temps: list[Path] = []
        self.placed: list[_Placed] = []
        self.appended: tuple[Path, int | None] | None = None
        self.doing = ""
        """What is being written, for the message if it fails."""

    def roll_back(self) -> None:
        for placed in reversed(self.placed):
            _quietly(_take_back, placed)
        for temp in self.temps:
            _quietly(temp.unlink, missing_ok=True)
        if self.appended is not None:
            _quietly(_cut_back, *self.appended)

    def commit(self) -> None:
        for placed in self.placed:
            if placed.backup is not None:
                _quietly(placed.backup.unlink, missing_ok=True)
        for folder in {_folder(p.path) for p in self.placed}:
            _quietly(_sync_folder, folder)


def _quietly(action: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    """Undo or tidy as much as can be: one step failing does not stop the others."""
    with contextlib.suppress(OSError):
        action(*args, **kwargs)


def _take_back(placed: _Placed) -> None:
    if placed.backup is not None:
        if os.path.lexists(placed.backup):
            os.replace(placed.backup, placed.path)
            placed.backup.unlink(missing_ok=True)  # still there if it was already in place
    elif placed.identity is not None and _identity(placed.path, follow=False) == placed.identity:
        placed.path.unlink()


def _cut_back(path: Path, size: int | None) -> None:
    if size is None:
        path.unlink(missing_ok=True)  # the run created it
    elif stat.S_ISREG(os.stat(path).st_mode):
        os.truncate(path, size)


def _sync_folder(folder: Path) -> None:
    """Make the renames themselves durable (not possible everywhere, so best effort)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class _Signals:
    """While a set is written, a catchable signal raises ``Interrupted`` so that it is undone;
    while it is undone or completed (``hold``), a signal is noted and raised afterwards."""

    def __init__(self) -> None:
        self.saved: dict[int, Any] = {}
        self.held = False
        self.pending: int | None = None

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.held:
            self.pending = self.pending or signum
            return
        self.held = True
        raise Interrupted(signum)

    def hold(self) -> None:
        self.held = True

    def __enter__(self) -> _Signals:
        try:
            for number in _SIGNALS:
                self.saved[number] = signal.signal(number, self._handle)
        except ValueError:  # not the main thread: signals cannot be handled here
            self._restore()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._restore()
        if self.pending is not None and error is None:
            raise Interrupted(self.pending)

    def _restore(self) -> None:
        for number, previous in self.saved.items():
            signal.signal(number, signal.SIG_DFL if previous is None else previous)
        self.saved.clear()


class ReportSet:
    """Reports written as a run goes, then placed together: whole, or not at all.

    Each report is opened (``open``) before any plan is audited and written as the plans
    arrive: to a hidden temporary file beside its target, or, for a device or pipe, to a
    temporary file elsewhere, written through at the end. ``commit`` places the set (only the
    reports ``keep`` accepts; the rest are dropped) and appends to the GitHub step summary.
    Leaving the ``with`` block on an error or a signal (SIGINT, SIGTERM, SIGHUP, caught for
    the whole run) takes back whatever was written, so the folder is as it was.
    """

    def __init__(self) -> None:
        self.undo = _Undo()
        self.files: list[tuple[Target, IO[str], Path | None]] = []
        self.signals = _Signals()
        self.writing = False
        """Opening or placing files: an ``OSError`` now is this set's to report."""
        self.complete = False
        """Every report is in place: from here on nothing is taken back."""

    def __enter__(self) -> ReportSet:
        self.signals.__enter__()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if error is not None:
            self.signals.hold()
            for _, handle, _ in self.files:
                _quietly(handle.close)
            if self.complete:  # interrupted while tidying up: the new set stays, tidied
                self.undo.commit()
            else:
                self.undo.roll_back()
        self.signals.__exit__(kind, error, trace)
        if isinstance(error, _WriteFailed):
            self.undo.doing, error = f"'{error.target.path}'", error.cause
        elif not self.writing:
            return  # not this set's failure (a full disk while reading a plan): as it is
        if isinstance(error, OSError):
            message = f"cannot write {self.undo.doing}: {reason(error, writing=True)}"
            raise InputError.single(message) from None

    def open(self, target: Target) -> IO[str]:
        """Where to write the report for ``target``."""
        self.writing = True
        self.undo.doing = f"'{target.path}'"
        temp = None
        if target.through:
            from readiness.reporters.stream import spool

            handle = spool()
        else:
            temp, handle = _temporary(target.path, self.undo)
        self.files.append((target, handle, temp))
        self.writing = False
        return cast("IO[str]", _Report(target, handle))

    def commit(
        self,
        keep: Callable[[Target], bool] = lambda target: True,
        append: tuple[Path, str, str] | None = None,
    ) -> None:
        """Place every report ``keep`` accepts (dropping the others), write the devices, then
        append to ``append`` (a path, what to call it, the text)."""
        undo = self.undo
        self.writing = True
        placed = []
        for target, handle, temp in self.files:
            undo.doing = f"'{target.path}'"
            if temp is None:
                continue
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            if keep(target):
                os.chmod(temp, _mode(target.path))
                placed.append((target.path, temp))
            else:
                temp.unlink()
                undo.temps.remove(temp)
        for path, temp in placed:
            undo.doing = f"'{path}'"
            _place(path, temp, undo)
        for target, handle, temp in self.files:
            if temp is None and keep(target):
                undo.doing = f"'{target.path}'"
                _write_through(target.path, handle)
        if append is not None:
            path, what, text = append
            undo.doing = f"{what} '{path}'"
            _append(path, text, undo)
        self.signals.hold()
        self.complete = True
        undo.commit()


class _WriteFailed(Exception):
    """Writing a report failed while plans were being audited (a full disk)."""

    def __init__(self, target: Target, cause: OSError) -> None:
        super().__init__(str(cause))
        self.target = target
        self.cause = cause


class _Report:
    """A report's file as its writer sees it: a failure to write says which report."""

    def __init__(self, target: Target, file: IO[str]) -> None:
        self.target = target
        self.file = file

    def write(self, text: str) -> int:
        try:
            return self.file.write(text)
        except OSError as exc:
            raise _WriteFailed(self.target, exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.file, name)


def write_all(
    files: Sequence[tuple[Target, str]], append: tuple[Path, str, str] | None = None
) -> None:
    """Write every report, then append to ``append`` (a path, what to call it, the text):
    all of it, or on an error or a signal none of it. ``InputError`` names what failed."""
    with ReportSet() as reports:
        for target, text in files:
            reports.open(target).write(text)
        reports.commit(append=append)


def _temporary(path: Path, undo: _Undo) -> tuple[Path, IO[str]]:
    """A new hidden temporary file beside ``path``, open for text, recorded in ``undo``
    before it exists, so that an interruption at any point removes it."""
    temp = _hidden(path, "tmp")
    undo.temps.append(temp)
    descriptor = os.open(temp, _NEW_FILE, 0o600)
    return temp, os.fdopen(descriptor, "w", encoding="utf-8", newline="\n")


def _stage(path: Path, text: str, undo: _Undo) -> Path:
    """The report in a hidden temporary file beside its target, on disk, with its mode."""
    temp, handle = _temporary(path, undo)
    with handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(temp, _mode(path))
    return temp


def _place(path: Path, temp: Path, undo: _Undo) -> None:
    """Rename the report into place, keeping any file it replaces aside (recorded first, so
    that an interruption at any point can be undone)."""
    backup = _hidden(path, "old") if os.path.lexists(path) else None
    undo.placed.append(_Placed(path, backup, _identity(temp, follow=False)))
    if backup is not None:
        try:
            os.link(path, backup)
        except OSError:  # no hard links on this file system: move it aside instead
            os.replace(path, backup)
    os.replace(temp, path)
    undo.temps.remove(temp)


def _hidden(path: Path, kind: str) -> Path:
    """A hidden name beside ``path`` that no one can guess: ``.report.md.3f9a0c1b2d4e.tmp``."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.{kind}")


def _write_through(path: Path, source: IO[str]) -> None:
    """Write to a device or named pipe as it is: never created, replaced or re-permissioned."""
    descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise InputError.single(f"cannot write '{path}': it is no longer a device")
        source.seek(0)
        while chunk := source.read(1 << 20):
            _write_fully(descriptor, chunk.encode("utf-8"))
    finally:
        os.close(descriptor)
        source.close()


def _append(path: Path, text: str, undo: _Undo) -> None:
    existed = os.path.lexists(path)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    try:
        undo.appended = (path, os.fstat(descriptor).st_size if existed else None)
        _write_fully(descriptor, text.encode("utf-8"))
    finally:
        os.close(descriptor)


def _write_fully(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def create_new(path: Path, text: str) -> bool:
    """Write a new file whole, only if nothing is at ``path``: False if something is.

    The finished temporary file is hard-linked into place, which fails rather than replace
    anything; where the file system has no hard links, it is renamed after a last look.
    """
    undo = _Undo()
    with _Signals() as signals:
        try:
            return _link_new(_stage(path, text, undo), path)
        except OSError as exc:
            raise InputError.single(f"cannot write '{path}': {reason(exc, writing=True)}") from None
        finally:
            signals.hold()
            undo.roll_back()  # the temporary file, if it is still there; the new file stays


def _link_new(temp: Path, path: Path) -> bool:
    try:
        os.link(temp, path)
    except FileExistsError:
        return False
    except OSError:
        if os.path.lexists(path):
            return False
        os.replace(temp, path)
    return True
