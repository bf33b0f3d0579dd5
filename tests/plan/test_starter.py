"""The starter plan (``readiness init``): valid as written, and every example in it marked.

Each example is found; making any one of them real (writing the text, uncommenting the line,
removing the note) keeps the plan valid and takes exactly that one off the list.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from readiness.audit.result import PlanResult
from readiness.audit.run import AuditOptions, audit_plan
from readiness.load.validate import known_key
from readiness.outcomes import Outcome
from readiness.plan.examples import Example, drop_todo_text, find_examples, is_todo
from readiness.plan.load import parse_plan
from readiness.plan.models import Plan
from readiness.plan.starter import starter_plan
from readiness.rubric.load import default_rubric

TODAY = date(2027, 1, 15)
TEXT = starter_plan("plan.yaml", TODAY)
MARK = "# TODO"


def examples(text: str) -> tuple[Example, ...]:
    return find_examples(parse_plan(text, "plan.yaml").doc)


EXAMPLES = examples(TEXT)


def make_real(text: str, example: Example) -> str:
    """The text with one example made real, as a commissioner would edit it."""
    lines = text.split("\n")
    line = lines[example.line - 1]
    if '"TODO:' in line:
        line = re.sub(r'"TODO:[^"]*"', '"Written by the commissioner"', line)
    else:
        line = line[: line.index(MARK)].rstrip()
        indent = len(line) - len(line.lstrip())
        if line[indent:].startswith("# "):
            line = line[:indent] + line[indent + 2 :]
    lines[example.line - 1] = line
    return "\n".join(lines)


def uncommented(text: str, example: Example) -> str:
    """The text with a commented-out example's '# ' deleted and its note left in place."""
    lines = text.split("\n")
    line = lines[example.line - 1]
    indent = len(line) - len(line.lstrip())
    lines[example.line - 1] = line[:indent] + line[indent + 2 :]
    return "\n".join(lines)


COMMENTED = [e for e in EXAMPLES if TEXT.splitlines()[e.line - 1].lstrip().startswith("# ")]


def facts(plan: Plan) -> object:
    """What a plan says: its values, without the keys and sections that hold nothing."""

    def written(value: object) -> object:
        if isinstance(value, dict):
            kept = {k: written(v) for k, v in value.items()}
            return {k: v for k, v in kept.items() if v not in ({}, None)}
        return [written(v) for v in value] if isinstance(value, list) else value

    return written(plan.model_dump())


def audited(text: str) -> PlanResult:
    rubric = default_rubric()
    loaded = parse_plan(text, "plan.yaml", rubric.known_ids())
    return audit_plan(loaded, rubric, AuditOptions(as_of=TODAY))


def test_the_starter_validates_as_written() -> None:
    plan = parse_plan(TEXT, "plan.yaml").plan
    assert plan.readiness == 1
    assert plan.plan.start == date(2027, 3, 1)
    assert plan.plan.end == date(2030, 2, 28)
    assert plan.workforce.practitioners == 120


def test_every_example_is_found_once_and_nothing_else() -> None:
    lines = TEXT.splitlines()
    marked = [n for n, line in enumerate(lines, 1) if "TODO" in line]
    markers = len(re.findall(r"#\s*TODO", TEXT))
    text_values = len(re.findall(r'"TODO:', TEXT))
    assert len(EXAMPLES) == markers + text_values == len(marked) == 96
    assert [e.line for e in EXAMPLES] == marked


def test_explanations_never_carry_the_marker() -> None:
    found = {e.line for e in EXAMPLES}
    for number, line in enumerate(TEXT.splitlines(), 1):
        if number not in found:
            assert "todo" not in line.lower(), (number, line)


def test_every_example_names_a_key_of_the_format() -> None:
    for example in EXAMPLES:
        path = tuple(example.key.split("."))
        assert known_key(Plan, path) or path == ("narrative", "summary"), example
        assert example.text
        assert len(example.text) <= 60


def test_every_section_of_the_format_is_in_the_starter() -> None:
    shown = {e.key.split(".")[0] for e in EXAMPLES}
    written = set(Plan.model_fields) - {"readiness"}
    assert written <= shown | {"budget"}  # budget.currency is a default, not an example
    for key in (
        "rollout.model",
        "rollout.rationale",
        "managers.sessions",
        "managers.agreement.signatories",
        "line_managers.training.hours",
        "line_managers.training.covers",
        "implementation.lead",
        "implementation.team",
        "standards.practice_profile.core_components",
        "co_production.with",
        "systems.qa_aligned",
        "sustainability.after_funding",
        "fidelity.graded",
        "fidelity.unannounced",
        "fidelity.results_shared_with",
        "fidelity.observation_consented",
    ):
        assert key in {e.key for e in EXAMPLES}, key
    for words in (
        "managers_trained_by:",
        "kind: outcome",
        "funded_by:",
        "existing: true",
        "category: implementation-team",
        "category: service-posts",
        "category: lived-experience",
        "role: service-manager",
    ):
        assert words in TEXT, words


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.line}-{e.key}" for e in EXAMPLES])
def test_each_example_made_real_alone_stays_valid_and_leaves_the_list(example: Example) -> None:
    edited = make_real(TEXT, example)
    assert edited != TEXT
    loaded = parse_plan(edited, "plan.yaml")
    assert find_examples(loaded.doc) == tuple(e for e in EXAMPLES if e != example)
    # the key the example was listed under is the key it now sets
    assert tuple(example.key.split(".")) in loaded.doc.values


def test_every_example_made_real_leaves_none() -> None:
    edited = TEXT
    for example in EXAMPLES:
        edited = make_real(edited, example)
    loaded = parse_plan(edited, "plan.yaml")
    assert find_examples(loaded.doc) == ()
    assert loaded.plan.budget is not None
    assert len(loaded.plan.budget.lines or ()) == 10
    assert loaded.plan.rollout is not None
    assert len(loaded.plan.rollout.cohorts or ()) == 2


def test_placeholder_text_is_dropped_except_where_required() -> None:
    data = drop_todo_text(parse_plan(TEXT, "plan.yaml").doc.data, Plan)
    left: list[str] = []

    def walk(value: object, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for item in value:
                walk(item, path)
        elif is_todo(value):
            left.append(path)

    walk(data, "")
    assert left == ["plan.title", "plan.commissioner"]
    assert Plan.model_validate(data).plan.provider is None


def test_explanation_comments_and_quoted_hashes_are_not_examples() -> None:
    text = TEXT.replace(
        '  provider: "TODO: who delivers the training and support"',
        '  provider: "Our provider # TODO: confirm"   # who delivers',
    )
    found = examples(text)
    assert len(found) == len(EXAMPLES) - 1
    assert "plan.provider" not in {e.key for e in found}


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("plan.yaml", "readiness audit plan.yaml"),
        ("my plans/plan.yaml", "readiness audit 'my plans/plan.yaml'"),
        ("# TODO.yaml", "readiness audit plan.yaml"),
        ("two\nlines.yaml", "readiness audit plan.yaml"),
    ],
)
def test_the_path_in_the_header_stays_one_plain_comment(path: str, shown: str) -> None:
    text = starter_plan(path, TODAY)
    assert shown in text
    assert examples(text) == EXAMPLES


@pytest.mark.parametrize("example", COMMENTED, ids=[f"{e.line}-{e.key}" for e in COMMENTED])
def test_an_example_uncommented_with_its_note_left_in_place_is_no_evidence(
    example: Example,
) -> None:
    edited = uncommented(TEXT, example)
    loaded = parse_plan(edited, "plan.yaml")
    assert tuple(example.key.split(".")) in loaded.doc.values  # the value is live ...
    assert loaded.examples == EXAMPLES  # ... still listed ...
    assert facts(loaded.plan) == facts(parse_plan(TEXT, "plan.yaml").plan)  # ... and is no fact


def test_every_example_uncommented_with_its_note_left_in_place_is_no_evidence() -> None:
    edited = TEXT
    for example in COMMENTED:
        edited = uncommented(edited, example)
    assert len(COMMENTED) == 76
    assert find_examples(parse_plan(edited, "plan.yaml").doc) == EXAMPLES
    starter, notes_left = audited(TEXT), audited(edited)
    assert notes_left.band == starter.band == "training-only"
    assert notes_left.score <= starter.score
    counted = (Outcome.MET, Outcome.PARTIAL)
    for before, after in zip(starter.criteria, notes_left.criteria, strict=True):
        assert after.outcome not in counted or before.outcome in counted, after


def test_every_example_made_real_is_a_plausible_plan() -> None:
    edited = TEXT
    for example in EXAMPLES:
        edited = make_real(edited, example)
    result = audited(edited)
    assert result.band in ("developing", "ready")
    support = next(r for r in result.criteria if r.criterion.id == "FD-01")
    assert support.outcome == Outcome.MET
    # every kind of support the examples pay for is priced at a plausible cost
    assert "Too little" not in support.reason, support.reason
    for kind in ("coaching", "coaching for line managers", "supervision", "fidelity checks"):
        assert kind in support.reason.split(" after the training")[0], kind
    assert "protected time" in support.reason.split(" after the training")[0]
    assert result.costs is not None
    per_practitioner = result.costs.total / result.costs.practitioners
    assert 1_000 <= per_practitioner <= 5_000  # over three years: a local authority's budget
