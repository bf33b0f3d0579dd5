"""Where CI formats say a plan is: from the repository's root, as code scanning, annotations
and test reports need, however deep in the repository readiness was run.

Reports for people show a plan's path as the run was given it (relative to the working
folder); SARIF, GitHub annotations and JUnit locate it from the root of the repository (the
folder holding ``.git``, else the working folder), which the command line passes in
``RenderOptions.root`` and ``RenderOptions.cwd``. SARIF's URIs are percent-encoded (RFC 3986)
and relative to ``%SRCROOT%``; a plan outside the repository gets an absolute ``file:`` URI.

The project's web address, for SARIF's ``informationUri`` and each rule's ``helpUri``, comes
from the installed package's metadata (``[project.urls]``); with none, both are left out.
"""

from __future__ import annotations

import functools
import posixpath
from typing import Any
from urllib.parse import quote

from readiness.reporters import RenderOptions

SRCROOT = "%SRCROOT%"
"""The base SARIF consumers (GitHub code scanning among them) read as the repository's root."""

_SOURCE_LABELS = ("source", "repository", "source code", "homepage", "home")
_HOME_LABELS = ("homepage", "home", "documentation", "source", "repository")


def from_root(path: str, options: RenderOptions) -> str:
    """The plan's path from the repository's root (POSIX); an absolute path if it lies
    outside the repository; as shown when the root is not known."""
    if not options.root or path.startswith("<"):  # not a file: "<stdin>"
        return path
    return _from_root(path, options.root, options.cwd)


@functools.lru_cache(maxsize=256)
def _from_root(path: str, root: str, cwd: str) -> str:
    # a plan's path is asked for by its artifact and by each of its results: worked out once
    # (root and cwd are absolute, so the answer does not depend on the working folder)
    full = posixpath.normpath(posixpath.join(cwd or root, path))
    relative = posixpath.relpath(full, root)
    if relative == ".." or relative.startswith("../"):
        return full
    return relative


@functools.lru_cache(maxsize=256)
def encode(path: str) -> str:
    """A path as an RFC 3986 URI reference: every byte but the unreserved ones and ``/``
    percent-encoded (UTF-8), so spaces, brackets and accents are safe."""
    return quote(path, safe="/", encoding="utf-8", errors="surrogatepass")


def artifact(path: str, options: RenderOptions) -> dict[str, Any]:
    """A SARIF ``artifactLocation`` for the plan."""
    shown = from_root(path, options)
    if posixpath.isabs(shown):
        return {"uri": "file://" + encode(shown)}
    return {"uri": encode(shown), "uriBaseId": SRCROOT}


@functools.cache
def project_urls() -> dict[str, str]:
    """The package's web addresses by label (lower case), from its metadata; {} if none."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata("readiness")
    except PackageNotFoundError:
        return {}
    urls: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if url.strip().startswith(("https://", "http://")):
            urls.setdefault(label.strip().lower(), url.strip().rstrip("/"))
    for home in meta.get_all("Home-page") or []:
        if str(home).startswith(("https://", "http://")):
            urls.setdefault("home", str(home).rstrip("/"))
    return urls


def _first(labels: tuple[str, ...]) -> str | None:
    urls = project_urls()
    return next((urls[label] for label in labels if label in urls), None)


def home_page() -> str | None:
    """The project's home on the web, for SARIF's ``informationUri``; None if it has none."""
    return _first(_HOME_LABELS)


def criterion_page(criterion_id: str, version: str) -> str | None:
    """The criterion's entry in ``docs/criteria.md`` of this version's source, for a rule's
    ``helpUri``; None when the package names no source repository."""
    source = _first(_SOURCE_LABELS)
    if source is None:
        return None
    return f"{source}/blob/v{version}/docs/criteria.md#{criterion_id.lower()}"
