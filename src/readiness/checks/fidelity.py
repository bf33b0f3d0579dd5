"""Lever 5, monitor fidelity lightly: for learning, not surveillance."""

from readiness.checks.base import Context, Params, check, met, no_evidence, not_met, partial
from readiness.checks.wording import (
    how_often,
    plain_list,
)
from readiness.outcomes import Finding
from readiness.plan.models import Plan
from readiness.plan.types import per_year

_FIDELITY = ("fidelity",)


class PurposeParams(Params):
    forbidden_uses: list[str]


@check("fidelity_purpose", PurposeParams, reads=("fidelity.purpose", "fidelity.used_for"))
def fidelity_purpose(plan: Plan, params: PurposeParams, ctx: Context) -> Finding:
    """Fidelity checks are for learning, and never feed performance management or discipline."""
    fidelity = plan.fidelity
    if fidelity is None or (fidelity.purpose is None and fidelity.used_for is None):
        return no_evidence(
            "The plan does not say what fidelity checks are for.", (*_FIDELITY, "purpose")
        )
    misuse = [u for u in fidelity.used_for or () if u in params.forbidden_uses]
    paths = ((*_FIDELITY, "purpose"), (*_FIDELITY, "used_for"))
    if misuse:
        return not_met(
            f"Fidelity findings are used for {plain_list(misuse)}: that polices practice "
            "rather than supporting it.",
            *paths,
        )
    if fidelity.purpose == "performance-management":
        return not_met("Fidelity checks are for performance management, not learning.", *paths)
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


@check("fidelity_methods", MethodParams, reads=("fidelity.methods",))
def fidelity_methods(plan: Plan, params: MethodParams, ctx: Context) -> Finding:
    """Light-touch methods that practitioners take part in."""
    methods = plan.fidelity.methods if plan.fidelity else None
    path = (*_FIDELITY, "methods")
    if methods is None:
        return no_evidence("The plan does not say how fidelity is looked at.", path)
    light = [m for m in methods if m in params.light]
    if light:
        return met(f"Fidelity methods include {plain_list(light)}.", path)
    if methods:
        return partial(
            f"Fidelity relies on {plain_list(methods)}, without self-assessment, reflective case "
            "review or peer observation.",
            path,
        )
    return not_met("No fidelity methods are listed.", path)
