"""YAML text to data that remembers where every key and value came from.

The tree is built from the parser's event stream (libyaml's C parser when PyYAML has it,
the pure-Python one otherwise), not from PyYAML's composer and constructor, because:

- scalars resolve as YAML 1.2's core schema does: only ``true``/``false`` are booleans
  (``yes``, ``NO`` and ``on`` stay text), ``012345`` is decimal and ``1:30`` is text;
- duplicate keys are errors naming both lines (PyYAML silently keeps the last);
- every tag but the standard ones is refused before anything is constructed;
- aliases are counted as they expand, so an "alias bomb" is refused at once;
- nesting is bounded without recursion, so a deeply nested file cannot crash the parser.

One module, over 200 lines: the builder is one class whose event handlers share its state
(the open containers, the anchors, the limits); split, each part would need all of it.
"""

from __future__ import annotations

import gc
import re
from typing import Any, NamedTuple

import yaml
from yaml import events as ev

from readiness.errors import MAX_PROBLEMS, InputError, Problem
from readiness.load.document import Document, Marks, Span, Spans, to_span
from readiness.load.scalars import YamlFloat, YamlInt, resolve_plain
from readiness.outcomes import KeyPath
from readiness.wording import short

__all__ = ["Document", "KeyPath", "Span", "YamlFloat", "YamlInt", "load_yaml", "resolve_plain"]

MAX_DEPTH = 64
"""Deepest nesting a file may use; a plan needs about six levels."""
MAX_ALIAS_NODES = 10_000
"""How many values aliases (``*name``) may add by repeating anchored sections."""
MAX_ALIAS_CHARS = 1_000_000
"""How much text aliases may add by repeating anchored values."""
MAX_NODES = 250_000
"""Keys, values and list items a file may hold; a plan has a few hundred."""
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_STANDARD = "tag:yaml.org,2002:"
_MAY_RESOLVE = frozenset("0123456789+-.~nNtTfF")
"""First characters of plain scalars that may be null, a boolean or a number."""
_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml
    _CParser = None


def _make_parser(text: str) -> Any:
    return _CParser(text) if _CParser is not None else _PythonParser(text)


class _PythonParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


class _Stop(Exception):
    """Raised inside the builder when a problem means the rest of the file cannot be read."""


_Frame = tuple[dict[str, object] | list[object], bool, KeyPath, bool, Any, str | None, int, int]
"""An open mapping or list: (container, whether it is a mapping, its path, whether its
positions are recorded, the mark where it starts, its anchor, and the builder's weight and
characters when it opened, so that closing it tells how much it holds). A plain tuple: one is
made for every list and section of every plan."""


def _marks(event: Any) -> Marks:
    return event.start_mark, event.end_mark


class _Builder:
    def __init__(self, file: str, text: str) -> None:
        self.file, self.text = file, text
        self.data: object = None
        self.value_spans, self.key_spans = Spans(), Spans()
        self.values, self.keys = self.value_spans.marks, self.key_spans.marks
        self.positions: Document | None = None
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.key: str | None = None
        """The key waiting for its value in the innermost mapping (only the innermost can have
        one: a mapping's key is taken when its value, perhaps a list or section, opens)."""
        self.key_span: Marks | None = None
        self.anchors: dict[str, tuple[object, int, int]] = {}
        self.open_anchors: set[str] = set()
        self.alias_nodes = 0
        self.alias_chars = 0
        self.nodes = 0
        """Values placed so far, each counting once towards ``MAX_NODES``."""
        self.extra = 0
        """What aliases added beyond one value each: ``nodes + extra`` is the running weight
        (values, counting what each alias repeats) that sizes an anchored container."""
        self.chars = 0
        """Characters of the scalar values placed so far, counting what aliases repeat; the
        loop below counts them only while an anchored list or section is open (``anchored``),
        as only the difference across one of those is ever used."""
        self.anchored = 0
        """How many anchored lists and sections are open."""
        self.documents = 0
        self.fatal = False

    def document(self, data: object) -> Document:
        return Document(self.file, self.text, data, self.value_spans, self.key_spans)

    @property
    def doc(self) -> Document:
        """The file's positions without its data, for wording problems: made at the first
        problem, as most files have none (``data`` is built beside it)."""
        if self.positions is None:
            self.positions = self.document(None)
        return self.positions

    # -- problems ---------------------------------------------------------------------
    def report(self, message: str, marks: Marks, hint: str = "") -> None:
        self.problems.append(self.doc.problem(message, to_span(marks), hint))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _Stop

    def stop(self, message: str, marks: Marks, hint: str = "") -> None:
        self.problems.append(self.doc.problem(message, to_span(marks), hint))
        raise _Stop

    # -- building ---------------------------------------------------------------------
    def run(self, parser: Any) -> None:
        """Build the document from the parser's events.

        The hot loop, kept in one function: it runs once per parser event of every plan. The
        common events (an untagged scalar, list or section without an anchor, inside a
        container, with no limit near, and every end of a list or section) are handled here,
        with the innermost container, the waiting key and the counters in local variables.
        Anything else (a tag, an anchor, an alias, a duplicate key, a limit, the top-level
        value) goes to a handler method, which works on ``self``: the loop writes its locals
        back before the call and reads them again after it. A value's path is made by adding
        a one-item tuple (``path + (key,)``), cheaper than unpacking (``(*path, key)``).
        """
        get_event = parser.get_event
        scalar_event = ev.ScalarEvent
        mapping_start, sequence_start = ev.MappingStartEvent, ev.SequenceStartEvent
        mapping_end, sequence_end = ev.MappingEndEvent, ev.SequenceEndEvent
        stream_end = ev.StreamEndEvent
        handlers = {
            scalar_event: self.on_scalar,
            mapping_start: self.on_mapping_start,
            sequence_start: self.on_sequence_start,
            ev.AliasEvent: self.on_alias,
            ev.DocumentStartEvent: self.on_document,
        }
        stack, keys, values = self.stack, self.keys, self.values
        may_resolve, node_limit, depth_limit = _MAY_RESOLVE, MAX_NODES, MAX_DEPTH
        container: Any = None  # the innermost open list or section; None outside them all
        is_map = record = False
        path: KeyPath = ()
        at: KeyPath  # a new value's path
        key, key_span = self.key, self.key_span
        nodes, chars = self.nodes, self.chars
        counting = self.anchored > 0  # whether to count characters
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                if container is not None and not event.tag and not event.anchor:
                    raw = event.value
                    if is_map:
                        if key is None:  # a key
                            if event.style == '"':
                                self.check_text(event)
                            key = raw
                            key_span = (event.start_mark, event.end_mark)
                            continue
                        if nodes < node_limit and key not in container:  # its value
                            if event.style == '"':
                                self.check_text(event)
                            nodes += 1
                            if counting:
                                chars += len(raw)
                            # a word that cannot be null, a boolean or a number stays text
                            if (not raw or raw[0] in may_resolve) and event.implicit[0]:
                                container[key] = resolve_plain(raw)
                            else:
                                container[key] = raw
                            if record:
                                at = path + (key,)  # noqa: RUF005
                                keys[at] = key_span  # type: ignore[assignment]
                                values[at] = (event.start_mark, event.end_mark)
                            key = None
                            continue
                    elif nodes < node_limit:  # a list item
                        if event.style == '"':
                            self.check_text(event)
                        nodes += 1
                        if counting:
                            chars += len(raw)
                        if record:
                            at = path + (len(container),)  # noqa: RUF005
                            values[at] = (event.start_mark, event.end_mark)
                        if (not raw or raw[0] in may_resolve) and event.implicit[0]:
                            container.append(resolve_plain(raw))
                        else:
                            container.append(raw)
                        continue
            elif kind is mapping_end or kind is sequence_end:
                _, _, _, _, start, anchor, weight, opened = stack.pop()
                if record:
                    values[path] = (start, event.end_mark)
                if anchor:
                    size = 1 + nodes + self.extra - weight
                    self.close_anchor(anchor, container, size, chars - opened)
                    counting = self.anchored > 0
                if stack:
                    container, is_map, path, record, _, _, _, _ = stack[-1]
                else:
                    container = None
                key = None  # a mapping's key was taken when this, its value, opened
                continue
            elif kind is mapping_start or kind is sequence_start:
                if (
                    container is not None
                    and not event.tag
                    and not event.anchor
                    and nodes < node_limit
                    and len(stack) < depth_limit
                    and (not is_map or (key is not None and key not in container))
                ):
                    nodes += 1
                    child: Any = {} if kind is mapping_start else []
                    start = event.start_mark
                    at = ()
                    if is_map:
                        assert key is not None  # as tested above
                        container[key] = child
                        if record:
                            at = path + (key,)  # noqa: RUF005
                            keys[at] = key_span  # type: ignore[assignment]
                            values[at] = (start, event.end_mark)
                        key = None
                    else:
                        if record:
                            at = path + (len(container),)  # noqa: RUF005
                            values[at] = (start, event.end_mark)
                        container.append(child)
                    container, is_map, path = child, kind is mapping_start, at
                    stack.append(
                        (child, is_map, at, record, start, None, nodes + self.extra, chars)
                    )
                    continue
            elif kind is stream_end:
                return
            handler = handlers.get(kind)
            if handler is None:
                continue
            self.key, self.key_span, self.nodes, self.chars = key, key_span, nodes, chars
            handler(event)
            key, key_span, nodes, chars = self.key, self.key_span, self.nodes, self.chars
            counting = self.anchored > 0
            if stack:
                container, is_map, path, record, _, _, _, _ = stack[-1]
            else:
                container = None

    def on_document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.stop(
                "the file holds more than one YAML document ('---' starts another)",
                _marks(event),
                "keep one plan per file; remove the second '---' or split the file",
            )

    def check_text(self, event: Any) -> None:
        """Double-quoted escapes can make characters a plan must not hold (ESC, NUL, BEL)."""
        found = _CONTROL.search(event.value)
        if found:
            self.report(
                f"quoted text makes a control character (U+{ord(found.group()):04X}) "
                "from an escape such as \\e or \\x1b",
                _marks(event),
                "remove the escape; a plan holds plain text",
            )

    def place(self, value: object, marks: Marks, chars: int = 0) -> KeyPath | None:
        """Attach a finished value to the open container; return its path if recorded."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.stop(
                f"the file holds more than {MAX_NODES:,} keys, values and list items",
                marks,
                "a commissioning plan holds a few hundred; check that this is the plan",
            )
        self.chars += chars
        if not self.stack:
            self.data = value
            self.values[()] = marks
            return ()
        container, is_map, parent, record, _, _, _, _ = self.stack[-1]
        if not is_map:
            assert isinstance(container, list)
            path = (*parent, len(container))
            container.append(value)
        else:
            assert isinstance(container, dict)
            key = self.key
            assert key is not None  # a value only arrives after its key
            self.key = None
            path = (*parent, key)
            if key in container:
                first = self.key_spans.get(path)
                where = f" (first on line {first.line})" if first and record else ""
                self.report(
                    f"duplicate key '{short(key)}'{where}",
                    self.key_span or marks,
                    "a key may appear once in each section; keep one and delete the other",
                )
                return None
            container[key] = value
            if record and self.key_span is not None:
                self.keys[path] = self.key_span
        if not record:
            return None
        self.values[path] = marks
        return path

    def on_scalar(self, event: Any) -> None:
        span = _marks(event)
        if event.style == '"':
            self.check_text(event)
        if self.stack and self.stack[-1][1] and self.key is None:  # a key
            self.check_tag(event.tag, ("str",), span)
            self.key = event.value
            self.key_span = span
            if event.anchor:
                self.anchors[event.anchor] = (event.value, 1, len(event.value))
            return
        value = self.scalar_value(event, span)
        self.place(value, span, len(event.value))
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, len(event.value))

    def scalar_value(self, event: Any, span: Marks) -> object:
        tag = event.tag
        raw: str = event.value
        if tag is None or tag == "!":
            return resolve_plain(raw) if event.implicit[0] else raw
        name = self.check_tag(tag, ("str", "int", "float", "bool", "null"), span)
        if name in (None, "str"):
            return raw
        value = resolve_plain(raw) if raw else None
        wanted: dict[str, tuple[type, ...]] = {
            "int": (int,),
            "float": (int, float),
            "bool": (bool,),
            "null": (type(None),),
        }
        if (isinstance(value, bool) and name != "bool") or not isinstance(value, wanted[name]):
            self.report(f"'{short(raw)}' does not fit its tag !!{name}", span, "remove the tag")
            return raw
        if name == "float" and isinstance(value, int | float):
            return float(value)
        return value

    def check_tag(self, tag: str | None, allowed: tuple[str, ...], span: Marks) -> str | None:
        if tag is None or tag == "!":
            return None
        if tag.startswith(_STANDARD) and tag[len(_STANDARD) :] in allowed:
            return tag[len(_STANDARD) :]
        shown = "!!" + tag[len(_STANDARD) :] if tag.startswith(_STANDARD) else tag
        self.report(
            f"the tag '{shown}' is not allowed in a plan",
            span,
            "remove the tag: a plan holds plain text, numbers, lists and sections",
        )
        return "str"

    def open(self, event: Any, container: dict[str, object] | list[object]) -> None:
        span = _marks(event)
        if len(self.stack) >= MAX_DEPTH:
            self.stop(f"the file is nested more than {MAX_DEPTH} levels deep", span)
        if self.stack and self.stack[-1][1] and self.key is None:
            self.stop(
                "a list or section cannot be used as a key",
                span,
                "keys are plain words such as 'title' or 'start'",
            )
        path = self.place(container, span)
        self.stack.append(
            (
                container,
                isinstance(container, dict),
                path if path is not None else (),
                path is not None,
                event.start_mark,
                event.anchor,
                self.nodes + self.extra,
                self.chars,
            )
        )
        if event.anchor:
            self.open_anchors.add(event.anchor)
            self.anchored += 1

    def on_mapping_start(self, event: Any) -> None:
        self.check_tag(event.tag, ("map",), _marks(event))
        self.open(event, {})

    def on_sequence_start(self, event: Any) -> None:
        self.check_tag(event.tag, ("seq",), _marks(event))
        self.open(event, [])

    def close_anchor(self, anchor: str, container: object, size: int, chars: int) -> None:
        """Remember an anchored list or section as it closes, with how much it holds (itself
        and every value in it, an alias counting what it repeats) for its aliases to count."""
        self.open_anchors.discard(anchor)
        self.anchored -= 1
        self.anchors[anchor] = (container, size, chars)

    def on_alias(self, event: Any) -> None:
        span = _marks(event)
        name = event.anchor
        if self.stack and self.stack[-1][1] and self.key is None:
            self.stop("an alias (*name) cannot be used as a key", span)
        if name in self.open_anchors:
            self.stop(f"the alias *{name} refers to the section that contains it", span)
        if name not in self.anchors:
            self.stop(
                f"the alias *{name} does not name an anchor (&{name}) defined earlier in the file",
                span,
            )
        value, size, chars = self.anchors[name]
        self.alias_nodes += size
        self.alias_chars += chars
        if self.alias_nodes > MAX_ALIAS_NODES or self.alias_chars > MAX_ALIAS_CHARS:
            self.stop(
                "aliases (*name) repeat too much of the file: more than "
                f"{MAX_ALIAS_NODES:,} values or {MAX_ALIAS_CHARS:,} characters in all",
                span,
                "write the sections out instead of repeating them with aliases",
            )
        self.extra += size - 1
        self.place(value, span, chars)


class Parsed(NamedTuple):
    """A positioned document, and the problems that leave the rest of it readable (a
    duplicate key keeps its first value; a refused tag keeps its text): validation reports
    these with its own, so one run shows every problem in the file."""

    doc: Document
    problems: tuple[Problem, ...]


def load_yaml(text: str, file: str) -> Parsed:
    """Build a positioned document, or raise ``InputError`` if the file cannot be read."""
    builder = _Builder(file, text)
    parser = None
    collecting = gc.isenabled()
    try:
        parser = _make_parser(text)
        # the document only grows while it is built, so collecting garbage meanwhile finds
        # nothing, and Python's full collections, each over everything built so far, made a
        # large file's parse grow faster than its size
        gc.disable()
        builder.run(parser)
    except _Stop:
        builder.fatal = True
    except yaml.YAMLError as exc:
        from readiness.load.syntax import syntax_problem

        builder.fatal = True
        builder.problems.append(syntax_problem(exc, builder.doc))
    finally:
        if collecting:
            gc.enable()
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    if builder.fatal:
        raise InputError(builder.problems)
    return Parsed(builder.document(builder.data), tuple(builder.problems))
