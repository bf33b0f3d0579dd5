"""Judge a plan against a rubric: run each criterion's check, apply waivers, locate findings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from readiness.audit.result import CriterionResult, Location, PhraseHit, WaiverNote
from readiness.checks.language import locate_phrases
from readiness.load.document import Document
from readiness.outcomes import Finding, Hit, KeyPath, Outcome
from readiness.plan.models import Plan, Waiver
from readiness.plan.types import add_months
from readiness.rubric.rubric import Criterion, Rubric
from readiness.wording import label


def judge(
    doc: Document,
    plan: Plan,
    rubric: Rubric,
    as_of: date,
    where: bool = True,
    ignore_waivers: bool = False,
) -> list[CriterionResult]:
    """Every criterion's result; with ``where`` false, without locations (for a summary)."""
    waivers = {w.criterion: (i, w) for i, w in enumerate(plan.waivers or ())}
    latest = add_months(as_of, rubric.waiver_max_months)
    rules = _Rules(as_of, latest, rubric.waiver_max_months, ignore_waivers)
    results = []
    for criterion in rubric.criteria:
        finding = criterion.check.run(plan, criterion.params, rubric.context)
        waived = waivers.get(criterion.id)
        results.append(_result(doc if where else None, criterion, finding, waived, rules))
    return results


class _Rules(NamedTuple):
    as_of: date
    latest: date
    max_months: int
    ignore: bool


def _honoured(waiver: Waiver, rules: _Rules) -> str:
    """Why a waiver is not honoured, or '' when it is."""
    if rules.ignore:
        return "this run ignores waivers: --ignore-waivers"
    if waiver.until < rules.as_of:
        return f"the waiver expired on {waiver.until.isoformat()}"
    if waiver.until > rules.latest:
        return (
            f"the waiver runs to {waiver.until.isoformat()}, more than "
            f"{rules.max_months} months after this audit, so it is not honoured"
        )
    return ""


def _result(
    doc: Document | None,
    criterion: Criterion,
    finding: Finding,
    waived: tuple[int, Waiver] | None,
    rules: _Rules,
) -> CriterionResult:
    locations: tuple[Location, ...] = ()
    hits: tuple[PhraseHit, ...] = ()
    if doc is not None:
        locations = tuple(locate(doc, path) for path in dict.fromkeys(finding.paths))
        if not locations:
            locations = (locate(doc, ()),)
        hits = _located(doc, finding.hits)
        if hits:  # the phrases themselves are the places to look
            locations = tuple(dict.fromkeys(hit.location for hit in hits))
    outcome, reason, note, found = finding.outcome, finding.reason, None, None
    if waived is not None:
        index, waiver = waived
        expired = waiver.until < rules.as_of
        why_not = _honoured(waiver, rules)
        place = locate(doc, ("waivers", index)) if doc is not None else Location(0, 0, "")
        note = WaiverNote(
            waiver.reason, waiver.approved_by, waiver.until, expired, place, not why_not, why_not
        )
        if why_not:
            reason = f"{reason} ({why_not[:1].upper()}{why_not[1:]}.)"
        else:
            outcome, found = Outcome.WAIVED, finding.outcome
            reason = (
                f"Waived until {waiver.until.isoformat()} by {waiver.approved_by}: "
                f"{waiver.reason.strip()}"
            )
    return CriterionResult(criterion, outcome, reason, locations, hits, note, found)


def locate(doc: Document, path: KeyPath) -> Location:
    """Where ``path`` is in the file, or where its nearest existing parent is.

    A value on its key's line is pointed at directly (``size: 36`` at the 36); a section
    written below its key, or a missing key's parent, is pointed at by its key.
    """
    # on the parser's marks (0-based) rather than spans: a plan has a hundred of these
    where = doc.values.marks.get(path)
    if where is not None:
        found, line, column = path, where[0].line + 1, where[0].column + 1
    else:
        found, span = doc.nearest(path)
        line, column = span.line, span.column
    present = found == path
    key = doc.keys.marks.get(found)
    if key is not None and (not present or line != key[0].line + 1):
        line, column = key[0].line + 1, key[0].column + 1
    if present:
        return Location(line, column, label(path))
    return Location(line, column, label(path), False, label(found))


def _located(doc: Document, hits: Sequence[Hit]) -> tuple[PhraseHit, ...]:
    """Every phrase found, located in the file: each text is read once for all its phrases."""
    if not hits:  # most findings: nothing to look for
        return ()
    by_path: dict[KeyPath, list[int]] = {}
    for i, hit in enumerate(hits):
        by_path.setdefault(hit.path, []).append(i)
    places = [(0, 0)] * len(hits)
    for path, indexes in by_path.items():
        span = doc.values.get(path)
        if span is None:
            nearest = doc.nearest(path)[1]
            for i in indexes:
                places[i] = (nearest.line, nearest.column)
            continue
        start = doc.offset(span.line, span.column)
        end = doc.offset(span.end_line, span.end_column)
        wanted = [(hits[i].phrase, hits[i].occurrence) for i in indexes]
        for i, offset in zip(indexes, locate_phrases(doc.text, start, end, wanted), strict=True):
            places[i] = (span.line, span.column) if offset is None else doc.position(offset)
    return tuple(
        PhraseHit(hit.phrase, hit.found, hit.reframe, Location(*places[i], label(hit.path)))
        for i, hit in enumerate(hits)
    )
