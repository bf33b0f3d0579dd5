"""The interview itself: the questions asked in order, each answer checked at once.

A session starts from a new plan or a plan already written (``Plan``, below); it asks what
is missing (or, revisiting, everything, with the answers filled in), checks each answer as
``readiness validate`` would, asks again with the reason when an answer cannot be used, and
writes each answer into the plan's text, keeping what was there. Answering ``stop`` saves
what is answered and asks only what every plan needs; leaving an answer blank leaves the key
not written down ("not decided yet").

Over 200 lines: one class whose steps (a question, a list of items, a paid-for question)
share the plan so far, the way answers arrive and the count of questions asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from readiness.errors import InputError, Problem
from readiness.interview import tree as plan_tree
from readiness.interview.answers import (
    Data,
    Refused,
    check,
    clean,
    get_in,
    parse,
    place,
    shown,
    with_value,
    words_at,
)
from readiness.interview.questions import PARTS, QUESTIONS, Part, Question
from readiness.interview.talk import REPORT_KEY, AnswersFile, Terminal, as_text
from readiness.outcomes import KeyPath
from readiness.plan.examples import is_todo

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

    from readiness.rubric.rubric import Rubric

HELP = (
    "Answer each question in your own words and press Enter. Press Enter on its own to leave "
    'a question for later ("not decided yet": nothing is written for it). Type ? for more '
    "about why a question matters, or stop to save what you have and finish."
)
STOP_WORDS = frozenset(("stop", "quit", "finish", "done"))
EXISTING_WORDS = frozenset(("0", "existing", "already runs", "already running"))


class Stopped(Exception):
    """The person left (Ctrl-C, or standard input ran out) before the end."""


class Session:
    def __init__(
        self,
        source: Terminal | AnswersFile,
        data: Data,
        tree: CommentedMap,
        rubric: Rubric | None,
        examples: Sequence[KeyPath] = (),
        revisit: bool = False,
    ) -> None:
        self.source = source
        self.data = data
        self.tree = tree
        self.rubric = rubric
        self.examples = set(examples)
        self.revisit = revisit
        self.stopping = False
        self.new = False
        """A plan started from nothing (not one already written)."""
        self.asked = 0
        """Questions asked (for a person) or answered from the file."""
        self.stored: set[KeyPath] = set()
        """Keys answered in this session, whose starter examples are taken out."""
        self.problems: list[Problem] = []
        """An answers file's answers that cannot be used."""

    # -- the whole interview --------------------------------------------------------------
    def run(self) -> None:
        say = self.source.say
        if self.source.interactive:
            say(HELP)
        for part in PARTS:
            headed = False
            for question in part.questions:
                if not self._due(question):
                    continue
                if not headed:
                    self._heading(part)
                    headed = True
                self.asked += 1
                self._ask(question)
        if self.problems:
            raise InputError(self.problems)

    def missing(self) -> list[Question]:
        """The questions still to answer (those whose section the plan describes)."""
        return [q for q in QUESTIONS if self._applies(q) and not self._answered(q)]

    def _applies(self, question: Question) -> bool:
        return (
            question.when is None
            or question.when(self.data)
            or get_in(self.data, question.path) is not None
        )

    def _due(self, question: Question) -> bool:
        if isinstance(self.source, AnswersFile):
            return question.key in self.source.answers or (
                question.required and not self._answered(question)
            )
        if not self._applies(question):
            return False
        if self.stopping:
            return question.required and not self._answered(question)
        return self.revisit or not self._answered(question)

    def current(self, question: Question) -> object:
        if question.kind == "paid":
            section = question.path[:-1]
            if get_in(self.data, (*section, "existing")) is True:
                return "existing"
        value = get_in(self.data, question.path)
        if value is None or question.path in self.examples or is_todo(value):
            return None
        return value

    def _answered(self, question: Question) -> bool:
        return self.current(question) is not None and self._problem(question) is None

    def _problem(self, question: Question) -> Refused | None:
        """Why the plan's answer cannot be used, if it cannot."""
        try:
            check(self.data, question, question.path)
        except Refused as refused:
            return refused
        return None

    def _default(self, question: Question, terminal: Terminal) -> str | None:
        """The plan's answer, offered to keep; one that cannot be used is shown with why."""
        current = self.current(question)
        if current is None:
            return None
        problem = self._problem(question)
        if problem is not None:
            terminal.say(
                f"  The plan's answer, {shown(current)}, cannot be used: {problem.message}"
            )
            if problem.hint:
                terminal.say(f"  Hint: {problem.hint}")
            return None
        return shown(current)

    # -- saying -------------------------------------------------------------------------
    def _heading(self, part: Part) -> None:
        say = self.source.say
        say()
        say(f"== {part.title} ==", "bold")
        lever = (
            next((lv for lv in self.rubric.levers if lv.id == part.lever), None)
            if (self.rubric and part.lever)
            else None
        )
        if lever is not None and lever.seed:
            say(f"“{lever.seed}”", "italic")
        say(part.intro)

    def _show(self, question: Question, number: int) -> None:
        say = self.source.say
        say()
        say(f"Question {number} of {len(QUESTIONS)}: {question.ask}", "bold")
        if question.why:
            say(f"  Why: {question.why}")
        for criterion in self._criteria(question):
            quote = f"“{criterion.seed}” " if criterion.seed else ""
            say(f"  {quote}Feeds {criterion.id}: {criterion.title}.", "dim")
        value = get_in(self.data, question.path)
        if value is not None and self.current(question) is None and is_todo(value):
            say(f"  The plan has an example here still to replace: {shown(value)}", "dim")

    def _criteria(self, question: Question) -> list[Any]:
        if self.rubric is None:
            return []
        found = (self.rubric.criterion(c) for c in question.criteria)
        return [c for c in found if c is not None]

    def _explain(self, question: Question) -> None:
        from readiness.reporters.criteria import explain

        criteria = self._criteria(question)
        if not criteria or self.rubric is None:
            self.source.say("This question feeds no criterion: it describes the plan.")
            return
        for criterion in criteria:
            self.source.say(explain(self.rubric, criterion))

    def _menu(self, words: Sequence[str], meanings: dict[str, str], many: bool) -> None:
        say = self.source.say
        for number, word in enumerate(words, 1):
            meaning = meanings.get(word, "")
            say(f"    {number:>2}  {word}" + (f": {meaning}" if meaning else ""))
        say(
            "  Type the numbers or the words, separated by commas."
            if many
            else "  Type the number or the word."
        )

    # -- one question ---------------------------------------------------------------------
    def _ask(self, question: Question) -> None:
        if isinstance(self.source, AnswersFile):
            self._from_file(question, self.source)
            return
        self._show(question, QUESTIONS.index(question) + 1)
        if question.kind == "records":
            self._records(question, self.source)
        elif question.kind == "paid":
            self._paid(question, self.source)
        else:
            self._scalar(question, self.source)

    def _read(self, terminal: Terminal, label: str, question: Question, default: str | None) -> str:
        while True:
            try:
                text = terminal.read(label, default)
            except (EOFError, KeyboardInterrupt):
                raise Stopped from None
            word = text.strip().lower()
            if word == "?":
                self._explain(question)
                continue
            if word in STOP_WORDS:
                if not self.stopping:
                    self.stopping = True
                    terminal.say(
                        "Stopping here: the answers so far will be saved. Only what every "
                        "plan needs is still asked."
                    )
                return ""
            if text.strip() and is_todo(text.strip()):
                terminal.say(f"  “{text.strip()}” is read as not decided yet: nothing is written.")
                return ""
            return text

    def _scalar(self, question: Question, terminal: Terminal) -> None:
        words = words_at(question.path)
        if question.kind in ("choice", "choices") and words:
            self._menu(words, question.meanings, question.kind == "choices")
        elif question.example:
            terminal.say(f"  For example: {question.example}", "dim")
        default = self._default(question, terminal)
        while True:
            text = self._read(terminal, "Your answer", question, default)
            if default is not None and text == default:
                return  # kept as it is
            if not text.strip():
                if question.required and default is None:
                    terminal.say("  Every plan needs this: please answer it.")
                    continue
                return
            try:
                value = parse(question, text, question.path)
                candidate = with_value(self.data, question.path, value)
                check(candidate, question, question.path)
            except Refused as refused:
                self._refused(terminal, refused)
                continue
            self._store(question, question.path, clean(value, question))
            return

    def _refused(self, terminal: Terminal, refused: Refused) -> None:
        terminal.say(f"  Not accepted: {refused.message}", "bold")
        if refused.hint:
            terminal.say(f"  Hint: {refused.hint}")
        terminal.say("  Please answer again.")

    def _store(self, question: Question, path: KeyPath, value: object) -> None:
        place(self.data, path, value)
        self.examples.discard(path)
        self.stored.add(path)
        plan_tree.put(self.tree, path, value, question.note, question.flow)

    # -- a list of items ------------------------------------------------------------------
    def _records(self, question: Question, terminal: Terminal) -> None:
        items = self.current(question)
        kept: list[Any] = list(items) if isinstance(items, list) else []
        if kept:
            terminal.say(f"  The plan has {len(kept)}:")
            for item in kept:
                terminal.say(f"    - {shown(item)}")
            while True:
                word = (
                    self._read(
                        terminal,
                        "Keep them (Enter), add more (add) or start again (again)",
                        question,
                        None,
                    )
                    .strip()
                    .lower()
                )
                if word in ("", "keep", "add", "again"):
                    break
                terminal.say("  Please answer keep, add or again.")
            if word in ("", "keep"):
                return
            if word == "again":
                kept = []
        terminal.say(f"  One {question.item} at a time; press Enter on an empty answer when done.")
        new: list[dict[str, Any]] = []
        while not self.stopping:
            item = self._record(question, terminal, kept, new)
            if item is None:
                break
            new.append(item)
        if not new and not (items and not kept):
            return
        if kept:  # added to the list in the plan, its items and their comments kept
            place(self.data, question.path, [*kept, *new])
            self.stored.add(question.path)
            plan_tree.extend(self.tree, question.path, new, question.flow)
        else:
            self._store(question, question.path, new or None)

    def _record(
        self, question: Question, terminal: Terminal, kept: list[Any], new: list[dict[str, Any]]
    ) -> dict[str, Any] | None:
        index = len(kept) + len(new)
        item: dict[str, Any] = {}
        base = (*question.path, index)
        for number, field in enumerate(question.fields):
            if field.first_only and index > 0:
                continue
            label = f"{question.item.capitalize()} {index + 1}: {field.ask}"
            words = words_at((*question.path, *field.path))
            if field.kind in ("choice", "choices") and words:
                terminal.say(f"  {label}")
                self._menu(words, field.meanings, field.kind == "choices")
                label = "Your answer"
            elif field.example:
                label += f" (for example: {field.example})"
            while True:
                if field.kind == "texts":
                    value: object = self._texts(field, terminal, label)
                    if not value:
                        break
                else:
                    text = self._read(terminal, label, question, None)
                    if self.stopping:
                        return None  # an item half given is not kept
                    if not text.strip():
                        if number == 0:
                            return None
                        if field.required:
                            terminal.say("  Each one needs this: please answer it.")
                            continue
                        break
                    try:
                        value = parse(field, text, (*question.path, *field.path))
                    except Refused as refused:
                        self._refused(terminal, refused)
                        continue
                trial = {**item}
                place(trial, field.path, value)
                candidate = with_value(self.data, question.path, [*kept, *new, trial])
                try:
                    check(candidate, field, (*base, *field.path))
                except Refused as refused:
                    self._refused(terminal, refused)
                    continue
                place(item, field.path, clean(value, field))
                break
        return item

    def _texts(self, field: Question, terminal: Terminal, label: str) -> list[str]:
        terminal.say(f"  {label} One a line; press Enter on an empty line when done.")
        found: list[str] = []
        while True:
            text = self._read(terminal, f"  {len(found) + 1}", field, None).strip()
            if not text:
                return found
            try:
                found.append(str(parse(field, text, ())))
            except Refused as refused:
                self._refused(terminal, refused)

    # -- paid for -------------------------------------------------------------------------
    def _paid(self, question: Question, terminal: Terminal) -> None:
        lines = get_in(self.data, ("budget", "lines"))
        items = [
            str(line["item"]).strip()
            for line in (lines if isinstance(lines, list) else [])
            if isinstance(line, dict) and line.get("item") is not None
        ]
        terminal.say("     0  it already runs as business as usual: this plan does not buy it")
        for number, item in enumerate(items, 1):
            terminal.say(f"    {number:>2}  {item}")
        terminal.say(
            "  Type the numbers of the budget lines that pay for it, separated by commas, or 0."
        )
        default = self._default(question, terminal)
        while True:
            text = self._read(terminal, "Your answer", question, default)
            if default is not None and text == default:
                return
            if not text.strip():
                return
            try:
                value = self._paid_value(text, items)
                self._check_paid(question, value)
            except Refused as refused:
                self._refused(terminal, refused)
                continue
            self._store_paid(question, value)
            return

    def _paid_value(self, text: str, items: list[str]) -> object:
        if text.strip().lower() in EXISTING_WORDS:
            return "existing"
        if text.strip() in items:
            return [text.strip()]
        pieces = [p.strip() for p in text.replace(" ", ",").split(",") if p.strip()]
        if pieces and all(p.isdigit() for p in pieces):
            chosen = []
            for piece in pieces:
                number = int(piece)
                if not 1 <= number <= len(items):
                    raise Refused(
                        f"there is no budget line {number}",
                        f"choose from 1 to {len(items)}, or 0" if items else "answer 0",
                    )
                chosen.append(items[number - 1])
            return list(dict.fromkeys(chosen))  # "1, 1" is one line, named once
        return [text.strip()]

    def _paid_data(self, question: Question, value: object) -> Data:
        section = question.path[:-1]
        data = with_value(self.data, (*section, "existing"), None)
        if value == "existing":
            return with_value(with_value(data, question.path, None), (*section, "existing"), True)
        return with_value(data, question.path, value)

    def _check_paid(self, question: Question, value: object) -> None:
        check(self._paid_data(question, value), question, question.path)

    def _store_paid(self, question: Question, value: object) -> None:
        section = question.path[:-1]
        self.data = self._paid_data(question, value)
        self.stored.update((question.path, (*section, "existing")))
        if value == "existing":
            plan_tree.put(self.tree, question.path, None)
            plan_tree.put(
                self.tree, (*section, "existing"), True, "already runs: not bought by this plan"
            )
        else:
            plan_tree.put(self.tree, (*section, "existing"), None)
            plan_tree.put(self.tree, question.path, value, "the budget lines that pay for it")

    # -- an answers file ------------------------------------------------------------------
    def _from_file(self, question: Question, source: AnswersFile) -> None:
        raw = source.get(question.key)
        if raw is None:
            if question.required and not self._answered(question):
                self.problems.append(
                    source.problem(
                        (),
                        f"the answers give no answer to {question.key}, which every plan needs",
                        f"add '{question.key}:' with the answer",
                    )
                )
            return
        try:
            if question.kind == "records":
                value: object = self._file_records(question, raw)
                check(with_value(self.data, question.path, value), question, question.path)
                self._store(question, question.path, value)
            elif question.kind == "paid":
                value = (
                    "existing"
                    if raw is True or str(raw).strip().lower() in EXISTING_WORDS
                    else ([as_text(v) for v in raw] if isinstance(raw, list) else [as_text(raw)])
                )
                self._check_paid(question, value)
                self._store_paid(question, value)
            else:
                value = self._file_value(question, question.path, raw)
                check(with_value(self.data, question.path, value), question, question.path)
                self._store(question, question.path, clean(value, question))
        except Refused as refused:
            rest = refused.path[len(question.path) :] if refused.path else ()
            self.problems.append(
                source.problem((question.key, *rest), refused.message, refused.hint)
            )

    def _file_value(self, question: Question, path: KeyPath, raw: object) -> object:
        if question.kind == "texts":
            return [as_text(v) for v in raw] if isinstance(raw, list) else [as_text(raw)]
        if question.kind in ("choices", "list") and isinstance(raw, list):
            return parse(question, ", ".join(as_text(v) for v in raw), path)
        if isinstance(raw, dict | list):
            raise Refused(
                f"{question.key} takes one answer, not a list or a set of keys", path=path
            )
        return parse(question, as_text(raw, question.kind == "yesno"), path)

    def _file_records(self, question: Question, raw: object) -> list[Any]:
        if not isinstance(raw, list):
            raise Refused(
                f"{question.key} must be a list of {question.item}s",
                "write one a line, each starting with '- '",
                question.path,
            )
        fields = {f.key.split(".")[0]: f for f in question.fields}
        items: list[Any] = []
        for index, entry in enumerate(raw):
            if not isinstance(entry, dict):
                items.append(entry)
                continue
            item: dict[str, Any] = {}
            for key, value in entry.items():
                nested = [f for f in question.fields if f.key.startswith(f"{key}.")]
                path = (*question.path, index, key)
                if nested and isinstance(value, dict):
                    inner: dict[str, Any] = {}
                    for sub, sub_value in value.items():
                        field = next((f for f in nested if f.path[1:] == (sub,)), None)
                        inner[sub] = (
                            self._file_value(field, (*path, sub), sub_value)
                            if field is not None
                            else sub_value
                        )
                    item[key] = inner
                elif key in fields and value is not None:
                    item[key] = self._file_value(fields[key], path, value)
                else:
                    item[key] = value
            items.append(item)
        check(with_value(self.data, question.path, items), question, question.path)
        return [self._cleaned(question, item) for item in items]

    def _cleaned(self, question: Question, item: object) -> object:
        if not isinstance(item, dict):
            return item
        out: dict[str, Any] = {}
        for key, value in item.items():
            field = next((f for f in question.fields if f.path[0] == key), None)
            if isinstance(value, dict):
                out[key] = {
                    k: clean(v, next((f for f in question.fields if f.path == (key, k)), question))
                    for k, v in value.items()
                }
            else:
                out[key] = clean(value, field) if field is not None else value
        return out

    # -- the end --------------------------------------------------------------------------
    def report_name(self) -> str | None:
        """The board report's file name, from an answers file (a person is asked later)."""
        if isinstance(self.source, AnswersFile):
            name = self.source.get(REPORT_KEY)
            return None if name is None else as_text(name)
        return None
