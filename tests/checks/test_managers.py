"""Lever 2, commission with service managers: SM-01 .. SM-08 against the default rubric
(rubric 2: involvement, ownership and leads need evidence: co-design sessions and roles)."""

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


# -- SM-01: co-design and shared-ownership and >= 4 of 6 kinds, with >= 2 co-design sessions
# held before the plan starts with a service manager there; partial >= 2 kinds --------------
SESSIONS = ("managers", "sessions")
FOUR = ("co-design", "shared-ownership", "identify-practitioners", "review-progress")


def session(date: str, *attendees: str) -> dict[str, Any]:
    return {"date": date, "attendees": list(attendees or ("service-manager",)), "about": "Design"}


HELD = [session("2026-09-01", "service-manager", "commissioner"), session("2026-11-15")]

# fmt: off
SM01 = [
    pytest.param(involved(*FOUR, sessions=HELD), MET, ("4 of 6 ways", "co-designing the plan", "shared ownership", "with 2 co-design sessions before the plan starts"), id="4-with-required-and-sessions-met"),
    pytest.param(involved("co-design", "identify-practitioners", "workforce-pressures", "align-expectations", "shared-ownership", "review-progress", sessions=HELD), MET, ("6 of 6 ways",), id="all-6-met"),
    pytest.param(involved(*FOUR, sessions=[*HELD, session("2026-12-01", "provider")]), MET, ("with 2 co-design sessions",), id="only-sessions-with-a-service-manager-counted"),
    pytest.param(involved(*FOUR), PARTIAL, ("4 of 6 ways", "records no co-design sessions with a service manager before it starts", "at least 2"), id="words-alone-partial"),
    pytest.param(involved(*FOUR, sessions=HELD[:1]), PARTIAL, ("records 1 co-design session",), id="one-session-partial"),
    pytest.param(involved(*FOUR, sessions=[HELD[0], session("2027-02-01")]), PARTIAL, ("records 1 co-design session",), id="session-after-start-does-not-count"),
    pytest.param(involved(*FOUR, sessions=[HELD[0], session("2027-01-01")]), PARTIAL, ("records 1 co-design session",), id="session-on-start-does-not-count"),
    pytest.param(involved(*FOUR, sessions=[session("2026-09-01", "commissioner", "provider"), session("2026-11-01", "line-manager", "practitioner")]), PARTIAL, ("records no co-design sessions",), id="sessions-without-a-service-manager-do-not-count"),
    pytest.param(involved("co-design", "identify-practitioners", "workforce-pressures", "review-progress", sessions=HELD), PARTIAL, ("4 of 6 ways", "but not shared ownership"), id="4-without-shared-ownership"),
    pytest.param(involved("identify-practitioners", "workforce-pressures", "align-expectations", "review-progress", sessions=HELD), PARTIAL, ("but not co-designing the plan or shared ownership",), id="4-without-either"),
    pytest.param(involved("co-design", "shared-ownership", "review-progress", sessions=HELD), PARTIAL, ("3 of 6 ways", "at least 4 are needed"), id="3-partial"),
    pytest.param(involved("co-design", "shared-ownership"), PARTIAL, ("2 of 6 ways",), id="2-partial-boundary"),
    pytest.param(involved("co-design", "co-design", "Shared-Ownership", "shared-ownership"), PARTIAL, ("2 of 6 ways",), id="repeats-count-once"),
    pytest.param(involved("review-progress", sessions=HELD), PARTIAL, ("1 of 6 ways", "2 co-design sessions held with service managers"), id="1-with-sessions-partial"),
    pytest.param({"managers": {"sessions": HELD}}, PARTIAL, ("0 of 6 ways", "2 co-design sessions held with service managers"), id="sessions-without-words-partial"),
    pytest.param(involved("review-progress"), NOT_MET, ("1 of 6 ways", "commissioned around them"), id="1-not-met"),
    pytest.param(involved("review-progress", sessions=[session("2027-03-01")]), NOT_MET, ("1 of 6 ways", "commissioned around them"), id="1-with-late-session-not-met"),
    pytest.param(involved(), NOT_MET, ("0 of 6 ways",), id="empty-not-met"),
]
SM01_NO_EVIDENCE = [
    pytest.param({"managers": {"leads": ["A"]}}, ("managers.involvement",), id="involvement-unsaid"),
    pytest.param({"managers": {"sessions": [session("2026-09-01", "commissioner")]}}, ("how service managers take part",), id="sessions-without-service-managers"),
    pytest.param({}, ("how service managers take part",), id="no-managers"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), SM01)
def test_sm01_manager_involvement(rubric, sections, outcome, says):
    expect(
        judge(rubric, "SM-01", make_plan(**sections)),
        outcome,
        *says,
        paths=[INVOLVEMENT, SESSIONS],
    )


@pytest.mark.parametrize(("sections", "says"), SM01_NO_EVIDENCE)
def test_sm01_no_evidence(rubric, sections, says):
    expect(judge(rubric, "SM-01", make_plan(**sections)), NO_EVIDENCE, *says, paths=[INVOLVEMENT])


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


# -- SM-05: a group meeting >= 4 times a year with members and leads, a service manager
# (by role) among each -----------------------------------------------------------------------
def governance(
    frequency: str | None = "quarterly",
    members: list[Any] | None = None,
    leads: list[Any] | None = None,
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


def sm(name: str) -> dict[str, str]:
    return {"name": name, "role": "service-manager"}


SAM, ALI = sm("Sam Okoro"), sm("Ali Demir")
TEAM = [sm("Head of service"), {"name": "Provider lead", "role": "provider"}]
BARE_TEAM = ["Head of service", "Provider lead"]

# fmt: off
SM05 = [
    pytest.param(governance("quarterly", TEAM, [SAM]), MET, ("Implementation board meets quarterly with 2 members", "1 lead named"), id="quarterly-met-boundary"),
    pytest.param(governance("monthly", TEAM, [SAM, ALI]), MET, ("meets monthly", "2 leads named"), id="monthly-met"),
    pytest.param(governance("monthly", TEAM, [SAM, "Ali Demir"]), MET, ("2 leads named",), id="one-lead-with-the-role-is-enough"),
    pytest.param(governance("quarterly", TEAM, ["Sam Okoro, Service Manager"]), PARTIAL, ("no lead is named as a service manager (role: service-manager)",), id="bare-lead-name-partial"),
    pytest.param(governance("quarterly", TEAM, [{"name": "Jo", "role": "commissioner"}]), PARTIAL, ("no lead is named as a service manager",), id="lead-in-another-role-partial"),
    pytest.param(governance("quarterly", BARE_TEAM, [SAM]), PARTIAL, ("no member of the group is named as a service manager",), id="bare-member-names-partial"),
    pytest.param(governance("quarterly", BARE_TEAM, ["Sam"]), PARTIAL, ("no lead is named as a service manager", "no member of the group is named as a service manager"), id="names-without-roles-partial"),
    pytest.param(governance("termly", TEAM, [SAM]), PARTIAL, ("meetings termly (needs quarterly or more)",), id="termly-partial"),
    pytest.param(governance("yearly", TEAM, [SAM]), PARTIAL, ("meetings yearly",), id="yearly-partial"),
    pytest.param(governance(None, TEAM, [SAM]), PARTIAL, ("meetings unstated",), id="no-cadence-partial"),
    pytest.param(governance("quarterly", None, [SAM]), PARTIAL, ("no members named",), id="no-members-partial"),
    pytest.param(governance("quarterly", [], [SAM]), PARTIAL, ("no members named",), id="empty-members-partial"),
    pytest.param(governance("quarterly", TEAM), PARTIAL, ("no service-manager leads named",), id="no-leads-partial"),
    pytest.param(governance("quarterly", TEAM, [SAM], group=None), PARTIAL, ("no named implementation group",), id="unnamed-group-partial"),
    pytest.param(governance(None, None, [SAM], group=None), PARTIAL, ("no named implementation group", "meetings unstated", "no members named"), id="leads-only-partial"),
    pytest.param(governance(None, None, [], group=None), NO_EVIDENCE, ("no implementation group and no service-manager leads",), id="empty-leads-no-evidence"),
    pytest.param({}, NO_EVIDENCE, ("no implementation group",), id="no-managers"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), SM05)
def test_sm05_governance(rubric, sections, outcome, says):
    expect(judge(rubric, "SM-05", make_plan(**sections)), outcome, *says)


def test_sm05_paths(rubric):
    finding = judge(rubric, "SM-05", make_plan(**governance("quarterly", TEAM, [SAM])))
    assert finding.paths == (("managers", "governance"), ("managers", "leads"))


# -- SM-06: signed on or before plan.start by >= 2 signatories, a service manager among them
def agreement(signed: str | None, *parties: str, signatories: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"parties": list(parties)} if parties else {}
    if signed is not None:
        body["signed"] = signed
    if signatories is not None:
        body["signatories"] = signatories
    return {"managers": {"agreement": body}}


COMMISSIONER = {"name": "Head of Commissioning", "role": "commissioner"}
SIGNED = [sm("Service Manager, Early Help"), COMMISSIONER]

# fmt: off
SM06 = [
    pytest.param(agreement("2026-11-01", signatories=SIGNED), MET, ("signed 2026-11-01 by 2 parties", "a service manager among them, before the plan starts"), id="before-start-met"),
    pytest.param(agreement("2027-01-01", signatories=[*SIGNED, {"name": "Provider", "role": "provider"}]), MET, ("signed 2027-01-01 by 3 parties",), id="on-start-met-boundary"),
    pytest.param(agreement("2026-11-01", "Council", "Provider", signatories=SIGNED), MET, ("by 2 parties", "a service manager among them"), id="signatories-are-what-counts"),
    pytest.param(agreement("2026-11-01", "Council", "Provider"), PARTIAL, ("signed 2026-11-01 by 2 parties", "does not say whether a service manager signed"), id="parties-alone-partial"),
    pytest.param(agreement("2026-11-01", "Service manager", "Commissioner", "Provider"), PARTIAL, ("by 3 parties", "managers.agreement.signatories"), id="parties-named-as-managers-partial"),
    pytest.param(agreement("2026-11-01", signatories=[COMMISSIONER, {"name": "Provider", "role": "provider"}]), PARTIAL, ("by 2 parties", "but no service manager signed it"), id="no-service-manager-partial"),
    pytest.param(agreement("2026-11-01", signatories=[sm("Service Manager")]), PARTIAL, ("by 1 party", "at least 2 are needed"), id="one-signatory-partial"),
    pytest.param(agreement("2027-01-02", signatories=SIGNED), PARTIAL, ("signed 2027-01-02", "after the plan starts (2027-01-01)"), id="day-after-start-partial"),
    pytest.param(agreement("2029-12-31", signatories=SIGNED), PARTIAL, ("after the plan starts",), id="on-end-partial"),
    pytest.param(agreement("2026-11-01", "Council"), PARTIAL, ("by 1 party", "at least 2 are needed"), id="one-party-partial"),
    pytest.param(agreement("2026-11-01"), PARTIAL, ("by 0 parties", "at least 2"), id="no-parties-partial"),
    pytest.param(agreement("2030-01-01", signatories=SIGNED), NOT_MET, ("after the plan ends (2029-12-31)",), id="after-end-not-met"),
    pytest.param(agreement("2030-01-01", "Council", "Provider"), NOT_MET, ("after the plan ends",), id="parties-after-end-not-met"),
    pytest.param(agreement(None, signatories=SIGNED), NO_EVIDENCE, ("no signed agreement", "managers.agreement"), id="unsigned"),
    pytest.param({}, NO_EVIDENCE, ("no signed agreement",), id="no-managers"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), SM06)
def test_sm06_agreement(rubric, sections, outcome, says):
    expect(judge(rubric, "SM-06", make_plan(**sections)), outcome, *says)


def test_sm06_paths(rubric):
    base = ("managers", "agreement")
    signed = judge(rubric, "SM-06", make_plan(**agreement("2026-11-01", signatories=SIGNED)))
    assert signed.paths == ((*base, "signed"), (*base, "signatories"))
    parties = judge(rubric, "SM-06", make_plan(**agreement("2026-11-01", "A", "B")))
    assert parties.paths == ((*base, "signed"), (*base, "parties"))
    assert judge(rubric, "SM-06", make_plan()).paths == ((*base, "signed"),)


# -- SM-07: a named implementation lead with >= 30 hours a month ---------------------------
def lead(hours: float | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"name": "Priya Shah", "role": "service-manager", **extra}
    if hours is not None:
        body["hours_per_month"] = hours
    return {"implementation": {"lead": body}}


LEAD = ("implementation", "lead")

# fmt: off
SM07 = [
    pytest.param(lead(60), MET, ("Priya Shah leads the implementation with 60 hours a month.",), [(*LEAD, "hours_per_month")], id="60-hours-met"),
    pytest.param(lead(30), MET, ("with 30 hours a month.",), [(*LEAD, "hours_per_month")], id="30-hours-met-boundary"),
    pytest.param(lead(29.5), PARTIAL, ("29.5 hours a month", "less than the 30 the role needs"), [(*LEAD, "hours_per_month")], id="29.5-hours-partial"),
    pytest.param(lead(), PARTIAL, ("Priya Shah leads the implementation", "does not say how many hours"), [LEAD], id="hours-unsaid-partial"),
    pytest.param({"implementation": {"team": ["A", {"name": "B", "role": "provider"}]}}, PARTIAL, ("an implementation team of 2 but no lead",), [("implementation", "team")], id="team-without-lead-partial"),
    pytest.param({"implementation": {"team": []}}, NOT_MET, ("names no implementation lead and no team",), [LEAD], id="empty-team-not-met"),
    pytest.param({}, NO_EVIDENCE, ("names no implementation lead (implementation.lead)",), [LEAD], id="no-section"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says", "paths"), SM07)
def test_sm07_implementation_lead(rubric, sections, outcome, says, paths):
    expect(judge(rubric, "SM-07", make_plan(**sections)), outcome, *says, paths=paths)


def test_sm07_a_section_that_names_neither_lead_nor_team_is_not_met(rubric):
    # The judged text: "not met when the implementation section names neither. Not written
    # down when the plan has no implementation section."
    plan = make_plan(implementation={"notes": "A lead will be appointed in year one."})
    expect(judge(rubric, "SM-07", plan), NOT_MET, "no implementation lead")


# -- SM-08: people with lived experience shape the plan, say how, and are paid -------------
def co_produced(*who: str, how: str | None = None, paid: float | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"with": list(who)}
    if how is not None:
        body["how"] = how
    sections: dict[str, Any] = {"co_production": body}
    if paid is not None:
        sections["budget"] = {
            "lines": [
                {"item": "Course", "category": "training", "amount": 20000},
                {"item": "Young advisers' time", "category": "lived-experience", "amount": paid},
            ]
        }
    return sections


HOW = "The young people's advisory group reviews each wave's plan and its measures."
WITH = ("co_production", "with")

# fmt: off
SM08 = [
    pytest.param(co_produced("children-young-people", "parents-carers", how=HOW, paid=4000), MET, ("Children and young people and parents and carers shape the plan, and their time is paid for.",), [WITH, ("budget", "lines", 1)], id="who-how-paid-met"),
    pytest.param(co_produced("care-experienced-adults", how=HOW), PARTIAL, ("shape the plan", "nothing in the budget pays for their time (a lived-experience line)"), [WITH], id="unpaid-partial"),
    pytest.param(co_produced("care-experienced-adults", how=HOW, paid=0), PARTIAL, ("nothing in the budget pays for their time",), [WITH], id="zero-line-partial"),
    pytest.param(co_produced("parents-carers", paid=4000), PARTIAL, ("does not say how (co_production.how)",), [WITH, ("budget", "lines", 1)], id="paid-without-how-partial"),
    pytest.param(co_produced("parents-carers"), PARTIAL, ("does not say how",), [WITH], id="who-only-partial"),
    pytest.param(co_produced(how=HOW, paid=4000), NOT_MET, ("names no one with lived experience who shapes it",), [("co_production",)], id="empty-list-not-met"),
    pytest.param({"co_production": {"notes": "To follow."}}, NO_EVIDENCE, ("how people with lived experience shape it",), [("co_production",)], id="notes-only"),
    pytest.param({}, NO_EVIDENCE, ("co_production",), [("co_production",)], id="no-section"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says", "paths"), SM08)
def test_sm08_co_production(rubric, sections, outcome, says, paths):
    expect(judge(rubric, "SM-08", make_plan(**sections)), outcome, *says, paths=paths)


def test_sm08_how_and_payment_without_the_list_is_only_partly_met(rubric):
    # The judged text: "partly met with only some of these; not met when the list of who
    # shapes it is empty". A plan that says how and pays, but gives no list, has some of them.
    plan = make_plan(
        co_production={"how": HOW},
        budget={"lines": [{"item": "Advisers", "category": "lived-experience", "amount": 4000}]},
    )
    expect(judge(rubric, "SM-08", plan), PARTIAL, "co_production.with")
