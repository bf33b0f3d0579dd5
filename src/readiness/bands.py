"""Band names, worst first. Kept free of heavy imports: the command line's help uses them."""

from __future__ import annotations

from typing import Literal

Band = Literal["training-only", "at-risk", "developing", "ready"]
BANDS: tuple[Band, ...] = ("training-only", "at-risk", "developing", "ready")
