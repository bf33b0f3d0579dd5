"""Plan validation: every kind of mistake is located, explained, and all are reported at once."""

from __future__ import annotations

import pytest

from readiness.errors import InputError
from readiness.plan.load import parse_plan

HEAD = """readiness: 1
plan:
  title: A
  commissioner: X
  start: 2027-01-01
  end: 2027-12-31
workforce:
  practitioners: 10
"""


def problems(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(InputError) as caught:
        parse_plan(text, "plan.yaml")
    return [(p.line, p.column, p.message, p.hint) for p in caught.value.problems]


def test_a_valid_plan_loads() -> None:
    loaded = parse_plan(HEAD, "plan.yaml")
    assert loaded.plan.workforce.practitioners == 10
    assert loaded.plan.plan.start.isoformat() == "2027-01-01"


@pytest.mark.parametrize(
    ("tail", "line", "column", "words"),
    [
        (
            "standards:\n  supervison:\n    frequency: monthly\n",
            10,
            3,
            "unknown key 'supervison' in standards (did you mean 'supervision'?)",
        ),
        (
            "trainnig:\n  days: 1\n",
            9,
            1,
            "unknown key 'trainnig' at the top of the file (did you mean 'training'?)",
        ),
        (
            "standards:\n  cpd:\n    frequency: fortnighly\n",
            11,
            16,
            "'fortnighly' is not a recognised value for frequency (did you mean 'fortnightly'?)",
        ),
        (
            "training:\n  methods: [workshop, lectures]\n",
            10,
            23,
            "'lectures' is not a recognised value for methods (did you mean 'lecture'?)",
        ),
        ("workforce2: 1\n", 9, 1, "unknown key 'workforce2'"),
        ("training:\n  days: -1\n", 10, 9, "training.days must be at least 0, not -1"),
        ("line_managers:\n  trained: 120\n", 10, 12, "line_managers.trained must be at most 100"),
        ("line_managers:\n  trained: lots\n", 10, 12, "must be a percentage"),
        (
            "rollout:\n  cohorts:\n    - name: W\n      size: 0\n      start: 2027-02-01\n",
            12,
            13,
            "rollout.cohorts[0].size must be at least 1, not 0",
        ),
        (
            "rollout:\n  cohorts:\n    - name: W\n      size: 3.5\n      start: 2027-02-01\n",
            12,
            13,
            "must be a whole number, not 3.5",
        ),
        (
            "rollout:\n  cohorts:\n    - name: W\n      size: 3\n      start: 2027-02-30\n",
            13,
            14,
            "'2027-02-30' is not a date: February 2027 has 28 days",
        ),
        (
            "rollout:\n  cohorts:\n    - name: W\n      size: 3\n      start: 2027-13\n",
            13,
            14,
            "there is no month 13",
        ),
        (
            "rollout:\n  cohorts:\n    - name: W\n      size: 3\n      start: 2027-01-01\n"
            "      selection: {voluntary: yes}\n",
            14,
            30,
            "must be true or false, not 'yes'",
        ),
        (
            "rollout:\n  cohorts:\n    - {name: W, size: 3, start: 2027-01-01}\n"
            "    - {name: w, size: 3, start: 2027-03-01}\n",
            12,
            14,
            "two waves are called 'w'",
        ),
        (
            "rollout:\n  cohorts:\n    - {name: W, start: 2027-01-01}\n",
            11,
            7,
            "missing required key 'size' in rollout.cohorts[0]",
        ),
        (
            "standards:\n  outcome_measures:\n    - name: SDQ\n      timepoints: [baseline, soon]\n",
            12,
            30,
            "'soon' is not a timepoint",
        ),
        (
            "budget:\n  lines:\n    - {item: X, category: training, amount: '£25,000'}\n",
            11,
            45,
            "must be a number, not the text",
        ),
        ("narrative: [a, b]\n", 9, 12, "narrative must be a section with its own keys, not a list"),
        ("rollout:\n  cohorts: {name: W}\n", 10, 12, "rollout.cohorts must be a list"),
        ("rollout: wave one\n", 9, 10, "rollout must be a section with its own keys"),
        ("plan2:\n  <<: {a: 1}\n", 9, 1, "unknown key 'plan2'"),
        ("narrative:\n  summary: ''\n", 10, 12, "narrative.summary is empty"),
    ],
)
def test_mistakes_are_located(tail: str, line: int, column: int, words: str) -> None:
    found = problems(HEAD + tail)
    assert any(
        (got_line, got_col) == (line, column) and words in message
        for got_line, got_col, message, _ in found
    ), found


def test_missing_required_keys_point_at_their_section() -> None:
    found = problems("readiness: 1\nplan:\n  title: A\nworkforce:\n  teams: 2\n")
    messages = {m: (line, col) for line, col, m, _ in found}
    assert messages["missing required key 'commissioner' in plan"] == (2, 1)
    assert messages["missing required key 'start' in plan"] == (2, 1)
    assert messages["missing required key 'practitioners' in workforce"] == (4, 1)


def test_end_before_start_is_refused_at_the_end_date() -> None:
    text = HEAD.replace("end: 2027-12-31", "end: 2026-12-31")
    assert problems(text) == [
        (6, 8, "plan.end: the plan ends (2026-12-31) before it starts (2027-01-01)", "")
    ]


def test_every_problem_is_reported_in_one_run() -> None:
    text = (
        HEAD + "standards:\n  supervison: {}\n  cpd: {frequency: sometimes}\ntraining:\n  days: x\n"
    )
    lines = [line for line, _, _, _ in problems(text)]
    assert lines == sorted(lines)
    assert len(lines) == 3


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "the file is empty"),
        ("# nothing\n", "the file is empty"),
        ("- a\n- b\n", "a plan must be a set of keys"),
        ("just text\n", "a plan must be a set of keys"),
        (
            "readiness: 2\nplan: {}\n",
            "format version 2 is not supported: this version of readiness reads format version 1",
        ),
        ("readiness: '1'\n", "format version '1' is not supported"),
    ],
)
def test_the_shape_of_the_file(text: str, words: str) -> None:
    assert any(words in message for _, _, message, _ in problems(text))


def test_hints_list_the_allowed_words() -> None:
    found = problems(HEAD + "fidelity:\n  purpose: policing\n")
    assert found[0][3] == "use one of: learning, assurance, performance-management"


def test_text_fields_accept_numbers_as_written() -> None:
    loaded = parse_plan(
        HEAD + "rollout:\n  cohorts:\n    - {name: 007, size: 3, start: 2027-02}\n", "plan.yaml"
    )
    assert loaded.plan.rollout is not None
    assert loaded.plan.rollout.cohorts is not None
    assert loaded.plan.rollout.cohorts[0].name == "007"
    assert loaded.plan.rollout.cohorts[0].start.isoformat() == "2027-02-01"


@pytest.mark.parametrize("word", ["Yes", "NO", "on", "off", "y", "n"])
def test_norway_words_stay_text(word: str) -> None:
    loaded = parse_plan(HEAD.replace("commissioner: X", f"commissioner: {word}"), "plan.yaml")
    assert loaded.plan.plan.commissioner == word


def test_vocabulary_is_case_insensitive() -> None:
    loaded = parse_plan(HEAD + "standards:\n  cpd: {frequency: Quarterly}\n", "plan.yaml")
    assert loaded.plan.standards is not None
    assert loaded.plan.standards.cpd is not None
    assert loaded.plan.standards.cpd.frequency == "quarterly"


def test_percent_accepts_a_percent_sign() -> None:
    loaded = parse_plan(HEAD + "line_managers: {trained: '85%'}\n", "plan.yaml")
    assert loaded.plan.line_managers is not None
    assert loaded.plan.line_managers.trained == 85.0


@pytest.mark.parametrize(
    ("tail", "words"),
    [
        ("workforce2: 1\n", "unknown key"),
        (
            "budget:\n  lines:\n    - {item: X, category: coaching, amount: .inf}\n",
            "budget.lines[0].amount",
        ),
        (
            "standards:\n  outcome_measures:\n    - {name: SDQ, timepoints: [99999999 years]}\n",
            "more than 50 years after the start",
        ),
        ("line_managers: {trained_by: 0000-06-01}\n", "is not a date a plan can use"),
        ("line_managers: {trained_by: 9999-12-31}\n", "is not a date a plan can use"),
    ],
)
def test_values_out_of_any_sensible_range_are_refused(tail: str, words: str) -> None:
    assert any(words in message for _, _, message, _ in problems(HEAD + tail))


def test_huge_numbers_are_refused_not_crashed_on() -> None:
    found = problems(HEAD.replace("practitioners: 10", "practitioners: " + "9" * 300))
    assert "workforce.practitioners must be a number, not the text '999" in found[0][2]
    assert len(found[0][2]) < 120


def test_duplicates_unknown_keys_and_waivers_come_in_one_run() -> None:
    text = (
        HEAD.replace("  title: A\n", "  title: A\n  title: B\n")
        + "foo: 1\nwaivers:\n  - {criterion: XX-01, reason: r, approved_by: a, until: 2027-06-01}\n"
    )
    with pytest.raises(InputError) as caught:
        parse_plan(text, "plan.yaml", {"RP-01"})
    messages = [p.message for p in caught.value.problems]
    assert any("duplicate key 'title'" in m for m in messages)
    assert any("unknown key 'foo'" in m for m in messages)
    assert any("'XX-01', which is not a criterion" in m for m in messages)
