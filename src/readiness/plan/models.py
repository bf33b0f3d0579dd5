"""The plan format, version 1, as pydantic models (``docs/plan-format.md`` is the contract).

Models are strict (a number is a number, only ``true``/``false`` are booleans), frozen (checks
cannot change the plan) and forbid unknown keys. Field names are the plan's keys, so a
validation error's location is the path of keys in the file.
"""

from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from readiness.plan.types import (
    Amount,
    Count,
    Frequency,
    Money,
    Percent,
    PlanDate,
    PositiveCount,
    Text,
    Timepoint,
)
from readiness.plan.vocabulary import (
    About,
    BudgetCategory,
    FidelityMethod,
    Involvement,
    Mark,
    Nominator,
    Purpose,
    Reporting,
    SupervisionStyle,
    SupervisionType,
    TrainingMethod,
    Use,
    WellbeingSupport,
)

SUPPORTED_VERSIONS = (1,)


class Section(BaseModel):
    """Every mapping in a plan: strict, frozen, no unknown keys, and may carry notes."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    notes: Text | None = None


# -- plan ---------------------------------------------------------------------------------
class PlanInfo(Section):
    title: Text
    commissioner: Text
    provider: Text | None = None
    approach: Text | None = None
    owner: Text | None = None
    start: PlanDate
    end: PlanDate

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: date, info: ValidationInfo) -> date:
        start = info.data.get("start")
        if start is not None and end < start:
            raise PydanticCustomError(
                "end_before_start",
                "the plan ends ({end}) before it starts ({start})",
                {"end": end.isoformat(), "start": start.isoformat()},
            )
        return end


class Pressures(Section):
    caseload_average: Amount | None = None
    vacancy_rate: Percent | None = None
    turnover_rate: Percent | None = None
    sickness_rate: Percent | None = None


class Workforce(Section):
    practitioners: PositiveCount
    teams: PositiveCount | None = None
    line_managers: Count | None = None
    service_managers: Count | None = None
    pressures: Pressures | None = None


# -- training -----------------------------------------------------------------------------
class Material(Section):
    name: Text
    evidence: Text | None = None
    reviewed: PlanDate | None = None


class Training(Section):
    provider: Text | None = None
    methods: list[TrainingMethod] | None = None
    days: Amount | None = None
    materials: list[Material] | None = None


# -- lever 1: rollout ---------------------------------------------------------------------
class Selection(Section):
    voluntary: bool | None = None
    nominated_by: list[Nominator] | None = None
    criteria: list[Mark] | None = None


class Cohort(Section):
    name: Text
    size: PositiveCount
    start: PlanDate
    selection: Selection | None = None
    champions: Count | None = None
    exit_criteria: list[Text] | None = None


class Champions(Section):
    protected_hours_per_month: Amount | None = None


class Rollout(Section):
    cohorts: list[Cohort] | None = None
    champions: Champions | None = None

    @field_validator("cohorts")
    @classmethod
    def _unique_names(cls, cohorts: list[Cohort] | None) -> list[Cohort] | None:
        seen: dict[str, int] = {}
        for index, cohort in enumerate(cohorts or ()):
            key = cohort.name.strip().casefold()
            if key in seen:
                raise PydanticCustomError(
                    "duplicate_cohort",
                    "two waves are called '{name}' (waves {first} and {second})",
                    {
                        "name": cohort.name,
                        "first": seen[key] + 1,
                        "second": index + 1,
                        "at": (index, "name"),
                        "hint": "give each wave its own name",
                    },
                )
            seen[key] = index
        return cohorts


# -- lever 2: service managers ------------------------------------------------------------
class Governance(Section):
    group: Text | None = None
    frequency: Frequency | None = None
    members: list[Text] | None = None


class ProtectedTime(Section):
    hours_per_month: Amount | None = None
    backfill: Money | None = None


class Agreement(Section):
    signed: PlanDate | None = None
    parties: list[Text] | None = None


class Managers(Section):
    involvement: list[Involvement] | None = None
    leads: list[Text] | None = None
    governance: Governance | None = None
    protected_time: ProtectedTime | None = None
    agreement: Agreement | None = None
    practice_mapping: Text | None = None


# -- lever 3: professional standards ------------------------------------------------------
class Supervision(Section):
    frequency: Frequency | None = None
    minutes: Count | None = None
    types: list[SupervisionType] | None = None
    quality_monitored: bool | None = None


class Coaching(Section):
    frequency: Frequency | None = None
    months: Count | None = None


class Cpd(Section):
    frequency: Frequency | None = None
    hours_per_year: Amount | None = None


class Measure(Section):
    name: Text
    about: About | None = None
    timepoints: list[Timepoint] | None = None


class Standards(Section):
    supervision: Supervision | None = None
    coaching: Coaching | None = None
    cpd: Cpd | None = None
    outcome_measures: list[Measure] | None = None


# -- lever 4: line managers ---------------------------------------------------------------
class Session(Section):
    frequency: Frequency | None = None
    minutes: Count | None = None


class Wellbeing(Section):
    support: list[WellbeingSupport] | None = None
    measure: Text | None = None
    reporting: Reporting | None = None


class LineManagers(Section):
    trained: Percent | None = None
    trained_by: PlanDate | None = None
    coaching: Coaching | None = None
    supervision_style: SupervisionStyle | None = None
    reflective_practice: Session | None = None
    wellbeing: Wellbeing | None = None


# -- lever 5: fidelity --------------------------------------------------------------------
class Fidelity(Section):
    purpose: Purpose | None = None
    methods: list[FidelityMethod] | None = None
    frequency: Frequency | None = None
    minutes_per_practitioner_per_month: Amount | None = None
    feedback_within_days: Count | None = None
    used_for: list[Use] | None = None
    escalation: Text | None = None


# -- budget and waivers -------------------------------------------------------------------
class BudgetLine(Section):
    item: Text
    category: BudgetCategory
    amount: Money


class Budget(Section):
    currency: Text = "GBP"
    lines: list[BudgetLine] | None = None


def _criterion_id(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


class Waiver(Section):
    criterion: Annotated[Text, BeforeValidator(_criterion_id)]
    reason: Text
    approved_by: Text
    until: PlanDate


class Plan(BaseModel):
    """A whole commissioning plan."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    readiness: int
    plan: PlanInfo
    workforce: Workforce
    training: Training | None = None
    rollout: Rollout | None = None
    managers: Managers | None = None
    standards: Standards | None = None
    line_managers: LineManagers | None = None
    fidelity: Fidelity | None = None
    budget: Budget | None = None
    narrative: dict[str, Text] | None = None
    waivers: list[Waiver] | None = None
