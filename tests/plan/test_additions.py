"""The evidence additions to plan format 1: all optional, located errors, funded_by checked."""

from __future__ import annotations

import pytest

from readiness.errors import InputError
from readiness.plan.load import parse_plan

HEAD = """readiness: 1
plan:
  title: A
  commissioner: X
  start: 2027-01-01
  end: 2028-12-31
workforce:
  practitioners: 10
"""

BUDGET = """budget:
  lines:
    - {item: Monthly coaching, category: coaching, amount: 1000}
    - {item: Lead, category: implementation-team, amount: 1000}
    - {item: Cover, category: backfill, amount: 1000}
"""

EVERY_ADDITION = (
    HEAD
    + """rollout:
  model: whole-service
  rationale: Family Safeguarding changes how whole teams work on one date.
  cohorts:
    - {name: W1, size: 5, start: 2027-03-01, managers_trained_by: 2027-02-01}
managers:
  leads: [Ann Lee, {name: Bo Ray, role: service-manager}]
  governance: {members: [{name: Cy, role: line-manager}, Di]}
  sessions:
    - {date: 2026-10-01, attendees: [service-manager, provider], about: the waves}
  agreement:
    signed: 2026-12-01
    signatories: [{name: Bo Ray, role: service-manager}]
  protected_time: {hours_per_month: 4, funded_by: [Cover]}
standards:
  coaching: {frequency: monthly, months: 12, funded_by: [monthly coaching]}
  supervision: {frequency: monthly, existing: true}
  practice_profile: {core_components: [Curiosity], source: Provider's profile}
  outcome_measures:
    - {name: Staff confidence survey, kind: satisfaction, timepoints: [baseline]}
line_managers:
  training: {hours: 21, covers: [the-approach, reflective-supervision]}
fidelity:
  graded: false
  unannounced: false
  results_shared_with: [practitioner, line-manager]
  observation_consented: true
implementation:
  lead: {name: Ed, role: senior-leader, hours_per_month: 60}
  team: [{name: Fay, role: practitioner}, Gus]
co_production:
  with: [parents-carers, care-experienced-adults]
  how: A paid panel reviews each wave.
systems:
  policies_reviewed: [Supervision policy]
  recording_changes: The case record asks what the behaviour communicates.
  qa_aligned: true
sustainability:
  funded_until: 2028-12-31
  after_funding: Coaching moves into the workforce development budget.
"""
    + BUDGET
)


def problems(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(InputError) as caught:
        parse_plan(text, "plan.yaml")
    return [(p.line, p.column, p.message) for p in caught.value.problems]


def test_every_addition_is_read() -> None:
    plan = parse_plan(EVERY_ADDITION, "plan.yaml").plan
    assert plan.rollout
    assert plan.rollout.model == "whole-service"
    assert plan.managers
    assert plan.managers.leads
    assert [(p.name, p.role) for p in plan.managers.leads] == [
        ("Ann Lee", None),
        ("Bo Ray", "service-manager"),
    ]
    assert plan.co_production
    assert plan.co_production.with_ == [
        "parents-carers",
        "care-experienced-adults",
    ]
    assert plan.standards
    assert plan.standards.coaching
    assert plan.standards.coaching.funded_by == ["monthly coaching"]
    assert plan.standards.supervision
    assert plan.standards.supervision.existing is True
    assert plan.implementation
    assert plan.implementation.lead
    assert plan.implementation.lead.hours_per_month == 60


def test_funded_by_must_name_a_budget_line() -> None:
    text = HEAD + "standards:\n  coaching: {frequency: monthly, funded_by: [Monthly coachng]}\n"
    found = problems(text + BUDGET)
    assert found == [
        (
            10,
            46,
            "funded_by names 'Monthly coachng', which is not an item of budget.lines "
            "(did you mean 'Monthly coaching'?)",
        )
    ]


def test_funded_by_must_name_one_line_only() -> None:
    text = HEAD + "fidelity: {funded_by: [cover]}\n" + BUDGET
    text += "    - {item: COVER , category: backfill, amount: 5}\n"
    ((line, column, message),) = problems(text)
    assert (line, column) == (9, 24)
    assert "more than one budget line (lines 3 and 4)" in message


def test_funded_and_existing_is_an_error_at_existing() -> None:
    text = HEAD + "fidelity: {funded_by: [Cover], existing: true}\n" + BUDGET
    ((line, column, message),) = problems(text)
    assert (line, column) == (9, 42)
    assert message.startswith("fidelity.existing is true, but funded_by says this plan pays")


def test_existing_false_with_funded_by_is_fine() -> None:
    parse_plan(HEAD + "fidelity: {funded_by: [Cover], existing: false}\n" + BUDGET, "p.yaml")


@pytest.mark.parametrize(
    ("tail", "words"),
    [
        ("managers:\n  leads: [{name: A, role: boss}]\n", "'boss' is not a recognised value"),
        ("managers:\n  leads: [{role: service-manager}]\n", "missing required key 'name'"),
        ("managers:\n  agreement: {signatories: [{name: A}]}\n", "missing required key 'role'"),
        ("co_production: {wiht: [parents-carers]}\n", "did you mean 'with'?"),
        ("rollout: {model: big-bang}\n", "'big-bang' is not a recognised value for model"),
        ("standards:\n  outcome_measures: [{name: X, kind: survey}]\n", "value for kind"),
        ("budget:\n  lines: [{item: A, category: posts, amount: 1}]\n", "value for category"),
        ("managers:\n  sessions: [{date: 2026-13-01, attendees: []}]\n", "no month 13"),
    ],
)
def test_additions_are_checked_like_everything_else(tail: str, words: str) -> None:
    assert any(words in message for _, _, message in problems(HEAD + tail))


def test_a_bare_name_is_a_person_without_a_role() -> None:
    plan = parse_plan(HEAD + "managers:\n  leads: [007]\n", "p.yaml").plan
    assert plan.managers
    assert plan.managers.leads
    assert (plan.managers.leads[0].name, plan.managers.leads[0].role) == ("007", None)


def test_a_comma_that_splits_a_flow_value_gets_a_quoting_hint() -> None:
    text = HEAD + (
        "managers:\n  sessions:\n"
        "    - {date: 2026-10-01, attendees: [provider], about: Protected time, cover and waves}\n"
    )
    with pytest.raises(InputError) as caught:
        parse_plan(text, "plan.yaml")
    (problem,) = caught.value.problems
    assert problem.message == "unknown key 'cover and waves' in managers.sessions[0]"
    assert problem.hint == (
        'a comma inside {...} ends a value: quote the value: about: "Protected time, cover and waves"'
    )


def test_a_misspelt_key_still_gets_its_suggestion_not_the_quoting_hint() -> None:
    found = problems(HEAD + "managers: {leads: [A], practice mapping: x}\n")
    assert "unknown key 'practice mapping'" in found[0][2]
