"""Load a rubric file: validate it like a plan, bind each criterion to its check and params."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from readiness.checks import REGISTRY
from readiness.checks.base import Context, Instrument, Negation, Phrase
from readiness.errors import InputError, Problem
from readiness.loader import Document, load_yaml
from readiness.rubric.files import DEFAULT, default_rubric_text
from readiness.rubric.models import RubricModel
from readiness.rubric.rubric import Bands, Criterion, Lever, Rubric
from readiness.source import read_text
from readiness.validate import problems_from_errors, suggest, validate_document


def load_rubric(path: Path | None = None, display: str | None = None) -> Rubric:
    """The default rubric (``path`` None) or a rubric file; ``InputError`` if it is invalid."""
    if path is None:
        doc = load_yaml(default_rubric_text(), "<default rubric>")
        origin = DEFAULT
    else:
        shown = display or str(path)
        doc = load_yaml(read_text(path, shown), shown)
        origin = shown
    return build_rubric(doc, origin)


def build_rubric(doc: Document, origin: str) -> Rubric:
    data = doc.data
    if not isinstance(data, dict):
        raise InputError([doc.problem("a rubric file must be a set of keys", doc.nearest(())[1])])
    # params are validated by each check's own model, so take them out of the structure first.
    raw_params: dict[str, object] = {}
    structure = dict(data)
    criteria = data.get("criteria")
    if isinstance(criteria, dict):
        stripped: dict[str, object] = {}
        for cid, entry in criteria.items():
            if isinstance(entry, dict):
                raw_params[cid] = entry.get("params", {})
                entry = {k: v for k, v in entry.items() if k != "params"}
            stripped[cid] = entry
        structure["criteria"] = stripped
    model = validate_document(doc, RubricModel, structure, what="the rubric")
    return _bind(doc, model, raw_params, origin)


def _bind(doc: Document, model: RubricModel, raw_params: dict[str, object], origin: str) -> Rubric:
    problems: list[Problem] = []
    criteria: list[Criterion] = []
    for cid, entry in model.criteria.items():
        where = ("criteria", cid)
        if entry.lever not in model.levers:
            guess = suggest(entry.lever, list(model.levers))
            problems.append(
                _problem(doc, (*where, "lever"), f"unknown lever '{entry.lever}'", guess)
            )
        check = REGISTRY.get(entry.check)
        if check is None:
            guess = suggest(entry.check, list(REGISTRY))
            problems.append(
                _problem(doc, (*where, "check"), f"unknown check '{entry.check}'", guess)
            )
            continue
        try:
            params = check.params.model_validate(raw_params.get(cid) or {})
        except ValidationError as exc:
            errors = exc.errors(include_input=False, include_url=False)
            problems.extend(problems_from_errors(doc, check.params, errors, (*where, "params")))
            continue
        for group in getattr(params, "groups", ()):
            if group not in model.phrases:
                problems.append(
                    _problem(
                        doc,
                        (*where, "params", "groups"),
                        f"unknown phrase list '{group}'",
                        suggest(group, list(model.phrases)),
                    )
                )
        if entry.enabled:
            criteria.append(_criterion(cid, entry, check, params))
    if problems:
        raise InputError(problems)
    return Rubric(
        id=model.id,
        version=model.version,
        title=model.title,
        source=model.source,
        bands=Bands(**model.bands.model_dump()),
        levers=tuple(
            Lever(lid, lv.title, lv.weight, lv.scored, lv.seed, lv.summary)
            for lid, lv in model.levers.items()
        ),
        criteria=tuple(criteria),
        context=Context(
            phrases={
                group: tuple(Phrase(p.phrase, p.reframe) for p in items)
                for group, items in model.phrases.items()
            },
            instruments=tuple(
                Instrument(i.name, i.full_name, i.focus, tuple(i.aliases))
                for i in model.instruments
            ),
            negation=Negation(
                words=tuple(tuple(w.lower().split()) for w in model.negation.words),
                connecting=frozenset(w.lower() for w in model.negation.connecting),
                reach=model.negation.reach,
            ),
        ),
        sha256=_digest(model, criteria),
        origin=origin,
    )


def _criterion(cid: str, entry: Any, check: Any, params: Any) -> Criterion:
    refs = {k: tuple(v) for k, v in entry.refs.model_dump().items() if v}
    return Criterion(
        id=cid,
        lever=entry.lever,
        title=entry.title,
        seed=entry.seed,
        rationale=entry.rationale,
        check=check,
        params=params,
        weight=entry.weight,
        caps_band=entry.caps_band,
        remediation=entry.remediation,
        refs=refs,
    )


def _problem(doc: Document, path: tuple[str, ...], message: str, guess: str | None) -> Problem:
    if guess:
        message += f" (did you mean '{guess}'?)"
    return doc.problem(message, doc.nearest(path)[1])


def _digest(model: RubricModel, criteria: list[Criterion]) -> str:
    """A hash of the rubric's resolved content: two reports compare only if theirs match."""
    content = model.model_dump(mode="json", exclude={"criteria"})
    content["criteria"] = {
        c.id: {
            "lever": c.lever,
            "title": c.title,
            "check": c.check.name,
            "params": c.params.model_dump(mode="json"),
            "weight": c.weight,
            "caps_band": c.caps_band,
            "remediation": c.remediation,
        }
        for c in criteria
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
