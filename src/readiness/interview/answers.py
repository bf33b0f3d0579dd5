"""Answers checked as ``readiness validate`` checks a plan: the same models, the same messages.

An answer is put into the plan so far at its key, the whole plan is validated with the real
``Plan`` model, and only the problems at that key (and any key it is checked against, such as
the end date against the start) are kept, worded by ``readiness.load.validate`` as for a file.
Budget lines named by ``funded_by`` are checked as the loader checks them.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from readiness.errors import Problem
from readiness.interview.questions import Question
from readiness.load.document import Document
from readiness.load.scalars import YamlFloat, YamlInt, resolve_plain
from readiness.load.validate import field_keys, problems_from_errors, unwrap, value_at
from readiness.outcomes import KeyPath
from readiness.plan.funding import funding_problems
from readiness.plan.models import Plan
from readiness.plan.types import lower_word, parse_date

Data = dict[str, Any]
CROSS_CHECKS = frozenset(("end_before_start",))
"""Problems at another key that an answer causes (an end before the new start)."""
YES = frozenset(("yes", "y", "true"))
NO = frozenset(("no", "n", "false"))


class Refused(Exception):
    """An answer that cannot be used, with the reason and a hint, as ``validate`` words it."""

    def __init__(self, message: str, hint: str = "", path: KeyPath = ()) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path
        """Where in the plan the problem is (inside a list of items, which item)."""


# -- the model, walked by key path ---------------------------------------------------------
def _target(path: KeyPath) -> Any:
    target: Any = Plan
    for part in path:
        target = unwrap(target)
        if get_origin(target) is list:
            target = unwrap(get_args(target)[0])
            if isinstance(part, int):
                continue
        if isinstance(part, int):
            return None
        if not (isinstance(target, type) and issubclass(target, BaseModel)):
            return None
        fields = field_keys(target)
        if part not in fields:
            return None
        target = target.model_fields[fields[part]].annotation
    return unwrap(target)


def words_at(path: KeyPath) -> tuple[str, ...]:
    """The words the format allows at ``path`` (a choice, or the items of a list of words)."""
    target = _target(path)
    if get_origin(target) is list:
        target = unwrap(get_args(target)[0])
    return tuple(get_args(target)) if get_origin(target) is Literal else ()


def keys_at(path: KeyPath) -> tuple[str, ...]:
    """The keys a section takes, in the format's order ('' for no section there)."""
    target = _target(path)
    if get_origin(target) is list:
        target = unwrap(get_args(target)[0])
    if isinstance(target, type) and issubclass(target, BaseModel):
        return tuple(field_keys(target))
    return ()


# -- reading and placing answers -----------------------------------------------------------
get_in = value_at
"""The value at a key path of the plan so far (None where it leads nowhere)."""


def with_value(data: Data, path: KeyPath, value: object) -> Data:
    """A copy of ``data`` with ``value`` at ``path`` (sections made as needed; None removes)."""
    out = copy.deepcopy(data)
    place(out, path, value)
    return out


def place(data: Data, path: KeyPath, value: object) -> None:
    node: Any = data
    for part in path[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    if value is None:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value


def parse(question: Question, text: str, path: KeyPath) -> object:
    """A typed answer as the plan file would hold it; ``Refused`` for a yes/no or menu slip."""
    text = text.strip()
    bad = next((c for c in text if _control(c)), None)
    if bad is not None:
        raise Refused(
            f"the answer holds a control character (U+{ord(bad):04X}), which a plan cannot hold",
            "type the answer again without it",
        )
    kind = question.kind
    if kind in ("count", "number", "percent"):
        value = resolve_plain(text)
        return text if value is None else value
    if kind == "yesno":
        word = text.lower()
        if word in YES:
            return True
        if word in NO:
            return False
        raise Refused(f"'{text}' is not an answer to a yes-or-no question", "answer yes or no")
    if kind == "choice":
        return _word(text, words_at(path))
    if kind in ("choices", "list"):
        words = words_at(path)
        return [_word(piece.strip(), words) for piece in text.split(",") if piece.strip()]
    return text


def _control(char: str) -> bool:
    """Characters a plan file refuses: control characters and those YAML reads as breaks."""
    import unicodedata

    return char != "\t" and (
        unicodedata.category(char) == "Cc" or char in "\u0085\u2028\u2029\ufeff"
    )


def _word(text: str, words: tuple[str, ...]) -> str:
    if words and text.isdigit():
        number = int(text)
        if not 1 <= number <= len(words):
            raise Refused(
                f"there is no choice {number}", f"choose a number from 1 to {len(words)}, or a word"
            )
        return words[number - 1]
    return text


def clean(value: object, question: Question) -> object:
    """A checked answer as it is written to the plan: numbers as numbers, dates as dates,
    words in lower case."""
    if isinstance(value, YamlInt):
        return int(value)
    if isinstance(value, YamlFloat):
        return float(value)
    if isinstance(value, list):
        items = [clean(v, question) for v in value]
        if question.kind in ("choices", "list") and all(isinstance(i, str) for i in items):
            return list(dict.fromkeys(items))  # "1, 1" or "Workshop, workshop": written once
        return items
    if isinstance(value, dict):
        return value
    if question.kind == "date" and isinstance(value, str):
        return parse_date(value)
    if question.kind in ("choice", "choices", "list") and isinstance(value, str):
        word = lower_word(value)
        return word if isinstance(word, str) else value
    return value


# -- checking ------------------------------------------------------------------------------
def error_path(error: Any) -> KeyPath:
    """Where a pydantic error is in the plan, as ``readiness.load.validate`` locates it."""
    ctx = error.get("ctx") or {}
    loc = tuple(p for p in error["loc"] if isinstance(p, int) or not p.startswith("function-"))
    return loc + tuple(ctx.get("at", ()))


def under(path: KeyPath, prefix: KeyPath) -> bool:
    return path[: len(prefix)] == prefix


def plan_errors(data: Data) -> list[Any]:
    try:
        Plan.model_validate(data)
    except ValidationError as exc:
        return list(exc.errors(include_input=False, include_url=False))
    return []


def problems_at(
    data: Data, paths: Sequence[KeyPath], also: Sequence[KeyPath] = ()
) -> list[Problem]:
    """The problems ``readiness validate`` would report at ``paths`` (and below them), and
    at ``also`` (keys checked against the answer), except that those are missing."""
    errors = [
        e
        for e in plan_errors(data)
        if any(under(error_path(e), p) for p in paths)
        or (e["type"] in CROSS_CHECKS and any(under(error_path(e), p) for p in also))
    ]
    return problems_from_errors(Document("", "", data), Plan, errors)


def paid_problems(data: Data, section: KeyPath) -> list[Problem]:
    """The loader's ``funded_by`` checks, for one section."""
    only: Data = {}
    if isinstance(data.get("budget"), dict):
        only["budget"] = data["budget"]
    funded = get_in(data, (*section, "funded_by"))
    if funded is not None:
        place(only, (*section, "funded_by"), funded)
    return funding_problems(Document("", "", only))


def check(data: Data, question: Question, path: KeyPath) -> None:
    """``Refused`` with ``validate``'s first message if the plan has a problem at ``path``."""
    paths = [path]
    if question.kind == "paid":
        paths.append((*path[:-1], "existing"))
    also = [("plan", "end")] if path == ("plan", "start") else []  # checked against the start
    problems = problems_at(data, paths, also)
    if not problems and question.kind == "paid":
        problems = paid_problems(data, path[:-1])
    if problems:
        raise Refused(problems[0].message, problems[0].hint, path)


def shown(value: object) -> str:
    """An answer as the interview shows it back."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, YamlInt | YamlFloat):
        return value.raw
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{shown(v)}" for v in value.values() if not isinstance(v, dict | list))
    return str(value)
