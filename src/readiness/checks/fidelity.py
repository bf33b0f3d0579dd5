"""Lever 5, monitor fidelity lightly: for learning, not surveillance."""

from pydantic import Field

from readiness.checks.base import (
    Context,
    Params,
    check,
    met,
    no_evidence,
    no_words,
    not_met,
    partial,
)
from readiness.checks.language import find_hits, free_text
from readiness.checks.wording import how_often, plain_list, plural, say_list
from readiness.outcomes import Finding
from readiness.plan.models import Fidelity, Plan
from readiness.plan.types import per_year

_FIDELITY = ("fidelity",)


class PurposeParams(Params):
    forbidden_uses: list[str]
    forbidden_readers: list[str] = Field(default_factory=no_words)
    policing: list[str] = Field(default_factory=no_words)
    """Phrase lists whose phrases, used in the fidelity section's text, describe checks built
    to police (graded, unannounced, at appraisal), whatever the purpose says."""
    not_met_min_hits: int = 2
    """Policing phrases that make it not met; fewer (but one or more) make it partly met."""
    heavy_methods: list[str] = Field(default_factory=no_words)
    """Methods that, alone and for assurance, check up on practitioners rather than support them."""


def _structure(fidelity: Fidelity, params: PurposeParams) -> list[str]:
    """How the checks are built, where it polices practice: grades, surprise, appraisal."""
    heavy = []
    if fidelity.graded:
        heavy.append("practitioners or teams are graded")
    if fidelity.unannounced:
        heavy.append("checks are unannounced")
    readers = [r for r in fidelity.results_shared_with or () if r in params.forbidden_readers]
    if readers:
        heavy.append(f"individual results go to {plain_list(readers, 'and')}")
    return heavy


@check(
    "fidelity_purpose",
    PurposeParams,
    reads=(
        "fidelity.purpose",
        "fidelity.used_for",
        "fidelity.graded",
        "fidelity.unannounced",
        "fidelity.results_shared_with",
    ),
)
def fidelity_purpose(plan: Plan, params: PurposeParams, ctx: Context) -> Finding:
    """Fidelity checks are for learning, and never feed performance management or discipline."""
    fidelity = plan.fidelity
    if fidelity is None or (
        fidelity.purpose is None and fidelity.used_for is None and not _structure(fidelity, params)
    ):
        return no_evidence(
            "The plan does not say what fidelity checks are for.", (*_FIDELITY, "purpose")
        )
    misuse = [u for u in fidelity.used_for or () if u in params.forbidden_uses]
    paths = ((*_FIDELITY, "purpose"), (*_FIDELITY, "used_for"))
    heavy = _structure(fidelity, params)
    phrases = tuple(p for group in params.policing for p in ctx.phrases.get(group, ()))
    hits, total = find_hits(list(free_text(plan, "fidelity")), phrases, ctx.negation)
    described = ""
    if total:
        shown = say_list([f"'{h.found}'" for h in hits[:3]])
        described = f"the plan describes its checks as {shown}"
        if total >= params.not_met_min_hits:
            heavy.append(described)
    methods = fidelity.methods or []
    if (
        fidelity.purpose == "assurance"
        and methods
        and all(m in params.heavy_methods for m in methods)
        and not fidelity.observation_consented
    ):
        heavy.append(f"checks for assurance rely only on {plain_list(methods)}")
    if heavy:
        said = say_list(heavy)
        return not_met(
            f"{said[:1].upper()}{said[1:]}: that polices practice whatever the purpose says.",
            *paths,
            *[(*_FIDELITY, key) for key in ("graded", "unannounced", "results_shared_with")],
            hits=tuple(hits),
        )
    if misuse:
        return not_met(
            f"Fidelity findings are used for {plain_list(misuse)}: that polices practice "
            "rather than supporting it.",
            *paths,
        )
    if fidelity.purpose == "performance-management":
        return not_met("Fidelity checks are for performance management, not learning.", *paths)
    if described:
        return partial(
            f"{described[:1].upper()}{described[1:]}: that reads as policing practice.",
            *paths,
            hits=tuple(hits),
        )
    if fidelity.purpose == "learning":
        return met("Fidelity checks are for learning, and not used to manage performance.", *paths)
    if fidelity.purpose == "assurance":
        return partial("Fidelity checks are for assurance rather than learning.", *paths)
    return partial(
        "The plan does not say what fidelity checks are for, only how they are used.", *paths
    )


class FidelityFrequencyParams(Params):
    met_min_per_year: float
    met_max_per_year: float
    partial_min_per_year: float


@check("fidelity_frequency", FidelityFrequencyParams, reads=("fidelity.frequency",))
def fidelity_frequency(plan: Plan, params: FidelityFrequencyParams, ctx: Context) -> Finding:
    """Fidelity looked at regularly, but not so often that it crushes practice."""
    frequency = plan.fidelity.frequency if plan.fidelity else None
    path = (*_FIDELITY, "frequency")
    if frequency is None:
        return no_evidence("The plan does not say how often fidelity is looked at.", path)
    times = per_year(frequency)
    reason = f"Fidelity is looked at {how_often(frequency)}"
    if times > params.met_max_per_year:
        return not_met(f"{reason}: heavy monitoring that crushes practice.", path)
    if times >= params.met_min_per_year:
        return met(f"{reason}.", path)
    if times >= params.partial_min_per_year:
        return partial(f"{reason}: too rarely to surface challenges early.", path)
    return not_met(f"{reason}: not a regular cycle.", path)


class MethodParams(Params):
    light: list[str]
    light_when_consented: list[str] = Field(default_factory=no_words)
    max_feedback_days: int = 30


@check(
    "fidelity_methods",
    MethodParams,
    reads=("fidelity.methods", "fidelity.observation_consented", "fidelity.feedback_within_days"),
)
def fidelity_methods(plan: Plan, params: MethodParams, ctx: Context) -> Finding:
    """Light-touch methods that practitioners take part in, or consented observation with
    prompt feedback."""
    fidelity = plan.fidelity
    methods = fidelity.methods if fidelity else None
    path = (*_FIDELITY, "methods")
    if fidelity is None or methods is None:
        return no_evidence("The plan does not say how fidelity is looked at.", path)
    light = [m for m in methods if m in params.light]
    days = fidelity.feedback_within_days
    consented = [
        m
        for m in methods
        if m in params.light_when_consented
        and fidelity.observation_consented
        and days is not None
        and days <= params.max_feedback_days
    ]
    if light:
        return met(f"Fidelity methods include {plain_list(light)}.", path)
    if consented:
        return met(
            f"Fidelity relies on {plain_list(consented)} that practitioners agree to, with "
            f"feedback within {plural(days or 0, 'day')}: observation for learning.",
            path,
            (*_FIDELITY, "observation_consented"),
        )
    if methods:
        return partial(
            f"Fidelity relies on {plain_list(methods)}, without self-assessment, reflective case "
            "review, peer observation, or observation that practitioners agree to with feedback "
            f"within {params.max_feedback_days} days.",
            path,
        )
    return not_met("No fidelity methods are listed.", path)
