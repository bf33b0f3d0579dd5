"""Waivers must name criteria of the rubric in use, each at most once."""

from __future__ import annotations

from readiness.errors import InputError, Problem
from readiness.loader import Document
from readiness.plan.models import Plan
from readiness.validate import suggest


def check_waivers(doc: Document, plan: Plan, known: set[str]) -> None:
    """Every waiver must name a criterion of the rubric, once. ``InputError`` otherwise."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, waiver in enumerate(plan.waivers or ()):
        path = ("waivers", index, "criterion")
        span = doc.nearest(path)[1]
        if waiver.criterion not in known:
            guess = suggest(waiver.criterion, sorted(known))
            message = (
                f"the waiver names '{waiver.criterion}', which is not a criterion of the rubric"
            )
            if guess:
                message += f" (did you mean '{guess}'?)"
            problems.append(
                doc.problem(message, span, "readiness rubric list shows every criterion")
            )
        elif waiver.criterion in seen:
            problems.append(
                doc.problem(
                    f"{waiver.criterion} is waived twice (waivers {seen[waiver.criterion] + 1} "
                    f"and {index + 1})",
                    span,
                    "keep one waiver for each criterion",
                )
            )
        seen.setdefault(waiver.criterion, index)
    if problems:
        raise InputError(problems)
