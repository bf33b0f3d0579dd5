"""Jinja for the report formats: shipped templates, overridable, always sandboxed.

Templates render text that came from plans, so every value passes through an escaping
filter (``md`` for Markdown; HTML templates use autoescaping).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def md(value: object) -> str:
    """Plan text made inert in Markdown: no HTML, no emphasis, no links, one line."""
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def prose(value: object) -> str:
    """Rubric text, which may use Markdown code spans, with any HTML made inert."""
    return html.escape(" ".join(str(value).split()), quote=False)


def code(value: object) -> str:
    """An inline code span, or escaped text when the value holds a backtick."""
    text = " ".join(str(value).split())
    return f"`{text}`" if "`" not in text else md(text)


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
    env.filters.update(md=md, prose=prose, code=code, score=score)
    return env


def render_template(
    name: str, context: dict[str, Any], template_dir: Path | None, *, autoescape: bool
) -> str:
    return environment(template_dir, autoescape=autoescape).get_template(name).render(context)
