"""Escaping for text from plans and rubrics in Markdown reports (no Jinja needed)."""

from __future__ import annotations

import html
import re

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


def cell(value: object) -> str:
    """Rubric text inside a Markdown table cell."""
    return prose(value).replace("|", "\\|")


_CODE = re.compile(r"`([^`]+)`")


def html_prose(value: object) -> str:
    """Rubric text for HTML: escaped, with its `code` spans as <code> elements.

    Returns markup; the caller marks it safe (it holds no unescaped text).
    """
    text = html.escape(" ".join(str(value).split()), quote=True)
    return _CODE.sub(r"<code>\1</code>", text)
