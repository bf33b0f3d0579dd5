"""Examples still in place: TODO text and lines marked '# TODO', found on any file, and TODO
text taken out of the data so that a placeholder is never evidence."""

from __future__ import annotations

import copy
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.errors import InputError
from readiness.load.parse import load_yaml
from readiness.load.scalars import YamlInt
from readiness.plan.examples import (
    Example,
    drop_examples,
    drop_todo_text,
    find_examples,
    is_todo,
    scan,
)
from readiness.plan.models import Plan

HEAD = """readiness: 1
plan:
  title: A
  commissioner: X
  start: 2027-01-01
  end: 2027-12-31
workforce:
  practitioners: 10
"""


def found(text: str) -> list[tuple[int, int, str, str]]:
    return [tuple(e) for e in find_examples(load_yaml(text, "plan.yaml").doc)]  # type: ignore[misc]


def keys(text: str) -> list[tuple[int, str]]:
    return [(e.line, e.key) for e in find_examples(load_yaml(text, "plan.yaml").doc)]


# -- TODO text ------------------------------------------------------------------------------
def test_todo_text_is_found_at_any_depth_in_file_order() -> None:
    text = (
        'title: "TODO: the title"\n'
        "managers:\n"
        "  governance:\n"
        "    group: todo write the group\n"
        "  leads: [Known lead, '  ToDo: a second lead']\n"
        "rollout:\n"
        "  cohorts:\n"
        "    - name: TODO\n"
        "      exit_criteria:\n"
        "        - Real criterion\n"
        "        - |\n"
        "          TODO: a criterion\n"
        "          on two lines\n"
        "narrative: {summary: Today we start, risks: TODO}\n"
    )
    assert found(text) == [
        (1, 8, "title", "TODO: the title"),
        (4, 12, "managers.governance.group", "todo write the group"),
        (5, 23, "managers.leads", "ToDo: a second lead"),
        (8, 13, "rollout.cohorts[0].name", "TODO"),
        (11, 11, "rollout.cohorts[0].exit_criteria", "TODO: a criterion on two lines"),
        (14, 45, "narrative.risks", "TODO"),
    ]


def test_text_that_only_mentions_todo_is_not_an_example() -> None:
    text = "a: Nothing TODO here\nb: [TODOS are done, 12]\nc: 'x: TODO'\nd: Todorova # todos\n"
    assert found(text + "e: Anna   # Todorova's deputy\n# Today we agreed this\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "TODO",
        "todo",
        "  ToDo: more",
        "TODO: a title",
        "TODO - the lead",
        "todo write the group",
        "TODO.",
        "[TODO]",
        "[todo] the approach",
        "(TODO)",
        "TO DO",
        "TO DO the title",
        "To do:",
        "to do",
        "To-do: the lead",
        "TBC",
        "tbc: the date",
        "TBD",
        "TBD.",
        "FIXME",
        "fixme: the group",
        "XXX",
        "XXX: the council",
        "\ttodo",
    ],
)
def test_to_do_words_are_text_still_to_write(text: str) -> None:
    assert is_todo(text)


@pytest.mark.parametrize(
    "text",
    [
        "Todorova and Hale mapped practice",
        "Todorova",
        "Today we start",
        "Tbilisi office",
        "Toddlers' group",
        "TODOS are done",
        "Todo's cafe",
        "To do so, the council pays for cover",
        "To do this well takes time",
        "to donate",
        "Tbcs",
        "fixmen",
        "XXX Council",
        "xxxl",
        "Nothing TODO here",
        "The TBC items",
        "",
        "   ",
    ],
)
def test_names_and_sentences_are_never_to_do_text(text: str) -> None:
    assert not is_todo(text)
    assert found(f"a: {json.dumps(text)}\nb: [{json.dumps(text)}]\n") == []


def test_long_text_is_cut_short() -> None:
    (example,) = find_examples(load_yaml(f"a: TODO {'x' * 500}\n", "p.yaml").doc)
    assert len(example.text) == 60
    assert example.text.endswith("...")


# -- lines marked '# TODO' ------------------------------------------------------------------
def test_commented_examples_take_the_key_of_their_parent_by_indentation() -> None:
    text = (
        "standards:\n"
        "  supervision:\n"
        "    # frequency: monthly          # TODO: at least monthly\n"
        "    minutes: 90\n"
        "    # types: [reflective]  # todo\n"
        "  coaching:\n"
        "  # months: 6   #TODO\n"
        "  cpd:\n"
        "    #   hours_per_year: 12   # TODO\n"
        "rollout:\n"
        "  cohorts:\n"
        "    # - {name: Wave 1, size: 24, start: 2027-03-01}   # TODO: a small first wave\n"
        "    - name: Wave 2\n"
        "      # size: 3   # TODO\n"
        "    # - {name: Wave 3}   # TODO\n"
        "budget:\n"
        "  lines:\n"
        "  # - {item: X, category: training, amount: 3}   # TODO\n"
        "# waivers: []   # TODO\n"
        "# TODO: write the narrative\n"
    )
    assert found(text) == [
        (3, 5, "standards.supervision.frequency", "frequency: monthly"),
        (5, 5, "standards.supervision.types", "types: [reflective]"),
        (7, 3, "standards.months", "months: 6"),
        (9, 5, "standards.cpd.hours_per_year", "hours_per_year: 12"),
        (12, 5, "rollout.cohorts", "- {name: Wave 1, size: 24, start: 2027-03-01}"),
        (14, 7, "rollout.cohorts[0].size", "size: 3"),
        (15, 5, "rollout.cohorts", "- {name: Wave 3}"),
        (18, 3, "budget.lines", "- {item: X, category: training, amount: 3}"),
        (19, 1, "waivers", "waivers: []"),
        (20, 1, "", "TODO: write the narrative"),
    ]


def test_a_live_value_with_the_marker_is_an_example_until_the_marker_goes() -> None:
    assert found(HEAD.replace("practitioners: 10", "practitioners: 10   # TODO: check")) == [
        (8, 3, "workforce.practitioners", "practitioners: 10")
    ]
    text = "training:\n  methods: [\n    workshop,   # TODO\n  ]\n  days: 3 # ToDo\n"
    assert keys(text) == [(3, "training.methods"), (5, "training.days")]


def test_explanation_comments_are_not_examples() -> None:
    text = (
        "# A plan. Examples carry a to-do note; delete what you do not know.\n"
        "plan:   # what is commissioned\n"
        "  # title: shown in reports, not an example\n"
        "  title: A   # a comment about the title\n"
        "#####################################\n"
        "# # # # # # # # # # # # # # # # # # #\n"
    )
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'title: "A plan # TODO later"\n',
        "title: 'A plan # TODO later'\n",
        "title: 'it''s # TODO'\n",
        'title: "two\n  lines # TODO"\n',
        "summary: |\n  # TODO is text in a block\n  more\n",
        "summary: >\n  text\n  # TODO folded text\n",
        "title: A plan#TODO\n",
        '"key # TODO": 1\n',
        "list: ['# TODO', \"# TODO\"]\n",
    ],
)
def test_a_hash_inside_a_value_is_not_a_comment(text: str) -> None:
    assert found(text) == []


def test_a_comment_after_quoted_hashes_is_still_found() -> None:
    assert keys('title: "A # b # c"   # TODO: check\nb: {x: "#", y: \'#\'}  # TODO\n') == [
        (1, "title"),
        (2, "b"),
    ]


def test_a_line_with_todo_text_and_a_marker_counts_once() -> None:
    assert found('title: "TODO: x"   # TODO: write it\n') == [(1, 8, "title", "TODO: x")]


def test_a_block_scalar_ending_before_a_marked_comment() -> None:
    text = "summary: |\n  text\n# TODO: more\nb: 1\n"
    assert keys(text) == [(3, "")]


def test_hostile_files_are_read_in_one_pass() -> None:
    texts = [
        "#" * 1_000_000 + "\n",
        "# " * 500_000 + "\n",
        "a: '" + "# " * 300_000 + "'  # TODO\n",
        "a: x" + " #" * 300_000 + "\n",
        "b: c" + " " * 500_000 + "# TODO\n",
        "# a" + " " * 500_000 + "b: # TODO\n",
        "# " + "-" * 500_000 + " # TODO\n",
        "# TODO\n" * 50_000,
        "".join(f"k{i}: 1  # TODO\n" for i in range(30_000)),
    ]
    for text in texts:
        started = time.perf_counter()
        doc = load_yaml(text, "plan.yaml").doc
        result = find_examples(doc)
        assert time.perf_counter() - started < 5, text[:40]
        last = text.count("\n")
        assert all(1 <= example.line <= last for example in result)
    assert len(find_examples(load_yaml("# TODO\n" * 50_000, "p.yaml").doc)) == 50_000


# -- drop_todo_text --------------------------------------------------------------------------
PLAN: dict[str, object] = {
    "readiness": 1,
    "plan": {
        "title": "TODO: a title",
        "commissioner": "X",
        "provider": "todo: who",
        "start": "2027-01-01",
        "end": "2027-12-31",
    },
    "workforce": {"practitioners": YamlInt(10)},
    "rollout": {
        "cohorts": [
            {
                "name": "TODO",
                "size": 3,
                "start": "2027-02-01",
                "exit_criteria": ["Real", "  ToDo: more"],
                "notes": "TODO",
            },
            {"name": "W2", "size": 3, "start": "2027-03-01", "exit_criteria": ["TODO"]},
        ],
        "rationale": "TODO: why",
    },
    "managers": {
        "leads": ["TODO: a lead", {"name": "TODO: name", "role": "service-manager"}],
        "practice_mapping": "Done by mapping",
        "governance": {"members": ["TODO"]},
    },
    "narrative": {"summary": "TODO: write", "risks": "Real risks"},
    "unknown": "TODO: reported by validation",
}


def test_todo_text_goes_from_optional_keys_and_lists_of_text() -> None:
    before = copy.deepcopy(PLAN)
    dropped = drop_todo_text(PLAN, Plan)
    assert before == PLAN  # not changed
    assert dropped == {
        "readiness": 1,
        "plan": {
            "title": "TODO: a title",  # required: kept
            "commissioner": "X",
            "start": "2027-01-01",
            "end": "2027-12-31",
        },
        "workforce": {"practitioners": 10},
        # a required key's TODO text takes its list item (or optional section) with it, and a
        # list or section with nothing left goes too
        "rollout": {"cohorts": [{"name": "W2", "size": 3, "start": "2027-03-01"}]},
        "managers": {"practice_mapping": "Done by mapping"},
        "narrative": {"risks": "Real risks"},
        "unknown": "TODO: reported by validation",
    }
    assert isinstance(dropped, dict)
    assert dropped["workforce"] is PLAN["workforce"]  # unchanged parts are shared
    assert type(dropped["workforce"]["practitioners"]) is YamlInt
    assert dropped["managers"]["practice_mapping"] == "Done by mapping"


def test_nothing_to_drop_returns_the_same_object() -> None:
    data = load_yaml(HEAD + "narrative: {summary: Real}\n", "p.yaml").doc.data
    assert drop_todo_text(data, Plan) is data
    for value in (None, "TODO", [1, "TODO"], 3):
        assert drop_todo_text(value, Plan) is value


def test_values_of_the_wrong_shape_are_left_for_validation() -> None:
    data = {"plan": "TODO", "rollout": {"cohorts": "TODO: waves", "champions": ["TODO"]}}
    assert drop_todo_text(data, Plan) == {"plan": "TODO", "rollout": {"champions": ["TODO"]}}
    methods = {"training": {"methods": ["TODO", "workshop"]}}  # a list of words, not text
    assert drop_todo_text(methods, Plan) is methods


# -- any text -------------------------------------------------------------------------------
FRAGMENTS = [
    "a:",
    "  b: 1",
    "  # c: 2   # TODO",
    "# TODO",
    "- x",
    "  - {k: v}  # todo",
    'd: "TODO # x"',
    "e: 'y # TODO'",
    "f: |",
    "  # TODO in text",
    "g: [TODO, h]",
    "  ? i",
    "  : j",
    "k: &an TODO",
    "l: *an",
    "m: {n: *an}",
    "\t# TODO",
    "###",
    "o: >-",
    "\ufeff# TODO",
    "p: q # TODO\r# TODO",
]
FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


@FUZZ
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.text(alphabet=st.sampled_from(list("ab:#-? \n\t\"'{}[],|>&*!TODOtodo\r")), max_size=200),
        st.lists(st.sampled_from(FRAGMENTS), max_size=20).map("\n".join),
    )
)
def test_any_text_gives_examples_with_real_positions(text: str) -> None:
    try:
        doc = load_yaml(text, "plan.yaml").doc
    except InputError:
        return
    result = find_examples(doc)
    lines = (text[1:] if text.startswith("\ufeff") else text).splitlines()
    assert list(result) == sorted(result, key=lambda e: (e.line, e.column))
    for example in result:
        assert isinstance(example, Example)
        assert 1 <= example.line <= len(lines)
        assert 1 <= example.column <= len(lines[example.line - 1]) + 1
        assert len(example.text) <= 60
    found = scan(doc)
    assert found.examples == result
    dropped = drop_examples(doc.data, Plan, found.values)
    if isinstance(doc.data, dict):  # required keys with nothing above them always stay
        assert isinstance(dropped, dict)
        assert {"readiness", "plan", "workforce"} & doc.data.keys() <= dropped.keys()
