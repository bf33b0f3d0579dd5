"""What a board report says, worked out once for the Markdown and HTML templates.

Templates only lay this out; every figure, ordering and sentence is decided here, so the two
formats cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from readiness.audit.result import AuditResult, CriterionResult, PlanResult
from readiness.outcomes import BAND_MEANING, BAND_TITLE, BANDS, OUTCOME_TITLE, Outcome
from readiness.reporters.common import (
    accepted,
    cost_line,
    examples_line,
    gaps,
    rating,
    waived,
    waiver_line,
)
from readiness.reporters.escape import cell

TOP_GAPS = 5
STRENGTHS = 6


@dataclass(frozen=True, slots=True)
class CommonGap:
    """A criterion that is a gap in several plans of a portfolio."""

    criterion_id: str
    title: str
    plans: int
    remediation: str


def summary(plan: PlanResult, result: AuditResult) -> str:
    """The verdict's paragraph: what the band means, the counts, the strongest and weakest."""
    counts = Counter(r.outcome for r in plan.criteria)
    parts = [
        f"{counts[o]} {OUTCOME_TITLE[o]}"
        for o in (Outcome.MET, Outcome.PARTIAL, Outcome.NOT_MET, Outcome.NO_EVIDENCE)
        if counts[o]
    ]
    text = f"{BAND_MEANING[plan.band]} Of its {len(plan.criteria)} criteria, {_join(parts)}"
    left_out = counts[Outcome.WAIVED] + counts[Outcome.NOT_APPLICABLE]
    text += f"; {left_out} left out (waived or not applicable)." if left_out else "."
    scored = [lr for lr in plan.levers if lr.score is not None]
    if len(scored) > 1:
        best = max(scored, key=lambda lr: lr.score or 0.0)
        worst = min(scored, key=lambda lr: lr.score or 0.0)
        if best is not worst:
            text += (
                f" The strongest lever is {best.lever.title.lower()} ({best.score:.1f}); "
                f"the weakest is {worst.lever.title.lower()} ({worst.score:.1f})."
            )
    return text


def strengths(plan: PlanResult) -> list[CriterionResult]:
    """Met criteria that matter most (caps and weight first), for the board to keep."""
    met = [r for r in plan.criteria if r.outcome is Outcome.MET]
    met.sort(key=lambda r: (r.criterion.caps_band is None, -r.criterion.weight))
    return met[:STRENGTHS]


def band_counts(result: AuditResult) -> list[tuple[str, str, int]]:
    """(band, title, number of plans) for every band, best first."""
    counts = Counter(p.band for p in result.plans)
    return [(band, BAND_TITLE[band], counts[band]) for band in reversed(BANDS)]


def common_gaps(result: AuditResult, limit: int = 10) -> list[CommonGap]:
    """Criteria that are gaps in the most plans, most common first (rubric order on ties)."""
    order = {c.id: i for i, c in enumerate(result.rubric.criteria)}
    counts: Counter[str] = Counter()
    titles: dict[str, tuple[str, str]] = {}
    for plan in result.plans:
        for r in plan.criteria:
            if r.is_gap:
                counts[r.criterion.id] += 1
                titles[r.criterion.id] = (r.criterion.title, r.criterion.remediation)
    ranked = sorted(counts, key=lambda cid: (-counts[cid], order.get(cid, 0)))
    return [CommonGap(cid, *titles[cid][:1], counts[cid], titles[cid][1]) for cid in ranked][:limit]


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    score: float | None
    rating: str
    y: float
    width: float


@dataclass(frozen=True, slots=True)
class Zone:
    label: str
    x: float
    width: float
    css: str


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG bar chart of lever scores, with the bands behind the bars."""

    width: int
    height: int
    left: int
    scale: float
    bars: tuple[Bar, ...]
    zones: tuple[Zone, ...]
    ticks: tuple[tuple[float, str], ...]
    description: str


CHART_WIDTH, CHART_LEFT, ROW = 640, 250, 34


def chart(plan: PlanResult, result: AuditResult) -> Chart:
    """Geometry for the chart of a plan's levers: bars on a 0-100 scale, band zones behind."""
    bands = result.rubric.bands
    scale = (CHART_WIDTH - CHART_LEFT - 50) / 100
    levers = [*plan.levers, *plan.unscored]
    bars = tuple(
        Bar(
            lr.lever.title,
            lr.score,
            rating(lr.score, bands),
            24 + i * ROW,
            (lr.score or 0.0) * scale,
        )
        for i, lr in enumerate(levers)
    )
    edges = [
        (0.0, bands.training_only_below, "training only", "zone-training"),
        (bands.training_only_below, bands.at_risk_below, "at risk", "zone-risk"),
        (bands.at_risk_below, bands.developing_below, "developing", "zone-developing"),
        (bands.developing_below, 100.0, "ready", "zone-ready"),
    ]
    zones = tuple(
        Zone(label, CHART_LEFT + lo * scale, (hi - lo) * scale, css)
        for lo, hi, label, css in edges
        if hi > lo
    )
    ticks = tuple(
        (CHART_LEFT + v * scale, f"{v:g}")
        for v in sorted(
            {0.0, bands.training_only_below, bands.at_risk_below, bands.developing_below, 100.0}
        )
    )
    description = "; ".join(
        f"{b.label}: {'not scored' if b.score is None else f'{b.score:.1f}'} ({b.rating})"
        for b in bars
    )
    return Chart(
        CHART_WIDTH, 24 + len(bars) * ROW + 30, CHART_LEFT, scale, bars, zones, ticks, description
    )


def context(result: AuditResult) -> dict[str, Any]:
    """Everything the board templates use."""
    bands = result.rubric.bands
    return {
        "result": result,
        "rubric": result.rubric,
        "plans": result.plans,
        "portfolio": len(result.plans) > 1,
        "band_title": BAND_TITLE,
        "band_meaning": BAND_MEANING,
        "outcome_title": {o.value: t for o, t in OUTCOME_TITLE.items()},
        "summary": lambda plan: summary(plan, result),
        "next_gaps": lambda plan: gaps(plan)[:TOP_GAPS],
        "all_gaps": gaps,
        "strengths": strengths,
        "accepted": accepted,
        "waived": waived,
        "notes": lambda plan: [
            n for n in (waiver_line(plan), examples_line(plan), cost_line(plan)) if n
        ],
        "rating": lambda score: rating(score, bands),
        "band_counts": band_counts(result),
        "common_gaps": common_gaps(result),
        "scored_levers": [lv for lv in result.rubric.levers if lv.scored],
        "chart": lambda plan: chart(plan, result),
        "cell": cell,
    }


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
