"""The plan format's JSON Schema (``readiness schema``) says what readiness enforces.

Every rule about a single value that ``readiness validate`` enforces, the schema enforces too,
so an editor flags what readiness would refuse: a table of edge cases compares the two
verdicts on whole plans. Rules across fields are left out (docs/plan-format.md). The few
values where JSON Schema cannot match readiness are in the table as strict expected failures,
so that closing a gap, or opening one, shows here.

Over 200 lines: the table of edge cases, one line each, and a check of each value type's
pattern against its validator on many values.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import ConfigDict, TypeAdapter, ValidationError

from conftest import EXAMPLES, run
from readiness.errors import InputError
from readiness.load.parse import load_yaml
from readiness.load.scalars import YamlFloat, YamlInt
from readiness.plan.load import parse_plan
from readiness.plan.schema import plan_schema
from readiness.plan.types import Frequency, Percent, PlanDate, Timepoint

Validator = jsonschema.Draft202012Validator


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return plan_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return Validator(schema, format_checker=Validator.FORMAT_CHECKER)


def walk(node: object) -> Iterator[dict[str, Any]]:
    """Every object in a JSON document."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


# -- the schema itself --------------------------------------------------------------------
def test_the_schema_is_valid_draft_2020_12(schema: dict[str, Any]) -> None:
    Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    json.dumps(schema, allow_nan=False)  # plain JSON: no NaN, no Python objects


def test_no_pydantic_keywords_are_left(schema: dict[str, Any]) -> None:
    """``ge``/``le`` are not JSON Schema: a checker ignores them and lets ``0`` through."""
    left = {key for node in walk(schema) for key in node} & {"ge", "le", "gt", "lt"}
    assert left == set()


def test_every_property_has_a_description(schema: dict[str, Any]) -> None:
    sections = {"(top)": schema, **schema["$defs"]}
    missing = [
        f"{section}.{name}"
        for section, definition in sections.items()
        for name, prop in definition.get("properties", {}).items()
        if not (isinstance(prop.get("description"), str) and prop["description"].strip())
    ]
    assert missing == []
    assert len([p for s in sections.values() for p in s.get("properties", {})]) > 90
    # each says what its field is for, not only how to write its type
    types = {d["description"] for d in schema["$defs"].values() if "properties" not in d}
    own = [p["description"] for s in sections.values() for p in s.get("properties", {}).values()]
    assert not set(own) & types


def test_numbers_have_their_bounds(schema: dict[str, Any]) -> None:
    defs = schema["$defs"]
    assert (defs["PositiveCount"]["minimum"], defs["PositiveCount"]["maximum"]) == (1, 10**7)
    assert (defs["Count"]["minimum"], defs["Amount"]["minimum"]) == (0, 0)
    assert defs["Money"]["maximum"] == 10**12
    workforce = defs["Workforce"]["properties"]
    assert workforce["practitioners"] == {
        "description": "Frontline practitioners in scope. A whole number from 1 to 10,000,000.",
        "$ref": "#/$defs/PositiveCount",
    }


def test_every_example_is_valid(validator: jsonschema.Draft202012Validator) -> None:
    examples = sorted(EXAMPLES.glob("*.yaml"))
    assert examples
    for example in examples:
        data = load_yaml(example.read_text(), example.name).doc.data
        assert [e.message for e in validator.iter_errors(data)] == [], example.name


def test_plan_schema_accepts_the_examples_and_refuses_mistakes() -> None:
    schema = json.loads(run("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for example in EXAMPLES.glob("*.yaml"):
        data = load_yaml(example.read_text(), example.name).doc.data
        assert list(validator.iter_errors(data)) == [], example.name
    bad = load_yaml(
        "readiness: 1\nplan: {title: A}\nworkforce: {practitioners: 0}\nextra: 1\n", "x"
    ).doc.data
    assert len(list(validator.iter_errors(bad))) >= 3


# -- single values: the schema's verdict is readiness's ------------------------------------
KNOWN_GAPS: dict[tuple[str, str], str] = {}
"""Values JSON Schema cannot judge as readiness does (plan/schema.py lists them), and why."""


def gap(where: str, written: Any, accepted: bool, why: str) -> Any:
    """A value on which the schema's verdict is the opposite of readiness's, by necessity: the
    test asserts exactly that, so a gap that closes (or a new one) fails."""
    KNOWN_GAPS[where, repr(written)] = why
    return pytest.param(where, written, accepted)


INTEGERS_INCLUDE_3_0 = "JSON Schema's integers include 3.0"
ASCII_DIGITS = "the patterns take ASCII digits only; Python's \\d takes others"
ROUNDED = "readiness rounds text to a float before comparing"
DATE = "line_managers.trained_by"
FREQUENCY = "standards.supervision.frequency"
PERCENT = "workforce.pressures.vacancy_rate"
TIMEPOINTS = "standards.outcome_measures.0.timepoints"

CASES = [
    # where (dotted keys), the value as written in YAML, whether readiness accepts it
    ("workforce.practitioners", "0", False),
    ("workforce.practitioners", "1", True),
    ("workforce.practitioners", "-1", False),
    ("workforce.practitioners", "10000000", True),
    ("workforce.practitioners", "10000001", False),
    ("workforce.practitioners", "'12'", False),
    ("workforce.practitioners", "true", False),
    ("workforce.practitioners", "~", False),
    ("workforce.practitioners", "0x10", True),
    ("workforce.line_managers", "0", True),
    ("workforce.line_managers", "-1", False),
    ("rollout.cohorts.0.size", "0", False),
    ("standards.supervision.minutes", "-30", False),
    ("standards.supervision.minutes", "0", True),
    ("standards.supervision.minutes", "90.5", False),
    ("line_managers.reflective_practice.minutes", "-1", False),
    ("fidelity.feedback_within_days", "10000001", False),
    ("training.days", "2.5", True),
    ("training.days", "-0.5", False),
    ("training.days", "10000000.5", False),
    ("training.days", ".nan", False),
    ("training.days", ".inf", False),
    ("training.days", "'3'", False),
    ("managers.protected_time.backfill", "0", True),
    ("managers.protected_time.backfill", "1000000000000", True),
    ("managers.protected_time.backfill", "1000000000001", False),
    ("managers.protected_time.backfill", "-5", False),
    ("managers.protected_time.backfill", "£25,000", False),
    ("budget.lines.0.amount", "25000.50", True),
    ("budget.lines.0.amount", "~", False),
    (PERCENT, "0", True),
    (PERCENT, "100", True),
    (PERCENT, "101", False),
    (PERCENT, "100.5", False),
    (PERCENT, "-1", False),
    (PERCENT, "85%", True),
    (PERCENT, '"85%"', True),
    (PERCENT, '" 85.5 % "', True),
    (PERCENT, '"085%"', True),
    (PERCENT, '"100.000%"', True),
    (PERCENT, '"100.01%"', False),
    (PERCENT, '"101%"', False),
    (PERCENT, '"85"', False),
    (PERCENT, '"-5%"', False),
    (PERCENT, '".5%"', False),
    (PERCENT, "true", False),
    (PERCENT, ".nan", False),
    (DATE, "2027-02-01", True),
    (DATE, "2027-13-01", False),
    (DATE, "2027-00-10", False),
    (DATE, "2027-01-00", False),
    (DATE, "2027-01-32", False),
    (DATE, "2027-02-30", False),
    (DATE, "2027-04-31", False),
    (DATE, "2027-04-30", True),
    (DATE, "2027-02", True),
    (DATE, "2027-2-3", True),
    (DATE, "2027-002-01", False),
    (DATE, "1899-12-31", False),
    (DATE, "1900-01-01", True),
    (DATE, "2200-12-31", True),
    (DATE, "2201-01-01", False),
    (DATE, "2028-02-29", True),
    (DATE, "2027-02-29", False),
    (DATE, "2000-2-29", True),
    (DATE, "2100-02-29", False),
    (DATE, "' 2027-02-01 '", True),
    (DATE, "20270201", False),
    (DATE, "2027-02-01T09:00", False),
    (DATE, "27-02-01", False),
    (FREQUENCY, "monthly", True),
    (FREQUENCY, "MONTHLY", True),
    (FREQUENCY, "' Six-Weekly '", True),
    (FREQUENCY, '"wee\\u212Aly"', True),  # the Kelvin sign lowers to k
    (FREQUENCY, "bimonthly", False),
    (FREQUENCY, "fortnighly", False),
    (FREQUENCY, "'monthly yearly'", False),
    (FREQUENCY, "12", False),
    (FREQUENCY, "~", True),
    ("training.methods", "[Workshop, E-LEARNING]", True),
    ("training.methods", "[workshops]", False),
    ("training.methods", "[]", True),
    ("training.methods", "[~]", False),
    ("training.methods", "workshop", False),
    ("line_managers.supervision_style", "' Mixed '", True),
    ("budget.lines.0.category", "Backfill", True),
    ("budget.lines.0.category", "salaries", False),
    (TIMEPOINTS, "[baseline, 6 months]", True),
    (TIMEPOINTS, "[' BASELINE ']", True),
    (TIMEPOINTS, "[3months, 1 Week, 2 YEARS]", True),
    (TIMEPOINTS, "[1.5 years]", True),
    (TIMEPOINTS, "[0 months]", False),
    (TIMEPOINTS, "[0.5 weeks]", True),
    (TIMEPOINTS, "[50 years]", True),
    (TIMEPOINTS, "[50.5 years]", False),
    (TIMEPOINTS, "[2600 weeks]", True),
    (TIMEPOINTS, "[2601 weeks]", False),
    (TIMEPOINTS, "[600.0 months]", True),
    (TIMEPOINTS, "[601 months]", False),
    (TIMEPOINTS, "[3 fortnights]", False),
    (TIMEPOINTS, "[.5 years]", False),
    (TIMEPOINTS, "[3]", False),
    ("standards.supervision.quality_monitored", "true", True),
    ("standards.supervision.quality_monitored", "False", True),
    ("standards.supervision.quality_monitored", "yes", False),
    ("standards.supervision.quality_monitored", "'true'", False),
    ("standards.supervision.quality_monitored", "1", False),
    ("plan.title", "yes", True),  # text in YAML 1.2
    ("plan.title", "007", True),
    ("plan.title", "3.50", True),
    ("plan.title", "true", True),
    ("plan.title", ".nan", True),
    ("plan.title", "''", False),
    ("plan.title", "'   '", False),
    ("plan.title", "~", False),
    ("plan.title", "[a, b]", False),
    ("plan.provider", "~", True),
    ("workforce.notes", "{a: 1}", False),
    ("narrative.summary", "''", False),
    ("narrative.summary", "12", True),
    ("narrative", "{'1': text, other: more}", True),
    ("budget.currency", "EUR", True),
    ("budget.currency", "~", False),
    ("rollout.cohorts.0.exit_criteria", "[yes, '']", False),
    ("waivers", "[{criterion: ' rp-05 ', reason: r, approved_by: a, until: 2027-06}]", True),
    ("waivers", "[{criterion: '  ', reason: r, approved_by: a, until: 2027-06}]", False),
    ("waivers", "[{criterion: RP-05, reason: r, approved_by: a}]", False),
    ("readiness", "1", True),
    ("readiness", "2", False),
    ("readiness", "'1'", False),
    ("readiness", "one", False),
    ("readiness", "true", False),
    ("workforce.extra", "1", False),
    gap("workforce.practitioners", "3.0", False, INTEGERS_INCLUDE_3_0),
    gap("readiness", "1.0", False, INTEGERS_INCLUDE_3_0),
    gap("plan.title", "!!float 3", False, "a tagged float is a number to the schema"),
    gap(DATE, "'\u0662\u0660\u0662\u0667-\u0660\u0662-\u0660\u0661'", True, ASCII_DIGITS),
    gap(PERCENT, '"100.00000000000000001%"', True, ROUNDED),
    gap(TIMEPOINTS, f"['0.{'0' * 400}1 months']", False, ROUNDED),
]

SENTINEL = "VALUE_UNDER_TEST"


def plain(data: object) -> object:
    """The loader's data with plain ints and floats, which PyYAML can write."""
    if isinstance(data, dict):
        return {key: plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [plain(value) for value in data]
    if isinstance(data, YamlInt):
        return int(data)
    if isinstance(data, YamlFloat):
        return float(data)
    return data


def plan_with(where: str, written: str) -> str:
    """The text of examples/ready.yaml with one value written as given."""
    return template(where).replace(SENTINEL, written)


@cache
def template(where: str) -> str:
    """examples/ready.yaml rewritten with SENTINEL in the place of one value."""
    data = plain(load_yaml((EXAMPLES / "ready.yaml").read_text(), "ready").doc.data)
    *parents, last = [int(k) if k.isdigit() else k for k in where.split(".")]
    node: Any = data
    for key in parents:
        node = node[key]
    node[last] = SENTINEL
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=10**6)
    assert text.count(SENTINEL) == 1
    return text


def readiness_accepts(text: str) -> bool:
    try:
        parse_plan(text, "edge.yaml")
    except InputError:
        return False
    return True


def test_the_base_plan_is_valid_to_both(validator: jsonschema.Draft202012Validator) -> None:
    text = plan_with("plan.title", "Relational care")
    assert readiness_accepts(text)
    assert validator.is_valid(load_yaml(text, "edge.yaml").doc.data)


def test_the_table_is_large_and_goes_both_ways() -> None:
    verdicts = [getattr(case, "values", case)[2] for case in CASES]  # a gap is a pytest.param
    assert len(verdicts) >= 30
    assert verdicts.count(True) >= 10
    assert verdicts.count(False) >= 10


@pytest.mark.parametrize(("where", "written", "accepted"), CASES)
def test_the_schema_judges_a_value_as_readiness_does(
    validator: jsonschema.Draft202012Validator, where: str, written: str, accepted: bool
) -> None:
    text = plan_with(where, written)
    readiness = readiness_accepts(text)
    assert readiness is accepted, "the table no longer says what readiness does"
    errors = [
        f"{error.json_path}: {error.message}"
        for error in validator.iter_errors(load_yaml(text, "edge.yaml").doc.data)
    ]
    schema = not errors
    differs = (where, repr(written)) in KNOWN_GAPS
    assert schema is (readiness is not differs), (
        f"readiness {'accepts' if readiness else 'refuses'} it, the schema "
        f"{'accepts' if schema else 'refuses'} it: {errors}"
        + (f" (a known gap: {KNOWN_GAPS[where, repr(written)]})" if differs else "")
    )


# -- each value type's pattern against its validator, on many values ------------------------
def disagreements(definition: dict[str, Any], type_: Any, values: list[str]) -> list[str]:
    """The values on which a value type's schema in ``$defs`` and its validator disagree."""
    adapter: TypeAdapter[Any] = TypeAdapter(type_, config=ConfigDict(strict=True))
    check = Validator(definition)  # each value type's schema stands alone

    def accepts(value: str) -> bool:
        try:
            adapter.validate_python(value)
        except ValidationError:
            return False
        return True

    assert any(map(accepts, values)), "no value is valid: the test tests nothing"
    return [value for value in values if accepts(value) != check.is_valid(value)]


def test_dates_as_parse_date_reads_them(schema: dict[str, Any]) -> None:
    parts = ["0", "00", "1", "01", "2", "02", "4", "9", "10", "11", "12", "13", "012", "3"]
    values = [
        f"{year}-{month}" + (f"-{day}" if day else "")
        for year in (1899, 1900, 1904, 2000, 2027, 2028, 2100, 2200, 2201)
        for month in parts
        for day in ["", "0", "1", "09", "28", "29", "30", "31", "32", "001"]
    ]
    assert disagreements(schema["$defs"]["PlanDate"], PlanDate, values) == []


def test_timepoints_as_readiness_reads_them(schema: dict[str, Any]) -> None:
    numbers = ["0", "00", "0.0", "0.01", "1", "9", "49", "50", "50.0", "50.01", "51", "599"]
    numbers += ["600", "600.00", "600.5", "601", "2599.99", "2600", "2600.0", "2600.5", "2601"]
    units = ["week", "weeks", "Month", "months", "YEAR", "years", "yrs", "weeks s"]
    values = [f"{n}{space}{u}" for n in numbers for u in units for space in ("", " ", "\t")]
    values += ["baseline", " Baseline ", "baseline 1", "1e2 weeks", "+1 weeks", "-1 weeks"]
    assert disagreements(schema["$defs"]["Timepoint"], Timepoint, values) == []


def test_percentages_as_readiness_reads_them(schema: dict[str, Any]) -> None:
    numbers = ["0", "00", "5", "05", "50", "99", "099", "100", "0100", "101", "1000", "100.0"]
    numbers += ["100.00", "100.01", "99.99", "0.5", ".5", "5.", "-5", "1e2", "85 %"]
    values = [
        f"{space}{n}{sign}{space}" for n in numbers for sign in ("%", "") for space in ("", " ")
    ]
    assert disagreements(schema["$defs"]["Percent"], Percent, values) == []


def test_frequencies_as_readiness_reads_them(schema: dict[str, Any]) -> None:
    words = ["weekly", "WEEKLY", "Weekly ", "\tmonthly\n", "six-weekly", "six weekly", "sixweekly"]
    words += ["once", "ONCE", "nonE", "never", "", " ", "week\u212aly", "wee\u212aly", "weekly."]
    assert disagreements(schema["$defs"]["Frequency"], Frequency, words) == []


def test_only_the_basic_multilingual_plane_lowers_to_ascii() -> None:
    """The word patterns look for characters that lower to ASCII in the BMP alone."""
    beyond = [c for c in map(chr, range(0x10000, sys.maxunicode + 1)) if c.lower().isascii()]
    assert beyond == []


# -- the patterns are ECMA-262, as editors read them ------------------------------------------
@pytest.mark.skipif(shutil.which("node") is None, reason="node (an ECMA-262 engine) is not here")
def test_patterns_mean_the_same_in_ecma_262(schema: dict[str, Any]) -> None:
    patterns = sorted({node["pattern"] for node in walk(schema) if "pattern" in node})
    samples = ["2027-02-01", "2027-2-3", "2027-02-30", " 2028-02-29 ", "2027-02", "85%", " 85.5 % "]
    samples += ["100.01%", "baseline", "3 MONTHS", "2600 weeks", "0 weeks", "Six-Weekly"]
    samples += ["wee\u212aly", "monthly ", "yes", "", " ", "Workshop", "e-learning", "12"]
    script = (
        "const [ps, ss] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(ps.map(p => { const u = new RegExp(p, 'u'), b = new RegExp(p);"
        " return ss.map(s => [u.test(s), b.test(s)]); })));"
    )
    out = subprocess.run(
        ["node", "-e", script],
        input=json.dumps([patterns, samples]),
        capture_output=True,
        text=True,
        check=True,
    )
    ecma = json.loads(out.stdout)
    for pattern, results in zip(patterns, ecma, strict=True):
        python = [bool(re.search(pattern, s)) for s in samples]
        assert [u for u, _ in results] == python, pattern
        assert [b for _, b in results] == python, pattern
