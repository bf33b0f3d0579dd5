"""CI formats as CI services read them: invalid plans visible, locations from the repository's
root, strict JUnit, SARIF within GitHub's limits and valid against the OASIS schema."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from conftest import DATA, EXAMPLES, run

SCHEMAS = DATA / "schemas"
TYPO = ("  supervision:\n", "  supervison:\n")


@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, object]:
    schema: dict[str, object] = json.loads(
        (SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    )
    return schema


@pytest.fixture(scope="module")
def junit_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose plans sit two folders down, one with a typo, one with a name that
    needs percent-encoding."""
    (tmp_path / ".git").mkdir()
    plans = tmp_path / "area" / "plans"
    plans.mkdir(parents=True)
    shutil.copy(EXAMPLES / "developing.yaml", plans / "North plan (v2) ü.yaml")
    text = (EXAMPLES / "ready.yaml").read_text(encoding="utf-8")
    assert TYPO[0] in text
    (plans / "typo.yaml").write_text(text.replace(*TYPO, 1), encoding="utf-8")
    (tmp_path / "area" / "sub").mkdir()
    return tmp_path


def typo_line(repo: Path) -> int:
    lines = (repo / "area/plans/typo.yaml").read_text(encoding="utf-8").splitlines()
    return lines.index(TYPO[1].rstrip("\n")) + 1


def test_an_invalid_plan_is_a_finding_in_every_ci_format(
    repo: Path, sarif_schema: dict[str, object], junit_schema: etree.XMLSchema
) -> None:
    sub = repo / "area" / "sub"
    result = run(
        "audit", "../plans", "-f", "github", "-o", "r.sarif", "-o", "r.xml", "-o", "r.json",
        "-o", "r.md", "--as-of", "2027-01-15", cwd=sub,
    )  # fmt: skip
    assert result.returncode == 2
    line = typo_line(repo)
    # an annotation at the problem, the file named from the repository's root
    assert result.stdout.splitlines()[0] == (
        f"::error file=area/plans/typo.yaml,line={line},col=3,title=The plan cannot be read"
        "::unknown key 'supervison' in standards (did you mean 'supervision'?)"
    )
    assert f"../plans/typo.yaml:{line}:3: error: unknown key 'supervison'" in result.stderr
    # the CI formats are written, the board report and the JSON report are not
    assert not (sub / "r.json").exists()
    assert not (sub / "r.md").exists()
    sarif = json.loads((sub / "r.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, sarif_schema)
    run_ = sarif["runs"][0]
    assert run_["invocations"][0]["executionSuccessful"] is False
    invalid = [r for r in run_["results"] if r["ruleId"] == "invalid-plan"]
    assert len(invalid) == 1
    place = invalid[0]["locations"][0]["physicalLocation"]
    assert place["artifactLocation"] == {"uri": "area/plans/typo.yaml", "uriBaseId": "%SRCROOT%"}
    assert place["region"] == {"startLine": line, "startColumn": 3}
    assert run_["tool"]["driver"]["rules"][invalid[0]["ruleIndex"]]["id"] == "invalid-plan"
    # the valid plan's gaps are still there, its name percent-encoded
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]
    }
    assert "area/plans/North%20plan%20%28v2%29%20%C3%BC.yaml" in uris
    junit = etree.parse(str(sub / "r.xml"))
    junit_schema.assertValid(junit)
    failing = junit.xpath("//testsuite[@file='area/plans/typo.yaml']/testcase")
    assert [c.get("name") for c in failing] == ["The plan can be read"]
    assert "supervison" in failing[0].find("failure").text


def test_a_missing_plan_still_writes_the_sarif_file(
    repo: Path, sarif_schema: dict[str, object]
) -> None:
    result = run("audit", "area/plans/gone.yaml", "-o", "r.sarif", "-o", "r.json", cwd=repo)
    assert result.returncode == 2
    assert "gone.yaml" in result.stderr
    assert not (repo / "r.json").exists()
    sarif = json.loads((repo / "r.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, sarif_schema)
    run_ = sarif["runs"][0]
    [missing] = run_["results"]
    assert missing["ruleId"] == "invalid-plan"
    assert missing["message"]["text"].startswith("file not found")
    place = missing["locations"][0]["physicalLocation"]["artifactLocation"]
    assert place == {"uri": "area/plans/gone.yaml", "uriBaseId": "%SRCROOT%"}
    assert run_["invocations"][0]["executionSuccessful"] is False


def test_a_report_never_replaces_a_named_plan_even_when_input_is_invalid(repo: Path) -> None:
    named = repo / "area/plans/named.sarif"
    named.write_text("readiness: 1\n")
    before = named.read_bytes()
    result = run(
        "audit", "area/plans/named.sarif", "area/plans/gone.yaml", "-o", str(named), cwd=repo
    )
    assert result.returncode == 2
    assert named.read_bytes() == before


def test_locations_are_the_same_from_the_root_and_from_a_subfolder(repo: Path) -> None:
    plan = "area/plans/North plan (v2) ü.yaml"
    top = run("audit", plan, "-f", "sarif", "--as-of", "2027-01-15", cwd=repo)
    deep = run(
        "audit", "../plans/North plan (v2) ü.yaml", "-f", "sarif", "--as-of", "2027-01-15",
        cwd=repo / "area" / "sub",
    )  # fmt: skip
    assert top.returncode == deep.returncode == 0, top.stderr + deep.stderr
    assert (
        json.loads(top.stdout)["runs"][0]["results"]
        == json.loads(deep.stdout)["runs"][0]["results"]
    )
    github = run("audit", "../plans", "-f", "github", cwd=repo / "area" / "sub")
    assert "file=area/plans/North plan (v2) ü.yaml," in github.stdout
    assert "../" not in "".join(
        line for line in github.stdout.splitlines() if line.startswith("::")
    )


def test_junit_is_valid_against_the_strict_schema_with_stable_names(
    repo: Path, junit_schema: etree.XMLSchema, tmp_path: Path
) -> None:
    plan = repo / "area/plans/North plan (v2) ü.yaml"
    first = run("audit", str(plan), "-f", "junit", cwd=repo)
    junit_schema.assertValid(etree.fromstring(first.stdout.encode()))
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("frequency: six-weekly", "frequency: monthly"), encoding="utf-8")
    second = run("audit", str(plan), "-f", "junit", cwd=repo)
    assert first.stdout != second.stdout  # the score changed
    names = [
        [c.get("name") for c in ET.fromstring(out.stdout).iter("testcase")]
        for out in (first, second)
    ]
    assert names[0] == names[1]
    assert names[0][0] == "Band"


def test_sarif_dot_json_is_sarif(repo: Path) -> None:
    plan = "area/plans/North plan (v2) ü.yaml"
    assert run("audit", plan, "-o", "out.sarif.json", "-o", "out.json", cwd=repo).returncode == 0
    assert json.loads((repo / "out.sarif.json").read_text())["version"] == "2.1.0"
    assert "schema_version" in json.loads((repo / "out.json").read_text())
