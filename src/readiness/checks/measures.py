"""Lever 3, outcome measures: before and after, for children and families, recognised tools."""

import re
from functools import lru_cache

from pydantic import Field

from readiness.checks.base import (
    Context,
    Instrument,
    NoParams,
    Params,
    check,
    met,
    no_evidence,
    no_words,
    not_met,
    partial,
)
from readiness.checks.wording import (
    number,
    plural,
    say_list,
)
from readiness.outcomes import Finding
from readiness.plan.models import Measure, Plan
from readiness.plan.types import timepoint_months


class FollowUpParams(Params):
    min_follow_up_months: float
    satisfaction_words: list[str] = Field(default_factory=no_words)
    """Words in a measure's name that mark a satisfaction or confidence survey when the plan
    does not give its ``kind`` ("confidence survey", "feedback form")."""


def _measures(plan: Plan) -> list[Measure] | None:
    return plan.standards.outcome_measures if plan.standards else None


def _satisfaction(measure: Measure, words: list[str]) -> bool:
    """A satisfaction or confidence survey: by its kind, or by its name when the kind is not
    given."""
    if measure.kind is not None:
        return measure.kind == "satisfaction"
    name = measure.name.casefold()
    return any(word.casefold() in name for word in words)


def _outcomes(plan: Plan, params: FollowUpParams) -> tuple[list[tuple[int, Measure]] | None, str]:
    """The measures that can show impact (not satisfaction or confidence surveys), by their
    place in the list, and a note on any left out."""
    measures = _measures(plan)
    if measures is None:
        return None, ""
    words = params.satisfaction_words
    kept = [(i, m) for i, m in enumerate(measures) if not _satisfaction(m, words)]
    left = [m.name for m in measures if _satisfaction(m, words)]
    note = ""
    if left:
        verb = "is a satisfaction survey" if len(left) == 1 else "are satisfaction surveys"
        note = f" ({say_list(left[:3])} {verb}: how people feel about the work, not its outcome)"
    return kept, note


def _has_pre_post(measure: Measure, min_months: float) -> tuple[bool, bool]:
    points = measure.timepoints or []
    baseline = "baseline" in points
    follow_up = any(timepoint_months(t) >= min_months for t in points)
    return baseline, follow_up


_MEASURES = ("standards", "outcome_measures")


@check("measure_timepoints", FollowUpParams, reads=("standards.outcome_measures",))
def measure_timepoints(plan: Plan, params: FollowUpParams, ctx: Context) -> Finding:
    """Outcome measures taken before and after, to show impact."""
    measures, note = _outcomes(plan, params)
    if measures is None:
        return no_evidence("The plan has no outcome measures.", _MEASURES)
    full = [(i, m) for i, m in measures if all(_has_pre_post(m, params.min_follow_up_months))]
    need = f"a baseline and a follow-up at least {number(params.min_follow_up_months)} months on"
    if full:
        names = say_list([m.name for _, m in full])
        return met(
            f"{names} {'has' if len(full) == 1 else 'have'} {need}{note}.",
            *[(*_MEASURES, i) for i, _ in full],
        )
    if not measures:
        return not_met(f"The plan has no outcome measures{note}.", _MEASURES)
    return partial(
        f"{plural(len(measures), 'measure')}, none with {need}{note}.",
        *[(*_MEASURES, i, "timepoints") for i, _ in measures],
    )


def normalise(name: str) -> str:
    return re.sub(r"[\s\-_]+", "", name).casefold()


@lru_cache(maxsize=16)
def _index(catalogue: tuple[Instrument, ...]) -> dict[str, Instrument]:
    """Every written form of every instrument, normalised, to the instrument."""
    index: dict[str, Instrument] = {}
    for instrument in catalogue:
        for form in (instrument.name, *instrument.aliases):
            index.setdefault(normalise(form), instrument)
    return index


def find_instrument(name: str, catalogue: tuple[Instrument, ...]) -> Instrument | None:
    return _index(catalogue).get(normalise(name))


_FOCUS = {
    "practitioners": "staff wellbeing and practice",
    "organisation": "the organisation",
    "children-families": "children and families",
}


@check("child_measure", FollowUpParams, reads=("standards.outcome_measures",))
def child_measure(plan: Plan, params: FollowUpParams, ctx: Context) -> Finding:
    """A measure of outcomes for children and families, before and after."""
    found, left_out = _outcomes(plan, params)
    if found is None:
        return no_evidence("The plan has no outcome measures.", _MEASURES)
    measures = dict(found)
    about_children: list[int] = []
    misfiled: list[str] = []
    for i, m in found:
        known = find_instrument(m.name, ctx.instruments)
        # a measure that does not say what it is about is taken at the catalogue's word
        about = m.about or (known.focus if known else None)
        if about != "children-families":
            continue
        if known is not None and known.focus != "children-families":
            misfiled.append(f"{known.name} measures {_FOCUS[known.focus]}, not child outcomes")
            continue
        about_children.append(i)
    note = (f" ({'; '.join(misfiled)})" if misfiled else "") + left_out
    full = [
        i for i in about_children if all(_has_pre_post(measures[i], params.min_follow_up_months))
    ]
    if full:
        return met(
            f"{measures[full[0]].name} measures children and families before and after.",
            (*_MEASURES, full[0]),
        )
    if about_children:
        return partial(
            f"{measures[about_children[0]].name} measures children and families but lacks a "
            f"baseline or a follow-up{note}.",
            (*_MEASURES, about_children[0], "timepoints"),
        )
    return not_met(f"No measure of outcomes for children and families{note}.", _MEASURES)


@check("recognised_instruments", NoParams, reads=("standards.outcome_measures[].name",))
def recognised_instruments(plan: Plan, params: NoParams, ctx: Context) -> Finding:
    """Outcome measures that are recognised, validated instruments."""
    measures = _measures(plan)
    if measures is None:
        return no_evidence("The plan names no outcome measures.", _MEASURES)
    if not measures:
        return not_met("The list of outcome measures is empty.", _MEASURES)
    unknown = [m.name for m in measures if find_instrument(m.name, ctx.instruments) is None]
    paths = [(*_MEASURES, i, "name") for i in range(len(measures))]
    known = len(measures) - len(unknown)
    if len(measures) == 1:
        reason = "The measure " + ("is" if known else "is not") + " a recognised instrument"
    else:
        verb = "is a recognised instrument" if known == 1 else "are recognised instruments"
        reason = f"{known} of the {len(measures)} measures {verb}"
    if not unknown:
        return met(f"{reason}.", *paths)
    detail = f"; not recognised: {say_list(unknown[:3])}"
    if known:
        return partial(f"{reason}{detail}.", *paths)
    return not_met(f"{reason}{detail}.", *paths)
