"""Lever 3, embed professional standards: PS-01 .. PS-12 against the default rubric."""

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
SUPERVISION = ("standards", "supervision")
MEASURES = ("standards", "outcome_measures")


# -- PS-01: every material cites evidence and was reviewed <= 3 years before plan.start ----
def material(
    name: str = "Core deck", reviewed: str | None = "2025-06-01", evidence: str | None = "NICE NG26"
) -> dict[str, Any]:
    item: dict[str, Any] = {"name": name}
    if reviewed is not None:
        item["reviewed"] = reviewed
    if evidence is not None:
        item["evidence"] = evidence
    return item


def materials(*items: dict[str, Any]) -> dict[str, Any]:
    return {"training": {"materials": list(items)}}


# fmt: off
PS01 = [
    pytest.param(materials(material()), MET, ("1 of 1 material cite evidence", "in the 3 years before the plan starts"), id="one-current-met"),
    pytest.param(materials(material(reviewed="2024-01-01")), MET, ("1 of 1 material",), id="exactly-3-years-met-boundary"),
    pytest.param(materials(material(), material("Workbook", "2026-12-01")), MET, ("2 of 2 materials",), id="two-current-met"),
    pytest.param(materials(material(), material("Old deck", "2019-05-01")), PARTIAL, ("1 of 2 materials", "not yet: Old deck"), id="one-stale-partial"),
    pytest.param(materials(material(), material("No source", evidence=None)), PARTIAL, ("1 of 2 materials", "not yet: No source"), id="one-without-evidence-partial"),
    pytest.param(materials(material(reviewed="2023-12-31")), NOT_MET, ("0 of 1 material", "not yet: Core deck"), id="3-years-and-a-day-not-met"),
    pytest.param(materials(material(reviewed=None)), NOT_MET, ("0 of 1 material",), id="review-date-unsaid-not-met"),
    pytest.param(materials(material(evidence=None)), NOT_MET, ("0 of 1 material",), id="no-evidence-cited-not-met"),
    pytest.param(materials(), NO_EVIDENCE, ("does not list the training materials",), id="empty-list"),
    pytest.param({"training": {"days": 3}}, NO_EVIDENCE, ("training materials",), id="materials-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("training materials",), id="no-training"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), PS01)
def test_ps01_materials(rubric, sections, outcome, says):
    expect(judge(rubric, "PS-01", make_plan(**sections)), outcome, *says)


def test_ps01_paths_name_every_material(rubric):
    plan = make_plan(**materials(material(), material("Old deck", "2019-05-01")))
    paths = judge(rubric, "PS-01", plan).paths
    assert paths == (("training", "materials", 0), ("training", "materials", 1))


def test_ps01_review_age_is_measured_from_plan_start(rubric):
    plan = make_plan(
        plan={"start": "2030-01-01", "end": "2032-12-31"},
        **materials(material(reviewed="2026-12-31")),
    )
    expect(judge(rubric, "PS-01", plan), NOT_MET, "0 of 1 material")


# -- PS-02: supervision at least monthly, >= 90 minutes; partial >= 6 a year ---------------
def supervision(frequency: str | None, minutes: int | None = None, **extra: Any) -> dict[str, Any]:
    body = {k: v for k, v in (("frequency", frequency), ("minutes", minutes)) if v is not None}
    return {"standards": {"supervision": {**body, **extra}}}


# fmt: off
PS02 = [
    pytest.param(supervision("monthly", 90), MET, ("Supervision monthly for 90 minutes.",), id="monthly-90-met-boundary"),
    pytest.param(supervision("fortnightly", 120), MET, ("fortnightly for 120 minutes",), id="fortnightly-met"),
    pytest.param(supervision("monthly", 89), PARTIAL, ("monthly for 89 minutes", "at least monthly for 90 minutes"), id="monthly-89-partial"),
    pytest.param(supervision("weekly"), PARTIAL, ("weekly, length unstated",), id="length-unstated-partial"),
    pytest.param(supervision("six-weekly", 90), PARTIAL, ("every six weeks for 90 minutes", "at least monthly"), id="six-weekly-partial"),
    pytest.param(supervision("bi-monthly", 120), PARTIAL, ("every two months",), id="bi-monthly-partial-boundary"),
    pytest.param(supervision("bi-monthly", 30), PARTIAL, ("every two months for 30 minutes",), id="bi-monthly-short-partial"),
    pytest.param(supervision("quarterly", 120), NOT_MET, ("quarterly for 120 minutes", "at least monthly for 90 minutes"), id="quarterly-not-met"),
    pytest.param(supervision("yearly", 90), NOT_MET, ("yearly",), id="yearly-not-met"),
    pytest.param(supervision("none"), NOT_MET, ("Supervision never",), id="never-not-met"),
    pytest.param(supervision(None, 90), NO_EVIDENCE, ("how often practitioners get supervision",), id="frequency-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("supervision",), id="no-standards"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), PS02)
def test_ps02_supervision(rubric, sections, outcome, says):
    expect(judge(rubric, "PS-02", make_plan(**sections)), outcome, *says)


def test_ps02_paths(rubric):
    finding = judge(rubric, "PS-02", make_plan(**supervision("monthly", 90)))
    assert finding.paths == ((*SUPERVISION, "frequency"), (*SUPERVISION, "minutes"))
    assert judge(rubric, "PS-02", make_plan()).paths == ((*SUPERVISION, "frequency"),)


# -- PS-03: supervision types include reflective or clinical (no partial) -----------------
def types(*kinds: str) -> dict[str, Any]:
    return {"standards": {"supervision": {"types": list(kinds)}}}


# fmt: off
PS03 = [
    pytest.param(types("reflective"), MET, ("Supervision is reflective.",), id="reflective-met"),
    pytest.param(types("case-management", "clinical"), MET, ("case management and clinical",), id="clinical-met"),
    pytest.param(types("Reflective", "clinical"), MET, ("reflective and clinical",), id="any-case-met"),
    pytest.param(types("case-management"), NOT_MET, ("case management", "not reflective or clinical"), id="case-management-not-met"),
    pytest.param(types(), NOT_MET, ("No kind of supervision is named",), id="empty-not-met"),
    pytest.param(supervision("monthly", 90), NO_EVIDENCE, ("what kind of supervision",), id="types-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("what kind of supervision",), id="no-standards"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), PS03)
def test_ps03_supervision_types(rubric, sections, outcome, says):
    expect(
        judge(rubric, "PS-03", make_plan(**sections)),
        outcome,
        *says,
        paths=[(*SUPERVISION, "types")],
    )


# -- PS-04: coaching at least monthly for >= 6 months --------------------------------------
def coaching(frequency: str | None, months: int | None = None) -> dict[str, Any]:
    body = {k: v for k, v in (("frequency", frequency), ("months", months)) if v is not None}
    return {"standards": {"coaching": body}}


# fmt: off
PS04 = [
    pytest.param(coaching("monthly", 6), MET, ("Practitioners get coaching monthly for 6 months.",), id="monthly-6-met-boundary"),
    pytest.param(coaching("fortnightly", 12), MET, ("fortnightly for 12 months",), id="fortnightly-12-met"),
    pytest.param(coaching("monthly", 5), PARTIAL, ("monthly for 5 months", "at least monthly for 6 months"), id="monthly-5-partial"),
    pytest.param(coaching("six-weekly", 12), PARTIAL, ("every six weeks for 12 months", "at least monthly"), id="six-weekly-partial"),
    pytest.param(coaching("quarterly", 24), PARTIAL, ("quarterly for 24 months",), id="quarterly-partial"),
    pytest.param(coaching("monthly"), PARTIAL, ("coaching monthly;",), id="months-unsaid-partial"),
    pytest.param(coaching("none", 12), NOT_MET, ("coaching never",), id="never-not-met"),
    pytest.param(coaching("monthly", 0), NOT_MET, ("for 0 months",), id="0-months-not-met"),
    pytest.param(coaching(None, 12), NO_EVIDENCE, ("practitioners no coaching",), id="frequency-unsaid"),
    pytest.param({"line_managers": {"coaching": {"frequency": "monthly", "months": 12}}}, NO_EVIDENCE, ("practitioners no coaching",), id="only-line-managers-coached"),
    pytest.param({}, NO_EVIDENCE, ("no coaching",), id="no-standards"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), PS04)
def test_ps04_coaching(rubric, sections, outcome, says):
    expect(
        judge(rubric, "PS-04", make_plan(**sections)),
        outcome,
        *says,
        paths=[("standards", "coaching")],
    )


# -- PS-05: CPD at least twice a year; yearly partial --------------------------------------
def cpd(frequency: str | None, hours: float | None = None) -> dict[str, Any]:
    body = {k: v for k, v in (("frequency", frequency), ("hours_per_year", hours)) if v is not None}
    return {"standards": {"cpd": body}}


# fmt: off
PS05 = [
    pytest.param(cpd("six-monthly"), MET, ("Continuing professional development (CPD) every six months.",), id="six-monthly-met-boundary"),
    pytest.param(cpd("termly"), MET, ("Continuing professional development (CPD) termly",), id="termly-met"),
    pytest.param(cpd("monthly", 20), MET, ("Continuing professional development (CPD) monthly (20 hours a year)",), id="monthly-with-hours-met"),
    pytest.param(cpd("yearly", 7.5), PARTIAL, ("Continuing professional development (CPD) yearly (7.5 hours a year)", "at least every six months"), id="yearly-partial"),
    pytest.param(cpd("once"), NOT_MET, ("Continuing professional development (CPD) once only", "one-off"), id="once-not-met"),
    pytest.param(cpd(None, 20), NO_EVIDENCE, ("how often there is ongoing CPD",), id="frequency-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("CPD",), id="no-standards"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), PS05)
def test_ps05_cpd(rubric, sections, outcome, says):
    expect(judge(rubric, "PS-05", make_plan(**sections)), outcome, *says)


def test_ps05_reads_cpd_frequency(rubric):
    assert judge(rubric, "PS-05", make_plan(**cpd("yearly"))).paths == (
        ("standards", "cpd", "frequency"),
    )


def test_ps05_no_cpd_at_all_is_not_called_a_one_off(rubric):
    # "none" means no CPD ever; the reason must not describe it as a one-off event.
    finding = judge(rubric, "PS-05", make_plan(**cpd("none")))
    expect(finding, NOT_MET, "Continuing professional development (CPD) never")
    assert "one-off" not in finding.reason, finding.reason


# -- PS-06: a measure with baseline and a follow-up >= 3 months ----------------------------
def measures(
    *items: tuple[str, list[str] | None]
    | tuple[str, list[str] | None, str | None]
    | tuple[str, list[str] | None, str | None, str],
) -> dict[str, Any]:
    """Outcome measures as (name, timepoints[, about[, kind]])."""
    out = []
    for item in items:
        entry: dict[str, Any] = {"name": item[0]}
        if item[1] is not None:
            entry["timepoints"] = item[1]
        if len(item) > 2 and item[2] is not None:
            entry["about"] = item[2]
        if len(item) > 3:
            entry["kind"] = item[3]
        out.append(entry)
    return {"standards": {"outcome_measures": out}}


SURVEY = ("Staff confidence survey", ["baseline", "6 months"], "practitioners", "satisfaction")


# fmt: off
PS06 = [
    pytest.param(measures(("SDQ", ["baseline", "6 months"])), MET, ("SDQ has a baseline and a follow-up at least 3 months on",), id="6-months-met"),
    pytest.param(measures(("SDQ", ["baseline", "3 months"])), MET, ("SDQ has",), id="3-months-met-boundary"),
    pytest.param(measures(("SDQ", ["baseline", "13 weeks"])), MET, ("SDQ has",), id="13-weeks-met-boundary"),
    pytest.param(measures(("SDQ", ["Baseline", "1 year"])), MET, ("SDQ has",), id="1-year-met"),
    pytest.param(measures(("SDQ", ["baseline", "6 months"]), ("RCADS", ["baseline", "12 months"])), MET, ("SDQ and RCADS have",), id="two-met"),
    pytest.param(measures(("SDQ", ["baseline", "2 months"])), PARTIAL, ("1 measure, none with a baseline and a follow-up",), id="2-months-partial"),
    pytest.param(measures(("SDQ", ["baseline", "12 weeks"])), PARTIAL, ("none with",), id="12-weeks-partial"),
    pytest.param(measures(("SDQ", ["6 months", "12 months"])), PARTIAL, ("none with",), id="no-baseline-partial"),
    pytest.param(measures(("SDQ", ["baseline"]), ("ProQOL", None)), PARTIAL, ("2 measures, none with",), id="no-follow-up-partial"),
    pytest.param(measures(("SDQ", ["baseline", "6 months"], None, "outcome")), MET, ("SDQ has",), id="kind-outcome-met"),
    pytest.param(measures(("Case audit score", ["baseline", "6 months"], None, "practice")), MET, ("Case audit score has",), id="kind-practice-met"),
    pytest.param(measures(SURVEY, ("SDQ", ["baseline", "6 months"])), MET, ("SDQ has a baseline", "Staff confidence survey is a satisfaction survey"), id="survey-left-out-met"),
    pytest.param(measures(SURVEY, ("SDQ", ["baseline"])), PARTIAL, ("1 measure, none with", "Staff confidence survey is a satisfaction survey"), id="survey-left-out-partial"),
    pytest.param(measures(SURVEY), NOT_MET, ("The plan has no outcome measures", "Staff confidence survey is a satisfaction survey: how people feel about the work, not its outcome"), id="survey-alone-not-met"),
    pytest.param(measures(SURVEY, ("Family feedback", ["baseline", "12 months"], None, "satisfaction")), NOT_MET, ("Staff confidence survey and Family feedback are satisfaction surveys",), id="two-surveys-not-met"),
    pytest.param(measures(), NOT_MET, ("The plan has no outcome measures.",), id="empty-not-met"),
    pytest.param({"standards": {"cpd": {"frequency": "yearly"}}}, NO_EVIDENCE, ("no outcome measures",), id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("no outcome measures",), id="no-standards"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), PS06)
def test_ps06_measure_timepoints(rubric, sections, outcome, says):
    expect(judge(rubric, "PS-06", make_plan(**sections)), outcome, *says)


@pytest.mark.parametrize(
    ("sections", "paths"),
    [
        pytest.param(
            measures(("Local", ["baseline"]), ("SDQ", ["baseline", "6 months"])),
            [(*MEASURES, 1)],
            id="met-names-the-measure",
        ),
        pytest.param(
            measures(("A", ["baseline"]), ("B", ["6 months"])),
            [(*MEASURES, 0, "timepoints"), (*MEASURES, 1, "timepoints")],
            id="partial-reads-timepoints",
        ),
        pytest.param(
            measures(SURVEY, ("A", ["baseline"])),
            [(*MEASURES, 1, "timepoints")],
            id="partial-skips-the-survey",
        ),
        pytest.param(
            measures(SURVEY, ("SDQ", ["baseline", "6 months"])),
            [(*MEASURES, 1)],
            id="met-keeps-its-place-in-the-list",
        ),
    ],
)
def test_ps06_paths(rubric, sections, paths):
    assert judge(rubric, "PS-06", make_plan(**sections)).paths == tuple(paths)


# -- PS-07: a children-and-families measure with baseline and follow-up --------------------
CF = "children-families"
PREPOST = ["baseline", "6 months"]

# fmt: off
PS07 = [
    pytest.param(measures(("SDQ", PREPOST, CF)), MET, ("SDQ measures children and families before and after",), id="sdq-met"),
    pytest.param(measures(("Our wellbeing survey", PREPOST, CF)), MET, ("Our wellbeing survey measures children",), id="unknown-instrument-met"),
    pytest.param(measures(("ProQOL", PREPOST, "practitioners"), ("RCADS", ["baseline", "3 months"], CF)), MET, ("RCADS measures children",), id="second-measure-met"),
    pytest.param(measures(("SDQ", ["baseline"], CF)), PARTIAL, ("SDQ measures children and families but lacks a baseline or a follow-up",), id="no-follow-up-partial"),
    pytest.param(measures(("SDQ", ["3 months"], CF)), PARTIAL, ("lacks a baseline or a follow-up",), id="no-baseline-partial"),
    pytest.param(measures(("SDQ", ["baseline", "2 months"], CF)), PARTIAL, ("lacks",), id="follow-up-too-soon-partial"),
    pytest.param(measures(("ProQOL", PREPOST, CF)), NOT_MET, ("No measure of outcomes for children and families", "ProQOL measures staff wellbeing", "not child outcomes"), id="proqol-misfiled-not-met"),
    pytest.param(measures(("TICOMETER", PREPOST, CF)), NOT_MET, ("TICOMETER measures the organisation, not child outcomes",), id="organisation-misfiled"),
    pytest.param(measures(("ProQOL", PREPOST, "practitioners")), NOT_MET, ("No measure of outcomes for children and families",), id="staff-measure-not-met"),
    pytest.param(measures(("Parent satisfaction", PREPOST, CF, "satisfaction")), NOT_MET, ("No measure of outcomes for children and families", "Parent satisfaction is a satisfaction survey"), id="satisfaction-about-children-not-met"),
    pytest.param(measures(("Parent satisfaction", PREPOST, CF, "satisfaction"), ("SDQ", ["baseline"], CF)), PARTIAL, ("SDQ measures children and families but lacks", "Parent satisfaction is a satisfaction survey"), id="satisfaction-left-out-partial"),
    pytest.param(measures(("Parent satisfaction", PREPOST, CF, "satisfaction"), ("SDQ", PREPOST, CF)), MET, ("SDQ measures children and families before and after",), id="satisfaction-left-out-met"),
    pytest.param(measures(), NOT_MET, ("No measure of outcomes for children and families",), id="empty-not-met"),
    pytest.param({}, NO_EVIDENCE, ("no outcome measures",), id="no-measures"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), PS07)
def test_ps07_child_measure(rubric, sections, outcome, says):
    expect(judge(rubric, "PS-07", make_plan(**sections)), outcome, *says)


@pytest.mark.parametrize(
    ("sections", "paths"),
    [
        pytest.param(
            measures(("ProQOL", PREPOST, "practitioners"), ("SDQ", PREPOST, CF)),
            [(*MEASURES, 1)],
            id="met",
        ),
        pytest.param(
            measures(("SDQ", ["baseline"], CF)), [(*MEASURES, 0, "timepoints")], id="partial"
        ),
        pytest.param(measures(("ProQOL", PREPOST, "practitioners")), [MEASURES], id="not-met"),
        pytest.param(
            measures(("Parent satisfaction", PREPOST, CF, "satisfaction"), ("SDQ", PREPOST, CF)),
            [(*MEASURES, 1)],
            id="met-keeps-its-place-in-the-list",
        ),
    ],
)
def test_ps07_paths(rubric, sections, paths):
    assert judge(rubric, "PS-07", make_plan(**sections)).paths == tuple(paths)


# -- PS-08: every measure is a recognised instrument ---------------------------------------
def named(*names: str) -> dict[str, Any]:
    return {"standards": {"outcome_measures": [{"name": n} for n in names]}}


# fmt: off
PS08 = [
    pytest.param(named("SDQ", "ProQOL"), MET, ("2 of the 2 measures are recognised instruments.",), id="two-known-met"),
    pytest.param(named("SDQ", "Homegrown survey"), PARTIAL, ("1 of the 2 measures is a recognised instrument", "not recognised: Homegrown survey"), id="some-partial"),
    pytest.param(named("Homegrown survey"), NOT_MET, ("The measure is not a recognised instrument", "not recognised: Homegrown survey"), id="none-not-met"),
    pytest.param(named("A", "B", "C", "D"), NOT_MET, ("0 of the 4 measures", "not recognised: A, B and C"), id="lists-at-most-3"),
    pytest.param(named(), NOT_MET, ("The list of outcome measures is empty",), id="empty"),
    pytest.param({}, NO_EVIDENCE, ("names no outcome measures",), id="no-measures"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), PS08)
def test_ps08_recognised_instruments(rubric, sections, outcome, says):
    expect(judge(rubric, "PS-08", make_plan(**sections)), outcome, *says)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("sdq", id="lower-case"),
        pytest.param("YP CORE", id="space-for-hyphen"),
        pytest.param("ypcore", id="no-hyphen"),
        pytest.param("Pro-QOL", id="added-hyphen"),
        pytest.param("proqol 5", id="alias-with-space"),
        pytest.param("Goal based outcomes", id="alias-goal-based"),
        pytest.param("strengths and difficulties questionnaire", id="full-name-alias"),
        pytest.param("RCADS-25", id="alias-rcads-25"),
        pytest.param("Core 10", id="core-10"),
        pytest.param("ARTIC-35", id="artic-35"),
        pytest.param("STSI OA", id="stsi-oa-space"),
        pytest.param("Re-referrals within 12 months", id="re-referrals"),
        pytest.param("re-referral rate", id="re-referral-rate-alias"),
        pytest.param("Child protection plan rate", id="child-protection-plans"),
        pytest.param("repeat child protection plans", id="repeat-cp-plans-alias"),
        pytest.param("entry to care", id="entry-to-care-alias"),
        pytest.param("placement stability", id="placement-stability"),
        pytest.param("Long-term placement stability", id="long-term-stability"),
        pytest.param("Graded Care Profile 2", id="graded-care-profile-2"),
        pytest.param("GCP2", id="gcp2-alias"),
        pytest.param("Adult Wellbeing Scale", id="adult-wellbeing-scale"),
        pytest.param("Parenting Daily Hassles", id="parenting-daily-hassles-alias"),
        pytest.param("Family Star Plus", id="family-star-plus"),
        pytest.param("Parental Stress Scale", id="parental-stress-scale"),
    ],
)
def test_ps08_names_match_ignoring_case_spaces_and_hyphens(rubric, name):
    expect(
        judge(rubric, "PS-08", make_plan(**named(name))),
        MET,
        "The measure is a recognised instrument",
    )


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("SDQ-plus", id="longer"),
        pytest.param("CORE", id="shorter"),
        pytest.param("ARTIC", id="no-version"),
    ],
)
def test_ps08_near_names_are_not_recognised(rubric, name):
    expect(judge(rubric, "PS-08", make_plan(**named(name))), NOT_MET, f"not recognised: {name}")


def test_ps08_recognises_the_childrens_social_care_outcomes_and_uk_family_measures(rubric):
    plan = make_plan(
        **named(
            "Re-referrals within 12 months",
            "Child protection plan rate",
            "Children starting to be looked after",
            "Placement stability",
            "Graded Care Profile 2",
            "Adult Wellbeing Scale",
        )
    )
    expect(judge(rubric, "PS-08", plan), MET, "6 of the 6 measures are recognised instruments.")


@pytest.mark.parametrize(
    "name",
    [
        "Re-referrals within 12 months",
        "Placement stability",
        "Graded Care Profile 2",
        "Adult Wellbeing Scale",
    ],
)
def test_ps07_takes_the_new_catalogue_entries_as_child_and_family_outcomes(rubric, name):
    plan = make_plan(**measures((name, PREPOST)))
    expect(judge(rubric, "PS-07", plan), MET, f"{name} measures children and families")


def test_ps08_paths_name_every_measure(rubric):
    paths = judge(rubric, "PS-08", make_plan(**named("SDQ", "X"))).paths
    assert paths == ((*MEASURES, 0, "name"), (*MEASURES, 1, "name"))


# -- PS-09: supervision quality is monitored, and the plan says how ------------------------
HOW_MONITORED = "A short practitioner survey each year, reviewed by the implementation group."
QUALITY = (*SUPERVISION, "quality_monitored")

# fmt: off
PS09 = [
    pytest.param(supervision(None, quality_monitored=True, notes=HOW_MONITORED), MET, ("Supervision quality is monitored, and the plan says how.",), [QUALITY], id="true-with-notes-met"),
    pytest.param(supervision(None, quality_monitored=True), PARTIAL, ("says supervision quality is monitored, but not how", "a yes on its own is a claim, not evidence"), [QUALITY, (*SUPERVISION, "notes")], id="true-alone-partial"),
    pytest.param(supervision(None, quality_monitored=False, notes=HOW_MONITORED), NOT_MET, ("is not monitored",), [QUALITY], id="false-not-met"),
    pytest.param(supervision("monthly", 90, notes=HOW_MONITORED), NO_EVIDENCE, ("whether supervision quality is monitored",), [QUALITY], id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("quality",), [QUALITY], id="no-standards"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says", "paths"), PS09)
def test_ps09_supervision_quality(rubric, sections, outcome, says, paths):
    expect(judge(rubric, "PS-09", make_plan(**sections)), outcome, *says, paths=paths)


# -- PS-10: training methods include an active one (no partial) ----------------------------
def methods(*names: str) -> dict[str, Any]:
    return {"training": {"methods": list(names)}}


# fmt: off
PS10 = [
    pytest.param(methods("workshop", "skills-practice"), MET, ("Training includes skills practice.",), id="skills-practice-met"),
    pytest.param(methods("observation-feedback"), MET, ("observation with feedback",), id="observation-feedback-met"),
    pytest.param(methods("Action-Learning", "lecture"), MET, ("action learning",), id="action-learning-met"),
    pytest.param(methods("workshop", "lecture", "e-learning"), NOT_MET, ("Training is workshop, lecture and e-learning", "with no skills practice, observation with feedback or action learning"), id="passive-not-met"),
    pytest.param(methods(), NOT_MET, ("No training methods are listed",), id="empty-not-met"),
    pytest.param({"training": {"days": 2}}, NO_EVIDENCE, ("how the training is delivered",), id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("how the training is delivered",), id="no-training"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), PS10)
def test_ps10_active_methods(rubric, sections, outcome, says):
    expect(
        judge(rubric, "PS-10", make_plan(**sections)),
        outcome,
        *says,
        paths=[("training", "methods")],
    )


def test_ps07_a_measure_without_about_is_taken_at_the_catalogue_word(rubric):
    plan = make_plan(
        standards={"outcome_measures": [{"name": "SDQ", "timepoints": ["baseline", "6 months"]}]}
    )
    assert judge(rubric, "PS-07", plan).outcome is Outcome.MET


# -- PS-11: a practice profile with >= 3 core components and its source ---------------------
def profile(*components: str, source: str | None = None, given: bool = True) -> dict[str, Any]:
    body: dict[str, Any] = {"core_components": list(components)} if given else {}
    if source is not None:
        body["source"] = source
    return {"standards": {"practice_profile": body}}


PROFILE = ("standards", "practice_profile")
SOURCE = "Provider practice framework, 2026 edition"
PARTS = ("Curiosity about behaviour", "Repair after rupture", "Reflective supervision")

# fmt: off
PS11 = [
    pytest.param(profile(*PARTS, source=SOURCE), MET, (f"The practice profile names 3 core components, from {SOURCE}.",), [PROFILE], id="3-with-source-met-boundary"),
    pytest.param(profile(*PARTS, "Relational language", source=SOURCE), MET, ("names 4 core components",), [PROFILE], id="4-with-source-met"),
    pytest.param(profile(*PARTS[:2], source=SOURCE), PARTIAL, ("names 2 core components", "at least 3 are needed"), [PROFILE], id="2-with-source-partial"),
    pytest.param(profile(*PARTS), PARTIAL, ("names 3 core components", "does not say where it comes from (source)"), [PROFILE], id="no-source-partial"),
    pytest.param(profile(PARTS[0]), PARTIAL, ("at least 3 are needed and it does not say where it comes from",), [PROFILE], id="1-without-source-partial"),
    pytest.param(profile(source=SOURCE), NOT_MET, ("names no core components",), [(*PROFILE, "core_components")], id="empty-components-not-met"),
    pytest.param(profile(source=SOURCE, given=False), NOT_MET, ("names no core components",), [(*PROFILE, "core_components")], id="source-alone-not-met"),
    pytest.param({"standards": {"practice_profile": {"notes": "Agreed later."}}}, NO_EVIDENCE, ("what the practice looks like when done well",), [PROFILE], id="notes-only"),
    pytest.param({}, NO_EVIDENCE, ("standards.practice_profile",), [PROFILE], id="no-profile"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says", "paths"), PS11)
def test_ps11_practice_profile(rubric, sections, outcome, says, paths):
    expect(judge(rubric, "PS-11", make_plan(**sections)), outcome, *says, paths=paths)


# -- PS-12: policies reviewed, recording changed and QA brought into line -----------------
def systems(**body: Any) -> dict[str, Any]:
    return {"systems": body}


POLICIES = ["Supervision policy", "Case recording policy"]
RECORDING = "The assessment template asks what the behaviour communicates."

# fmt: off
PS12 = [
    pytest.param(systems(policies_reviewed=POLICIES, recording_changes=RECORDING, qa_aligned=True), MET, ("Systems are brought into line: 2 policies reviewed, recording changed and quality assurance aligned.",), id="all-three-met"),
    pytest.param(systems(policies_reviewed=POLICIES[:1], recording_changes=RECORDING), PARTIAL, ("1 policy reviewed and recording changed", "not yet: quality assurance brought into line (qa_aligned)"), id="without-qa-partial"),
    pytest.param(systems(policies_reviewed=POLICIES, qa_aligned=True), PARTIAL, ("2 policies reviewed and quality assurance aligned", "not yet: how recording changes (recording_changes)"), id="without-recording-partial"),
    pytest.param(systems(qa_aligned=True, notes="The audit tool now asks about relationships."), PARTIAL, ("quality assurance aligned", "not yet: which policies are reviewed"), id="qa-with-notes-partial"),
    pytest.param(systems(qa_aligned=True), PARTIAL, ("says quality assurance is aligned", "a yes on its own is a claim, not evidence"), id="qa-alone-partial"),
    pytest.param(systems(qa_aligned=False), NOT_MET, ("No policy, recording or quality assurance is brought into line.",), id="qa-false-not-met"),
    pytest.param(systems(policies_reviewed=[], qa_aligned=False), NOT_MET, ("No policy, recording or quality assurance",), id="nothing-brought-into-line-not-met"),
    pytest.param(systems(notes="To be reviewed."), NO_EVIDENCE, ("how policies, recording and quality assurance are brought into line",), id="notes-only"),
    pytest.param({}, NO_EVIDENCE, ("(systems)",), id="no-section"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), PS12)
def test_ps12_systems_aligned(rubric, sections, outcome, says):
    expect(judge(rubric, "PS-12", make_plan(**sections)), outcome, *says, paths=[("systems",)])
