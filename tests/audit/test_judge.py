"""Judging a plan: waivers (current, expired, unknown), locations, language hit positions."""

from __future__ import annotations

from datetime import date

import pytest

from readiness.audit.run import AuditOptions, audit_plan
from readiness.errors import InputError
from readiness.outcomes import Outcome
from readiness.plan.load import parse_plan

HEAD = """readiness: 1
plan:
  title: A
  commissioner: X
  start: 2027-01-01
  end: 2028-12-31
workforce:
  practitioners: 100
rollout:
  cohorts:
    - name: Wave 1
      size: 20
      start: 2027-02-01
"""

WAIVER = """waivers:
  - criterion: {cid}
    reason: The champion role is being evaluated
    approved_by: Director of Children's Services
    until: {until}
"""


def audit(text: str, as_of: date = date(2027, 1, 15)):  # type: ignore[no-untyped-def]
    from readiness.rubric.load import load_rubric

    rubric = load_rubric()
    loaded = parse_plan(text, "plan.yaml", {c.id for c in rubric.criteria})
    return audit_plan(loaded, rubric, AuditOptions(as_of=as_of))


def criterion(result, cid: str):  # type: ignore[no-untyped-def]
    return next(r for r in result.criteria if r.criterion.id == cid)


def test_the_first_wave_share_points_at_its_size() -> None:
    rp01 = criterion(audit(HEAD), "RP-01")
    assert rp01.outcome is Outcome.MET
    assert rp01.reason == "First wave is 20 of 100 practitioners (20%), within 25%."
    assert (rp01.locations[0].line, rp01.locations[0].column) == (12, 13)
    assert rp01.locations[0].key == "rollout.cohorts[0].size"


def test_a_missing_section_points_at_its_nearest_parent() -> None:
    lm = criterion(audit(HEAD), "LM-01")
    assert lm.outcome is Outcome.NO_EVIDENCE
    assert lm.locations[0].key == "line_managers.trained"
    assert lm.locations[0].line >= 1


@pytest.mark.parametrize(
    ("until", "as_of", "outcome", "expired"),
    [
        ("2027-06-30", date(2027, 1, 15), Outcome.WAIVED, False),
        ("2027-01-15", date(2027, 1, 15), Outcome.WAIVED, False),
        ("2027-01-14", date(2027, 1, 15), Outcome.NO_EVIDENCE, True),
        ("2026-12", date(2027, 1, 15), Outcome.NO_EVIDENCE, True),
    ],
)
def test_waivers_count_until_their_date(
    until: str, as_of: date, outcome: Outcome, expired: bool
) -> None:
    result = audit(HEAD + WAIVER.format(cid="RP-05", until=until), as_of)
    rp05 = criterion(result, "RP-05")
    assert rp05.outcome is outcome
    assert rp05.waiver is not None
    assert rp05.waiver.expired is expired
    assert rp05.waiver.approved_by == "Director of Children's Services"
    if expired:
        assert "The waiver expired on" in rp05.reason
    else:
        assert rp05.reason.startswith("Waived until")
        assert "The champion role is being evaluated" in rp05.reason


def test_a_waived_criterion_is_left_out_of_the_score() -> None:
    before = audit(HEAD)
    after = audit(HEAD + WAIVER.format(cid="RP-05", until="2027-12-31"))
    lever = lambda r: next(lr for lr in r.levers if lr.lever.id == "right-people")  # noqa: E731
    assert lever(after).counted == lever(before).counted - 1
    assert lever(after).score > lever(before).score


def test_an_unknown_criterion_is_an_error_at_the_waiver() -> None:
    with pytest.raises(InputError) as caught:
        audit(HEAD + WAIVER.format(cid="RP-55", until="2027-12-31"))
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (15, 16)
    assert "'RP-55', which is not a criterion of the rubric" in problem.message


def test_a_lowercase_criterion_id_is_accepted() -> None:
    result = audit(HEAD + WAIVER.format(cid="rp-05", until="2027-12-31"))
    assert criterion(result, "RP-05").outcome is Outcome.WAIVED


def test_the_same_criterion_waived_twice_is_an_error() -> None:
    text = (
        HEAD
        + WAIVER.format(cid="RP-05", until="2027-12-31")
        + WAIVER.format(cid="RP-05", until="2027-12-31").replace("waivers:\n", "")
    )
    with pytest.raises(InputError) as caught:
        audit(text)
    assert "RP-05 is waived twice" in caught.value.problems[0].message


@pytest.mark.parametrize("field", ["reason", "approved_by", "until"])
def test_a_waiver_needs_every_field(field: str) -> None:
    waiver = WAIVER.format(cid="RP-05", until="2027-12-31")
    lines = [line for line in waiver.splitlines() if not line.strip().startswith(field)]
    with pytest.raises(InputError) as caught:
        audit(HEAD + "\n".join(lines) + "\n")
    assert f"missing required key '{field}'" in caught.value.problems[0].message


def test_language_hits_point_at_the_phrase_itself() -> None:
    text = HEAD + (
        "narrative:\n"
        "  summary: >\n"
        "    Staff will respond to challenging\n"
        "    behaviour with clear consequences.\n"
    )
    rp08 = criterion(audit(text), "RP-08")
    assert rp08.outcome is Outcome.PARTIAL
    found = [(h.found, h.location.line, h.location.column) for h in rp08.hits]
    assert found == [("challenging behaviour", 16, 27), ("consequences", 17, 26)]
    assert [(loc.line, loc.column) for loc in rp08.locations] == [(16, 27), (17, 26)]
    assert rp08.hits[0].reframe == "behaviour that communicates need"


def test_the_band_and_score_of_a_whole_plan() -> None:
    result = audit(HEAD)
    assert result.band == "training-only"
    assert result.passed is False
    assert 0 <= result.score < 40


def test_a_section_written_below_its_key_points_at_the_key() -> None:
    text = HEAD + "standards:\n  coaching:\n    frequency: monthly\n    months: 3\n"
    ps04 = criterion(audit(text), "PS-04")
    assert (ps04.locations[0].line, ps04.locations[0].column) == (15, 3)
    assert ps04.locations[0].present


def test_a_missing_key_names_where_to_add_it() -> None:
    text = HEAD + "standards:\n  cpd: {frequency: quarterly}\n"
    ps02 = criterion(audit(text), "PS-02")
    location = ps02.locations[0]
    assert not location.present
    assert (location.line, location.column) == (14, 1)
    assert location.describe("plan.yaml") == (
        "plan.yaml:14:1 (add standards.supervision.frequency under standards)"
    )
    lm03 = criterion(audit(text), "LM-03").locations[0]
    assert lm03.describe("plan.yaml") == "plan.yaml (add line_managers.supervision_style)"
