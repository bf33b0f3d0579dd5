"""The rubric file format, as pydantic models (each check's ``params`` are validated apart)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from readiness.outcomes import BANDS, Band
from readiness.plan.types import Text

__all__ = ["BANDS", "Band"]

LeverId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
UnitCostId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
CriterionId = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*-[0-9]+$")]
Weight = Annotated[float, Field(ge=0)]


class Strict(BaseModel):
    # Built when a rubric file is checked; the default rubric is bound without validation.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class BandsModel(Strict):
    training_only_below: float = 40
    at_risk_below: float = 60
    developing_below: float = 80
    lever_floor: float = 60


class LeverModel(Strict):
    title: Text
    weight: Weight = 1
    scored: bool = True
    seed: Text | None = None
    summary: Text | None = None


class PhraseModel(Strict):
    phrase: Text
    reframe: Text


class NegationModel(Strict):
    words: list[Text] = []
    connecting: list[Text] = []
    reach: Annotated[int, Field(ge=0, le=20)] = 4


class InstrumentModel(Strict):
    name: Text
    full_name: Text
    focus: Literal["children-families", "practitioners", "organisation"]
    aliases: list[Text] = []
    source: Text | None = None
    """Where the instrument or measure is published or defined."""


class UnitCostModel(Strict):
    amount: Annotated[float, Field(ge=0)]
    """In pounds."""
    what: Text
    """What it is the cost of, such as an hour of a social worker's time."""
    price_year: Text
    """The year its prices are for, such as 2013/14."""
    source: Text
    """Where it is published."""


class PackageCostModel(Strict):
    people: Literal["practitioners", "line_managers", "teams", "service_managers"]
    """Whom the package covers: the plan's headcount it is multiplied by."""
    hours: Annotated[float, Field(ge=0)]
    """Hours of the unit cost for each of them that would meet the package's criteria."""
    unit: Text
    """The unit cost it is priced at (a key of unit_costs)."""
    basis: Text
    """How the hours are made up, in words."""


class PackageModel(Strict):
    title: Text
    """What to commission, in commissioning language."""
    description: Text
    """What to buy, and what a good provider offers."""
    when: Literal["before-first-wave", "during-rollout", "to-sustain"]
    owner: Literal["implementation-lead", "service-manager", "commissioner"]
    """Who the plan names for this area, by role (else the plan's owner)."""
    eric: list[Text] = []
    """ERIC implementation strategies it uses (names in the rubric's eric glossary)."""
    cost: PackageCostModel


class WaiverRulesModel(Strict):
    max_months: Annotated[int, Field(ge=0, le=120)] = 12
    """How far past the audit date a waiver may run and still be honoured."""


class RefsModel(Strict):
    nirn: list[Text] = []
    cfir: list[Text] = []
    eric: list[Text] = []
    samhsa: list[Text] = []
    lga: list[Text] = []
    evidence: list[Text] = []


class CriterionModel(Strict):
    lever: LeverId
    title: Text
    seed: Text | None = None
    rationale: Text
    judged: Text | None = None
    """How the criterion is judged, for people; ``{param}`` stands for a parameter's value."""
    check: Text
    weight: Weight = 1
    caps_band: Band | None = None
    remediation: Text
    refs: RefsModel = RefsModel()
    package: LeverId | None = None
    """The commissioning package that closes this criterion's gap (none: a fix to the plan)."""
    enabled: bool = True


class RubricModel(Strict):
    """A whole rubric file (``params`` of each criterion are taken out before validation)."""

    extends: Literal["default"] | None = None
    rubric: Literal[1]
    id: LeverId
    version: Annotated[int, Field(ge=1)]
    title: Text
    source: Text | None = None
    bands: BandsModel = BandsModel()
    waivers: WaiverRulesModel = WaiverRulesModel()
    levers: dict[LeverId, LeverModel]
    negation: NegationModel = NegationModel()
    phrases: dict[LeverId, list[PhraseModel]] = {}
    instruments: list[InstrumentModel] = []
    unit_costs: dict[UnitCostId, UnitCostModel] = {}
    eric: dict[Text, Text] = {}
    packages: dict[LeverId, PackageModel] = {}
    criteria: dict[CriterionId, CriterionModel]
