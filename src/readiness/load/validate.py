"""Validate a positioned document against a pydantic model, with located, plain errors.

pydantic's own messages name Python types ("Input should be a valid integer"); here each
error is rewritten for a person editing the file, pointed at the key or value it is about,
and given a "did you mean" where a close match exists. Errors are read with
``errors(include_input=False)``: formatting a ``ValidationError`` walks the input, which
must never happen on hostile data.

Just over 200 lines: pydantic's errors rewritten one kind at a time.
"""

from __future__ import annotations

import re
import types
from collections.abc import Sequence
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from readiness.errors import MAX_PROBLEMS, InputError, Problem
from readiness.load.document import Document
from readiness.load.scalars import shown
from readiness.outcomes import KeyPath
from readiness.wording import label, short, suggest

M = TypeVar("M", bound=BaseModel)


def validate_document(
    doc: Document,
    model: type[M],
    data: object | None = None,
    what: str = "the plan",
    earlier: Sequence[Problem] = (),
) -> M:
    """Validate ``doc.data`` (or ``data``, a part of it) as ``model``; raise ``InputError``.

    ``earlier`` problems (the loader's: duplicate keys, refused tags) are reported with
    these, in the order of the file, so one run shows every problem in it.
    """
    try:
        instance = model.model_validate(doc.data if data is None else data)
    except ValidationError as exc:
        errors = exc.errors(include_input=False, include_url=False)
        raise InputError(
            ordered([*earlier, *problems_from_errors(doc, model, errors, what=what)])
        ) from None
    if earlier:
        raise InputError(ordered(list(earlier)))
    return instance


def ordered(problems: list[Problem]) -> list[Problem]:
    """Problems in the order of the file, at most ``MAX_PROBLEMS``."""
    return sorted(problems, key=lambda p: (p.line, p.column))[:MAX_PROBLEMS]


def problems_from_errors(
    doc: Document,
    model: type[BaseModel],
    errors: list[Any],
    prefix: KeyPath = (),
    what: str = "the plan",
) -> list[Problem]:
    problems = [_problem(doc, model, error, prefix, what) for error in errors[:MAX_PROBLEMS]]
    problems.sort(key=lambda p: (p.line, p.column))
    return problems


def _problem(
    doc: Document, model: type[BaseModel], error: Any, prefix: KeyPath, what: str
) -> Problem:
    ctx = error.get("ctx") or {}
    loc = tuple(p for p in error["loc"] if isinstance(p, int) or not p.startswith("function-"))
    loc = loc + tuple(ctx.get("at", ()))
    path = prefix + loc
    kind = error["type"]
    value = value_at(doc.data, path)
    where = label(path) or what
    name = str(next((p for p in reversed(path) if isinstance(p, str)), where))
    hint = str(ctx.get("hint", ""))
    if kind == "missing":
        parent = path[:-1]
        span = doc.key_or_value(parent) if parent else doc.nearest(())[1]
        message = f"missing required key '{name}'" + (f" in {label(parent)}" if parent else "")
        return doc.problem(message, span, hint or f"add '{name}:' with its value")
    if kind == "extra_forbidden":
        return _unknown_key(doc, model, path, len(prefix))
    span = doc.nearest(path)[1]
    if value is None and path and doc.nearest(path)[0] == path:
        return doc.problem(
            f"{where} has no value", span, "write its value after the ':', or remove the key"
        )
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        guess = suggest(str(value), allowed) if isinstance(value, str) else None
        message = f"{shown(value)} is not a recognised value for {name}"
        if guess:
            message += f" (did you mean '{guess}'?)"
        return doc.problem(message, span, "use one of: " + ", ".join(allowed))
    message, default_hint = _type_message(kind, where, value, ctx, error["msg"])
    return doc.problem(message, span, hint or default_hint)


def _type_message(
    kind: str, where: str, value: object, ctx: dict[str, Any], msg: str
) -> tuple[str, str]:
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{where} must be a whole number, not {shown(value)}", ""
    if kind in ("float_type", "float_parsing"):
        return f"{where} must be a number, not {shown(value)}", ""
    if kind in ("bool_type", "bool_parsing"):
        return (
            f"{where} must be true or false, not {shown(value)}",
            "write true or false; words such as yes, no and on are read as text",
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return (
            f"{where} must be a section with its own keys, not {shown(value)}",
            "put its keys on the lines below it, indented by two spaces",
        )
    if kind == "list_type":
        return (
            f"{where} must be a list, not {shown(value)}",
            "write it as [first, second] or as lines starting with '- '",
        )
    if kind == "string_type":
        return f"{where} must be text, not {shown(value)}", ""
    if kind == "greater_than_equal":
        return f"{where} must be at least {ctx.get('ge')}, not {shown(value)}", ""
    if kind == "less_than_equal":
        return f"{where} must be at most {ctx.get('le')}, not {shown(value)}", ""
    if kind in ("greater_than", "less_than"):
        word = "more" if kind == "greater_than" else "less"
        return f"{where} must be {word} than {ctx.get('gt', ctx.get('lt'))}", ""
    if msg.startswith(("must ", "is ")):
        return f"{where} {msg}", ""
    return f"{where}: {msg}", ""


def _unknown_key(doc: Document, model: type[BaseModel], path: KeyPath, skip: int) -> Problem:
    parent, key = path[:-1], str(path[-1])
    allowed = list(_fields_at(model, parent[skip:]))
    where = f"in {label(parent)}" if parent else "at the top of the file"
    message = f"unknown key '{short(key)}' {where}"
    guess = suggest(key, allowed)
    if guess:
        message += f" (did you mean '{guess}'?)"
        hint = ""
    elif key == "<<":
        hint = "merge keys (<<) are not supported: write the keys out in full"
    elif split := _split_value(doc.data, path):
        hint = split
    else:
        hint = "keys allowed here: " + ", ".join(allowed) if allowed else ""
    return doc.problem(message, doc.key_or_value(path), hint)


def _split_value(data: object, path: KeyPath) -> str:
    """A hint when an unknown key is the rest of a value a comma split: in ``{about: a, b}``
    the comma ends the value ``a`` and ``b`` becomes a key with no value."""
    parent = value_at(data, path[:-1])
    key = path[-1]
    if not isinstance(parent, dict) or parent.get(key) is not None or " " not in str(key).strip():
        return ""
    keys = list(parent)
    at = keys.index(key) if key in keys else 0
    if at == 0 or not isinstance(parent[keys[at - 1]], str):
        return ""
    before = keys[at - 1]
    value = f"{parent[before]}, {key}"
    return f'a comma inside {{...}} ends a value: quote the value: {before}: "{short(value)}"'


def value_at(data: object, path: KeyPath) -> object:
    """The value at a key path in parsed data; None where the path leads nowhere."""
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def known_key(model: type[BaseModel], path: KeyPath) -> bool:
    """Whether ``path`` names a field of ``model`` (through nested sections)."""
    return bool(path) and path[-1] in _fields_at(model, path[:-1])


def _fields_at(model: type[BaseModel], path: KeyPath) -> tuple[str, ...]:
    """The keys the model allows at ``path`` (empty when it is not a model there)."""
    target: Any = model
    for part in path:
        target = unwrap(target)
        if isinstance(target, type) and issubclass(target, BaseModel):
            fields = field_keys(target)
            if not isinstance(part, str) or part not in fields:
                return ()
            target = target.model_fields[fields[part]].annotation
        elif get_origin(target) in (list, dict):
            target = get_args(target)[-1]
        else:
            return ()
    target = unwrap(target)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return tuple(field_keys(target))
    return ()


def field_keys(model: type[BaseModel]) -> dict[str, str]:
    """The keys a model takes, as written in a file, to its field names (``with`` is the key of
    the field ``with_``)."""
    return {field.alias or name: name for name, field in model.model_fields.items()}


def unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``X | None`` down to the type that matters."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation
