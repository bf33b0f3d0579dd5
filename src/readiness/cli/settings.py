"""The project configuration, ``.readiness.yaml``: defaults for a repository's audits.

It is found in the working folder or the nearest parent, stopping at the repository's root
(the folder holding ``.git``), and validated like a plan. Options on the command line win.

    rubric: rubrics/local.yaml      # relative to this file
    min_band: developing
    fail_under: 60
    exclude: ["plans/archive/*"]    # relative to this file; * crosses folders
"""

from pathlib import Path
from typing import NamedTuple

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
    """``.readiness.yaml`` in ``start`` or a parent, not above the repository's root."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


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
