"""The positioned YAML loader: YAML 1.2 scalars, positions, duplicates, tags, aliases, depth."""

from __future__ import annotations

import contextlib

import pytest

from readiness.errors import InputError
from readiness.load.parse import MAX_ALIAS_NODES, MAX_DEPTH, load_yaml, resolve_plain


def load(text: str):  # type: ignore[no-untyped-def]
    return load_yaml(text, "plan.yaml").doc


def parsed(text: str):  # type: ignore[no-untyped-def]
    return load_yaml(text, "plan.yaml")


def problems(text: str) -> list[tuple[int, int, str]]:
    """Problems found, fatal (raised) or returned for validation to report with its own."""
    try:
        found = parsed(text).problems
    except InputError as caught:
        found = list(caught.problems)
    assert found
    return [(p.line, p.column, p.message) for p in found]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("True", True),
        ("FALSE", False),
        ("yes", "yes"),
        ("Yes", "Yes"),
        ("NO", "NO"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("012345", 12345),
        ("1:30", "1:30"),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("~", None),
        ("null", None),
        ("", None),
        ("2027-02-01", "2027-02-01"),
        ("85%", "85%"),
        (".inf", float("inf")),
    ],
)
def test_plain_scalars_resolve_as_yaml_1_2(raw: str, expected: object) -> None:
    value = resolve_plain(raw)
    assert value == expected
    assert type(value) is not bool or isinstance(expected, bool)


def test_numbers_remember_how_they_were_written() -> None:
    doc = load("a: 007\nb: 1.50\n")
    assert doc.data == {"a": 7, "b": 1.5}
    assert doc.data["a"].raw == "007"  # type: ignore[index]
    assert doc.data["b"].raw == "1.50"  # type: ignore[index]


def test_an_on_key_is_text_not_true() -> None:
    assert load("on: 1\nyes: 2\n").data == {"on": 1, "yes": 2}


def test_quoted_scalars_stay_text() -> None:
    assert load("a: '12'\nb: \"true\"\n").data == {"a": "12", "b": "true"}


def test_positions_of_keys_and_values() -> None:
    doc = load("plan:\n  title: A\nrollout:\n  cohorts:\n    - name: W\n      size: 36\n")
    assert doc.values[("plan", "title")][:2] == (2, 10)
    assert doc.keys[("plan", "title")][:2] == (2, 3)
    assert doc.values[("rollout", "cohorts", 0, "size")][:2] == (6, 13)
    assert doc.values[("rollout", "cohorts", 0)][:2] == (5, 7)


def test_nearest_falls_back_to_the_deepest_existing_parent() -> None:
    doc = load("standards:\n  cpd:\n    frequency: once\n")
    found, span = doc.nearest(("standards", "coaching", "months"))
    assert found == ("standards",)
    assert span.line == 2


def test_duplicate_keys_name_both_lines() -> None:
    found = problems("plan:\n  title: A\n  title: B\n")
    assert found == [(3, 3, "duplicate key 'title' (first on line 2)")]


def test_every_duplicate_is_reported_in_one_run() -> None:
    found = problems("a: 1\na: 2\nb: 1\nb: 2\n")
    assert [(line, col) for line, col, _ in found] == [(2, 1), (4, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object:os.system x\n",
        "a: !!binary aGVsbG8=\n",
        "a: !custom x\n",
        "a: !!timestamp 2027-01-01\n",
        "a: !!set {x}\n",
        "a: !!omap [x: 1]\n",
        "a: !!python/name:os.system\n",
    ],
)
def test_tags_other_than_the_standard_ones_are_refused(text: str) -> None:
    found = problems(text)
    assert found[0][:2] == (1, 4)
    assert "is not allowed in a plan" in found[0][2]


def test_standard_tags_are_accepted() -> None:
    assert load("a: !!str 12\nb: !!int '7'\nc: !!float 1\nd: !!map {x: 1}\n").data == {
        "a": "12",
        "b": 7,
        "c": 1.0,
        "d": {"x": 1},
    }


def test_a_standard_tag_that_does_not_fit_is_refused() -> None:
    assert "does not fit its tag" in problems("a: !!int ten\n")[0][2]


def test_a_small_alias_is_allowed() -> None:
    doc = load("a: &m [x, y]\nb: *m\n")
    assert doc.data == {"a": ["x", "y"], "b": ["x", "y"]}
    assert doc.values[("b",)][:2] == (2, 4)


def test_an_alias_bomb_is_refused_quickly() -> None:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*l{i - 1}"] * 9)
        lines.append(f"l{i}: &l{i} [{refs}]")
    found = problems("\n".join(lines) + "\n")
    assert f"more than {MAX_ALIAS_NODES:,} values" in found[0][2]


def test_an_alias_repeating_long_text_is_refused() -> None:
    lines = ["t: &t " + "word " * 40_000] + [f"s{i}: *t" for i in range(30)]
    found = problems("\n".join(lines) + "\n")
    assert "1,000,000 characters" in found[0][2]


def test_too_many_entries_are_refused() -> None:
    from readiness.load.parse import MAX_NODES

    found = problems("a: [" + "1," * (MAX_NODES + 5) + "1]\n")
    assert f"more than {MAX_NODES:,} keys, values and list items" in found[0][2]


def test_a_self_referencing_alias_is_refused() -> None:
    assert "refers to the section that contains it" in problems("a: &x [1, *x]\n")[0][2]


def test_an_undefined_alias_is_refused() -> None:
    found = problems("a: *nothing\n")
    assert found[0][:2] == (1, 4)
    assert "does not name an anchor" in found[0][2]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 2_000, 100_000])
def test_deep_flow_nesting_is_refused_before_recursion(depth: int) -> None:
    found = problems("a: " + "[" * depth + "]" * depth + "\n")
    assert "nested" in found[0][2]


def test_deep_block_nesting_is_refused() -> None:
    text = "".join(" " * i + "- \n" for i in range(0, 2 * (MAX_DEPTH + 5), 2))
    found = problems("a:\n" + text)
    assert f"more than {MAX_DEPTH} levels deep" in found[0][2]


def test_a_second_document_is_refused() -> None:
    found = problems("a: 1\n---\nb: 2\n")
    assert found[0][0] == 2
    assert "more than one YAML document" in found[0][2]


def test_a_collection_key_is_refused() -> None:
    assert "cannot be used as a key" in problems("? [a, b]\n: 1\n")[0][2]


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("plan: [unclosed\n", 1, 7, "a list opened with '[' here is never closed"),
        ("plan: {a: 1\n", 1, 7, "a section opened with '{' here is never closed"),
        ("plan:\n\ttitle: A\n", 2, 1, "indented with a tab"),
        ("a: b: c\n", 1, 5, "':'"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "indentation"),
        ('a: "open\n', 1, 4, "quotation mark"),
        ("a: @x\n", 1, 4, "reserves"),
    ],
)
def test_syntax_errors_are_located_and_explained(
    text: str, line: int, column: int, words: str
) -> None:
    found = problems(text)
    assert len(found) == 1
    assert found[0][:2] == (line, column)
    assert words in found[0][2]


def test_the_source_line_is_kept_for_the_caret() -> None:
    assert parsed("plan:\n  title: A\n  title: B\n").problems[0].source_line == "  title: B"


def test_a_duplicate_keeps_the_first_value_so_reading_goes_on() -> None:
    doc = load("plan:\n  title: A\n  title: B\nnext: 1\n")
    assert doc.data == {"plan": {"title": "A"}, "next": 1}


def test_fatal_problems_raise() -> None:
    with pytest.raises(InputError):
        load("a: [unclosed\n")


def test_empty_text_has_no_data() -> None:
    assert load("").data is None
    assert load("# only a comment\n").data is None


def test_a_document_cannot_be_changed_after_loading() -> None:
    result = parsed("plan:\n  title: A\n  title: B\n")
    with pytest.raises(AttributeError, match="immutable"):
        result.doc.data = {}  # type: ignore[misc]
    assert result.doc.data == {"plan": {"title": "A"}}
    assert [p.message for p in result.problems] == ["duplicate key 'title' (first on line 2)"]


@pytest.mark.parametrize("text", ["a: [1, 2]\n", "a: [1, 2\n"])
def test_garbage_is_not_collected_while_a_document_is_built(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large file's parse grew faster than its size while Python's full collections walked
    the document built so far; collecting is paused while it is built, then put back."""
    import gc

    from readiness.load import parse

    seen: list[bool] = []
    build = parse._Builder.run

    def run(self: parse._Builder, parser: object) -> None:
        seen.append(gc.isenabled())
        build(self, parser)

    monkeypatch.setattr(parse._Builder, "run", run)
    assert gc.isenabled()
    with contextlib.suppress(InputError):
        load_yaml(text, "x.yaml")
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        with contextlib.suppress(InputError):
            load_yaml(text, "x.yaml")
        assert not gc.isenabled()  # left off, as the caller had it
    finally:
        gc.enable()
