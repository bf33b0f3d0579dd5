"""The verdict vocabulary every stage shares: bands, outcomes, findings, and their words.

Each is defined once, here: the checks return findings, the audit scores outcomes into
bands, and every reporter says them with the same titles. Kept free of heavy imports: the
command line's help uses the band names.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal, NamedTuple

Band = Literal["training-only", "at-risk", "developing", "ready"]
BANDS: tuple[Band, ...] = ("training-only", "at-risk", "developing", "ready")
"""Band names, worst first."""

BAND_TITLE: dict[Band, str] = {
    "training-only": "Training only",
    "at-risk": "At risk",
    "developing": "Developing",
    "ready": "Ready",
}
BAND_MEANING: dict[Band, str] = {
    "training-only": "The plan buys training, not implementation: practice is unlikely to change.",
    "at-risk": "The plan has gaps that are likely to let practice slip back to old ways.",
    "developing": "The plan commissions real support for implementation, with gaps still to close.",
    "ready": "The plan commissions implementation, not just training.",
}

Key = str | int
KeyPath = tuple[Key, ...]
"""Where a value sits in a plan: its keys and list positions from the top."""


class Outcome(str, Enum):
    MET = "met"
    PARTIAL = "partial"
    NOT_MET = "not-met"
    NO_EVIDENCE = "no-evidence"
    WAIVED = "waived"
    NOT_APPLICABLE = "not-applicable"

    @property
    def value_score(self) -> float | None:
        """What the outcome counts as in a lever score; None when it is left out."""
        return _VALUES[self]

    @property
    def fails(self) -> bool:
        """Whether the outcome triggers a criterion's ``caps_band``."""
        return self in (Outcome.NOT_MET, Outcome.NO_EVIDENCE)

    @property
    def is_gap(self) -> bool:
        """Not met, partly met or not written down: something to commission."""
        return self in (Outcome.PARTIAL, Outcome.NOT_MET, Outcome.NO_EVIDENCE)


_VALUES = {
    Outcome.MET: 1.0,
    Outcome.PARTIAL: 0.5,
    Outcome.NOT_MET: 0.0,
    Outcome.NO_EVIDENCE: 0.0,
    Outcome.WAIVED: None,
    Outcome.NOT_APPLICABLE: None,
}

OUTCOME_TITLE: dict[Outcome, str] = {
    Outcome.MET: "met",
    Outcome.PARTIAL: "partly met",
    Outcome.NOT_MET: "not met",
    Outcome.NO_EVIDENCE: "not written down",
    Outcome.WAIVED: "waived",
    Outcome.NOT_APPLICABLE: "not applicable",
}


class Hit(NamedTuple):
    """A phrase found in a piece of free text, by the language checks."""

    path: KeyPath
    occurrence: int
    """Which match of the phrase's pattern in that text (0 for the first)."""
    phrase: str
    found: str
    reframe: str


class Finding(NamedTuple):
    """What a check found: an outcome, one plain sentence why, and the key paths it read."""

    outcome: Outcome
    reason: str
    paths: tuple[KeyPath, ...] = ()
    hits: tuple[Hit, ...] = ()
