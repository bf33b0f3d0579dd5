"""Foundations: FD-01 .. FD-05 against the default rubric (rubric 2: support counts only when
the plan pays for it, at a price that could buy it)."""

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

# What the base plan's support costs at the rubric's unit costs (100 practitioners, a plan of
# 36 months, everyone from the start): coaching monthly for 12 months about GBP 22,000;
# supervision monthly to the plan's end about GBP 297,000; fidelity checks once a year about
# GBP 3,000. A budget line of each of these covers its support at about market rates.
MARKET = {"coaching": 25_000, "supervision": 300_000, "fidelity": 5_000}


def line(item: str, category: str, amount: float) -> dict[str, Any]:
    return {"item": item, "category": category, "amount": amount}


def lines(*entries: dict[str, Any], currency: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"lines": list(entries)}
    if currency is not None:
        body["currency"] = currency
    return {"budget": body}


# -- FD-01: at least two kinds of support the plan pays for; one is partial ----------------
def support(
    coaching: Any = None, supervision: Any = None, fidelity: Any = None, *, funded: bool = True
) -> dict[str, Any]:
    """Support sections, each (when ``funded``) with a budget line of its matching category at
    a market rate, as a plan written before ``funded_by`` budgets its support."""
    sections: dict[str, Any] = {}
    standards = {
        k: v for k, v in (("coaching", coaching), ("supervision", supervision)) if v is not None
    }
    if standards:
        sections["standards"] = standards
    if fidelity is not None:
        sections["fidelity"] = fidelity
    given = [
        c
        for c, v in (("coaching", coaching), ("supervision", supervision), ("fidelity", fidelity))
        if v is not None
    ]
    if funded and given:
        sections.update(lines(*(line(f"{c} contract", c, MARKET[c]) for c in given)))
    return sections


NOTHING_PAID = "The plan pays for no support after the training"

# fmt: off
FD01 = [
    pytest.param(support(COACHING, SUPERVISION), MET, ("The plan pays for coaching and supervision after the training.",), id="coaching-supervision-met"),
    pytest.param(support(COACHING, SUPERVISION, FIDELITY), MET, ("coaching, supervision and fidelity checks",), id="all-three-met"),
    pytest.param(support(None, SUPERVISION, FIDELITY), MET, ("supervision and fidelity checks",), id="supervision-fidelity-met"),
    pytest.param(support(COACHING), PARTIAL, ("The plan pays for coaching after the training.", "It needs at least 2 kinds of support."), id="coaching-only-partial"),
    pytest.param(support(fidelity=FIDELITY), PARTIAL, ("pays for fidelity checks after the training", "at least 2 kinds"), id="fidelity-only-partial"),
    pytest.param(support({"frequency": "none"}, SUPERVISION), PARTIAL, ("pays for supervision after the training",), id="coaching-never-does-not-count"),
    pytest.param(support(COACHING, fidelity={"frequency": "none"}), PARTIAL, ("pays for coaching after the training",), id="fidelity-never-does-not-count"),
    pytest.param(support({"frequency": "none"}), NOT_MET, (NOTHING_PAID, "buys training, not implementation"), id="coaching-never-not-met"),
    pytest.param({"standards": {"cpd": {"frequency": "termly"}}}, NOT_MET, (NOTHING_PAID,), id="cpd-only-not-met"),
    pytest.param({}, NOT_MET, (NOTHING_PAID + " (coaching, supervision, fidelity checks, protected time)",), id="nothing-not-met"),
    pytest.param(support(COACHING, SUPERVISION, funded=False), NOT_MET, (NOTHING_PAID, "Nothing in the budget pays for coaching and supervision."), id="described-but-unfunded-not-met"),
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
            [
                ("standards", "coaching"),
                ("standards", "supervision"),
                ("fidelity",),
                ("budget", "lines", 0),
                ("budget", "lines", 1),
                ("budget", "lines", 2),
            ],
            id="all-three-with-their-lines",
        ),
        pytest.param(support(fidelity=FIDELITY), [("fidelity",), ("budget", "lines", 0)], id="one"),
        pytest.param(
            support(COACHING, funded=False), [("standards", "coaching")], id="unfunded-reads-it"
        ),
        pytest.param({}, [("standards",)], id="none"),
    ],
)
def test_fd01_paths(rubric, sections, paths):
    assert judge(rubric, "FD-01", make_plan(**sections)).paths == tuple(paths)


# How the plan pays: a line of the matching category, funded_by, or existing (not bought).
FUNDED_BY_COACHING = {**COACHING, "funded_by": ["Practice coaching by the implementation team"]}
FUNDED_BY_FIDELITY = {**FIDELITY, "funded_by": ["Termly reflective reviews"]}

# fmt: off
FD01_PAID = [
    pytest.param(
        {"standards": {"coaching": COACHING, "supervision": SUPERVISION},
         **lines(line("Coaching", "coaching", 25_000), line("Supervision", "supervision", 300_000))},
        MET, ("pays for coaching and supervision",), id="matching-category-met"),
    pytest.param(
        {"standards": {"coaching": FUNDED_BY_COACHING}, "fidelity": FUNDED_BY_FIDELITY,
         **lines(line("Practice coaching by the implementation team", "implementation-team", 25_000),
                 line("Termly reflective reviews", "champions", 5_000))},
        MET, ("pays for coaching and fidelity checks",), id="funded-by-any-support-category-met"),
    pytest.param(
        {"standards": {"coaching": {**COACHING, "funded_by": ["Five-day course"]}},
         **lines(line("Five-day course", "training", 25_000))},
        NOT_MET, (NOTHING_PAID, "The budget lines named for coaching are training or other spending, not support."), id="funded-by-a-training-line-not-met"),
    pytest.param(
        {"standards": {"coaching": {**COACHING, "funded_by": ["Five-day course"]}},
         **lines(line("Five-day course", "training", 25_000), line("Coaching", "coaching", 25_000))},
        NOT_MET, ("The budget lines named for coaching are training or other spending",), id="funded-by-wins-over-the-category"),
    pytest.param(
        {"standards": {"coaching": {**COACHING, "funded_by": ["Coaching"]}},
         **lines(line("Coaching", "other", 25_000))},
        NOT_MET, ("The budget lines named for coaching are training or other spending",), id="funded-by-an-other-line-not-met"),
    pytest.param(
        {"standards": {"coaching": COACHING, "supervision": {**SUPERVISION, "existing": True}},
         **lines(line("Coaching", "coaching", 25_000))},
        PARTIAL, ("pays for coaching after the training", "Supervision already runs as usual: not bought by this plan."), id="existing-supervision-does-not-count"),
    pytest.param(
        {"standards": {"supervision": {**SUPERVISION, "existing": True}},
         **lines(line("Supervision", "supervision", 300_000))},
        NOT_MET, (NOTHING_PAID, "Supervision already runs as usual"), id="existing-wins-over-a-supervision-line"),
    pytest.param(
        {"standards": {"coaching": {**COACHING, "existing": True}, "supervision": {**SUPERVISION, "existing": True}}},
        NOT_MET, ("Coaching and supervision already run as usual",), id="existing-plural"),
    pytest.param(
        {"line_managers": {"reflective_practice": {"frequency": "monthly", "minutes": 90}},
         **lines(line("Coaching", "coaching", 25_000))},
        NOT_MET, ("Nothing in the budget pays for team reflective practice.",), id="reflective-practice-has-no-matching-category"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), FD01_PAID)
def test_fd01_counts_only_support_the_plan_pays_for(rubric, sections, outcome, says):
    expect(judge(rubric, "FD-01", make_plan(**sections)), outcome, *says)


# -- FD-01 plausibility: the money that pays for support against what it would cost ---------
def test_fd01_a_one_pound_coaching_line_does_not_buy_coaching(rubric):
    plan = make_plan(standards={"coaching": COACHING}, **lines(line("Coaching", "coaching", 1)))
    expect(
        judge(rubric, "FD-01", plan),
        NOT_MET,
        "The budget is too small for the support the plan describes",
        "coaching (GBP 1 against about GBP 22,000 at 2013/14 prices, 0%; at least 50% is needed)",
    )


def test_fd01_one_pound_lines_do_not_lift_two_kinds_of_support(rubric):
    plan = make_plan(
        standards={"coaching": COACHING},
        fidelity={**FIDELITY, "frequency": "quarterly"},
        **lines(line("Coaching", "coaching", 1), line("Reviews", "fidelity", 1)),
    )
    expect(
        judge(rubric, "FD-01", plan),
        NOT_MET,
        "coaching (GBP 1 against about GBP 22,000",
        "fidelity checks (GBP 1 against about GBP 12,000",
    )


def test_fd01_coaching_funded_at_a_market_rate_is_met(rubric):
    # 100 practitioners coached monthly for a year cost about GBP 22,000 at the rubric's
    # prices; quarterly fidelity checks for three years about GBP 12,000.
    plan = make_plan(
        standards={"coaching": COACHING},
        fidelity={**FIDELITY, "frequency": "quarterly"},
        **lines(
            line("Five-day course", "training", 60_000),
            line("Monthly in-practice coaching", "coaching", 30_000),
            line("Quarterly reflective reviews", "fidelity", 8_000),
        ),
    )
    finding = judge(rubric, "FD-01", plan)
    expect(finding, MET, "The plan pays for coaching and fidelity checks after the training.")
    assert "Too little" not in finding.reason


def test_fd01_half_the_price_is_enough_and_a_little_less_is_not(rubric):
    enough = make_plan(
        standards={"coaching": COACHING}, **lines(line("Coaching", "coaching", 11_000))
    )
    expect(judge(rubric, "FD-01", enough), PARTIAL, "pays for coaching after the training")
    short = make_plan(
        standards={"coaching": COACHING}, **lines(line("Coaching", "coaching", 10_900))
    )
    expect(
        judge(rubric, "FD-01", short),
        NOT_MET,
        "coaching (GBP 10,900 against about GBP 22,000 at 2013/14 prices, 49.5%",
    )


def test_fd01_each_wave_is_priced_from_its_start(rubric):
    # 10 practitioners coached for 12 months from 2027-01-01 and 90 for the 6 months left of
    # the plan from 2029-07-01: 660 practitioner-months, about GBP 12,100.
    plan = make_plan(
        rollout={"cohorts": [cohort("W1", 10, "2027-01-01"), cohort("W2", 90, "2029-07-01")]},
        standards={"coaching": COACHING},
        **lines(line("Coaching", "coaching", 1)),
    )
    expect(judge(rubric, "FD-01", plan), NOT_MET, "GBP 1 against about GBP 12,100")


def test_fd01_support_in_another_currency_is_not_priced(rubric):
    plan = make_plan(
        standards={"coaching": COACHING},
        **lines(line("Coaching", "coaching", 1), currency="EUR"),
    )
    finding = judge(rubric, "FD-01", plan)
    expect(finding, PARTIAL, "The plan pays for coaching after the training.")
    assert "against about" not in finding.reason, finding.reason


def test_fd01_support_that_shares_a_budget_line_is_priced_together(rubric):
    # Alone, GBP 12,000 would cover coaching (about GBP 22,000) or the fidelity checks (about
    # GBP 3,000); shared, it is set against both together (about GBP 25,000).
    def shared(amount: float):
        return make_plan(
            standards={"coaching": {**COACHING, "funded_by": ["Support contract"]}},
            fidelity={**FIDELITY, "funded_by": ["Support contract"]},
            **lines(line("Support contract", "coaching", amount)),
        )

    expect(
        judge(rubric, "FD-01", shared(12_000)),
        NOT_MET,
        "coaching and fidelity checks (GBP 12,000 against about GBP 25,000 at 2013/14 prices, 48%",
    )
    expect(
        judge(rubric, "FD-01", shared(13_000)),
        MET,
        "The plan pays for coaching and fidelity checks after the training.",
    )


# 10 practitioners with 2 protected hours a month for 36 months: about GBP 28,800.
PROTECTED = {"workforce": {"practitioners": 10}}

# fmt: off
FD01_PROTECTED = [
    pytest.param({"managers": {"protected_time": {"hours_per_month": 2, "backfill": 30_000}}}, NOT_MET, ("Nothing in the budget pays for protected time.",), id="backfill-money-without-a-budget-line-does-not-pay"),
    pytest.param({"managers": {"protected_time": {"hours_per_month": 2}}, **lines(line("Relief cover", "backfill", 30_000))}, PARTIAL, ("pays for protected time",), id="backfill-line-pays"),
    pytest.param({"managers": {"protected_time": {"hours_per_month": 2}}, **lines(line("Relief cover", "backfill", 100))}, NOT_MET, ("protected time (GBP 100 against about GBP 28,800",), id="too-little-backfill-not-met"),
    pytest.param({"managers": {"protected_time": {"hours_per_month": 2}}}, NOT_MET, ("Nothing in the budget pays for protected time.",), id="no-cover-not-met"),
    pytest.param({"managers": {"protected_time": {"backfill": 30_000}}}, NOT_MET, (NOTHING_PAID,), id="cover-without-hours-is-not-protected-time"),
    pytest.param({"managers": {"protected_time": {"hours_per_month": 2}}, "standards": {"coaching": COACHING}, **lines(line("Coaching", "coaching", 5_000), line("Relief cover", "backfill", 30_000))}, MET, ("pays for coaching and protected time",), id="with-coaching-met"),
    pytest.param({"managers": {"protected_time": {"hours_per_month": 0.5}}, **lines(line("Relief cover", "backfill", 30_000))}, NOT_MET, ("pays for no support",), id="under-an-hour-a-month-is-not-support"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), FD01_PROTECTED)
def test_fd01_protected_time_with_backfill_money(rubric, sections, outcome, says):
    expect(judge(rubric, "FD-01", make_plan(**PROTECTED, **sections)), outcome, *says)


def test_fd01_support_the_plan_cannot_count_people_for_is_still_priced(rubric):
    # A hollow plan: coaching for line managers and team reflective practice, paid with GBP 1
    # each, in a plan that does not say how many line managers or teams there are. Support
    # counts only when its money covers half of what it would cost (rubric 2, FD-01), so GBP 2
    # cannot buy two kinds of support.
    plan = make_plan(
        line_managers={
            "coaching": {**COACHING, "funded_by": ["Manager coaching"]},
            "reflective_practice": {
                "frequency": "monthly",
                "minutes": 90,
                "funded_by": ["Reflective sessions"],
            },
        },
        **lines(
            line("Five-day course", "training", 50_000),
            line("Manager coaching", "champions", 1),
            line("Reflective sessions", "champions", 1),
        ),
    )
    expect(judge(rubric, "FD-01", plan), NOT_MET, "buys training, not implementation")


def test_fd01_coaching_for_zero_months_is_not_support(rubric):
    # Coaching "monthly for 0 months" never happens: it must not count, and a price of nothing
    # must not make a GBP 1 line look like enough.
    plan = make_plan(
        standards={"coaching": {"frequency": "monthly", "months": 0}},
        line_managers={"coaching": {"frequency": "monthly", "months": 0}},
        **lines(line("Coaching", "coaching", 1)),
    )
    expect(judge(rubric, "FD-01", plan), NOT_MET, NOTHING_PAID)


@pytest.mark.parametrize(
    "sections",
    [
        pytest.param(
            {
                "standards": {"coaching": {"notes": "To be decided"}},
                "fidelity": {"notes": "Not yet planned"},
                **lines(line("Coaching", "coaching", 25_000), line("Reviews", "fidelity", 5_000)),
            },
            id="notes-only",
        ),
        pytest.param(
            {
                "standards": {
                    "coaching": {"frequency": "once"},
                    "supervision": {"frequency": "none"},
                },
                **lines(
                    line("Coaching", "coaching", 25_000), line("Supervision", "supervision", 1_000)
                ),
            },
            id="one-off-and-never",
        ),
    ],
)
def test_fd01_sections_that_describe_nothing_do_not_count(rubric, sections):
    expect(judge(rubric, "FD-01", make_plan(**sections)), NOT_MET, NOTHING_PAID)


# -- FD-02: implementation support >= 50% of the money for training and support ------------
def budget(*entries: tuple[str, float], currency: str | None = None) -> dict[str, Any]:
    return lines(*(line(f"{c} {i}", c, a) for i, (c, a) in enumerate(entries)), currency=currency)


OF_THE_MONEY = "of the money for training and support"

# fmt: off
FD02 = [
    pytest.param(budget(("training", 40000), ("coaching", 60000)), MET, (f"Implementation support is 60% {OF_THE_MONEY}", "(GBP 60,000 of 100,000)"), id="60-met"),
    pytest.param(budget(("training", 50000), ("supervision", 50000)), MET, (f"50% {OF_THE_MONEY}",), id="50-met-boundary"),
    pytest.param(budget(("training", 10), ("backfill", 1), ("fidelity", 1), ("evaluation", 1), ("champions", 1), ("coaching", 1), ("supervision", 1)), PARTIAL, (f"38% {OF_THE_MONEY}", "(GBP 6 of 16)"), id="every-support-category-counts"),
    pytest.param(budget(("training", 40), ("implementation-team", 20), ("service-posts", 20), ("lived-experience", 20)), MET, (f"60% {OF_THE_MONEY}", "(GBP 60 of 100)"), id="new-support-categories-count"),
    pytest.param(budget(("training", 51000), ("coaching", 49000)), PARTIAL, (f"49% {OF_THE_MONEY}", "less than 50%"), id="49-partial"),
    pytest.param(budget(("training", 75), ("evaluation", 25)), PARTIAL, (f"25% {OF_THE_MONEY}", "(GBP 25 of 100)"), id="25-partial-boundary"),
    pytest.param(budget(("training", 76), ("evaluation", 24)), NOT_MET, (f"24% {OF_THE_MONEY}", "less than 25%: most money buys training"), id="24-not-met"),
    pytest.param(budget(("other", 60), ("training", 20), ("coaching", 20)), MET, (f"50% {OF_THE_MONEY}", "(GBP 20 of 40)"), id="other-is-left-out"),
    pytest.param(budget(("other", 1000), ("training", 80), ("coaching", 20)), NOT_MET, (f"20% {OF_THE_MONEY}", "(GBP 20 of 100)"), id="other-is-not-support"),
    pytest.param(budget(("training", 100000)), NOT_MET, (f"0% {OF_THE_MONEY}", "most money buys training"), id="training-only-not-met"),
    pytest.param(budget(("coaching", 1000), currency="EUR"), MET, (f"100% {OF_THE_MONEY} (EUR 1,000 of 1,000)",), id="currency-shown"),
    pytest.param(budget(("other", 5000)), NO_EVIDENCE, ("no budget lines for training or support",), id="other-only"),
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
    shown = float(re.search(rf"is ([\d.]+)% {OF_THE_MONEY}", finding.reason).group(1))
    assert shown < 50, finding.reason


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param((("training", 30), ("implementation-team", 70)), id="implementation-team"),
        pytest.param((("training", 30), ("service-posts", 70)), id="service-posts"),
        pytest.param((("training", 30), ("lived-experience", 70)), id="lived-experience"),
    ],
)
def test_fd02_new_categories_are_support_not_training(rubric, entries):
    finding = judge(rubric, "FD-02", make_plan(**budget(*entries)))
    expect(finding, MET, f"70% {OF_THE_MONEY}")
    assert "training" not in finding.reason.replace(OF_THE_MONEY, ""), finding.reason


def test_fd02_says_most_money_buys_training_only_when_training_outweighs_support(rubric):
    from readiness.checks.foundations import BudgetParams, support_budget

    # A local rubric that asks for more: 55% support is not met, but most money is support.
    strict = BudgetParams(met_min_percent=80, partial_min_percent=60)
    mostly_support = make_plan(**budget(("training", 45), ("coaching", 55)))
    finding = support_budget(mostly_support, strict, rubric.context)
    expect(finding, NOT_MET, f"55% {OF_THE_MONEY}", "less than 60%")
    assert "most money buys training" not in finding.reason, finding.reason
    mostly_training = make_plan(**budget(("training", 60), ("coaching", 40)))
    expect(
        support_budget(mostly_training, strict, rubric.context),
        NOT_MET,
        "less than 60%: most money buys training",
    )
    # The default rubric, met or partial: never said.
    for entries in ((("training", 40), ("coaching", 60)), (("training", 60), ("coaching", 40))):
        said = judge(rubric, "FD-02", make_plan(**budget(*entries))).reason
        assert "most money buys training" not in said, said


# -- FD-03: every wave start, trained_by and measure timepoint within the plan period -------
def dated(
    *starts: str,
    trained_by: str | None = None,
    timepoints: list[str] | None = None,
    wave_trained_by: str | None = None,
) -> dict[str, Any]:
    sections: dict[str, Any] = {}
    if starts:
        extra = {"managers_trained_by": wave_trained_by} if wave_trained_by else {}
        sections["rollout"] = {
            "cohorts": [cohort(f"W{i + 1}", 10, s, **extra) for i, s in enumerate(starts)]
        }
    if trained_by is not None:
        sections["line_managers"] = {"trained_by": trained_by}
    if timepoints is not None:
        sections["standards"] = {"outcome_measures": [{"name": "SDQ", "timepoints": timepoints}]}
    return sections


PERIOD = "(2027-01-01 to 2029-12-31)"
BEFORE_THE_PLAN = {
    "managers": {
        "sessions": [
            {"date": "2026-06-01", "attendees": ["service-manager"], "about": "Design day"},
            {"date": "2026-10-01", "attendees": ["service-manager", "commissioner"]},
        ]
    },
    "sustainability": {"funded_until": "2031-03-31", "after_funding": "Core budget."},
}

# fmt: off
FD03 = [
    pytest.param(dated("2027-02-01", "2027-09-01", trained_by="2027-01-15", timepoints=["baseline", "12 months"]), MET, ("All 5 dates fall within the plan period " + PERIOD,), id="all-inside-met"),
    pytest.param(dated("2027-01-01", "2029-12-31"), MET, ("All 2 dates",), id="on-start-and-end-met-boundary"),
    pytest.param(dated(timepoints=["baseline", "35 months"]), MET, ("All 2 dates",), id="35-months-inside-met"),
    pytest.param(dated("2027-03-01", "2027-09-01", wave_trained_by="2027-02-01"), MET, ("All 4 dates",), id="wave-trained-by-inside-met"),
    pytest.param({**dated("2027-03-01", "2027-09-01"), **BEFORE_THE_PLAN}, MET, ("All 2 dates",), id="sessions-and-funded-until-left-out-met"),
    pytest.param(dated("2026-12-31"), NOT_MET, ("1 date outside the plan period " + PERIOD, "wave 'W1' starts 2026-12-31"), id="day-before-start-not-met"),
    pytest.param(dated("2027-02-01", "2030-01-01"), NOT_MET, ("1 date outside", "wave 'W2' starts 2030-01-01"), id="day-after-end-not-met"),
    pytest.param(dated("2027-03-01", wave_trained_by="2026-12-01"), NOT_MET, ("1 date outside", "wave 'W1' line managers trained by 2026-12-01"), id="wave-trained-before-start-not-met"),
    pytest.param(dated(trained_by="2026-11-30"), NOT_MET, ("line managers trained by 2026-11-30",), id="trained-before-start-not-met"),
    pytest.param(dated(timepoints=["baseline", "36 months"]), MET, ("All 2 dates",), id="measure-on-the-last-day-met"),
    pytest.param(dated(timepoints=["baseline", "37 months"]), NOT_MET, ("SDQ at 37 months 2030-01-31",), id="measure-after-end-not-met"),
    pytest.param(dated("2026-01-01", "2026-02-01", "2026-03-01", "2031-01-01"), NOT_MET, ("4 dates outside", "wave 'W3' starts 2026-03-01."), id="shows-first-3"),
    pytest.param({"standards": {"outcome_measures": [{"name": "SDQ"}]}}, NOT_APPLICABLE, ("no wave, training or measure dates",), id="no-dates-not-applicable"),
    pytest.param(BEFORE_THE_PLAN, NOT_APPLICABLE, ("no wave, training or measure dates",), id="only-sessions-and-funded-until-not-applicable"),
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
            dated("2027-03-01", wave_trained_by="2030-02-01"),
            [("rollout", "cohorts", 0, "managers_trained_by")],
            id="wave-trained-by",
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


# -- FD-04: paid-for support continues >= 12 months after the first wave starts -------------
SUPPORT_LINES = lines(
    line("Coaching", "coaching", 25_000),
    line("Supervision", "supervision", 300_000),
    line("Termly CPD days", "champions", 6_000),
)


def lasting(
    first: str | None = None, end: str | None = None, *, funded: bool = True, **standards: Any
) -> dict[str, Any]:
    """Support sections; when ``funded``, the budget has a coaching and a supervision line, and
    a line that CPD can name in ``funded_by`` (CPD has no category of its own)."""
    sections: dict[str, Any] = {}
    if standards:
        sections["standards"] = standards
    if first is not None:
        sections["rollout"] = {"cohorts": [cohort(start=first)]}
    if end is not None:
        sections["plan"] = {"end": end}
    if funded:
        sections.update(SUPPORT_LINES)
    return sections


CPD = {"frequency": "six-monthly", "funded_by": ["Termly CPD days"]}
NOT_PAID = "The plan pays for no coaching, supervision or CPD after the training"

# fmt: off
FD04 = [
    pytest.param(lasting(coaching={"frequency": "monthly", "months": 12}), MET, ("Support continues 12 months after the plan starts (coaching).",), id="coaching-12-met-boundary"),
    pytest.param(lasting(coaching={"frequency": "monthly", "months": 11}), PARTIAL, ("11 months", "less than 12"), id="coaching-11-partial"),
    pytest.param(lasting(coaching={"months": 6}), PARTIAL, ("6 months",), id="coaching-6-partial-boundary"),
    pytest.param(lasting(coaching={"months": 5}), NOT_MET, ("5 months", "less than 6", "stops before practice settles"), id="coaching-5-not-met"),
    pytest.param(lasting("2027-01-15", cpd=CPD), MET, ("35 months", "(ongoing CPD to the plan's end)"), id="cpd-to-end-met"),
    pytest.param(lasting("2029-03-15", supervision={"frequency": "monthly"}), PARTIAL, ("9 months", "(ongoing supervision to the plan's end)"), id="supervision-to-end-partial"),
    pytest.param(lasting("2029-10-15", supervision={"frequency": "monthly"}), NOT_MET, ("2 months",), id="late-first-wave-not-met"),
    pytest.param(lasting("2027-01-15", coaching={"months": 6}, supervision={"frequency": "quarterly"}), MET, ("35 months", "supervision"), id="longest-span-wins"),
    pytest.param(lasting("2027-01-15", coaching={"months": 6}, supervision={"frequency": "monthly", "existing": True}), PARTIAL, ("6 months", "(coaching)"), id="existing-supervision-is-not-the-longest"),
    pytest.param(lasting(supervision={"frequency": "monthly", "existing": True}), NOT_MET, (NOT_PAID, "already runs"), id="existing-supervision-not-met"),
    pytest.param(lasting(cpd={"frequency": "termly", "existing": True}, coaching={"months": 12, "existing": True}), NOT_MET, (NOT_PAID,), id="existing-cpd-and-coaching-not-met"),
    pytest.param(lasting(funded=False, coaching={"frequency": "monthly", "months": 24}), NOT_MET, (NOT_PAID, "the budget pays too little or nothing for it"), id="unfunded-coaching-not-met"),
    pytest.param(lasting(cpd={"frequency": "termly"}), NOT_MET, (NOT_PAID,), id="cpd-without-funded-by-not-met"),
    pytest.param({"standards": {"cpd": {"frequency": "termly", "funded_by": ["Course"]}}, **lines(line("Course", "training", 9_000))}, NOT_MET, (NOT_PAID,), id="cpd-funded-by-training-not-met"),
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
        pytest.param(lasting("2027-01-15", cpd=CPD), [("standards", "cpd")], id="cpd"),
        pytest.param(
            lasting(supervision={"frequency": "monthly", "existing": True}),
            [("standards",), ("budget", "lines")],
            id="not-paid-for",
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


# -- FD-05: when the money ends, and how support continues after it ------------------------
def sustained(**body: Any) -> dict[str, Any]:
    return {"sustainability": body}


AFTER = "Coaching and reflective groups move into the workforce development budget."

# fmt: off
FD05 = [
    pytest.param(sustained(funded_until="2030-03-31", after_funding=AFTER), MET, ("Funding runs until 2030-03-31, and the plan says how support continues after that.",), id="both-met"),
    pytest.param(sustained(funded_until="2030-03-31"), PARTIAL, ("Funding runs until 2030-03-31", "does not say what happens after (after_funding)"), id="funded-until-only-partial"),
    pytest.param(sustained(after_funding=AFTER), PARTIAL, ("says how support continues", "not when the money ends (funded_until)"), id="after-funding-only-partial"),
    pytest.param(sustained(notes="To follow."), NO_EVIDENCE, ("how support continues after the money ends",), id="notes-only"),
    pytest.param({}, NO_EVIDENCE, ("sustainability",), id="no-section"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), FD05)
def test_fd05_sustainability(rubric, sections, outcome, says):
    expect(
        judge(rubric, "FD-05", make_plan(**sections)), outcome, *says, paths=[("sustainability",)]
    )


def test_fd04_does_not_count_support_the_budget_is_too_small_to_buy(rubric):
    # monthly coaching for 100 practitioners for 24 months costs about GBP 44,000 (20 minutes
    # of a coach at GBP 55 an hour): GBP 1 cannot buy it, so it is not support that lasts
    plan = make_plan(
        standards={"coaching": {"frequency": "monthly", "months": 24}},
        **lines(line("Coaching", "coaching", 1)),
    )
    expect(judge(rubric, "FD-04", plan), NOT_MET, "pays too little or nothing")
