"""The plan format's shared value types: text, date, frequency, percent, money, timepoint.

Each type is a pydantic ``Annotated`` type whose validator says, in plain English, what was
wrong and how to write it. Validators raise ``PydanticCustomError`` with a ``hint`` in its
context; ``readiness.load.validate`` turns those into located problems. ``readiness schema``
says the same rules in JSON Schema (``plan/schema.py`` knows each type by its validator), and
tests/plan/test_schema.py checks that the two agree.

Over 200 lines: one short validator per value type of the format.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from readiness.load.scalars import YamlFloat, YamlInt, shown

FREQUENCY_PER_YEAR: dict[str, float] = {
    "weekly": 52.0,
    "fortnightly": 26.0,
    "monthly": 12.0,
    "six-weekly": 52 / 6,
    "bi-monthly": 6.0,
    "quarterly": 4.0,
    "termly": 3.0,
    "six-monthly": 2.0,
    "yearly": 1.0,
    "once": 0.0,
    "none": 0.0,
}
"""How many times a year each frequency word means; ``once`` is a one-off, not a cycle."""


def _err(kind: str, message: str, hint: str = "") -> PydanticCustomError:
    return PydanticCustomError(kind, message, {"hint": hint} if hint else None)


# -- text ---------------------------------------------------------------------------------
def _text(value: object) -> object:
    if isinstance(value, YamlInt | YamlFloat):
        value = value.raw
    elif value is True or value is False:
        value = "true" if value else "false"
    if isinstance(value, str):
        if not value.strip():
            raise _err("empty_text", "is empty", "write something here, or remove the key")
        return value
    raise _err("text", f"must be text, not {shown(value)}")


Text = Annotated[str, BeforeValidator(_text)]


def person(value: object) -> object:
    """A person written as a name alone is {name: ...} with no role; a role is never assumed."""
    if isinstance(value, dict):
        return value
    return {"name": _text(value)}


# -- numbers ------------------------------------------------------------------------------
def _number(value: object) -> object:
    if isinstance(value, str) and re.fullmatch(r"\s*[£$€]?\s*[\d,]+(\.\d+)?\s*", value):
        raise _err(
            "number_text",
            f"must be a number, not the text {shown(value)}",
            "write the number alone, without quotes, commas or a currency sign",
        )
    if value is True or value is False:
        raise _err("number_bool", f"must be a number, not {shown(value)}")
    return value


MAX_COUNT = 10_000_000
MAX_AMOUNT = 1_000_000_000_000

Count = Annotated[int, BeforeValidator(_number), Field(ge=0, le=MAX_COUNT)]
"""A whole number, zero or more."""
PositiveCount = Annotated[int, BeforeValidator(_number), Field(ge=1, le=MAX_COUNT)]
Amount = Annotated[float, BeforeValidator(_number), Field(ge=0, le=MAX_COUNT, allow_inf_nan=False)]
"""A number (whole or not), zero or more."""
Money = Annotated[float, BeforeValidator(_number), Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]
"""A sum of money, zero or more; the currency is ``budget.currency``."""


def _percent(value: object) -> object:
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%\s*", value)
        if not match:
            raise _err(
                "percent",
                f'must be a percentage such as 85 or "85%", not {shown(value)}',
            )
        return float(match.group(1))
    return _number(value)


Percent = Annotated[
    float,
    BeforeValidator(_percent),
    Field(ge=0, le=100, allow_inf_nan=False),
]


# -- dates --------------------------------------------------------------------------------
_DATE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
FIRST_YEAR, LAST_YEAR = 1900, 2200


def parse_date(value: object) -> date:
    if isinstance(value, date):
        return value
    hint = "write dates as 2027-02-01, or 2027-02 for a month (meaning its first day)"
    if not isinstance(value, str):
        raise _err("date", f"must be a date, not {shown(value)}", hint)
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise _err("date", f"{shown(value)} is not a date", hint)
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _err(
            "date",
            f"{shown(value)} is not a date a plan can use",
            f"use years {FIRST_YEAR} to {LAST_YEAR}",
        )
    if not 1 <= month <= 12:
        raise _err("date", f"{shown(value)} is not a date: there is no month {month}", hint)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise _err(
            "date",
            f"{shown(value)} is not a date: {calendar.month_name[month]} {year} has {last} days",
            hint,
        )
    return date(year, month, day)


PlanDate = Annotated[date, BeforeValidator(parse_date)]


# -- vocabulary ---------------------------------------------------------------------------
def lower_word(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


Frequency = Annotated[
    Literal[
        "weekly",
        "fortnightly",
        "monthly",
        "six-weekly",
        "bi-monthly",
        "quarterly",
        "termly",
        "six-monthly",
        "yearly",
        "once",
        "none",
    ],
    BeforeValidator(lower_word),
]


def per_year(frequency: str | None) -> float:
    return FREQUENCY_PER_YEAR[frequency] if frequency else 0.0


# -- timepoints ---------------------------------------------------------------------------
BASELINE = "baseline"
TIMEPOINT_UNITS = ("week", "month", "year")
_TIMEPOINT = re.compile(rf"(\d+(?:\.\d+)?)\s*({'|'.join(TIMEPOINT_UNITS)})s?")
MAX_TIMEPOINT_MONTHS = 600


def _timepoint(value: object) -> object:
    hint = "write baseline, or a time after the start such as '3 months', '12 months', '2 years'"
    if not isinstance(value, str):
        raise _err("timepoint", f"must be a timepoint, not {shown(value)}", hint)
    text = value.strip().lower()
    if text == BASELINE:
        return text
    match = _TIMEPOINT.fullmatch(text)
    if not match or float(match.group(1)) <= 0:
        raise _err("timepoint", f"{shown(value)} is not a timepoint", hint)
    if timepoint_months(f"{match.group(1)} {match.group(2)}") > MAX_TIMEPOINT_MONTHS:
        raise _err("timepoint", f"{shown(value)} is more than 50 years after the start", hint)
    number, unit = match.group(1), match.group(2)
    return f"{number} {unit}" + ("" if number == "1" else "s")


Timepoint = Annotated[str, BeforeValidator(_timepoint)]


def timepoint_months(timepoint: str) -> float:
    """Months after the start that a timepoint means (baseline is 0)."""
    if timepoint == BASELINE:
        return 0.0
    number, unit = timepoint.split()
    factor = {"week": 12 / 52, "month": 1.0, "year": 12.0}[unit.removesuffix("s")]
    return float(number) * factor


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later (or earlier), or that month's last day if it is shorter."""
    month0 = start.month - 1 + months
    year, month = start.year + month0 // 12, month0 % 12 + 1
    day = start.day
    if day > 28:  # only the last days of a month can fall past the end of a shorter one
        last = 29 if month == 2 and calendar.isleap(year) else _DAYS_IN_MONTH[month - 1]
        day = min(day, last)
    return date(year, month, day)
