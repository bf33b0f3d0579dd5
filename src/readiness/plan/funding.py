"""Support that is paid for: ``funded_by`` names budget lines by their item.

Checked on the loaded data, like waivers, so these problems are reported in the same run as
every other problem in the file. The checks read the same rules through ``funding_lines``.
"""

from __future__ import annotations

from readiness.errors import MAX_PROBLEMS, Problem
from readiness.load.document import Document
from readiness.load.scalars import YamlFloat, YamlInt
from readiness.wording import short, suggest

SUPPORT_SECTIONS: tuple[tuple[str, ...], ...] = (
    ("standards", "supervision"),
    ("standards", "coaching"),
    ("standards", "cpd"),
    ("line_managers", "coaching"),
    ("line_managers", "reflective_practice"),
    ("line_managers", "wellbeing"),
    ("fidelity",),
    ("managers", "protected_time"),
)
"""Every section that may say how it is paid for (``funded_by`` or ``existing``)."""


def item_key(item: str) -> str:
    """A budget line's item as ``funded_by`` matches it: case and surrounding spaces ignored."""
    return " ".join(item.split()).casefold()


def _text(value: object) -> str | None:
    if isinstance(value, YamlInt | YamlFloat):
        return value.raw
    return value if isinstance(value, str) else None


def _at(data: object, path: tuple[str, ...]) -> object:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def funding_problems(doc: Document) -> list[Problem]:
    """Every ``funded_by`` entry must name exactly one budget line."""
    data = doc.data if isinstance(doc.data, dict) else {}
    lines = _at(data, ("budget", "lines"))
    items: dict[str, list[int]] = {}
    names: list[str] = []
    for index, line in enumerate(lines if isinstance(lines, list) else ()):
        item = _text(line.get("item")) if isinstance(line, dict) else None
        if item is not None and item.strip():
            items.setdefault(item_key(item), []).append(index)
            names.append(item.strip())
    problems: list[Problem] = []
    for section in SUPPORT_SECTIONS:
        funded = _at(data, (*section, "funded_by"))
        for i, entry in enumerate(funded if isinstance(funded, list) else ()):
            name = _text(entry)
            if name is None or not name.strip() or len(problems) >= MAX_PROBLEMS:
                continue  # validation reports text that is not text
            span = doc.nearest((*section, "funded_by", i))[1]
            found = items.get(item_key(name), [])
            if not found:
                message = f"funded_by names '{short(name)}', which is not an item of budget.lines"
                guess = suggest(name, names)
                if guess:
                    message += f" (did you mean '{guess}'?)"
                hint = "name a budget line by its item, or add the line to budget.lines"
                problems.append(doc.problem(message, span, hint))
            elif len(found) > 1:
                shown = " and ".join(str(n + 1) for n in found[:2])
                problems.append(
                    doc.problem(
                        f"funded_by names '{short(name)}', which is the item of more than one "
                        f"budget line (lines {shown})",
                        span,
                        "give each budget line that funded_by names its own item",
                    )
                )
    return problems
