"""Local rubrics that ``extends: default``: change what an organisation needs, keep the rest.

The local file is merged into the default rubric's data before validation, so the merged
rubric is checked exactly like a whole one, and every problem points into the local file:

- ``criteria``: an existing criterion takes the local file's keys over its own (``params``
  key by key, so only the thresholds being changed are written); ``enabled: false`` drops
  it; a new ID adds a criterion built from an existing check.
- ``levers``, ``bands``, ``packages``, ``unit_costs``, ``eric`` and ``waivers``: key by key.
  ``phrases`` and ``instruments``: added to the
  default's lists. ``negation``: its word lists are added to, its ``reach`` replaced.
- ``id``, ``version``, ``title``, ``source``: the local rubric's own when given.
"""

from __future__ import annotations

from typing import Any

from readiness.errors import InputError, Problem
from readiness.load.document import Document
from readiness.wording import suggest

BASES = ("default",)


def merge(local: Document, base: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The base rubric's data with the local file's laid over it, and any problems."""
    data = local.data if isinstance(local.data, dict) else {}
    merged: dict[str, Any] = dict(base)
    merged["id"] = f"{base.get('id')}-local"
    problems: list[Problem] = []
    for key, value in data.items():
        if key == "extends":
            continue
        if key == "criteria":
            merged[key], found = _criteria(local, base.get(key) or {}, value)
            problems.extend(found)
        elif key in ("levers", "bands", "packages", "unit_costs", "eric", "waivers") and isinstance(
            value, dict
        ):
            merged[key] = _by_key(base.get(key) or {}, value)
        elif key in ("phrases",) and isinstance(value, dict):
            groups = dict(base.get(key) or {})
            for group, items in value.items():
                groups[group] = _listed(groups.get(group), items)
            merged[key] = groups
        elif key == "instruments":
            merged[key] = _listed(base.get(key), value)
        elif key == "negation" and isinstance(value, dict):
            merged[key] = _negation(base.get(key) or {}, value)
        else:
            merged[key] = value
    return merged, problems


def check_extends(doc: Document) -> str | None:
    """The base a rubric file names, or None; ``InputError`` for an unknown one."""
    data = doc.data if isinstance(doc.data, dict) else {}
    base = data.get("extends")
    if base is None:
        return None
    if base not in BASES:
        raise InputError(
            [
                doc.problem(
                    f"a rubric can extend {', '.join(BASES)}, not {base!r}",
                    doc.nearest(("extends",))[1],
                    "write 'extends: default'",
                )
            ]
        )
    return str(base)


def _by_key(base: dict[str, Any], local: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in local.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def _listed(base: Any, local: Any) -> Any:
    if isinstance(base, list) and isinstance(local, list):
        return [*base, *local]
    return local


def _negation(base: dict[str, Any], local: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in local.items():
        out[key] = _listed(base.get(key), value) if key in ("words", "connecting") else value
    return out


def _criteria(local: Document, base: dict[str, Any], overrides: Any) -> tuple[Any, list[Problem]]:
    if not isinstance(overrides, dict):
        return overrides, []  # validation reports the wrong type
    merged = dict(base)
    problems: list[Problem] = []
    for cid, entry in overrides.items():
        where = local.keys.get(("criteria", cid)) or local.nearest(("criteria", cid))[1]
        if cid not in base:
            if isinstance(entry, dict) and "check" not in entry:
                guess = suggest(str(cid), list(base))
                message = f"{cid} is not a criterion of the default rubric"
                message += f" (did you mean '{guess}'?)" if guess else ""
                problems.append(
                    local.problem(
                        message,
                        where,
                        "a new criterion needs its own lever, title, rationale, check, "
                        "params and remediation",
                    )
                )
                continue
            merged[cid] = entry
            continue
        if not isinstance(entry, dict):
            merged[cid] = entry
            continue
        current = base[cid]
        if "check" in entry and entry["check"] != current.get("check"):
            problems.append(
                local.problem(
                    f"{cid} cannot change its check; add a criterion with a new ID instead",
                    local.nearest(("criteria", cid, "check"))[1],
                )
            )
            entry = {k: v for k, v in entry.items() if k != "check"}
        params = entry.get("params")
        combined = {**current, **entry}
        if isinstance(params, dict) and isinstance(current.get("params"), dict):
            combined["params"] = {**current["params"], **params}
        merged[cid] = combined
    return merged, problems
