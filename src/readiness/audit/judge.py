"""Judge a plan against a rubric: run each criterion's check, apply waivers, locate findings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from readiness.audit.result import CriterionResult, Location, PhraseHit, WaiverNote
from readiness.checks.language import locate_phrases
from readiness.load.document import Document
from readiness.outcomes import Finding, Hit, KeyPath, Outcome
from readiness.plan.models import Plan, Waiver
from readiness.rubric.rubric import Criterion, Rubric
from readiness.wording import label


def judge(
    doc: Document, plan: Plan, rubric: Rubric, as_of: date, where: bool = True
) -> list[CriterionResult]:
    """Every criterion's result; with ``where`` false, without locations (for a summary)."""
    waivers = {w.criterion: (i, w) for i, w in enumerate(plan.waivers or ())}
    results = []
    for criterion in rubric.criteria:
        finding = criterion.check.run(plan, criterion.params, rubric.context)
        waived = waivers.get(criterion.id)
        results.append(_result(doc if where else None, criterion, finding, waived, as_of))
    return results


def _result(
    doc: Document | None,
    criterion: Criterion,
    finding: Finding,
    waived: tuple[int, Waiver] | None,
    as_of: date,
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
    outcome, reason, note = finding.outcome, finding.reason, None
    if waived is not None:
        index, waiver = waived
        expired = waiver.until < as_of
        place = locate(doc, ("waivers", index)) if doc is not None else Location(0, 0, "")
        note = WaiverNote(waiver.reason, waiver.approved_by, waiver.until, expired, place)
        if expired:
            reason = f"{reason} (The waiver expired on {waiver.until.isoformat()}.)"
        else:
            outcome = Outcome.WAIVED
            reason = (
                f"Waived until {waiver.until.isoformat()} by {waiver.approved_by}: "
                f"{waiver.reason.strip()}"
            )
    return CriterionResult(criterion, outcome, reason, locations, hits, note)


def locate(doc: Document, path: KeyPath) -> Location:
    """Where ``path`` is in the file, or where its nearest existing parent is.

    A value on its key's line is pointed at directly (``size: 36`` at the 36); a section
    written below its key, or a missing key's parent, is pointed at by its key.
    """
    found, span = doc.nearest(path)
    key_span = doc.keys.get(found)
    if key_span is not None and (found != path or span.line != key_span.line):
        span = key_span
    present = found == path
    return Location(span.line, span.column, label(path), present, "" if present else label(found))


def _located(doc: Document, hits: Sequence[Hit]) -> tuple[PhraseHit, ...]:
    """Every phrase found, located in the file: each text is read once for all its phrases."""
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
