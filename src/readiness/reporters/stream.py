"""Reports written as plans are audited: each format is a ``Writer`` that takes one plan at a
time, so a run keeps in memory only the plan in hand and the running totals its report needs,
however many plans there are.

A writer is told the run (an ``AuditResult`` with no plans: the rubric, the date, the gates)
and how many plans to expect; then each plan's result in order (``plan``); then ``finish``
with the problems of any plan that could not be read. What a report prints before its plans
but cannot know until the end (a portfolio's totals, JUnit's counts, SARIF's results after
its artifacts) goes into a temporary file (``spool``) and is copied in at the end.

``render`` runs a writer over a whole result in memory: the same bytes as the streamed file,
for tests, ``diff`` and anything that wants a string.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readiness.audit.result import AuditResult, PlanResult
    from readiness.errors import Problem
    from readiness.reporters import RenderOptions

COPY_CHUNK = 1 << 15
"""Characters copied from a spool at a time. Kept small: a text of a megabyte or so, read and
written again and again, is what the C library's allocator then keeps for itself, so that a
board report of 3,000 plans used 15 MB more at its end than while its plans were written."""


class Writer:
    """A report written plan by plan: ``plan`` for each, then ``finish``."""

    whole_plan = True
    """Whether ``plan`` (given its ``piece``) or ``finish`` reads more of a plan than
    ``audit.many.outcomes_only`` keeps: its line, its levers' scores, each criterion's
    outcome. When no report of a run does, workers send back only that: less to pack and
    unpack."""

    commission = True
    """Whether the report reads what the audit says of a plan as a commission (its verdict,
    packages, overview and timeline: ``audit.run.AuditOptions.commission``). When no report
    of a run does, the audit does not work it out."""

    def __init__(
        self, run: AuditResult, options: RenderOptions, out: IO[str], expected: int
    ) -> None:
        self.run = run
        self.options = options
        self.out = out
        self.expected = expected
        """How many plans the run will give (fewer if some cannot be read)."""

    def piece(self, plan: PlanResult, number: int) -> Any:
        """What this report makes of one plan (its number, from 1, in the files' order),
        worked out from the plan alone, so that it can be made beside the audit in a worker;
        None for a writer that makes nothing ahead."""
        return None

    def plan(self, plan: PlanResult, piece: Any = None) -> None:
        """Take the next plan, and its ``piece`` if a worker made it."""
        raise NotImplementedError

    def finish(self, problems: Sequence[Problem] = ()) -> None:
        raise NotImplementedError


def spool() -> IO[str]:
    """A temporary text file that no other process can open and nothing leaves behind: its
    name is removed as soon as it is made (on POSIX systems; elsewhere, ``tempfile``'s).
    Made with ``os`` alone, so a one-plan run does not pay for importing ``tempfile``."""
    folder = os.environ.get("TMPDIR") or "/tmp"
    if os.name != "posix" or not os.path.isdir(folder):
        import tempfile

        return tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
    path = os.path.join(folder, f".readiness-{os.urandom(8).hex()}")
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, 0o600)
    os.unlink(path)
    return os.fdopen(descriptor, "w+", encoding="utf-8", newline="")


def copy(source: IO[str], out: IO[str]) -> None:
    """Everything written to a spool, onto ``out``; the spool is closed."""
    source.seek(0)
    while chunk := source.read(COPY_CHUNK):
        out.write(chunk)
    source.close()


def render(writer: type[Writer], result: AuditResult, options: RenderOptions) -> str:
    """A whole report as text: the writer run over every plan of ``result``."""
    out = io.StringIO()
    made = writer(result._replace(plans=()), options, out, len(result.plans))
    for plan in result.plans:
        made.plan(plan)
    made.finish(result.problems)
    return out.getvalue()


# -- JSON, a piece at a time -------------------------------------------------------------
def dumps(value: Any, depth: int = 0) -> str:
    """``value`` as ``json.dumps(..., indent=2, ensure_ascii=False)`` writes it when nested
    ``depth`` levels deep: its lines after the first indented to that depth.

    orjson, where it is installed, writes the same bytes some twenty times faster. Where the
    two could differ (a float below 1e-4, written 1e-05 by Python; a float that is not finite;
    a key that is not text; an integer past 64 bits), orjson's compact text is compared with
    the standard library's compact text (its fast C encoder): only if they are the same is
    orjson's indented text used, so the text never depends on which one ran.
    """
    fast = _orjson()
    text = None
    if fast is not None:
        with contextlib.suppress(TypeError):  # an integer past 64 bits, a key not text
            if fast.dumps(value) == _compact(value).encode("utf-8"):
                text = fast.dumps(value, option=fast.OPT_INDENT_2).decode("utf-8")
    if text is None:
        text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + "  " * depth) if depth else text


def dumps_each(values: Sequence[Any], depth: int) -> list[str]:
    """``[dumps(value, depth) for value in values]`` (``depth`` at least 1), made with one
    ``dumps`` of the list: one call into the serialiser instead of one for each object.

    The objects of a list written ``depth - 1`` deep are written exactly as each alone at
    ``depth``. Indented JSON has line breaks only between its parts (a line break in a string
    is written ``\\n``), and only an object of the list starts a line with ``{`` at the list's
    own indentation, so the list's text splits exactly where one object ends and the next
    begins.
    """
    if len(values) < 2 or depth < 1 or not all(isinstance(v, dict) for v in values):
        return [dumps(value, depth) for value in values]
    inner = "  " * depth
    text = dumps(list(values), depth - 1)
    body = text[len("[\n" + inner) : -len("\n" + "  " * (depth - 1) + "]")]
    parts = body.split(",\n" + inner + "{")
    return [parts[0], *("{" + part for part in parts[1:])]


_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""Python's own compact JSON: without indentation it runs in C."""


@functools.cache
def _orjson() -> Any:
    """The orjson module, or None where it is not installed."""
    try:
        import orjson
    except ImportError:
        return None
    return orjson


def skeleton(document: dict[str, Any], *holes: str) -> list[str]:
    """The text of a JSON document cut where the values of ``holes`` (keys at any depth, each
    holding its own name as a placeholder string) go: len(holes) + 1 pieces, to be joined
    with each hole's value written in between."""
    text = dumps(document)
    pieces = []
    for hole in holes:
        before, _, text = text.partition(json.dumps(f"\x00{hole}\x00"))
        pieces.append(before)
    return [*pieces, text]


def hole(name: str) -> str:
    """The placeholder ``skeleton`` cuts at."""
    return f"\x00{name}\x00"


class JsonArray:
    """A JSON array written an item at a time at a depth, as ``json.dumps(indent=2)`` would
    write it there: ``[]`` when empty."""

    def __init__(self, out: IO[str], depth: int) -> None:
        self.out = out
        self.depth = depth
        self.count = 0

    def add(self, item: Any, text: str | None = None) -> None:
        """Write ``item`` (or its text, already dumped at this depth + 1)."""
        indent = "  " * (self.depth + 1)
        opening = "[\n" if not self.count else ",\n"
        body = text if text is not None else dumps(item, self.depth + 1)
        self.out.write(opening + indent + body)
        self.count += 1

    def close(self) -> None:
        self.out.write("[]" if not self.count else "\n" + "  " * self.depth + "]")
