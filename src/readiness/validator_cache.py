"""The plan models' validator, built once and kept in the user cache (see ``readiness.cache``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from readiness.cache import cached

_READY: set[type[BaseModel]] = set()


def ensure_validator(model: type[BaseModel]) -> None:
    """Give ``model`` its validator from the cache, or build it and keep it for next time."""
    if model in _READY or getattr(model, "__pydantic_complete__", False):
        return
    _READY.add(model)

    def build() -> Any:
        model.model_rebuild()
        return model.__pydantic_validator__

    model.__pydantic_validator__ = cached(f"{model.__name__.lower()}-validator", build)
