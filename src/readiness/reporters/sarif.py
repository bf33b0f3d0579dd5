"""SARIF 2.1.0, for code scanning: every criterion a rule, every shortfall a result, and every
problem that kept a plan from being read a result under the rule ``invalid-plan``.

Results locate plans from the repository's root (``locations``: percent-encoded URIs relative
to ``%SRCROOT%``), lines and columns from 1, and fingerprints built from the criterion and the
key path (not line numbers), so a result keeps its identity when lines move. Waived criteria
appear as suppressed results with the waiver's reason as the justification. A problem with no
file (a missing rubric) is a tool notification, and the run is marked unsuccessful.

GitHub code scanning accepts at most 25,000 results a run and 1,000 locations a result: past
that, the lightest results are left out (invalid plans first, then errors, warnings, partly
met, waived) and a notification says how many.

Every string passes through ``escape.clean`` (no terminal escapes, bidirectional overrides or
non-characters in messages, paths or rubric text) and the text through
``escape.json_document``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import IO, Any

from readiness.audit.result import AuditResult, CriterionResult, PlanResult
from readiness.errors import Problem
from readiness.outcomes import OUTCOME_TITLE, Outcome
from readiness.reporters import RenderOptions
from readiness.reporters import stream as streamed
from readiness.reporters.escape import clean_json, json_document
from readiness.reporters.locations import artifact, criterion_page, from_root, home_page
from readiness.rubric.rubric import Criterion

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RESULTS = 25_000
"""Results GitHub code scanning accepts in one run."""
MAX_LOCATIONS = 1_000
"""Locations GitHub code scanning accepts in one result."""
INVALID = "invalid-plan"
"""The rule for a plan readiness cannot read: a YAML error, or a plan that breaks the format."""
_RANK = {"error": 1, "warning": 2, "note": 3}
"""Which results to keep first when there are too many: an invalid plan (0) is heaviest."""


def render(result: AuditResult, options: RenderOptions) -> str:
    return streamed.render(Writer, result, options)


def document(result: AuditResult, options: RenderOptions | None = None) -> dict[str, Any]:
    """The SARIF log as data, every string in it cleaned."""
    sarif: dict[str, Any] = json.loads(render(result, options or RenderOptions()))
    return sarif


class Writer(streamed.Writer):
    """The log written plan by plan: each plan's artifact as it comes; its results kept in a
    temporary file, with their weight, until the end, when the invocation (which says what
    was left out) and the results within GitHub's limit are written after the artifacts."""

    whole_plan = False
    commission = False

    def __init__(
        self, run: AuditResult, options: RenderOptions, out: IO[str], expected: int
    ) -> None:
        super().__init__(run, options, out, expected)
        criteria = run.rubric.criteria
        self.index = {c.id: i for i, c in enumerate(criteria)}
        self.invalid_index = len(criteria)
        self.pieces = streamed.skeleton(_skeleton(run), *_HOLES)
        out.write(json_document(self.pieces[0]))
        self.artifacts = streamed.JsonArray(out, 3)
        self.results = streamed.spool()
        self.counts: Counter[int] = Counter()

    def piece(self, plan: PlanResult, number: int) -> tuple[str, list[tuple[int, str]]]:
        """The plan's artifact, and its results with their weight, as text."""
        artifact_ = {
            "location": artifact(plan.path, self.options),
            "roles": ["analysisTarget"],
            "properties": _plan_properties(plan),
        }
        shown = [r for r in plan.criteria if r.is_gap or r.outcome is Outcome.WAIVED]
        ranks = [4 if r.outcome is Outcome.WAIVED else _RANK[level(r)] for r in shown]
        made = [_result(plan, r, self.index[r.criterion.id], self.options) for r in shown]
        # the artifact and every result in one call into the serialiser
        artifact_text, *texts = _texts([artifact_, *made], 4)
        return artifact_text, list(zip(ranks, texts, strict=True))

    def plan(self, plan: PlanResult, piece: Any = None) -> None:
        artifact_, results = piece if piece is not None else self.piece(plan, 0)
        self.artifacts.add(None, artifact_)
        for rank, text in results:
            self._keep(rank, text)

    def _keep(self, rank: int, text: str) -> None:
        self.results.write(f"{rank} {len(text)}\n{text}")
        self.counts[rank] += 1

    def finish(self, problems: Sequence[Problem] = ()) -> None:
        self.artifacts.close()
        # a plan that cannot be read comes first, as the heaviest result
        found = _texts(
            [_problem_result(p, self.options, self.invalid_index) for p in problems if p.file], 4
        )
        total = len(found) + sum(self.counts.values())
        room = _room(len(found), self.counts)
        left_out = total - min(total, MAX_RESULTS)
        out = self.out
        out.write(json_document(self.pieces[1]))
        out.write(json_document(streamed.dumps(clean_json([_invocation(problems, left_out)]), 3)))
        out.write(json_document(self.pieces[2]))
        properties = _run_properties(self.run)
        if left_out:
            properties["resultsLeftOut"] = left_out
        out.write(json_document(streamed.dumps(clean_json(properties), 3)))
        out.write(json_document(self.pieces[3]))
        results = streamed.JsonArray(out, 3)
        for text in found[: room[0]]:
            results.add(None, text)
        for rank, text in _read_back(self.results):
            if room[rank] > 0:
                room[rank] -= 1
                results.add(None, text)
        results.close()
        out.write(json_document(self.pieces[4]) + "\n")


_HOLES = ("artifacts", "invocations", "properties", "results")


def _skeleton(run: AuditResult) -> dict[str, Any]:
    """The log with a placeholder where each streamed part goes."""
    driver: dict[str, Any] = {
        "name": "readiness",
        "version": run.tool_version,
        "semanticVersion": run.tool_version,
    }
    home = home_page()
    if home is not None:
        driver["informationUri"] = home
    shipped = run.rubric.origin == "default"
    rules = [_rule(c, run.tool_version, shipped) for c in run.rubric.criteria]
    driver["rules"] = [*rules, _invalid_rule()]
    log: dict[str, Any] = clean_json(
        {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": driver},
                    "columnKind": "unicodeCodePoints",
                    **dict.fromkeys(_HOLES),
                }
            ],
        }
    )
    for name in _HOLES:
        log["runs"][0][name] = streamed.hole(name)
    return log


def _run_properties(run: AuditResult) -> dict[str, Any]:
    return {
        "rubric": {"id": run.rubric.id, "version": run.rubric.version, "sha256": run.rubric.sha256},
        "asOf": run.as_of.isoformat(),
    }


def _texts(values: list[dict[str, Any]], depth: int) -> list[str]:
    """Each value as JSON text nested ``depth`` deep, safe in a log, in one call into the
    serialiser."""
    return [json_document(text) for text in streamed.dumps_each(clean_json(values), depth)]


def _room(invalid: int, counts: Counter[int]) -> dict[int, int]:
    """How many results of each weight fit within GitHub's limit, heaviest first."""
    left = MAX_RESULTS
    room = {}
    for rank in range(5):
        have = invalid if rank == 0 else counts[rank]
        room[rank] = min(have, left)
        left -= room[rank]
    return room


def _read_back(spool: IO[str]) -> Iterator[tuple[int, str]]:
    """The results kept in the spool, in order, with their weight."""
    spool.seek(0)
    while header := spool.readline():
        rank, size = header.split()
        yield int(rank), spool.read(int(size))
    spool.close()


def _invocation(problems: Sequence[Problem], left_out: int) -> dict[str, Any]:
    notes: list[dict[str, Any]] = [
        {
            "level": "error",
            "message": {"text": problem.message + (f" ({problem.hint})" if problem.hint else "")},
            "descriptor": {"id": "input-not-usable"},
        }
        for problem in problems
        if not problem.file
    ]
    if left_out:
        notes.append(
            {
                "level": "warning",
                "message": {
                    "text": f"{left_out} results are left out: code scanning accepts at most "
                    f"{MAX_RESULTS:,} in a run, so the lightest gaps were dropped first; the "
                    "JSON report or the board report lists them all"
                },
                "descriptor": {"id": "results-left-out"},
            }
        )
    out: dict[str, Any] = {"executionSuccessful": not problems}
    if notes:
        out["toolExecutionNotifications"] = notes
    return out


def level(result: CriterionResult) -> str:
    """error: a capped or heavy criterion fails; warning: another fails; note: partly met."""
    criterion = result.criterion
    if not result.outcome.fails:
        return "note"
    if criterion.caps_band is not None or criterion.weight >= 2:
        return "error"
    return "warning"


def _rule(criterion: Criterion, version: str, shipped: bool) -> dict[str, Any]:
    """The criterion as a rule; its ``helpUri`` only for the shipped rubric's criteria, which
    ``docs/criteria.md`` describes."""
    default = "error" if criterion.caps_band or criterion.weight >= 2 else "warning"
    help_text = criterion.remediation.strip()
    rule: dict[str, Any] = {
        "id": criterion.id,
        "name": criterion.title,
        "shortDescription": {"text": criterion.title},
        "fullDescription": {"text": criterion.rationale.strip()},
        "help": {
            "text": f"What to commission: {help_text}",
            "markdown": f"**What to commission:** {help_text}",
        },
        "defaultConfiguration": {"level": default},
        "properties": {
            "lever": criterion.lever,
            "weight": criterion.weight,
            "capsBand": criterion.caps_band,
            "remediation": help_text,
            "tags": ["readiness", criterion.lever],
        },
    }
    page = criterion_page(criterion.id, version) if shipped else None
    if page is not None:
        rule["helpUri"] = page
    return rule


def _invalid_rule() -> dict[str, Any]:
    fix = (
        "Correct the plan where the message points; `readiness validate PLAN` lists every "
        "problem, and `readiness schema` gives editors the format."
    )
    return {
        "id": INVALID,
        "name": "The plan can be read",
        "shortDescription": {"text": "The plan can be read: valid YAML that follows the format"},
        "fullDescription": {
            "text": "A plan readiness cannot read is not audited at all: no score, no band. "
            "The run fails (exit code 2) until every plan can be read."
        },
        "help": {"text": fix, "markdown": fix},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["readiness", "format"]},
    }


def _result(
    plan: PlanResult, result: CriterionResult, rule_index: int, options: RenderOptions
) -> dict[str, Any]:
    criterion = result.criterion
    outcome = OUTCOME_TITLE[result.outcome]
    where = artifact(plan.path, options)
    out: dict[str, Any] = {
        "ruleId": criterion.id,
        "ruleIndex": rule_index,
        "level": "note" if result.outcome is Outcome.WAIVED else level(result),
        "message": {"text": f"{criterion.id} {outcome}: {result.reason}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": where,
                    "region": {
                        "startLine": max(1, location.line),
                        "startColumn": max(1, location.column),
                    },
                },
                "logicalLocations": [{"fullyQualifiedName": location.key or "(plan)"}],
            }
            for location in result.locations[:MAX_LOCATIONS]
        ],
        "partialFingerprints": {
            "readinessCriterionKey/v1": _fingerprint(from_root(plan.path, options), result)
        },
        "properties": {"outcome": result.outcome.value, "lever": criterion.lever},
    }
    if result.outcome is Outcome.WAIVED and result.waiver is not None:
        out["suppressions"] = [
            {
                "kind": "inSource",
                "status": "accepted",
                "justification": f"{result.waiver.reason.strip()} (approved by "
                f"{result.waiver.approved_by}, until {result.waiver.until.isoformat()})",
            }
        ]
    return out


def _problem_result(problem: Problem, options: RenderOptions, rule_index: int) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": artifact(problem.file, options)}
    if problem.line:
        location["region"] = {"startLine": problem.line, "startColumn": max(1, problem.column)}
    message = problem.message + (f" (hint: {problem.hint})" if problem.hint else "")
    identity = f"{from_root(problem.file, options)}\n{INVALID}\n{problem.message}"
    return {
        "ruleId": INVALID,
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"readinessInvalidPlan/v1": _hash(identity)},
    }


def _fingerprint(path: str, result: CriterionResult) -> str:
    key = result.locations[0].key if result.locations else ""
    return _hash(f"{path}\n{result.criterion.id}\n{key}")


def _hash(identity: str) -> str:
    # a file name that is not UTF-8 reaches here with surrogates: hash them as they are
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _plan_properties(plan: PlanResult) -> dict[str, Any]:
    """The plan's verdict and what its budget buys per practitioner."""
    out: dict[str, Any] = {"band": plan.band, "score": plan.score}
    costs = plan.costs
    if costs is not None:
        out["currency"] = costs.currency
        out["costPerPractitioner"] = round(costs.per_practitioner, 2)
        out["supportPerPractitioner"] = round(costs.support_per_practitioner, 2)
    return out
