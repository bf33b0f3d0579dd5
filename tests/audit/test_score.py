"""Scoring exactly as docs/rubric.md defines it: lever scores, the mean, bands and caps."""

from __future__ import annotations

import pytest

from readiness.audit.result import CriterionResult, Location
from readiness.audit.score import (
    band_for,
    overall_score,
    raw_lever_score,
    reaches,
    round1,
    score_levers,
)
from readiness.outcomes import Outcome

MET, PARTIAL, NOT_MET, NO_EVIDENCE = (
    Outcome.MET,
    Outcome.PARTIAL,
    Outcome.NOT_MET,
    Outcome.NO_EVIDENCE,
)


def results(rubric, outcomes: dict[str, Outcome], default: Outcome = MET):  # type: ignore[no-untyped-def]
    return [
        CriterionResult(c, outcomes.get(c.id, default), "", (Location(1, 1, ""),))
        for c in rubric.criteria
    ]


def verdict(rubric, outcomes: dict[str, Outcome], default: Outcome = MET):  # type: ignore[no-untyped-def]
    found = results(rubric, outcomes, default)
    levers = score_levers(rubric.levers, found)
    scored = [lr for lr in levers if lr.lever.scored]
    overall = overall_score(scored)
    band, reasons = band_for(overall, scored, found, rubric.bands)
    return overall, band, reasons, {lr.lever.id: lr.score for lr in levers}


def test_every_criterion_met_is_ready(rubric) -> None:  # type: ignore[no-untyped-def]
    overall, band, reasons, levers = verdict(rubric, {})
    assert (overall, band, reasons) == (100.0, "ready", ())
    assert set(levers.values()) == {100.0}


def lever_score(found):  # type: ignore[no-untyped-def]
    """A lever's score as reported: the weighted mean, rounded down to one decimal."""
    raw = raw_lever_score(found)
    return None if raw is None else round1(raw)


def test_lever_score_is_weighted(rubric) -> None:  # type: ignore[no-untyped-def]
    # right-people weights: RP-01 and RP-02 count 2, the other six 1: total 10.
    found = [
        r
        for r in results(rubric, {"RP-01": PARTIAL, "RP-03": NOT_MET})
        if r.criterion.lever == "right-people"
    ]
    assert lever_score(found) == round1(100 * (2 * 0.5 + 2 + 5) / 10)


def test_waived_and_not_applicable_are_left_out(rubric) -> None:  # type: ignore[no-untyped-def]
    found = [
        r
        for r in results(
            rubric, {"RP-03": Outcome.WAIVED, "RP-04": Outcome.NOT_APPLICABLE, "RP-05": NOT_MET}
        )
        if r.criterion.lever == "right-people"
    ]
    assert lever_score(found) == round1(100 * 7 / 8)


def test_a_lever_with_nothing_counted_has_no_score(rubric) -> None:  # type: ignore[no-untyped-def]
    found = [r for r in results(rubric, {}, Outcome.WAIVED) if r.criterion.lever == "fidelity"]
    assert lever_score(found) is None


def test_no_evidence_counts_zero_like_not_met(rubric) -> None:  # type: ignore[no-untyped-def]
    a = verdict(rubric, {"PS-03": NOT_MET})
    b = verdict(rubric, {"PS-03": NO_EVIDENCE})
    assert a[0] == b[0]


def test_overall_is_the_mean_of_the_five_levers(rubric) -> None:  # type: ignore[no-untyped-def]
    overall, _, _, levers = verdict(rubric, {"PS-03": NOT_MET, "LM-03": PARTIAL})
    five = [
        levers[k]
        for k in ("right-people", "service-managers", "standards", "line-managers", "fidelity")
    ]
    assert overall == round1(sum(five) / 5)


def test_foundations_are_not_in_the_average(rubric) -> None:  # type: ignore[no-untyped-def]
    overall, _, _, levers = verdict(rubric, {"FD-04": NOT_MET})
    assert overall == 100.0
    assert levers["foundations"] < 100


@pytest.mark.parametrize(
    ("cid", "outcome", "band"),
    [
        ("FD-01", NOT_MET, "training-only"),
        ("FD-01", NO_EVIDENCE, "training-only"),
        ("RP-01", NOT_MET, "at-risk"),
        ("SM-04", NO_EVIDENCE, "at-risk"),
        ("FD-02", NOT_MET, "developing"),
        ("FD-03", NOT_MET, "developing"),
        ("RP-01", PARTIAL, "ready"),
        ("FD-01", PARTIAL, "ready"),
    ],
)
def test_caps_hold_the_band_down_whatever_the_score(
    rubric, cid: str, outcome: Outcome, band: str
) -> None:  # type: ignore[no-untyped-def]
    _, got, reasons, _ = verdict(rubric, {cid: outcome})
    assert got == band
    if band != "ready":
        assert any(cid in reason for reason in reasons)


def test_a_waived_capping_criterion_does_not_cap(rubric) -> None:  # type: ignore[no-untyped-def]
    assert verdict(rubric, {"FD-01": Outcome.WAIVED})[1] == "ready"


def test_a_lever_below_the_floor_keeps_the_plan_developing(rubric) -> None:  # type: ignore[no-untyped-def]
    # Every line-managers criterion but LM-01 not met: that lever scores 2/7, the mean stays above 80.
    outcomes = dict.fromkeys(("LM-02", "LM-03", "LM-04", "LM-05", "LM-06"), NOT_MET)
    overall, band, reasons, levers = verdict(rubric, outcomes)
    assert levers["line-managers"] < 60
    assert overall >= 80
    assert band == "developing"
    assert "Build line manager capability scores below 60" in reasons


@pytest.mark.parametrize(
    ("overall", "band"),
    [
        (39.9, "training-only"),
        (40.0, "at-risk"),
        (59.9, "at-risk"),
        (60.0, "developing"),
        (79.9, "developing"),
        (80.0, "ready"),
    ],
)
def test_band_thresholds(rubric, overall: float, band: str) -> None:  # type: ignore[no-untyped-def]
    found = results(rubric, {})
    levers = [lr for lr in score_levers(rubric.levers, found) if lr.lever.scored]
    assert band_for(overall, levers, found, rubric.bands)[0] == band


def test_the_worst_limit_wins(rubric) -> None:  # type: ignore[no-untyped-def]
    _, band, reasons, _ = verdict(rubric, {"FD-01": NOT_MET, "RP-01": NOT_MET, "FD-02": NOT_MET})
    assert band == "training-only"
    assert reasons == ("FD-01 is not met (caps the band at training-only)",)


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        (93.75, 93.7),
        (93.749, 93.7),
        (79.98, 79.9),
        (80.0, 80.0),
        (0.05, 0.0),
        (100.0, 100.0),
        (66.66666666666667, 66.6),
    ],
)
def test_scores_are_rounded_down(value: float, rounded: float) -> None:
    assert round1(value) == rounded


def test_a_mean_just_under_a_threshold_stays_under_it(rubric) -> None:  # type: ignore[no-untyped-def]
    # Lever scores whose exact mean is 79.98: shown as 79.9 and banded developing, never 80.0.
    from readiness.audit.result import LeverResult

    raws = [60.0, 62.5, 96.15, 81.25, 100.0]
    levers = [
        LeverResult(lv, round1(r), 1, r) for lv, r in zip(rubric.levers[:5], raws, strict=True)
    ]
    overall = overall_score(levers)
    assert overall == 79.9
    assert band_for(overall, levers, results(rubric, {}), rubric.bands)[0] == "developing"


def test_reaches() -> None:
    assert reaches("ready", "developing")
    assert reaches("developing", "developing")
    assert not reaches("at-risk", "developing")
