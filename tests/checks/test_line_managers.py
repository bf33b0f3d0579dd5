"""Lever 4, line manager capability: LM-01 .. LM-06 against the default rubric."""

from __future__ import annotations

from typing import Any

import pytest

from readiness.outcomes import Outcome

from .helpers import cohort, expect, judge, make_plan

MET, PARTIAL, NOT_MET, NO_EVIDENCE = (
    Outcome.MET,
    Outcome.PARTIAL,
    Outcome.NOT_MET,
    Outcome.NO_EVIDENCE,
)
LM = ("line_managers",)


# -- LM-01: 100% trained in >= 12 hours, before their wave starts (wave by wave when the waves
# give managers_trained_by, else all before the first wave); partial >= 50% or late ---------
HOURS = {"hours": 14, "covers": ["the-approach", "reflective-supervision"]}


def trained(
    percent: Any,
    by: str | None = None,
    first: str | None = "2027-03-01",
    training: dict[str, Any] | None = HOURS,
) -> dict[str, Any]:
    body: dict[str, Any] = {"trained": percent}
    if by is not None:
        body["trained_by"] = by
    if training is not None:
        body["training"] = training
    sections: dict[str, Any] = {"line_managers": body}
    if first is not None:
        sections["rollout"] = {"cohorts": [cohort(start=first)]}
    return sections


# fmt: off
LM01 = [
    pytest.param(trained(100, "2027-02-01"), MET, ("100% of line managers trained by 2027-02-01, before the first wave starts, in 14 hours of training.",), id="100-before-met"),
    pytest.param(trained(100, "2027-03-01"), MET, ("by 2027-03-01",), id="100-on-first-start-met-boundary"),
    pytest.param(trained("100%", "2027-01-15"), MET, ("100% of line managers",), id="percent-text-met"),
    pytest.param(trained(100, "2026-12-01", first=None), MET, ("before the plan starts",), id="no-waves-uses-plan-start-met"),
    pytest.param(trained(100, "2027-02-01", training={"hours": 12}), MET, ("in 12 hours of training.",), id="12-hours-met-boundary"),
    pytest.param(trained(100, "2027-02-01", training=None), PARTIAL, ("before the first wave starts", "does not say how long their training is (line_managers.training)"), id="no-training-hours-partial"),
    pytest.param(trained(100, "2027-02-01", training={"covers": ["the-approach"]}), PARTIAL, ("does not say how long their training is",), id="covers-without-hours-partial"),
    pytest.param(trained(100, "2027-02-01", training={"hours": 11.5}), PARTIAL, ("in 11.5 hours of training, less than 12",), id="11.5-hours-partial"),
    pytest.param(trained(100, "2027-02-01", training={"hours": 3}), PARTIAL, ("in 3 hours of training, less than 12",), id="half-day-briefing-partial"),
    pytest.param(trained(100, "2027-03-02"), PARTIAL, ("100% of line managers trained by 2027-03-02, after the first wave starts (2027-03-01)",), id="100-a-day-late-partial"),
    pytest.param(trained(100, "2027-02-01", first=None), PARTIAL, ("after the plan starts (2027-01-01)",), id="no-waves-late-partial"),
    pytest.param(trained(100), PARTIAL, ("100% of line managers trained, by a date the plan does not give",), id="100-no-date-partial"),
    pytest.param(trained(99, "2027-02-01"), PARTIAL, ("99% of line managers trained by 2027-02-01",), id="99-partial"),
    pytest.param(trained(50, "2027-02-01"), PARTIAL, ("50% of line managers",), id="50-partial-boundary"),
    pytest.param(trained(49.5, "2027-02-01"), NOT_MET, ("49.5% of line managers", "pulls them back"), id="49.5-not-met"),
    pytest.param(trained(49, "2027-02-01"), NOT_MET, ("49% of line managers",), id="49-not-met"),
    pytest.param(trained(0), NOT_MET, ("0% of line managers",), id="0-not-met"),
    pytest.param({"line_managers": {"trained_by": "2027-02-01", "training": HOURS}}, NO_EVIDENCE, ("whether line managers are trained",), id="percent-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("line managers",), id="no-section"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LM01)
def test_lm01_managers_trained(rubric, sections, outcome, says):
    expect(judge(rubric, "LM-01", make_plan(**sections)), outcome, *says)


def phased(*waves: tuple[str, str, str | None], by: str | None = None) -> dict[str, Any]:
    """Every line manager trained (14 hours), in waves of (name, start, managers_trained_by)."""
    body: dict[str, Any] = {"trained": 100, "training": HOURS}
    if by is not None:
        body["trained_by"] = by
    cohorts = [
        cohort(name, 10, start, **({"managers_trained_by": when} if when else {}))
        for name, start, when in waves
    ]
    return {"line_managers": body, "rollout": {"cohorts": cohorts}}


# fmt: off
LM01_WAVES = [
    pytest.param(phased(("ICB north", "2027-03-01", "2027-02-01"), ("ICB south", "2027-09-01", "2027-08-15"), ("ICB east", "2028-03-01", "2028-03-01")), MET, ("100% of line managers trained, each wave's managers before that wave starts, in 14 hours of training.",), id="each-wave-before-its-start-met"),
    pytest.param(phased(("ICB north", "2027-03-01", "2027-02-01"), ("ICB south", "2027-09-01", "2027-08-15"), by="2027-08-15"), MET, ("each wave's managers before that wave starts",), id="later-overall-date-is-read-wave-by-wave"),
    pytest.param(phased(("ICB north", "2027-03-01", "2027-02-01"), ("ICB south", "2027-09-01", None), by="2027-02-01"), MET, ("each wave's managers before that wave starts",), id="wave-without-a-date-uses-the-overall-date"),
    pytest.param(phased(("ICB north", "2027-03-01", "2027-02-01"), ("ICB south", "2027-09-01", "2027-10-01")), PARTIAL, ("not before every wave starts (not for 'ICB south')", "in 14 hours of training"), id="one-wave-late-partial"),
    pytest.param(phased(("ICB north", "2027-03-01", "2027-03-02"), ("ICB south", "2027-09-01", "2027-08-01")), PARTIAL, ("(not for 'ICB north')",), id="first-wave-a-day-late-partial"),
    pytest.param(phased(("ICB north", "2027-03-01", "2027-02-01"), ("ICB south", "2027-09-01", None)), PARTIAL, ("(not for 'ICB south')",), id="wave-without-any-date-partial"),
    pytest.param(phased(("ICB north", "2027-03-01", None), ("ICB south", "2027-09-01", None), by="2027-02-01"), MET, ("by 2027-02-01, before the first wave starts",), id="no-wave-dates-all-before-the-first-wave-met"),
    pytest.param(phased(("ICB north", "2027-03-01", None), ("ICB south", "2027-09-01", None), by="2027-08-01"), PARTIAL, ("by 2027-08-01, after the first wave starts (2027-03-01)",), id="no-wave-dates-trained-after-the-first-wave-partial"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LM01_WAVES)
def test_lm01_judges_wave_by_wave(rubric, sections, outcome, says):
    expect(judge(rubric, "LM-01", make_plan(**sections)), outcome, *says)


def test_lm01_wave_by_wave_still_needs_substantial_training(rubric):
    plan = phased(
        ("ICB north", "2027-03-01", "2027-02-01"), ("ICB south", "2027-09-01", "2027-08-01")
    )
    plan["line_managers"]["training"] = {"hours": 6}
    expect(
        judge(rubric, "LM-01", make_plan(**plan)),
        PARTIAL,
        "each wave's managers before that wave starts",
        "in 6 hours of training, less than 12",
    )


def test_lm01_paths(rubric):
    finding = judge(rubric, "LM-01", make_plan(**trained(100, "2027-02-01")))
    assert finding.paths == ((*LM, "trained"), (*LM, "trained_by"), (*LM, "training"))
    waves = phased(("A", "2027-03-01", "2027-02-01"), ("B", "2027-09-01", "2027-08-01"))
    assert judge(rubric, "LM-01", make_plan(**waves)).paths == (
        (*LM, "trained"),
        (*LM, "trained_by"),
        (*LM, "training"),
        ("rollout", "cohorts", 0, "managers_trained_by"),
        ("rollout", "cohorts", 1, "managers_trained_by"),
    )
    assert judge(rubric, "LM-01", make_plan()).paths == ((*LM, "trained"),)


# -- LM-02: line managers' coaching at least monthly for >= 6 months -----------------------
def coaching(frequency: str | None, months: int | None = None) -> dict[str, Any]:
    body = {k: v for k, v in (("frequency", frequency), ("months", months)) if v is not None}
    return {"line_managers": {"coaching": body}}


# fmt: off
LM02 = [
    pytest.param(coaching("monthly", 6), MET, ("Line managers get coaching monthly for 6 months.",), id="monthly-6-met-boundary"),
    pytest.param(coaching("weekly", 12), MET, ("weekly for 12 months",), id="weekly-12-met"),
    pytest.param(coaching("monthly", 5), PARTIAL, ("monthly for 5 months", "at least monthly for 6 months"), id="monthly-5-partial"),
    pytest.param(coaching("six-weekly", 6), PARTIAL, ("every six weeks for 6 months",), id="six-weekly-partial"),
    pytest.param(coaching("bi-monthly"), PARTIAL, ("every two months;",), id="bi-monthly-no-months-partial"),
    pytest.param(coaching("none"), NOT_MET, ("coaching never",), id="never-not-met"),
    pytest.param(coaching("monthly", 0), NOT_MET, ("for 0 months",), id="0-months-not-met"),
    pytest.param(coaching(None, 12), NO_EVIDENCE, ("line managers no coaching",), id="frequency-unsaid"),
    pytest.param({"standards": {"coaching": {"frequency": "monthly", "months": 12}}}, NO_EVIDENCE, ("line managers no coaching",), id="only-practitioners-coached"),
    pytest.param({}, NO_EVIDENCE, ("line managers no coaching",), id="no-section"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LM02)
def test_lm02_coaching(rubric, sections, outcome, says):
    expect(judge(rubric, "LM-02", make_plan(**sections)), outcome, *says, paths=[(*LM, "coaching")])


# -- LM-03: supervision style reflective met, mixed partial, case-management not-met -------
def style(value: str) -> dict[str, Any]:
    return {"line_managers": {"supervision_style": value}}


# fmt: off
LM03 = [
    pytest.param(style("reflective"), MET, ("supervise reflectively",), id="reflective-met"),
    pytest.param(style(" Reflective "), MET, ("reflectively",), id="case-and-space-met"),
    pytest.param(style("mixed"), PARTIAL, ("mixes reflection and case management",), id="mixed-partial"),
    pytest.param(style("case-management"), NOT_MET, ("is case management",), id="case-management-not-met"),
    pytest.param({"line_managers": {"trained": 80}}, NO_EVIDENCE, ("how line managers supervise",), id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("how line managers supervise",), id="no-section"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LM03)
def test_lm03_supervision_style(rubric, sections, outcome, says):
    expect(
        judge(rubric, "LM-03", make_plan(**sections)),
        outcome,
        *says,
        paths=[(*LM, "supervision_style")],
    )


# -- LM-04: team reflective practice at least every 8 weeks, >= 60 minutes -----------------
def reflection(frequency: str | None, minutes: int | None = None) -> dict[str, Any]:
    body = {k: v for k, v in (("frequency", frequency), ("minutes", minutes)) if v is not None}
    return {"line_managers": {"reflective_practice": body}}


# fmt: off
LM04 = [
    pytest.param(reflection("six-weekly", 60), MET, ("Team reflective practice every six weeks for 60 minutes.",), id="six-weekly-60-met-boundary"),
    pytest.param(reflection("monthly", 90), MET, ("monthly for 90 minutes",), id="monthly-90-met"),
    pytest.param(reflection("six-weekly", 59), PARTIAL, ("for 59 minutes", "a session at least every 8 weeks, of 60 minutes"), id="59-minutes-partial"),
    pytest.param(reflection("bi-monthly", 90), PARTIAL, ("every two months for 90 minutes", "every 8 weeks"), id="bi-monthly-partial"),
    pytest.param(reflection("quarterly", 120), PARTIAL, ("quarterly",), id="quarterly-partial"),
    pytest.param(reflection("monthly"), PARTIAL, ("monthly, length unstated",), id="length-unstated-partial"),
    pytest.param(reflection("none", 60), NOT_MET, ("never",), id="never-not-met"),
    pytest.param(reflection("once", 60), NOT_MET, ("once only",), id="once-not-met"),
    pytest.param(reflection(None, 60), NO_EVIDENCE, ("how often teams reflect",), id="frequency-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("how often teams reflect",), id="no-section"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LM04)
def test_lm04_team_reflection(rubric, sections, outcome, says):
    expect(
        judge(rubric, "LM-04", make_plan(**sections)),
        outcome,
        *says,
        paths=[(*LM, "reflective_practice")],
    )


# -- LM-05: vicarious-trauma support includes an organisational form -----------------------
def support(*forms: str) -> dict[str, Any]:
    return {"line_managers": {"wellbeing": {"support": list(forms)}}}


# fmt: off
LM05 = [
    pytest.param(support("reflective-groups"), MET, ("supported through reflective groups",), id="reflective-groups-met"),
    pytest.param(support("eap", "peer-support"), MET, ("an employee assistance programme and peer support",), id="eap-and-peer-met"),
    pytest.param(support("clinical-supervision"), MET, ("clinical supervision",), id="clinical-supervision-met"),
    pytest.param(support("eap"), PARTIAL, ("only an employee assistance programme", "left to the individual"), id="eap-only-partial"),
    pytest.param(support("eap", "self-care"), PARTIAL, ("only an employee assistance programme and self-care",), id="eap-self-care-partial"),
    pytest.param(support(), NOT_MET, ("No support against vicarious trauma",), id="empty-not-met"),
    pytest.param({"line_managers": {"wellbeing": {"measure": "ProQOL"}}}, NO_EVIDENCE, ("vicarious trauma",), id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("vicarious trauma",), id="no-section"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LM05)
def test_lm05_vicarious_trauma_support(rubric, sections, outcome, says):
    expect(
        judge(rubric, "LM-05", make_plan(**sections)),
        outcome,
        *says,
        paths=[(*LM, "wellbeing", "support")],
    )


# -- LM-06: wellbeing measured and reported in aggregate only ------------------------------
def wellbeing(measure: str | None, reporting: str | None = None) -> dict[str, Any]:
    body = {k: v for k, v in (("measure", measure), ("reporting", reporting)) if v is not None}
    return {"line_managers": {"wellbeing": body}}


# fmt: off
LM06 = [
    pytest.param(wellbeing("ProQOL", "aggregate"), MET, ("measured (ProQOL) and reported in aggregate",), id="aggregate-met"),
    pytest.param(wellbeing("SWEMWBS"), PARTIAL, ("measured (SWEMWBS)", "not stated"), id="reporting-unstated-partial"),
    pytest.param(wellbeing("ProQOL", "individual"), NOT_MET, ("reported for individuals",), id="individual-not-met"),
    pytest.param(wellbeing(None, "aggregate"), NO_EVIDENCE, ("how team wellbeing is measured",), id="measure-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("wellbeing",), id="no-section"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LM06)
def test_lm06_wellbeing_measure(rubric, sections, outcome, says):
    expect(judge(rubric, "LM-06", make_plan(**sections)), outcome, *says)


def test_lm06_paths(rubric):
    finding = judge(rubric, "LM-06", make_plan(**wellbeing("ProQOL", "aggregate")))
    assert finding.paths == ((*LM, "wellbeing", "measure"), (*LM, "wellbeing", "reporting"))
    assert judge(rubric, "LM-06", make_plan()).paths == ((*LM, "wellbeing", "measure"),)


def test_lm01_a_share_just_under_the_threshold_is_not_shown_as_it(rubric):
    plan = make_plan(line_managers={"trained": 49.99, "trained_by": "2027-01-01"})
    finding = judge(rubric, "LM-01", plan)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.reason.startswith("49.99% of line managers trained")
