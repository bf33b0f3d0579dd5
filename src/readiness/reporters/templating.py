"""Jinja for the report formats: shipped templates, overridable, always sandboxed.

Templates render text that came from plans, so every value passes through an escaping
filter (``md`` for Markdown; HTML templates use autoescaping).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from readiness.reporters.escape import code, md, prose


def score(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def environment(template_dir: Path | None, *, autoescape: bool) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders.append(jinja2.PackageLoader("readiness", "templates"))
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(md=md, prose=prose, code=code, score=score, number=lambda v: f"{v:g}")
    return env


def render_template(
    name: str, context: dict[str, Any], template_dir: Path | None, *, autoescape: bool
) -> str:
    return environment(template_dir, autoescape=autoescape).get_template(name).render(context)
