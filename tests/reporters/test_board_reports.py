"""Board reports: Markdown and HTML, the portfolio, diff, own templates, escaping, determinism.

The HTML report is rendered in headless Chromium (Debian's ``chromium``): the screenshot must
not be blank and the page must log no console errors. ``.ci/run`` installs Chromium and sets
READINESS_REQUIRE_BROWSER, so CI cannot pass without the browser test; elsewhere the test is
skipped only when no Chromium is installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, run

HOSTILE = """readiness: 1
plan:
  title: "<script>alert('x')</script> Plan | with *stars* and [a link](http://evil.example)"
  commissioner: "<img src=x onerror=alert(1)> Council"
  start: 2027-01-01
  end: 2029-12-31
workforce:
  practitioners: 50
rollout:
  cohorts:
    - name: "</td><td>breakout"
      size: 10
      start: 2027-02-01
narrative:
  summary: "Ends with a backslash \\\\ and a pipe | and <b>bold</b> and `code`"
"""


def audit_to(tmp_path: Path, plan_text: str, name: str) -> str:
    plan = tmp_path / "plan.yaml"
    plan.write_text(plan_text, encoding="utf-8")
    out = tmp_path / name
    result = run("audit", str(plan), "-o", str(out), "--as-of", "2027-01-15")
    assert result.returncode in (0, 1), result.stderr
    return out.read_text(encoding="utf-8")


# -- escaping -----------------------------------------------------------------------------
def test_html_makes_plan_text_inert(tmp_path: Path) -> None:
    html = audit_to(tmp_path, HOSTILE, "r.html")
    assert "<script" not in html
    assert "<img" not in html
    assert "onerror=alert" not in html or "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;/td&gt;&lt;td&gt;breakout" in html or "breakout" not in html


def test_markdown_makes_plan_text_inert(tmp_path: Path) -> None:
    markdown = audit_to(tmp_path, HOSTILE, "r.md")
    assert "<script" not in markdown
    assert "<img" not in markdown
    assert "&lt;script&gt;" in markdown
    assert "&lt;img src=x onerror=alert(1)&gt;" in markdown
    title_line = markdown.splitlines()[0]
    assert "\\| with \\*stars\\*" in title_line
    assert "\\[a link\\](`http://evil.example`)" in title_line  # shown, never a link
    # A pipe in plan text cannot add a column to a table row.
    for line in markdown.splitlines():
        if line.startswith("| RP-08 "):
            assert line.count(" | ") - line.count("\\|") <= 4


# -- the Markdown report ------------------------------------------------------------------
def test_markdown_is_board_ready() -> None:
    text = run(
        "audit", str(EXAMPLES / "developing.yaml"), "-f", "markdown", "--as-of", "2027-01-15"
    ).stdout
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[:2] == [
        "# Implementation readiness: Trauma-skilled practice across CAMHS and family nursing",
        "## Verdict: Developing",
    ]
    for section in (
        "## The levers",
        "## What to commission next",
        "## Strengths",
        "## Accepted risks",
        "## Every criterion",
        "## How this was scored",
    ):
        assert section in headings
    assert "| Start with the right people | 77.7 | Amber |" in text
    assert "SHA-256" in text
    assert "2027-01-15" in text


# -- the HTML report ----------------------------------------------------------------------
def test_html_is_self_contained_with_an_svg_chart(tmp_path: Path) -> None:
    html = audit_to(tmp_path, (EXAMPLES / "developing.yaml").read_text(), "r.html")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB">' in html
    assert "<svg" in html
    assert 'role="img"' in html
    assert "<desc" in html
    assert "<style>" in html
    assert "@media print" in html
    assert "size: A4" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html
    assert "url(" not in html
    assert "<script" not in html
    assert re.search(r'<th scope="col"', html)


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(page: Path, png: Path, tmp_path: Path) -> str:
    """Render a page in headless Chromium; return what it logged."""
    browser = chromium()
    if browser is None:
        if os.environ.get("READINESS_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required here but not installed (apt-get install chromium)")
        pytest.skip("Chromium is not installed (CI installs it and runs this test)")
    result = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--hide-scrollbars",
            "--window-size=1200,1600",
            f"--screenshot={png}",
            "--enable-logging=stderr",
            "--v=0",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert png.exists(), result.stderr[-2000:]
    return result.stderr


def distinct_pixels(png: Path) -> int:
    """How many different byte values the image's pixel data holds (a blank page has ~2)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        if kind == b"IDAT":
            chunks.append(data[at + 8 : at + 8 + length])
        at += 12 + length
    return len(set(zlib.decompress(b"".join(chunks))))


def console_errors(log: str) -> list[str]:
    return [line for line in log.splitlines() if ":CONSOLE" in line]


def test_the_browser_harness_sees_console_errors(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><p>x</p><script>console.error("boom");nothing();</script>')
    log = screenshot(page, tmp_path / "broken.png", tmp_path)
    assert console_errors(log)


@pytest.mark.parametrize("target", ["examples/developing.yaml", "examples"])
def test_html_renders_in_chromium(target: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = run("audit", target, "-o", str(page), "--as-of", "2027-01-15", cwd=ROOT)
    assert result.returncode in (0, 1), result.stderr
    png = tmp_path / "report.png"
    log = screenshot(page, png, tmp_path)
    assert console_errors(log) == []
    assert distinct_pixels(png) > 50


# -- portfolio, determinism, own templates ------------------------------------------------
@pytest.mark.parametrize("suffix", ["md", "html"])
def test_a_folder_report_covers_every_plan(suffix: str, tmp_path: Path) -> None:
    out = tmp_path / f"portfolio.{suffix}"
    run("audit", "examples", "-o", str(out), "--as-of", "2027-01-15", cwd=ROOT)
    text = out.read_text()
    assert "Implementation readiness of 3 plans" in text
    assert "Gaps most common across the portfolio" in text
    for example in ("developing", "ready", "training-only"):
        assert f"examples/{example}.yaml" in text
    for title in (
        "Trauma-skilled practice across CAMHS",
        "Relational care in Aldermoor",
        "Trauma awareness for the Youth Justice Service",
    ):
        assert text.count(title) >= 2  # in the overview and in its own section


@pytest.mark.parametrize("suffix", ["md", "html", "json"])
def test_two_runs_are_byte_identical(suffix: str, tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / f"{name}.{suffix}"
        run("audit", "examples", "-o", str(out), "--as-of", "2027-01-15", cwd=ROOT)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_own_templates_override_the_shipped_ones(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text(
        "{% for plan in plans %}{{ plan.title | md }}: {{ plan.band }} {{ plan.score }}\n{% endfor %}"
    )
    out = tmp_path / "r.md"
    run("audit", str(EXAMPLES / "ready.yaml"), "-o", str(out), "--template", str(templates))
    assert (
        out.read_text()
        == "Relational care in Aldermoor's children's homes and fostering service: ready 100.0\n"
    )


def test_own_templates_run_sandboxed(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text("{{ plans.__class__.__mro__[1].__subclasses__() }}")
    out = tmp_path / "r.md"
    result = run(
        "audit", str(EXAMPLES / "ready.yaml"), "-o", str(out), "--template", str(templates)
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_missing_template_folder_is_a_usage_error() -> None:
    result = run("audit", str(EXAMPLES / "ready.yaml"), "--template", "no/such/folder")
    assert result.returncode == 2
    assert "--template: 'no/such/folder' is not a folder" in result.stderr


# -- diff ---------------------------------------------------------------------------------
@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    new = (EXAMPLES / "developing.yaml").read_text()
    old = new.replace("frequency: six-weekly", "frequency: quarterly").replace(
        "quality_monitored: false",
        "quality_monitored: true\n    notes: A yearly practitioner survey, read by the group.",
    )
    assert old != new
    (tmp_path / "old.yaml").write_text(old)
    (tmp_path / "new.yaml").write_text(new)
    return tmp_path / "old.yaml", tmp_path / "new.yaml"


def test_diff_names_the_criteria_that_changed(versions: tuple[Path, Path]) -> None:
    old, new = versions
    result = run("diff", str(old), str(new), "--as-of", "2027-01-15")
    assert result.returncode == 0, result.stderr
    assert "New gaps (1):\n  PS-09 " in result.stdout
    assert "Better, still a gap (1):\n  PS-02 " in result.stdout
    assert "band at-risk -> developing" in result.stdout


def test_diff_as_json_and_markdown(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = versions
    document = json.loads(run("diff", str(old), str(new), "-f", "json").stdout)
    kinds = {c["id"]: (c["before"], c["after"], c["kind"]) for c in document["changes"]}
    assert kinds == {"PS-09": ("met", "not-met", "new"), "PS-02": ("not-met", "partial", "better")}
    assert (document["old"]["band"], document["new"]["band"]) == ("at-risk", "developing")
    out = tmp_path / "diff.md"
    run("diff", str(old), str(new), "-o", str(out))
    text = out.read_text()
    assert text.startswith("# What changed: ")
    assert "| Band | At risk | Developing |" in text
    assert "## New gaps" in text
    assert "PS-09" in text


def test_diff_of_identical_plans(versions: tuple[Path, Path]) -> None:
    _, new = versions
    assert "No criterion changed its outcome." in run("diff", str(new), str(new)).stdout


def print_to_pdf(page: Path, pdf: Path, tmp_path: Path) -> int:
    """Print a page to PDF in headless Chromium (A4, as the report's CSS asks); its pages."""
    browser = chromium()
    if browser is None:
        if os.environ.get("READINESS_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required here but not installed (apt-get install chromium)")
        pytest.skip("Chromium is not installed (CI installs it and runs this test)")
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert pdf.exists()
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.parametrize("name", ["ready", "developing", "training-only"])
def test_one_plan_prints_to_at_most_six_a4_pages(name: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = run(
        "audit", f"examples/{name}.yaml", "-o", str(page), "--as-of", "2027-01-15", cwd=ROOT
    )
    assert result.returncode in (0, 1), result.stderr
    pages = print_to_pdf(page, tmp_path / "report.pdf", tmp_path)
    assert 1 <= pages <= 6
