"""Load a plan file: bytes to text, text to a positioned document, document to a ``Plan``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from readiness.errors import InputError
from readiness.loader import Document, load_yaml
from readiness.plan.models import SUPPORTED_VERSIONS, Plan
from readiness.plan.types import shown
from readiness.plan.waivers import waiver_problems
from readiness.source import DEFAULT_MAX_BYTES, read_text
from readiness.validate import validate_document
from readiness.validator_cache import ensure_validator


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    doc: Document
    plan: Plan


def load_plan(
    path: Path,
    display: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    criteria: set[str] | None = None,
) -> LoadedPlan:
    return parse_plan(read_text(path, display, max_bytes), display, criteria)


def parse_plan(text: str, display: str, criteria: set[str] | None = None) -> LoadedPlan:
    """A validated plan; with ``criteria``, waivers must name one of them."""
    doc = load_yaml(text, display)
    check_shape(doc)
    if criteria is not None:
        doc.problems.extend(waiver_problems(doc, criteria))
    ensure_validator(Plan)
    return LoadedPlan(doc, validate_document(doc, Plan))


def check_shape(doc: Document) -> None:
    """The file must be a mapping written in a format version this tool reads."""
    supported = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
    if doc.data is None:
        raise InputError(
            [
                doc.problem(
                    "the file is empty: there is no plan in it",
                    None,
                    "start from a plan in the examples folder",
                )
            ]
        )
    if not isinstance(doc.data, dict):
        raise InputError(
            [
                doc.problem(
                    f"a plan must be a set of keys (readiness, plan, workforce ...), "
                    f"not {shown(doc.data)}",
                    doc.nearest(())[1],
                    "the first line of a plan is 'readiness: 1'",
                )
            ]
        )
    if "readiness" not in doc.data:
        return  # reported with the other missing keys by validation
    version = doc.data["readiness"]
    if (
        isinstance(version, bool)
        or not isinstance(version, int)
        or version not in SUPPORTED_VERSIONS
    ):
        raise InputError(
            [
                doc.problem(
                    f"format version {shown(version)} is not supported: "
                    f"this version of readiness reads format version {supported}",
                    doc.nearest(("readiness",))[1],
                    f"write 'readiness: {SUPPORTED_VERSIONS[-1]}' and follow that format",
                )
            ]
        )
