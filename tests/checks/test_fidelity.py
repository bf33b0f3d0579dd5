"""Lever 5, light-touch fidelity: LF-01 .. LF-06 against the default rubric (LF-07 is in
test_language.py)."""

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


def fidelity(**body: Any) -> dict[str, Any]:
    return {"fidelity": body}


# -- LF-01: purpose learning and never used for performance management or discipline -------
# fmt: off
LF01 = [
    pytest.param(fidelity(purpose="learning"), MET, ("for learning, and not used to manage performance",), id="learning-met"),
    pytest.param(fidelity(purpose="learning", used_for=["learning", "service-improvement"]), MET, ("for learning",), id="learning-uses-met"),
    pytest.param(fidelity(purpose="assurance"), PARTIAL, ("assurance rather than learning",), id="assurance-partial"),
    pytest.param(fidelity(purpose="assurance", used_for=["service-improvement"]), PARTIAL, ("assurance",), id="assurance-uses-partial"),
    pytest.param(fidelity(used_for=["learning"]), PARTIAL, ("only how they are used",), id="uses-only-partial"),
    pytest.param(fidelity(purpose="learning", used_for=["learning", "performance-management"]), NOT_MET, ("used for performance management", "polices practice"), id="learning-but-performance-not-met"),
    pytest.param(fidelity(purpose="learning", used_for=["disciplinary"]), NOT_MET, ("used for disciplinary",), id="learning-but-disciplinary-not-met"),
    pytest.param(fidelity(used_for=["performance-management", "disciplinary"]), NOT_MET, ("performance management and disciplinary action",), id="both-forbidden-not-met"),
    pytest.param(fidelity(purpose="performance-management"), NOT_MET, ("for performance management, not learning",), id="purpose-performance-not-met"),
    pytest.param(fidelity(purpose="learning", graded=False, unannounced=False, results_shared_with=["practitioner", "team", "line-manager", "implementation-group"]), MET, ("for learning",), id="learning-light-structure-met"),
    pytest.param(fidelity(frequency="quarterly"), NO_EVIDENCE, ("what fidelity checks are for",), id="unsaid"),
    pytest.param(fidelity(graded=False, unannounced=False), NO_EVIDENCE, ("what fidelity checks are for",), id="flags-off-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("what fidelity checks are for",), id="no-fidelity"),
]
# fmt: on

POLICES = "that polices practice whatever the purpose says"

# Built to police: not met whatever the purpose says (rubric 2, LF-01).
# fmt: off
LF01_STRUCTURE = [
    pytest.param(fidelity(purpose="learning", graded=True), ("Practitioners or teams are graded", POLICES), id="graded"),
    pytest.param(fidelity(purpose="learning", unannounced=True), ("Checks are unannounced", POLICES), id="unannounced"),
    pytest.param(fidelity(purpose="learning", results_shared_with=["practitioner", "appraisal"]), ("Individual results go to appraisal", POLICES), id="results-to-appraisal"),
    pytest.param(fidelity(purpose="learning", results_shared_with=["performance-reports"]), ("Individual results go to performance reports",), id="results-to-performance-reports"),
    pytest.param(fidelity(purpose="learning", used_for=["learning"], graded=True, unannounced=True, results_shared_with=["appraisal", "performance-reports"]), ("Practitioners or teams are graded, checks are unannounced and individual results go to appraisal and performance reports",), id="all-three"),
    pytest.param(fidelity(purpose="assurance", graded=True), ("graded", POLICES), id="assurance-graded"),
    pytest.param(fidelity(graded=True), ("graded", POLICES), id="graded-without-purpose"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "says"), LF01_STRUCTURE)
def test_lf01_graded_unannounced_or_shared_with_appraisal_is_not_met(rubric, sections, says):
    expect(judge(rubric, "LF-01", make_plan(**sections)), NOT_MET, *says)


def test_lf01_structure_paths(rubric):
    finding = judge(rubric, "LF-01", make_plan(**fidelity(purpose="learning", graded=True)))
    assert finding.paths == tuple(
        ("fidelity", key)
        for key in ("purpose", "used_for", "graded", "unannounced", "results_shared_with")
    )


@pytest.mark.parametrize(("sections", "outcome", "says"), LF01)
def test_lf01_fidelity_purpose(rubric, sections, outcome, says):
    expect(judge(rubric, "LF-01", make_plan(**sections)), outcome, *says)


def test_lf01_paths(rubric):
    finding = judge(rubric, "LF-01", make_plan(**fidelity(purpose="learning")))
    assert finding.paths == (("fidelity", "purpose"), ("fidelity", "used_for"))
    assert judge(rubric, "LF-01", make_plan()).paths == (("fidelity", "purpose"),)


# -- LF-02: at_most minutes per practitioner per month (met <= 60, partial <= 120) ---------
def burden(minutes: float) -> dict[str, Any]:
    return fidelity(minutes_per_practitioner_per_month=minutes)


# fmt: off
LF02 = [
    pytest.param(burden(0), MET, ("Fidelity work for each practitioner: 0 minutes a month, within the 60 allowed.",), id="0-met"),
    pytest.param(burden(45.5), MET, ("45.5 minutes a month",), id="fraction-met"),
    pytest.param(burden(60), MET, ("60 minutes a month, within the 60 allowed",), id="60-met-boundary"),
    pytest.param(burden(61), PARTIAL, ("61 minutes a month, more than 60 but within 120",), id="61-partial"),
    pytest.param(burden(120), PARTIAL, ("120 minutes a month, more than 60 but within 120",), id="120-partial-boundary"),
    pytest.param(burden(121), NOT_MET, ("121 minutes a month, more than 120",), id="121-not-met"),
    pytest.param(fidelity(purpose="learning"), NO_EVIDENCE, ("fidelity work for each practitioner (fidelity.minutes_per_practitioner_per_month)",), id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("fidelity.minutes_per_practitioner_per_month",), id="no-fidelity"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LF02)
def test_lf02_burden(rubric, sections, outcome, says):
    finding = judge(rubric, "LF-02", make_plan(**sections))
    expect(finding, outcome, *says, paths=[("fidelity", "minutes_per_practitioner_per_month")])


# -- LF-03: looked at between monthly and six-monthly; yearly partial; more often not-met --
# fmt: off
LF03 = [
    pytest.param("weekly", NOT_MET, ("looked at weekly", "heavy monitoring"), id="weekly-not-met"),
    pytest.param("fortnightly", NOT_MET, ("fortnightly", "heavy monitoring"), id="fortnightly-not-met"),
    pytest.param("monthly", MET, ("Fidelity is looked at monthly.",), id="monthly-met-boundary"),
    pytest.param("six-weekly", MET, ("every six weeks",), id="six-weekly-met"),
    pytest.param("bi-monthly", MET, ("every two months",), id="bi-monthly-met"),
    pytest.param("quarterly", MET, ("quarterly",), id="quarterly-met"),
    pytest.param("termly", MET, ("termly",), id="termly-met"),
    pytest.param("six-monthly", MET, ("every six months",), id="six-monthly-met-boundary"),
    pytest.param("yearly", PARTIAL, ("yearly", "too rarely"), id="yearly-partial"),
    pytest.param("once", NOT_MET, ("once only", "not a regular cycle"), id="once-not-met"),
    pytest.param("none", NOT_MET, ("never", "not a regular cycle"), id="never-not-met"),
]
# fmt: on


@pytest.mark.parametrize(("frequency", "outcome", "says"), LF03)
def test_lf03_fidelity_frequency(rubric, frequency, outcome, says):
    finding = judge(rubric, "LF-03", make_plan(**fidelity(frequency=frequency)))
    expect(finding, outcome, *says, paths=[("fidelity", "frequency")])


@pytest.mark.parametrize(
    "sections",
    [pytest.param(fidelity(purpose="learning"), id="unsaid"), pytest.param({}, id="no-fidelity")],
)
def test_lf03_no_evidence(rubric, sections):
    expect(
        judge(rubric, "LF-03", make_plan(**sections)),
        NO_EVIDENCE,
        "how often fidelity is looked at",
    )


# -- LF-04: methods include a light one; only others partial -------------------------------
def methods(*names: str) -> dict[str, Any]:
    return fidelity(methods=list(names))


# fmt: off
LF04 = [
    pytest.param(methods("self-assessment"), MET, ("include self-assessment",), id="self-assessment-met"),
    pytest.param(methods("observation", "peer-observation"), MET, ("include peer observation",), id="peer-observation-met"),
    pytest.param(methods("case-audit", "reflective-case-review"), MET, ("reflective case review",), id="reflective-case-review-met"),
    pytest.param(methods("observation", "case-audit"), PARTIAL, ("relies on observation and case audit", "without self-assessment"), id="observation-audit-partial"),
    pytest.param(methods("practitioner-survey"), PARTIAL, ("relies on practitioner survey",), id="survey-partial"),
    pytest.param(fidelity(methods=["observation"], observation_consented=False, feedback_within_days=14), PARTIAL, ("relies on observation", "or observation that practitioners agree to with feedback within 30 days"), id="observation-not-consented-partial"),
    pytest.param(fidelity(methods=["observation"], feedback_within_days=14), PARTIAL, ("relies on observation",), id="observation-consent-unsaid-partial"),
    pytest.param(fidelity(methods=["observation"], observation_consented=True, feedback_within_days=31), PARTIAL, ("relies on observation",), id="consented-feedback-too-late-partial"),
    pytest.param(fidelity(methods=["observation"], observation_consented=True), PARTIAL, ("relies on observation",), id="consented-feedback-unsaid-partial"),
    pytest.param(fidelity(methods=["case-audit"], observation_consented=True, feedback_within_days=14), PARTIAL, ("relies on case audit",), id="consent-does-not-lighten-case-audit"),
    pytest.param(methods(), NOT_MET, ("No fidelity methods",), id="empty-not-met"),
    pytest.param(fidelity(purpose="learning"), NO_EVIDENCE, ("how fidelity is looked at",), id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("how fidelity is looked at",), id="no-fidelity"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LF04)
def test_lf04_fidelity_methods(rubric, sections, outcome, says):
    expect(
        judge(rubric, "LF-04", make_plan(**sections)),
        outcome,
        *says,
        paths=[("fidelity", "methods")],
    )


# fmt: off
LF04_CONSENTED = [
    pytest.param(fidelity(methods=["observation"], observation_consented=True, feedback_within_days=14), ("Fidelity relies on observation that practitioners agree to, with feedback within 14 days",), id="consented-14-days-met"),
    pytest.param(fidelity(methods=["observation", "case-audit"], observation_consented=True, feedback_within_days=30), ("observation that practitioners agree to", "within 30 days"), id="consented-30-days-met-boundary"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "says"), LF04_CONSENTED)
def test_lf04_consented_observation_with_prompt_feedback_is_light(rubric, sections, says):
    expect(
        judge(rubric, "LF-04", make_plan(**sections)),
        MET,
        *says,
        paths=[("fidelity", "methods"), ("fidelity", "observation_consented")],
    )


# -- LF-05: at_most feedback within days (met <= 30, partial <= 60) ------------------------
# fmt: off
LF05 = [
    pytest.param(fidelity(feedback_within_days=14), MET, ("Feedback to practitioners: 14 days, within the 30 allowed.",), id="14-met"),
    pytest.param(fidelity(feedback_within_days=30), MET, ("30 days, within the 30 allowed",), id="30-met-boundary"),
    pytest.param(fidelity(feedback_within_days=31), PARTIAL, ("31 days, more than 30 but within 60",), id="31-partial"),
    pytest.param(fidelity(feedback_within_days=60), PARTIAL, ("60 days, more than 30 but within 60",), id="60-partial-boundary"),
    pytest.param(fidelity(feedback_within_days=61), NOT_MET, ("61 days, more than 60",), id="61-not-met"),
    pytest.param(fidelity(purpose="learning"), NO_EVIDENCE, ("feedback to practitioners (fidelity.feedback_within_days)",), id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("fidelity.feedback_within_days",), id="no-fidelity"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LF05)
def test_lf05_feedback(rubric, sections, outcome, says):
    finding = judge(rubric, "LF-05", make_plan(**sections))
    expect(finding, outcome, *says, paths=[("fidelity", "feedback_within_days")])


# -- LF-06: present fidelity.escalation (met or no-evidence only) --------------------------
# fmt: off
LF06 = [
    pytest.param(fidelity(escalation="Implementation board, monthly"), MET, ("Forum where challenges surface: Implementation board, monthly.",), id="named-met"),
    pytest.param(fidelity(purpose="learning"), NO_EVIDENCE, ("The plan does not say: forum where challenges surface (fidelity.escalation).",), id="unsaid"),
    pytest.param({}, NO_EVIDENCE, ("fidelity.escalation",), id="no-fidelity"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), LF06)
def test_lf06_escalation(rubric, sections, outcome, says):
    expect(
        judge(rubric, "LF-06", make_plan(**sections)),
        outcome,
        *says,
        paths=[("fidelity", "escalation")],
    )
