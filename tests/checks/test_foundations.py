"""Foundations: FD-01 .. FD-04 against the default rubric."""

from __future__ import annotations

import re
from typing import Any

import pytest

from readiness.outcomes import Outcome

from .helpers import cohort, expect, judge, make_plan

MET, PARTIAL, NOT_MET = Outcome.MET, Outcome.PARTIAL, Outcome.NOT_MET
NO_EVIDENCE, NOT_APPLICABLE = Outcome.NO_EVIDENCE, Outcome.NOT_APPLICABLE

COACHING = {"frequency": "monthly", "months": 12}
SUPERVISION = {"frequency": "monthly", "minutes": 90}
FIDELITY = {"purpose": "learning"}


# -- FD-01: at least two of coaching, supervision, fidelity; one is partial -----------------
def support(coaching: Any = None, supervision: Any = None, fidelity: Any = None) -> dict[str, Any]:
    sections: dict[str, Any] = {}
    standards = {
        k: v for k, v in (("coaching", coaching), ("supervision", supervision)) if v is not None
    }
    if standards:
        sections["standards"] = standards
    if fidelity is not None:
        sections["fidelity"] = fidelity
    return sections


# fmt: off
FD01 = [
    pytest.param(support(COACHING, SUPERVISION), MET, ("Practitioners get coaching and supervision after the training.",), id="coaching-supervision-met"),
    pytest.param(support(COACHING, SUPERVISION, FIDELITY), MET, ("coaching, supervision and fidelity checks",), id="all-three-met"),
    pytest.param(support(None, SUPERVISION, FIDELITY), MET, ("supervision and fidelity checks",), id="supervision-fidelity-met"),
    pytest.param(support(COACHING), PARTIAL, ("get only coaching",), id="coaching-only-partial"),
    pytest.param(support(fidelity=FIDELITY), PARTIAL, ("get only fidelity checks",), id="fidelity-only-partial"),
    pytest.param(support({"frequency": "none"}, SUPERVISION), PARTIAL, ("get only supervision",), id="coaching-never-does-not-count"),
    pytest.param(support(COACHING, fidelity={"frequency": "none"}), PARTIAL, ("get only coaching",), id="fidelity-never-does-not-count"),
    pytest.param(support({"frequency": "none"}), NOT_MET, ("Nothing supports practitioners", "buys training, not implementation"), id="coaching-never-not-met"),
    pytest.param({"standards": {"cpd": {"frequency": "termly"}}}, NOT_MET, ("Nothing supports practitioners",), id="cpd-only-not-met"),
    pytest.param({}, NOT_MET, ("no coaching, supervision or fidelity",), id="nothing-not-met"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), FD01)
def test_fd01_support_mix(rubric, sections, outcome, says):
    expect(judge(rubric, "FD-01", make_plan(**sections)), outcome, *says)


@pytest.mark.parametrize(
    ("sections", "paths"),
    [
        pytest.param(
            support(COACHING, SUPERVISION, FIDELITY),
            [("standards", "coaching"), ("standards", "supervision"), ("fidelity",)],
            id="all-three",
        ),
        pytest.param(support(fidelity=FIDELITY), [("fidelity",)], id="one"),
        pytest.param({}, [("standards",)], id="none"),
    ],
)
def test_fd01_paths(rubric, sections, paths):
    assert judge(rubric, "FD-01", make_plan(**sections)).paths == tuple(paths)


# -- FD-02: implementation support >= 50% of the budget (partial >= 25%) --------------------
def budget(*lines: tuple[str, float], currency: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "lines": [
            {"item": f"{c} {i}", "category": c, "amount": a} for i, (c, a) in enumerate(lines)
        ]
    }
    if currency is not None:
        body["currency"] = currency
    return {"budget": body}


# fmt: off
FD02 = [
    pytest.param(budget(("training", 40000), ("coaching", 60000)), MET, ("Implementation support is 60% of the budget", "(GBP 60,000 of 100,000)"), id="60-met"),
    pytest.param(budget(("training", 50000), ("supervision", 50000)), MET, ("50% of the budget",), id="50-met-boundary"),
    pytest.param(budget(("training", 10), ("backfill", 1), ("fidelity", 1), ("evaluation", 1), ("champions", 1), ("coaching", 1), ("supervision", 1)), PARTIAL, ("38% of the budget", "(GBP 6 of 16)"), id="every-support-category-counts"),
    pytest.param(budget(("training", 51000), ("coaching", 49000)), PARTIAL, ("49% of the budget", "less than 50%"), id="49-partial"),
    pytest.param(budget(("training", 75), ("evaluation", 25)), PARTIAL, ("25% of the budget", "(GBP 25 of 100)"), id="25-partial-boundary"),
    pytest.param(budget(("training", 76), ("evaluation", 24)), NOT_MET, ("24% of the budget", "less than 25%: most money buys training"), id="24-not-met"),
    pytest.param(budget(("other", 60), ("training", 20), ("coaching", 20)), NOT_MET, ("20% of the budget",), id="other-is-not-support"),
    pytest.param(budget(("training", 100000)), NOT_MET, ("0% of the budget",), id="training-only-not-met"),
    pytest.param(budget(("coaching", 1000), currency="EUR"), MET, ("100% of the budget (EUR 1,000 of 1,000)",), id="currency-shown"),
    pytest.param(budget(("coaching", 0), ("training", 0)), NO_EVIDENCE, ("no budget lines",), id="all-zero"),
    pytest.param({"budget": {"currency": "GBP"}}, NO_EVIDENCE, ("no budget lines",), id="no-lines"),
    pytest.param({}, NO_EVIDENCE, ("no budget lines",), id="no-budget"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), FD02)
def test_fd02_support_budget(rubric, sections, outcome, says):
    expect(
        judge(rubric, "FD-02", make_plan(**sections)), outcome, *says, paths=[("budget", "lines")]
    )


def test_fd02_rounded_share_does_not_contradict_the_threshold(rubric):
    # 496 of 1,000 is 49.6%: partial, so the figure quoted must be less than 50%.
    finding = judge(rubric, "FD-02", make_plan(**budget(("training", 504), ("coaching", 496))))
    expect(finding, PARTIAL, "(GBP 496 of 1,000)", "less than 50%")
    shown = float(re.search(r"is ([\d.]+)% of the budget", finding.reason).group(1))
    assert shown < 50, finding.reason


# -- FD-03: every wave start, trained_by and measure timepoint within the plan period -------
def dated(
    *starts: str, trained_by: str | None = None, timepoints: list[str] | None = None
) -> dict[str, Any]:
    sections: dict[str, Any] = {}
    if starts:
        sections["rollout"] = {
            "cohorts": [cohort(f"W{i + 1}", 10, s) for i, s in enumerate(starts)]
        }
    if trained_by is not None:
        sections["line_managers"] = {"trained_by": trained_by}
    if timepoints is not None:
        sections["standards"] = {"outcome_measures": [{"name": "SDQ", "timepoints": timepoints}]}
    return sections


PERIOD = "(2027-01-01 to 2029-12-31)"

# fmt: off
FD03 = [
    pytest.param(dated("2027-02-01", "2027-09-01", trained_by="2027-01-15", timepoints=["baseline", "12 months"]), MET, ("All 5 dates fall within the plan period " + PERIOD,), id="all-inside-met"),
    pytest.param(dated("2027-01-01", "2029-12-31"), MET, ("All 2 dates",), id="on-start-and-end-met-boundary"),
    pytest.param(dated(timepoints=["baseline", "35 months"]), MET, ("All 2 dates",), id="35-months-inside-met"),
    pytest.param(dated("2026-12-31"), NOT_MET, ("1 date outside the plan period " + PERIOD, "wave 'W1' starts 2026-12-31"), id="day-before-start-not-met"),
    pytest.param(dated("2027-02-01", "2030-01-01"), NOT_MET, ("1 date outside", "wave 'W2' starts 2030-01-01"), id="day-after-end-not-met"),
    pytest.param(dated(trained_by="2026-11-30"), NOT_MET, ("line managers trained by 2026-11-30",), id="trained-before-start-not-met"),
    pytest.param(dated(timepoints=["baseline", "36 months"]), MET, ("All 2 dates",), id="measure-on-the-last-day-met"),
    pytest.param(dated(timepoints=["baseline", "37 months"]), NOT_MET, ("SDQ at 37 months 2030-01-31",), id="measure-after-end-not-met"),
    pytest.param(dated("2026-01-01", "2026-02-01", "2026-03-01", "2031-01-01"), NOT_MET, ("4 dates outside", "wave 'W3' starts 2026-03-01."), id="shows-first-3"),
    pytest.param({"standards": {"outcome_measures": [{"name": "SDQ"}]}}, NOT_APPLICABLE, ("no wave, training or measure dates",), id="no-dates-not-applicable"),
    pytest.param({}, NOT_APPLICABLE, ("no wave, training or measure dates",), id="nothing-not-applicable"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), FD03)
def test_fd03_dates_in_period(rubric, sections, outcome, says):
    expect(judge(rubric, "FD-03", make_plan(**sections)), outcome, *says)


@pytest.mark.parametrize(
    ("sections", "paths"),
    [
        pytest.param(
            dated("2027-02-01"), [("plan", "start"), ("plan", "end")], id="met-reads-period"
        ),
        pytest.param(
            dated("2027-02-01", "2030-01-01"), [("rollout", "cohorts", 1, "start")], id="late-wave"
        ),
        pytest.param(
            dated(trained_by="2026-11-30"), [("line_managers", "trained_by")], id="trained-by"
        ),
        pytest.param(
            dated(timepoints=["baseline", "4 years"]),
            [("standards", "outcome_measures", 0, "timepoints", 1)],
            id="timepoint",
        ),
        pytest.param({}, [("plan", "start")], id="not-applicable"),
    ],
)
def test_fd03_paths(rubric, sections, paths):
    assert judge(rubric, "FD-03", make_plan(**sections)).paths == tuple(paths)


# -- FD-04: support continues >= 12 months after the first wave starts (partial >= 6) ------
def lasting(first: str | None = None, end: str | None = None, **standards: Any) -> dict[str, Any]:
    sections: dict[str, Any] = {}
    if standards:
        sections["standards"] = standards
    if first is not None:
        sections["rollout"] = {"cohorts": [cohort(start=first)]}
    if end is not None:
        sections["plan"] = {"end": end}
    return sections


# fmt: off
FD04 = [
    pytest.param(lasting(coaching={"frequency": "monthly", "months": 12}), MET, ("Support continues 12 months after the plan starts (coaching).",), id="coaching-12-met-boundary"),
    pytest.param(lasting(coaching={"frequency": "monthly", "months": 11}), PARTIAL, ("11 months", "less than 12"), id="coaching-11-partial"),
    pytest.param(lasting(coaching={"months": 6}), PARTIAL, ("6 months",), id="coaching-6-partial-boundary"),
    pytest.param(lasting(coaching={"months": 5}), NOT_MET, ("5 months", "less than 6", "stops before practice settles"), id="coaching-5-not-met"),
    pytest.param(lasting("2027-01-15", cpd={"frequency": "six-monthly"}), MET, ("35 months", "(ongoing CPD to the plan's end)"), id="cpd-to-end-met"),
    pytest.param(lasting("2029-03-15", supervision={"frequency": "monthly"}), PARTIAL, ("9 months", "(ongoing supervision to the plan's end)"), id="supervision-to-end-partial"),
    pytest.param(lasting("2029-10-15", supervision={"frequency": "monthly"}), NOT_MET, ("2 months",), id="late-first-wave-not-met"),
    pytest.param(lasting("2027-01-15", coaching={"months": 6}, supervision={"frequency": "quarterly"}), MET, ("35 months", "supervision"), id="longest-span-wins"),
    pytest.param(lasting(supervision={"frequency": "none"}, cpd={"frequency": "once"}), NO_EVIDENCE, ("no coaching, supervision or CPD",), id="never-and-once-do-not-count"),
    pytest.param(lasting(coaching={"frequency": "monthly", "months": 0}), NO_EVIDENCE, ("continues after training",), id="coaching-0-months"),
    pytest.param(lasting(supervision={"minutes": 90}), NO_EVIDENCE, ("continues after training",), id="supervision-frequency-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("no coaching, supervision or CPD",), id="nothing"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), FD04)
def test_fd04_support_duration(rubric, sections, outcome, says):
    expect(judge(rubric, "FD-04", make_plan(**sections)), outcome, *says)


@pytest.mark.parametrize(
    ("sections", "paths"),
    [
        pytest.param(
            lasting(coaching={"months": 12}), [("standards", "coaching", "months")], id="coaching"
        ),
        pytest.param(
            lasting("2027-01-15", cpd={"frequency": "termly"}), [("standards", "cpd")], id="cpd"
        ),
        pytest.param({}, [("standards",)], id="no-evidence"),
    ],
)
def test_fd04_paths(rubric, sections, paths):
    assert judge(rubric, "FD-04", make_plan(**sections)).paths == tuple(paths)


def test_fd04_supervision_to_an_inclusive_plan_end_counts_the_last_month(rubric):
    # First wave 2029-01-01, plan ends 2029-12-31 (inclusive, as RP-07 counts it): monthly
    # supervision runs for the whole 12 months after the first wave starts.
    plan = make_plan(**lasting("2029-01-01", supervision={"frequency": "monthly"}))
    expect(
        judge(rubric, "FD-04", plan), MET, "12 months", "(ongoing supervision to the plan's end)"
    )


@pytest.mark.parametrize(
    "sections",
    [
        pytest.param(
            {
                "standards": {"coaching": {"notes": "To be decided"}},
                "fidelity": {"notes": "Not yet planned"},
            },
            id="notes-only",
        ),
        pytest.param(
            {
                "standards": {
                    "coaching": {"frequency": "once"},
                    "supervision": {"frequency": "none"},
                }
            },
            id="one-off-and-never",
        ),
    ],
)
def test_fd01_sections_that_describe_nothing_do_not_count(rubric, sections):
    finding = judge(rubric, "FD-01", make_plan(**sections))
    assert finding.outcome is Outcome.NOT_MET
