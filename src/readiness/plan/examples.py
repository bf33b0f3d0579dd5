"""Examples still in place in a plan, found so that a placeholder is never evidence.

The starter plan (``readiness init``) marks each example: text still to write starts with
``TODO``; numbers, dates, words and list items are commented out, one line each, ending in a
``# TODO`` note; a live value with that note is a guess still to check. ``find_examples`` lists
every example left in a file; ``drop_todo_text`` takes TODO text out of the data before it is
validated. Written for hostile files: one pass over the text and the nodes, and a ``#`` inside
a quoted or block value is never a comment.
"""

from __future__ import annotations

import bisect
import operator
import re
from typing import Annotated, Any, NamedTuple, TypeGuard, get_args, get_origin

from pydantic import BaseModel

from readiness.load.document import Document
from readiness.load.validate import field_keys, unwrap
from readiness.outcomes import KeyPath
from readiness.plan.types import person
from readiness.wording import label, short

_MARKER = re.compile(r"#[ \t]*todo", re.IGNORECASE)  # the note that marks an example, any case
_COLON = re.compile(r":(?:[ \t]|$)")
_NOT_PLAIN_KEY = frozenset("-?:,[]{}#&*!|>'\"%@`")
Position = tuple[int, int]  # 0-based line and column, as the parser counts them


class Example(NamedTuple):
    """An example still in place: where it is (1-based), the key it is for, what it says."""

    line: int
    column: int
    key: str
    text: str


def is_todo(value: object) -> TypeGuard[str]:
    """Whether a value is text still to write: it starts with TODO, in any case."""
    return isinstance(value, str) and value.lstrip()[:4].lower() == "todo"


def _pos(mark: Any) -> Position:
    return int(mark.line), int(mark.column)


def _plain(text: str) -> str:
    return short(" ".join(text.split()))


def _key_label(path: KeyPath) -> str:
    """The key an example is for: a list item is shown as its list's key."""
    while path and isinstance(path[-1], int):
        path = path[:-1]
    return label(path)


def _walk(doc: Document) -> tuple[list[Example], set[int], list[tuple[Position, Position]]]:
    """TODO text values; the lines they cover; the spans of every key and scalar value."""
    found: dict[tuple[int, ...], Example] = {}
    lines: set[int] = set()
    marks = doc.values.marks
    spans = [(_pos(s), _pos(e)) for s, e in doc.keys.marks.values()]
    stack: list[tuple[KeyPath, object]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
            continue
        if isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in enumerate(value))
            continue
        span = marks.get(path)
        if span is not None:
            spans.append((_pos(span[0]), _pos(span[1])))
        if is_todo(value):  # where it is, or where the alias that repeats it is
            at = doc.nearest(path)[1]
            last = at.end_line - (at.end_column == 1 and at.end_line > at.line)
            lines.update(range(at.line, last + 1))
            found[at[:2]] = Example(at.line, at.column, _key_label(path), _plain(value))
    return list(found.values()), lines, spans


def find_examples(doc: Document) -> tuple[Example, ...]:
    """Every example still in place in ``doc``, in file order (see the module's docstring)."""
    examples, todo_lines, covered = _walk(doc)
    covered.sort()  # keys and scalars, which never overlap: a '#' inside one is no comment
    keys = sorted(((_pos(s), p) for p, (s, _) in doc.keys.marks.items()), key=lambda k: k[0])
    cols: list[int] = []  # the keys open before a line, by column, as indentation nests them
    paths: list[KeyPath] = []
    next_key = next_span = 0
    text = doc.text[1:] if doc.text.startswith("\ufeff") else doc.text  # as the parser reads
    for index, line in enumerate(text.splitlines()):
        while next_key < len(keys) and keys[next_key][0][0] < index:
            (_, column), path = keys[next_key]
            while cols and cols[-1] >= column:
                del cols[-1], paths[-1]
            cols.append(column)
            paths.append(path)
            next_key += 1
        if "#" not in line or index + 1 in todo_lines or not _MARKER.search(line):
            continue
        pos = line.find("#")
        while pos >= 0:
            if pos == 0 or line[pos - 1] in " \t":
                while next_span < len(covered) and covered[next_span][1] <= (index, pos):
                    next_span += 1
                if next_span == len(covered) or covered[next_span][0] > (index, pos):
                    break  # a comment starts here
                end = covered[next_span][1]
                pos = line.find("#", max(end[1], pos + 1)) if end[0] == index else -1
            else:
                pos = line.find("#", pos + 1)
        marker = _MARKER.search(line, pos) if pos >= 0 else None
        if marker is not None:
            examples.append(_example(index, line, pos, marker.start(), cols, paths))
    return tuple(sorted(examples, key=lambda e: (e.line, e.column)))


def _example(
    index: int, line: str, comment: int, marker: int, cols: list[int], paths: list[KeyPath]
) -> Example:
    """The example on a line whose comment starts at ``comment`` and has a marker."""
    start = len(line) - len(line.lstrip(" \t"))
    column = start  # where the content sits: for a commented-out line, where '# ' was
    if start == comment:
        body = line[comment + 1 : max(marker, comment + 1)]
        content = body.strip()
        column = comment + max(len(body) - len(body.lstrip(" ")) - 1, 0)
        text = content or line[marker + 1 :].strip()
    else:
        content = text = line[start:comment].rstrip()
    found = bisect.bisect_right(cols, column) - 1
    parent: KeyPath = () if found < 0 else paths[found]
    name = _key_name(content)
    if content[:1] == "-" and content[1:2] in ("", " ", "\t"):
        name = None  # an item of the list ``parent``
    elif found >= 0 and cols[found] == column:
        parent = parent[:-1]  # a sibling of the key at this column
    key = _key_label((*parent, name) if name else parent)
    return Example(index + 1, start + 1, key, _plain(text))


def _key_name(content: str) -> str | None:
    """The key a line starts with (``frequency: monthly``), or None."""
    if content[:1] in ("'", '"'):
        close = content.find(content[0], 1)
        after = content[close + 1 :].lstrip(" \t") if close > 0 else ""
        return content[1:close] if _COLON.match(after) else None
    end = _COLON.search(content)
    if end is None or content[:1] in _NOT_PLAIN_KEY:
        return None
    return content[: end.start()].rstrip(" \t") or None


# -- TODO text is never evidence ------------------------------------------------------------
def drop_todo_text(data: object, model: type[BaseModel]) -> object:
    """``data`` without TODO text where it is optional: a key the model does not require, an
    entry of a mapping of text, an item of a list of text (and an optional list it empties).
    A required key keeps its TODO text. ``data`` is not changed; it is returned if nothing goes."""
    return _drop(data, model)


def _drop(value: object, annotation: Any) -> object:
    target = unwrap(annotation)
    args = get_args(target) or (Any,)
    if isinstance(value, dict) and isinstance(target, type) and issubclass(target, BaseModel):
        keys = field_keys(target)
        fields = {k: target.model_fields[keys[k]] for k in value if k in keys}
        keep = {k: k not in fields or fields[k].is_required() for k in value}  # unknown: kept
        types = {k: fields[k].annotation if k in fields else Any for k in value}
        return _drop_entries(value, keep, types)
    if isinstance(value, dict) and get_origin(target) is dict:
        return _drop_entries(value, dict.fromkeys(value, False), dict.fromkeys(value, args[-1]))
    if isinstance(value, list) and get_origin(target) is list:
        text = _is_text(args[0])
        items = [_drop(v, args[0]) for v in value if not (text and is_todo(v))]
        same = len(items) == len(value) and all(map(operator.is_, items, value))
        return value if same else items
    return value


def _drop_entries(value: dict[Any, object], keep: dict[Any, bool], types: dict[Any, Any]) -> object:
    out: dict[Any, object] = {}
    for key, item in value.items():
        new = _drop(item, types[key])
        if keep[key] or not (is_todo(item) or (item and new == [])):
            out[key] = new  # (a list of placeholders only is a list not written)
    same = len(out) == len(value) and all(out[k] is v for k, v in value.items())
    return value if same else out


def _is_text(annotation: Any) -> bool:
    """Whether list items of this type are text: text itself, or a person written as a name."""
    metadata = get_args(annotation)[1:] if get_origin(annotation) is Annotated else ()
    return unwrap(annotation) is str or any(getattr(m, "func", None) is person for m in metadata)
