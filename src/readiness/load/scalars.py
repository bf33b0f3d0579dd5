"""Plain YAML scalars resolved by YAML 1.2's core schema, not PyYAML's YAML 1.1 rules.

Only ``true``/``false`` (in three spellings) are booleans, so ``yes``, ``NO`` and ``on`` stay
text; ``012345`` is a decimal number and ``1:30`` is text. Numbers remember how they were
written, so a text field can take ``007`` as written.
"""

from __future__ import annotations

import re

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")


class YamlInt(int):
    """An integer written as a plain scalar; ``raw`` keeps how it was written (``007``)."""

    raw: str


class YamlFloat(float):
    """A float written as a plain scalar; ``raw`` keeps how it was written (``1.50``)."""

    raw: str


def resolve_plain(raw: str) -> object:
    """Resolve an untagged plain scalar by YAML 1.2's core schema."""
    if raw in _NULLS:
        return None
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    if raw[0] in "0123456789+-.":
        number = _number(raw)
        if number is not None:
            return number
    return raw


MAX_DIGITS = 60
"""Longer runs of digits stay text: no count or sum in a plan needs them, and Python refuses
to read integers of more than a few thousand digits."""


def _number(raw: str) -> object:
    value: YamlInt | YamlFloat
    if len(raw) > MAX_DIGITS:
        return None
    if _INT.match(raw):
        value = YamlInt(raw)
    elif _HEX.match(raw):
        value = YamlInt(raw[2:], 16)
    elif _OCT.match(raw):
        value = YamlInt(raw[2:], 8)
    elif _FLOAT.match(raw):
        value = YamlFloat(raw)
    elif _INF.match(raw):
        value = YamlFloat("-inf" if raw[0] == "-" else "inf")
    elif _NAN.match(raw):
        value = YamlFloat("nan")
    else:
        return None
    value.raw = raw
    return value


def shown(value: object) -> str:
    """A short, plain description of a value for an error message."""
    if value is None:
        return "nothing"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, YamlInt | YamlFloat):
        return value.raw
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, dict):
        return "a section of keys"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__
