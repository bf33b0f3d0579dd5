"""Building models from data already known to be valid, without pydantic validation.

The shipped rubric is fixed at install time and validated by the test suite; binding it this
way saves building some forty validators on every run. ``plain`` turns models back into
plain data without pydantic's serializers, for hashing and display.
"""

from __future__ import annotations

from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel

from readiness.validate import unwrap

M = TypeVar("M", bound=BaseModel)


def trusted(model: type[M], data: dict[str, Any]) -> M:
    """``model`` built from valid ``data`` (nested models built too, whole numbers made float
    where the model asks for a float), defaults filled in, nothing validated."""
    values = {
        name: _value(field.annotation, data[name])
        for name, field in model.model_fields.items()
        if name in data
    }
    return model.model_construct(**values)


def _value(annotation: Any, value: Any) -> Any:
    target = unwrap(annotation)
    if isinstance(target, type) and issubclass(target, BaseModel) and isinstance(value, dict):
        return trusted(target, value)
    origin = get_origin(target)
    if origin is list and isinstance(value, list):
        return [_value(get_args(target)[0], v) for v in value]
    if origin is dict and isinstance(value, dict):
        return {k: _value(get_args(target)[1], v) for k, v in value.items()}
    if target is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def plain(value: Any) -> Any:
    """Models as dicts of their fields, recursively; whole floats as ints (stable hashing)."""
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
