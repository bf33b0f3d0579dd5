"""The plan as the interview edits it: comments, key order and layout kept (ruamel.yaml).

Only the interview imports this module, so no other command pays for ruamel.yaml. Values are
read and checked through readiness's own loader; this module only writes. A key the interview
adds goes where the format's order puts it among the keys already there, and a comment that
stood above the next key stays above it. Replacing an example value (one marked with a to-do
note by ``readiness init``) drops the note, so the answer counts.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter

from readiness.errors import InputError
from readiness.interview.answers import keys_at
from readiness.interview.questions import SECTION_NOTES
from readiness.outcomes import KeyPath

HEADER = (
    "A commissioning plan for readiness (format version 1), written by `readiness interview`.\n"
    "Run `readiness interview` on this file again to answer what is still missing, or\n"
    "`readiness audit` on it to see how ready it is. Your own comments are kept."
)
_TODO_NOTE = re.compile(r"#[ \t]*\[?todo(?![\w'’])", re.IGNORECASE)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _AsWritten(str):
    """A date in the plan, kept as text exactly as it was written."""


class _Constructor(RoundTripConstructor):
    """Dates stay text as written: readiness reads them itself (``2027-02-30`` is its error
    to report, and ``2027-2-1`` is kept as it was written)."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        assert isinstance(node, ScalarNode)
        return _AsWritten(node.value)


class _Representer(RoundTripRepresenter):
    def represent_as_written(self, data: _AsWritten) -> Any:
        return self.represent_scalar(_TIMESTAMP, str(data))


_Constructor.add_constructor(_TIMESTAMP, _Constructor.construct_yaml_timestamp)
_Representer.add_representer(_AsWritten, _Representer.represent_as_written)


def _yaml() -> YAML:
    yaml = YAML()
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long answer over two lines
    yaml.preserve_quotes = True
    return yaml


def load(text: str, display: str) -> CommentedMap:
    try:
        tree = _yaml().load(text)
    except YAMLError as exc:  # readiness's loader read it: this is a rare corner of YAML
        raise InputError.single(
            "the interview cannot edit this plan, although it is valid: "
            + str(exc).splitlines()[0],
            file=display,
            hint="edit the file by hand, or start a new plan with readiness interview",
        ) from None
    if not isinstance(tree, CommentedMap):
        raise InputError.single("a plan must be a set of keys", file=display)
    return tree


def new() -> CommentedMap:
    tree = CommentedMap()
    tree["readiness"] = 1
    tree.yaml_set_start_comment(HEADER)
    tree.yaml_add_eol_comment("# the format version; leave as 1", "readiness", column=35)
    return tree


def dump(tree: CommentedMap, answered: set[KeyPath] | None = None, spaced: bool = False) -> str:
    """The plan's text. Starter examples (``readiness init``) of the keys in ``answered`` are
    taken out; ``spaced`` puts a blank line between sections (a new plan)."""
    out = io.StringIO()
    _yaml().dump(tree, out)
    text = out.getvalue()
    if answered:
        text = _without_examples(text, answered)
    if spaced:
        text = re.sub(r"\n(?=[A-Za-z_][\w-]*:)", "\n\n", text)
        text = text.replace("\n\nreadiness:", "\nreadiness:", 1)
    return text


_KEY_LINE = re.compile(r"( *)(?:- )?([A-Za-z_][\w-]*):(?:\s|$)")
_EXAMPLE_LINE = re.compile(r"( *)#\s*(?:(- )|([A-Za-z_][\w-]*):\s).*#[ \t]*\[?todo(?![\w'’])", re.I)


def _without_examples(text: str, answered: set[KeyPath]) -> str:
    """Drop commented-out examples (``# teams: 8   # TODO ...``) of keys now answered; an
    example list item (``# - {...}   # TODO``) goes when its list is answered."""
    stack: list[tuple[int, str]] = []
    kept: list[str] = []
    for line in text.split("\n"):
        example = _EXAMPLE_LINE.match(line)
        if example:
            indent = len(example.group(1))
            parent = tuple(k for i, k in stack if i < indent)
            path = parent if example.group(2) else (*parent, example.group(3))
            if path in answered:
                continue
        else:
            found = _KEY_LINE.match(line)
            if found:
                indent = len(found.group(1)) + (2 if line.lstrip().startswith("- ") else 0)
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                stack.append((indent, found.group(2)))
        kept.append(line)
    return "\n".join(kept)


def ensure_version(tree: CommentedMap) -> None:
    if "readiness" not in tree:
        tree.insert(0, "readiness", 1)


# -- placing a value -----------------------------------------------------------------------
def put(
    tree: CommentedMap, path: KeyPath, value: object, note: str = "", flow: bool = True
) -> None:
    """Write ``value`` at ``path``, making sections as needed; a None value removes the key."""
    node: Any = tree
    if value is None:
        for part in path[:-1]:
            node = node.get(part) if isinstance(node, CommentedMap) else None
        if isinstance(node, CommentedMap) and path[-1] in node:
            del node[path[-1]]
        return
    depth = 0  # the deepest section the plan already has
    in_flow = bool(node.fa.flow_style())
    while depth < len(path) - 1 and isinstance(node.get(path[depth]), CommentedMap):
        node = node[path[depth]]
        in_flow = in_flow or bool(node.fa.flow_style())
        depth += 1
    if in_flow:  # a section written {like: this} has no room for a note beside each key
        note = ""
    placed: Any = to_yaml(value, flow)
    if depth < len(path) - 1:  # new sections, made whole before they are placed
        inner = CommentedMap()
        inner[path[-1]] = placed
        if note:
            _note(inner, str(path[-1]), note)
        for part in reversed(path[depth + 1 : -1]):
            outer = CommentedMap()
            outer[part] = inner
            inner = outer
        placed = inner
        note = SECTION_NOTES.get(str(path[0]), "") if depth == 0 else ""
    _place(node, path[:depth], str(path[depth]), placed, note)


def _place(node: CommentedMap, where: KeyPath, key: str, value: Any, note: str) -> None:
    if key in node:
        below = _drop_todo_note(node, key)
        node[key] = value
        if below is not None and note and not isinstance(value, CommentedMap):
            _eol(node, key).value = f"# {note}\n{below}"
        return
    last = ("funded_by", "existing", "notes")  # how it is paid for, after what it is
    order = [k for k in keys_at(where) if k not in last] + list(last)
    rank = {k: i for i, k in enumerate(order)}
    mine = rank.get(key, len(order))
    keys = list(node.keys())
    at = next((i for i, k in enumerate(keys) if rank.get(str(k), len(order)) > mine), len(keys))
    rest = _take_trailing(node, keys[at - 1]) if at > 0 else ""
    node.insert(at, key, value)
    if note:
        _note(node, key, note)
    if rest:
        _give_trailing(node, key, rest)


def _note(node: CommentedMap, key: str, note: str) -> None:
    node.yaml_add_eol_comment("# " + note, key, column=35)


def _drop_todo_note(node: CommentedMap, key: str) -> str | None:
    """Drop a to-do note beside ``key`` (an example's mark), keeping the comment lines below
    it; those lines, or None when there was no note."""
    token = _eol(node, key)
    if token is None or not _TODO_NOTE.match(token.value.lstrip()):
        return None
    rest = str(token.value.partition("\n")[2])
    token.value = "\n" + rest
    return rest


def _eol(node: Any, key: Any) -> Any:
    items = node.ca.items.get(key)
    if not items:
        return None
    index = 0 if isinstance(node, CommentedSeq) else 2
    return items[index] if len(items) > index else None


def _holder(node: Any, key: Any) -> tuple[Any, Any]:
    """The entry whose comment holds what is written after ``node[key]``: its last leaf."""
    value = node[key]
    while (
        isinstance(value, CommentedMap | CommentedSeq) and len(value) and not value.fa.flow_style()
    ):
        node, key = (
            value,
            (list(value.keys())[-1] if isinstance(value, CommentedMap) else len(value) - 1),
        )
        value = node[key]
    return node, key


def _take_trailing(node: CommentedMap, key: Any) -> str:
    """Take the comment lines written after an entry (those above the next key) off it."""
    holder, at = _holder(node, key)
    token = _eol(holder, at)
    if token is None or "\n" not in token.value:
        return ""
    first, _, rest = token.value.partition("\n")
    if not rest:
        return ""
    token.value = first + "\n"
    return str(rest)


def _give_trailing(node: CommentedMap, key: Any, rest: str) -> None:
    holder, at = _holder(node, key)
    token = _eol(holder, at)
    if token is None:
        holder.yaml_add_eol_comment("#", at)
        token = _eol(holder, at)
        token.value = "\n" + rest
        return
    token.value = token.value.rstrip("\n") + "\n" + rest


def extend(tree: CommentedMap, path: KeyPath, items: list[Any], flow: bool = True) -> None:
    """Add items to the end of a list in the plan, keeping those there and their comments."""
    node: Any = tree
    for part in path:
        node = node.get(part) if isinstance(node, CommentedMap) else None
    if not isinstance(node, CommentedSeq):
        put(tree, path, items, flow=flow)
        return
    for item in items:
        node.append(to_yaml(item, flow))


def to_yaml(value: object, flow: bool = True) -> Any:
    """Plain answers as ruamel nodes: lists of words on one line, items on one line each
    (or as indented blocks when ``flow`` is false)."""
    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = to_yaml(v, flow=True) if isinstance(v, list) else to_yaml(v, flow)
        if flow:
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(to_yaml(v, flow) for v in value)
        if all(not isinstance(v, dict | list) for v in value) and _short(value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, date):
        return value
    return value


def _short(words: list[Any]) -> bool:
    return sum(len(str(w)) + 2 for w in words) <= 90
