"""The JSON report (``--format json``), the stable document of ``docs/outputs.md``, as models.

``render`` validates the audit into the models and writes them; ``schema`` (``readiness
schema report``) is their JSON Schema, so the two cannot drift. For speed (CI runs this in
loops) only the models used build a validator, on first use, and annotations are not
postponed: pydantic would evaluate each string.

Version 2 (the default) writes the rubric's fixed text (criterion and lever titles, why each
criterion matters, what to commission) once, in ``rubric.criteria`` and ``rubric.levers``,
and each plan refers to them by ID; version 1 (``--json-version 1``) repeats that text in
every plan, and is kept for one release. Over 200 lines: the two versions share most of
their models, and the models are the schema.
"""

from collections.abc import Sequence
from datetime import date
from typing import IO, Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from readiness.audit.result import AuditResult, CriterionResult, LeverResult, PlanResult
from readiness.audit.result import Location as Where
from readiness.errors import Problem
from readiness.outcomes import Band, Outcome
from readiness.reporters import RenderOptions
from readiness.reporters import stream as streamed
from readiness.reporters.escape import json_document

SCHEMA_VERSION = 2
"""The version written unless ``--json-version`` asks for another; also the ``Literal`` of
``Report.schema_version``."""
VERSIONS = (1, 2)
"""The versions ``--json-version`` can write."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _optional(description: str) -> Any:
    """A key written only when given (``exclude_unset``): not required, and never null.

    Unset, the field holds None, which its type refuses: such a model is only written out.
    """
    return Field(default=None, description=description, json_schema_extra=_no_default)


def _no_default(schema: dict[str, Any]) -> None:
    del schema["default"]  # absent, not null


Score = Annotated[float, Field(ge=0, le=100)]
Count = Annotated[int, Field(ge=0)]
Weight = Annotated[float, Field(ge=0, description="How much it counts in its lever's score.")]
Line = Annotated[int, Field(ge=1, description="The line in the plan file, from 1.")]
Column = Annotated[int, Field(ge=1, description="The column on that line, from 1.")]
Key = Annotated[str, Field(description="The key path read, e.g. rollout.cohorts[0].size.")]
_ABSENT = "False when the plan lacks the key; line and column are then its nearest parent's."
Present = Annotated[bool, Field(description=_ABSENT)]
CriterionId = Annotated[
    str, Field(pattern="^[A-Z][A-Z0-9]*-[0-9]+$", description="The criterion's ID.")
]
OutcomeOf = Annotated[Outcome, Field(description="How far the plan meets it.")]
Reason = Annotated[str, Field(description="One plain sentence with the figures used.")]
LeverScore = Annotated[
    Score | None, Field(description="0 to 100, one decimal; null when none counted.")
]
Counted = Annotated[
    int, Field(ge=0, description="Criteria counted (not waived or not applicable).")
]
_CAPS = "The best band a plan failing it can reach, or null."
_FOUND = (
    "Only if a waiver sets the outcome aside: what the plan's facts give. A capping "
    "criterion still caps the band on this outcome."
)


class Tool(_Model):
    name: Literal["readiness"] = Field(description="Always readiness.")
    version: str = Field(description="The version of readiness that wrote the report.")


class RubricInfo(_Model):
    id: str = Field(description="The rubric's ID.")
    version: int = Field(ge=1, description="The rubric's version.")
    sha256: str = Field(pattern="^[0-9a-f]{64}$", description="Hash of the rubric's content.")
    title: str = Field(description="The rubric's title.")
    origin: str = Field(description="'default', or the path of the rubric file used.")


class Location(_Model):
    line: Line
    column: Column
    key: Key
    present: Present


class PhraseFound(_Model):
    phrase: str = Field(description="The rubric's phrase (a * matches any ending).")
    found: str = Field(description="The words as the plan writes them.")
    reframe: str = Field(description="Words to use instead.")
    line: Line
    column: Column
    key: Key
    present: Present


class WaiverReport(_Model):
    reason: str = Field(description="Why the criterion is waived.")
    approved_by: str = Field(description="Who approved the waiver.")
    until: date = Field(description="The last day the waiver holds.")
    expired: bool = Field(description="True when that day is before as_of: it counts again.")
    honoured: bool = Field(
        description="False when it has expired, runs further ahead than the rubric allows, or "
        "the run ignores waivers: the criterion then counts as the plan's facts say."
    )
    not_honoured: str = _optional("Only if it is not honoured: why, in words.")
    line: Line
    column: Column
    key: Key
    present: Present


Locations = Annotated[list[Location], Field(min_length=1, description="Where in the plan it read.")]


class CriterionReport(_Model):
    """A criterion's outcome for one plan, with the rubric's text (version 1)."""

    id: CriterionId
    lever: str = Field(description="The ID of its lever.")
    title: str = Field(description="What the criterion asks of the plan.")
    outcome: OutcomeOf
    reason: Reason
    locations: Locations
    remediation: str = Field(description="What to commission to meet it.")
    caps_band: Band | None = Field(description=_CAPS)
    weight: Weight
    phrases: list[PhraseFound] = _optional("Only if phrases were found.")
    waiver: WaiverReport = _optional("Only if the plan waives it.")
    found: Outcome = _optional(_FOUND)


class CriterionOutcome(_Model):
    """A criterion's outcome for one plan; its text is in ``rubric.criteria`` (version 2)."""

    id: CriterionId
    outcome: OutcomeOf
    reason: Reason
    locations: Locations
    phrases: list[PhraseFound] = _optional("Only if phrases were found.")
    waiver: WaiverReport = _optional("Only if the plan waives it.")
    found: Outcome = _optional(_FOUND)


class RubricCriterion(_Model):
    """A criterion as the rubric writes it, the same for every plan."""

    id: CriterionId
    lever: str = Field(description="The ID of its lever.")
    title: str = Field(description="What the criterion asks of the plan.")
    rationale: str = Field(description="Why it matters, in the rubric's words.")
    remediation: str = Field(description="What to commission to meet it.")
    caps_band: Band | None = Field(description=_CAPS)
    weight: Weight


class RubricLever(_Model):
    """A lever as the rubric writes it."""

    id: str = Field(description="The lever's ID.")
    title: str = Field(description="The lever's title.")
    weight: Weight
    scored: bool = Field(description="False for levers outside the score (foundations).")


class RubricTable(RubricInfo):
    """The rubric, with the text every plan refers to by ID."""

    levers: list[RubricLever] = Field(description="Every lever, in rubric order.")
    criteria: list[RubricCriterion] = Field(description="Every criterion, in rubric order.")


class CostsReport(_Model):
    currency: str = Field(description="The budget's currency.")
    total: float = Field(ge=0, description="Every budget line added up.")
    training: float = Field(ge=0, description="Lines in the training category.")
    support: float = Field(ge=0, description="Lines in an implementation support category.")
    practitioners: Count = Field(description="Practitioners in scope.")
    per_practitioner: float = Field(ge=0, description="total / practitioners.")
    support_per_practitioner: float = Field(ge=0, description="support / practitioners.")


class ExampleReport(_Model):
    line: Line
    column: Column
    key: Key
    text: str = Field(description="The example as the starter plan writes it.")


class LeverReport(_Model):
    """A lever's score for one plan, with the rubric's text (version 1)."""

    id: str = Field(description="The lever's ID.")
    title: str = Field(description="The lever's title.")
    score: LeverScore
    weight: Weight
    counted: Counted


class LeverOutcome(_Model):
    """A lever's score for one plan; its title is in ``rubric.levers`` (version 2)."""

    id: str = Field(description="The lever's ID.")
    score: LeverScore
    counted: Counted


LeverT = TypeVar("LeverT", LeverReport, LeverOutcome)
CriterionT = TypeVar("CriterionT", CriterionReport, CriterionOutcome)


class _Plan(_Model, Generic[LeverT, CriterionT]):
    path: str = Field(description="The plan file, as given.")
    title: str = Field(description="The plan's title.")
    commissioner: str = Field(description="Who commissions the plan.")
    score: Score = Field(description="The overall score, 0 to 100, one decimal rounded down.")
    band: Band = Field(description="The plan's readiness band.")
    band_reasons: list[str] = Field(description="What held the plan at its band.")
    passed: bool = Field(description="Whether the plan meets min_band and fail_under.")
    levers: list[LeverT] = Field(description="The scored levers, in rubric order.")
    unscored_levers: list[LeverT] = Field(description="Levers outside the score.")
    criteria: list[CriterionT] = Field(description="The rubric's criteria, in its order.")
    score_without_waivers: Score = _optional(
        "Only if waivers change the score: the score the plan's facts give."
    )
    costs: CostsReport = _optional("Only if the plan has budget lines.")
    examples: list[ExampleReport] = _optional(
        "Only if examples from the starter plan (readiness init) are still in place."
    )


class PlanReport(_Plan[LeverReport, CriterionReport]):
    """One plan's audit, with the rubric's text in it (version 1)."""


class PlanOutcomes(_Plan[LeverOutcome, CriterionOutcome]):
    """One plan's audit; the rubric's text is in ``rubric`` (version 2)."""


class Summary(_Model):
    plans: Count = Field(description="Plans audited.")
    passed: Count = Field(description="Plans that passed.")
    failed: Count = Field(description="Plans that fell short.")


VersionT = TypeVar("VersionT")
RubricT = TypeVar("RubricT", RubricInfo, RubricTable)
PlanT = TypeVar("PlanT", PlanReport, PlanOutcomes)


class _Report(_Model, Generic[VersionT, RubricT, PlanT]):
    schema_version: VersionT = Field(description="The version of this format.")
    tool: Tool = Field(description="The program that wrote the report.")
    rubric: RubricT = Field(description="The rubric the plans were judged by.")
    as_of: date = Field(description="The date treated as today, for waivers.")
    min_band: Band = Field(description="The lowest band that passes.")
    fail_under: Score | None = Field(description="A plan scoring below this fails; or null.")
    plans: list[PlanT] = Field(description="One per plan, in the order found.")
    summary: Summary = Field(description="How many plans passed and failed.")


class Report(_Report[Literal[2], RubricTable, PlanOutcomes]):
    """The report of one readiness audit run."""


class ReportV1(_Report[Literal[1], RubricInfo, PlanReport]):
    """The report of one readiness audit run (version 1: the rubric's text in every plan)."""


MODELS: dict[int, tuple[type[_Report[Any, Any, Any]], type[_Plan[Any, Any]]]] = {
    1: (ReportV1, PlanReport),
    2: (Report, PlanOutcomes),
}
"""Each version's report and plan models."""


def render(result: AuditResult, options: RenderOptions) -> str:
    """The report, exact and safe to print in a CI log too (``escape.json_document``)."""
    return streamed.render(Writer, result, options)


class Writer(streamed.Writer):
    """The report written plan by plan: the run's header, each plan as it is audited (each
    validated against ``PlanReport``), then the summary from running counts."""

    whole_plan = False
    commission = False

    def __init__(
        self, run: AuditResult, options: RenderOptions, out: IO[str], expected: int
    ) -> None:
        super().__init__(run, options, out, expected)
        self.version = options.json_version
        head = report(run, self.version).model_dump(mode="json", exclude_unset=True)
        head["plans"], head["summary"] = streamed.hole("plans"), streamed.hole("summary")
        self.pieces = streamed.skeleton(head, "plans", "summary")
        out.write(json_document(self.pieces[0]))
        self.plans = streamed.JsonArray(out, 1)
        self.passed = 0

    def piece(self, plan: PlanResult, number: int) -> str:
        """The plan as the report writes it, validated against its model: a figure outside
        the schema is refused, never written."""
        model = MODELS[self.version][1]
        data = model.model_validate(_plan(plan, self.version))
        return json_document(streamed.dumps(data.model_dump(mode="json", exclude_unset=True), 2))

    def plan(self, plan: PlanResult, piece: Any = None) -> None:
        self.plans.add(None, piece if piece is not None else self.piece(plan, 0))
        self.passed += plan.passed

    def finish(self, problems: Sequence[Problem] = ()) -> None:
        self.plans.close()
        count = self.plans.count
        summary = Summary(plans=count, passed=self.passed, failed=count - self.passed)
        self.out.write(json_document(self.pieces[1]))
        self.out.write(json_document(streamed.dumps(summary.model_dump(mode="json"), 1)))
        self.out.write(json_document(self.pieces[2]) + "\n")


def schema(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    """The JSON report's JSON Schema (``readiness schema report``), from the models."""
    made = MODELS[version][0].model_json_schema()
    defs, _ = made.pop("$defs"), made.pop("title")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://readiness.invalid/schema/report-{version}.json",
        "title": "readiness JSON report",
        **made,
        "$defs": defs,
    }


def report(result: AuditResult, version: int = SCHEMA_VERSION) -> _Report[Any, Any, Any]:
    """The audit as the report, validated in one call; keys are written in field order.

    ``phrases`` and ``waiver`` are left unset, and so not written, when they have no value.
    """
    plans = result.plans
    passed = sum(1 for p in plans if p.passed)
    rubric = _pick(result.rubric, "id", "version", "sha256", "title", "origin")
    if version > 1:
        rubric["levers"] = [
            _pick(lv, "id", "title", "weight", "scored") for lv in result.rubric.levers
        ]
        rubric["criteria"] = [
            _pick(c, "id", "lever", "title", "rationale", "remediation", "caps_band", "weight")
            for c in result.rubric.criteria
        ]
    return MODELS[version][0].model_validate(
        {
            "schema_version": version,
            "tool": {"name": "readiness", "version": result.tool_version},
            "rubric": rubric,
            **_pick(result, "as_of", "min_band", "fail_under"),
            "plans": [_plan(p, version) for p in plans],
            "summary": {"plans": len(plans), "passed": passed, "failed": len(plans) - passed},
        }
    )


def _pick(record: tuple[Any, ...], *names: str) -> dict[str, Any]:
    """Fields of an audit record, under the same names in the report."""
    return {name: getattr(record, name) for name in names}


def _plan(plan: PlanResult, version: int) -> dict[str, Any]:
    return {
        **_pick(plan, "path", "title", "commissioner", "score", "band", "band_reasons", "passed"),
        "levers": [_lever(lr, version) for lr in plan.levers],
        "unscored_levers": [_lever(lr, version) for lr in plan.unscored],
        "criteria": [_criterion(r, version) for r in plan.criteria],
    } | _extras(plan)


def _extras(plan: PlanResult) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if plan.score_without_waivers is not None:
        out["score_without_waivers"] = plan.score_without_waivers
    costs = plan.costs
    if costs is not None:
        out["costs"] = _pick(costs, "currency", "total", "training", "support", "practitioners")
        out["costs"] |= _pick(costs, "per_practitioner", "support_per_practitioner")
    if plan.examples:
        out["examples"] = [_pick(e, "line", "column", "key", "text") for e in plan.examples]
    return out


def _lever(result: LeverResult, version: int) -> dict[str, Any]:
    if version > 1:  # the title and weight are in the rubric's table
        return {"id": result.lever.id} | _pick(result, "score", "counted")
    return _pick(result.lever, "id", "title", "weight") | _pick(result, "score", "counted")


def _where(at: Where) -> dict[str, Any]:
    return _pick(at, "line", "column", "key", "present")


_RUBRIC_TEXT = ("id", "lever", "title", "remediation", "caps_band", "weight")
"""What version 1 repeats from the rubric in each plan's criteria (version 2: the ID only)."""


def _criterion(result: CriterionResult, version: int) -> dict[str, Any]:
    out = {
        **_pick(result.criterion, *(_RUBRIC_TEXT[:1] if version > 1 else _RUBRIC_TEXT)),
        **_pick(result, "outcome", "reason"),
        "locations": [_where(at) for at in result.locations],
    }
    if result.hits:
        out["phrases"] = [
            _pick(hit, "phrase", "found", "reframe") | _where(hit.location) for hit in result.hits
        ]
    waiver = result.waiver
    if waiver is not None:
        fields = _pick(waiver, "reason", "approved_by", "until", "expired", "honoured")
        if waiver.not_honoured:
            fields["not_honoured"] = waiver.not_honoured
        out["waiver"] = fields | _where(waiver.location)
    if result.found is not None:
        out["found"] = result.found
    return out
