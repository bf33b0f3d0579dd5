"""The plan format's vocabularies: the words each list or choice may use.

Words are matched ignoring case and surrounding spaces; an unknown word is an error that
names the nearest allowed one. ``word_pattern`` says the same in a JSON Schema pattern.
"""

from collections.abc import Iterable
from functools import cache
from typing import Annotated, Literal

from pydantic import BeforeValidator

from readiness.plan.types import lower_word

TrainingMethod = Annotated[
    Literal[
        "workshop",
        "e-learning",
        "skills-practice",
        "observation-feedback",
        "action-learning",
        "lecture",
    ],
    BeforeValidator(lower_word),
]
Nominator = Annotated[
    Literal["service-managers", "line-managers", "peers", "self"], BeforeValidator(lower_word)
]
Mark = Annotated[
    Literal[
        "direct-work",
        "curious-about-behaviour",
        "non-punitive",
        "relational-language",
        "applies-theory",
    ],
    BeforeValidator(lower_word),
]
Involvement = Annotated[
    Literal[
        "co-design",
        "identify-practitioners",
        "workforce-pressures",
        "align-expectations",
        "shared-ownership",
        "review-progress",
    ],
    BeforeValidator(lower_word),
]
SupervisionType = Annotated[
    Literal["reflective", "clinical", "case-management"], BeforeValidator(lower_word)
]
About = Annotated[
    Literal["children-families", "practitioners", "organisation"], BeforeValidator(lower_word)
]
SupervisionStyle = Annotated[
    Literal["reflective", "mixed", "case-management"], BeforeValidator(lower_word)
]
WellbeingSupport = Annotated[
    Literal["reflective-groups", "clinical-supervision", "peer-support", "eap", "self-care"],
    BeforeValidator(lower_word),
]
Reporting = Annotated[Literal["aggregate", "individual"], BeforeValidator(lower_word)]
Purpose = Annotated[
    Literal["learning", "assurance", "performance-management"], BeforeValidator(lower_word)
]
FidelityMethod = Annotated[
    Literal[
        "self-assessment",
        "reflective-case-review",
        "peer-observation",
        "observation",
        "case-audit",
        "practitioner-survey",
    ],
    BeforeValidator(lower_word),
]
Use = Annotated[
    Literal["learning", "service-improvement", "performance-management", "disciplinary"],
    BeforeValidator(lower_word),
]
BudgetCategory = Annotated[
    Literal[
        "training",
        "coaching",
        "supervision",
        "backfill",
        "fidelity",
        "evaluation",
        "champions",
        "implementation-team",
        "service-posts",
        "lived-experience",
        "other",
    ],
    BeforeValidator(lower_word),
]
Role = Annotated[
    Literal[
        "service-manager",
        "line-manager",
        "practitioner",
        "commissioner",
        "provider",
        "senior-leader",
        "lived-experience",
        "other",
    ],
    BeforeValidator(lower_word),
]
RolloutModel = Annotated[Literal["staged", "whole-service"], BeforeValidator(lower_word)]
ManagerTopic = Annotated[
    Literal["the-approach", "reflective-supervision", "team-wellbeing", "coaching-skills"],
    BeforeValidator(lower_word),
]
CoProducer = Annotated[
    Literal[
        "children-young-people", "parents-carers", "care-experienced-adults", "community-partners"
    ],
    BeforeValidator(lower_word),
]
ResultsReader = Annotated[
    Literal[
        "practitioner",
        "team",
        "line-manager",
        "implementation-group",
        "appraisal",
        "performance-reports",
    ],
    BeforeValidator(lower_word),
]
MeasureKind = Annotated[Literal["outcome", "practice", "satisfaction"], BeforeValidator(lower_word)]


# How each word reads in a sentence, where it is not the word with its hyphens as spaces.
PLAIN_WORDS = {
    "co-design": "co-designing the plan",
    "identify-practitioners": "identifying practitioners",
    "workforce-pressures": "weighing workforce pressures",
    "align-expectations": "aligning expectations",
    "shared-ownership": "shared ownership",
    "review-progress": "reviewing progress",
    "observation-feedback": "observation with feedback",
    "e-learning": "e-learning",
    "self-assessment": "self-assessment",
    "service-managers": "service managers",
    "line-managers": "line managers",
    "eap": "an employee assistance programme",
    "self-care": "self-care",
    "disciplinary": "disciplinary action",
    "service-manager": "a service manager",
    "line-manager": "a line manager",
    "senior-leader": "a senior leader",
    "lived-experience": "someone with lived experience",
    "whole-service": "whole-service",
    "the-approach": "the approach",
    "children-young-people": "children and young people",
    "parents-carers": "parents and carers",
    "implementation-group": "the implementation group",
    "performance-reports": "performance reports",
    "implementation-team": "implementation team",
    "service-posts": "service posts",
}


def plain(word: str) -> str:
    """A vocabulary word of the plan format as it reads in a sentence."""
    return PLAIN_WORDS.get(word, word.replace("-", " "))


# -- the same rule as a pattern, for the JSON Schema (``readiness schema``) ------------------
def word_pattern(words: Iterable[str]) -> str:
    r"""A pattern, the same in ECMA-262 and Python, matching what ``lower_word`` turns into one
    of ``words``: ``^\s*(?:[Mm][Oo][Nn][Tt][Hh][Ll][Yy]|...)\s*$``."""
    return rf"^\s*(?:{'|'.join(map(any_case, words))})\s*$"


def any_case(word: str) -> str:
    r"""``word`` in any case, as ``str.lower`` reads it: ``[Ww][Ee][Ee][Kk\u212A][Ll][Yy]``
    (U+212A, the Kelvin sign, lowers to k)."""
    pattern = ""
    for char in word:
        if not (char.isascii() and (char.isalnum() or char == "-")):
            raise ValueError(f"no pattern for {char!r} in the word {word!r}")
        found = _lowering_to().get(char, [char])
        escaped = [c if c.isascii() else f"\\u{ord(c):04X}" for c in found]
        pattern += escaped[0] if len(found) == 1 else f"[{''.join(escaped)}]"
    return pattern


@cache
def _lowering_to() -> dict[str, list[str]]:
    """Characters by their lower case, where that is one ASCII character: K, k and the Kelvin
    sign lower to k. All are in the basic multilingual plane (a test checks the rest)."""
    found: dict[str, list[str]] = {}
    for char in map(chr, range(0x10000)):
        lower = char.lower()
        if len(lower) == 1 and lower.isascii():
            found.setdefault(lower, []).append(char)
    return found
