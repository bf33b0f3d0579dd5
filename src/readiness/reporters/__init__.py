"""Reporters: one module per output format, each with ``render(result, options) -> str``.

The registry names each format, the module that renders it and the file suffixes that
choose it for ``--output``. Modules are imported only when their format is used, so the
JSON path never pays for Jinja or rich.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from readiness.audit.result import AuditResult


class RenderOptions(NamedTuple):
    color: bool = False
    """Use terminal colours (the terminal format only)."""
    unicode: bool = True
    """Use block characters for bars; ASCII when the output cannot show them."""
    width: int = 100
    template_dir: Path | None = None
    """A folder of Jinja templates that override the shipped ones."""


class Render(Protocol):
    def __call__(self, result: AuditResult, options: RenderOptions) -> str: ...


class Stream(Protocol):
    def __call__(self, result: AuditResult, options: RenderOptions) -> Iterator[str]: ...


class Reporter(NamedTuple):
    name: str
    module: str
    suffixes: tuple[str, ...]
    description: str

    def load(self) -> Render:
        render: Render = importlib.import_module(self.module).render
        return render

    def load_stream(self) -> Stream:
        """The reporter's output a piece at a time (the whole text at once if it has no
        ``stream``)."""
        module = importlib.import_module(self.module)
        stream: Stream | None = getattr(module, "stream", None)
        if stream is not None:
            return stream
        render: Render = module.render
        return lambda result, options: iter((render(result, options),))


REPORTERS: dict[str, Reporter] = {
    r.name: r
    for r in (
        Reporter("terminal", "readiness.reporters.terminal", (".txt",), "summary for people"),
        Reporter("json", "readiness.reporters.json_report", (".json",), "the JSON report"),
        Reporter("markdown", "readiness.reporters.markdown", (".md", ".markdown"), "board report"),
        Reporter("html", "readiness.reporters.html", (".html", ".htm"), "board report, web page"),
        Reporter(
            "sarif", "readiness.reporters.sarif", (".sarif",), "SARIF 2.1.0 for code scanning"
        ),
        Reporter("junit", "readiness.reporters.junit", (".xml",), "JUnit XML for CI test reports"),
        Reporter("github", "readiness.reporters.github", (), "GitHub Actions annotations"),
    )
}


def for_path(path: str) -> Reporter | None:
    """The reporter a file's suffix asks for, if any."""
    suffix = Path(path).suffix.lower()
    return next((r for r in REPORTERS.values() if suffix in r.suffixes), None)
