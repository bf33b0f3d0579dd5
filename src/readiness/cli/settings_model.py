"""The settings file's format, as a pydantic model (imported only when there is a file)."""

import math
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from readiness.load.source import MAX_SIZE_MB
from readiness.outcomes import Band
from readiness.plan.types import Text

_SIZE_HINT = "the largest plan file to read, in MB (the default is 10)"


def _size(value: float) -> float:
    """``max_size_mb``: more than 0 and at most ``MAX_SIZE_MB`` (100), as ``--max-size``."""
    if math.isnan(value) or value <= 0:
        raise PydanticCustomError(
            "size", f"must be more than 0, not {value:g}", {"hint": _SIZE_HINT}
        )
    if value > MAX_SIZE_MB:
        raise PydanticCustomError(
            "size", f"must be at most {MAX_SIZE_MB:g}, not {value:g}", {"hint": _SIZE_HINT}
        )
    return value


class ConfigModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    rubric: Text | None = None
    min_band: Band | None = None
    fail_under: Annotated[float, Field(ge=0, le=100)] | None = None
    exclude: list[Text] = []
    max_size_mb: Annotated[float, AfterValidator(_size)] | None = None
