"""``readiness interview``: answer questions in plain English; readiness writes the plan.

The conversation is ``readiness.interview``; this command chooses the file, writes it (whole
or not at all, never over a file it was not pointed at), audits it and offers the board
report. Ctrl-C, or standard input running out, ends the interview before the end: nothing is
written and the exit code is 2. Answering ``stop`` saves what is answered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from readiness.cli import common
from readiness.cli.common import ConfigOption, DebugOption, RubricOption

if TYPE_CHECKING:
    from readiness.cli.outputs import Target
    from readiness.interview import AnswersFile, Terminal
    from readiness.rubric.rubric import Rubric

_STOPPED = "the interview stopped before the end: nothing was written"
_STOPPED_HINT = "next time, answer stop to any question to save the answers so far"
_REPORT_SUFFIXES = (".md", ".markdown", ".html", ".htm")


def interview(
    path: Annotated[
        str | None,
        typer.Argument(metavar="PATH", hidden=True, show_default=False),
    ] = None,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="Take the answers from this file instead of asking (docs/interview.md).",
        ),
    ] = None,
    revisit: Annotated[
        bool,
        typer.Option(
            "--revisit", help="Ask every question again, with the plan's answers filled in."
        ),
    ] = False,
    rubric: RubricOption = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Answer questions in plain English; readiness writes the plan, audits it and offers the
    board report.

    PATH is the plan to write, or to carry on with if it exists (asked for if not given).
    """
    from pathlib import Path

    from readiness.interview import AnswersFile, Stopped, Terminal, finish, start
    from readiness.load.source import decode, read_bytes, utf8_layout

    settings = common.config(config)
    max_bytes = common.max_bytes(None, settings)
    active = common.rubric(rubric, settings)
    known = active.known_ids()
    source: Terminal | AnswersFile
    if answers is not None:
        if path is None:
            raise common.usage(
                "--answers needs the plan's file name too",
                "readiness interview plan.yaml --answers answers.yaml",
            )
        source = AnswersFile(Path(answers), common.display(answers), max_bytes)
    else:
        options = common.stdout_options()
        source = Terminal(options.color, common.terminal_width())
    try:
        if path is None:
            assert isinstance(source, Terminal)
            path = _choose_file(source)
        else:
            _usable(path)
        display = common.display(path)
        existed = Path(path).exists()
        data = read_bytes(Path(path), display, max_bytes) if existed else b""
        text = decode(data, display) if existed else None
        if text is not None and not text.strip():  # an empty file (``touch plan.yaml``)
            text = None  # holds nothing to keep: the interview starts a new plan in it
        session = start(source, text, display, active, known, revisit)
        _welcome(source, display, text is not None, len(session.missing()), revisit)
        session.run()
    except Stopped:
        raise common.usage(_STOPPED, _STOPPED_HINT) from None
    plan = finish(session, display, known)
    if not isinstance(source, Terminal) and session.report_name() is not None:
        # a board report named in the answers file must be writable before the plan is saved
        _report_targets(str(session.report_name()), path, answers)
    _save(path, _as_before(plan, *utf8_layout(data)), existed)
    common.out(f"\nSaved the plan in {display}.\n")
    _audit(path, display, active, max_bytes)
    _offer_report(source, session.report_name(), path, answers, active, max_bytes)


def _usable(path: str) -> None:
    """The plan's file may be written: a regular file or none yet, in a folder that exists."""
    from readiness.cli.outputs import plan_targets

    plan_targets([path], "markdown", devices=False, what="the plan")


def _choose_file(talk: Terminal) -> str:
    """Ask where the plan goes; an existing file is used only when the person says so."""
    from pathlib import Path

    from readiness.errors import InputError

    while True:
        name = talk.read("Which file should the plan be saved in?", "plan.yaml").strip()
        if not name:
            continue
        if not name.lower().endswith((".yaml", ".yml")):
            talk.say("  Please give a file name ending .yaml, such as plan.yaml.")
            continue
        if Path(name).exists():
            reply = talk.read(
                f"There is already a file called {name}. Carry on with the plan in it? (yes/no)",
                "no",
            )
            if reply.strip().lower() not in ("yes", "y"):
                continue
        try:
            _usable(name)
        except InputError as exc:
            talk.say(f"  {exc.problems[0].message}")
            continue
        return name


def _welcome(
    source: Terminal | AnswersFile, display: str, exists: bool, missing: int, revisit: bool
) -> None:
    if not exists:
        source.say(f"A new plan, to be saved in {display}.")
        return
    if revisit:
        source.say(f"Going through {display} again: press Enter to keep an answer.")
        return
    are = "question is" if missing == 1 else "questions are"
    source.say(
        f"Carrying on with {display}: {missing} {are} still to answer. To go through the "
        "answered ones too, run: readiness interview --revisit " + display
    )


def _as_before(text: str, bom: bool, crlf: bool) -> str:
    """The plan written as its file was when the interview read it: with its byte order mark,
    and with CRLF line endings if most of its lines had them, so that a resumed plan's diff
    shows only the answers."""
    text = text.replace("\n", "\r\n") if crlf else text
    return "\ufeff" + text if bom else text


def _save(path: str, text: str, existed: bool) -> None:
    from pathlib import Path

    from readiness.cli.outputs import create_new, plan_targets, write_all

    if existed:
        (target,) = plan_targets([path], "markdown", devices=False, what="the plan")
        write_all([(target, text)])
    elif not create_new(Path(path), text):
        raise common.usage(
            f"'{path}' appeared while the interview ran: the plan was not written over it",
            "run the interview again and choose another name",
        )


def _audit(path: str, display: str, active: Rubric, max_bytes: int) -> None:
    from datetime import date
    from pathlib import Path

    from readiness.audit.many import audit_many
    from readiness.audit.run import AuditOptions
    from readiness.reporters import AUDIT_FORMATS

    result = audit_many(
        [(Path(path), display)], active, AuditOptions(as_of=date.today(), max_bytes=max_bytes)
    )
    common.out("\n")
    common.out(AUDIT_FORMATS["terminal"].load()(result, common.stdout_options()))


def _offer_report(
    source: Terminal | AnswersFile,
    name: str | None,
    plan: str,
    answers: str | None,
    active: Rubric,
    max_bytes: int,
) -> None:
    from readiness.errors import InputError
    from readiness.interview import Terminal

    if not isinstance(source, Terminal):
        if name is not None:
            _write_report(name, plan, answers, active, max_bytes)
        return
    while True:
        try:
            name = source.read(
                "\nWrite the board report too? Give a file name ending .md (Markdown) or .html "
                "(a web page), or press Enter to finish",
                None,
            ).strip()
        except (EOFError, KeyboardInterrupt):
            return
        if not name:
            return
        try:
            if _replaces(source, name):
                _write_report(name, plan, answers, active, max_bytes)
                return
        except InputError as exc:
            problem = exc.problems[0]
            source.say(f"  {problem.message}" + (f" ({problem.hint})" if problem.hint else ""))


def _replaces(source: Terminal, name: str) -> bool:
    """Whether a report may be written to ``name``: a new file, or one the person replaces."""
    from pathlib import Path

    if not name.lower().endswith(_REPORT_SUFFIXES):
        source.say("  Please give a file name ending .md or .html, such as board-report.md.")
        return False
    if Path(name).exists():
        try:
            reply = source.read(
                f"There is already a file called {name}. Replace it? (yes/no)", "no"
            )
        except (EOFError, KeyboardInterrupt):
            return False
        return reply.strip().lower() in ("yes", "y")
    return True


def _report_targets(name: str, plan: str, answers: str | None) -> list[Target]:
    """Where the board report goes: ``InputError`` if it cannot go there."""
    from pathlib import Path

    from readiness.cli.outputs import Read, plan_targets, refuse_reads
    from readiness.reporters import AUDIT_FORMATS

    formats = {k: AUDIT_FORMATS[k] for k in ("markdown", "html")}
    targets = plan_targets(
        [name], None, formats, devices=False, what="the board report", format_option=False
    )
    reads = [Read("the plan", Path(plan))]
    if answers is not None:
        reads.append(Read("the answers file", Path(answers)))
    refuse_reads(targets, reads, "the board report")
    return targets


def _write_report(
    name: str, plan: str, answers: str | None, active: Rubric, max_bytes: int
) -> None:
    from datetime import date
    from pathlib import Path

    from readiness.audit.many import audit_many
    from readiness.audit.run import AuditOptions
    from readiness.cli.outputs import write_all
    from readiness.reporters import AUDIT_FORMATS, RenderOptions

    targets = _report_targets(name, plan, answers)
    result = audit_many(
        [(Path(plan), common.display(plan))],
        active,
        AuditOptions(as_of=date.today(), max_bytes=max_bytes),
    )
    texts = [(t, AUDIT_FORMATS[t.format].load()(result, RenderOptions())) for t in targets]
    write_all(texts)
    common.out(f"Wrote the board report to {common.display(name)}.\n")
