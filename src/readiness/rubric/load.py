"""Load a rubric file: validate it like a plan, bind each criterion to its check and params.

Over 200 lines: validation, binding each criterion to its check and params, and the checks
across criteria run as one pass so every problem is reported in one run.
"""

from __future__ import annotations

import hashlib
import json
import string
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from readiness.checks import REGISTRY
from readiness.checks.base import Check, Context, Instrument, Negation, Params, Phrase, UnitCost
from readiness.errors import InputError, Problem
from readiness.load.document import Document
from readiness.load.parse import load_yaml
from readiness.load.source import read_text
from readiness.load.validate import ordered, problems_from_errors, validate_document
from readiness.rubric.extend import check_extends, merge
from readiness.rubric.files import DEFAULT, default_document
from readiness.rubric.models import CriterionModel, RubricModel
from readiness.rubric.rubric import Bands, Criterion, Lever, Package, PackageCost, Rubric
from readiness.wording import suggest


@lru_cache(maxsize=1)
def default_rubric() -> Rubric:
    """The shipped rubric, validated like any rubric file; built once per run."""
    return build_rubric(*default_document(), DEFAULT)


def load_rubric(path: Path | None = None, display: str | None = None) -> Rubric:
    """The default rubric (``path`` None) or a rubric file; ``InputError`` if it is invalid."""
    if path is None:
        return default_rubric()
    shown = display or path.as_posix()
    return parse_rubric(read_text(path, shown), shown)


def parse_rubric(text: str, display: str) -> Rubric:
    """A rubric file's text, merged into the default first when it ``extends: default``."""
    doc, problems = load_yaml(text, display)
    if check_extends(doc) is None:
        return build_rubric(doc, problems, display)
    base = default_document().doc
    merged, merge_problems = merge(doc, base.data if isinstance(base.data, dict) else {})
    return build_rubric(doc.with_data(merged), [*problems, *merge_problems], display)


def build_rubric(doc: Document, earlier: Sequence[Problem], origin: str) -> Rubric:
    """Validate a rubric's data and bind its criteria; every problem is reported in one run,
    with the ``earlier`` ones the loader or the merge found."""
    data = doc.data
    if not isinstance(data, dict):
        raise InputError([doc.problem("a rubric file must be a set of keys", doc.nearest(())[1])])
    structure, raw_params = _split_params(data)
    problems: list[Problem] = []
    try:
        model = validate_document(doc, RubricModel, structure, what="the rubric", earlier=earlier)
    except InputError as exc:
        problems.extend(exc.problems)
        model = None
    params = _bind_params(doc, structure.get("criteria"), raw_params, problems)
    if model is not None:
        _cross_check(doc, model, params, problems)
    if problems or model is None:
        raise InputError(ordered(problems))
    return _rubric(model, params, origin)


def _split_params(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The rubric without each criterion's params, and the params by criterion ID.

    Params are validated by each check's own model, not by the rubric's.
    """
    structure = dict(data)
    raw_params: dict[str, Any] = {}
    criteria = data.get("criteria")
    if isinstance(criteria, dict):
        stripped: dict[str, Any] = {}
        for cid, entry in criteria.items():
            if isinstance(entry, dict):
                raw_params[cid] = entry.get("params") or {}
                entry = {k: v for k, v in entry.items() if k != "params"}
            stripped[cid] = entry
        structure["criteria"] = stripped
    return structure, raw_params


def _bind_params(
    doc: Document, criteria: Any, raw_params: dict[str, Any], problems: list[Problem]
) -> dict[str, tuple[Check[Any], Params]]:
    """Each criterion's check and validated params, by criterion ID."""
    bound: dict[str, tuple[Check[Any], Params]] = {}
    for cid, entry in (criteria or {}).items() if isinstance(criteria, dict) else ():
        name = entry.get("check") if isinstance(entry, dict) else None
        if not isinstance(name, str):
            continue  # structure validation reports it
        check = REGISTRY.get(name)
        if check is None:
            path = ("criteria", cid, "check")
            problems.append(
                _problem(doc, path, f"unknown check '{name}'", suggest(name, list(REGISTRY)))
            )
            continue
        try:
            bound[cid] = (check, check.params.model_validate(raw_params.get(cid) or {}))
        except ValidationError as exc:
            errors = exc.errors(include_input=False, include_url=False)
            where = ("criteria", cid, "params")
            problems.extend(problems_from_errors(doc, check.params, errors, where, "the rubric"))
    return bound


def _cross_check(
    doc: Document,
    model: RubricModel,
    bound: dict[str, tuple[Check[Any], Params]],
    problems: list[Problem],
) -> None:
    """Levers, phrase lists and judged texts that criteria name must exist."""
    path: tuple[str, ...]
    for pid, package in model.packages.items():
        for name in package.eric:
            if name not in model.eric:
                path = ("packages", pid, "eric")
                guess = suggest(name, list(model.eric))
                problems.append(_problem(doc, path, f"'{name}' is not in the eric glossary", guess))
        if package.cost.unit not in model.unit_costs:
            path = ("packages", pid, "cost", "unit")
            guess = suggest(package.cost.unit, list(model.unit_costs))
            message = f"unknown unit cost '{package.cost.unit}'"
            problems.append(_problem(doc, path, message, guess))
    for cid, entry in model.criteria.items():
        if entry.package is not None and entry.package not in model.packages:
            path = ("criteria", cid, "package")
            guess = suggest(entry.package, list(model.packages))
            problems.append(_problem(doc, path, f"unknown package '{entry.package}'", guess))
        if entry.lever not in model.levers:
            guess = suggest(entry.lever, list(model.levers))
            path = ("criteria", cid, "lever")
            problems.append(_problem(doc, path, f"unknown lever '{entry.lever}'", guess))
        params = bound[cid][1] if cid in bound else None
        for group in getattr(params, "groups", ()):
            if group not in model.phrases:
                path = ("criteria", cid, "params", "groups")
                guess = suggest(group, list(model.phrases))
                problems.append(_problem(doc, path, f"unknown phrase list '{group}'", guess))
        if entry.judged and params is not None:
            unknown = set(template_fields(entry.judged)) - set(type(params).model_fields)
            for name in sorted(unknown):
                path = ("criteria", cid, "judged")
                message = f"the judged text names '{{{name}}}', which is not a param of {cid}"
                problems.append(_problem(doc, path, message, None))


def _rubric(model: RubricModel, bound: dict[str, tuple[Check[Any], Params]], origin: str) -> Rubric:
    criteria = [
        _criterion(cid, entry, *bound[cid])
        for cid, entry in model.criteria.items()
        if entry.enabled
    ]
    return Rubric(
        id=model.id,
        version=model.version,
        title=model.title,
        source=model.source,
        bands=Bands(**plain(model.bands)),
        waiver_max_months=model.waivers.max_months,
        levers=tuple(
            Lever(lid, lv.title, lv.weight, lv.scored, lv.seed, lv.summary)
            for lid, lv in model.levers.items()
        ),
        criteria=tuple(criteria),
        disabled=tuple(cid for cid, entry in model.criteria.items() if not entry.enabled),
        context=_context(model),
        packages=tuple(
            Package(
                pid,
                pk.title,
                pk.description,
                pk.when,
                pk.owner,
                tuple((name, model.eric.get(name, "")) for name in pk.eric),
                PackageCost(pk.cost.people, pk.cost.hours, pk.cost.unit, pk.cost.basis),
            )
            for pid, pk in model.packages.items()
        ),
        sha256=_digest(model, criteria),
        origin=origin,
    )


def _context(model: RubricModel) -> Context:
    return Context(
        phrases={
            group: tuple(Phrase(p.phrase, p.reframe) for p in items)
            for group, items in model.phrases.items()
        },
        instruments=tuple(
            Instrument(i.name, i.full_name, i.focus, tuple(i.aliases), i.source)
            for i in model.instruments
        ),
        negation=Negation(
            words=tuple(tuple(w.lower().split()) for w in model.negation.words),
            connecting=frozenset(w.lower() for w in model.negation.connecting),
            reach=model.negation.reach,
        ),
        unit_costs={
            key: UnitCost(c.amount, c.what, c.price_year, c.source)
            for key, c in model.unit_costs.items()
        },
    )


def template_fields(text: str) -> list[str]:
    """The ``{name}`` fields of a judged text."""
    return [field for _, field, _, _ in string.Formatter().parse(text) if field]


def _criterion(cid: str, entry: CriterionModel, check: Check[Any], params: Params) -> Criterion:
    refs = {k: tuple(v) for k, v in plain(entry.refs).items() if v}
    return Criterion(
        id=cid,
        lever=entry.lever,
        title=entry.title,
        seed=entry.seed,
        rationale=entry.rationale,
        judged=entry.judged,
        check=check,
        params=params,
        weight=entry.weight,
        caps_band=entry.caps_band,
        remediation=entry.remediation,
        refs=refs,
        package=entry.package,
    )


def _problem(doc: Document, path: tuple[str, ...], message: str, guess: str | None) -> Problem:
    if guess:
        message += f" (did you mean '{guess}'?)"
    return doc.problem(message, doc.nearest(path)[1])


def plain(value: Any) -> Any:
    """Models as dicts of their fields, recursively; whole floats as ints (stable hashing)."""
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _digest(model: RubricModel, criteria: list[Criterion]) -> str:
    """A hash of the rubric's resolved content: two reports compare only if theirs match."""
    content = plain(model)
    content["criteria"] = {
        c.id: {
            "lever": c.lever,
            "title": c.title,
            "check": c.check.name,
            "params": plain(c.params),
            "weight": c.weight,
            "caps_band": c.caps_band,
            "remediation": c.remediation,
            "package": c.package,
        }
        for c in criteria
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
