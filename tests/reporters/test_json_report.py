"""The JSON report's models: the schema made from them describes exactly what ``render`` writes.

Every golden report validates against the schema and round-trips through the models to the
same bytes; each mistake is refused by both the schema and the models; the schema's property
names are the keys a report writes; every property says what it means, in real keywords.
Both layouts are checked: version 2 (the default) and version 1 (``--json-version 1``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from conftest import AS_OF, EXAMPLES, ROOT, run
from readiness.outcomes import BANDS, Outcome
from readiness.reporters import RenderOptions
from readiness.reporters.json_report import MODELS, SCHEMA_VERSION, VERSIONS, render, schema

GOLDEN = ROOT / "tests" / "reporters" / "golden"
GOLDENS = sorted(GOLDEN.glob("*.json"))
KEYWORDS = set(jsonschema.Draft202012Validator.VALIDATORS) | {
    # the 2020-12 core and annotation keywords that validate nothing
    *("$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"),
}
WAIVED_PHRASES = """
waivers:
  - criterion: RP-08
    reason: The language review of the narrative is booked for the spring.
    approved_by: Head of Service
    until: 2027-12-31
  - criterion: RP-05
    reason: Champions are being recruited.
    approved_by: Head of Service
    until: 2026-12-31
  - criterion: PS-06
    reason: The outcome framework is agreed in the spring.
    approved_by: Head of Service
    until: 2027-06-30
# sustainability: {funded_until: 2029-03-31}   # TODO: an example still in place
"""

Doc = dict[str, Any]


@pytest.fixture(scope="module", params=VERSIONS, ids=[f"v{v}" for v in VERSIONS])
def report_schema(request: pytest.FixtureRequest) -> Doc:
    made: Doc = schema(request.param)
    return made


def validator_for(version: int) -> jsonschema.Draft202012Validator:
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return jsonschema.Draft202012Validator(schema(version), format_checker=checker)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return validator_for(SCHEMA_VERSION)


def subschemas(node: Doc, path: str = "#") -> Iterator[tuple[str, Doc]]:
    """Every schema object in the schema with its JSON pointer, ``$defs`` included."""
    yield path, node
    for keyword in ("properties", "$defs"):
        for name, sub in node.get(keyword, {}).items():
            yield from subschemas(sub, f"{path}/{keyword}/{name}")
    for index, sub in enumerate(node.get("anyOf", [])):
        yield from subschemas(sub, f"{path}/anyOf/{index}")
    for keyword in ("items", "additionalProperties"):
        if isinstance(node.get(keyword), dict):
            yield from subschemas(node[keyword], f"{path}/{keyword}")


def test_the_schema_is_a_valid_2020_12_schema(report_schema: Doc) -> None:
    jsonschema.Draft202012Validator.check_schema(report_schema)
    version = report_schema["properties"]["schema_version"]["const"]
    assert version in VERSIONS
    assert report_schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert report_schema["$id"] == f"https://readiness.invalid/schema/report-{version}.json"
    assert report_schema["title"] == "readiness JSON report"


def test_readiness_schema_report_follows_the_version() -> None:
    for asked, version in ((), SCHEMA_VERSION), (("--json-version", "1"), 1):
        result = run("schema", "report", *asked)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == schema(version)
    assert SCHEMA_VERSION == 2


def test_the_schema_uses_only_json_schema_keywords(report_schema: Doc) -> None:
    for path, node in subschemas(report_schema):
        assert set(node) <= KEYWORDS, (path, set(node) - KEYWORDS)


def test_every_property_has_a_description(report_schema: Doc) -> None:
    described = 0
    for path, node in subschemas(report_schema):
        for name, prop in node.get("properties", {}).items():
            text = prop.get("description")
            assert isinstance(text, str), f"{path}/properties/{name} has no description"
            assert text.strip(), f"{path}/properties/{name} has an empty description"
            assert text.endswith("."), f"{path}/properties/{name}: {text!r} is not a sentence"
            described += 1
    assert described >= 55  # the walk reached the $defs, not just the top level


def test_bands_and_outcomes_are_the_shared_vocabulary(report_schema: Doc) -> None:
    enums = [node["enum"] for _, node in subschemas(report_schema) if "enum" in node]
    assert enums.count(list(BANDS)) == 3  # band, min_band, caps_band (in plans or the rubric)
    assert [o.value for o in Outcome] in enums
    assert all(e in (list(BANDS), [o.value for o in Outcome]) for e in enums)


@pytest.mark.parametrize("golden", GOLDENS, ids=[p.stem for p in GOLDENS])
def test_every_golden_report_validates_and_round_trips(golden: Path) -> None:
    report = json.loads(golden.read_text(encoding="utf-8"))
    version = report["schema_version"]
    assert version == (1 if golden.name.endswith(".v1.json") else SCHEMA_VERSION)
    assert list(validator_for(version).iter_errors(report)) == []
    # the models take the report back and give the same keys, in the same order
    dumped = MODELS[version][0].model_validate(report).model_dump(mode="json", exclude_unset=True)
    assert json.dumps(dumped) == json.dumps(report)


def test_version_2_writes_the_rubric_text_once_and_refers_to_it() -> None:
    new = json.loads((GOLDEN / "developing.json").read_text(encoding="utf-8"))
    old = json.loads((GOLDEN / "developing.v1.json").read_text(encoding="utf-8"))
    table = {c["id"]: c for c in new["rubric"]["criteria"]}
    levers = {lv["id"]: lv for lv in new["rubric"]["levers"]}
    for was, now in zip(old["plans"][0]["criteria"], new["plans"][0]["criteria"], strict=True):
        assert now["id"] == was["id"]
        # the same facts: the plan's own, and the rubric's by ID
        assert {k: v for k, v in was.items() if k in now} == now
        assert {k: table[was["id"]][k] for k in was if k not in now} == {
            k: v for k, v in was.items() if k not in now
        }
    for was, now in zip(old["plans"][0]["levers"], new["plans"][0]["levers"], strict=True):
        assert was == now | {k: levers[now["id"]][k] for k in ("title", "weight")}
    assert [lv["scored"] for lv in new["rubric"]["levers"]] == [True] * 5 + [False]
    assert all(c["rationale"] for c in table.values())


def test_render_writes_the_golden_report(rubric: Any) -> None:
    from readiness.audit.many import audit_many
    from readiness.audit.run import AuditOptions

    plan = EXAMPLES / "developing.yaml"
    result = audit_many([(plan, "examples/developing.yaml")], rubric, AuditOptions(as_of=AS_OF))
    for version, name in (2, "developing.json"), (1, "developing.v1.json"):
        options = RenderOptions(json_version=version)
        written = render(result, options)
        assert written == (GOLDEN / name).read_text(encoding="utf-8")
        # what is written is validated: a figure outside the schema is refused, not written
        for bad in ({"score": 101.0}, {"band": "nearly-ready"}, {"title": None}):
            plans = (result.plans[0]._replace(**bad),)
            with pytest.raises(ValidationError):
                render(result._replace(plans=plans), options)


DROP = object()


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """A change at a dotted path (list positions as numbers); ``DROP`` deletes the key."""
    *parents, last = path.split(".")

    def change(doc: Any) -> None:
        for part in parents:
            doc = doc[int(part) if part.isdigit() else part]
        if value is DROP:
            del doc[last]
        else:
            doc[last] = value

    return change


WAIVED = "plans.0.criteria.4"  # RP-05 in developing.json: the one with a waiver
MISTAKES = {
    "a wrong band": _set("plans.0.band", "nearly-ready"),
    "a wrong min_band": _set("min_band", "ok"),
    "a score of 101": _set("plans.0.score", 101),
    "a negative score": _set("plans.0.score", -0.1),
    "a lever score of 101": _set("plans.0.levers.0.score", 101),
    "a missing required key": _set("plans.0.criteria.0.reason", DROP),
    "the rubric's text repeated in a plan": _set("plans.0.criteria.0.title", "x"),
    "a lever's title in a plan": _set("plans.0.levers.0.title", "x"),
    "a rubric criterion without remediation": _set("rubric.criteria.0.remediation", DROP),
    "a rubric lever without scored": _set("rubric.levers.0.scored", DROP),
    "a rubric criterion with a lower-case id": _set("rubric.criteria.0.id", "rp-01"),
    "a missing summary": _set("summary", DROP),
    "a missing present": _set("plans.0.criteria.0.locations.0.present", DROP),
    "an unknown outcome": _set("plans.0.criteria.0.outcome", "maybe"),
    "an extra unknown key": _set("plans.0.criteria.0.severity", "high"),
    "an extra top-level key": _set("generated_at", "2027-01-15T10:00:00"),
    "another schema_version": _set("schema_version", 1),
    "another tool": _set("tool.name", "other"),
    "a short sha256": _set("rubric.sha256", "11c50d2a"),
    "line 0": _set("plans.0.criteria.0.locations.0.line", 0),
    "column 0": _set(f"{WAIVED}.waiver.column", 0),
    "a negative count": _set("summary.failed", -1),
    "a date that is not a date": _set("as_of", "15/01/2027"),
    "an impossible waiver date": _set(f"{WAIVED}.waiver.until", "2028-02-30"),
    "a lower-case criterion id": _set("plans.0.criteria.0.id", "rp-01"),
    "no locations": _set("plans.0.criteria.0.locations", []),
    "null phrases (absent, not null)": _set("plans.0.criteria.0.phrases", None),
    "a null waiver": _set("plans.0.criteria.0.waiver", None),
    "a phrase without its location": _set("plans.0.criteria.0.phrases", [{"phrase": "x"}]),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_the_schema_and_the_models_refuse_a_mistake(
    mistake: str, validator: jsonschema.Draft202012Validator
) -> None:
    report = json.loads((GOLDEN / "developing.json").read_text(encoding="utf-8"))
    assert report["plans"][0]["criteria"][4]["waiver"]
    MISTAKES[mistake](report)
    assert list(validator.iter_errors(report)), f"the schema accepts {mistake}"
    with pytest.raises(ValidationError):
        MODELS[SCHEMA_VERSION][0].model_validate(report)


def keys_by_schema(instance: Any, node: Doc, root: Doc, seen: dict[str, set[str]]) -> None:
    """For each object schema (by ``$ref`` name), the keys the report writes for it."""
    name = node.get("$ref", "").rpartition("/")[2]
    node = root["$defs"][name] if name else node
    for choice in node.get("anyOf", []):  # a value or null
        if instance is not None and choice.get("type") != "null":
            keys_by_schema(instance, choice, root, seen)
    if isinstance(instance, dict):
        seen.setdefault(name or "#", set()).update(instance)
        for key, value in instance.items():
            keys_by_schema(value, node["properties"][key], root, seen)
    elif isinstance(instance, list):
        for item in instance:
            keys_by_schema(item, node["items"], root, seen)


def test_the_schema_names_exactly_the_keys_a_report_writes(
    tmp_path: Path, report_schema: Doc
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text((EXAMPLES / "training-only.yaml").read_text() + WAIVED_PHRASES)
    # the developing example's waiver changes its score: score_without_waivers
    other = tmp_path / "other.yaml"
    other.write_text((EXAMPLES / "developing.yaml").read_text())
    version = str(report_schema["properties"]["schema_version"]["const"])
    result = run(
        "audit",
        str(plan),
        str(other),
        "-f",
        "json",
        "--json-version",
        version,
        "--as-of",
        "2027-01-15",
    )
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    both = [c for c in report["plans"][0]["criteria"] if "waiver" in c and "phrases" in c]
    assert len(both) == 1, "the plan should have one waived criterion with phrases"
    seen: dict[str, set[str]] = {}
    keys_by_schema(report, report_schema, report_schema, seen)
    objects = {"#": report_schema} | {
        name: d for name, d in report_schema["$defs"].items() if "properties" in d
    }
    assert set(seen) == set(objects)
    for name, node in objects.items():
        assert set(node["properties"]) == seen[name], name


def test_a_json_version_that_does_not_exist_is_refused_plainly() -> None:
    result = run("audit", str(EXAMPLES / "ready.yaml"), "-f", "json", "--json-version", "3")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "readiness: error: --json-version: '3' is not one of 2, 1\n"
    result = run("schema", "plan", "--json-version", "1")
    assert result.returncode == 2
    assert "--json-version is about the report: readiness schema report" in result.stderr
