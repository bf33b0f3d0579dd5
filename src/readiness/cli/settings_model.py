"""The settings file's format, as a pydantic model (imported only when there is a file)."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from readiness.load.source import MAX_SIZE_MB
from readiness.outcomes import Band
from readiness.plan.types import Text


class ConfigModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    rubric: Text | None = None
    min_band: Band | None = None
    fail_under: Annotated[float, Field(ge=0, le=100)] | None = None
    exclude: list[Text] = []
    max_size_mb: Annotated[float, Field(gt=0, le=MAX_SIZE_MB)] | None = None
