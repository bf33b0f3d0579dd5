"""CI formats within the limits of the services that read them: GitHub code scanning's
results a run, the job summary's 1 MiB; and the project's addresses from package metadata."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from conftest import AS_OF, EXAMPLES
from readiness.audit.many import audit_many
from readiness.audit.result import AuditResult
from readiness.audit.run import AuditOptions
from readiness.reporters import RenderOptions, github, locations, sarif


@pytest.fixture(scope="module")
def portfolio(rubric) -> AuditResult:  # type: ignore[no-untyped-def]
    files = [(EXAMPLES / f"{name}.yaml", f"plans/{name}-{i}.yaml") for i in range(4)
             for name in ("training-only", "developing", "ready")]  # fmt: skip
    return audit_many(files, rubric, AuditOptions(as_of=AS_OF))


def levels(document: dict) -> Counter[str]:  # type: ignore[type-arg]
    return Counter(
        "waived" if "suppressions" in r else r["level"] for r in document["runs"][0]["results"]
    )


def test_sarif_keeps_the_heaviest_results_within_the_limit(
    portfolio: AuditResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = sarif.document(portfolio)
    total = levels(everything)
    assert total["error"]
    assert total["note"]
    limit = total["error"] + 3
    monkeypatch.setattr(sarif, "MAX_RESULTS", limit)
    cut = sarif.document(portfolio)
    kept = levels(cut)
    assert sum(kept.values()) == limit
    assert kept["error"] == total["error"]  # every error kept, then the next heaviest
    assert kept["warning"] == 3
    run = cut["runs"][0]
    left_out = sum(total.values()) - limit
    assert run["properties"]["resultsLeftOut"] == left_out
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].startswith(f"{left_out} results are left out")
    # the results kept are in the order of the full document
    order = [json.dumps(r) for r in everything["runs"][0]["results"]]
    positions = [order.index(json.dumps(r)) for r in run["results"]]
    assert positions == sorted(positions)


def test_sarif_under_the_limit_leaves_nothing_out(portfolio: AuditResult) -> None:
    run = sarif.document(portfolio)["runs"][0]
    assert "resultsLeftOut" not in run["properties"]
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_the_job_summary_stays_under_its_limit(
    portfolio: AuditResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = github.summary(portfolio)
    assert "Left out" not in whole
    size = len(whole.encode())
    monkeypatch.setattr(github, "SUMMARY_BYTES", size // 2 + github._SUMMARY_ROOM)
    cut = github.summary(portfolio)
    assert len(cut.encode()) <= size // 2 + github._SUMMARY_ROOM
    assert "Left out to keep within GitHub's 1 MiB job summary" in cut
    # plans that fall short come first: the training-only plans' lines are all there
    assert cut.count("| Training only |") == 4


def test_no_project_address_leaves_out_the_links(
    portfolio: AuditResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locations, "project_urls", dict)
    driver = sarif.document(portfolio)["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert all("helpUri" not in rule for rule in driver["rules"])


def test_a_project_address_gives_each_rule_its_criterion_page(
    portfolio: AuditResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = {"homepage": "https://example.org/readiness", "source": "https://git.example.org/r"}
    monkeypatch.setattr(locations, "project_urls", lambda: urls)
    driver = sarif.document(portfolio)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/readiness"
    rule = next(r for r in driver["rules"] if r["id"] == "SM-01")
    assert rule["helpUri"] == (
        f"https://git.example.org/r/blob/v{portfolio.tool_version}/docs/criteria.md#sm-01"
    )


def test_the_criteria_reference_has_the_anchor_help_links_name() -> None:
    from conftest import ROOT

    text = (ROOT / "docs" / "criteria.md").read_text(encoding="utf-8")
    assert '### <a id="sm-01"></a>SM-01 ' in text


@pytest.mark.parametrize(
    ("root", "cwd", "shown", "expected"),
    [
        ("/r", "/r", "plans/a.yaml", "plans/a.yaml"),
        ("/r", "/r/area/sub", "../plans/a.yaml", "area/plans/a.yaml"),
        ("/r", "/r/area", "/r/x/a.yaml", "x/a.yaml"),
        ("/r", "/r", "/elsewhere/a.yaml", "/elsewhere/a.yaml"),
        ("", "", "plans/a.yaml", "plans/a.yaml"),
    ],
)
def test_paths_from_the_repository_root(root: str, cwd: str, shown: str, expected: str) -> None:
    assert locations.from_root(shown, RenderOptions(root=root, cwd=cwd)) == expected


def test_uris_are_percent_encoded() -> None:
    options = RenderOptions(root="/r", cwd="/r")
    assert locations.artifact("North plan (v2) ü#1.yaml", options) == {
        "uri": "North%20plan%20%28v2%29%20%C3%BC%231.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert locations.artifact("/tmp/a b.yaml", options) == {"uri": "file:///tmp/a%20b.yaml"}
