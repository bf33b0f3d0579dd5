"""Explaining and tuning the rubric: explain, rubric list/check/docs, local rubrics, init."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, run
from readiness.load.parse import load_yaml
from readiness.plan.load import parse_plan

LOCAL = """extends: default
id: northshire
version: 3
title: Northshire local rubric
criteria:
  RP-01:
    params: {met_max_percent: 15}
    weight: 3
  PS-08:
    enabled: false
  LOCAL-01:
    lever: fidelity
    title: Practitioners hear back within two weeks
    rationale: Our policy is quick feedback.
    check: at_most
    params: {key: fidelity.feedback_within_days, label: Feedback to practitioners, unit: days, met_max: 14, partial_max: 30}
    remediation: Give feedback within 14 days.
levers:
  fidelity: {weight: 2}
phrases:
  punitive:
    - {phrase: naughty step, reframe: time with a trusted adult}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- explain ------------------------------------------------------------------------------
def test_explain_rp01_shows_its_threshold_and_the_article() -> None:
    result = run("explain", "RP-01")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "25%" in text
    assert "system-wide rollouts" in text
    for heading in (
        "Why it matters",
        "How it is judged",
        "What it reads in the plan",
        "What to commission to meet it",
        "Cross-references",
    ):
        assert heading in text
    assert "rollout.cohorts[0].size" in text
    for framework in ("NIRN", "CFIR", "ERIC", "SAMHSA"):
        assert framework in text


def test_explain_follows_the_active_rubric(tmp_path: Path) -> None:
    rubric = write(tmp_path, "local.yaml", LOCAL)
    text = run("explain", "rp-01", "--rubric", str(rubric)).stdout
    assert "at most 15%" in text
    assert "met_max_percent = 15" in text


def test_explain_an_unknown_id_names_the_nearest() -> None:
    result = run("explain", "RP-1")
    assert result.returncode == 2
    assert "'RP-1' is not a criterion" in result.stderr
    assert "nearest: RP-01" in result.stderr


@pytest.mark.parametrize(
    "cid", ["RP-08", "PS-02", "LF-02", "FD-01", "SM-01", "LM-01", "LF-04", "SM-07", "FD-05"]
)
def test_every_explanation_fills_its_thresholds(cid: str) -> None:
    # No placeholder left unfilled, and no setting shown as a raw Python value: FD-01's unit
    # costs are nested settings and must read as text, like every other setting.
    text = run("explain", cid).stdout
    assert "{" not in text
    assert "How it is judged" in text


# -- rubric list / check / docs -----------------------------------------------------------
def test_rubric_list_has_every_criterion() -> None:
    lines = run("rubric", "list").stdout.splitlines()
    rows = [line for line in lines if line[:3] in ("RP-", "SM-", "PS-", "LM-", "LF-", "FD-")]
    assert len(rows) == 46
    assert rows[0].split()[:2] == ["RP-01", "right-people"]
    assert rows[0].split()[2:4] == ["2", "at-risk"]
    assert rows[0].endswith("The first wave is a small group, not the whole workforce")
    assert [r.split()[0] for r in rows][14:16] == ["SM-07", "SM-08"]
    assert rows[-1].split()[:2] == ["FD-05", "foundations"]


def test_rubric_list_and_explain_fit_the_terminal_without_breaking_words() -> None:
    for width in (60, 80, 120):
        for args in (("rubric", "list"), ("explain", "FD-01")):
            out = run(*args, env={"COLUMNS": str(width)}).stdout
            lines = out.splitlines()
            # a word longer than the width (a key path) may stand alone on its line
            assert all(len(line) <= width or " " not in line.strip() for line in lines), width
            words = " ".join(out.split())
            assert "The first wave is a small group" in words or "FD-01" in words


def test_rubric_check_accepts_the_default_and_a_local_rubric(tmp_path: Path) -> None:
    result = run("rubric", "check", str(ROOT / "rubrics" / "default.yaml"))
    assert result.returncode == 0, result.stderr
    assert "valid rubric trauma-informed-implementation v2, 46 criteria" in result.stdout
    local = write(tmp_path, "local.yaml", LOCAL)
    result = run("rubric", "check", str(local))
    assert result.returncode == 0, result.stderr
    # 46 of the default, less PS-08 (disabled), plus LOCAL-01.
    assert "valid rubric northshire v3, 46 criteria" in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        (
            "params: {met_max_percent: 15}",
            "params: {met_max_percnt: 15}",
            7,
            "unknown key 'met_max_percnt' in criteria.RP-01.params (did you mean 'met_max_percent'?)",
        ),
        (
            "    weight: 3",
            "    wieght: 3",
            8,
            "unknown key 'wieght' in criteria.RP-01 (did you mean 'weight'?)",
        ),
        ("  PS-08:", "  PS-8:", 9, "PS-8 is not a criterion of the default rubric"),
        (
            "check: at_most",
            "check: at_mots",
            15,
            "unknown check 'at_mots' (did you mean 'at_most'?)",
        ),
        (
            "key: fidelity.feedback_within_days",
            "key: fidelity.feedback_days",
            16,
            "'fidelity.feedback_days' is not a key of the plan format",
        ),
        (
            "lever: fidelity",
            "lever: fidelty",
            12,
            "unknown lever 'fidelty' (did you mean 'fidelity'?)",
        ),
        ("extends: default", "extends: mine", 1, "a rubric can extend default, not 'mine'"),
    ],
)
def test_rubric_check_refuses_mistakes_with_their_line(
    tmp_path: Path, old: str, new: str, line: int, words: str
) -> None:
    assert old in LOCAL
    rubric = write(tmp_path, "local.yaml", LOCAL.replace(old, new))
    result = run("rubric", "check", str(rubric))
    assert result.returncode == 2
    assert f"local.yaml:{line}:" in result.stderr
    assert words in result.stderr


def test_rubric_docs_is_the_committed_reference() -> None:
    generated = run("rubric", "docs").stdout
    assert generated == (ROOT / "docs" / "criteria.md").read_text(encoding="utf-8"), (
        "docs/criteria.md is out of date: readiness rubric docs > docs/criteria.md"
    )
    for cid in ("RP-01", "FD-04"):
        assert f'### <a id="{cid.lower()}"></a>{cid} ' in generated


# -- a local rubric in an audit -----------------------------------------------------------
def test_a_local_rubric_retunes_rp01_drops_ps08_and_adds_a_criterion(tmp_path: Path) -> None:
    rubric = write(tmp_path, "local.yaml", LOCAL)
    base = json.loads(run("audit", str(EXAMPLES / "ready.yaml"), "-f", "json").stdout)
    local = json.loads(
        run("audit", str(EXAMPLES / "ready.yaml"), "-f", "json", "--rubric", str(rubric)).stdout
    )
    before = {c["id"]: c for c in base["plans"][0]["criteria"]}
    after = {c["id"]: c for c in local["plans"][0]["criteria"]}
    assert before["RP-01"]["outcome"] == "met"
    assert after["RP-01"]["outcome"] == "partial"
    table = {c["id"]: c for c in local["rubric"]["criteria"]}
    assert table["RP-01"]["weight"] == 3
    assert "PS-08" in before
    assert "PS-08" not in after
    assert "PS-08" not in table
    assert table["LOCAL-01"]["lever"] == "fidelity"
    assert local["rubric"]["id"] == "northshire"
    assert local["rubric"]["version"] == 3
    assert local["rubric"]["sha256"] != base["rubric"]["sha256"]
    assert [lv["weight"] for lv in local["rubric"]["levers"] if lv["id"] == "fidelity"] == [2]


def test_a_waiver_may_name_a_criterion_the_local_rubric_disables(tmp_path: Path) -> None:
    rubric = write(tmp_path, "local.yaml", LOCAL)
    plan = write(
        tmp_path,
        "plan.yaml",
        (EXAMPLES / "ready.yaml").read_text()
        + "waivers:\n  - {criterion: PS-08, reason: r, approved_by: a, until: 2030-01-01}\n",
    )
    assert run("audit", str(plan), "--rubric", str(rubric)).returncode == 0


def test_local_phrases_are_added_to_the_default_lists(tmp_path: Path) -> None:
    rubric = write(tmp_path, "local.yaml", LOCAL)
    plan = write(
        tmp_path,
        "plan.yaml",
        (EXAMPLES / "ready.yaml")
        .read_text()
        .replace(
            "narrative:\n", "narrative:\n  extra: Time on the naughty step calms things down.\n", 1
        ),
    )
    document = json.loads(run("audit", str(plan), "-f", "json", "--rubric", str(rubric)).stdout)
    rp08 = {c["id"]: c for c in document["plans"][0]["criteria"]}["RP-08"]
    assert rp08["outcome"] == "partial"
    hit = rp08["phrases"][0]
    assert (hit["phrase"], hit["reframe"]) == ("naughty step", "time with a trusted adult")
    assert hit["line"] > 1
    assert hit["column"] > 1


def test_rp08_names_each_punitive_phrase_with_its_place_and_reframe() -> None:
    document = json.loads(run("audit", str(EXAMPLES / "training-only.yaml"), "-f", "json").stdout)
    rp08 = {c["id"]: c for c in document["plans"][0]["criteria"]}["RP-08"]
    found = {h["found"].lower() for h in rp08["phrases"]}
    assert {"challenging behaviour", "consequences", "sanctions"} <= found
    for hit in rp08["phrases"]:
        assert hit["reframe"]
        assert hit["line"] >= 1
        assert hit["column"] >= 1


# -- init ---------------------------------------------------------------------------------
def test_init_writes_a_commented_plan_that_validates(tmp_path: Path) -> None:
    result = run("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "plan.yaml").read_text()
    assert text.count("#") > 40
    data = load_yaml(text, "plan.yaml").doc.data
    assert isinstance(data, dict)
    for section in (
        "plan",
        "workforce",
        "training",
        "rollout",
        "managers",
        "standards",
        "line_managers",
        "fidelity",
        "budget",
        "narrative",
        "waivers",
    ):
        assert section in data
    parse_plan(text, "plan.yaml")
    assert run("validate", "plan.yaml", cwd=tmp_path).returncode == 0
    # placeholders are not evidence: the unedited starter is training-only, examples listed
    audited = run("audit", "plan.yaml", cwd=tmp_path)
    assert audited.returncode == 1
    assert "TRAINING ONLY" in audited.stdout
    assert "examples from the starter plan are still in place" in audited.stdout


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    write(tmp_path, "mine.yaml", "keep me\n")
    result = run("init", "mine.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "'mine.yaml' already exists" in result.stderr
    assert (tmp_path / "mine.yaml").read_text() == "keep me\n"
    assert run("init", "mine.yaml", "--force", cwd=tmp_path).returncode == 0
    assert (tmp_path / "mine.yaml").read_text().startswith("# A starter commissioning plan")
