"""The conventions CI users expect: standard input, --quiet, --color, --soft-fail, a
baseline, --list-files, --show-config, plain help and readiness's own error style."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run, run_installed

AS_OF = ("--as-of", "2027-01-15")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    plans = tmp_path / "plans"
    plans.mkdir()
    for example in EXAMPLES.glob("*.yaml"):
        shutil.copy(example, plans / example.name)
    return tmp_path


# -- standard input ---------------------------------------------------------------------------
def test_a_plan_on_standard_input_is_audited_like_a_file(repo: Path) -> None:
    text = (repo / "plans/developing.yaml").read_text(encoding="utf-8")
    piped = run("audit", "-", "-f", "json", *AS_OF, cwd=repo, stdin=text)
    named = run("audit", "plans/developing.yaml", "-f", "json", *AS_OF, cwd=repo)
    assert piped.returncode == named.returncode == 0
    assert json.loads(piped.stdout)["plans"][0]["path"] == "<stdin>"
    assert (
        json.loads(piped.stdout)["plans"][0]["score"]
        == json.loads(named.stdout)["plans"][0]["score"]
    )


def test_stdin_name_names_the_plan_in_problems_and_reports(repo: Path) -> None:
    result = run(
        "audit", "-", "--stdin-name", "plans/new.yaml", "-f", "github", cwd=repo,
        stdin="readiness: 1\nplan: {}\n",
    )  # fmt: skip
    assert result.returncode == 2
    assert "plans/new.yaml:1:1: error: missing required key 'workforce'" in result.stderr
    assert "::error file=plans/new.yaml,line=1,col=1," in result.stdout
    valid = run("validate", "-", cwd=repo, stdin=(repo / "plans/ready.yaml").read_text())
    assert (valid.returncode, valid.stdout) == (0, "1 plan valid.\n")


def test_stdin_name_without_a_dash_is_an_error(repo: Path) -> None:
    result = run("audit", "plans/ready.yaml", "--stdin-name", "x.yaml", cwd=repo)
    assert result.returncode == 2
    assert "readiness: error: --stdin-name names a plan read from standard input" in result.stderr


# -- quiet, colour, soft fail ---------------------------------------------------------------
def test_quiet_prints_nothing_but_still_writes_reports(repo: Path) -> None:
    result = run("audit", "plans", "-q", "-o", "r.json", *AS_OF, cwd=repo)
    assert (result.returncode, result.stdout) == (1, "")
    assert len(json.loads((repo / "r.json").read_text())["plans"]) == 3
    invalid = run("audit", "-", "-q", cwd=repo, stdin="readiness: 1\n")
    assert invalid.returncode == 2
    assert invalid.stdout == ""
    assert "missing required key 'plan'" in invalid.stderr


def test_color_always_and_never(repo: Path) -> None:
    always = run("audit", "plans/ready.yaml", "--color", "always", cwd=repo)
    never = run("audit", "plans/ready.yaml", "--color", "never", cwd=repo, env={"FORCE_COLOR": "1"})
    assert "\x1b[" in always.stdout
    assert "\x1b[" not in never.stdout
    wrong = run("audit", "plans/ready.yaml", "--color", "sometimes", cwd=repo)
    assert wrong.returncode == 2
    assert (
        "readiness: error: --color: 'sometimes' is not one of auto, always, never" in wrong.stderr
    )


def test_soft_fail_reports_but_passes(repo: Path) -> None:
    short = run("audit", "plans/training-only.yaml", "--soft-fail", cwd=repo)
    assert short.returncode == 0
    assert "falls short" in short.stdout
    assert short.stderr == (
        "readiness: --soft-fail: the exit code is 0 although a plan falls short\n"
    )
    passing = run("audit", "plans/ready.yaml", "--soft-fail", cwd=repo)
    assert (passing.returncode, passing.stderr) == (0, "")
    invalid = run("audit", "-", "--soft-fail", cwd=repo, stdin="readiness: 1\n")
    assert invalid.returncode == 2


# -- baseline --------------------------------------------------------------------------------
def test_a_baseline_fails_only_on_new_or_worse_gaps(repo: Path) -> None:
    wrote = run("audit", "plans", "--write-baseline", "baseline.json", *AS_OF, cwd=repo)
    assert wrote.returncode == 1  # the training-only plan falls short, as before
    baseline = json.loads((repo / "baseline.json").read_text())
    assert baseline["format"] == "readiness-baseline"
    assert baseline["plans"]["plans/training-only.yaml"]["FD-01"] == "not-met"
    same = run("audit", "plans", "--baseline", "baseline.json", *AS_OF, cwd=repo)
    assert same.returncode == 0, same.stdout
    assert (
        "Baseline baseline.json: no new or worse gaps (1 plan falls short only with gaps"
        in same.stdout
    )
    # from a subfolder, the same baseline names the same plans
    deeper = run("audit", ".", "--baseline", "../baseline.json", *AS_OF, cwd=repo / "plans")
    assert deeper.returncode == 0, deeper.stdout
    # a gap that gets worse fails: supervision drops from six-weekly to yearly
    plan = repo / "plans/developing.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "    frequency: six-weekly\n" in text
    plan.write_text(
        text.replace("    frequency: six-weekly\n", "    frequency: yearly\n"), encoding="utf-8"
    )
    worse = run(
        "audit", "plans", "--baseline", "baseline.json", "--min-band", "ready", *AS_OF, cwd=repo
    )  # fmt: skip
    assert worse.returncode == 1
    assert "plans/developing.yaml: PS-02 " in worse.stdout
    assert "(partly met, now not met)" in worse.stdout.lower()


def test_a_baseline_catches_an_expired_waiver(repo: Path) -> None:
    run("audit", "plans", "--write-baseline", "b.json", "--min-band", "ready", *AS_OF, cwd=repo)
    later = run(
        "audit", "plans", "--baseline", "b.json", "--min-band", "ready", "--as-of", "2027-12-01",
        cwd=repo,
    )  # fmt: skip
    assert later.returncode == 1
    assert "plans/developing.yaml: RP-05 " in later.stdout
    assert "(Waived, now" in later.stdout or "(waived, now" in later.stdout.lower()


def test_a_bad_baseline_is_bad_input(repo: Path) -> None:
    (repo / "b.json").write_text('{"plans": {}}')
    result = run("audit", "plans", "--baseline", "b.json", cwd=repo)
    assert result.returncode == 2
    assert "b.json: error: this is not a readiness baseline file" in result.stderr
    same = run("audit", "plans", "--baseline", "b.json", "--write-baseline", "b.json", cwd=repo)
    assert same.returncode == 2
    assert "--write-baseline would replace the baseline this run reads" in same.stderr


# -- list files, show config ---------------------------------------------------------------
def test_list_files_shows_what_exclude_leaves_out(repo: Path) -> None:
    (repo / ".readiness.yaml").write_text("exclude: ['plans/ready.yaml']\n")
    (repo / "plans/workflow.yml").write_text("name: ci\n")
    result = run("audit", "plans", "--list-files", cwd=repo)
    assert result.returncode == 0
    assert result.stdout == "plans/developing.yaml\nplans/training-only.yaml\n"
    assert "plans/ready.yaml: left out by 'exclude' in .readiness.yaml" in result.stderr
    assert "plans/workflow.yml: not a plan" in result.stderr


def test_show_config_says_where_each_setting_came_from(repo: Path) -> None:
    (repo / ".readiness.yaml").write_text("min_band: ready\nfail_under: 50\n")
    result = run("audit", "--show-config", "--fail-under", "70", cwd=repo / "plans")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("settings file:") and "../.readiness.yaml" in line for line in lines)
    assert any(
        "min_band:" in line and "ready" in line and "from ../.readiness.yaml" in line
        for line in lines
    )
    assert any(
        "fail_under:" in line and "70" in line and "from the command line" in line for line in lines
    )
    assert any("max_size_mb:" in line and "default" in line for line in lines)


# -- help and errors -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        ["audit"],
        ["validate"],
        ["diff"],
        ["explain"],
        ["init"],
        ["schema"],
        ["rubric", "check"],
        ["interview"],
    ],
)
def test_help_has_plain_metavars_and_no_python_types(command: list[str]) -> None:
    text = run(*command, "--help").stdout
    for leak in ("list[str]", "<str>", "<float>", "<int>", "{", "[["):
        assert leak not in text, (command, leak)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--jobs", "x"], "readiness: error: --jobs: 'x' is not a whole number"),
        (["--fail-under", "abc"], "readiness: error: --fail-under: 'abc' is not a number"),
        (["--max-size", "big"], "readiness: error: --max-size: 'big' is not a number"),
        (["--min-band="], "readiness: error: --min-band: '' is not one of"),
        (["--fail-under", "nan"], "readiness: error: --fail-under: 'nan' is not a number"),
    ],
)
def test_bad_option_values_in_readiness_style(repo: Path, args: list[str], said: str) -> None:
    result = run("audit", "plans/ready.yaml", *args, cwd=repo)
    assert result.returncode == 2
    assert said in result.stderr
    assert "Usage:" not in result.stderr


def test_no_plan_named_is_explained(repo: Path) -> None:
    result = run("audit", cwd=repo)
    assert result.returncode == 2
    assert "readiness: error: name the plans to check" in result.stderr


def test_the_terminal_says_when_a_waiver_expired(repo: Path) -> None:
    result = run("audit", "plans/developing.yaml", "--as-of", "2027-11-15", cwd=repo)
    assert "The waiver for RP-05 expired on 2027-10-31: it counts again" in result.stdout


def test_completion_can_be_installed() -> None:
    result = run("--help")
    assert "--install-completion" in result.stdout
    # typer's own protocol, as the installed script calls it: the script, then completions
    script = run_installed(env={"_READINESS_COMPLETE": "source_bash"})
    assert "complete -o default -F _readiness_completion readiness" in script.stdout
    words = run_installed(
        env={
            "_READINESS_COMPLETE": "complete_bash",
            "COMP_WORDS": "readiness aud",
            "COMP_CWORD": "1",
        }
    )
    assert words.stdout.split() == ["audit"]


# -- what a careful reviewer tried --------------------------------------------------------------
def test_no_report_replaces_the_baseline_the_run_reads(repo: Path) -> None:
    run("audit", "plans/ready.yaml", "--write-baseline", "b.json", cwd=repo)
    before = (repo / "b.json").read_bytes()
    result = run("audit", "plans/ready.yaml", "--baseline", "b.json", "-o", "b.json", cwd=repo)
    assert result.returncode == 2
    assert "it is the same file as the baseline 'b.json', which this run reads" in result.stderr
    assert (repo / "b.json").read_bytes() == before
    both = run("audit", "plans/ready.yaml", "--write-baseline", "x.json", "-o", "x.json", cwd=repo)
    assert both.returncode == 2
    assert "--write-baseline and --output both name 'x.json'" in both.stderr


def test_a_hostile_baseline_is_bad_input(repo: Path) -> None:
    (repo / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    deep = run("audit", "plans/ready.yaml", "--baseline", "deep.json", cwd=repo)
    assert deep.returncode == 2
    assert "the baseline is not valid JSON (nested too deeply)" in deep.stderr
    (repo / "bool.json").write_text(
        '{"format": "readiness-baseline", "version": true, "plans": {}}'
    )
    assert run("audit", "plans/ready.yaml", "--baseline", "bool.json", cwd=repo).returncode == 2


def test_a_broken_settings_file_reaches_the_ci_formats_as_the_runs_problem(repo: Path) -> None:
    (repo / ".readiness.yaml").write_text("min_band: bogus\n")
    result = run(
        "audit", "plans/ready.yaml", "-f", "github", "-o", "c.sarif", "-o", "c.xml", cwd=repo
    )
    assert result.returncode == 2
    assert ".readiness.yaml:1:11: error: 'bogus' is not a recognised value" in result.stderr
    assert "::error title=readiness cannot use its input::" in result.stdout
    sarif = json.loads((repo / "c.sarif").read_text())["runs"][0]
    assert sarif["results"] == []
    [note] = sarif["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].startswith(".readiness.yaml:1:11: 'bogus' is not a recognised")
    assert "The run can use its input" in (repo / "c.xml").read_text()


def test_junit_names_plans_from_the_repository_root(repo: Path) -> None:
    (repo / "plans" / "sub").mkdir()
    result = run("audit", "../ready.yaml", "-f", "junit", cwd=repo / "plans" / "sub")
    assert result.returncode == 0, result.stderr
    assert '<testsuite name="plans/ready.yaml" file="plans/ready.yaml"' in result.stdout


def test_the_job_summary_counts_what_the_step_already_wrote(repo: Path) -> None:
    summary = repo / "summary.md"
    summary.write_text("x" * (1024 * 1024 - 500))
    result = run(
        "audit", "plans", "-f", "github", "-q", cwd=repo, env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.returncode == 1
    assert result.stdout == ""  # quiet: nothing printed, but the summary is still written
    assert summary.stat().st_size <= 1024 * 1024
    assert "Left out to keep within GitHub's 1 MiB job summary" in summary.read_text()


def test_an_empty_stdin_name_is_refused(repo: Path) -> None:
    result = run("audit", "-", "--stdin-name=", cwd=repo, stdin="readiness: 1\n")
    assert result.returncode == 2
    assert "--stdin-name: give a name" in result.stderr


def test_show_config_and_list_files_together_are_refused(repo: Path) -> None:
    result = run("audit", "plans", "--show-config", "--list-files", cwd=repo)
    assert result.returncode == 2
    assert "give --show-config or --list-files, not both" in result.stderr
