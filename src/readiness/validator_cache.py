"""Reuse the plan format's validator across runs instead of building it on every start.

Building the plan models' validator takes pydantic tens of milliseconds each time the tool
starts, yet the models change only when readiness or pydantic does. The built validator is
kept in the user's cache folder (``$XDG_CACHE_HOME/readiness``, else ``~/.cache/readiness``),
named by the versions of readiness and pydantic-core and a hash of the source files that
define the models, and loaded from there on later runs. Validation is exactly the same: the
cached object is the validator pydantic built.

Anything unexpected (no cache folder, a file that cannot be read or written, another version)
falls back to building the validator as usual. ``READINESS_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel

_SOURCES = ("plan/models.py", "plan/types.py", "plan/vocabulary.py", "yamlscalars.py")


def cache_folder() -> Path | None:
    if os.environ.get("READINESS_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache").as_posix()
    return Path(base) / "readiness"


def _fingerprint() -> str:
    import pydantic_core

    from readiness import __version__

    package = Path(__file__).parent
    digest = hashlib.sha256(f"{__version__} {pydantic_core.__version__}".encode())
    for name in _SOURCES:
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:24]


_READY: set[type[BaseModel]] = set()


def ensure_validator(model: type[BaseModel]) -> None:
    """Give ``model`` its validator from the cache, or build it and keep it for next time."""
    if model in _READY or getattr(model, "__pydantic_complete__", False):
        return
    _READY.add(model)
    folder = cache_folder()
    if folder is None:
        model.model_rebuild()
        return
    try:
        path = folder / f"{model.__name__.lower()}-validator-{_fingerprint()}.pickle"
    except OSError:
        model.model_rebuild()
        return
    cached = _load(path)
    if cached is not None:
        model.__pydantic_validator__ = cached
        return
    model.model_rebuild()
    _store(path, model.__pydantic_validator__)


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # written by this code, in the user's own cache
    except Exception:  # missing, unreadable or from another version: build instead
        return None


def _store(path: Path, validator: Any) -> None:
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".validator-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(validator, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except Exception:  # a read-only home, a full disk: the next run builds it again
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
