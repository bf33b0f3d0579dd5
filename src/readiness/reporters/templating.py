"""Jinja for the report formats: shipped templates, overridable, always sandboxed.

Templates render text that came from plans, so every value passes through an escaping
filter (``md`` for Markdown; HTML templates use autoescaping).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from jinja2.sandbox import SandboxedEnvironment

from readiness.errors import InputError, Problem
from readiness.reporters.escape import code, html_prose, md, prose


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
    env.filters.update(
        md=md,
        prose=prose,
        code=code,
        score=score,
        number=lambda v: f"{v:g}",
        html_prose=lambda v: markupsafe.Markup(html_prose(v)),
        slug=lambda v: re.sub(r"[^a-z0-9]+", "-", str(v).lower()).strip("-"),
    )
    return env


def render_template(
    name: str, context: dict[str, Any], template_dir: Path | None, *, autoescape: bool
) -> str:
    """Render a report template; a template that fails (own templates) is an ``InputError``."""
    try:
        return environment(template_dir, autoescape=autoescape).get_template(name).render(context)
    except jinja2.TemplateError as exc:
        line = getattr(exc, "lineno", None) or 0
        where = getattr(exc, "filename", None) or name
        raise InputError(
            [
                Problem(
                    f"the report template cannot be used: {exc.message or type(exc).__name__}",
                    file=str(where),
                    line=line,
                    column=1 if line else 0,
                    hint="check the template given with --template",
                )
            ]
        ) from None
