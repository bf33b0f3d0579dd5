"""The two sides of the conversation: a person at a terminal, or a file of answers.

``Terminal`` asks with rich's prompts and reads standard input, so the interview can be driven
by piping answers in. ``AnswersFile`` holds answers written in advance (docs/interview.md),
read with readiness's own YAML loader so that its problems are located like a plan's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readiness.errors import InputError, Problem
from readiness.interview.questions import BY_KEY
from readiness.load.document import Document
from readiness.load.parse import load_yaml
from readiness.load.scalars import YamlFloat, YamlInt
from readiness.load.source import DEFAULT_MAX_BYTES, read_text
from readiness.outcomes import KeyPath
from readiness.reporters.escape import one_line
from readiness.wording import short, suggest

REPORT_KEY = "report"
"""The answers file's key for the board report's file name."""


class Terminal:
    """A person answering at a terminal (or answers piped into standard input)."""

    interactive = True

    def __init__(self, color: bool = False, width: int | None = None) -> None:
        import sys

        from rich.console import Console

        self.echo = not sys.stdin.isatty()
        """Answers piped in are shown after their prompt, so the transcript reads whole."""
        self.wrap = width is not None
        self.console = Console(
            file=sys.stdout,
            no_color=not color,
            force_terminal=color or None,
            highlight=False,
            markup=False,
            emoji=False,
            width=width,
        )

    def say(self, text: str = "", style: str = "") -> None:
        from rich.text import Text

        for line in text.split("\n") or [""]:
            self.console.print(Text(one_line(line), style=style), soft_wrap=not self.wrap)

    def read(self, label: str, default: str | None = None) -> str:
        """One answer; ``EOFError`` or ``KeyboardInterrupt`` when the person has gone."""
        from rich.prompt import Prompt
        from rich.text import Text

        shown = None if default is None else one_line(short(default, 80))
        answer = Prompt.ask(
            Text(one_line(label), style="bold"),
            console=self.console,
            default=shown if shown is not None else "",
            show_default=shown is not None,
        )
        if self.echo:
            self.console.print(Text(one_line(answer)), soft_wrap=True)
        if default is not None and answer == shown:
            return default
        return answer


class AnswersFile:
    """Answers written in advance: question key to answer, and ``report`` for the report."""

    interactive = False

    def __init__(self, path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        text = read_text(path, display, max_bytes)
        doc, problems = load_yaml(text, display)
        if problems:
            raise InputError(problems)
        self.doc: Document = doc
        self.display = display
        data = doc.data if doc.data is not None else {}
        if not isinstance(data, dict):
            raise InputError(
                [
                    doc.problem(
                        "an answers file must be a set of question keys and answers, such as "
                        "'plan.title: Trauma-informed practice in Early Help'",
                        doc.nearest(())[1],
                    )
                ]
            )
        self.answers: dict[str, Any] = data
        unknown = [
            self._unknown(str(key)) for key in data if key not in BY_KEY and key != REPORT_KEY
        ]
        if unknown:
            raise InputError(unknown)

    def _unknown(self, key: str) -> Problem:
        guess = suggest(key, [*BY_KEY, REPORT_KEY])
        message = f"'{short(key)}' is not a question of the interview"
        if guess:
            message += f" (did you mean '{guess}'?)"
        return self.doc.problem(
            message,
            self.doc.key_or_value((key,)),
            "" if guess else "docs/interview.md lists every question key",
        )

    def problem(self, where: KeyPath, message: str, hint: str = "") -> Problem:
        return self.doc.problem(message, self.doc.nearest(where)[1], hint)

    def get(self, key: str) -> Any:
        return self.answers.get(key)

    def say(self, text: str = "", style: str = "") -> None:
        """Nothing is said while answers are read from a file."""


def as_text(value: object, yesno: bool = False) -> str:
    """An answer from the file as a person would have typed it."""
    if isinstance(value, YamlInt | YamlFloat):
        return value.raw
    if value is True or value is False:
        if yesno:
            return "yes" if value else "no"
        return "true" if value else "false"
    return str(value)
