"""Fitting CI: inputs, every format from one run, SARIF, JUnit, GitHub, gates, settings, hooks."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import EXAMPLES, ROOT, run

NOT_A_PLAN = "name: ci\non: [push]\njobs: {}\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with three plans in plans/ and a YAML file that is not a plan."""
    (tmp_path / ".git").mkdir()
    plans = tmp_path / "plans"
    plans.mkdir()
    for example in EXAMPLES.glob("*.yaml"):
        shutil.copy(example, plans / example.name)
    (plans / "workflow.yml").write_text(NOT_A_PLAN)
    return tmp_path


def audit_all(repo: Path, *extra: str):  # type: ignore[no-untyped-def]
    outputs = ["out.json", "out.sarif", "out.xml", "out.md"]
    args = ["audit", "plans", "--as-of", "2027-01-15", *extra]
    for name in outputs:
        args += ["-o", name]
    result = run(*args, cwd=repo)
    return result, {Path(n).suffix: repo / n for n in outputs}


def test_one_run_writes_four_reports(repo: Path) -> None:
    result, files = audit_all(repo)
    assert result.returncode == 1, result.stderr
    assert all(path.exists() for path in files.values())
    report = json.loads(files[".json"].read_text())
    assert [p["path"] for p in report["plans"]] == [
        "plans/developing.yaml",
        "plans/ready.yaml",
        "plans/training-only.yaml",
    ]
    assert files[".md"].read_text().startswith("# Implementation readiness of 3 plans")


# -- SARIF --------------------------------------------------------------------------------
def test_sarif_structure(repo: Path) -> None:
    _, files = audit_all(repo)
    sarif = json.loads(files[".sarif"].read_text())
    assert sarif["version"] == "2.1.0"
    assert "sarif" in sarif["$schema"]
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert len(rules) == 47  # every criterion, and the rule for a plan that cannot be read
    assert rules[-1]["id"] == "invalid-plan"
    for rule in rules[:-1]:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"].startswith("What to commission:")
        assert rule["properties"]["remediation"]
    results = run_["results"]
    assert results
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("plans/")
        assert location["region"]["startLine"] >= 1
        assert location["region"]["startColumn"] >= 1
        assert len(result["partialFingerprints"]["readinessCriterionKey/v1"]) == 32


def test_sarif_levels_follow_weight_and_cap(repo: Path) -> None:
    _, files = audit_all(repo)
    results = json.loads(files[".sarif"].read_text())["runs"][0]["results"]
    by = {
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r
        for r in results
    }
    assert by[("plans/training-only.yaml", "FD-01")]["level"] == "error"  # caps the band
    assert by[("plans/training-only.yaml", "LM-04")]["level"] == "warning"  # weight 1, no cap
    assert by[("plans/developing.yaml", "RP-03")]["level"] == "note"  # partly met


def test_sarif_waivers_are_suppressions_with_their_reason(repo: Path) -> None:
    _, files = audit_all(repo)
    results = json.loads(files[".sarif"].read_text())["runs"][0]["results"]
    waived = [r for r in results if "suppressions" in r]
    assert [r["ruleId"] for r in waived] == ["RP-05"]
    suppression = waived[0]["suppressions"][0]
    assert suppression["status"] == "accepted"
    assert "job evaluation" in suppression["justification"]


def test_sarif_fingerprints_survive_moved_lines(repo: Path) -> None:
    def prints() -> dict[str, tuple[str, int]]:
        _, files = audit_all(repo)
        results = json.loads(files[".sarif"].read_text())["runs"][0]["results"]
        return {
            r["partialFingerprints"]["readinessCriterionKey/v1"]: (
                r["ruleId"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in results
        }

    before = prints()
    plan = repo / "plans" / "developing.yaml"
    plan.write_text("# a new first line\n# and another\n" + plan.read_text())
    after = prints()
    assert before.keys() == after.keys()
    moved = [k for k in before if before[k][1] != after[k][1]]
    assert moved


# -- JUnit --------------------------------------------------------------------------------
def test_junit_parses_with_a_suite_per_plan(repo: Path) -> None:
    _, files = audit_all(repo)
    root = ET.parse(files[".xml"]).getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "plans/developing.yaml",
        "plans/ready.yaml",
        "plans/training-only.yaml",
    ]
    total = 0
    for suite in suites:
        cases = suite.findall("testcase")
        assert len(cases) == 47 == int(suite.get("tests", "0"))
        assert int(suite.get("failures", "-1")) == sum(
            1 for c in cases if c.find("failure") is not None
        )
        assert int(suite.get("skipped", "-1")) == sum(
            1 for c in cases if c.find("skipped") is not None
        )
        total += len(cases)
    assert int(root.get("tests", "0")) == total


def test_junit_outcomes(repo: Path) -> None:
    _, files = audit_all(repo)
    suites = {s.get("name"): s for s in ET.parse(files[".xml"]).getroot()}
    developing = {
        c.get("name", "").split()[0]: c for c in suites["plans/developing.yaml"].iter("testcase")
    }
    assert developing["RP-01"].get("classname") == "right-people"
    assert developing["RP-05"].find("skipped") is not None  # waived
    assert developing["PS-09"].find("failure") is not None  # not met
    partial = developing["RP-03"]
    assert partial.find("failure") is None
    assert (partial.findtext("system-out") or "").startswith("PARTLY MET")
    assert developing["Band"].find("failure") is None
    training = {
        c.get("name", "").split()[0]: c for c in suites["plans/training-only.yaml"].iter("testcase")
    }
    assert training["Band"].find("failure") is not None
    assert training["LM-01"].find("failure").get("type") == "no-evidence"  # type: ignore[union-attr]


# -- GitHub -------------------------------------------------------------------------------
def test_github_escaping() -> None:
    from readiness.reporters.github import data, prop

    assert data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert prop("a: b, c") == "a%3A b%2C c"


def test_github_annotations_within_limits(repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    result = run(
        "audit",
        "plans",
        "--format",
        "github",
        "--as-of",
        "2027-01-15",
        cwd=repo,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    lines = result.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    for kind in ("error", "warning", "notice"):
        assert sum(1 for c in commands if c.startswith(f"::{kind} ")) <= 10
    assert re.match(r"::notice title=readiness::\d+ more gaps are not shown", commands[-1])
    first = commands[0]
    assert first.startswith("::error file=plans/training-only.yaml,line=")
    assert "FD-01" in first  # heaviest first: the training-only cap
    text = summary.read_text()
    assert text.startswith("earlier step\n## readiness")
    assert "| Training only |" in text


# -- gates and settings -------------------------------------------------------------------
def test_settings_file_in_a_parent_folder(repo: Path) -> None:
    (repo / ".readiness.yaml").write_text(
        "min_band: training-only\nexclude: ['plans/ready.yaml']\n"
    )
    sub = repo / "plans"
    result = run("audit", ".", "-f", "json", cwd=sub)
    assert result.returncode == 0, result.stderr
    paths = [p["path"] for p in json.loads(result.stdout)["plans"]]
    assert paths == ["developing.yaml", "training-only.yaml"]
    assert run("audit", ".", "--min-band", "developing", cwd=sub).returncode == 1


def test_settings_file_rubric_is_relative_to_it(repo: Path) -> None:
    from readiness.rubric.files import default_rubric_text

    (repo / "local.yaml").write_text(
        default_rubric_text().replace("met_max_percent: 25", "met_max_percent: 10", 1)
    )
    (repo / ".readiness.yaml").write_text("rubric: local.yaml\n")
    result = run("audit", "developing.yaml", "-f", "json", cwd=repo / "plans")
    assert result.returncode == 0, result.stderr
    rp01 = json.loads(result.stdout)
    criteria = {c["id"]: c for c in rp01["plans"][0]["criteria"]}
    assert criteria["RP-01"]["outcome"] == "partial"
    assert rp01["rubric"]["origin"].endswith("local.yaml")


def test_settings_file_is_not_read_above_the_repository(repo: Path) -> None:
    (repo.parent / ".readiness.yaml").write_text("min_band: ready\n")
    try:
        assert run("audit", "plans/developing.yaml", cwd=repo).returncode == 0
    finally:
        (repo.parent / ".readiness.yaml").unlink()


def test_a_bad_settings_file_is_located(repo: Path) -> None:
    (repo / ".readiness.yaml").write_text("min_band: great\nfail_undr: 50\n")
    result = run("audit", "plans", cwd=repo)
    assert result.returncode == 2
    assert (
        ".readiness.yaml:1:11: error: 'great' is not a recognised value for min_band"
        in result.stderr
    )
    assert (
        ".readiness.yaml:2:1: error: unknown key 'fail_undr' at the top of the file (did you mean 'fail_under'?)"
        in result.stderr
    )


def test_flags_override_the_settings_file(repo: Path) -> None:
    (repo / ".readiness.yaml").write_text("fail_under: 99\n")
    assert run("audit", "plans/developing.yaml", cwd=repo).returncode == 1
    assert run("audit", "plans/developing.yaml", "--fail-under", "50", cwd=repo).returncode == 0


def test_the_size_limit_comes_from_the_flag_then_the_settings_file(repo: Path) -> None:
    plan = "plans/developing.yaml"
    (repo / ".readiness.yaml").write_text("max_size_mb: 0.001\n")  # about 1 KB
    refused = run("validate", plan, cwd=repo)
    assert refused.returncode == 2
    assert "larger than the 1 KB limit" in refused.stderr
    assert run("validate", plan, "--max-size", "1", cwd=repo).returncode == 0
    zero = run("validate", plan, "--max-size", "0", cwd=repo)  # never quietly the default
    assert zero.returncode == 2
    assert "--max-size: give a size in MB greater than 0" in zero.stderr
    (repo / ".readiness.yaml").write_text("max_size_mb: 2000\n")
    too_big = run("validate", plan, cwd=repo)
    assert too_big.returncode == 2
    assert ".readiness.yaml:1:14: error: max_size_mb must be at most 100" in too_big.stderr


# -- inputs -------------------------------------------------------------------------------
def test_glob_patterns(repo: Path) -> None:
    result = run("audit", "plans/*.yaml", "-f", "json", "--min-band", "training-only", cwd=repo)
    assert result.returncode == 0
    assert len(json.loads(result.stdout)["plans"]) == 3


@pytest.mark.parametrize("pattern", ["plans/*.txt", "nothing/**/*.yaml", "plans/workflow.y*ml"])
def test_a_pattern_without_plans_exits_2(repo: Path, pattern: str) -> None:
    result = run("audit", pattern, cwd=repo)
    assert result.returncode == 2
    assert "no plans found in this pattern" in result.stderr


def test_a_folder_skips_yaml_that_is_not_a_plan(repo: Path) -> None:
    result = run("validate", "plans", cwd=repo)
    assert result.returncode == 0
    assert result.stdout == "3 plans valid.\n"


# -- validate and schema ------------------------------------------------------------------
def test_validate_reports_every_problem(repo: Path) -> None:
    bad = repo / "plans" / "bad.yaml"
    bad.write_text("readiness: 1\nplan: {title: A}\nworkforce: {practitioners: 0}\n")
    result = run("validate", "plans", cwd=repo)
    assert result.returncode == 2
    assert "plans/bad.yaml:2:1: error: missing required key 'commissioner' in plan" in result.stderr
    assert (
        "plans/bad.yaml:3:28: error: workforce.practitioners must be at least 1, not 0"
        in result.stderr
    )


def test_validate_checks_waivers_against_the_rubric(repo: Path) -> None:
    plan = repo / "plans" / "developing.yaml"
    plan.write_text(plan.read_text().replace("criterion: RP-05", "criterion: RP-99"))
    result = run("validate", str(plan))
    assert result.returncode == 2
    assert "'RP-99', which is not a criterion of the rubric" in result.stderr


def test_report_schema_describes_the_json_report() -> None:
    schemas = {
        version: json.loads(run("schema", "report", "--json-version", str(version)).stdout)
        for version in (1, 2)
    }
    assert json.loads(run("schema", "report").stdout) == schemas[2]
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    for golden in (ROOT / "tests" / "reporters" / "golden").glob("*.json"):
        report = json.loads(golden.read_text())
        jsonschema.validate(report, schemas[report["schema_version"]])


def test_schema_rejects_an_unknown_name() -> None:
    result = run("schema", "plans")
    assert result.returncode == 2
    assert "(did you mean 'plan'?)" in result.stderr


# -- the README's snippets and the pre-commit hooks ---------------------------------------
def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)
    found = []
    for block in blocks:
        for line in block.splitlines():
            match = re.match(r"\s*(?:- run: |- )?(readiness (?:audit|validate) .*)$", line)
            if match:
                found.append(match.group(1))
    return found


def test_the_readme_has_ci_snippets() -> None:
    commands = readme_commands()
    assert any(".xml" in c for c in commands)
    # the GitHub recipe uses the action (action.yml); tests/recipes runs it as written


@pytest.mark.parametrize("command", readme_commands())
def test_readme_ci_commands_work(command: str, repo: Path) -> None:
    result = run(*command.split()[1:], cwd=repo)
    assert result.returncode == 1  # the training-only example falls short
    assert "Traceback" not in result.stderr
    for name in re.findall(r"-o (\S+)", command):
        assert (repo / name).exists()


def test_pre_commit_hooks_run_as_pre_commit_would(repo: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"readiness-validate", "readiness-audit"}
    files = ["plans/ready.yaml", "plans/workflow.yml", "plans/developing.yaml"]
    before = {f: (repo / f).read_bytes() for f in files}
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["types"] == ["yaml"]
        entry = hook["entry"].split()
        result = run(*entry[1:], *files, cwd=repo)
        assert result.returncode == 0, (hook["id"], result.stderr)
    assert {f: (repo / f).read_bytes() for f in files} == before
    assert sorted(p.name for p in repo.iterdir()) == [".git", "plans"]
