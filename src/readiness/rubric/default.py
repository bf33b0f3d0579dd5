"""The shipped rubric, as cheaply as it can be had: kept bound in the user cache.

It is fixed at install time and the test suite validates it (and checks that the bound
result equals the validated one), so validating it on every run would only cost start-up
time. On a cache hit nothing here reads the rubric file or imports its models.
"""

from __future__ import annotations

from readiness.cache import cached
from readiness.rubric.rubric import Rubric


def _bind() -> Rubric:
    from readiness.rubric.load import bind_default_rubric

    return bind_default_rubric()


def default_rubric() -> Rubric:
    return cached("default-rubric", _bind)
