"""Lever 2, commission with service managers: SM-01 .. SM-06 against the default rubric."""

from __future__ import annotations

from typing import Any

import pytest

from readiness.outcomes import Outcome

from .helpers import expect, judge, make_plan

MET, PARTIAL, NOT_MET, NO_EVIDENCE = (
    Outcome.MET,
    Outcome.PARTIAL,
    Outcome.NOT_MET,
    Outcome.NO_EVIDENCE,
)
INVOLVEMENT = ("managers", "involvement")


def involved(*kinds: str, **managers: Any) -> dict[str, Any]:
    return {"managers": {"involvement": list(kinds), **managers}}


# -- SM-01: co-design and shared-ownership and >= 4 of 6 kinds; partial >= 2 --------------
# fmt: off
SM01 = [
    pytest.param(involved("co-design", "shared-ownership", "identify-practitioners", "review-progress"), MET, ("4 of 6 ways", "co-designing the plan", "shared ownership"), id="4-with-required-met"),
    pytest.param(involved("co-design", "identify-practitioners", "workforce-pressures", "align-expectations", "shared-ownership", "review-progress"), MET, ("6 of 6 ways",), id="all-6-met"),
    pytest.param(involved("co-design", "identify-practitioners", "workforce-pressures", "review-progress"), PARTIAL, ("4 of 6 ways", "but not shared ownership"), id="4-without-shared-ownership"),
    pytest.param(involved("identify-practitioners", "workforce-pressures", "align-expectations", "review-progress"), PARTIAL, ("but not co-designing the plan or shared ownership",), id="4-without-either"),
    pytest.param(involved("co-design", "shared-ownership", "review-progress"), PARTIAL, ("3 of 6 ways", "at least 4 are needed"), id="3-partial"),
    pytest.param(involved("co-design", "shared-ownership"), PARTIAL, ("2 of 6 ways",), id="2-partial-boundary"),
    pytest.param(involved("co-design", "co-design", "Shared-Ownership", "shared-ownership"), PARTIAL, ("2 of 6 ways",), id="repeats-count-once"),
    pytest.param(involved("review-progress"), NOT_MET, ("1 of 6 ways", "commissioned around them"), id="1-not-met"),
    pytest.param(involved(), NOT_MET, ("0 of 6 ways",), id="empty-not-met"),
    pytest.param({"managers": {"leads": ["A"]}}, NO_EVIDENCE, ("managers.involvement",), id="involvement-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("how service managers take part",), id="no-managers"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), SM01)
def test_sm01_manager_involvement(rubric, sections, outcome, says):
    expect(judge(rubric, "SM-01", make_plan(**sections)), outcome, *says, paths=[INVOLVEMENT])


# -- SM-02: identify-practitioners involvement and a practice_mapping text -----------------
MAPPING = "Managers listed practitioners who already work relationally."

# fmt: off
SM02 = [
    pytest.param(involved("identify-practitioners", practice_mapping=MAPPING), MET, ("help identify practitioners", "says how they were found"), id="both-met"),
    pytest.param(involved("identify-practitioners"), PARTIAL, ("does not say how", "managers.practice_mapping"), id="involvement-only"),
    pytest.param(involved("co-design", practice_mapping=MAPPING), PARTIAL, ("not listed as identifying them",), id="mapping-only"),
    pytest.param({"managers": {"practice_mapping": MAPPING}}, PARTIAL, ("not listed as identifying them",), id="mapping-involvement-unsaid"),
    pytest.param(involved("co-design"), NOT_MET, ("do not help identify",), id="neither-not-met"),
    pytest.param(involved(), NOT_MET, ("do not help identify",), id="empty-not-met"),
    pytest.param({"managers": {"leads": ["A"]}}, NO_EVIDENCE, ("who identifies the practitioners",), id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("who identifies",), id="no-managers"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), SM02)
def test_sm02_practice_mapping(rubric, sections, outcome, says):
    expect(judge(rubric, "SM-02", make_plan(**sections)), outcome, *says)


@pytest.mark.parametrize(
    ("sections", "paths"),
    [
        pytest.param(
            involved("identify-practitioners", practice_mapping=MAPPING),
            [INVOLVEMENT, ("managers", "practice_mapping")],
            id="met",
        ),
        pytest.param({}, [("managers", "practice_mapping")], id="no-evidence"),
    ],
)
def test_sm02_paths(rubric, sections, paths):
    assert judge(rubric, "SM-02", make_plan(**sections)).paths == tuple(paths)


# -- SM-03: workforce-pressures involvement and >= 3 of the 4 pressure figures -------------
FIGURES = {"caseload_average": 18, "vacancy_rate": 12, "turnover_rate": "15%", "sickness_rate": 4.5}


def pressures(count: int, *kinds: str) -> dict[str, Any]:
    figures = dict(list(FIGURES.items())[:count])
    sections: dict[str, Any] = {"workforce": {"pressures": figures}} if count else {}
    if kinds:
        sections["managers"] = {"involvement": list(kinds)}
    return sections


# fmt: off
SM03 = [
    pytest.param(pressures(4, "workforce-pressures"), MET, ("Managers help weigh", "4 of 4 pressure figures"), id="4-figures-met"),
    pytest.param(pressures(3, "workforce-pressures"), MET, ("3 of 4 pressure figures",), id="3-figures-met-boundary"),
    pytest.param(pressures(2, "workforce-pressures"), PARTIAL, ("Managers help weigh", "2 of 4 pressure figures"), id="2-figures-partial"),
    pytest.param(pressures(0, "workforce-pressures"), PARTIAL, ("0 of 4 pressure figures",), id="involved-no-figures"),
    pytest.param(pressures(4, "co-design"), PARTIAL, ("Managers are not asked about", "4 of 4"), id="figures-not-involved"),
    pytest.param(pressures(1), PARTIAL, ("does not say whether managers help weigh", "1 of 4 pressure figures"), id="figures-involvement-unsaid"),
    pytest.param(pressures(0, "co-design"), NOT_MET, ("not weighed with managers", "no figures"), id="neither-not-met"),
    pytest.param({}, NO_EVIDENCE, ("caseloads, vacancies",), id="unsaid"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), SM03)
def test_sm03_workforce_pressures(rubric, sections, outcome, says):
    expect(judge(rubric, "SM-03", make_plan(**sections)), outcome, *says)


def test_sm03_paths(rubric):
    finding = judge(rubric, "SM-03", make_plan(**pressures(3, "workforce-pressures")))
    assert finding.paths == (INVOLVEMENT, ("workforce", "pressures"))
    unsaid = judge(rubric, "SM-03", make_plan())
    assert unsaid.paths == (("workforce", "pressures"),)


# -- SM-04: protected time > 0 hours a month and backfill funded ---------------------------
def protected(
    hours: float | None = None, backfill: float | None = None, *lines: tuple[str, float]
) -> dict[str, Any]:
    sections: dict[str, Any] = {}
    time = {k: v for k, v in (("hours_per_month", hours), ("backfill", backfill)) if v is not None}
    if time:
        sections["managers"] = {"protected_time": time}
    if lines:
        sections["budget"] = {"lines": [{"item": c, "category": c, "amount": a} for c, a in lines]}
    return sections


# fmt: off
SM04 = [
    pytest.param(protected(8, 20000), MET, ("8 protected hours a month", "cover is funded"), id="time-and-backfill-met"),
    pytest.param(protected(8, None, ("training", 5000), ("backfill", 3000)), MET, ("8 protected hours", "cover is funded"), id="backfill-budget-line-met"),
    pytest.param(protected(0.5, 100), MET, ("0.5 protected hours",), id="just-over-0-met"),
    pytest.param(protected(8), PARTIAL, ("8 protected hours", "no backfill is funded"), id="time-only"),
    pytest.param(protected(8, 0), PARTIAL, ("no backfill is funded",), id="backfill-zero"),
    pytest.param(protected(8, None, ("backfill", 0)), PARTIAL, ("no backfill is funded",), id="backfill-line-zero"),
    pytest.param(protected(0, 20000), PARTIAL, ("no protected time", "cover is funded"), id="0-hours-backfill-partial"),
    pytest.param(protected(None, None, ("backfill", 3000)), PARTIAL, ("no protected time", "cover is funded"), id="budget-backfill-only"),
    pytest.param(protected(0), NOT_MET, ("no protected time", "no backfill is funded"), id="0-hours-not-met"),
    pytest.param(protected(0, 0, ("training", 5000)), NOT_MET, ("no protected time; no backfill",), id="nothing-funded-not-met"),
    pytest.param(protected(None, None, ("training", 5000)), NO_EVIDENCE, ("protected time",), id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("pay for cover",), id="no-managers"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), SM04)
def test_sm04_protected_time(rubric, sections, outcome, says):
    expect(judge(rubric, "SM-04", make_plan(**sections)), outcome, *says)


def test_sm04_paths_include_backfill_budget_lines(rubric):
    plan = make_plan(**protected(8, None, ("training", 5000), ("backfill", 3000)))
    assert judge(rubric, "SM-04", plan).paths == (
        ("managers", "protected_time"),
        ("budget", "lines", 1),
    )


# -- SM-05: a group meeting >= 4 times a year with members, and named leads ----------------
def governance(
    frequency: str | None = "quarterly",
    members: list[str] | None = None,
    leads: list[str] | None = None,
    group: str | None = "Implementation board",
) -> dict[str, Any]:
    body = {
        k: v
        for k, v in (("group", group), ("frequency", frequency), ("members", members))
        if v is not None
    }
    managers: dict[str, Any] = {"governance": body} if body else {}
    if leads is not None:
        managers["leads"] = leads
    return {"managers": managers}


TEAM = ["Head of service", "Provider lead"]

# fmt: off
SM05 = [
    pytest.param(governance("quarterly", TEAM, ["Sam"]), MET, ("Implementation board meets quarterly with 2 members", "1 lead named"), id="quarterly-met-boundary"),
    pytest.param(governance("monthly", TEAM, ["Sam", "Ali"]), MET, ("meets monthly", "2 leads named"), id="monthly-met"),
    pytest.param(governance("termly", TEAM, ["Sam"]), PARTIAL, ("meetings termly (needs quarterly or more)",), id="termly-partial"),
    pytest.param(governance("yearly", TEAM, ["Sam"]), PARTIAL, ("meetings yearly",), id="yearly-partial"),
    pytest.param(governance(None, TEAM, ["Sam"]), PARTIAL, ("meetings unstated",), id="no-cadence-partial"),
    pytest.param(governance("quarterly", None, ["Sam"]), PARTIAL, ("no members named",), id="no-members-partial"),
    pytest.param(governance("quarterly", [], ["Sam"]), PARTIAL, ("no members named",), id="empty-members-partial"),
    pytest.param(governance("quarterly", TEAM), PARTIAL, ("no service-manager leads named",), id="no-leads-partial"),
    pytest.param(governance("quarterly", TEAM, ["Sam"], group=None), PARTIAL, ("no named implementation group",), id="unnamed-group-partial"),
    pytest.param(governance(None, None, ["Sam"], group=None), PARTIAL, ("no named implementation group", "meetings unstated", "no members named"), id="leads-only-partial"),
    pytest.param(governance(None, None, [], group=None), NO_EVIDENCE, ("no implementation group and no service-manager leads",), id="empty-leads-no-evidence"),
    pytest.param({}, NO_EVIDENCE, ("no implementation group",), id="no-managers"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), SM05)
def test_sm05_governance(rubric, sections, outcome, says):
    expect(judge(rubric, "SM-05", make_plan(**sections)), outcome, *says)


def test_sm05_paths(rubric):
    finding = judge(rubric, "SM-05", make_plan(**governance("quarterly", TEAM, ["Sam"])))
    assert finding.paths == (("managers", "governance"), ("managers", "leads"))


# -- SM-06: agreement signed on or before plan.start by >= 2 parties -----------------------
def agreement(signed: str | None, *parties: str) -> dict[str, Any]:
    body: dict[str, Any] = {"parties": list(parties)} if parties else {}
    if signed is not None:
        body["signed"] = signed
    return {"managers": {"agreement": body}}


# fmt: off
SM06 = [
    pytest.param(agreement("2026-11-01", "Council", "Provider"), MET, ("signed 2026-11-01 by 2 parties", "before the plan starts"), id="before-start-met"),
    pytest.param(agreement("2027-01-01", "Council", "Provider", "NHS"), MET, ("signed 2027-01-01 by 3 parties",), id="on-start-met-boundary"),
    pytest.param(agreement("2027-01-02", "Council", "Provider"), PARTIAL, ("signed 2027-01-02", "after the plan starts (2027-01-01)"), id="day-after-start-partial"),
    pytest.param(agreement("2029-12-31", "Council", "Provider"), PARTIAL, ("after the plan starts",), id="on-end-partial"),
    pytest.param(agreement("2026-11-01", "Council"), PARTIAL, ("by 1 party", "at least 2 are needed"), id="one-party-partial"),
    pytest.param(agreement("2026-11-01"), PARTIAL, ("by 0 parties", "at least 2"), id="no-parties-partial"),
    pytest.param(agreement("2030-01-01", "Council", "Provider"), NOT_MET, ("after the plan ends (2029-12-31)",), id="after-end-not-met"),
    pytest.param(agreement(None, "Council", "Provider"), NO_EVIDENCE, ("no signed agreement", "managers.agreement"), id="unsigned"),
    pytest.param({}, NO_EVIDENCE, ("no signed agreement",), id="no-managers"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), SM06)
def test_sm06_agreement(rubric, sections, outcome, says):
    expect(judge(rubric, "SM-06", make_plan(**sections)), outcome, *says)


def test_sm06_paths(rubric):
    signed = judge(rubric, "SM-06", make_plan(**agreement("2026-11-01", "A", "B")))
    assert signed.paths == (
        ("managers", "agreement", "signed"),
        ("managers", "agreement", "parties"),
    )
    assert judge(rubric, "SM-06", make_plan()).paths == (("managers", "agreement", "signed"),)
