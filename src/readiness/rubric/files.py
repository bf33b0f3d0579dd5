"""The rubrics shipped inside the package, read through the package (never the repository)."""

from __future__ import annotations

from importlib.resources import files

DEFAULT = "default"


def default_rubric_text() -> str:
    return files("readiness.rubrics").joinpath("default.yaml").read_text(encoding="utf-8")
