"""Plain-English wording every stage shares: key paths as people write them, the nearest
allowed word for a typo, and text cut short for a message."""

from __future__ import annotations

from functools import lru_cache

from readiness.outcomes import KeyPath


@lru_cache(maxsize=4096)
def label(path: KeyPath) -> str:
    """A key path as people read it: ``rollout.cohorts[0].size``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The closest allowed word, if one is close enough to be a likely typo."""
    import difflib

    found = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    if not found:
        return None
    return next(c for c in choices if c.lower() == found[0])


def short(text: str, limit: int = 60) -> str:
    """Text quoted in a message, cut short when long."""
    return text if len(text) <= limit else text[: limit - 3] + "..."
