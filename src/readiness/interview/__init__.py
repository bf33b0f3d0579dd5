"""``readiness interview``: a guided conversation that writes a plan.

Entry points: ``start`` (a session from a new plan or the text of one already written),
``Session.run`` (ask), ``finish`` (the plan's text, checked as ``readiness validate`` checks
it). The command line (``readiness.cli.interview``) chooses the file, writes it, audits it and
offers the board report; this package never writes a file. Only that command imports it, so
no other command pays for ruamel.yaml or rich prompts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from readiness.errors import InputError, Problem
from readiness.interview import tree as plan_tree
from readiness.interview.answers import error_path, plan_errors, under
from readiness.interview.questions import QUESTIONS
from readiness.interview.session import Session, Stopped
from readiness.interview.talk import AnswersFile, Terminal
from readiness.load.parse import load_yaml
from readiness.load.validate import ordered, problems_from_errors
from readiness.plan.examples import drop_examples, scan
from readiness.plan.load import check_shape, parse_plan
from readiness.plan.models import Plan
from readiness.plan.waivers import waiver_problems

if TYPE_CHECKING:
    from readiness.rubric.rubric import Rubric

__all__ = ["AnswersFile", "Session", "Stopped", "Terminal", "finish", "start"]

OUTSIDE_HINT = "readiness validate shows the same problems; put them right in the file"


def start(
    source: Terminal | AnswersFile,
    text: str | None,
    display: str,
    rubric: Rubric | None,
    criteria: set[str] | None = None,
    revisit: bool = False,
) -> Session:
    """A session on a new plan (``text`` None) or on the plan written in ``text``.

    ``InputError`` when the plan has problems the interview does not ask about (a wrong key,
    a list item written wrongly): they are reported as ``readiness validate`` reports them.
    """
    if text is None:
        session = Session(source, {"readiness": 1}, plan_tree.new(), rubric, (), revisit)
        session.new = True
        return session
    doc, problems = load_yaml(text, display)
    if problems:
        raise InputError(problems)
    shape, version_problems = check_shape(doc)
    found = scan(doc)
    data: Any = drop_examples(shape, Plan, found.values)
    outside = [e for e in plan_errors({**data, "readiness": 1}) if not _asked_about(e)]
    listed = [
        *version_problems,
        *problems_from_errors(doc.with_data(data), Plan, outside),
        *(waiver_problems(doc.with_data(data), criteria) if criteria is not None else ()),
    ]
    if listed:
        raise InputError(
            [
                *ordered(listed),
                Problem(
                    "the interview does not ask about these problems: put them right in the "
                    "file, then run the interview again",
                    file=display,
                    hint=OUTSIDE_HINT,
                ),
            ]
        )
    tree = plan_tree.load(text, display)
    plan_tree.ensure_version(tree)
    data = dict(data)
    data["readiness"] = 1
    return Session(source, data, tree, rubric, tuple(found.values), revisit)


def _asked_about(error: Any) -> bool:
    """Whether a problem is at a key the interview asks about (and can ask again)."""
    path = error_path(error)
    for question in QUESTIONS:
        if question.kind == "records":
            continue  # a list written wrongly is put right in the file, keeping its comments
        paths = [question.path]
        if question.kind == "paid":
            paths.append((*question.path[:-1], "existing"))
        for asked in paths:
            if under(path, asked) or (error["type"] == "missing" and under(asked, path)):
                return True
    return False


def finish(session: Session, display: str, criteria: set[str] | None = None) -> str:
    """The plan's text, checked as ``readiness validate`` checks it (``InputError`` if not)."""
    text = plan_tree.dump(session.tree, session.stored, spaced=session.new)
    parse_plan(text, display, criteria)
    return text
