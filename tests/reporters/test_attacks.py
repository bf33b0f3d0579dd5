"""Each attack on readiness's output, reproduced from the command line, with the exact output.

A plan, its file name or a local rubric is written by whoever opens the pull request; CI then
runs readiness and shows its output in a log (where GitHub obeys workflow commands), in a
terminal (which obeys escape sequences) and as reports (XML, JSON, Markdown, HTML).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import EXAMPLES, run

R = "\ufffd"
TITLE = "title: Trauma-skilled practice across CAMHS and family nursing"
COMMISSIONER = "NHS Strathairlie, Women, Children and Families Directorate"
DEVELOPING = (EXAMPLES / "developing.yaml").read_text(encoding="utf-8")
SGR = re.compile("\x1b\\[[0-9;]*m")


def plan(folder: Path, new: str, old: str = TITLE, name: str = "plan.yaml") -> str:
    """The developing example with ``old`` replaced by ``new``, written as ``name``."""
    assert old in DEVELOPING
    (folder / name).write_text(DEVELOPING.replace(old, new, 1), encoding="utf-8")
    return name


def audit(folder: Path, name: str, *args: str, env: dict[str, str] | None = None) -> str:
    result = run("audit", name, "--as-of", "2027-01-15", *args, cwd=folder, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def problems(folder: Path, name: str) -> str:
    result = run("validate", name, cwd=folder)
    assert result.returncode == 2
    return result.stderr


def opens_command(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("::")]


# -- workflow commands in the terminal summary and the github format --------------------------
def test_a_title_cannot_forge_an_annotation_in_the_summary(tmp_path: Path) -> None:
    name = plan(tmp_path, 'title: "::error file=README.md::x"')
    out = audit(tmp_path, name)
    assert out.splitlines()[0] == ": :error file=README.md::x"
    assert opens_command(out) == []


def test_a_title_cannot_stop_workflow_commands(tmp_path: Path) -> None:
    name = plan(tmp_path, 'title: "Plan ##[stop-commands]"')
    assert audit(tmp_path, name).splitlines()[0] == "Plan ## [stop-commands]"


def test_a_coloured_summary_cannot_forge_an_annotation_either(tmp_path: Path) -> None:
    name = plan(tmp_path, 'title: "::error file=README.md::x"')
    out = SGR.sub("", audit(tmp_path, name, env={"FORCE_COLOR": "1"}))
    assert out.splitlines()[0] == ": :error file=README.md::x"


def test_a_file_name_cannot_forge_an_annotation_in_the_github_format(tmp_path: Path) -> None:
    name = plan(tmp_path, TITLE, name="::warning::x.yaml")
    lines = audit(tmp_path, name, "-f", "github").splitlines()
    assert lines[-1].startswith(": :warning::x.yaml: developing, score ")
    assert lines[0].startswith("::warning file=%3A%3Awarning%3A%3Ax.yaml,line=")
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])


# -- standard error --------------------------------------------------------------------------
def test_an_invalid_file_s_name_cannot_forge_an_annotation(tmp_path: Path) -> None:
    (tmp_path / "::error::bad.yaml").write_text("readiness: 1\nplan: [\n", encoding="utf-8")
    err = problems(tmp_path, "::error::bad.yaml")
    assert err.splitlines()[0] == (
        ": :error::bad.yaml:2:7: error: a list opened with '[' here is never closed"
    )


def test_an_unknown_key_cannot_start_a_line_of_its_own(tmp_path: Path) -> None:
    name = plan(tmp_path, 'workforce:\n  "a\\n::error::x": 1', old="workforce:")
    err = problems(tmp_path, name)
    assert err.splitlines()[0] == "plan.yaml:23:3: error: unknown key 'a ::error::x' in workforce"
    assert opens_command(err) == []


def test_a_waiver_id_cannot_stop_workflow_commands(tmp_path: Path) -> None:
    name = plan(tmp_path, 'criterion: "##[stop-commands]"', old="criterion: RP-05")
    assert problems(tmp_path, name).splitlines()[:2] == [
        "plan.yaml:148:16: error: the waiver names '## [stop-commands]', which is not a "
        "criterion of the rubric",
        '  148 |   - criterion: "## [stop-commands]"',
    ]


def test_the_caret_stays_under_the_column_after_a_broken_command(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("readiness: 1\nplan: {title: '##[x]', bogus: 1}\n")
    err = problems(tmp_path, "plan.yaml")
    block = [
        "plan.yaml:2:24: error: unknown key 'bogus' in plan",
        "    2 | plan: {title: '## [x]', bogus: 1}",
        "      | " + " " * 24 + "^",
    ]
    lines = err.splitlines()
    start = lines.index(block[0])
    assert lines[start : start + 3] == block


def test_a_control_character_in_the_file_is_shown_not_obeyed(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_bytes(b"readiness: 1\nplan:\n  title: \x1b[2Jgone\n")
    err = problems(tmp_path, "plan.yaml")
    assert f"    3 |   title: {R}[2Jgone" in err.splitlines()
    assert "\x1b" not in err


# -- control characters, bidirectional overrides and non-characters ---------------------------
def test_an_escape_sequence_in_a_file_name_reaches_no_output(tmp_path: Path) -> None:
    name = plan(tmp_path, TITLE, name="esc\x1b[31mred.yaml")
    shown = f"esc{R}[31mred.yaml"
    assert audit(tmp_path, name).splitlines()[1] == f"{COMMISSIONER} · {shown}"
    assert (
        audit(tmp_path, name, "-f", "github")
        .splitlines()[-1]
        .startswith(f"{shown}: developing, score ")
    )
    sarif = json.loads(audit(tmp_path, name, "-f", "sarif"))
    # a URI names the real file, every character that is not plain percent-encoded (RFC 3986)
    assert sarif["runs"][0]["artifacts"][0]["location"]["uri"] == "esc%1B%5B31mred.yaml"
    suite = ET.fromstring(audit(tmp_path, name, "-f", "junit").encode()).find("testsuite")
    assert suite is not None
    assert suite.get("name") == shown


def test_a_bidirectional_override_in_plan_text_is_shown_as_a_placeholder(tmp_path: Path) -> None:
    name = plan(tmp_path, 'title: "\\u202Eevil\\u202C plan"')
    assert audit(tmp_path, name).splitlines()[0] == f"{R}evil{R} plan"
    markdown = audit(tmp_path, name, "-f", "markdown")
    assert markdown.splitlines()[0] == f"# Implementation readiness: {R}evil{R} plan"
    assert "\u202e" not in audit(tmp_path, name, "-f", "html")


def test_non_characters_keep_the_junit_xml_well_formed(tmp_path: Path) -> None:
    name = plan(tmp_path, 'title: "Plan \\uFFFE \\uFFFF end"')
    root = ET.fromstring(audit(tmp_path, name, "-f", "junit").encode("utf-8"))
    title = root.find("testsuite/properties/property[@name='title']")
    assert title is not None
    assert title.get("value") == f"Plan {R} {R} end"


def test_sarif_strings_carry_no_override(tmp_path: Path) -> None:
    reason = DEVELOPING[DEVELOPING.index("    reason: >") : DEVELOPING.index("    approved_by:")]
    name = plan(tmp_path, '    reason: "\\u202Ereversed \\uFFFF"\n', old=reason)
    text = audit(tmp_path, name, "-f", "sarif")
    results = json.loads(text)["runs"][0]["results"]
    waived = next(r for r in results if r["ruleId"] == "RP-05")
    assert waived["suppressions"][0]["justification"].startswith(f"{R}reversed {R} (approved by")


# -- Markdown: no autolinks from plan text, rubric text escaped -------------------------------
def test_the_markdown_report_links_no_address_from_a_plan(tmp_path: Path) -> None:
    name = plan(tmp_path, "title: See https://evil.example and www.evil.example")
    assert audit(tmp_path, name, "-f", "markdown").splitlines()[0] == (
        "# Implementation readiness: See `https://evil.example` and `www.evil.example`"
    )


def test_the_job_summary_links_no_address_from_a_plan(tmp_path: Path) -> None:
    name = plan(tmp_path, "title: See https://evil.example and www.evil.example")
    summary = tmp_path / "summary.md"
    audit(tmp_path, name, "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    rows = summary.read_text(encoding="utf-8").splitlines()
    assert rows[4] == (
        "| See `https://evil.example` and `www.evil.example` (`plan.yaml`) "
        "| Developing | 65.6 | passes |"
    )


def test_a_local_rubric_s_text_is_escaped_as_markdown(tmp_path: Path) -> None:
    (tmp_path / "rubric.yaml").write_text(
        "extends: default\ncriteria:\n  PS-09:\n"
        "    title: 'Supervision *now* [click](https://evil.example) <b>x</b> | y'\n",
        encoding="utf-8",
    )
    name = plan(tmp_path, TITLE)
    result = run(
        "audit",
        name,
        "-f",
        "markdown",
        "--rubric",
        "rubric.yaml",
        "--as-of",
        "2027-01-15",
        cwd=tmp_path,
    )
    title = "Supervision \\*now\\* \\[click\\](`https://evil.example`) &lt;b&gt;x&lt;/b&gt; \\| y"
    lines = result.stdout.splitlines()
    assert any(line.endswith(f". **PS-09 {title}**: not met") for line in lines)
    assert (
        f"| PS-09 | {title} | not met | Supervision quality is not monitored. | line 87 |" in lines
    )
