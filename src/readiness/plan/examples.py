"""Examples still in place in a plan, found so that an example is never evidence.

The starter plan (``readiness init``) marks its examples: text still to write starts with TODO
(or TO DO, TBC, TBD, FIXME, XXX: as a word, never a name such as Todorova); numbers, dates and
list items are commented out, a line each, ending in a ``# TODO`` note; a live value on a line
with that note is a guess still to check. ``scan`` lists every example in a file and the values
that are examples; ``drop_examples`` takes those out before validation: an optional key goes, a
required key takes its nearest optional section or list item with it, and a required key with
nothing optional above it (``plan.title``) keeps its example, so that the plan validates.

A file without those words costs one look at its text; otherwise one walk over the data, and
for each marked line a search among the nodes, which the parser keeps in file order. A ``#``
in a quoted or block value is no comment.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, NamedTuple, TypeGuard, get_args, get_origin

from pydantic import BaseModel

from readiness.load.document import Document
from readiness.load.validate import field_keys, unwrap
from readiness.outcomes import KeyPath
from readiness.plan.types import person
from readiness.wording import label, short

_END = r"(?![\w'’])"  # the word ends: no letter, digit or apostrophe follows
_TODO = re.compile(  # 'to do' and 'xxx' only as a note ('To do:', 'XXX'), never 'To do so'
    r"\s*[\[(<]?\s*(?:todo|fixme|tb[cd]|(?-i:TO[ -]DO)|(?:to[ -]do|x{3,})(?=[ \t]*(?::|$)))" + _END,
    re.IGNORECASE,
)
_HINTS = ("todo", "tbc", "tbd", "fixme", "xxx", "\\")  # '\\': an escape could spell one
_SPACED = re.compile(r"to[\s-]+do")  # 'to do', even folded over two lines
_MARKER = re.compile(r"#[ \t]*\[?todo" + _END, re.IGNORECASE)  # the note that marks an example
_COLON = re.compile(r":(?:[ \t]|$)")
_NOT_PLAIN_KEY = frozenset("-?:,[]{}#&*!|>'\"%@`")
TEXT, MARKED = 1, 2  # why a value is an example: TODO text; on a line (or key) with a note
Node = tuple[KeyPath, Any]  # a key's or a value's path and the parser's marks
Row = tuple[Node | None, list[Node]]  # the last node above a row, and the nodes that start on it


class Example(NamedTuple):
    """An example still in place: where it is (1-based), the key it is for, what it says."""

    line: int
    column: int
    key: str
    text: str


class Found(NamedTuple):
    examples: tuple[Example, ...]  # in file order
    values: dict[KeyPath, int]  # the values that are examples: TEXT, MARKED or both, by path


def is_todo(value: object) -> TypeGuard[str]:
    """Whether a value is text still to write: it starts with a to-do word (see above)."""
    return isinstance(value, str) and _TODO.match(value) is not None


def find_examples(doc: Document) -> tuple[Example, ...]:
    """Every example still in place in ``doc``, in file order."""
    return scan(doc).examples


def scan(doc: Document) -> Found:
    """Every example in ``doc``, and the values that are examples."""
    low = doc.text.lower()
    if not any(word in low for word in _HINTS) and not _SPACED.search(low):
        return Found((), {})
    found: dict[tuple[int, int], Example] = {}
    values = dict.fromkeys(_todo_text(doc.data), TEXT)
    text_rows: set[int] = set()  # a marker on a row of TODO text is not listed again
    for path in values:
        at = doc.nearest(path)[1]  # where it is, or where the alias that repeats it is
        last = at.end_line - (at.end_column == 1 and at.end_line > at.line)
        text_rows.update(range(at.line - 1, last))
        found[at[:2]] = Example(at.line, at.column, _key_label(path), _plain(_at(doc, path)))
    text = doc.text[1:] if doc.text.startswith("\ufeff") else doc.text  # as the parser reads
    lines = text.splitlines() if "todo" in low else []
    rows = [row for row, line in enumerate(lines) if "#" in line and _MARKER.search(line)]
    keys, nodes = _rows(doc.keys.marks, rows), _rows(doc.values.marks, rows)
    for row, on_row in zip(rows, zip(keys, nodes, strict=True), strict=False):
        comment = _comment(doc, lines[row], row, on_row)
        marker = _MARKER.search(lines[row], comment) if comment >= 0 else None
        for path in _marked(doc, row, on_row) if marker else ():
            values[path] = values.get(path, 0) | MARKED
        if marker and row not in text_rows:
            example = _example(doc, lines[row], row, comment, marker.start(), on_row[0][0])
            found[example[:2]] = example
    return Found(tuple(sorted(found.values(), key=lambda e: (e.line, e.column))), values)


def _todo_text(data: object) -> Iterator[KeyPath]:
    match = _TODO.match
    if is_todo(data):
        yield ()
    stack: list[tuple[KeyPath, Any]] = [((), data)] if isinstance(data, dict | list) else []
    while stack:
        path, value = stack.pop()
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            if type(item) is str:
                if match(item):
                    yield (*path, key)
            elif isinstance(item, dict | list):
                stack.append(((*path, key), item))


def _at(doc: Document, path: KeyPath) -> Any:
    value: Any = doc.data
    for part in path:
        value = value[part]
    return value


def _plain(text: str) -> str:
    return short(" ".join(text.split()))


def _key_label(path: KeyPath) -> str:
    """The key an example is for: a list item is shown as its list's key."""
    while path and isinstance(path[-1], int):
        path = path[:-1]
    return label(path)


# -- lines with a '# TODO' note ------------------------------------------------------------
def _rows(marks: dict[KeyPath, Any], rows: list[int]) -> Iterator[Row]:
    """A ``Row`` of ``marks`` for each of ``rows`` in turn, by galloping search: no work for
    each node."""
    paths, spans, index = list(marks), list(marks.values()), 0

    def first(row: int, lo: int) -> int:  # the first span from ``lo`` on ``row`` or below
        hi, step = lo, 1
        while hi < len(spans) and spans[hi][0].line < row:
            lo, hi, step = hi + 1, hi + step, step * 2
        return bisect.bisect_left(spans, row, lo, min(hi, len(spans)), key=lambda s: s[0].line)

    for row in rows:
        end = index
        if index < len(spans) and spans[index][0].line <= row:  # else none since the last row
            index = first(row, index)
            end = first(row + 1, index)
        above = (paths[index - 1], spans[index - 1]) if index else None
        yield above, list(zip(paths[index:end], spans[index:end], strict=True))
        index = end


def _comment(doc: Document, line: str, row: int, on_row: tuple[Row, Row]) -> int:
    """Where the comment on a row starts, or -1: the first '#' at the start or after a space
    once every key and scalar on the row has ended (a quoted one may hold such a '#')."""
    after = 0
    for (above, here), key in zip(on_row, (True, False), strict=True):
        if above is not None and _scalar(doc, above, key, row):  # from a row above
            if above[1][1].line > row:
                return -1
            after = max(after, above[1][1].column)
        for node in here:
            start, end = node[1]
            if end.line == row:
                after = max(after, end.column)
            elif line[start.column : start.column + 1] not in ("|", ">") and _scalar(
                doc, node, key, row
            ):
                return -1  # a quoted or plain scalar goes on below: a block one starts below
    pos = line.find("#", after)
    while pos > 0 and line[pos - 1] not in " \t":
        pos = line.find("#", pos + 1)
    return pos


def _scalar(doc: Document, node: Node, key: bool, row: int) -> bool:
    """Whether a node is a key or a scalar value, and reaches ``row``."""
    return node[1][1].line >= row and (key or not isinstance(_at(doc, node[0]), dict | list))


def _marked(doc: Document, row: int, on_row: tuple[Row, Row]) -> Iterator[KeyPath]:
    """The values on a row with a marker: scalars that start or end there, sections on that row
    alone, and any value whose key is there."""
    (_, keys), (above, values) = on_row
    yield from (path for path, _ in keys)
    end: Any = above[1][1] if above is not None else None  # a scalar from above ends there
    if above and end.line - (end.column == 0) == row and _scalar(doc, above, False, row):
        yield above[0]
    for path, (_, end) in values:
        value = _at(doc, path)
        if path and value is not None and (end.line == row or not isinstance(value, dict | list)):
            yield path


def _example(
    doc: Document, line: str, row: int, comment: int, marker: int, above: Node | None
) -> Example:
    """The example on a row whose comment starts at ``comment`` and has a marker, under the key
    its indentation puts it in: the last key ``above`` it, or one of that key's own."""
    last = above[0] if above is not None else ()
    paths = [last[:n] for n in range(1, len(last) + 1) if last[:n] in doc.keys.marks]
    cols = [doc.keys.marks[path][0].column for path in paths]  # as indentation nests them
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
    return Example(
        row + 1, start + 1, _key_label((*parent, name) if name else parent), _plain(text)
    )


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


# -- an example is never evidence -----------------------------------------------------------
def drop_examples(data: object, model: type[BaseModel], values: Mapping[KeyPath, int]) -> object:
    """``data`` without the examples at ``values`` (``Found.values``), as the module's docstring
    says; a section or list they empty goes too. TODO text in a list of words or numbers,
    unknown keys and values of the wrong shape are left for validation to report. ``data`` is
    not changed: it is returned if nothing goes, and what does not change is shared."""
    trie: dict[Any, Any] = {}  # path by path; None holds why the value there is an example
    for path, why in values.items():
        node = trie
        for part in path:
            node = node.setdefault(part, {})
        node[None] = node.get(None, 0) | why
    return _drop(data, model, trie)[0] if trie else data


def drop_todo_text(data: object, model: type[BaseModel]) -> object:
    """``data`` without its TODO text, as ``drop_examples`` takes it out (no file, no notes)."""
    return drop_examples(data, model, dict.fromkeys(_todo_text(data), TEXT))


def _drop(value: object, annotation: Any, trie: dict[Any, Any]) -> tuple[object, bool]:
    """``value`` without the examples in ``trie``, and whether it must go itself: it is one, a
    required key of it must go, or the examples emptied it."""
    if None in trie:
        return value, True
    target = unwrap(annotation)
    args = get_args(target) or (Any,)
    if isinstance(value, list) and get_origin(target) is list:
        text, out, gone = _is_text(args[0]), list(value), set[int]()
        for index, sub in trie.items():
            if sub.get(None) != TEXT or text:  # TODO text where words go: validation says so
                out[index], lost = _drop(value[index], args[0], sub)
                gone.update((index,) if lost else ())
        if not gone and all(map(operator.is_, out, value)):
            return value, False
        out = [item for index, item in enumerate(out) if index not in gone]
        return out, bool(value) and not out
    if isinstance(value, dict) and isinstance(target, type) and issubclass(target, BaseModel):
        fields = _fields(target)
    elif isinstance(value, dict) and get_origin(target) is dict:
        fields = dict.fromkeys(trie, (args[-1], False))
    else:
        return value, False
    new, must_go = dict(value), False
    for key in trie.keys() & fields.keys():  # an unknown key: validation says so
        child, required = fields[key]
        new[key], lost = _drop(value[key], child, trie[key])
        if lost and not required:
            del new[key]
        must_go = must_go or (lost and required)
    same = len(new) == len(value) and all(new[k] is v for k, v in value.items())
    return (value if same else new), must_go or (bool(value) and not new)


@functools.cache
def _fields(model: type[BaseModel]) -> dict[str, tuple[Any, bool]]:
    """A model's keys, each with its type and whether it is required."""
    info = {key: model.model_fields[name] for key, name in field_keys(model).items()}
    return {key: (field.annotation, field.is_required()) for key, field in info.items()}


def _is_text(annotation: Any) -> bool:
    """Whether list items of this type are text: text itself, or a person written as a name."""
    metadata = get_args(annotation)[1:] if get_origin(annotation) is Annotated else ()
    return unwrap(annotation) is str or any(getattr(m, "func", None) is person for m in metadata)
