"""Keep what is fixed at install time across runs: the plan validator, the default rubric and
the compiled report templates.

Building the plan models' validator and binding the shipped rubric take tens of milliseconds
each time the tool starts, yet they change only when readiness or pydantic does. Each is kept
in the user's cache folder (``$XDG_CACHE_HOME/readiness``, else ``~/.cache/readiness``),
named by a key made from the versions of readiness, pydantic and pydantic-core and the
contents of every file of the installed package, and loaded from there on later runs. The
result is the same object the build makes.

Anything unexpected (no home folder, a cache folder that is not the user's own or that others
may write to, a file that cannot be read or written, an entry from another version) falls back
to building as usual. ``READINESS_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import os
import pickle
import stat
import tempfile
import time
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Readable(Protocol):
    def read_bytes(self) -> bytes: ...


_KEY: list[str] = []
STALE = 3600
"""A half-written entry older than this was left by a run that was stopped: remove it."""


def cache_folder() -> Path | None:
    """The user's cache folder for readiness, or None when there is none that is safe to use."""
    if os.environ.get("READINESS_NO_CACHE"):
        return None
    try:
        base = os.environ.get("XDG_CACHE_HOME") or ""
        if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
            base = os.path.join(Path.home(), ".cache")
        if not os.path.isabs(base) or base == "/.cache":  # no home folder to speak of
            return None
        folder = Path(base) / "readiness"
        return folder if _private(folder) else None
    except Exception:  # no home folder at all (HOME unset, no user entry)
        return None


def _private(folder: Path) -> bool:
    """True if the folder is missing or is the user's own and nobody else may write to it.

    Entries are loaded as Python objects and compiled code, so a folder that another user
    could write to is never used.
    """
    try:
        state = folder.lstat()
    except FileNotFoundError:
        return True
    if not stat.S_ISDIR(state.st_mode) or state.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or state.st_uid == os.getuid()


def make_folder(folder: Path) -> bool:
    """Create the cache folder (only the user may read or write it); True if it is usable."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return False
    return _private(folder)


def package_key() -> str:
    """A key that changes whenever readiness, pydantic or any file of the package changes.

    It is made from the contents of the installed package's files (about 350 KB, read in
    about a millisecond), so copies with preserved times, rebuilt images and editable installs
    are told apart; it is worked out once per run.
    """
    if not _KEY:
        from importlib.resources import files

        import pydantic.version
        import pydantic_core

        from readiness import __version__

        versions = f"{__version__}-{pydantic.version.VERSION}-{pydantic_core.__version__}"
        rubrics = files("readiness.rubrics")  # beside the code once installed; rubrics/ if editable
        shipped = [(f"rubrics/{r.name}", r) for r in rubrics.iterdir() if r.name.endswith(".yaml")]
        _KEY.append(content_key(Path(__file__).parent, shipped, versions))
    return _KEY[0]


def content_key(root: Path, more: Sequence[tuple[str, Readable]], versions: str) -> str:
    """A key from the versions and the names and contents of a package's files."""
    code = sorted(root.rglob("*.py")) + sorted((root / "templates").glob("*"))
    named: list[tuple[str, Readable]] = [(p.relative_to(root).as_posix(), p) for p in code]
    named += sorted(more, key=lambda item: item[0])
    crc, adler, size = zlib.crc32(versions.encode()), 1, 0
    for name, source in named:
        data = name.encode() + b"\0" + source.read_bytes()
        crc, adler, size = zlib.crc32(data, crc), zlib.adler32(data, adler), size + len(data)
    return f"{crc:08x}{adler:08x}{size:x}"


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when an identical build was kept before."""
    folder = cache_folder()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{package_key()}.pickle"
    except OSError:
        return build()
    found = _load(path)
    if found is not None:
        return found  # type: ignore[no-any-return]
    value = build()
    if make_folder(folder):
        _store(path, value)
        prune(folder, lambda old: old.startswith(f"{name}-") and old != path.name)
    return value


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # written by this module, in the user's own folder
    except Exception:  # missing, unreadable or from another version: build instead
        return None


def _store(path: Path, value: object) -> None:
    temp = None
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".build-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except Exception:  # a read-only home, a full disk: the next run builds it again
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def prune(folder: Path, outdated: Callable[[str], bool]) -> None:
    """Remove the entries ``outdated`` names (an earlier version's), and half-written ones
    that stopped runs left behind."""
    try:
        for entry in folder.iterdir():
            if outdated(entry.name) or (
                entry.name.endswith(".tmp") and time.time() - entry.stat().st_mtime > STALE
            ):
                entry.unlink(missing_ok=True)
    except OSError:
        pass
