"""The generic checks ``at_most`` and ``present``, with params of our own, and their params
models (a key must be a key of the plan format)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from readiness.checks import REGISTRY
from readiness.checks.base import Context
from readiness.outcomes import Outcome

from .helpers import expect, make_plan

MET, PARTIAL, NOT_MET, NO_EVIDENCE = (
    Outcome.MET,
    Outcome.PARTIAL,
    Outcome.NOT_MET,
    Outcome.NO_EVIDENCE,
)
AT_MOST = REGISTRY["at_most"]
PRESENT = REGISTRY["present"]
DAYS = {
    "key": "training.days",
    "label": "Training days",
    "unit": "days",
    "met_max": 3,
    "partial_max": 5,
}


def at_most(sections: dict[str, Any], **params: Any):
    checked = AT_MOST.params.model_validate({**DAYS, **params})
    return AT_MOST.run(make_plan(**sections), checked, Context())


def present(sections: dict[str, Any], key: str, label: str = "Thing"):
    checked = PRESENT.params.model_validate({"key": key, "label": label})
    return PRESENT.run(make_plan(**sections), checked, Context())


# -- at_most -------------------------------------------------------------------------------
# fmt: off
AT_MOST_CASES = [
    pytest.param({"training": {"days": 0}}, MET, ("Training days: 0 days, within the 3 allowed.",), id="0-met"),
    pytest.param({"training": {"days": 3}}, MET, ("3 days, within the 3 allowed",), id="at-met-max-met"),
    pytest.param({"training": {"days": 3.5}}, PARTIAL, ("3.5 days, more than 3 but within 5",), id="just-over-partial"),
    pytest.param({"training": {"days": 5}}, PARTIAL, ("5 days, more than 3 but within 5",), id="at-partial-max-partial"),
    pytest.param({"training": {"days": 5.5}}, NOT_MET, ("5.5 days, more than 5",), id="just-over-partial-max-not-met"),
    pytest.param({"training": {"days": 12}}, NOT_MET, ("12 days, more than 5",), id="well-over-not-met"),
    pytest.param({"training": {"methods": ["workshop"]}}, NO_EVIDENCE, ("The plan does not say: training days (training.days).",), id="key-unsaid"),
    pytest.param({}, NO_EVIDENCE, ("training days (training.days)",), id="section-absent"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "outcome", "says"), AT_MOST_CASES)
def test_at_most(sections, outcome, says):
    expect(at_most(sections), outcome, *says, paths=[("training", "days")])


def test_at_most_reads_a_nested_key():
    finding = at_most(
        {"managers": {"protected_time": {"hours_per_month": 2}}},
        key="managers.protected_time.hours_per_month",
        label="Hours",
        unit="hours",
    )
    expect(
        finding, MET, "Hours: 2 hours", paths=[("managers", "protected_time", "hours_per_month")]
    )


def test_at_most_a_text_value_is_no_evidence():
    expect(at_most({"fidelity": {"frequency": "weekly"}}, key="fidelity.frequency"), NO_EVIDENCE)


# -- present -------------------------------------------------------------------------------
# fmt: off
PRESENT_CASES = [
    pytest.param({"managers": {"practice_mapping": "Managers named 12 people."}}, "managers.practice_mapping", MET, ("Thing: Managers named 12 people.",), id="text-met"),
    pytest.param({"managers": {"leads": ["Sam"]}}, "managers.leads", MET, ("Thing: given.",), id="list-met"),
    pytest.param({"workforce": {"teams": 4}}, "workforce.teams", MET, ("Thing: given.",), id="number-met"),
    pytest.param({"managers": {"leads": []}}, "managers.leads", NO_EVIDENCE, ("The plan does not say: thing (managers.leads).",), id="empty-list"),
    pytest.param({"managers": {"involvement": ["co-design"]}}, "managers.leads", NO_EVIDENCE, ("managers.leads",), id="key-unsaid"),
    pytest.param({}, "managers.leads", NO_EVIDENCE, ("managers.leads",), id="section-absent"),
]
# fmt: on


@pytest.mark.parametrize(("sections", "key", "outcome", "says"), PRESENT_CASES)
def test_present(sections, key, outcome, says):
    expect(present(sections, key), outcome, *says, paths=[tuple(key.split("."))])


# -- params models -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("model", "params"),
    [
        pytest.param(
            PRESENT.params, {"key": "fidelity.forum", "label": "x"}, id="present-unknown-key"
        ),
        pytest.param(
            PRESENT.params,
            {"key": "fidelty.escalation", "label": "x"},
            id="present-misspelt-section",
        ),
        pytest.param(AT_MOST.params, {**DAYS, "key": "training.hours"}, id="at-most-unknown-key"),
        pytest.param(
            AT_MOST.params, {**DAYS, "key": "plan.start.year"}, id="at-most-below-a-value"
        ),
    ],
)
def test_params_refuse_a_key_that_is_not_in_the_plan_format(model, params):
    with pytest.raises(ValidationError) as caught:
        model.model_validate(params)
    assert "is not a key of the plan format" in str(caught.value)
    assert caught.value.errors()[0]["loc"] == ("key",)


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("Training.Days", id="capitals"),
        pytest.param("training/days", id="slash"),
        pytest.param("training..days", id="empty-part"),
    ],
)
def test_params_refuse_a_badly_written_key(key):
    with pytest.raises(ValidationError, match="not a key of the plan format"):
        AT_MOST.params.model_validate({**DAYS, "key": key})


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("fidelity.escalation", id="section-key"),
        pytest.param("workforce.pressures.vacancy_rate", id="nested-key"),
        pytest.param("rollout.cohorts", id="list-key"),
    ],
)
def test_params_accept_keys_of_the_plan_format(key):
    assert PRESENT.params.model_validate({"key": key, "label": "x"}).key == key


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({**DAYS, "met_min": 3}, id="unknown-param"),
        pytest.param({k: v for k, v in DAYS.items() if k != "unit"}, id="missing-param"),
        pytest.param({**DAYS, "met_max": "3"}, id="number-as-text"),
    ],
)
def test_at_most_params_are_strict_and_closed(params):
    with pytest.raises(ValidationError):
        AT_MOST.params.model_validate(params)
