"""Lever 1, start with the right people: RP-01 .. RP-07 against the default rubric (RP-08 is
in test_language.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from readiness.outcomes import Outcome

from .helpers import cohort, expect, judge, make_plan

MET, PARTIAL, NOT_MET = Outcome.MET, Outcome.PARTIAL, Outcome.NOT_MET
NO_EVIDENCE, NOT_APPLICABLE = Outcome.NO_EVIDENCE, Outcome.NOT_APPLICABLE
COHORTS = ("rollout", "cohorts")


def waves(*cohorts: dict[str, Any], **rollout: Any) -> dict[str, Any]:
    return {"rollout": {"cohorts": list(cohorts), **rollout}}


# -- RP-01: first wave's share of the workforce (met <= 25%, partial <= 40%) ---------------
def share(size: int, practitioners: int = 100) -> dict[str, Any]:
    return {**waves(cohort(size=size)), "workforce": {"practitioners": practitioners}}


# fmt: off
RP01 = [
    pytest.param(share(36, 240), MET, ("36 of 240", "(15%)", "within 25%"), id="15pc-met"),
    pytest.param(share(25), MET, ("25 of 100", "(25%)", "within 25%"), id="25pc-met-boundary"),
    pytest.param(share(26), PARTIAL, ("26 of 100", "(26%)", "more than 25%"), id="26pc-partial"),
    pytest.param(share(40), PARTIAL, ("40 of 100", "(40%)", "within 40%"), id="40pc-partial"),
    pytest.param(share(41), NOT_MET, ("41 of 100", "(41%)", "more than 40%"), id="41pc-not-met"),
    pytest.param(share(60), NOT_MET, ("(60%)", "too many at once"), id="60pc-too-many"),
    pytest.param(share(100), NOT_MET, ("100 of 100", "system-wide rollout"), id="everyone"),
    pytest.param(share(1, 1000), MET, ("1 of 1000",), id="tiny-wave"),
    pytest.param({}, NO_EVIDENCE, ("rollout.cohorts",), id="no-rollout"),
    pytest.param({"rollout": {"notes": "n"}}, NO_EVIDENCE, ("waves",), id="rollout-no-cohorts"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), RP01)
def test_rp01_first_wave_share(rubric, sections, outcome, says):
    expect(judge(rubric, "RP-01", make_plan(**sections)), outcome, *says)


def test_rp01_reads_first_wave_size_and_workforce(rubric):
    finding = judge(rubric, "RP-01", make_plan(**share(36, 240)))
    assert finding.paths == ((*COHORTS, 0, "size"), ("workforce", "practitioners"))


def test_rp01_only_the_first_wave_counts(rubric):
    plan = make_plan(**waves(cohort("A", 20), cohort("B", 80, "2027-06-01")))
    expect(judge(rubric, "RP-01", plan), MET, "20 of 100", "(20%)")


def test_rp01_no_evidence_reads_the_cohorts(rubric):
    assert judge(rubric, "RP-01", make_plan()).paths == (COHORTS,)


def test_rp01_rounded_share_does_not_contradict_the_threshold(rubric):
    # 101 of 400 is 25.25%: partial, so the figure quoted must be more than 25%.
    finding = judge(rubric, "RP-01", make_plan(**share(101, 400)))
    expect(finding, PARTIAL, "101 of 400", "more than 25%")
    shown = float(re.search(r"\(([\d.]+)%\)", finding.reason).group(1))
    assert shown > 25, finding.reason


# -- RP-02: staged waves, the second >= 3 months after the first --------------------------
def starts(*dates: str) -> dict[str, Any]:
    return waves(*(cohort(f"W{i + 1}", 10, d) for i, d in enumerate(dates)))


# fmt: off
RP02 = [
    pytest.param(starts("2027-01-01", "2027-04-01"), MET, ("2 waves", "3 months after", "(at least 3)"), id="3-months-met"),
    pytest.param(starts("2027-01-15", "2027-10-15", "2028-03-01"), MET, ("3 waves", "9 months after"), id="three-waves-met"),
    pytest.param(starts("2027-01-01", "2027-03-31"), PARTIAL, ("2 months after", "less than the 3 months"), id="a-day-short-partial"),
    pytest.param(starts("2027-01-01", "2027-02-01"), PARTIAL, ("1 month after",), id="1-month-partial"),
    pytest.param(starts("2027-01-01", "2027-01-01"), PARTIAL, ("0 months after",), id="same-day-partial"),
    pytest.param(starts("2027-06-01", "2027-01-01"), PARTIAL, ("not listed in the order",), id="out-of-order-partial"),
    pytest.param(starts("2027-01-01", "2027-09-01", "2027-05-01"), PARTIAL, ("order they start",), id="third-out-of-order"),
    pytest.param(starts("2027-01-01"), NOT_MET, ("1 wave", "at least 2"), id="one-wave-not-met"),
    pytest.param({}, NO_EVIDENCE, ("rollout.cohorts",), id="no-waves"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), RP02)
def test_rp02_staged_waves(rubric, sections, outcome, says):
    expect(judge(rubric, "RP-02", make_plan(**sections)), outcome, *says)


@pytest.mark.parametrize(
    ("dates", "paths"),
    [
        pytest.param(("2027-01-01", "2027-04-01", "2027-09-01"), [0, 1], id="met-reads-first-two"),
        pytest.param(("2027-01-01", "2027-02-01"), [0, 1], id="partial-reads-first-two"),
        pytest.param(("2027-01-01",), [0], id="one-wave"),
        pytest.param(("2027-05-01", "2027-01-01", "2027-09-01"), [0, 1, 2], id="order-reads-all"),
    ],
)
def test_rp02_reads_wave_starts(rubric, dates, paths):
    finding = judge(rubric, "RP-02", make_plan(**starts(*dates)))
    assert finding.paths == tuple((*COHORTS, i, "start") for i in paths)


# -- RP-03: how many of the 5 marks the first wave is chosen on (met 4, partial 2) ---------
MARKS = [
    "direct-work",
    "curious-about-behaviour",
    "non-punitive",
    "relational-language",
    "applies-theory",
]


def marks(*names: str) -> dict[str, Any]:
    return waves(cohort(selection={"criteria": list(names)}))


# fmt: off
RP03 = [
    pytest.param(marks(*MARKS), MET, ("5 of the 5 marks", "curious about behaviour"), id="5-met"),
    pytest.param(marks(*MARKS[:4]), MET, ("4 of the 5 marks",), id="4-met-boundary"),
    pytest.param(marks(*MARKS[:3]), PARTIAL, ("3 of the 5 marks", "not yet: relational language or puts theory into practice"), id="3-partial"),
    pytest.param(marks(*MARKS[3:]), PARTIAL, ("2 of the 5 marks", "not yet: works directly"), id="2-partial-boundary"),
    pytest.param(marks("non-punitive"), NOT_MET, ("1 of the 5 marks (not punitive)", "at least 2"), id="1-not-met"),
    pytest.param(marks(), NOT_MET, ("0 of the 5 marks", "at least 2"), id="empty-not-met"),
    pytest.param(marks("direct-work", "direct-work", "Direct-Work"), NOT_MET, ("1 of the 5 marks",), id="repeats-count-once"),
    pytest.param(waves(cohort(selection={"voluntary": True})), NO_EVIDENCE, ("selection.criteria",), id="no-criteria"),
    pytest.param(waves(cohort()), NO_EVIDENCE, ("how the first wave is chosen",), id="no-selection"),
    pytest.param({}, NO_EVIDENCE, ("selection.criteria",), id="no-waves"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), RP03)
def test_rp03_selection_marks(rubric, sections, outcome, says):
    finding = judge(rubric, "RP-03", make_plan(**sections))
    expect(finding, outcome, *says, paths=[(*COHORTS, 0, "selection", "criteria")])


def test_rp03_reads_only_the_first_wave(rubric):
    plan = make_plan(
        **waves(cohort("A"), cohort("B", start="2027-06-01", selection={"criteria": MARKS}))
    )
    expect(judge(rubric, "RP-03", plan), NO_EVIDENCE)


# -- RP-04: first wave it volunteers; managers nominate it ----------------------------
def route(**selection: Any) -> dict[str, Any]:
    return waves(cohort(selection=selection))


# fmt: off
RP04 = [
    pytest.param(route(voluntary=True, nominated_by=["service-managers"]), MET, ("it volunteers; managers nominate it",), id="both-service-managers"),
    pytest.param(route(voluntary=True, nominated_by=["peers", "line-managers"]), MET, ("it volunteers; managers nominate it",), id="both-line-managers"),
    pytest.param(route(voluntary=True, nominated_by=["peers", "self"]), PARTIAL, ("it volunteers; it is nominated by",), id="voluntary-only"),
    pytest.param(route(voluntary=True), PARTIAL, ("it volunteers; the plan does not say who nominates it",), id="voluntary-no-nominator"),
    pytest.param(route(voluntary=False, nominated_by=["service-managers"]), PARTIAL, ("it does not volunteer; managers nominate it",), id="nominated-only"),
    pytest.param(route(nominated_by=["line-managers"]), PARTIAL, ("does not say whether it volunteers",), id="nominated-voluntary-unsaid"),
    pytest.param(route(voluntary=False, nominated_by=["self"]), NOT_MET, ("it does not volunteer; it is nominated by",), id="neither"),
    pytest.param(route(voluntary=False), NOT_MET, ("does not volunteer",), id="conscripted"),
    pytest.param(route(criteria=["direct-work"]), NO_EVIDENCE, ("whether the first wave volunteers",), id="selection-silent"),
    pytest.param(waves(cohort()), NO_EVIDENCE, ("who nominates it",), id="no-selection"),
    pytest.param({}, NO_EVIDENCE, ("volunteers",), id="no-waves"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), RP04)
def test_rp04_selection_route(rubric, sections, outcome, says):
    expect(judge(rubric, "RP-04", make_plan(**sections)), outcome, *says)


def test_rp04_reads_voluntary_and_nominated_by(rubric):
    finding = judge(rubric, "RP-04", make_plan(**route(voluntary=True, nominated_by=["self"])))
    base = (*COHORTS, 0, "selection")
    assert finding.paths == ((*base, "voluntary"), (*base, "nominated_by"))


# -- RP-05: champions (1 per team or 10% of the wave) with >= 4 protected hours -----------
def champs(
    count: int | None, size: int = 20, hours: float | None = None, teams: int | None = None
) -> dict[str, Any]:
    wave = cohort(size=size) if count is None else cohort(size=size, champions=count)
    sections: dict[str, Any] = waves(wave)
    if hours is not None:
        sections["rollout"]["champions"] = {"protected_hours_per_month": hours}
    if teams is not None:
        sections["workforce"] = {"teams": teams}
    return sections


# fmt: off
RP05 = [
    pytest.param(champs(2, 20, 4), MET, ("2 champions in a wave of 20", "4 protected hours a month"), id="10pc-4h-met-boundary"),
    pytest.param(champs(5, 100, 6, teams=5), MET, ("5 champions for 5 teams", "6 protected hours"), id="one-per-team-met"),
    pytest.param(champs(3, 20, 8, teams=10), MET, ("3 champions for 10 teams",), id="share-enough-though-teams-not"),
    pytest.param(champs(2, 20, 3.5), PARTIAL, ("3.5 protected hours", "less than the 4 hours"), id="too-few-hours-partial"),
    pytest.param(champs(2, 20, 0), PARTIAL, ("0 protected hours", "less than the 4 hours"), id="zero-hours-partial"),
    pytest.param(champs(2, 20), PARTIAL, ("2 champions", "no protected time"), id="no-protected-time-partial"),
    pytest.param(champs(1, 20, 8), PARTIAL, ("1 champion in a wave of 20", "fewer than one per team or 10%"), id="5pc-too-few-partial"),
    pytest.param(champs(4, 100, 8, teams=5), PARTIAL, ("4 champions for 5 teams", "fewer than one per team"), id="fewer-than-teams-partial"),
    pytest.param(champs(0, 20, 8), NOT_MET, ("no champions",), id="zero-champions-not-met"),
    pytest.param(champs(None, 20, 8), NO_EVIDENCE, ("how many of the first wave become champions",), id="count-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("champions",), id="no-waves"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), RP05)
def test_rp05_champions(rubric, sections, outcome, says):
    expect(judge(rubric, "RP-05", make_plan(**sections)), outcome, *says)


@pytest.mark.parametrize(
    ("sections", "paths"),
    [
        pytest.param(
            champs(2, 20, 4),
            [(*COHORTS, 0, "champions"), ("rollout", "champions", "protected_hours_per_month")],
            id="met",
        ),
        pytest.param(champs(2, 20), [(*COHORTS, 0, "champions")], id="no-time"),
        pytest.param(champs(0, 20, 4), [(*COHORTS, 0, "champions")], id="none"),
    ],
)
def test_rp05_paths(rubric, sections, paths):
    assert judge(rubric, "RP-05", make_plan(**sections)).paths == tuple(paths)


# -- RP-06: every wave but the last has exit criteria --------------------------------------
def gated(*exits: list[str] | None, **rollout: Any) -> dict[str, Any]:
    cohorts = []
    for i, exit_list in enumerate(exits):
        extra = {} if exit_list is None else {"exit_criteria": exit_list}
        cohorts.append(cohort(f"W{i + 1}", 10, f"2027-0{i + 1}-01", **extra))
    return waves(*cohorts, **rollout)


# fmt: off
RP06 = [
    pytest.param(gated(["coached twice"], None), MET, ("The first wave sets exit criteria",), id="two-waves-met"),
    pytest.param(gated(["a"], ["b"], None), MET, ("2 of the 2 waves before the last",), id="three-waves-met"),
    pytest.param(gated(["a"], ["b"], ["c"]), MET, ("2 of the 2 waves",), id="last-too-met"),
    pytest.param(gated(["a"], None, None), PARTIAL, ("1 of the 2 waves before the last",), id="some-partial"),
    pytest.param(gated(None, ["b"], None), PARTIAL, ("1 of the 2 waves",), id="second-only-partial"),
    pytest.param(gated(None, None, None), NOT_MET, ("0 of the 2 waves", "nothing says when the next wave is ready"), id="none-not-met"),
    pytest.param(gated([], None), NOT_MET, ("The first wave does not set exit criteria",), id="empty-list-not-met"),
    pytest.param(gated(None, ["only the last"]), NOT_MET, ("The first wave does not set exit criteria",), id="only-last-not-met"),
    pytest.param(gated(None, notes="One team only: the service is small."), NOT_APPLICABLE, ("One wave only", "rollout notes say why"), id="one-wave-explained"),
    pytest.param(gated(None), NO_EVIDENCE, ("One wave only", "does not say why"), id="one-wave-unexplained"),
    pytest.param({}, NO_EVIDENCE, ("rollout.cohorts",), id="no-waves"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), RP06)
def test_rp06_exit_criteria(rubric, sections, outcome, says):
    expect(judge(rubric, "RP-06", make_plan(**sections)), outcome, *says)


@pytest.mark.parametrize(
    ("sections", "paths"),
    [
        pytest.param(
            gated(["a"], ["b"], None),
            [(*COHORTS, 0, "exit_criteria"), (*COHORTS, 1, "exit_criteria")],
            id="met",
        ),
        pytest.param(gated(None, ["b"], None), [(*COHORTS, 1, "exit_criteria")], id="partial"),
        pytest.param(gated(None, None), [COHORTS], id="not-met"),
        pytest.param(gated(None, notes="why"), [("rollout", "notes")], id="not-applicable"),
        pytest.param(gated(None), [(*COHORTS, 0)], id="one-wave-no-evidence"),
    ],
)
def test_rp06_paths(rubric, sections, paths):
    assert judge(rubric, "RP-06", make_plan(**sections)).paths == tuple(paths)


# -- RP-07: plan length (met >= 24 months, partial >= 12); the end date is inclusive -------
def period(end: str, start: str = "2027-01-01") -> dict[str, Any]:
    return {"plan": {"start": start, "end": end}}


# fmt: off
RP07 = [
    pytest.param(period("2029-12-31"), MET, ("36 months", "at least 24"), id="36-met"),
    pytest.param(period("2028-12-31"), MET, ("24 months", "at least 24"), id="24-met-boundary"),
    pytest.param(period("2029-03-14", "2027-03-15"), MET, ("24 months",), id="24-mid-month-met"),
    pytest.param(period("2028-12-30"), PARTIAL, ("23 months", "less than the 24"), id="23-partial"),
    pytest.param(period("2027-12-31"), PARTIAL, ("12 months",), id="12-partial-boundary"),
    pytest.param(period("2027-12-30"), NOT_MET, ("11 months", "less than 12", "too short"), id="11-not-met"),
    pytest.param(period("2027-01-01"), NOT_MET, ("0 months",), id="one-day-not-met"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), RP07)
def test_rp07_plan_length(rubric, sections, outcome, says):
    finding = judge(rubric, "RP-07", make_plan(**sections))
    expect(finding, outcome, *says, paths=[("plan", "start"), ("plan", "end")])


def test_rp02_a_rubric_that_allows_one_wave_does_not_crash(rubric):
    from readiness.checks.rollout import Waves, staged_waves

    plan = make_plan(rollout={"cohorts": [cohort("W1", 20, "2027-02-01")]})
    finding = staged_waves(plan, Waves(min_waves=1, min_gap_months=3), rubric.context)
    assert finding.outcome is Outcome.MET


# -- RP-01 .. RP-04: a whole-service model with a rationale and funded in-practice support ---
RATIONALE = (
    "Family Safeguarding reorganises every team around a multi-disciplinary group on one date."
)
COACHING = {"frequency": "monthly", "months": 12}
SUPERVISION = {"frequency": "fortnightly", "minutes": 90}


def whole_service(
    rationale: str | None = RATIONALE,
    model: str = "whole-service",
    standards: dict[str, Any] | None = None,
    budget: tuple[tuple[str, str], ...] = (("Group supervision", "supervision"),),
) -> dict[str, Any]:
    """Everyone starts at once (a first wave of 100 of 100, no selection, one wave), with
    fortnightly supervision unless ``standards`` says otherwise."""
    rollout: dict[str, Any] = {"model": model, "cohorts": [cohort("Everyone", 100)]}
    if rationale is not None:
        rollout["rationale"] = rationale
    lines = [{"item": item, "category": c, "amount": 300_000} for item, c in budget]
    return {
        "rollout": rollout,
        "standards": {"supervision": SUPERVISION} if standards is None else standards,
        "budget": {"lines": lines},
    }


WHOLE = "A whole-service model changes how whole teams work on one date"

# fmt: off
WHOLE_SERVICE = [
    pytest.param(whole_service(), NOT_APPLICABLE, (WHOLE, "the plan says why", "pays for coaching or supervision from the start"), id="rationale-and-funded-supervision"),
    pytest.param(whole_service(standards={"coaching": COACHING}, budget=(("Coaching", "coaching"),)), NOT_APPLICABLE, (WHOLE,), id="rationale-and-funded-coaching"),
    pytest.param(whole_service(standards={"coaching": {**COACHING, "funded_by": ["Team coaches"]}}, budget=(("Team coaches", "service-posts"),)), NOT_APPLICABLE, (WHOLE,), id="coaching-funded-by-any-support-line"),
]
# fmt: on


@pytest.mark.parametrize("cid", ["RP-01", "RP-02", "RP-03", "RP-04"])
@pytest.mark.parametrize(("sections", "outcome", "says"), WHOLE_SERVICE)
def test_whole_service_with_rationale_and_funded_support_is_not_applicable(
    rubric, cid, sections, outcome, says
):
    finding = judge(rubric, cid, make_plan(**sections))
    expect(finding, outcome, *says, paths=[("rollout", "model"), ("rollout", "rationale")])


# Judged as staged: the same everyone-at-once rollout, without one of the conditions.
STAGED = [
    pytest.param(whole_service(rationale=None), id="no-rationale"),
    pytest.param(whole_service(model="staged"), id="staged-model"),
    pytest.param(whole_service(budget=()), id="supervision-not-paid-for"),
    pytest.param(
        whole_service(standards={"supervision": {**SUPERVISION, "existing": True}}),
        id="existing-supervision",
    ),
    pytest.param(
        whole_service(
            standards={"supervision": {**SUPERVISION, "funded_by": ["Course"]}},
            budget=(("Course", "training"),),
        ),
        id="supervision-funded-by-training",
    ),
    pytest.param(
        whole_service(standards={"cpd": {"frequency": "termly"}}, budget=(("CPD", "coaching"),)),
        id="only-cpd",
    ),
    pytest.param(
        {
            **whole_service(standards={}, budget=(("Reviews", "fidelity"),)),
            "fidelity": {"purpose": "learning"},
        },
        id="only-fidelity",
    ),
]


@pytest.mark.parametrize("sections", STAGED)
def test_whole_service_without_rationale_or_funded_support_is_judged_as_staged(rubric, sections):
    plan = make_plan(**sections)
    expect(judge(rubric, "RP-01", plan), NOT_MET, "100 of 100", "system-wide rollout")
    expect(judge(rubric, "RP-02", plan), NOT_MET, "1 wave", "at least 2")
    expect(judge(rubric, "RP-03", plan), NO_EVIDENCE, "how the first wave is chosen")
    expect(judge(rubric, "RP-04", plan), NO_EVIDENCE, "whether the first wave volunteers")


def test_whole_service_does_not_excuse_champions_but_explains_its_one_wave(rubric):
    plan = make_plan(**whole_service())
    expect(judge(rubric, "RP-05", plan), NO_EVIDENCE, "champions")
    expect(judge(rubric, "RP-06", plan), NOT_APPLICABLE, "whole-service model")
