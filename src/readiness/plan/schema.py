r"""The plan format's JSON Schema, for editors and schema checkers (``readiness schema``).

Point an editor at the plan schema with a first line such as
``# yaml-language-server: $schema=./plan.schema.json`` after
``readiness schema > plan.schema.json``, for completion and inline errors while writing.

The schema is generated when asked for, from ``plan/models.py``: a field's type gives its rules
(each value type of ``plan/types.py`` and ``plan/vocabulary.py`` once, in ``$defs``) and the
docstring under the field its description. It enforces every rule about one value that
readiness enforces, as far as JSON Schema can say it; rules across fields (``end`` not before
``start``, unique wave names, waivers naming criteria) are left to ``readiness validate``, as
docs/plan-format.md lists them. Where the two still differ:

- JSON Schema's integers include 3.0; readiness refuses a whole number written with a decimal
  point (``practitioners: 3.0``, ``readiness: 1.0``);
- readiness refuses a number tagged ``!!float`` in a text field (text keeps numbers only as
  written); to the schema it is a number, which text fields take;
- Python's ``\d`` reads other scripts' digits too (Arabic-Indic, say) in dates, percentages and
  timepoints; the patterns take ASCII digits only;
- readiness reads a percentage or timepoint written as text into a float before comparing it,
  so any excess past the 16th significant digit (``"100.00000000000000001%"``) is rounded away;
  the patterns compare the digits as written;
- ``\s`` is Python's whitespace (what ``str.strip`` removes) to Python checkers, and ECMA-262's
  to editors: they differ in U+001C-U+001F and U+0085, which the loader refuses anywhere in a
  plan, and U+FEFF, which a plan can hold only from a "\uFEFF" escape.

Over 200 lines: the walk over the models, each value type's schema and the patterns that say
a value type's rules are one generator, which only ``readiness schema`` imports.
"""

from __future__ import annotations

import ast
import calendar
import inspect
import types
from collections.abc import Callable, Iterable
from functools import cache, partial
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from readiness.plan import types as value_types
from readiness.plan import vocabulary
from readiness.plan.types import (
    BASELINE,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_TIMEPOINT_MONTHS,
    TIMEPOINT_UNITS,
    _number,
    _percent,
    _text,
    _timepoint,
    lower_word,
    parse_date,
    person,
    timepoint_months,
)
from readiness.plan.vocabulary import any_case, word_pattern

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]


def plan_schema() -> Schema:
    from readiness.plan import models

    walk = _Walk(_field_docs(models))
    root = walk.model(models.Plan)
    root["properties"]["readiness"]["enum"] = list(models.SUPPORTED_VERSIONS)
    return {
        "$schema": DRAFT,
        "$id": "https://readiness.invalid/schema/plan-1.json",
        "title": "readiness commissioning plan, format version 1",
        **root,
        "description": "A plan for commissioning trauma-informed practice: what is bought, "
        "for whom, and what makes it stick. Checked by `readiness audit`.",
        "$defs": dict(sorted(walk.defs.items())),
    }


def _field_docs(module: types.ModuleType) -> dict[tuple[str, str], str]:
    """The docstring under each field, by (class, field). They are read from the source: a
    bare string after an assignment costs nothing at import, and Python does not keep it."""
    docs = {}
    for node in ast.parse(inspect.getsource(module)).body:
        if isinstance(node, ast.ClassDef):
            for field, doc in zip(node.body, node.body[1:], strict=False):
                if (
                    isinstance(field, ast.AnnAssign)
                    and isinstance(field.target, ast.Name)
                    and isinstance(doc, ast.Expr)
                    and isinstance(doc.value, ast.Constant)
                    and isinstance(doc.value.value, str)
                ):
                    docs[node.name, field.target.id] = inspect.cleandoc(doc.value.value)
    return docs


class _Walk:
    """Models to JSON Schema: each model and each named value type once in ``$defs``."""

    def __init__(self, docs: dict[tuple[str, str], str]) -> None:
        self.docs = docs
        self.defs: dict[str, Schema] = {}
        self.abouts: dict[str, str] = {}
        self.names = {
            id(value): name
            for module in (value_types, vocabulary)
            for name, value in vars(module).items()
            if get_origin(value) is Annotated
        }

    def model(self, model: type[BaseModel]) -> Schema:
        hints = get_type_hints(model, include_extras=True)
        properties: dict[str, Schema] = {}
        for name, field in model.model_fields.items():
            value, about = self.type(hints[name])
            owner = next(k.__name__ for k in model.__mro__ if (k.__name__, name) in self.docs)
            key = field.alias or name
            properties[key] = {**value, "description": f"{self.docs[owner, name]} {about}".strip()}
            if not field.is_required() and field.default is not None:
                properties[key]["default"] = field.default
        schema: Schema = {"type": "object", "properties": properties}
        required = [
            field.alias or name for name, field in model.model_fields.items() if field.is_required()
        ]
        if required:
            schema["required"] = required
        if "__doc__" in vars(model) and model.__doc__:  # its own docstring, not its base's
            schema["description"] = inspect.cleandoc(model.__doc__)
        return {**schema, "additionalProperties": False}

    def type(self, hint: Any) -> tuple[Schema, str]:
        """A type's JSON Schema, and a sentence on how to write it for the field's description."""
        origin, args = get_origin(hint), get_args(hint)
        if origin in (Union, types.UnionType):
            (inner,) = [arg for arg in args if arg is not type(None)]
            schema, about = self.type(inner)
            return {"anyOf": [schema, {"type": "null"}]}, about
        if origin is list:
            schema, about = self.type(args[0])
            return {"type": "array", "items": schema}, _each("A list", about)
        if origin is dict:
            schema, about = self.type(args[1])
            return {"type": "object", "additionalProperties": schema}, _each(
                "Keys you choose", about
            )
        if isinstance(hint, type) and issubclass(hint, BaseModel):
            return self.define(hint.__name__, lambda: (self.model(hint), ""))
        if hint is bool:
            return {"type": "boolean"}, "true or false."
        if hint is int:
            return {"type": "integer"}, ""
        if origin is Annotated and any(
            isinstance(m, BeforeValidator) and m.func is person for m in hint.__metadata__
        ):
            # a person: a name alone, or {name, role}
            text, _ = self.type(value_types.Text)
            model, _ = self.type(args[0])
            return {"anyOf": [text, model]}, "A name, or a section with name and role."
        if origin is Annotated:
            make = partial(_value_schema, args[0], hint.__metadata__)
            name = self.names.get(id(hint))  # a named value type, such as Count or Frequency
            return self.define(name, make) if name else make()
        raise TypeError(f"the plan schema has no rule for {hint!r}")

    def define(self, name: str, make: Callable[[], tuple[Schema, str]]) -> tuple[Schema, str]:
        """A reference to ``$defs``, made the first time, and how to write the value."""
        if name not in self.defs:
            self.defs[name] = {}  # taken before it is made: a model may contain itself
            self.defs[name], self.abouts[name] = make()
        return {"$ref": f"#/$defs/{name}"}, self.abouts.get(name, "")


def _each(what: str, about: str) -> str:
    return f"{what}; each: {about[0].lower()}{about[1:]}" if about else ""


# -- the value types ----------------------------------------------------------------------
def _value_schema(base: Any, metadata: Iterable[Any]) -> tuple[Schema, str]:
    """The JSON Schema of a value type of ``plan/types.py`` or ``plan/vocabulary.py``, known by
    its validator, and a sentence on how to write it."""
    checks = {item.func for item in metadata if isinstance(item, BeforeValidator)}
    if _text in checks:
        # a number, true or false in a text field is kept as written; patterns only test text
        text = "Text, not empty or only spaces; a number, true or false is kept as written."
        return {"description": text, "type": ["string", "number", "boolean"], "pattern": r"\S"}, ""
    if parse_date in checks:
        about = "A date, 2027-02-01, or a month, 2027-02 (its first day), "
        about += f"in the years {FIRST_YEAR} to {LAST_YEAR}."
        return {"description": about, "type": "string", "pattern": _date_pattern()}, about
    if _timepoint in checks:
        about = f"{BASELINE}, or a time after the start up to {MAX_TIMEPOINT_MONTHS // 12} years, "
        about += "such as 6 weeks, 3 months or 1.5 years (case is ignored)."
        return {"description": about, "type": "string", "pattern": _timepoint_pattern()}, about
    if lower_word in checks:
        words = list(get_args(base))
        about = f"One of: {', '.join(words)} (case is ignored)."
        # the enum is for completion in editors; the pattern has the rule
        choices = [{"enum": words}, {"type": "string", "pattern": word_pattern(words)}]
        return {"description": about, "anyOf": choices}, about
    low, high = _bounds(metadata)
    number = _number_schema(base, low, high)
    if _percent in checks:
        about = f'A percentage from {low} to {high}: 85, 85.5 or "85%".'
        written = {"type": "string", "pattern": rf"^\s*{_decimal(low, high)}\s*%\s*$"}
        return {"description": about, "anyOf": [number, written]}, about
    if _number in checks:
        about = f"{'A whole number' if base is int else 'A number'} from {low:,} to {high:,}."
        return {"description": about, **number}, about
    raise TypeError(f"the plan schema has no rule for {base!r} with {metadata!r}")


def _bounds(metadata: Iterable[Any]) -> tuple[int, int]:
    """The bounds of a number type: its ``Field(ge=..., le=...)``."""
    items = [x for m in metadata for x in (m.metadata if isinstance(m, FieldInfo) else [m])]
    low = next(item.ge for item in items if hasattr(item, "ge"))
    high = next(item.le for item in items if hasattr(item, "le"))
    return low, high


def _number_schema(base: Any, low: int, high: int) -> Schema:
    schema: Schema = {"type": "integer" if base is int else "number"}
    schema.update(minimum=low, maximum=high)
    if base is float:
        # NaN (YAML's .nan) passes every bound, each comparison with it being false; as no number
        # is both at least 1 and at most -1, this refuses NaN and nothing else
        schema["not"] = {"minimum": 1, "maximum": -1}
    return schema


# -- patterns, the same in ECMA-262 and Python ---------------------------------------------
def _date_pattern() -> str:
    """What ``parse_date`` takes: years FIRST_YEAR to LAST_YEAR, then a month and maybe a day
    that exist, of one or two digits. ``format: date`` cannot take ``2027-02`` or ``2027-2-1``,
    so the pattern is generated from the calendar: February 29th only in leap years."""
    years: dict[bool, list[str]] = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        years.setdefault(calendar.isleap(year), []).append(str(year))
    dates = []
    for same in years.values():  # common years, then leap years
        lengths = [calendar.monthrange(int(same[0]), month)[1] for month in range(1, 13)]
        month_days = [
            f"{m}-{d}" if day else m  # day 0: the month alone
            for month, length in enumerate(lengths, 1)
            for day in range(length + 1)
            for m in _digits(month)
            for d in _digits(day)
        ]
        dates.append(f"{_one_of(same)}-{_one_of(month_days)}")
    return rf"^\s*(?:{'|'.join(dates)})\s*$"


def _digits(number: int) -> set[str]:
    """How ``\\d{1,2}`` may write a month or a day: 7 or 07."""
    return {str(number), f"{number:02d}"}


def _timepoint_pattern() -> str:
    """What ``_timepoint`` takes: baseline, or a number above 0 and a unit, up to
    MAX_TIMEPOINT_MONTHS, each in any case."""
    times = []
    for unit in TIMEPOINT_UNITS:
        limit = round(MAX_TIMEPOINT_MONTHS / timepoint_months(f"1 {unit}"))
        if timepoint_months(f"{limit} {unit}s") != MAX_TIMEPOINT_MONTHS:
            raise ValueError(f"the longest timepoint in {unit}s is not a whole number")
        times.append(rf"{_decimal(0, limit, above=True)}\s*{any_case(unit + 's')}?")
    return rf"^\s*(?:{any_case(BASELINE)}|{'|'.join(times)})\s*$"


def _decimal(low: int, high: int, above: bool = False) -> str:
    """Numbers written as ``\\d+(\\.\\d+)?``, from 0 (or, with ``above``, more than 0) to
    ``high``, leading zeros allowed, as ``float`` reads them."""
    if low != 0:
        raise ValueError("decimal patterns start at 0")
    below = _one_of(str(n) for n in range(1 if above else 0, high))
    numbers = [rf"0*{below}(?:\.[0-9]+)?", rf"0*{high}(?:\.0+)?"]
    if above:
        numbers.append(r"0+\.0*[1-9][0-9]*")
    return f"(?:{'|'.join(numbers)})"


def _one_of(strings: Iterable[str]) -> str:
    """A pattern for exactly these strings of digits and dashes, as a tree of first characters:
    characters leading to the same rest share a class, as ten digits share [0-9]."""
    return _tree(tuple(sorted(set(strings))))


@cache  # the same rests recur: the days of every 31-day month, say
def _tree(strings: tuple[str, ...]) -> str:
    rests: dict[str, list[str]] = {}
    for string in strings:
        rests.setdefault(string[:1], []).append(string[1:])
    optional = rests.pop("", None) is not None
    if not rests:
        return ""
    heads: dict[str, list[str]] = {}
    for head, rest in rests.items():
        heads.setdefault(_tree(tuple(rest)), []).append(head)
    branches = [_class(chars) + rest for rest, chars in heads.items()]
    alone = len(branches) == 1 and ("" in heads or not optional)  # needs no group
    body = branches[0] if alone else f"(?:{'|'.join(branches)})"
    return body + "?" if optional else body


def _class(chars: list[str]) -> str:
    """One character, or a class of them with runs of digits as ranges: [0-9], [13578]. The
    characters are digits and the dash of a date, which need no escape in or out of a class."""
    if not set(chars) <= set("0123456789-"):
        raise ValueError(f"no pattern for {chars!r}")
    if len(chars) == 1:
        return chars[0]
    runs: list[list[str]] = []
    for char in sorted(chars):
        if runs and ord(char) == ord(runs[-1][-1]) + 1:
            runs[-1].append(char)
        else:
            runs.append([char])
    return "[" + "".join(f"{r[0]}-{r[-1]}" if len(r) > 2 else "".join(r) for r in runs) + "]"
