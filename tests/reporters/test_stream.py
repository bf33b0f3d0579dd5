"""The pieces every streamed report is made of: JSON written as the standard library writes
it, whichever serialiser runs, and arrays and documents put together a piece at a time."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.reporters import stream

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(value=JSON, depth=st.integers(min_value=0, max_value=4))
def test_dumps_writes_what_the_standard_library_writes(value: Any, depth: int) -> None:
    expected = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)
    assert stream.dumps(value, depth) == expected


def test_the_fallback_covers_what_orjson_writes_differently() -> None:
    for value in (1e-05, -7.7e-09, 2**64, {"a": [0.00001]}):
        assert stream.dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


@given(items=st.lists(JSON, max_size=5), depth=st.integers(min_value=0, max_value=3))
def test_an_array_written_item_by_item_is_the_array(items: list[Any], depth: int) -> None:
    out = io.StringIO()
    array = stream.JsonArray(out, depth)
    for item in items:
        array.add(item)
    array.close()
    assert out.getvalue() == stream.dumps(items, depth)


OBJECTS = st.dictionaries(st.text(max_size=8), JSON, max_size=4)


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(OBJECTS | JSON, max_size=6),
    depth=st.integers(min_value=0, max_value=5),
)
def test_objects_written_in_one_call_are_each_written_alone(values: list[Any], depth: int) -> None:
    assert stream.dumps_each(values, depth) == [stream.dumps(v, depth) for v in values]


def test_objects_written_in_one_call_split_only_between_objects() -> None:
    # text that looks like the break between two objects, inside a string and nested
    tricky = [
        {"a": "},\n    {", "b": [{"c": {}}, {}]},
        {},
        {"d": [{"e": "x"}, {"f": 1e-05}], "g": {"h": {"i": "},\n{"}}},
        {"": None},
    ]
    for depth in (1, 2, 4):
        each = stream.dumps_each(tricky, depth)
        assert each == [stream.dumps(v, depth) for v in tricky]
        assert len(each) == 4


def test_a_skeleton_cuts_where_the_holes_are() -> None:
    document = {"a": 1, "list": stream.hole("list"), "b": {"c": stream.hole("c")}}
    pieces = stream.skeleton(document, "list", "c")
    whole = pieces[0] + "[]" + pieces[1] + "{}" + pieces[2]
    assert json.loads(whole) == {"a": 1, "list": [], "b": {"c": {}}}
