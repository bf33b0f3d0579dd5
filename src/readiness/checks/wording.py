"""How checks say things: figures, frequencies, lists and the plan's words in plain English."""

from __future__ import annotations

from collections.abc import Sequence

from readiness.plan.types import FREQUENCY_PER_YEAR
from readiness.plan.vocabulary import plain


def number(value: float) -> str:
    """36 -> '36', 12.5 -> '12.5', 8.666 -> '8.7', 0.001 -> '0.001' (never '0' for a non-zero
    figure)."""
    if float(value).is_integer():
        return f"{value:.0f}"
    if abs(value) < 0.05:
        return f"{value:.2g}"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def share(value: float, *thresholds: float) -> str:
    """A percentage to quote beside thresholds, never rounded onto a threshold it is not."""
    for places in (0, 1, 2, 3):
        text = f"{value:.{places}f}"
        if all(float(text) != t or value == t for t in thresholds):
            return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{value:.4f}"


def money(amount: float) -> str:
    """25000 -> '25,000'; 0.5 -> '0.50'."""
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"


def plain_list(words: Sequence[str], joiner: str = "and") -> str:
    return say_list([plain(w) for w in words], joiner)


def every_weeks(per_year: float) -> str:
    """A yearly count as a gap in weeks, for reasons: 6.5 -> 'every 8 weeks'."""
    weeks = 52 / per_year if per_year else 0
    return f"every {number(round(weeks, 1))} weeks" if weeks else "never"


def plural(count: float, word: str, many: str | None = None) -> str:
    """'1 session', '2 sessions', '1.5 hours'."""
    return f"{number(count)} {word if count == 1 else many or word + 's'}"


def how_often(frequency: str) -> str:
    """A frequency word as it reads in a sentence."""
    return {
        "once": "once only",
        "none": "never",
        "six-weekly": "every six weeks",
        "bi-monthly": "every two months",
        "six-monthly": "every six months",
    }.get(frequency, frequency)


def threshold_frequency(per_year: float) -> str:
    """The frequency word for a yearly count, for reasons such as 'at least monthly'."""
    for word, count in FREQUENCY_PER_YEAR.items():
        if count and abs(count - per_year) < 0.05:
            return how_often(word)
    return f"{number(per_year)} times a year"


def say_list(items: Sequence[str], joiner: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {joiner} " + items[-1]
