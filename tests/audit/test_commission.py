"""The audit read as a commissioning plan (issue 12): packages, verdict, what is bought,
timeline, and the board report that shows them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, run
from readiness.audit.result import PlanResult
from readiness.audit.run import AuditOptions, audit_plan
from readiness.plan.load import parse_plan
from readiness.rubric.load import default_rubric

AS_OF = date(2027, 1, 15)
ID = re.compile(r"\b[A-Z]{2}-\d{2}\b")
KEY = re.compile(r"`|\b[a-z]+_[a-z_]+\b|\b[a-z_]+\.[a-z_]+\b")


def audit(text: str) -> PlanResult:
    rubric = default_rubric()
    loaded = parse_plan(text, "plan.yaml", rubric.known_ids())
    return audit_plan(loaded, rubric, AuditOptions(as_of=AS_OF))


def example(name: str) -> str:
    return (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["ready", "developing", "training-only"])
def test_the_verdict_is_one_plain_sentence_without_ids_or_keys(name: str) -> None:
    plan = audit(example(name))
    assert plan.verdict.endswith(".")
    assert plan.verdict.startswith({"ready": "Ready", "developing": "Developing"}.get(name, "Tr"))
    assert not ID.search(plan.verdict), plan.verdict
    assert not KEY.search(plan.verdict), plan.verdict


def test_a_capped_plan_says_why_in_words() -> None:
    text = example("ready").replace(
        "managers_trained_by: 2028-01-28", "managers_trained_by: 2028-05-28"
    )
    text = text.replace("  trained: 100\n", "  trained: 40\n")
    plan = audit(text)
    assert plan.band == "at-risk"
    assert plan.verdict.startswith("At risk, because the plan does not yet show that line managers")
    assert "the rest of the plan is strong" in plan.verdict


def test_every_criterion_that_asks_for_a_purchase_has_a_package() -> None:
    rubric = default_rubric()
    annex = {c.id for c in rubric.criteria if c.package is None}
    assert annex == {"RP-07", "RP-08", "LF-07", "FD-02", "FD-03"}
    for package in rubric.packages:
        assert package.eric, package.id
        assert all(definition for _, definition in package.eric), package.id


def test_packages_list_what_to_commission_with_timing_owner_and_cost() -> None:
    plan = audit(example("developing"))
    assert plan.packages
    first = plan.packages[0]
    assert first.package.title
    assert first.gaps
    assert first.owner
    assert first.cost > 0
    whens = [n.package.when for n in plan.packages if n.cap is None]
    order = ("before-first-wave", "during-rollout", "to-sustain")
    assert whens == sorted(whens, key=order.index)


@pytest.mark.parametrize(
    ("key", "package"),
    [
        ("practitioners", "supervision-coaching"),
        ("line_managers", "line-manager-development"),
        ("teams", "staged-rollout"),
    ],
)
def test_an_indicative_cost_scales_with_headcount(key: str, package: str) -> None:
    base = example("developing")
    costs = []
    for scale in (1, 2):
        pattern = re.compile(rf"(\n  {key}: )(\d+)")
        found = pattern.search(base)
        assert found is not None
        text = pattern.sub(f"{found.group(1)}{int(found.group(2)) * scale}", base, count=1)
        need = next(n for n in audit(text).packages if n.package.id == package)
        costs.append(need.cost)
    assert costs[1] == pytest.approx(2 * costs[0])


def test_the_owner_is_the_person_the_plan_names_for_that_area() -> None:
    text = example("developing").replace(
        "workforce:\n",
        "implementation:\n  lead: {name: Jo Bell, role: senior-leader}\nworkforce:\n",
    )
    owners = {n.package.id: n.owner for n in audit(text).packages}
    assert owners["fidelity-loop"] == "Jo Bell (implementation lead)"
    assert owners["line-manager-development"].endswith("(the plan's owner)")


def test_the_timeline_comes_from_the_plans_dates() -> None:
    plan = audit(example("ready"))
    lanes = {e.lane for e in plan.timeline}
    assert lanes == {"plan", "waves", "managers", "support", "measures", "funding"}
    waves = [e for e in plan.timeline if e.lane == "waves"]
    assert [e.start.isoformat() for e in waves] == ["2027-09-06", "2028-03-06", "2028-10-02"]


MERMAID_LINE = re.compile(
    r"^    (section [A-Za-z ]+|[\w .,'()&/+-]+ :(milestone, )?\d{4}-\d{2}-\d{2}, "
    r"(\d{4}-\d{2}-\d{2}|0d)|title [\w .,'()&/+-]+|dateFormat YYYY-MM-DD|axisFormat %Y-%m)$"
)


def test_the_markdown_timeline_is_a_mermaid_gantt_block(tmp_path: Path) -> None:
    hostile = example("ready").replace(
        "name: Wave 1 - staff already caring this way", 'name: "Wave 1: x %% y ``` ; # <b>"'
    )
    (tmp_path / "plan.yaml").write_text(hostile, encoding="utf-8")
    run("audit", "plan.yaml", "-o", "board.md", "--as-of", "2027-01-15", cwd=tmp_path)
    text = (tmp_path / "board.md").read_text(encoding="utf-8")
    block = text.split("```mermaid\n", 1)[1].split("\n```\n", 1)[0].splitlines()
    assert block[0] == "gantt"
    bad = [line for line in block[1:] if not MERMAID_LINE.match(line)]
    assert bad == []
    assert "    Wave 1 x y b :2027-09-06, 2030-03-31" in block


def test_the_board_report_reads_as_a_commissioning_plan(tmp_path: Path) -> None:
    out = tmp_path / "board.md"
    run("audit", str(EXAMPLES / "developing.yaml"), "-o", str(out), "--as-of", "2027-01-15")
    text = out.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:4] == [
        "## Verdict: Developing",
        "## What is being bought",
        "## What to commission next",
        "## Timeline",
    ]
    assert "## For the plan's author" in headings
    assert "band this audit requires" not in text
    assert "| Cost per practitioner | GBP 1,053 |" in text
    assert "    - Strategies: *Build a coalition*: Recruit and cultivate" in text
    assert "    - Indicative cost: £" in text


def test_every_html_table_scrolls_inside_its_box(tmp_path: Path) -> None:
    out = tmp_path / "board.html"
    run("audit", str(EXAMPLES), "-o", str(out), "--as-of", "2027-01-15")
    html = out.read_text(encoding="utf-8")
    assert ".scroll { overflow-x: auto;" in html
    tables = html.count("<table")
    wrapped = len(re.findall(r'<div class="scroll"><table', html))
    assert tables == wrapped


def test_the_terminal_summary_fits_sixty_columns(tmp_path: Path) -> None:
    result = run(
        "audit",
        str(EXAMPLES / "developing.yaml"),
        "--timeline",
        "--as-of",
        "2027-01-15",
        env={"COLUMNS": "60"},
    )
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines if " " in line.strip()) <= 60
    bars = [line for line in lines if "█" in line or "#" * 3 in line]
    assert len(bars) == 6
    assert "Timeline" in result.stdout


def test_the_portfolio_keeps_a_pass_or_fall_short_column(tmp_path: Path) -> None:
    out = tmp_path / "p.md"
    run("audit", str(EXAMPLES), "-o", str(out), "--as-of", "2027-01-15")
    text = out.read_text(encoding="utf-8")
    assert "| Plan | Band | Score | Result |" in text
    assert "falls short" in text
    assert ROOT.exists()
