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

import re
from typing import Any, NamedTuple

import yaml
from yaml import events as ev

from readiness.errors import MAX_PROBLEMS, InputError, Problem
from readiness.load.document import Document, Marks, Span, to_span
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


class _Frame:
    __slots__ = (
        "anchor",
        "chars",
        "container",
        "key",
        "key_span",
        "path",
        "record",
        "size",
        "start",
    )

    def __init__(
        self,
        container: dict[str, object] | list[object],
        path: KeyPath,
        start: Any,
        anchor: str | None,
        record: bool,
    ) -> None:
        self.container = container
        self.path = path
        self.start = start
        self.anchor = anchor
        self.record = record
        self.key: str | None = None
        self.key_span: Marks | None = None
        self.size = 1
        self.chars = 0


def _marks(event: Any) -> Marks:
    return event.start_mark, event.end_mark


class _Builder:
    def __init__(self, file: str, text: str) -> None:
        self.doc = Document(file, text, None)
        """Positions only, for wording problems; ``data`` is built beside it."""
        self.data: object = None
        self.values = self.doc.values.marks
        self.keys = self.doc.keys.marks
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[object, int, int]] = {}
        self.open_anchors: set[str] = set()
        self.alias_nodes = 0
        self.alias_chars = 0
        self.nodes = 0
        self.documents = 0
        self.fatal = False

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
        # The hot loop, kept in one function: it runs once per parser event of every plan.
        handlers = {
            ev.ScalarEvent: self.on_scalar,
            ev.MappingStartEvent: self.on_mapping_start,
            ev.SequenceStartEvent: self.on_sequence_start,
            ev.MappingEndEvent: self.on_end,
            ev.SequenceEndEvent: self.on_end,
            ev.AliasEvent: self.on_alias,
            ev.DocumentStartEvent: self.on_document,
        }
        scalar = ev.ScalarEvent
        stack = self.stack
        keys, values = self.keys, self.values
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is scalar and not event.tag and not event.anchor and stack:
                # the common case, inline: an untagged scalar as a key or a value
                frame = stack[-1]
                if event.style == '"':
                    self.check_text(event)
                if frame.key is None and type(frame.container) is dict:
                    frame.key = event.value
                    frame.key_span = (event.start_mark, event.end_mark)
                    continue
                raw = event.value
                value = raw
                if event.implicit[0] and (not raw or raw[0] in _MAY_RESOLVE):
                    value = resolve_plain(raw)
                key = frame.key
                if (
                    key is not None
                    and frame.record
                    and key not in frame.container
                    and self.nodes < MAX_NODES
                ):  # a value for its key, the commonest event of all
                    self.nodes += 1
                    frame.size += 1
                    frame.chars += len(raw)
                    frame.container[key] = value  # type: ignore[call-overload]
                    frame.key = None
                    path = (*frame.path, key)
                    keys[path] = frame.key_span  # type: ignore[assignment]
                    values[path] = (event.start_mark, event.end_mark)
                    continue
                self.place(value, (event.start_mark, event.end_mark), 1, len(raw))
                continue
            if kind is ev.StreamEndEvent:
                return
            handler = handlers.get(kind)
            if handler is not None:
                handler(event)

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

    def place(self, value: object, marks: Marks, size: int, chars: int = 0) -> KeyPath | None:
        """Attach a finished value to the open container; return its path if recorded."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.stop(
                f"the file holds more than {MAX_NODES:,} keys, values and list items",
                marks,
                "a commissioning plan holds a few hundred; check that this is the plan",
            )
        if not self.stack:
            self.data = value
            self.values[()] = marks
            return ()
        frame = self.stack[-1]
        frame.size += size
        frame.chars += chars
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
        else:
            key = frame.key
            assert key is not None  # a value only arrives after its key
            frame.key = None
            path = (*frame.path, key)
            if key in frame.container:
                first = self.doc.keys.get(path)
                where = f" (first on line {first.line})" if first and frame.record else ""
                self.report(
                    f"duplicate key '{short(key)}'{where}",
                    frame.key_span or marks,
                    "a key may appear once in each section; keep one and delete the other",
                )
                return None
            frame.container[key] = value
            if frame.record and frame.key_span is not None:
                self.keys[path] = frame.key_span
        if not frame.record:
            return None
        self.values[path] = marks
        return path

    def on_scalar(self, event: Any) -> None:
        span = _marks(event)
        if event.style == '"':
            self.check_text(event)
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.container, dict) and frame.key is None:
            self.check_tag(event.tag, ("str",), span)
            frame.key = event.value
            frame.key_span = span
            if event.anchor:
                self.anchors[event.anchor] = (event.value, 1, len(event.value))
            return
        value = self.scalar_value(event, span)
        self.place(value, span, 1, len(event.value))
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
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.container, dict) and parent.key is None:
            self.stop(
                "a list or section cannot be used as a key",
                span,
                "keys are plain words such as 'title' or 'start'",
            )
        path = self.place(container, span, 0)
        record = path is not None
        frame = _Frame(
            container, path if path is not None else (), event.start_mark, event.anchor, record
        )
        self.stack.append(frame)
        if event.anchor:
            self.open_anchors.add(event.anchor)

    def on_mapping_start(self, event: Any) -> None:
        self.check_tag(event.tag, ("map",), _marks(event))
        self.open(event, {})

    def on_sequence_start(self, event: Any) -> None:
        self.check_tag(event.tag, ("seq",), _marks(event))
        self.open(event, [])

    def on_end(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.record:
            self.values[frame.path] = (frame.start, event.end_mark)
        if self.stack:
            self.stack[-1].size += frame.size
            self.stack[-1].chars += frame.chars
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.container, frame.size, frame.chars)

    def on_alias(self, event: Any) -> None:
        span = _marks(event)
        name = event.anchor
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.container, dict) and frame.key is None:
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
        self.place(value, span, size, chars)


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
    try:
        parser = _make_parser(text)
        builder.run(parser)
    except _Stop:
        builder.fatal = True
    except yaml.YAMLError as exc:
        from readiness.load.syntax import syntax_problem

        builder.fatal = True
        builder.problems.append(syntax_problem(exc, builder.doc))
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    if builder.fatal:
        raise InputError(builder.problems)
    doc = builder.doc
    return Parsed(Document(file, text, builder.data, doc.values, doc.keys), tuple(builder.problems))
