"""Reporters: one module per output format, each with a ``Writer`` that takes a run's plans one
at a time (``stream``), and ``render(result, options) -> str`` for a whole result at once.

Entry point: the registries ``AUDIT_FORMATS`` and ``DIFF_FORMATS``, one shape for both: each
names a format, the function that renders it and the file suffixes that choose it for
``--output``. The command line's ``--format`` choices, ``--output`` help and error hints are
all derived from them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from readiness.reporters.stream import Writer


class RenderOptions(NamedTuple):
    color: bool = False
    """Use terminal colours (the terminal format only)."""
    unicode: bool = True
    """Use block characters for bars; ASCII when the output cannot show them."""
    width: int = 100
    template_dir: Path | None = None
    """A folder of Jinja templates that override the shipped ones."""
    timeline: bool = False
    """Add the plan's timeline to the terminal summary."""
    root: str = ""
    """The repository's root (the folder holding ``.git``, else the working folder), as an
    absolute POSIX path: CI formats locate plans from it. Empty: paths as they are shown."""
    cwd: str = ""
    """The working folder, as an absolute POSIX path: shown paths are relative to it."""
    json_version: int = 2
    """The JSON report's ``schema_version`` (``--json-version``): 2, or 1 for one release."""


class Format(NamedTuple):
    """One output format: its name, where its renderer lives, the file suffixes that choose it
    for ``--output``, and a few words for ``--help``. The renderer's module is imported only
    when the format is used, so the JSON path never pays for Jinja or rich."""

    name: str
    module: str
    function: str
    suffixes: tuple[str, ...]
    description: str

    def load(self) -> Callable[..., str]:
        render: Callable[..., str] = getattr(importlib.import_module(self.module), self.function)
        return render

    def load_writer(self) -> type[Writer]:
        """The format's ``Writer`` (``stream.py``): the report written plan by plan."""
        writer: type[Writer] = importlib.import_module(self.module).Writer
        return writer


Formats = dict[str, Format]


AUDIT_FORMATS: Formats = {
    name: Format(name, f"readiness.reporters.{module}", "render", ends, words)
    for name, module, ends, words in (
        ("terminal", "terminal", (".txt",), "a summary for people"),
        ("json", "json_report", (".json",), "the JSON report"),
        ("markdown", "markdown", (".md", ".markdown"), "the board report"),
        ("html", "html", (".html", ".htm"), "the board report as a web page"),
        ("sarif", "sarif", (".sarif", ".sarif.json"), "SARIF 2.1.0 for code scanning"),
        ("junit", "junit", (".xml",), "JUnit XML for CI test reports"),
        ("github", "github", (), "GitHub Actions annotations"),
    )
}
"""What ``readiness audit`` can write (``--format`` and ``--output``)."""

DIFF_FORMATS: Formats = {
    name: Format(name, "readiness.reporters.diff_report", function, ends, words)
    for name, function, ends, words in (
        ("terminal", "terminal", (".txt",), "the changes for people"),
        ("markdown", "markdown", (".md", ".markdown"), "the changes for a board paper"),
        ("json", "as_json", (".json",), "the changes as JSON"),
    )
}
"""What ``readiness diff`` can write."""


def names(formats: Formats) -> str:
    """The format names, for ``--format``'s help and errors: "terminal, json, ..."."""
    return ", ".join(formats)


def suffixes(formats: Formats) -> str:
    """Every suffix that picks a format, for ``--output``'s help and errors."""
    return ", ".join(s for f in formats.values() for s in f.suffixes)


def for_path(formats: Formats, path: str) -> Format | None:
    """The format a file's suffix asks for, if any; the longest suffix that matches wins
    (``report.sarif.json`` is SARIF, ``report.json`` the JSON report)."""
    name = Path(path).name.lower()
    matches = [
        (len(s), f) for f in formats.values() for s in f.suffixes if name.endswith(s) and name != s
    ]
    return max(matches, key=lambda match: match[0])[1] if matches else None
