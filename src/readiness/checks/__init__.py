"""The check registry: every check a rubric criterion can name, by name.

Importing this package registers every check module's functions in ``REGISTRY``.
"""

from readiness.checks import (  # noqa: F401  (imported to register their checks)
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
from readiness.checks.base import REGISTRY, Check, Context, Finding, Hit, Outcome

__all__ = ["REGISTRY", "Check", "Context", "Finding", "Hit", "Outcome"]
