"""Load a plan file: bytes to text, text to a positioned document, document to a ``Plan``."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from readiness.errors import InputError, Problem
from readiness.load.parse import Document, load_yaml
from readiness.load.scalars import shown
from readiness.load.source import DEFAULT_MAX_BYTES, read_text
from readiness.load.validate import validate_document
from readiness.plan.examples import Example, drop_examples, scan
from readiness.plan.funding import funding_problems
from readiness.plan.models import SUPPORTED_VERSIONS, Plan
from readiness.plan.waivers import waiver_problems

_EMPTY_HINT = "readiness init writes a starter plan to begin from"


class LoadedPlan(NamedTuple):
    doc: Document
    plan: Plan
    examples: tuple[Example, ...] = ()
    """Examples from the starter plan still in place (``readiness init``): never evidence."""


def load_plan(
    path: Path,
    display: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    criteria: set[str] | None = None,
) -> LoadedPlan:
    return parse_plan(read_text(path, display, max_bytes), display, criteria)


def _blank(text: str) -> bool:
    """Whether the text holds nothing but comments, blank lines and '---' / '...' markers."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return False
    return True


def parse_plan(text: str, display: str, criteria: set[str] | None = None) -> LoadedPlan:
    """A validated plan; with ``criteria``, waivers must name one of them."""
    if _blank(text):
        raise InputError(
            [Problem("the file is empty: there is no plan in it", file=display, hint=_EMPTY_HINT)]
        )
    doc, problems = load_yaml(text, display)
    shape, version_problems = check_shape(doc)
    # an example (TODO text, a value marked '# TODO') is not evidence: it is not written down
    examples = scan(doc)
    data = drop_examples(shape, Plan, examples.values)
    dropped = doc.with_data(data)
    found = [*problems, *version_problems, *funding_problems(dropped)]
    if criteria is not None:
        found.extend(waiver_problems(dropped, criteria))
    plan = validate_document(doc, Plan, data, earlier=found)
    return LoadedPlan(doc, plan, examples.examples)


def check_shape(doc: Document) -> tuple[dict[str, object], list[Problem]]:
    """The file must be a mapping written in a format version this tool reads.

    Returns the data to validate and a problem with the version to report beside the file's
    others; raises ``InputError`` when nothing else in the file is worth checking.
    """
    supported = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
    if doc.data is None:
        raise InputError(
            [doc.problem("the file is empty: there is no plan in it", None, _EMPTY_HINT)]
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
        return doc.data, []  # reported with the other missing keys by validation
    version = doc.data["readiness"]
    if isinstance(version, int) and not isinstance(version, bool):
        if version in SUPPORTED_VERSIONS:
            return doc.data, []
        # another version may mean another format: report this alone
        raise InputError([_version_problem(doc, version, supported)])
    # no version number at all: report it with the file's other problems
    data = {**doc.data, "readiness": SUPPORTED_VERSIONS[-1]}
    return data, [_version_problem(doc, version, supported)]


def _version_problem(doc: Document, version: object, supported: str) -> Problem:
    if version is None:
        return doc.problem(
            "the format version has no value",
            doc.nearest(("readiness",))[1],
            f"write 'readiness: {SUPPORTED_VERSIONS[-1]}'",
        )
    return doc.problem(
        f"format version {shown(version)} is not supported: "
        f"this version of readiness reads format version {supported}",
        doc.nearest(("readiness",))[1],
        f"write 'readiness: {SUPPORTED_VERSIONS[-1]}' and follow that format",
    )
