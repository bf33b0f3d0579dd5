"""The project configuration, ``.readiness.yaml``: defaults for a repository's audits.

Inside a repository it is found in the working folder or the nearest parent up to the
repository's root (the folder holding ``.git``); outside one, only in the working folder, so
a file in a shared parent such as ``/tmp`` is never picked up. A file found this way must
belong to the user running readiness, as git asks of a repository (``safe.directory``):
another user's is refused, unless given with ``--config``. It is validated like a plan, and
options on the command line win.

    rubric: rubrics/local.yaml      # relative to this file
    min_band: developing
    fail_under: 60
    exclude: ["plans/archive/*"]    # relative to this file; * crosses folders; folder
                                    # and pattern searches only: a named file is checked
    max_size_mb: 10                 # the largest plan file read, at most 100
"""

import os
from pathlib import Path
from typing import NamedTuple

from readiness.errors import InputError
from readiness.outcomes import Band

CONFIG_NAME = ".readiness.yaml"


class Config(NamedTuple):
    path: Path | None
    rubric: Path | None = None
    min_band: Band | None = None
    fail_under: float | None = None
    exclude: tuple[str, ...] = ()
    max_size_mb: float | None = None

    @property
    def root(self) -> Path:
        """The folder the configuration's relative paths start from."""
        return self.path.parent if self.path is not None else Path.cwd()


def find_config(start: Path) -> Path | None:
    """``.readiness.yaml`` in ``start`` or a parent up to the repository's root (module
    docstring); ``InputError`` if the one found belongs to another user."""
    top = repository_root(start) or start
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if _exists(candidate, folder) and candidate.is_file():
            _check_owner(candidate)
            return candidate
        if folder == top:
            break
    return None


def repository_root(start: Path) -> Path | None:
    """The nearest folder from ``start`` up that holds ``.git``; None outside a repository."""
    return next((f for f in (start, *start.parents) if _exists(f / ".git", f)), None)


def _exists(path: Path, folder: Path) -> bool:
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise InputError.single(
            f"cannot look for a settings file in this folder ({exc.strerror})",
            file=folder.as_posix(),
            hint="run readiness from a folder you can read, or pass --config FILE",
        ) from None
    return True


def _check_owner(path: Path) -> None:
    """Refuse a settings file (or a link to one) that another user owns."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # no user IDs to compare (Windows)
        return
    user = getuid()
    if path.lstat().st_uid != user or path.stat().st_uid != user:
        raise InputError.single(
            "this settings file belongs to another user, so readiness does not use it",
            file=path.as_posix(),
            hint="pass --config FILE to use it anyway",
        )


def load_config(path: Path | None) -> Config:
    """The settings in ``path``, validated like a plan (nothing to load when there is none)."""
    if path is None:
        return Config(path=None)
    from readiness.cli.settings_model import ConfigModel
    from readiness.load.parse import load_yaml
    from readiness.load.source import read_text
    from readiness.load.validate import validate_document

    display = path.as_posix()
    doc, problems = load_yaml(read_text(path, display), display)
    data = {} if doc.data is None else doc.data
    model = validate_document(doc, ConfigModel, data, what="the configuration", earlier=problems)
    return Config(
        path=path,
        rubric=(path.parent / model.rubric) if model.rubric else None,
        min_band=model.min_band,
        fail_under=model.fail_under,
        exclude=tuple(model.exclude),
        max_size_mb=model.max_size_mb,
    )
