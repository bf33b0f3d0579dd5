"""Keep what is fixed at install time across runs: the plan validator and the default rubric.

Building the plan models' validator and binding the shipped rubric take tens of milliseconds
each time the tool starts, yet they change only when readiness or pydantic does. Each is kept
in the user's cache folder (``$XDG_CACHE_HOME/readiness``, else ``~/.cache/readiness``),
named by the versions of readiness and pydantic-core and a hash of every file it is built
from, and loaded from there on later runs. The result is the same object the build makes.

Anything unexpected (no cache folder, a file that cannot be read or written, another version)
falls back to building as usual. ``READINESS_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import zlib
from collections.abc import Callable, Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Readable(Protocol):
    def read_bytes(self) -> bytes: ...


def cache_folder() -> Path | None:
    if os.environ.get("READINESS_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache").as_posix()
    return Path(base) / "readiness"


def package_files(*patterns: str) -> list[Readable]:
    """Source files of the package (``checks/*.py``), the inputs of what is cached."""
    root = Path(__file__).parent
    found: list[Readable] = []
    for pattern in patterns:
        found.extend(sorted(root.glob(pattern)))
    return found


def shipped_rubric() -> Readable:
    return files("readiness.rubrics").joinpath("default.yaml")


def fingerprint(sources: Iterable[Readable]) -> str:
    """A key that changes whenever readiness, pydantic-core or a source file changes.

    Files are identified by name, size and modification time (installing or editing a file
    changes them), so the key costs a stat per file, not a read.
    """
    import pydantic_core

    from readiness import __version__

    parts = [__version__, pydantic_core.__version__]
    for source in sources:
        if isinstance(source, Path):
            state = source.stat()
            parts.append(f"{source.name}:{state.st_size}:{state.st_mtime_ns}")
        else:
            parts.append(f"{zlib.crc32(source.read_bytes()):08x}")
    key = "\n".join(parts).encode()
    return f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}{len(key):x}"


def cached(name: str, sources: Callable[[], Iterable[Readable]], build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when an identical build was kept before."""
    folder = cache_folder()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{fingerprint(sources())}.pickle"
    except OSError:
        return build()
    found = _load(path)
    if found is not None:
        return found  # type: ignore[no-any-return]
    value = build()
    _store(path, value)
    return value


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # written by this module, in the user's own cache
    except Exception:  # missing, unreadable or from another version: build instead
        return None


def _store(path: Path, value: object) -> None:
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".build-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except Exception:  # a read-only home, a full disk: the next run builds it again
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
