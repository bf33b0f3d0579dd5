"""Waivers must name criteria of the rubric in use, each at most once.

Checked on the loaded data, not the validated plan, so these problems are reported in the
same run as every other problem in the file.
"""

from __future__ import annotations

from readiness.errors import MAX_PROBLEMS, Problem
from readiness.load.document import Document
from readiness.load.scalars import YamlFloat, YamlInt
from readiness.wording import short, suggest


def waiver_problems(doc: Document, known: set[str]) -> list[Problem]:
    data = doc.data if isinstance(doc.data, dict) else {}
    waivers = data.get("waivers")
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, waiver in enumerate(waivers if isinstance(waivers, list) else ()):
        raw = waiver.get("criterion") if isinstance(waiver, dict) else None
        if isinstance(raw, YamlInt | YamlFloat):
            raw = raw.raw  # a criterion written as a number is still checked
        if not isinstance(raw, str):
            continue  # validation reports a missing or ill-typed criterion
        if len(problems) >= MAX_PROBLEMS:
            break
        criterion = raw.strip().upper()
        span = doc.nearest(("waivers", index, "criterion"))[1]
        if criterion not in known:
            guess = suggest(criterion, sorted(known))
            message = f"the waiver names '{short(raw)}', which is not a criterion of the rubric"
            if guess:
                message += f" (did you mean '{guess}'?)"
            problems.append(doc.problem(message, span, "a waiver names a criterion by its ID"))
        elif criterion in seen:
            problems.append(
                doc.problem(
                    f"{criterion} is waived twice (waivers {seen[criterion] + 1} and {index + 1})",
                    span,
                    "keep one waiver for each criterion",
                )
            )
        seen.setdefault(criterion, index)
    return problems
