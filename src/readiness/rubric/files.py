"""The rubrics shipped inside the package, read through the package (never the repository)."""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness.load.parse import Parsed

DEFAULT = "default"


def default_rubric_text() -> str:
    return files("readiness.rubrics").joinpath("default.yaml").read_text(encoding="utf-8")


def default_document() -> Parsed:
    """The shipped rubric's YAML, with the positions of its keys and values."""
    from readiness.load.parse import load_yaml

    return load_yaml(default_rubric_text(), "<default rubric>")
