"""The project configuration, ``.readiness.yaml``: defaults for a repository's audits.

It is found in the working folder or the nearest parent, stopping at the repository's root
(the folder holding ``.git``), and validated like a plan. Options on the command line win.

    rubric: rubrics/local.yaml      # relative to this file
    min_band: developing
    fail_under: 60
    exclude: ["plans/archive/*"]    # relative to this file; * crosses folders
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from readiness.bands import Band
from readiness.loader import load_yaml
from readiness.plan.types import Text
from readiness.source import read_text
from readiness.validate import validate_document

CONFIG_NAME = ".readiness.yaml"


class ConfigModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    rubric: Text | None = None
    min_band: Band | None = None
    fail_under: Annotated[float, Field(ge=0, le=100)] | None = None
    exclude: list[Text] = []
    max_size_mb: Annotated[float, Field(gt=0)] | None = None


@dataclass(frozen=True, slots=True)
class Config:
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
    if path is None:
        return Config(path=None)
    display = path.as_posix()
    doc = load_yaml(read_text(path, display), display)
    data = {} if doc.data is None else doc.data
    model = validate_document(doc, ConfigModel, data, what="the configuration")
    return Config(
        path=path,
        rubric=(path.parent / model.rubric) if model.rubric else None,
        min_band=model.min_band,
        fail_under=model.fail_under,
        exclude=tuple(model.exclude),
        max_size_mb=model.max_size_mb,
    )
