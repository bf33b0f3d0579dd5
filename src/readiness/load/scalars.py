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
_WORDS: dict[str, object] = {
    **dict.fromkeys(_NULLS),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
}
"""The plain scalars that are null or a boolean, and what they mean: one lookup for all."""
_NOT_A_WORD = object()
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")
_NUMBER = re.compile(
    "|".join(
        f"(?P<{name}>{pattern.pattern})"
        for name, pattern in (
            ("int", _INT),
            ("hex", _HEX),
            ("oct", _OCT),
            ("float", _FLOAT),
            ("inf", _INF),
            ("nan", _NAN),
        )
    )
)
"""The number patterns above in one, tried in that order: the first that matches names the
kind (``lastgroup``), so a scalar costs one match instead of up to six."""


class YamlInt(int):
    """An integer written as a plain scalar; ``raw`` keeps how it was written (``007``)."""

    raw: str


class YamlFloat(float):
    """A float written as a plain scalar; ``raw`` keeps how it was written (``1.50``)."""

    raw: str


def resolve_plain(raw: str) -> object:
    """Resolve an untagged plain scalar by YAML 1.2's core schema."""
    # runs for every value of every plan that starts like a number, a null or a boolean, so
    # the commonest cases come first and cost least: a whole number, and words and dates
    if raw in _WORDS:
        return _WORDS[raw]
    if raw[0] not in _NUMBER_START or len(raw) > MAX_DIGITS:
        return raw
    value: YamlInt | YamlFloat
    if raw.isdigit() and raw.isascii():  # the commonest number, without a pattern
        value = YamlInt(raw)
    elif " " in raw or ("-" in raw[1:] and "e" not in raw and "E" not in raw):
        # no number has a space, or a minus but first or in an exponent: so not durations
        # ("12 months") or dates ("2027-01-01"), which cost the pattern the most to refuse
        return raw
    else:
        found = _NUMBER.match(raw)
        if found is None:
            return raw
        kind = found.lastgroup
        if kind == "int":
            value = YamlInt(raw)
        elif kind == "hex":
            value = YamlInt(raw[2:], 16)
        elif kind == "oct":
            value = YamlInt(raw[2:], 8)
        elif kind == "float":
            value = YamlFloat(raw)
        elif kind == "inf":
            value = YamlFloat("-inf" if raw[0] == "-" else "inf")
        else:
            value = YamlFloat("nan")
    value.raw = raw
    return value


MAX_DIGITS = 60
"""Longer runs of digits stay text: no count or sum in a plan needs them, and Python refuses
to read integers of more than a few thousand digits."""


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
