"""The language checks (RP-08, LF-07): punitive or surveillance phrasing in free text.

Phrases come from the rubric's ``phrases`` lists. Matching ignores case, works on whole words,
treats a space and a hyphen alike, and lets a trailing ``*`` continue the word. A phrase in
quotation marks, or after a negation ("not", "no", "avoid", "instead of" ...), is
being rejected rather than used, so it is not a hit; the rubric's ``negation`` says which
words negate and which may stand between.

Over 200 lines: phrase matching, negation and the two criteria that use them belong
together, and the matcher is tuned as a whole for speed.
"""

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import Literal

from pydantic import BaseModel

from readiness.checks.base import (
    Context,
    Negation,
    Params,
    Phrase,
    check,
    met,
    no_evidence,
    not_met,
    partial,
)
from readiness.checks.wording import (
    plural,
    say_list,
)
from readiness.outcomes import Finding, Hit, KeyPath
from readiness.plan.models import Plan

FREE_TEXT_FIELDS = frozenset(("notes", "exit_criteria", "escalation", "practice_mapping"))
"""Keys whose text is prose a person wrote, read by the language checks (with narrative)."""

_CLAUSE_END = re.compile(r"[.;:!?\n]")
_WORD = re.compile(r"[\w'’]+")
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”]*”|‘[^’]*’|(?<!\w)'[^'\n]*'(?!\w)")


def phrase_pattern(phrase: str) -> str:
    """The regular expression for one phrase (no flags; compile with IGNORECASE)."""
    wildcard = phrase.endswith("*")
    words = re.split(r"[\s-]+", phrase.rstrip("*").strip())
    body = r"[\s-]+".join(re.escape(w) for w in words if w)
    return r"(?<!\w)" + body + (r"[^\W_]*(?!\w)" if wildcard else r"(?!\w)")


@lru_cache(maxsize=64)
def _compiled(phrases: tuple[Phrase, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(phrase_pattern(p.phrase), re.IGNORECASE) for p in phrases)


@lru_cache(maxsize=64)
def _combined(phrases: tuple[Phrase, ...]) -> re.Pattern[str]:
    """One pattern for a whole list, longer phrases first, so one pass finds every phrase.

    Group ``p3`` is phrase 3, so a match says which phrase it found.
    """
    order = sorted(range(len(phrases)), key=lambda i: -len(phrases[i].phrase))
    body = "|".join(f"(?P<p{i}>{phrase_pattern(phrases[i].phrase)})" for i in order)
    return re.compile(body or r"(?!)", re.IGNORECASE)


def free_text(plan: Plan, scope: str) -> Iterator[tuple[KeyPath, str]]:
    """Every piece of free text in the plan (or in one top-level section), with its path."""
    if scope in ("all", "narrative") and plan.narrative:
        for key, text in plan.narrative.items():
            yield ("narrative", key), text
    for name in type(plan).model_fields:
        if scope in ("all", name):
            yield from _walk(getattr(plan, name), (name,))


def _walk(value: object, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*path, i))
        return
    if not isinstance(value, BaseModel):
        return
    for name, kind in _layout(type(value)):
        child = getattr(value, name)
        if child is None:
            continue
        if kind == "nested":
            yield from _walk(child, (*path, name))
        elif isinstance(child, str):
            yield (*path, name), child
        else:
            for i, item in enumerate(child):
                yield (*path, name, i), item


@cache
def _layout(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """A model's fields worth visiting: free text, and sections that may hold some."""
    out = []
    for name, field in model.model_fields.items():
        if name in FREE_TEXT_FIELDS:
            out.append((name, "text"))
        elif "BaseModel" in _mro_names(field.annotation):
            out.append((name, "nested"))
    return tuple(out)


def _mro_names(annotation: object) -> set[str]:
    """Names of the classes an annotation's types inherit from (through lists and unions)."""
    from typing import get_args

    if isinstance(annotation, type):
        return {c.__name__ for c in annotation.__mro__}
    names: set[str] = set()
    for arg in get_args(annotation):
        names |= _mro_names(arg)
    return names


class _Text:
    """One piece of free text, read once: its words, quoted spans and clause breaks.

    Every phrase found in it is then judged in time proportional to the few words before it,
    whatever the length of the text.
    """

    def __init__(self, text: str, flagged: Sequence[tuple[int, int]]) -> None:
        self.quoted = [m.span() for m in _QUOTED.finditer(text)]
        self.breaks = [m.end() for m in _CLAUSE_END.finditer(text)]
        self.words = [
            (m.group().lower().replace("’", "'"), m.start()) for m in _WORD.finditer(text)
        ]
        self.starts = [at for _, at in self.words]
        self.flagged = sorted(flagged)
        self.flag_starts = [a for a, _ in self.flagged]

    def in_quotes(self, at: int) -> bool:
        i = bisect.bisect_left(self.quoted, (at, at)) - 1
        return 0 <= i < len(self.quoted) and self.quoted[i][0] < at < self.quoted[i][1]

    def in_flagged(self, at: int) -> bool:
        i = bisect.bisect_right(self.flag_starts, at) - 1
        return i >= 0 and self.flagged[i][0] <= at < self.flagged[i][1]

    def clause_start(self, at: int) -> int:
        i = bisect.bisect_right(self.breaks, at) - 1
        return self.breaks[i] if i >= 0 else 0


_LOOK_BACK = 40
"""Words read back from a phrase at most, looking for a negation."""


def _rejected(read: _Text, start: int, negation: Negation) -> bool:
    """Reading back from the phrase within its clause, a negation must come before anything
    but connecting words (at most ``negation.reach`` of them); words of other flagged
    phrases do not count, so "not zero tolerance or sanctions" rejects both."""
    if read.in_quotes(start):
        return True
    floor = read.clause_start(start)
    last = bisect.bisect_left(read.starts, start) - 1
    bridged = 0
    for i in range(last, max(-1, last - _LOOK_BACK), -1):
        word, at = read.words[i]
        if at < floor:
            return False
        if word.endswith("n't") or any(
            len(n) <= i + 1 and tuple(w for w, _ in read.words[i - len(n) + 1 : i + 1]) == n
            for n in negation.words
            if n and n[-1] == word
        ):
            return True
        if read.in_flagged(at):
            continue
        if word not in negation.connecting:
            return False
        bridged += 1
        if bridged > negation.reach:
            return False
    return False


@lru_cache(maxsize=64)
def _sieve(phrases: tuple[Phrase, ...]) -> re.Pattern[str]:
    """A cheap first pass: does the text hold the first word of any phrase at all?"""
    firsts = set()
    for phrase in phrases:
        first = re.split(r"[\s-]+", phrase.phrase.strip())[0]
        stem = first.endswith("*") or len(re.split(r"[\s-]+", phrase.phrase.strip())) == 1
        firsts.add(re.escape(first.rstrip("*")) + (r"" if stem else r"(?!\w)"))
    body = "|".join(sorted(firsts)) or r"(?!)"
    return re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE)


MAX_HITS = 100
"""Phrases reported for one criterion at most; the count in the reason is still exact."""


def find_hits(
    texts: list[tuple[KeyPath, str]], phrases: tuple[Phrase, ...], negation: Negation
) -> tuple[list[Hit], int]:
    """Phrases used (not quoted, not negated), the first ``MAX_HITS`` of them, and how many."""
    combined = _combined(phrases)
    sieve = _sieve(phrases)
    hits: list[Hit] = []
    total = 0
    if not sieve.search("\n".join(text for _, text in texts)):
        return hits, total  # no phrase's first word anywhere: nothing to look at
    for path, text in texts:
        if not sieve.search(text):
            continue
        found = list(combined.finditer(text))
        if not found:
            continue
        read = _Text(text, [m.span() for m in found])
        seen: dict[int, int] = {}
        for match in found:
            index = int((match.lastgroup or "p0")[1:])
            occurrence = seen.get(index, 0)  # to find this match again in the file
            seen[index] = occurrence + 1
            if _rejected(read, match.start(), negation):
                continue
            total += 1
            if len(hits) < MAX_HITS:
                phrase = phrases[index]
                hits.append(Hit(path, occurrence, phrase.phrase, match.group(), phrase.reframe))
    return hits, total


class LanguageParams(Params):
    scope: Literal[
        "all",
        "narrative",
        "plan",
        "workforce",
        "training",
        "rollout",
        "managers",
        "standards",
        "line_managers",
        "fidelity",
        "budget",
    ]
    groups: list[str]
    partial_max_hits: int


@check(
    "language",
    LanguageParams,
    reads=("narrative", "notes", "exit_criteria", "escalation", "practice_mapping"),
)
def language(plan: Plan, params: LanguageParams, ctx: Context) -> Finding:
    """Phrases from the rubric's lists, found in free text, each with a relational reframe."""
    texts = list(free_text(plan, params.scope))
    kinds = say_list(params.groups, "or")
    section = params.scope.replace("_", " ")
    if not texts:
        if params.scope == "all":
            return no_evidence(
                "The plan has no free text to read (narrative, notes, exit criteria, escalation).",
                ("narrative",),
            )
        return no_evidence(f"The {section} section has no free text to read.", (params.scope,))
    where = "the plan's" if params.scope == "all" else f"the {section} section's"
    phrases = tuple(p for group in params.groups for p in ctx.phrases.get(group, ()))
    hits, total = find_hits(texts, phrases, ctx.negation)
    if not total:
        return met(
            f"No {kinds} phrases in {where} {plural(len(texts), 'piece')} of free text.",
            *[path for path, _ in texts[:1]],
        )
    shown = "; ".join(f"'{h.found}' (try '{h.reframe}')" for h in hits[:3])
    more = f"; and {total - 3} more" if total > 3 else ""
    reason = f"{plural(total, 'phrase')} to reframe: {shown}{more}."
    paths = tuple(dict.fromkeys(h.path for h in hits))
    if total <= params.partial_max_hits:
        return partial(reason, *paths, hits=tuple(hits))
    return not_met(reason, *paths, hits=tuple(hits))
