"""The criterion IDs a rubric defines, read without building its checks (for ``validate``).

``validate`` only needs to know which IDs a waiver may name, so it reads the rubric's
``criteria`` keys and leaves the checks, their params and the scoring alone.
"""

from __future__ import annotations

from pathlib import Path

from readiness.load.document import Document
from readiness.load.parse import load_yaml
from readiness.load.source import read_text
from readiness.rubric.files import default_document


def criterion_ids(path: Path | None) -> set[str]:
    """IDs a waiver may name: the rubric file's criteria (the default rubric's if None)."""
    if path is None:
        return _ids(default_document().doc)
    doc = load_yaml(read_text(path, path.as_posix()), path.as_posix()).doc
    ids = _ids(doc)
    if isinstance(doc.data, dict) and doc.data.get("extends") == "default":
        ids |= criterion_ids(None)
    return ids


def _ids(doc: Document) -> set[str]:
    criteria = doc.data.get("criteria") if isinstance(doc.data, dict) else None
    return {str(key) for key in criteria} if isinstance(criteria, dict) else set()
