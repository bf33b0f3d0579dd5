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

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
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
    person,
)
from readiness.plan.vocabulary import (
    About,
    BudgetCategory,
    CoProducer,
    FidelityMethod,
    Involvement,
    ManagerTopic,
    Mark,
    MeasureKind,
    Nominator,
    Purpose,
    Reporting,
    ResultsReader,
    Role,
    RolloutModel,
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


class Funded(Section):
    """A support section that may say how it is paid for."""

    funded_by: list[Text] | None = None
    """The budget lines that pay for it, by their item (case and surrounding spaces ignored)."""
    existing: bool | None = None
    """true for support that already runs as business as usual, not bought by this plan."""

    @model_validator(mode="after")
    def _not_both(self) -> "Funded":
        if self.existing and self.funded_by is not None:
            raise PydanticCustomError(
                "funded_and_existing",
                "is true, but funded_by says this plan pays for it: it cannot be both",
                {
                    "at": ("existing",),
                    "hint": "keep funded_by for support this plan buys, or existing for "
                    "support that runs anyway",
                },
            )
        return self


class Person(Section):
    """Someone the plan names, with their role."""

    name: Text
    """Their name, or their post."""
    role: Role | None = None
    """Their role: service-manager, line-manager, practitioner, commissioner, provider,
    senior-leader, lived-experience or other."""


class Signatory(Section):
    name: Text
    """Who signed, by name or post."""
    role: Role
    """Their role, such as service-manager or commissioner."""


Named = Annotated[Person, BeforeValidator(person)]
"""A person written as text (a name alone) or as {name, role}."""


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
    managers_trained_by: PlanDate | None = None
    """When the line managers of this wave's practitioners finish their training."""


class Champions(Section):
    protected_hours_per_month: Amount | None = None
    """Protected hours a month for each champion's role."""


class Rollout(Section):
    model: RolloutModel | None = None
    """staged (the default) or whole-service: the model changes how whole teams are organised
    on one date."""
    rationale: Text | None = None
    """Why a whole-service start is right here; without one it is judged as staged."""
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
    members: list[Named] | None = None
    """Who sits on the group: names, or {name, role}."""


class ProtectedTime(Funded):
    hours_per_month: Amount | None = None
    """Protected hours a month for each practitioner."""
    backfill: Money | None = None
    """Money for cover while practitioners use their protected time."""


class Agreement(Section):
    signed: PlanDate | None = None
    """When the agreement was signed."""
    parties: list[Text] | None = None
    """Who signed it."""
    signatories: list[Signatory] | None = None
    """Who signed it, each with their role; when given, shared ownership is judged on it."""


class CoDesignSession(Section):
    date: PlanDate
    """When the meeting was held."""
    attendees: list[Role]
    """Who took part, by role."""
    about: Text | None = None
    """What was decided or designed."""


class Managers(Section):
    involvement: list[Involvement] | None = None
    """How service managers take part."""
    leads: list[Named] | None = None
    """Named service-manager leads: names, or {name, role}."""
    governance: Governance | None = None
    """How the implementation is governed."""
    protected_time: ProtectedTime | None = None
    """Time protected for practitioners, and the money for cover."""
    agreement: Agreement | None = None
    """The written agreement between the parties."""
    practice_mapping: Text | None = None
    """How practitioners already working this way were found."""
    sessions: list[CoDesignSession] | None = None
    """The meetings where the plan was co-designed, with who attended by role."""


# -- lever 3: professional standards ------------------------------------------------------
class Supervision(Funded):
    frequency: Frequency | None = None
    """How often practitioners have supervision."""
    minutes: Count | None = None
    """Minutes per session."""
    types: list[SupervisionType] | None = None
    """The kinds of supervision offered."""
    quality_monitored: bool | None = None
    """Whether the quality of supervision is monitored."""


class Coaching(Funded):
    frequency: Frequency | None = None
    """How often coaching sessions happen."""
    months: Count | None = None
    """For how many months coaching runs."""


class Cpd(Funded):
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
    kind: MeasureKind | None = None
    """outcome (the default), practice, or satisfaction: a satisfaction or confidence survey is
    not an outcome measure."""


class PracticeProfile(Section):
    core_components: list[Text] | None = None
    """What the practice looks like when done well, component by component."""
    source: Text | None = None
    """Where the profile comes from."""


class Standards(Section):
    supervision: Supervision | None = None
    """Supervision for practitioners."""
    coaching: Coaching | None = None
    """In-practice coaching for practitioners."""
    cpd: Cpd | None = None
    """Continuing professional development."""
    outcome_measures: list[Measure] | None = None
    """Outcome measures and when each is taken."""
    practice_profile: PracticeProfile | None = None
    """What the practice looks like when done well: what fidelity is checked against."""


# -- lever 4: line managers ---------------------------------------------------------------
class Session(Funded):
    frequency: Frequency | None = None
    """How often the sessions happen."""
    minutes: Count | None = None
    """Minutes per session."""


class Wellbeing(Funded):
    support: list[WellbeingSupport] | None = None
    """Support offered for staff wellbeing."""
    measure: Text | None = None
    """How wellbeing is measured."""
    reporting: Reporting | None = None
    """How wellbeing results are reported."""


class ManagerTraining(Section):
    hours: Amount | None = None
    """Hours of training each line manager gets."""
    covers: list[ManagerTopic] | None = None
    """What it covers: the-approach, reflective-supervision, team-wellbeing, coaching-skills."""


class LineManagers(Section):
    trained: Percent | None = None
    """Share of line managers trained in the approach."""
    trained_by: PlanDate | None = None
    """When line managers are trained by."""
    training: ManagerTraining | None = None
    """What line managers' training is: its hours and what it covers."""
    coaching: Coaching | None = None
    """Coaching for line managers."""
    supervision_style: SupervisionStyle | None = None
    """How line managers supervise."""
    reflective_practice: Session | None = None
    """Reflective practice sessions for line managers."""
    wellbeing: Wellbeing | None = None
    """Staff wellbeing: support, measure and reporting."""


# -- lever 5: fidelity --------------------------------------------------------------------
class Fidelity(Funded):
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
    graded: bool | None = None
    """Whether practitioners or teams are given grades or scores."""
    unannounced: bool | None = None
    """Whether checks happen without practitioners knowing in advance."""
    results_shared_with: list[ResultsReader] | None = None
    """Who sees an individual's results."""
    observation_consented: bool | None = None
    """Whether observation or recorded practice is chosen by, or agreed with, the practitioner."""


# -- new sections -------------------------------------------------------------------------
class Lead(Section):
    name: Text
    """The lead's name or post."""
    role: Role | None = None
    """Their role."""
    hours_per_month: Amount | None = None
    """Hours a month given to leading the implementation."""


class Implementation(Section):
    lead: Lead | None = None
    """A named, resourced lead for the implementation."""
    team: list[Named] | None = None
    """The implementation team: names, or {name, role}."""


class CoProduction(Section):
    with_: list[CoProducer] | None = Field(default=None, alias="with")
    """Who shapes the plan: children-young-people, parents-carers, care-experienced-adults,
    community-partners."""
    how: Text | None = None
    """How they shape it."""


class Systems(Section):
    policies_reviewed: list[Text] | None = None
    """Policies brought into line with the practice."""
    recording_changes: Text | None = None
    """How recording systems change to fit the practice."""
    qa_aligned: bool | None = None
    """Whether quality assurance is brought into line with the practice."""


class Sustainability(Section):
    funded_until: PlanDate | None = None
    """When the money for support ends."""
    after_funding: Text | None = None
    """How support continues after that."""


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
    implementation: Implementation | None = None
    """Who leads the implementation, and the team."""
    co_production: CoProduction | None = None
    """People with lived experience shaping the plan."""
    systems: Systems | None = None
    """Policies, recording and quality assurance brought into line with the practice."""
    sustainability: Sustainability | None = None
    """How support continues after the money ends."""
    budget: Budget | None = None
    """The budget, line by line."""
    narrative: dict[str, Text] | None = None
    """Text under keys you choose (summary, rationale ...); read by the rubric's language checks."""
    waivers: list[Waiver] | None = None
    """Criteria waived for a time, each with its reason and approver."""
