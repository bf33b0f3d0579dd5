"""``readiness interview``: driven through standard input and through an answers file.

The written plan must pass ``readiness validate`` and audit to a known band; a plan missing k
answers gets exactly k questions; a resumed plan keeps its comments and key order; a wrong
answer is asked again with ``validate``'s reason; nothing ever ends in a traceback.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import run

HERE = Path(__file__).resolve().parent
ANSWERS = HERE / "full-answers.yaml"
QUESTION = re.compile(r"^Question \d+ of \d+:", re.MULTILINE)

# Every question of the interview answered by typing, the same answers as full-answers.yaml.
TYPED: list[str] = [
    "Relational care in Aldermoor's children's homes",
    "Aldermoor Council",
    "2027-04-01",
    "2030-03-31",
    "168",
    "9",
    "21",
    "3",
    # budget lines: item, category, amount; an empty item ends the list
    *["Five-day practitioner programme", "training", "70000"],
    *["Monthly in-practice coaching", "coaching", "62000"],
    *["Coaching for team managers", "coaching", "24000"],
    *["Facilitated team reflective practice", "supervision", "24000"],
    *["Clinical supervision", "supervision", "38000"],
    *["Relief staff to cover protected time", "backfill", "160000"],
    *["Champion role allowance", "champions", "14000"],
    *["Termly self-assessment and peer observation", "fidelity", "9000"],
    *["Independent pre and post evaluation", "evaluation", "16000"],
    "",
    # waves: name, size, start, managers trained by, (first wave: voluntary, nominated by,
    # criteria, champions), exit criteria one a line and an empty line
    *["Wave 1", "30", "2027-09-06", "2027-07-30", "yes", "1, 2"],
    *["direct-work, curious-about-behaviour, non-punitive, relational-language", "9"],
    *["Every Wave 1 practitioner has had at least five monthly coaching sessions", ""],
    *["Wave 2", "66", "2028-03-06", "2028-01-28"],
    *["The implementation board has reviewed two fidelity cycles", ""],
    *["Wave 3", "72", "2028-10-02", "2028-07-28", ""],
    "",
    "6",
    "1, 2, 3, 4, 5, 6",
    *["2026-11-12", "service-manager, line-manager, commissioner", "What the homes need first"],
    *["2027-01-21", "service-manager, commissioner, provider, lived-experience", ""],
    "",
    "Service managers read visit reports and supervision records to find staff who already "
    "respond to distress with curiosity.",
    "14",
    "11",
    "19%",
    "5.8",
    *["Amira Haddad", "service-manager", ""],
    "Relational Care Implementation Board",
    "six-weekly",
    *["Amira Haddad", "service-manager", "Assistant Director", "senior-leader", ""],
    "2",
    "6",  # the sixth budget line pays for cover
    "2027-03-18",
    *["Director of Children's Services", "senior-leader", "Amira Haddad", "service-manager", ""],
    "workshop, skills-practice, observation-feedback",
    "5",
    "monthly",
    "90",
    "reflective, clinical",
    "yes",
    "5",
    "monthly",
    "18",
    "2",
    "termly",
    "0",  # already runs
    *["RCADS", "children-families", "", "baseline, 6 months, 12 months"],
    *["ARTIC-45", "practitioners", "", "baseline, 12 months", ""],
    "100",
    "2027-07-30",
    "21",
    "monthly",
    "18",
    "3",
    "reflective",
    "monthly",
    "90",
    "4",
    "reflective-groups, peer-support",
    "ProQOL",
    "aggregate",
    "0",  # wellbeing support already runs
    "learning",
    "self-assessment, peer-observation, reflective-case-review",
    "termly",
    "40",
    "21",
    "learning, service-improvement",
    "Relational Care Implementation Board",
    "8",
    "2030-03-31",
    "Coaching moves to the Relational Practice Team's core budget.",
    "",  # no board report
]


def typed(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def band(plan: Path) -> str:
    result = run("audit", str(plan), "-f", "json")
    assert result.returncode in (0, 1), result.stderr
    found: str = json.loads(result.stdout)["plans"][0]["band"]
    return found


def valid(plan: Path) -> None:
    result = run("validate", str(plan))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1 plan valid.\n"


def interview(tmp_path: Path, *args: str, stdin: str = ""):  # type: ignore[no-untyped-def]
    result = run("interview", *args, cwd=tmp_path, stdin=stdin)
    assert "Traceback" not in result.stdout + result.stderr
    return result


# -- whole interviews -----------------------------------------------------------------------
def test_a_whole_interview_through_standard_input_writes_a_ready_plan(tmp_path: Path) -> None:
    result = interview(tmp_path, "plan.yaml", stdin=typed(TYPED))
    assert result.returncode == 0, result.stdout + result.stderr
    plan = tmp_path / "plan.yaml"
    valid(plan)
    assert band(plan) == "ready"
    assert "Saved the plan in plan.yaml." in result.stdout
    assert "READY" in result.stdout  # the audit's summary
    assert len(QUESTION.findall(result.stdout)) == 63


def test_an_answers_file_writes_the_same_plan_as_typing(tmp_path: Path) -> None:
    typed_dir, file_dir = tmp_path / "typed", tmp_path / "file"
    typed_dir.mkdir()
    file_dir.mkdir()
    assert interview(typed_dir, "plan.yaml", stdin=typed(TYPED)).returncode == 0
    result = interview(file_dir, "plan.yaml", "--answers", str(ANSWERS))
    assert result.returncode == 0, result.stderr
    plan = file_dir / "plan.yaml"
    valid(plan)
    assert band(plan) == "ready"
    assert (file_dir / "board.md").exists()  # report: board.md
    assert (typed_dir / "plan.yaml").read_text() == plan.read_text()


def test_the_written_plan_is_commented_and_has_no_examples(tmp_path: Path) -> None:
    interview(tmp_path, "plan.yaml", "--answers", str(ANSWERS))
    text = (tmp_path / "plan.yaml").read_text()
    assert text.startswith("# A commissioning plan for readiness")
    assert "# frontline practitioners in scope" in text
    assert "todo" not in text.lower()
    result = run("audit", str(tmp_path / "plan.yaml"), "-f", "json")
    assert (
        "examples" not in json.loads(result.stdout)["plans"][0]
        or not json.loads(result.stdout)["plans"][0]["examples"]
    )


def test_a_short_interview_answers_only_what_every_plan_needs(tmp_path: Path) -> None:
    lines = ["Early Help", "Northshire County Council", "2027-01-01", "2029-03-31", "240"]
    result = interview(tmp_path, "plan.yaml", stdin=typed([*lines, "", "", "", "stop"]))
    assert result.returncode == 0, result.stderr
    valid(tmp_path / "plan.yaml")
    assert band(tmp_path / "plan.yaml") == "training-only"
    text = (tmp_path / "plan.yaml").read_text()
    assert "teams" not in text  # not decided yet: not written down, no placeholder


def test_stop_still_asks_what_every_plan_needs(tmp_path: Path) -> None:
    result = interview(
        tmp_path,
        "plan.yaml",
        stdin=typed(["stop", "Early Help", "Northshire", "2027-01-01", "2029-03-31", "240"]),
    )
    assert result.returncode == 0, result.stderr
    assert "Only what every plan needs is still asked." in result.stdout
    assert len(QUESTION.findall(result.stdout)) == 5
    valid(tmp_path / "plan.yaml")


# -- resuming -------------------------------------------------------------------------------
@pytest.fixture
def written(tmp_path: Path) -> Path:
    result = interview(tmp_path, "plan.yaml", "--answers", str(ANSWERS))
    assert result.returncode == 0, result.stderr
    (tmp_path / "board.md").unlink()
    return tmp_path / "plan.yaml"


def test_a_complete_plan_gets_no_questions(written: Path) -> None:
    result = interview(written.parent, "plan.yaml", stdin="")
    assert result.returncode == 0, result.stderr
    assert QUESTION.findall(result.stdout) == []
    assert "0 questions are still to answer" in result.stdout


@pytest.mark.parametrize(
    "removed",
    [
        ["teams: 9 "],
        ["teams: 9 ", "months: 18                     # for how many months: at least six"],
        ["teams: 9 ", "escalation: ", "measure: ProQOL", "frequency: six-weekly"],
    ],
)
def test_a_plan_missing_k_answers_gets_exactly_k_questions(
    written: Path, removed: list[str]
) -> None:
    lines = written.read_text().splitlines()
    kept = [line for line in lines if not any(line.lstrip().startswith(r) for r in removed)]
    assert len(kept) == len(lines) - len(removed)
    written.write_text("\n".join(kept) + "\n")
    result = interview(written.parent, "plan.yaml", stdin=typed([""] * 10))
    assert result.returncode == 0, result.stderr
    assert len(QUESTION.findall(result.stdout)) == len(removed)


def test_resume_keeps_comments_and_key_order(tmp_path: Path) -> None:
    original = """\
# Our plan, kept by the Early Help team.
readiness: 1
plan:
  title: Trauma-informed practice in Early Help   # agreed at the board
  commissioner: Northshire County Council
  end: 2029-03-31
  start: 2027-01-01

# Who is in scope
workforce:
  practitioners: 240  # headcount, not FTE

# The money
budget:
  lines:
    - {item: Practitioner training, category: training, amount: 60000}
    - {item: In-practice coaching, category: coaching, amount: 45000}   # from the grant
narrative:
  summary: We start small.
"""
    (tmp_path / "plan.yaml").write_text(original)
    answers = ["8", "", "", "", "4", "stop"]  # teams, -, -, no waves, champions' hours
    result = interview(tmp_path, "plan.yaml", stdin=typed(answers))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "plan.yaml").read_text()
    lines = text.splitlines()
    # every original line is still there, in the same order
    remaining = iter(lines)
    assert all(line in remaining for line in original.splitlines())
    assert "    protected_hours_per_month: 4   # time each champion gets for the role, a month" in (
        lines
    )
    assert "  teams: 8                         # the teams they work in" in lines
    # the comment above the budget still stands above it
    assert lines[lines.index("budget:") - 1] == "# The money"
    valid(tmp_path / "plan.yaml")


def test_revisit_fills_in_every_answer_and_enter_keeps_it(written: Path) -> None:
    before = written.read_text()
    result = interview(written.parent, "plan.yaml", "--revisit", stdin=typed([""] * 80))
    assert result.returncode == 0, result.stderr
    assert "(Aldermoor Council)" in result.stdout  # the answer, filled in
    assert written.read_text() == before


def test_a_starter_plan_is_carried_on_and_its_examples_replaced(tmp_path: Path) -> None:
    assert run("init", "plan.yaml", cwd=tmp_path).returncode == 0
    lines = ["Early Help", "Northshire", "2027-01-01", "2029-03-31", "240", "8", "stop"]
    result = interview(tmp_path, "plan.yaml", stdin=typed(lines))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "plan.yaml").read_text()
    assert 'title: "Early Help"' in text
    assert "  teams: 8" in text
    assert "# teams: 8" not in text  # its example is gone
    assert "# line_managers: 16" in text  # other examples stay until answered
    assert "  start: 2027-01-01                # when the commissioned period starts" in text
    valid(tmp_path / "plan.yaml")


# -- wrong answers --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        (["2027-02-30"], "'2027-02-30' is not a date: February 2027 has 28 days"),
        (["1/4/2027"], "'1/4/2027' is not a date"),
    ],
)
def test_a_wrong_date_is_asked_again_with_the_reason(
    tmp_path: Path, answers: list[str], reason: str
) -> None:
    stdin = typed(["Early Help", "Northshire", *answers, "2027-01-01", "2029-03-31", "240"])
    result = interview(tmp_path, "plan.yaml", stdin=stdin + "stop\n")
    assert result.returncode == 0, result.stderr
    assert f"Not accepted: plan.start: {reason}" in result.stdout
    assert "Please answer again." in result.stdout
    valid(tmp_path / "plan.yaml")


def test_the_reason_is_the_one_validate_gives(tmp_path: Path) -> None:
    stdin = typed(["Early Help", "Northshire", "2027-01-01", "2029-03-31", "0", "240", "stop"])
    result = interview(tmp_path, "plan.yaml", stdin=stdin)
    written = (tmp_path / "plan.yaml").read_text()
    (tmp_path / "bad.yaml").write_text(written.replace("practitioners: 240", "practitioners: 0"))
    checked = run("validate", str(tmp_path / "bad.yaml"))
    message = "workforce.practitioners must be at least 1, not 0"
    assert message in checked.stderr
    assert f"Not accepted: {message}" in result.stdout


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("0", "workforce.practitioners must be at least 1, not 0"),
        ("20000000", "workforce.practitioners must be at most 10000000, not 20000000"),
        ("2.5", "workforce.practitioners must be a whole number, not 2.5"),
        ("£240", "must be a number, not the text '£240'"),
        ("lots", "must be a whole number, not 'lots'"),
    ],
)
def test_a_number_out_of_bounds_is_asked_again(tmp_path: Path, answer: str, reason: str) -> None:
    stdin = typed(["Early Help", "Northshire", "2027-01-01", "2029-03-31", answer, "240", "stop"])
    result = interview(tmp_path, "plan.yaml", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert reason in result.stdout
    assert "practitioners: 240" in (tmp_path / "plan.yaml").read_text()


def test_an_unknown_menu_choice_is_asked_again(written: Path) -> None:
    text = written.read_text().replace(
        "    frequency: monthly             # how often coaching sessions happen\n", ""
    )
    written.write_text(text)
    result = interview(written.parent, "plan.yaml", stdin=typed(["fortnighty", "99", "2"]))
    assert result.returncode == 0, result.stderr
    assert "'fortnighty' is not a recognised value for frequency (did you mean 'fortnightly'?)" in (
        result.stdout
    )
    assert "there is no choice 99" in result.stdout
    assert "frequency: fortnightly" in written.read_text()
    valid(written)


def test_a_budget_line_that_pays_must_exist(written: Path) -> None:
    text = written.read_text().replace(
        "    funded_by: [Monthly in-practice coaching] # the budget lines that pay for it\n", ""
    )
    written.write_text(text)
    result = interview(written.parent, "plan.yaml", stdin=typed(["42", "Coachin", "2"]))
    assert result.returncode == 0, result.stderr
    assert "there is no budget line 42" in result.stdout
    assert "funded_by names 'Coachin', which is not an item of budget.lines" in result.stdout
    valid(written)


def test_a_choice_given_twice_is_written_once(written: Path) -> None:
    text = written.read_text()
    for line in (
        "  methods: [workshop, skills-practice, observation-feedback] # how it is taught\n",
        "    funded_by: [Monthly in-practice coaching] # the budget lines that pay for it\n",
    ):
        assert line in text
        text = text.replace(line, "")
    written.write_text(text)
    stdin = typed(["workshop, 1, Skills-Practice, skills-practice, WORKSHOP", "2, 2"])
    result = interview(written.parent, "plan.yaml", stdin=stdin)
    assert result.returncode == 0, result.stderr
    text = written.read_text()
    assert "methods: [workshop, skills-practice]" in text
    assert "funded_by: [Monthly in-practice coaching]" in text
    valid(written)


@pytest.mark.parametrize("empty", ["", "\n  \n"])
def test_an_empty_file_gets_a_new_plan(tmp_path: Path, empty: str) -> None:
    (tmp_path / "plan.yaml").write_text(empty)
    stdin = typed(["Early Help", "Northshire", "2027-01-01", "2029-03-31", "240", "stop"])
    result = interview(tmp_path, "plan.yaml", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert "practitioners: 240" in (tmp_path / "plan.yaml").read_text()
    valid(tmp_path / "plan.yaml")


def test_a_file_of_comments_alone_is_not_written_over(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("# our notes\n")
    result = interview(tmp_path, "plan.yaml", stdin="stop\n")
    assert result.returncode == 2
    assert "there is no plan in it" in result.stderr
    assert (tmp_path / "plan.yaml").read_text() == "# our notes\n"


@pytest.mark.parametrize(("bom", "newline"), [("", "\r\n"), ("\ufeff", "\n"), ("\ufeff", "\r\n")])
def test_a_resumed_plan_keeps_its_byte_order_mark_and_line_endings(
    written: Path, bom: str, newline: str
) -> None:
    """A plan saved on Windows keeps CRLF and its byte order mark: a resumed plan's diff
    shows only the answers."""
    line = "    funded_by: [Monthly in-practice coaching] # the budget lines that pay for it\n"
    before = written.read_text()
    text = before.replace(line, "")
    written.write_bytes((bom + text.replace("\n", newline)).encode("utf-8"))
    result = interview(written.parent, "plan.yaml", stdin=typed(["2", ""]))
    assert result.returncode == 0, result.stderr
    after = written.read_bytes().decode("utf-8")
    assert after == bom + before.replace("\n", newline)
    valid(written)


def test_a_resumed_plan_takes_the_line_ending_most_of_its_lines_have(written: Path) -> None:
    line = "    funded_by: [Monthly in-practice coaching] # the budget lines that pay for it\n"
    before = written.read_text()
    first, rest = before.replace(line, "").split("\n", 1)
    written.write_bytes((first + "\n" + rest.replace("\n", "\r\n")).encode("utf-8"))
    result = interview(written.parent, "plan.yaml", stdin=typed(["2", ""]))
    assert result.returncode == 0, result.stderr
    assert written.read_bytes().decode("utf-8") == before.replace("\n", "\r\n")


def test_a_plan_file_deleted_while_the_interview_runs_is_saved_all_the_same(
    written: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How the file was written is taken when it is read: nothing reads it again at the end."""
    from readiness.interview.session import Session

    line = "    funded_by: [Monthly in-practice coaching] # the budget lines that pay for it\n"
    before = written.read_text()
    written.write_bytes(("\ufeff" + before.replace(line, "")).encode("utf-8"))
    asking = Session.run

    def run_then_delete(self: Session) -> None:
        written.unlink()
        asking(self)

    monkeypatch.setattr(Session, "run", run_then_delete)
    result = interview(written.parent, "plan.yaml", stdin=typed(["2", ""]))
    assert result.returncode == 0, result.stderr
    assert written.read_bytes().decode("utf-8") == "\ufeff" + before


def test_a_utf16_plan_is_saved_as_utf8(written: Path) -> None:
    line = "    funded_by: [Monthly in-practice coaching] # the budget lines that pay for it\n"
    before = written.read_text()
    written.write_bytes(before.replace(line, "").replace("\n", "\r\n").encode("utf-16"))
    result = interview(written.parent, "plan.yaml", stdin=typed(["2", ""]))
    assert result.returncode == 0, result.stderr
    assert written.read_bytes() == before.encode("utf-8")


def test_a_section_written_in_flow_style_stays_on_its_line(tmp_path: Path) -> None:
    """A note beside each new key has no place inside ``{...}``: it broke the line."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "readiness: 1\n"
        "plan: {title: Early Help, commissioner: Northshire, start: 2027-01-01, end: 2029-03-31}\n"
        "workforce: {practitioners: 240}\n"
    )
    result = interview(tmp_path, "plan.yaml", stdin=typed(["9", "12", "stop"]))
    assert result.returncode == 0, result.stderr
    lines = plan.read_text().splitlines()
    assert lines[2] == "workforce: {practitioners: 240, teams: 9, line_managers: 12}"
    valid(plan)


def test_a_to_do_answer_is_not_decided_yet(tmp_path: Path) -> None:
    stdin = typed(["TBC", "Early Help", "Northshire", "2027-01-01", "2029-03-31", "240", "TODO"])
    result = interview(tmp_path, "plan.yaml", stdin=stdin + "stop\n")
    assert result.returncode == 0, result.stderr
    assert "is read as not decided yet" in result.stdout
    text = (tmp_path / "plan.yaml").read_text()
    assert "TBC" not in text
    assert "TODO" not in text


def test_an_answer_with_commas_is_written_so_that_it_reads_back(tmp_path: Path) -> None:
    lines = ["Early Help", "Northshire", "2027-01-01", "2029-03-31", "240", "", "", ""]
    budget = ["Coaching, 500 a day: in pairs # small groups", "coaching", "5000", ""]
    result = interview(tmp_path, "plan.yaml", stdin=typed([*lines, *budget, "stop"]))
    assert result.returncode == 0, result.stderr
    valid(tmp_path / "plan.yaml")
    assert "'Coaching, 500 a day: in pairs # small groups'" in (tmp_path / "plan.yaml").read_text()


def test_a_resumed_plan_with_the_comma_trap_gets_the_quoting_hint(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "readiness: 1\nplan: {title: Early Help, commissioner: Northshire, start: 2027-01-01, "
        "end: 2029-03-31}\nworkforce:\n  practitioners: 240\nbudget:\n  lines:\n"
        "    - {item: Coaching, 500 a day, category: coaching, amount: 5}\n"
    )
    result = interview(tmp_path, "plan.yaml", stdin="")
    assert result.returncode == 2
    assert "unknown key '500 a day' in budget.lines[0]" in result.stderr
    assert 'quote the value: item: "Coaching, 500 a day"' in result.stderr
    assert "the interview does not ask about these problems" in result.stderr


def test_a_wrong_answer_in_the_plan_is_asked_again(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "readiness: 1\nplan:\n  title: Early Help\n  commissioner: Northshire\n"
        "  start: 2027-01-01\n  end: 2027-02-30   # a slip\nworkforce:\n  practitioners: 240\n"
    )
    result = interview(tmp_path, "plan.yaml", stdin=typed(["2029-03-31", "stop"]))
    assert result.returncode == 0, result.stderr
    assert "Question 4 of" in result.stdout
    text = (tmp_path / "plan.yaml").read_text()
    assert "end: 2029-03-31   # a slip" in text
    valid(tmp_path / "plan.yaml")


# -- answers files --------------------------------------------------------------------------
def test_wrong_answers_in_a_file_are_located_and_nothing_is_written(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "plan.title: Early Help\nplan.commissioner: Northshire\nplan.start: 2027-02-30\n"
        "plan.end: 2029-03-31\nworkforce.practitioners: 0\nworkforce.team: 3\n"
    )
    result = interview(tmp_path, "plan.yaml", "--answers", str(answers))
    assert result.returncode == 2
    assert (
        "'workforce.team' is not a question of the interview (did you mean 'workforce.teams'?)"
        in (result.stderr)
    )
    assert not (tmp_path / "plan.yaml").exists()
    answers.write_text(answers.read_text().replace("workforce.team: 3\n", ""))
    result = interview(tmp_path, "plan.yaml", "--answers", str(answers))
    assert result.returncode == 2
    assert "answers.yaml:3:13: error: plan.start: '2027-02-30' is not a date" in result.stderr
    assert "answers.yaml:5:26: error: workforce.practitioners must be at least 1" in result.stderr
    assert not (tmp_path / "plan.yaml").exists()


def test_an_answers_file_needs_the_plan_file_name(tmp_path: Path) -> None:
    result = interview(tmp_path, "--answers", str(ANSWERS))
    assert result.returncode == 2
    assert "--answers needs the plan's file name too" in result.stderr


def test_an_answers_file_missing_what_every_plan_needs(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("plan.title: Early Help\n")
    result = interview(tmp_path, "plan.yaml", "--answers", str(answers))
    assert result.returncode == 2
    assert "the answers give no answer to plan.commissioner, which every plan needs" in (
        result.stderr
    )


# -- ending early, files, reports -----------------------------------------------------------
def test_running_out_of_input_ends_cleanly_and_writes_nothing(tmp_path: Path) -> None:
    result = interview(tmp_path, "plan.yaml", stdin=typed(["Early Help", "Northshire"]))
    assert result.returncode == 2
    assert result.stderr == (
        "readiness: error: the interview stopped before the end: nothing was written\n"
        "  hint: next time, answer stop to any question to save the answers so far\n"
    )
    assert not (tmp_path / "plan.yaml").exists()


def test_ctrl_c_ends_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness.interview.talk import Terminal

    def interrupted(self: Terminal, label: str, default: str | None = None) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(Terminal, "read", interrupted)
    result = interview(tmp_path, "plan.yaml")
    assert result.returncode == 2
    assert "the interview stopped before the end" in result.stderr
    assert not (tmp_path / "plan.yaml").exists()


def test_without_a_name_an_existing_file_is_never_taken_unasked(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("not mine\n")
    lines = ["", "no", "notes.txt", "mine.yaml", "Early Help", "Northshire", "2027-01-01"]
    result = interview(tmp_path, stdin=typed([*lines, "2029-03-31", "240", "stop"]))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "plan.yaml").read_text() == "not mine\n"
    assert "Please give a file name ending .yaml" in result.stdout
    valid(tmp_path / "mine.yaml")


def test_the_board_report_is_offered_at_the_end(tmp_path: Path) -> None:
    lines = ["Early Help", "Northshire", "2027-01-01", "2029-03-31", "240", "stop"]
    result = interview(tmp_path, "plan.yaml", stdin=typed([*lines, "board.txt", "board.html"]))
    assert result.returncode == 0, result.stderr
    assert "Please give a file name ending .md or .html" in result.stdout
    assert "Wrote the board report to board.html." in result.stdout
    assert (tmp_path / "board.html").read_text().lstrip().lower().startswith("<!doctype html")


def test_hostile_answers_do_not_reach_the_terminal(tmp_path: Path) -> None:
    lines = ["\x1b[31mred", "[bold]x[/bold]", "Northshire", "2027-01-01", "2029-03-31", "240"]
    result = interview(tmp_path, "plan.yaml", stdin=typed([*lines, "stop"]))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "the answer holds a control character (U+001B)" in result.stdout
    assert "title: '[bold]x[/bold]'" in (tmp_path / "plan.yaml").read_text()


@pytest.mark.parametrize(
    ("report", "said"),
    [
        ("board.pdf", "cannot tell which format to write to 'board.pdf'"),
        ("answers.yaml", "cannot tell which format to write to 'answers.yaml'"),
        ("no/such/folder/board.md", "the folder 'no/such/folder' does not exist"),
    ],
)
def test_a_report_that_cannot_be_written_leaves_the_plan_unwritten(
    tmp_path: Path, report: str, said: str
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS.read_text().replace("report: board.md", f"report: {report}"))
    result = interview(tmp_path, "plan.yaml", "--answers", str(answers))
    assert result.returncode == 2
    assert said in result.stderr
    assert "--format" not in result.stderr
    assert not (tmp_path / "plan.yaml").exists()
