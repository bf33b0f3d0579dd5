"""What a report reads of a plan once its piece was made in a worker.

With several jobs, each report's piece of a plan is made in the worker that audited it; the
main process then gives the report the plan and its piece. A report that says it reads no
more than the plan's outcomes (``Writer.whole_plan`` false) gets ``outcomes_only`` of the
plan, which is much less to send back: it must write exactly the same bytes with it.
"""

from __future__ import annotations

import io
from typing import Any

import pytest

from conftest import AS_OF, EXAMPLES
from readiness.audit.many import outcomes_only
from readiness.audit.result import AuditResult
from readiness.audit.run import AuditOptions
from readiness.cli.baseline import Gate, Snapshot
from readiness.reporters import AUDIT_FORMATS, RenderOptions
from readiness.reporters.stream import Writer

LEAN = ["json", "sarif", "junit", "markdown", "html"]


@pytest.fixture(scope="module")
def result(rubric: Any) -> AuditResult:
    from readiness.audit.many import audit_many

    files = [(path, f"plans/{path.name}") for path in sorted(EXAMPLES.glob("*.yaml"))]
    return audit_many(files, rubric, AuditOptions(as_of=AS_OF))


def written(kind: type[Writer], result: AuditResult, lean: bool) -> str:
    """The report of every plan, each given with its piece, whole or ``outcomes_only``."""
    out = io.StringIO()
    writer = kind(result._replace(plans=()), RenderOptions(), out, len(result.plans))
    for number, plan in enumerate(result.plans, 1):
        piece = writer.piece(plan, number)
        writer.plan(outcomes_only(plan) if lean else plan, piece)
    writer.finish()
    return out.getvalue()


@pytest.mark.parametrize("name", LEAN)
def test_a_report_that_reads_only_outcomes_writes_the_same_with_them(
    result: AuditResult, name: str
) -> None:
    kind = AUDIT_FORMATS[name].load_writer()
    assert not kind(result, RenderOptions(), io.StringIO(), 2).whole_plan
    whole = written(kind, result, lean=False)
    assert whole
    assert written(kind, result, lean=True) == whole


@pytest.mark.parametrize("name", ["json", "sarif", "junit"])
def test_a_report_that_reads_no_commission_writes_the_same_without_it(
    rubric: Any, result: AuditResult, name: str
) -> None:
    """JSON, SARIF and JUnit say nothing of a plan's verdict, packages, overview or timeline:
    the audit does not work them out for a run of only these reports."""
    from readiness.audit.many import audit_many

    kind = AUDIT_FORMATS[name].load_writer()
    assert not kind(result, RenderOptions(), io.StringIO(), 2).commission
    files = [(path, f"plans/{path.name}") for path in sorted(EXAMPLES.glob("*.yaml"))]
    bare = audit_many(files, rubric, AuditOptions(as_of=AS_OF, commission=False))
    assert not any(p.packages or p.timeline or p.verdict or p.overview for p in bare.plans)
    assert any(p.packages for p in result.plans)
    assert written(kind, bare, lean=False) == written(kind, result, lean=False)


@pytest.mark.parametrize("name", ["terminal", "markdown", "html", "github"])
def test_reports_that_show_the_commission_say_so(result: AuditResult, name: str) -> None:
    kind = AUDIT_FORMATS[name].load_writer()
    assert kind(result, RenderOptions(), io.StringIO(), 1).commission


def test_the_baseline_file_and_the_gate_read_only_outcomes(result: AuditResult) -> None:
    assert not Snapshot.whole_plan
    assert written(Snapshot, result, lean=True) == written(Snapshot, result, lean=False)
    gates = [Gate({}, RenderOptions()) for _ in range(2)]
    for plan in result.plans:
        gates[0].add(plan)
        gates[1].add(outcomes_only(plan))
    assert gates[0].found == gates[1].found
    assert gates[0].found["plans/training-only.yaml"]  # every gap is new against nothing


def test_outcomes_only_leaves_out_the_reasons_and_places(result: AuditResult) -> None:
    plan = next(p for p in result.plans if p.packages)
    lean = outcomes_only(plan)
    assert [r.outcome for r in lean.criteria] == [r.outcome for r in plan.criteria]
    assert [lr.score for lr in lean.levers] == [lr.score for lr in plan.levers]
    assert all(r.reason == "" and r.locations == () for r in lean.criteria)
    assert (lean.packages, lean.timeline, lean.overview) == ((), (), None)


def test_reports_that_read_whole_plans_say_so(result: AuditResult, tmp_path: Any) -> None:
    """The GitHub annotations name each gap's place; one plan's terminal summary shows it
    all; one's own board template gets every plan's whole result."""
    from readiness.reporters.github import SummaryWriter

    assert SummaryWriter(result, RenderOptions(), io.StringIO(), 2).whole_plan
    github = AUDIT_FORMATS["github"].load_writer()
    terminal = AUDIT_FORMATS["terminal"].load_writer()
    markdown = AUDIT_FORMATS["markdown"].load_writer()
    assert github(result, RenderOptions(), io.StringIO(), 2).whole_plan
    assert terminal(result, RenderOptions(), io.StringIO(), 1).whole_plan
    assert not terminal(result, RenderOptions(), io.StringIO(), 2).whole_plan
    (tmp_path / "report.md.j2").write_text("{{ plans | length }}", encoding="utf-8")
    own = RenderOptions(template_dir=tmp_path)
    assert markdown(result, own, io.StringIO(), 2).whole_plan
