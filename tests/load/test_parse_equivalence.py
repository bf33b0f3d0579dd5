"""The loader's fast paths give what its careful paths give: every key's and value's position
in file order, the same data, and the same limits to the value.

The builder handles common events in its loop and hands tags, anchors, aliases, duplicates
and limits to handler methods; these documents mix the two, and the limits are tested at
their exact edges, as a miscount of one would move them.
"""

from __future__ import annotations

import pytest

from readiness.errors import InputError
from readiness.load import parse
from readiness.load.parse import YamlFloat, YamlInt, load_yaml, resolve_plain

MIXED = """plan: &p
  title: "A"
  tags: !!seq [x, 1]
  more: {a: 1, b: [2, {c: 3}]}
copy: *p
list:
  - one
  - !!str 2
  - [&n 3, *n]
  - {k: v}
  -
plan: again
last: {x: [], y: {}}
"""


def items(item: str, count: int) -> str:
    return ", ".join([item] * count)


def aliases(name: str, count: int) -> str:
    return "[" + items(f"*{name}", count) + "]"


def outcome(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    try:
        found = load_yaml(text, "plan.yaml").problems
    except InputError as caught:
        return "refused", [(p.line, p.column, p.message) for p in caught.problems]
    return "read", [(p.line, p.column, p.message) for p in found]


def test_every_position_is_recorded_in_file_order() -> None:
    doc, problems = load_yaml(MIXED, "plan.yaml")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (12, 1, "duplicate key 'plan' (first on line 1)")
    ]
    assert [(path, tuple(doc.values[path])) for path in doc.values.marks] == [
        ((), (1, 1, 14, 1)),
        (("plan",), (1, 7, 5, 1)),
        (("plan", "title"), (2, 10, 2, 13)),
        (("plan", "tags"), (3, 9, 3, 21)),
        (("plan", "tags", 0), (3, 16, 3, 17)),
        (("plan", "tags", 1), (3, 19, 3, 20)),
        (("plan", "more"), (4, 9, 4, 31)),
        (("plan", "more", "a"), (4, 13, 4, 14)),
        (("plan", "more", "b"), (4, 19, 4, 30)),
        (("plan", "more", "b", 0), (4, 20, 4, 21)),
        (("plan", "more", "b", 1), (4, 23, 4, 29)),
        (("plan", "more", "b", 1, "c"), (4, 27, 4, 28)),
        (("copy",), (5, 7, 5, 9)),
        (("list",), (7, 3, 12, 1)),
        (("list", 0), (7, 5, 7, 8)),
        (("list", 1), (8, 5, 8, 12)),
        (("list", 2), (9, 5, 9, 15)),
        (("list", 2, 0), (9, 6, 9, 10)),
        (("list", 2, 1), (9, 12, 9, 14)),
        (("list", 3), (10, 5, 10, 11)),
        (("list", 3, "k"), (10, 9, 10, 10)),
        (("list", 4), (11, 4, 11, 4)),
        (("last",), (13, 7, 13, 21)),
        (("last", "x"), (13, 11, 13, 13)),
        (("last", "y"), (13, 18, 13, 20)),
    ]
    assert [(path, tuple(doc.keys[path])) for path in doc.keys.marks] == [
        (("plan",), (1, 1, 1, 5)),
        (("plan", "title"), (2, 3, 2, 8)),
        (("plan", "tags"), (3, 3, 3, 7)),
        (("plan", "more"), (4, 3, 4, 7)),
        (("plan", "more", "a"), (4, 10, 4, 11)),
        (("plan", "more", "b"), (4, 16, 4, 17)),
        (("plan", "more", "b", 1, "c"), (4, 24, 4, 25)),
        (("copy",), (5, 1, 5, 5)),
        (("list",), (6, 1, 6, 5)),
        (("list", 3, "k"), (10, 6, 10, 7)),
        (("last",), (13, 1, 13, 5)),
        (("last", "x"), (13, 8, 13, 9)),
        (("last", "y"), (13, 15, 13, 16)),
    ]
    plan = {"title": "A", "tags": ["x", 1], "more": {"a": 1, "b": [2, {"c": 3}]}}
    assert doc.data == {
        "plan": plan,
        "copy": plan,
        "list": ["one", "2", [3, 3], {"k": "v"}, None],
        "last": {"x": [], "y": {}},
    }
    data = doc.data
    assert isinstance(data, dict)
    assert data["copy"] is data["plan"]  # an alias repeats the very value
    assert type(data["plan"]["tags"][1]) is YamlInt
    assert type(data["list"][1]) is str


CONTROL = "quoted text makes a control character (U+001B) from an escape such as \\e or \\x1b"


def test_what_a_duplicate_section_holds_is_read_but_not_placed() -> None:
    text = 'a: {x: 1}\na: {x: 2, x: 3, y: [1, "\\e"]}\nb: 1\n'
    doc, problems = load_yaml(text, "plan.yaml")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (2, 1, "duplicate key 'a' (first on line 1)"),
        (2, 11, "duplicate key 'x'"),  # its first is not recorded: no line to name
        (2, 24, CONTROL),
    ]
    assert list(doc.values.marks) == [(), ("a",), ("a", "x"), ("b",)]
    assert list(doc.keys.marks) == [("a",), ("a", "x"), ("b",)]
    assert doc.data == {"a": {"x": 1}, "b": 1}


@pytest.mark.parametrize(
    ("text", "result"),
    [
        # a list of 1,999 items weighs 2,000 (itself too): five aliases make 10,000
        ("- &a [" + items("x", 1999) + "]\n- " + aliases("a", 5) + "\n", "read"),
        ("- &a [" + items("x", 1999) + "]\n- " + aliases("a", 6) + "\n", "refused"),
        # keys weigh nothing: a section of 1,999 keys weighs 2,000 too
        ("- &a {" + ", ".join(f"k{i}: v" for i in range(1999)) + "}\n- " + aliases("a", 5), "read"),
        (
            "- &a {" + ", ".join(f"k{i}: v" for i in range(1999)) + "}\n- " + aliases("a", 6),
            "refused",
        ),
        # an alias inside an anchored list weighs what it repeats: b weighs 1 + 3 * 3 = 10,
        # and its own two aliases have already repeated 6
        ("- &b [&a [x, y], *a, *a]\n- " + aliases("b", 999) + "\n", "read"),
        ("- &b [&a [x, y], *a, *a]\n- " + aliases("b", 1000) + "\n", "refused"),
    ],
)
def test_aliases_count_the_values_they_repeat_exactly(text: str, result: str) -> None:
    assert outcome(text)[0] == result


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("- &a [" + "x" * 250_000 + "]\n- " + aliases("a", 4) + "\n", "read"),
        ("- &a [" + "x" * 250_000 + "]\n- " + aliases("a", 5) + "\n", "refused"),
        # an inner anchor of the same name closing first does not stop the outer's count
        ("- &a [&a [y], " + "x" * 250_000 + "]\n- " + aliases("a", 3) + "\n", "read"),
        ("- &a [&a [y], " + "x" * 250_000 + "]\n- " + aliases("a", 4) + "\n", "refused"),
        # keys are not counted
        ("- &a\n  ? " + "k" * 300_000 + "\n  : v\n- " + aliases("a", 5) + "\n", "read"),
    ],
)
def test_aliases_count_the_characters_they_repeat_exactly(text: str, result: str) -> None:
    assert outcome(text)[0] == result


@pytest.mark.parametrize(
    ("text", "result"),
    [
        # with a limit of 10: the top-level section, the list and its items; keys are free
        ("a: [" + items("1", 8) + "]", "read"),
        ("a: [" + items("1", 9) + "]", "refused"),
        ("a: [" + items("[]", 6) + ", {b: 1}]", "read"),
        ("a: [" + items("[]", 7) + ", {b: 1}]", "refused"),
        ("a: &x 1\nb: [" + items("*x", 7) + "]", "read"),
        ("a: &x 1\nb: [" + items("*x", 8) + "]", "refused"),
        ("a: [" + items("!!str 1", 8) + "]", "read"),
        ("a: [" + items("!!str 1", 9) + "]", "refused"),
        ("{" + ", ".join(f"k{i}: {i}" for i in range(9)) + "}", "read"),
        ("{" + ", ".join(f"k{i}: {i}" for i in range(10)) + "}", "refused"),
        ("{" + ", ".join(f"k{i}: {i}" for i in range(9)) + ", k9: }", "refused"),
    ],
)
def test_the_node_limit_counts_every_value_once(
    text: str, result: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse, "MAX_NODES", 10)
    found = outcome(text)
    assert found[0] == result
    if result == "refused":
        assert found[1][-1][2] == "the file holds more than 10 keys, values and list items"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1e-5", 1e-5),
        ("-.5e-3", -0.0005),
        ("-1", -1),
        ("+1", 1),
        ("-0", 0),
        ("1.", 1.0),
        (".5", 0.5),
        ("1-2", "1-2"),
        ("0x1e-5", "0x1e-5"),
        ("12 months", "12 months"),
        ("1 000", "1 000"),
        ("1_000", "1_000"),
        ("\uff11", "\uff11"),  # a full-width digit
        ("1\u0663", "1\u0663"),  # an Arabic-Indic digit after an ASCII one
        ("1" * 60, int("1" * 60)),
        ("1" * 61, "1" * 61),
        ("-.inf", float("-inf")),
        ("Null", None),
        ("nULL", "nULL"),
    ],
)
def test_scalars_that_look_like_numbers(raw: str, expected: object) -> None:
    value = resolve_plain(raw)
    assert value == expected
    if isinstance(expected, str) or expected is None:
        assert type(value) is type(expected)
    else:
        assert isinstance(value, YamlInt | YamlFloat)
        assert type(value) is (YamlInt if isinstance(expected, int) else YamlFloat)
        assert value.raw == raw
