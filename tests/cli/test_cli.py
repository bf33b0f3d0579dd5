"""The command line, through the installed entry point: exit codes, outputs, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, run

VALID = """readiness: 1
plan:
  title: Small plan
  commissioner: Anyshire Council
  start: 2027-01-01
  end: 2028-12-31
workforce:
  practitioners: 50
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("example", "code", "band"),
    [("ready", 0, "ready"), ("developing", 0, "developing"), ("training-only", 1, "training-only")],
)
def test_examples_exit_codes_and_bands(example: str, code: int, band: str) -> None:
    result = run(
        "audit", str(EXAMPLES / f"{example}.yaml"), "--format", "json", "--as-of", "2027-01-15"
    )
    assert result.returncode == code, result.stderr
    plan = json.loads(result.stdout)["plans"][0]
    assert plan["band"] == band
    assert plan["passed"] is (code == 0)


def test_json_report_has_every_criterion_with_remediation() -> None:
    result = run(
        "audit", str(EXAMPLES / "training-only.yaml"), "-f", "json", "--as-of", "2027-01-15"
    )
    document = json.loads(result.stdout)
    assert document["schema_version"] == 2
    assert document["tool"]["name"] == "readiness"
    assert document["as_of"] == "2027-01-15"
    assert len(document["rubric"]["sha256"]) == 64
    plan = document["plans"][0]
    assert len(plan["criteria"]) == 46
    assert [c["id"] for c in plan["criteria"]] == [c["id"] for c in document["rubric"]["criteria"]]
    assert all(c["remediation"] and c["rationale"] for c in document["rubric"]["criteria"])
    outcomes = {"met", "partial", "not-met", "no-evidence", "waived", "not-applicable"}
    assert {c["outcome"] for c in plan["criteria"]} <= outcomes
    assert [lv["id"] for lv in plan["levers"]] == [
        "right-people",
        "service-managers",
        "standards",
        "line-managers",
        "fidelity",
    ]
    assert document["summary"] == {"plans": 1, "passed": 0, "failed": 1}


@pytest.mark.parametrize(
    ("min_band", "code"), [("training-only", 0), ("at-risk", 1), ("developing", 1), ("ready", 1)]
)
def test_min_band_gates_the_exit_code(min_band: str, code: int) -> None:
    result = run("audit", str(EXAMPLES / "training-only.yaml"), "--min-band", min_band)
    assert result.returncode == code


def test_fail_under_gates_on_the_score() -> None:
    assert run("audit", str(EXAMPLES / "developing.yaml"), "--fail-under", "90").returncode == 1
    assert run("audit", str(EXAMPLES / "developing.yaml"), "--fail-under", "50").returncode == 0


def test_a_folder_audit_covers_every_plan_and_fails_if_one_falls_short() -> None:
    result = run("audit", "examples", "-f", "json", "--as-of", "2027-01-15", cwd=ROOT)
    assert result.returncode == 1
    paths = [p["path"] for p in json.loads(result.stdout)["plans"]]
    assert paths == [
        "examples/developing.yaml",
        "examples/ready.yaml",
        "examples/training-only.yaml",
    ]


def test_a_folder_audit_prints_one_line_per_plan() -> None:
    result = run("audit", "examples", "--as-of", "2027-01-15", cwd=ROOT)
    lines = [line for line in result.stdout.splitlines() if "examples/" in line]
    assert len(lines) == 3
    assert "1 falls short of at least developing" in result.stdout


def test_several_reports_from_one_run(tmp_path: Path) -> None:
    md, js = tmp_path / "board.md", tmp_path / "report.json"
    result = run("audit", str(EXAMPLES / "developing.yaml"), "-o", str(md), "-o", str(js))
    assert result.returncode == 0, result.stderr
    assert md.read_text().startswith("# Implementation readiness: ")
    assert json.loads(js.read_text())["plans"][0]["band"] == "developing"
    assert "DEVELOPING" in result.stdout


def test_markdown_report_names_plan_band_levers_and_failing_criteria(tmp_path: Path) -> None:
    report = tmp_path / "board.md"
    run("audit", str(EXAMPLES / "training-only.yaml"), "-o", str(report))
    text = report.read_text()
    assert "Coldwater" in text or "Youth Justice" in text
    assert "training-only" in text
    for lever in (
        "Start with the right people",
        "Commission with service managers",
        "Embed professional standards",
        "Build line manager capability",
        "Monitor fidelity lightly",
    ):
        assert lever in text
    for cid in ("FD-01", "RP-01", "PS-10"):
        assert cid in text


BAD = {
    "empty": ("", "error: the file is empty"),
    "misspelt": (
        VALID + "standards:\n  supervison: {}\n",
        ":10:3: error: unknown key 'supervison'",
    ),
    "wrong-type": (VALID.replace("practitioners: 50", "practitioners: ten"), ":8:18: error:"),
    "duplicate": (
        VALID.replace("  title: Small plan\n", "  title: A\n  title: B\n"),
        ":4:3: error: duplicate key",
    ),
    "syntax": ("readiness: 1\nplan: [unclosed\n", ":2:7: error:"),
    "binary": ("\x00\x01\x02", "error: the file holds binary data"),
    "version": (
        VALID.replace("readiness: 1", "readiness: 2"),
        ":1:12: error: format version 2 is not supported",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_plans_exit_2_located_without_traceback(name: str, tmp_path: Path) -> None:
    text, expected = BAD[name]
    plan = write(tmp_path, f"{name}.yaml", text)
    report = tmp_path / "report.md"
    result = run("audit", str(plan), "-o", str(report))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not report.exists()


def test_errors_show_the_line_and_a_caret(tmp_path: Path) -> None:
    plan = write(tmp_path, "plan.yaml", VALID + "standards:\n  supervison: {}\n")
    lines = run("audit", str(plan)).stderr.splitlines()
    assert lines[0].endswith(
        "error: unknown key 'supervison' in standards (did you mean 'supervision'?)"
    )
    assert lines[1] == "   10 |   supervison: {}"
    assert lines[2] == "      |   ^"


def test_one_bad_plan_in_a_folder_writes_nothing(tmp_path: Path) -> None:
    write(tmp_path, "good.yaml", VALID)
    write(tmp_path, "bad.yaml", VALID.replace("practitioners: 50", "practitioners: -5"))
    report = tmp_path / "out.json"
    result = run("audit", str(tmp_path), "-o", str(report))
    assert result.returncode == 2
    assert (
        "bad.yaml:8:18: error: workforce.practitioners must be at least 1, not -5" in result.stderr
    )
    assert not report.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--as-of", "2027-13-01"], "--as-of: '2027-13-01' is not a date: there is no month 13"),
        (["--as-of", "tomorrow"], "--as-of: 'tomorrow' is not a date"),
        (["--min-band", "great"], "--min-band: 'great' is not one of"),
        (["--min-band", "redy"], "(did you mean 'ready'?)"),
        (["--format", "xml"], "--format: 'xml' is not one of"),
        (["--fail-under", "120"], "--fail-under: 120 is not a score from 0 to 100"),
        (["--fail-under", "lots"], "readiness: error: --fail-under: 'lots' is not a number"),
        (["--no-such-option"], "No such option"),
        (["-o", "report.pdf"], "cannot tell which format to write to 'report.pdf'"),
        (["-o", "/no/such/folder/r.md"], "the folder '/no/such/folder' does not exist"),
    ],
)
def test_bad_options_exit_2(args: list[str], words: str) -> None:
    result = run("audit", str(EXAMPLES / "ready.yaml"), *args)
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_exits_2() -> None:
    result = run("audit", "no-such-plan.yaml")
    assert result.returncode == 2
    assert "no-such-plan.yaml: error: file not found" in result.stderr


def test_a_folder_without_plans_exits_2(tmp_path: Path) -> None:
    result = run("audit", str(tmp_path))
    assert result.returncode == 2
    assert "no plans found in this folder" in result.stderr


def test_help_and_version() -> None:
    assert run("--help").returncode == 0
    help_text = run("audit", "--help").stdout
    for option in ("--format", "--output", "--as-of", "--min-band"):
        assert option in help_text


def test_a_bug_is_one_line_and_exit_3_and_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import readiness.audit.run

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(readiness.audit.run, "judge", boom)
    result = run("audit", str(EXAMPLES / "ready.yaml"))
    assert result.returncode == 3
    assert len(result.stderr.strip().splitlines()) == 1
    assert "internal error (RuntimeError)" in result.stderr
    assert "Traceback" not in result.stderr
    debug = run("audit", str(EXAMPLES / "ready.yaml"), "--debug")
    assert debug.returncode == 3
    assert "Traceback" in debug.stderr
    assert "simulated bug" in debug.stderr


def test_norway_words_stay_text(tmp_path: Path) -> None:
    plan = write(
        tmp_path, "p.yaml", VALID.replace("Anyshire Council", "NO") + "narrative:\n  summary: Yes\n"
    )
    document = json.loads(run("audit", str(plan), "-f", "json").stdout)
    assert document["plans"][0]["commissioner"] == "NO"


@pytest.mark.parametrize("command", ["audit", "diff"])
def test_help_and_errors_name_every_format_and_suffix_of_the_registry(command: str) -> None:
    from readiness.reporters import AUDIT_FORMATS, DIFF_FORMATS

    formats = AUDIT_FORMATS if command == "audit" else DIFF_FORMATS
    help_text = " ".join(run(command, "--help").stdout.split())
    for name, found in formats.items():
        assert name in help_text
        for suffix in found.suffixes:
            assert suffix in help_text, suffix
    args = [str(EXAMPLES / "ready.yaml")] * (2 if command == "diff" else 1)
    refused = run(command, *args, "-o", "report.unknown")
    assert refused.returncode == 2
    every = ", ".join(s for f in formats.values() for s in f.suffixes)
    assert f"end the file name with one of {every}, or give --format" in refused.stderr
