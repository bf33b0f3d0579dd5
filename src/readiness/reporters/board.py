"""What a board report says, worked out once for the Markdown and HTML templates.

Templates only lay this out; every figure, ordering and sentence is decided here, so the two
formats cannot disagree. The lines written for each criterion (the tables of every criterion,
the list for the plan's author) are most of a plan's section: each format writes those
itself from what is decided here (``html.py``, ``markdown.py``), and a template puts them in.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Generator, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, Any, NamedTuple, TypeVar

import jinja2

from readiness.audit.commission import WHEN_TITLE
from readiness.audit.result import AuditResult, CriterionResult, LeverResult, PlanResult
from readiness.errors import Problem
from readiness.outcomes import BAND_MEANING, BAND_TITLE, BANDS, OUTCOME_TITLE, Outcome
from readiness.reporters import RenderOptions
from readiness.reporters import stream as streamed
from readiness.reporters.common import (
    accepted,
    cost_line,
    examples_line,
    gaps,
    money,
    rating,
    waived,
    waiver_line,
)
from readiness.reporters.escape import cell
from readiness.reporters.templating import render_template, shipped_template

TOP_GAPS = 5
TOP_PACKAGES = 4
"""Packages described in full under "What to commission next"; the rest in one line each."""
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
    return _band_counts(Counter(p.band for p in result.plans))


def _band_counts(counts: Counter[str]) -> list[tuple[str, str, int]]:
    return [(band, BAND_TITLE[band], counts[band]) for band in reversed(BANDS)]


class Gaps:
    """How many plans have each criterion as a gap, counted a plan at a time."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.titles: dict[str, tuple[str, str]] = {}

    def add(self, plan: PlanResult) -> None:
        for r in plan.criteria:
            if r.is_gap:
                self.counts[r.criterion.id] += 1
                self.titles[r.criterion.id] = (r.criterion.title, r.criterion.remediation)

    def most_common(self, result: AuditResult, limit: int = 10) -> list[CommonGap]:
        """Most common first (rubric order on ties)."""
        order = {c.id: i for i, c in enumerate(result.rubric.criteria)}
        counts, titles = self.counts, self.titles
        ranked = sorted(counts, key=lambda cid: (-counts[cid], order.get(cid, 0)))
        return [CommonGap(cid, titles[cid][0], counts[cid], titles[cid][1]) for cid in ranked][
            :limit
        ]


def common_gaps(result: AuditResult, limit: int = 10) -> list[CommonGap]:
    """Criteria that are gaps in the most plans, most common first (rubric order on ties)."""
    found = Gaps()
    for plan in result.plans:
        found.add(plan)
    return found.most_common(result, limit)


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
    y: float
    height: float


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG bar chart: the overall score against the bands, then the five levers against the
    lever ratings (red below the floor, amber, green), one colour scale with the ratings table.
    Foundations are not a bar: they are shown apart, as the caps they apply."""

    width: int
    height: int
    left: int
    scale: float
    bars: tuple[Bar, ...]
    zones: tuple[Zone, ...]
    ticks: tuple[tuple[float, str, float, float], ...]
    """(x, label, from y, to y): the overall row's band edges, then the levers' rating edges."""
    description: str


CHART_WIDTH, CHART_LEFT, ROW = 640, 250, 34


def chart(plan: PlanResult, result: AuditResult) -> Chart:
    """Geometry for the chart of a plan: the overall score, then its levers, on 0-100."""
    bands = result.rubric.bands
    scale = (CHART_WIDTH - CHART_LEFT - 50) / 100
    overall = Bar("Overall score", plan.score, BAND_TITLE[plan.band], 24, plan.score * scale)
    top, lever_top = 8.0, 24 + 1.5 * ROW + 12
    levers = tuple(
        Bar(
            lr.lever.title,
            lr.score,
            rating(lr.score, bands),
            lever_top + 14 + i * ROW,
            (lr.score or 0.0) * scale,
        )
        for i, lr in enumerate(plan.levers)
    )
    band_edges = [
        (0.0, bands.training_only_below, "training only", "zone-training"),
        (bands.training_only_below, bands.at_risk_below, "at risk", "zone-risk"),
        (bands.at_risk_below, bands.developing_below, "developing", "zone-developing"),
        (bands.developing_below, 100.0, "ready", "zone-ready"),
    ]
    rating_edges = [
        (0.0, bands.lever_floor, "red", "zone-red"),
        (bands.lever_floor, bands.developing_below, "amber", "zone-amber"),
        (bands.developing_below, 100.0, "green", "zone-green"),
    ]
    height = lever_top + 14 + len(levers) * ROW + 4
    overall_height = lever_top - top - 28
    zones = tuple(
        Zone(label, CHART_LEFT + lo * scale, (hi - lo) * scale, css, y, h)
        for edges, y, h in (
            (band_edges, top, overall_height),
            (rating_edges, lever_top, height - lever_top),
        )
        for lo, hi, label, css in edges
        if hi > lo
    )
    overall_ticks = {
        0.0,
        bands.training_only_below,
        bands.at_risk_below,
        bands.developing_below,
        100.0,
    }
    lever_ticks = {0.0, bands.lever_floor, bands.developing_below, 100.0}
    ticks = tuple(
        (CHART_LEFT + v * scale, f"{v:g}", y1, y2)
        for values, y1, y2 in (
            (overall_ticks, top, top + overall_height),
            (lever_ticks, lever_top, height),
        )
        for v in sorted(values)
    )
    bars = (overall, *levers)
    description = "; ".join(
        f"{b.label}: {'not scored' if b.score is None else f'{b.score:.1f}'} ({b.rating})"
        for b in bars
    )
    return Chart(CHART_WIDTH, int(height) + 30, CHART_LEFT, scale, bars, zones, ticks, description)


# -- what is being bought, and the timeline ------------------------------------------------
def bought(plan: PlanResult) -> list[tuple[str, str]]:
    """Rows of "what is being bought": (what, how much), in plain words."""
    rows: list[tuple[str, str]] = []
    costs, view = plan.costs, plan.overview
    if costs is not None:
        cur = costs.currency
        share = f" ({100 * costs.support / costs.total:.0f}%)" if costs.total else ""
        rows += [
            ("Total budget", f"{cur} {money(costs.total)}"),
            ("Cost per practitioner", f"{cur} {money(round(costs.per_practitioner))}"),
            ("Training", f"{cur} {money(costs.training)}"),
            ("Implementation support", f"{cur} {money(costs.support)}{share}"),
            ("Support per practitioner", f"{cur} {money(round(costs.support_per_practitioner))}"),
        ]
    else:
        rows.append(("Budget", "not given in the plan"))
    if view is not None:
        waves = f"{view.waves} wave{'s' if view.waves != 1 else ''}" if view.waves else "no waves"
        rows.append(
            (
                "Practitioners and length",
                f"{view.practitioners} practitioners, {view.months} months, {waves}",
            )
        )
        if view.funded_until or view.after_funding:
            until = f"until {view.funded_until.isoformat()}" if view.funded_until else ""
            after = f"; after that: {view.after_funding}" if view.after_funding else ""
            rows.append(("Funding after the end", f"{until}{after}".strip("; ")))
        else:
            rows.append(("Funding after the end", "not said in the plan"))
        rows.append(("Plan owner", view.owner or "not named in the plan"))
    return rows


@dataclass(frozen=True, slots=True)
class Mark:
    label: str
    lane: str
    x: float
    width: float
    """0 for a milestone."""
    y: float
    when: str


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    left: int
    marks: tuple[Mark, ...]
    lanes: tuple[tuple[str, float], ...]
    years: tuple[tuple[float, str], ...]


LANE_TITLE = {
    "plan": "Plan",
    "waves": "Waves",
    "managers": "Line managers trained",
    "support": "Coaching",
    "measures": "Measures",
    "waivers": "Waivers end",
    "funding": "Funding",
}
TIMELINE_WIDTH, TIMELINE_LEFT, TIMELINE_ROW = 640, 170, 22


def timeline(plan: PlanResult) -> Timeline | None:
    """Geometry for the timeline: one row per bar, milestones in their lane's row."""
    events = plan.timeline
    if not events:
        return None
    first = min(e.start for e in events)
    last = max(max(e.start, e.end or e.start) for e in events)
    days = max(1, (last - first).days)
    scale = (TIMELINE_WIDTH - TIMELINE_LEFT - 20) / days
    marks: list[Mark] = []
    lanes: list[tuple[str, float]] = []
    y = 28.0
    for lane in LANE_TITLE:
        mine = [e for e in events if e.lane == lane]
        if not mine:
            continue
        lanes.append((LANE_TITLE[lane], y))
        milestones_y = y
        for event in mine:
            x = TIMELINE_LEFT + (event.start - first).days * scale
            if event.end is None:
                when = event.start.isoformat()
                marks.append(Mark(event.label, lane, x, 0.0, milestones_y, when))
                continue
            width = max(2.0, (event.end - event.start).days * scale)
            when = f"{event.start.isoformat()} to {event.end.isoformat()}"
            marks.append(Mark(event.label, lane, x, width, y, when))
            y += TIMELINE_ROW
        if all(e.end is None for e in mine):
            y += TIMELINE_ROW
    years = tuple(
        (TIMELINE_LEFT + (date(year, 1, 1) - first).days * scale, str(year))
        for year in range(first.year + 1, last.year + 1)
    )
    return Timeline(TIMELINE_WIDTH, int(y) + 24, TIMELINE_LEFT, tuple(marks), tuple(lanes), years)


# -- the lines for each criterion, sorted out once for both formats -------------------------
def where_written(r: CriterionResult) -> str:
    """Where the plan says what the criterion read: "line 12", or "not written"."""
    at = r.locations[0]
    return f"line {at.line}" if at.present else "not written"


Item = TypeVar("Item")


def by_lever(
    plan: PlanResult, row: Callable[[CriterionResult], Item]
) -> list[tuple[LeverResult, list[Item]]]:
    """Each lever (scored, then unscored) with ``row`` of each of its criteria, in rubric order:
    the tables of every criterion (each format writes its rows: ``html_rows``, ``md_rows``).

    Sorted out in one pass over the criteria: the template filtered every criterion for each
    lever, looking at each of them seven times, and wrote each row with five escapes; that was
    a third of a plan's section.
    """
    rows: dict[str, list[Item]] = {}
    for r in plan.criteria:
        rows.setdefault(r.criterion.lever, []).append(row(r))
    return [(lr, rows.get(lr.lever.id, [])) for lr in (*plan.levers, *plan.unscored)]


class Todo(NamedTuple):
    """A gap as the plan's author reads it, as plain text (each format escapes it)."""

    id: str
    title: str
    outcome: str
    reason: str
    where: str
    remediation: str
    holds: str
    """The band it holds the plan at while it fails ('' for none)."""


def annex_lines(plan: PlanResult) -> list[Todo]:
    """The gaps, heaviest first (``annex``), each with where to change the plan."""
    lines = []
    for r in gaps(plan):
        c = r.criterion
        holds = c.caps_band if c.caps_band and r.outcome.fails else ""
        where = r.locations[0].describe(plan.path)
        lines.append(
            Todo(c.id, c.title, OUTCOME_TITLE[r.outcome], r.reason, where, c.remediation, holds)
        )
    return lines


def lanes(plan: PlanResult) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The timeline's events lane by lane, in the lanes' order, none empty: (title, events),
    each event (label, start, end) with its dates as ISO text, the end '' for a milestone."""
    events: dict[str, list[tuple[str, str, str]]] = {}
    for e in plan.timeline:
        end = e.end.isoformat() if e.end else ""
        events.setdefault(e.lane, []).append((e.label, e.start.isoformat(), end))
    return [(title, events[lane]) for lane, title in LANE_TITLE.items() if lane in events]


def caps(plan: PlanResult) -> list[tuple[LeverResult, list[CriterionResult]]]:
    """Each lever outside the score (foundations) with its criteria that cap the band."""
    capping = [r for r in plan.criteria if r.criterion.caps_band]
    return [(lr, [r for r in capping if r.criterion.lever == lr.lever.id]) for lr in plan.unscored]


# -- once a run ----------------------------------------------------------------------------
Part = TypeVar("Part")


class Once:
    """Parts of a plan's section that are the same in every plan of a run (the chart's bands
    and ticks, a package's strategies), made the first time and then given again.

    One for each run (``context`` makes it), never shared between runs, and only Python code
    calls it: a template calls the functions that use it (``html.names``), not it. A part is
    keyed on the function that makes it and the values it is made from, which are the
    report's own data (a tuple of the rubric's text, the chart's zones); values that cannot
    be a key (a mapping an own template passes) are made each time. At most ``KEPT`` parts.
    """

    KEPT = 256

    def __init__(self) -> None:
        self.made: dict[Hashable, Any] = {}

    def __call__(self, make: Callable[..., Part], *values: Any) -> Part:
        key = (make, *values)
        try:
            return self.made[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        except TypeError:  # not hashable
            return make(*values)
        part = make(*values)
        if len(self.made) < self.KEPT:
            self.made[key] = part
        return part


def _formats(once: Once) -> dict[str, Any]:
    """What each format writes itself of a plan's section (``html.names``,
    ``markdown.names``). Both formats' are given to every board template, as one's own may
    include the other's."""
    from readiness.reporters import html, markdown  # they build on this module

    return html.names(once) | markdown.names()


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
        "bought": bought,
        "timeline": timeline,
        "lane_title": LANE_TITLE,
        "when_title": WHEN_TITLE,
        "waiver_line": waiver_line,
        "examples_line": examples_line,
        "annex": lambda plan: gaps(plan),
        "caps": caps,
        "lanes": lanes,
        **_formats(Once()),
        "top_packages": TOP_PACKAGES,
        # the whole document at once; ``Writer`` renders a plan ("plan") or the rest around
        # the plans ("document", ``streaming``: the ``marker`` stands where the plans go)
        "part": "document",
        "streaming": False,
        "marker": "",
        "index": 0,
    }


class Writer(streamed.Writer):
    """A board report written plan by plan: each plan's section is rendered as it comes and
    kept in a temporary file; at the end the document around it (the portfolio's tables, from
    a line per plan and running counts, and the method note) is rendered once and the
    sections copied into place. A ``--template`` of one's own gets every plan at once, as
    it always has (each plan's full result is then kept until the end)."""

    template = ""
    autoescape = False

    def __init__(
        self, run: AuditResult, options: RenderOptions, out: IO[str], expected: int
    ) -> None:
        super().__init__(run, options, out, expected)
        folder = options.template_dir
        self.own = folder is not None and (folder / self.template).is_file()
        self.whole_plan = self.own  # one's own template gets every plan's whole result
        self.kept: list[PlanResult] = []
        self.rows: list[Row] = []
        self.lines = Lines()
        self.bands: Counter[str] = Counter()
        self.gaps = Gaps()
        self.sections = streamed.spool()
        if not self.own:
            self.compiled = shipped_template(self.template, autoescape=self.autoescape)
            self.base = context(run) | {"portfolio": expected > 1}

    def document(self, text: str) -> str:
        """The last guard on the text (``markdown_document`` or ``markup_document``)."""
        raise NotImplementedError

    def piece(self, plan: PlanResult, number: int) -> str | None:
        """The plan's section of the report (none for a template of one's own)."""
        if self.own:
            return None
        text = rendered(self.compiled, self.base | {"part": "plan", "plan": plan, "index": number})
        return self.document(text)

    def plan(self, plan: PlanResult, piece: Any = None) -> None:
        if self.own:
            self.kept.append(plan)
            return
        self.rows.append(self.lines.row(plan))
        self.bands[plan.band] += 1
        self.gaps.add(plan)
        text = piece if piece is not None else self.piece(plan, len(self.rows))
        self.sections.write(text or "")

    def finish(self, problems: Sequence[Problem] = ()) -> None:
        if self.own:
            self.sections.close()
            whole = self.run._replace(plans=tuple(self.kept))
            text = render_template(
                self.template, context(whole), self.options.template_dir, autoescape=self.autoescape
            )
            self.out.write(self.document(text))
            return
        values = self.base | {
            "plans": tuple(self.rows),
            "band_counts": _band_counts(self.bands),
            "common_gaps": self.gaps.most_common(self.run),
            "streaming": True,
            "marker": _MARKER,
        }
        with contextlib.closing(pieces(self.compiled, values)) as made:  # let go if it fails
            self.write_around(made)

    def write_around(self, texts: Iterable[str]) -> None:
        """The document around the plans, from the template's pieces of text as they come,
        with the plans' sections copied in where the marker stands.

        Its portfolio tables have a line per plan, so it is written a run of lines at a time
        (``AROUND`` characters or so: a run ends after the first line break past it, or
        after a piece of the template's that is longer), not made whole first. The last guard
        (``document``) works line by line, so guarding the runs one by one gives the same
        text as guarding the whole. The text before the marker and the text after it are
        guarded apart, as two texts, as they always were.
        """
        held: list[str] = []
        size = 0
        plans_written = False
        for piece in texts:
            held.append(piece)
            size += len(piece)
            if size < AROUND and _MARKER not in piece:
                continue
            text = "".join(held)
            if not plans_written and _MARKER in text:
                text = self._plans_after(text)
                plans_written = True
            cut = text.rfind("\n") + 1
            if cut:
                self.out.write(self.document(text[:cut]))
                text = text[cut:]
            held, size = [text], len(text)
        text = "".join(held)
        if not plans_written:  # a template that never says where the plans go: at the end
            text = self._plans_after(text)
        self.out.write(self.document(text))

    def _plans_after(self, text: str) -> str:
        """The text up to the marker (all of it if none), then the plans' sections; what
        follows the marker is given back."""
        before, _, after = text.partition(_MARKER)
        self.out.write(self.document(before))
        streamed.copy(self.sections, self.out)
        return after


_MARKER = "\x00plans\x00"
AROUND = 1 << 15
"""Characters of the document around the plans written at a time, about (``write_around``)."""


def rendered(template: jinja2.Template, values: dict[str, Any]) -> str:
    """``template.render(values)``, leaving nothing for the garbage collector (``pieces``)."""
    return "".join(pieces(template, values))


def pieces(template: jinja2.Template, values: dict[str, Any]) -> Generator[str, None, None]:
    """The pieces of text ``template.render(values)`` joins, as the template makes them.

    A template's top-level macros (the plan's section) are kept in its context's ``vars``,
    and each holds the context it was made in: a reference cycle, which kept the plan's whole
    result alive until the next collection. So the template is run through Jinja's low-level
    API (``Template.new_context``, ``Template.root_render_func``), and once it is done (or
    given up) the context's own variables are let go, which ends the cycle: everything is
    freed as soon as the text is made.
    """
    made = template.new_context(values)
    try:
        yield from template.root_render_func(made)
    finally:
        made.vars.clear()
        made.exported_vars.clear()


class _Lever(NamedTuple):
    score: float | None


class Row(NamedTuple):
    """What the portfolio's tables and the page's title use of a plan: its line, not its
    criteria (a few hundred bytes, however large the plan)."""

    path: str
    title: str
    band: str
    score: float
    passed: bool
    levers: tuple[_Lever, ...]


class Lines:
    """Each plan's ``Row``, its lever scores shared: a score has one decimal, so a run has at
    most a thousand or so of them, however many plans, and each is made once."""

    def __init__(self) -> None:
        self.levers: dict[float | None, _Lever] = {}

    def row(self, plan: PlanResult) -> Row:
        made = self.levers
        levers = tuple(
            made.get(lr.score) or made.setdefault(lr.score, _Lever(lr.score)) for lr in plan.levers
        )
        return Row(plan.path, plan.title, plan.band, plan.score, plan.passed, levers)


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
