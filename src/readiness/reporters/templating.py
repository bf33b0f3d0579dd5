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


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept in the user's cache: compiling the report templates costs more
    than rendering them. Entries are named by the package's key (``readiness.cache``) and Jinja
    checks each against its template's source, so an edited template (shipped or the user's
    own) is compiled again; a cache that cannot be read or written is simply not used."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable or not compiled code: compile as usual
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        from readiness.cache import make_folder, prune

        folder = Path(self.directory)
        if not make_folder(folder):
            return
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return
        current = self.pattern.split("-", 1)[0]  # this build's key, whatever the escaping
        prune(folder, lambda old: old.endswith(".cache") and not old.startswith(current))


def _bytecode_cache(autoescape: bool) -> jinja2.BytecodeCache | None:
    from readiness.cache import cache_folder, package_key

    folder = cache_folder()
    if folder is None:
        return None
    try:
        key = package_key()
    except OSError:
        return None
    # compiled code depends on the environment's options (escaping) and on Jinja's version
    mode = "html" if autoescape else "text"
    build = f"{key}j{jinja2.__version__.replace('-', '')}"
    return _BytecodeCache(str(folder / "templates"), f"{build}-{mode}-%s.cache")


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
        bytecode_cache=_bytecode_cache(autoescape),
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
