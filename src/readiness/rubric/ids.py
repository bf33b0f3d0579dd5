"""The criterion IDs a rubric defines, read without building its checks (for ``validate``)."""

from __future__ import annotations

from pathlib import Path

from readiness.loader import load_yaml
from readiness.rubric.files import default_rubric_text
from readiness.source import read_text


def criterion_ids(path: Path | None) -> set[str]:
    """IDs a waiver may name: the rubric file's criteria (the default rubric's if None)."""
    if path is None:
        doc = load_yaml(default_rubric_text(), "<default rubric>")
    else:
        doc = load_yaml(read_text(path, path.as_posix()), path.as_posix())
    data = doc.data if isinstance(doc.data, dict) else {}
    criteria = data.get("criteria")
    ids = {str(key) for key in criteria} if isinstance(criteria, dict) else set()
    if path is not None and data.get("extends") == "default":
        ids |= criterion_ids(None)
    return ids
