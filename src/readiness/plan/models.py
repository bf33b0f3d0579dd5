"""The plan format, version 1, as pydantic models (``docs/plan-format.md`` is the contract).

Models are strict (a number is a number, only ``true``/``false`` are booleans), frozen (checks
cannot change the plan) and forbid unknown keys. Field names are the plan's keys, so a
validation error's location is the path of keys in the file. The docstring under a field is
its description in the JSON Schema (``readiness schema``); a bare string costs nothing at
import.

Over 200 lines: one model per section of the format, kept in one file so the format reads
from top to bottom like docs/plan-format.md, each field with its description.
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
    """Free notes on this part of the plan; read by the rubric's language checks."""


# -- plan ---------------------------------------------------------------------------------
class PlanInfo(Section):
    title: Text
    """The plan's title."""
    commissioner: Text
    """The commissioning body."""
    provider: Text | None = None
    """Who delivers the training and support."""
    approach: Text | None = None
    """The trauma-informed model or approach."""
    owner: Text | None = None
    """The accountable person or role."""
    start: PlanDate
    """Start of the commissioned period."""
    end: PlanDate
    """End of the commissioned period, not before start."""

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
    """Average caseload per practitioner."""
    vacancy_rate: Percent | None = None
    """Share of posts vacant."""
    turnover_rate: Percent | None = None
    """Share of staff leaving in a year."""
    sickness_rate: Percent | None = None
    """Share of working time lost to sickness."""


class Workforce(Section):
    practitioners: PositiveCount
    """Frontline practitioners in scope."""
    teams: PositiveCount | None = None
    """Teams they work in."""
    line_managers: Count | None = None
    """Line managers (team managers, supervisors) of those practitioners."""
    service_managers: Count | None = None
    """Service managers above them."""
    pressures: Pressures | None = None
    """Pressures on the workforce: caseloads, vacancies, turnover, sickness."""


# -- training -----------------------------------------------------------------------------
class Material(Section):
    name: Text
    """The material's name."""
    evidence: Text | None = None
    """The evidence or model it rests on."""
    reviewed: PlanDate | None = None
    """When it was last reviewed."""


class Training(Section):
    provider: Text | None = None
    """Who delivers the training."""
    methods: list[TrainingMethod] | None = None
    """How the training is delivered."""
    days: Amount | None = None
    """Contact days per practitioner."""
    materials: list[Material] | None = None
    """The training materials, each with its evidence base."""


# -- lever 1: rollout ---------------------------------------------------------------------
class Selection(Section):
    voluntary: bool | None = None
    """Whether practitioners opt in."""
    nominated_by: list[Nominator] | None = None
    """Who nominates practitioners for the wave."""
    criteria: list[Mark] | None = None
    """What nominees are chosen for: the marks of practice already seen."""


class Cohort(Section):
    name: Text
    """The wave's name, unique in the plan (case and surrounding spaces ignored)."""
    size: PositiveCount
    """Practitioners in the wave."""
    start: PlanDate
    """When the wave starts."""
    selection: Selection | None = None
    """How practitioners are chosen for the wave."""
    champions: Count | None = None
    """How many of the wave become champions."""
    exit_criteria: list[Text] | None = None
    """What must be true before the next wave starts."""


class Champions(Section):
    protected_hours_per_month: Amount | None = None
    """Protected hours a month for each champion's role."""


class Rollout(Section):
    cohorts: list[Cohort] | None = None
    """The waves of practitioners, first wave first."""
    champions: Champions | None = None
    """Support for the champions the waves produce."""

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
    """The group that oversees the implementation."""
    frequency: Frequency | None = None
    """How often the group meets."""
    members: list[Text] | None = None
    """Who sits on the group."""


class ProtectedTime(Section):
    hours_per_month: Amount | None = None
    """Protected hours a month for each practitioner."""
    backfill: Money | None = None
    """Money for cover while practitioners use their protected time."""


class Agreement(Section):
    signed: PlanDate | None = None
    """When the agreement was signed."""
    parties: list[Text] | None = None
    """Who signed it."""


class Managers(Section):
    involvement: list[Involvement] | None = None
    """How service managers take part."""
    leads: list[Text] | None = None
    """Named service-manager leads."""
    governance: Governance | None = None
    """How the implementation is governed."""
    protected_time: ProtectedTime | None = None
    """Time protected for practitioners, and the money for cover."""
    agreement: Agreement | None = None
    """The written agreement between the parties."""
    practice_mapping: Text | None = None
    """How practitioners already working this way were found."""


# -- lever 3: professional standards ------------------------------------------------------
class Supervision(Section):
    frequency: Frequency | None = None
    """How often practitioners have supervision."""
    minutes: Count | None = None
    """Minutes per session."""
    types: list[SupervisionType] | None = None
    """The kinds of supervision offered."""
    quality_monitored: bool | None = None
    """Whether the quality of supervision is monitored."""


class Coaching(Section):
    frequency: Frequency | None = None
    """How often coaching sessions happen."""
    months: Count | None = None
    """For how many months coaching runs."""


class Cpd(Section):
    frequency: Frequency | None = None
    """How often continuing professional development happens."""
    hours_per_year: Amount | None = None
    """Hours of continuing professional development a year."""


class Measure(Section):
    name: Text
    """The measure's name, such as SDQ."""
    about: About | None = None
    """Whom the measure is about."""
    timepoints: list[Timepoint] | None = None
    """When the measure is taken."""


class Standards(Section):
    supervision: Supervision | None = None
    """Supervision for practitioners."""
    coaching: Coaching | None = None
    """In-practice coaching for practitioners."""
    cpd: Cpd | None = None
    """Continuing professional development."""
    outcome_measures: list[Measure] | None = None
    """Outcome measures and when each is taken."""


# -- lever 4: line managers ---------------------------------------------------------------
class Session(Section):
    frequency: Frequency | None = None
    """How often the sessions happen."""
    minutes: Count | None = None
    """Minutes per session."""


class Wellbeing(Section):
    support: list[WellbeingSupport] | None = None
    """Support offered for staff wellbeing."""
    measure: Text | None = None
    """How wellbeing is measured."""
    reporting: Reporting | None = None
    """How wellbeing results are reported."""


class LineManagers(Section):
    trained: Percent | None = None
    """Share of line managers trained in the approach."""
    trained_by: PlanDate | None = None
    """When line managers are trained by."""
    coaching: Coaching | None = None
    """Coaching for line managers."""
    supervision_style: SupervisionStyle | None = None
    """How line managers supervise."""
    reflective_practice: Session | None = None
    """Reflective practice sessions for line managers."""
    wellbeing: Wellbeing | None = None
    """Staff wellbeing: support, measure and reporting."""


# -- lever 5: fidelity --------------------------------------------------------------------
class Fidelity(Section):
    purpose: Purpose | None = None
    """What fidelity checking is for."""
    methods: list[FidelityMethod] | None = None
    """How fidelity to the approach is checked."""
    frequency: Frequency | None = None
    """How often fidelity is checked."""
    minutes_per_practitioner_per_month: Amount | None = None
    """Minutes of fidelity work per practitioner a month."""
    feedback_within_days: Count | None = None
    """Days within which practitioners get feedback."""
    used_for: list[Use] | None = None
    """What fidelity findings are used for."""
    escalation: Text | None = None
    """The named forum where challenges surface."""


# -- budget and waivers -------------------------------------------------------------------
class BudgetLine(Section):
    item: Text
    """What the money buys."""
    category: BudgetCategory
    """The kind of spending."""
    amount: Money
    """How much, in budget.currency."""


class Budget(Section):
    currency: Text = "GBP"
    """The currency of every amount, GBP when not given."""
    lines: list[BudgetLine] | None = None
    """The lines of the budget."""


def _criterion_id(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


class Waiver(Section):
    criterion: Annotated[Text, BeforeValidator(_criterion_id)]
    """The criterion waived, by its ID such as RP-05 (case ignored): one of the rubric in use."""
    reason: Text
    """Why the criterion is waived."""
    approved_by: Text
    """Who approved the waiver."""
    until: PlanDate
    """When the waiver ends."""


class Plan(BaseModel):
    """A whole commissioning plan."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    readiness: int
    """The format version this plan is written in."""
    plan: PlanInfo
    """What is commissioned, by whom, and for which period."""
    workforce: Workforce
    """The workforce in scope."""
    training: Training | None = None
    """The training itself."""
    rollout: Rollout | None = None
    """Lever 1, the right people: waves and champions."""
    managers: Managers | None = None
    """Lever 2, service managers: involvement, governance, protected time."""
    standards: Standards | None = None
    """Lever 3, professional standards: supervision, coaching, CPD, outcomes."""
    line_managers: LineManagers | None = None
    """Lever 4, line managers: training, coaching, reflective practice, wellbeing."""
    fidelity: Fidelity | None = None
    """Lever 5, fidelity: how practice is checked and what the findings are for."""
    budget: Budget | None = None
    """The budget, line by line."""
    narrative: dict[str, Text] | None = None
    """Text under keys you choose (summary, rationale ...); read by the rubric's language checks."""
    waivers: list[Waiver] | None = None
    """Criteria waived for a time, each with its reason and approver."""
