"""The checks a rubric criterion can name, one module per lever, each a pure function
``(plan, params, context) -> Finding``.

Entry point: ``REGISTRY``, every check by name. The modules that hold checks are listed here
explicitly, in lever order; a new check module is added to ``MODULES``.
"""

from readiness.checks import (
    fidelity,
    foundations,
    generic,
    language,
    line_managers,
    managers,
    measures,
    rollout,
    standards,
)
from readiness.checks.base import REGISTRY, Check, Context

MODULES = (
    rollout,
    managers,
    standards,
    measures,
    line_managers,
    fidelity,
    foundations,
    language,
    generic,
)
"""Every module of checks; importing them registers their checks in ``REGISTRY``."""

__all__ = ["MODULES", "REGISTRY", "Check", "Context"]
