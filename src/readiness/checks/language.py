"""The language checks (RP-08, LF-07): punitive or surveillance phrasing in free text.

Phrases come from the rubric's ``phrases`` lists. Matching ignores case, works on whole words,
treats a space and a hyphen alike, and lets a trailing ``*`` continue the word. A phrase in
quotation marks, or after a negation ("not", "no", "avoid", "instead of" ...), is
being rejected rather than used, so it is not a hit; the rubric's ``negation`` says which
words negate and which may stand between.

The scan is linear and fast on text dense with flagged words (a plan of up to 100 MB may be
read): phrases are found by one literal scan per first word over the lower-cased text (exactly
as the combined, case-ignoring pattern would find them, which is kept for the rare lists it
cannot handle), and each is judged from the few words before it, with the verdict on each
repeated piece of text between phrases worked out once.

Over 200 lines: phrase matching, negation and the two criteria that use them belong
together, and the matcher is tuned as a whole for speed (``tests/checks/test_language_speed.py``
checks it against a plain reading of the same rules).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from typing import Literal, NamedTuple

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

_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”]*”|‘[^’]*’|'(?<!\w')[^'\n]*'(?!\w)")
"""A quotation: straight or curly double or single quotes (a single quote only when not an
apostrophe). Every branch starts with its quotation mark, so the scan skips straight to them."""
_WORD = re.compile(r"[\w'’]+")
_CLAUSE_END = re.compile(r"[.;:!?\n]")
_PREVIOUS = re.compile(r"[^\w'’.;:!?\n]*([.;:!?\n][^\w'’]*)?([\w'’]+)")
"""Read on the reversed text: the gap before a word (group 1 if it ends a clause), the word."""
_START_OF, _END_OF, _SPAN_OF = re.Match.start, re.Match.end, re.Match.span
_FOLDS = (("İ", "i"), ("ı", "i"), ("ſ", "s"))
"""Letters that ignoring case matches to a plain letter, which ``str.lower`` does not give."""


def phrase_pattern(phrase: str) -> str:
    """The regular expression for one phrase (no flags; compile with IGNORECASE)."""
    wildcard = phrase.endswith("*")
    words = re.split(r"[\s-]+", phrase.rstrip("*").strip())
    body = r"[\s-]+".join(re.escape(w) for w in words if w)
    return r"(?<!\w)" + body + (r"[^\W_]*(?!\w)" if wildcard else r"(?!\w)")


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


# -- finding phrases: one literal scan per first word, over the lower-cased text --------------
class _Group(NamedTuple):
    """The phrases that begin with one word, as one pattern over lower-cased text. It is led
    by that word, so the regular expression engine skips straight to it; the combined,
    case-ignoring pattern is tried at every character and runs at well under 1 MB/s."""

    first: str
    source: str
    """The pattern, compiled when a text first holds the word (most texts hold few of them)."""
    indexes: tuple[int, ...]
    """The phrase of each alternative (numbered group) of the pattern, in the combined order."""
    overlapping: bool
    """Whether a match can start inside another."""

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compiled(self.source)


_compiled = lru_cache(maxsize=4096)(re.compile)


class _Scan(NamedTuple):
    groups: tuple[_Group, ...]
    ranks: tuple[int, ...]
    """By phrase index: where the phrase stands in the combined pattern (longest first)."""


def _words(phrase: str) -> list[str] | None:
    """A phrase's words in lower case; None if it has none or is not plain ASCII."""
    words = [w for w in re.split(r"[\s-]+", phrase.lower().rstrip("*").strip()) if w]
    return words if words and phrase.isascii() else None


def _rest(phrase: str, words: list[str]) -> str:
    """``phrase_pattern`` after the first word."""
    body = "".join(r"[\s-]+" + re.escape(w) for w in words[1:])
    return body + (r"[^\W_]*(?!\w)" if phrase.endswith("*") else r"(?!\w)")


def _head(first: str) -> str:
    """The first word, then the check that a word started there (after it, so that the
    regular expression engine can skip straight to the word)."""
    return re.escape(first) + rf"(?<!\w.{{{len(first)}}})"


def _can_overlap(words: list[str], first: str) -> bool:
    """Whether a match can start inside a match: only if a later word could begin as the
    first does, or a word holds a character that starts a word inside it."""
    if not all(re.fullmatch(r"\w+", word) for word in words):
        return True
    return any(word.startswith(first) or first.startswith(word) for word in words[1:])


@lru_cache(maxsize=64)
def _scan(phrases: tuple[Phrase, ...]) -> _Scan | None:
    """The fast scan for a phrase list, or None (then the combined pattern is used)."""
    words = [_words(p.phrase) for p in phrases]
    order = sorted(range(len(phrases)), key=lambda i: -len(phrases[i].phrase))
    ranks = [0] * len(phrases)
    members: dict[str, list[int]] = {}
    for rank, index in enumerate(order):
        ranks[index] = rank
        these = words[index]
        if these is None:
            return None
        members.setdefault(these[0], []).append(index)
    groups = []
    for first, indexes in members.items():
        rests = [_rest(phrases[i].phrase, words[i] or []) for i in indexes]
        body = rests[0] if len(rests) == 1 else "|".join(f"({rest})" for rest in rests)
        head = _head(first)
        overlapping = any(_can_overlap(words[i] or [], first) for i in indexes)
        groups.append(_Group(first, f"{head}(?:{body})", tuple(indexes), overlapping))
    return _Scan(tuple(groups), tuple(ranks))


@lru_cache(maxsize=1)
def _ascii_like() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each ASCII character with the pattern that matches it ignoring case; built on first use
    (only text with non-ASCII letters needs it), not on every start."""
    return tuple(
        (c, re.compile(re.escape(c), re.IGNORECASE))
        for c in map(chr, range(128))
        if not c.isupper()
    )


_CLASSES = tuple(re.compile(c) for c in (r"\w", r"\s", r"[^\W_]", r"[\w'’]", r"[.;:!?\n]"))


@lru_cache(maxsize=4096)
def _folds_safely(char: str) -> bool:
    """Whether lower-casing ``char`` (as ``_folded`` does) keeps every match the same: it stays
    one character, in the same classes, and equal to exactly the ASCII characters it matches
    when case is ignored. Checked per character, so no Unicode table is trusted blindly."""
    plain = dict(_FOLDS).get(char, char)
    for folded in {plain.lower(), ("a" + plain).lower()[1:]}:  # both sigmas
        if len(folded) != 1:
            return False
        if any(bool(c.match(char)) != bool(c.match(folded)) for c in _CLASSES):
            return False
        if any(bool(like.fullmatch(char)) != (folded == c) for c, like in _ascii_like()):
            return False
    return True


def _folded(text: str) -> str | None:
    """The text lower-cased, letter for letter, or None if that would change a match."""
    if text.isascii():
        return text.lower()
    if not all(map(_folds_safely, {c for c in set(text) if not c.isascii()})):
        return None
    for odd, plain in _FOLDS:
        if odd in text:
            text = text.replace(odd, plain)
    return text.lower()


def _each(group: _Group, text: str, overlapping: bool) -> tuple[list[re.Match[str]], list[int]]:
    """Every match of one group, and its phrase. Where two could overlap, each is looked for
    from the last one's start, so that none is hidden by another."""
    if not overlapping:
        each = list(group.pattern.finditer(text))
    else:
        each = []
        found = group.pattern.search(text)
        while found is not None:
            each.append(found)
            found = group.pattern.search(text, found.start() + 1)
    if len(group.indexes) == 1:
        return each, [group.indexes[0]] * len(each)
    return each, [group.indexes[(m.lastindex or 1) - 1] for m in each]


class _Found(NamedTuple):
    """The phrases found in one text, in order: where each starts and ends, and which it is."""

    starts: list[int]
    ends: list[int]
    indexes: list[int]


def _matches(text: str, phrases: tuple[Phrase, ...]) -> _Found:
    """Every phrase used in the text, exactly as a ``finditer`` of the combined pattern finds
    them: leftmost first, the earlier in the combined pattern first at one place, and never
    overlapping."""
    scan = _scan(phrases)
    folded = None if scan is None else _folded(text)
    if scan is None or folded is None:
        slow = list(_combined(phrases).finditer(text))
        indexes = [int((m.lastgroup or "p0")[1:]) for m in slow]
        return _Found(list(map(_START_OF, slow)), list(map(_END_OF, slow)), indexes)
    each = [
        (group, found)
        for group in scan.groups
        if group.first in folded and (found := _each(group, folded, False))[0]
    ]
    if len(each) == 1:  # no other phrase to take its place: as found
        matches, indexes = each[0][1]
        return _Found(list(map(_START_OF, matches)), list(map(_END_OF, matches)), indexes)
    ordered: list[tuple[int, int, int, int]] = []
    for group, (matches, indexes) in each:
        if group.overlapping:
            matches, indexes = _each(group, folded, True)
        starts, ends = map(_START_OF, matches), map(_END_OF, matches)
        ordered += zip(starts, map(scan.ranks.__getitem__, indexes), ends, indexes, strict=True)
    ordered.sort()
    return _leftmost(ordered)


def _leftmost(ordered: list[tuple[int, int, int, int]]) -> _Found:
    """From (start, rank, end, index) in order, those a scan from left to right keeps."""
    starts = list(map(operator.itemgetter(0), ordered))
    ends = list(map(operator.itemgetter(2), ordered))
    if not any(map(operator.lt, starts[1:], ends)):  # nothing overlaps: keep all
        return _Found(starts, ends, list(map(operator.itemgetter(3), ordered)))
    found = _Found([], [], [])
    resume = 0
    for start, _, end, index in ordered:
        if start >= resume:
            found.starts.append(start)
            found.ends.append(end)
            found.indexes.append(index)
            resume = end
    return found


def _quoted(text: str) -> list[tuple[int, int]]:
    """The quoted spans. An opening curly quotation mark with no closing one after it can
    never match, so it is blanked first: otherwise each would scan to the end of the text."""
    if not any(mark in text for mark in "\"“‘'"):
        return []
    for opening, closing in (("“", "”"), ("‘", "’")):
        last = text.rfind(closing) + 1
        if text.find(opening, last) >= 0:
            text = text[:last] + text[last:].replace(opening, "\0")
    return list(map(_SPAN_OF, _QUOTED.finditer(text)))


# -- judging each match: quoted, or after a negation ------------------------------------------
class _Rules(NamedTuple):
    single: frozenset[str]
    longer: dict[str, tuple[tuple[str, ...], ...]]
    """Negations of several words, by their last word."""
    connecting: frozenset[str]
    reach: int


@lru_cache(maxsize=64)
def _rules(negation: Negation) -> _Rules:
    longer: dict[str, tuple[tuple[str, ...], ...]] = {}
    for words in negation.words:
        if len(words) > 1:
            longer[words[-1]] = (*longer.get(words[-1], ()), words)
    single = frozenset(words[0] for words in negation.words if len(words) == 1)
    return _Rules(single, longer, negation.connecting, negation.reach)


class _Words:
    """The words before one place in a text (or a piece of it), read backwards as needed."""

    def __init__(self, text: str, backwards: str, start: int, whole: bool) -> None:
        self.text, self.backwards, self.start, self.whole = text, backwards, start, whole
        self.pos = len(text) - start
        self.words: list[tuple[str, int, bool]] = []
        """(word in lower case, where it starts, whether a clause ends after it)."""

    def word(self, back: int) -> tuple[str, int, bool] | None:
        while len(self.words) <= back:
            found = _PREVIOUS.match(self.backwards, self.pos)
            if found is None:
                return None
            self.pos = found.end()
            at, end = len(self.text) - self.pos, len(self.text) - found.start(2)
            if end == self.start:  # an apostrophe joins this word to the phrase's first
                run = _WORD.match(self.text, at)
                end = run.end() if run else end
            word = self.text[at:end].lower().replace("’", "'")
            self.words.append((word, at, found.group(1) is not None))
        return self.words[back]

    def spells(self, back: int, words: tuple[str, ...]) -> bool | None:
        """Whether the words ending ``back`` words back are ``words`` (None: not known from a
        piece of the text)."""
        first = back + len(words) - 1
        if self.word(first) is None:
            return False if self.whole else None
        return tuple(self.words[i][0] for i in range(first, back - 1, -1)) == words

    def clause_ends_before(self) -> bool:
        """Whether a clause ends somewhere before the words read so far."""
        return _CLAUSE_END.search(self.backwards, self.pos) is not None


class _State(NamedTuple):
    """How far reading back has gone, at the start of a piece of text."""

    back: int
    """Words read."""
    bridged: int
    """Connecting words read."""


_START = _State(0, 0)
_LOOK_BACK = 40
"""Words read back from a phrase at most, looking for a negation."""

Verdict = bool | None | _State
"""Rejected or not; None if only reading the whole text can tell; or, for a piece of the
text, how far reading back got through it."""


def _read_back(
    words: _Words, rules: _Rules, state: _State, flagged: Callable[[int], bool]
) -> Verdict:
    """Reading back from the phrase within its clause, a negation must come before anything
    but connecting words (at most ``reach`` of them); words of other flagged phrases do not
    count, so "not zero tolerance or sanctions" rejects both."""
    back, bridged = state
    for i in range(_LOOK_BACK - back):
        found = words.word(i)
        if found is None:
            if words.whole or words.clause_ends_before():
                return False
            return _State(back + i, bridged)  # read on in the piece before
        word, at, clause_ends = found
        if clause_ends:
            return False
        if word.endswith("n't") or word in rules.single:
            return True
        for negation in rules.longer.get(word, ()):
            spelled = words.spells(i, negation)
            if spelled is None or spelled:
                return spelled
        if flagged(at):
            continue
        if word not in rules.connecting:
            return False
        bridged += 1
        if bridged > rules.reach:
            return False
    return False


_APOSTROPHES = ("'", "’")
_UNSEEN: Verdict = _State(-1, -1)
_WORD_ENDS = re.compile(r"\w(?:.*\w)?", re.DOTALL)
_LONGEST_PIECE = 2000
"""Longer pieces of text are not worth remembering: their phrases are read in the text."""


class _Pieces:
    """Verdicts from the pieces of text before a phrase: the gap since the phrase before, that
    phrase, the gap before it ... Dense text repeats the same few pieces, so each is read
    once per state and criterion, whatever the length of the text."""

    def __init__(self, rules: _Rules) -> None:
        self.rules = rules
        self.known: dict[tuple[str, bool, _State, bool], Verdict] = {}
        self.gaps: dict[str, Verdict] = {}
        """Verdicts from a gap alone, read from the phrase after it."""
        self.plain: dict[str, int] = {}
        """Phrases by the number of their words; -1 if one of them may negate."""
        self.pairs: dict[tuple[str, str, _State, bool], Verdict] = {}
        """Verdicts from a phrase and the gap before it."""

    def from_gaps(self, gaps: list[str]) -> list[Verdict]:
        for gap in set(gaps).difference(self.gaps):
            self.gaps[gap] = self.verdict(gap, False, _START, False)
        return list(map(self.gaps.__getitem__, gaps))

    def verdict(self, piece: str, phrase: bool, state: _State, whole: bool) -> Verdict:
        """Read back through ``piece`` (a phrase, or a gap; ``whole``: from the text's start)."""
        key = (piece, phrase, state, whole)
        if key not in self.known:
            self.known[key] = self._read(piece, phrase, state, whole)
        return self.known[key]

    def _read(self, piece: str, phrase: bool, state: _State, whole: bool) -> Verdict:
        if len(piece) > _LONGEST_PIECE or (phrase and not _WORD_ENDS.fullmatch(piece)):
            return None
        if not phrase and (piece[-1:] in _APOSTROPHES or (piece[:1] in _APOSTROPHES and not whole)):
            return None  # a word may run on from the gap into a phrase
        words = _Words(piece, piece[::-1], len(piece), whole)
        return _read_back(words, self.rules, state, _ALWAYS if phrase else _NEVER)

    def through(self, phrase: str, gap: str, state: _State, whole: bool) -> Verdict:
        """Read back through a phrase and then the gap before it."""
        key = (phrase, gap, state, whole)
        verdict = self.pairs.get(key, _UNSEEN)
        if verdict is _UNSEEN:
            verdict = None if gap[-1:] in _APOSTROPHES else self.verdict(phrase, True, state, False)
            if isinstance(verdict, _State):
                verdict = self.verdict(gap, False, verdict, whole)
            self.pairs[key] = verdict
        return verdict

    def words(self, phrase: str) -> int:
        """How many words a phrase has, or -1 unless all are read past without a second look:
        none may negate, no clause ends inside, and it begins and ends with a letter."""
        if phrase not in self.plain:
            words = self._plain_words(phrase)
            shape = _WORD_ENDS.fullmatch(phrase)
            self.plain[phrase] = -1 if words is None or not shape else len(words)
        return self.plain[phrase]

    def bridges(self, gap: str) -> int:
        """How many connecting words a gap holds, or -1 unless it holds only those (and no end
        of a clause, and no apostrophe that could join a word to a phrase)."""
        words = self._plain_words(gap)
        if words is None or gap[:1] in _APOSTROPHES or gap[-1:] in _APOSTROPHES:
            return -1
        return len(words) if all(w in self.rules.connecting for w in words) else -1

    def _plain_words(self, piece: str) -> list[str] | None:
        """The words of a piece, or None if one may negate or a clause ends in it."""
        words = [w.lower().replace("’", "'") for w in _WORD.findall(piece)]
        rules = self.rules
        if any(w.endswith("n't") or w in rules.single or w in rules.longer for w in words):
            return None
        return None if _CLAUSE_END.search(piece) else words


def _ALWAYS(at: int) -> bool:
    return True


def _NEVER(at: int) -> bool:
    return False


class _Runs(NamedTuple):
    """Runs of phrases with nothing but connecting words between them ("sanctions, punishment
    and consequences"): reading back through a run only counts its words and its connecting
    words, so it is skipped in one step."""

    starts: list[int]
    """For each phrase: the first phrase of the run it (and the gap before it) ends, or -1."""
    words: list[int]
    """Words in the phrases, and the gaps before them, before each phrase (and all)."""
    bridged: list[int]
    """Connecting words in the gaps before the phrases before each phrase (and all)."""


class _Reader:
    """One piece of free text with the phrases found in it, each judged in time proportional
    to the few words before it, whatever the length of the text: from the pieces of text
    before it, or, when they cannot tell, from the words before it in the whole text."""

    def __init__(self, text: str, found: _Found, pieces: _Pieces) -> None:
        self.text, self.found, self.pieces = text, found, pieces
        self.gaps = list(map(text.__getitem__, map(slice, [0, *found.ends[:-1]], found.starts)))
        self.reversed = ""

    def in_flagged(self, at: int) -> bool:
        i = bisect.bisect_right(self.found.starts, at) - 1
        return i >= 0 and at < self.found.ends[i]

    def rejected(self) -> list[bool]:
        """For each phrase found, whether it is quoted or negated rather than used."""
        starts = self.found.starts
        verdicts = self.pieces.from_gaps(self.gaps)
        verdicts[0] = self.pieces.verdict(self.gaps[0], False, _START, True)
        for start, end in _quoted(self.text):  # a quoted phrase is talked about, not used
            for i in range(bisect.bisect_right(starts, start), bisect.bisect_left(starts, end)):
                verdicts[i] = True
        pending = [i for i, v in enumerate(verdicts) if v is not True and v is not False]
        if pending:
            phrases = list(map(self.text.__getitem__, map(slice, starts, self.found.ends)))
            runs = self._runs(phrases)
            for i in pending:
                verdicts[i] = self._settle(i, verdicts[i], phrases, runs)
        return [v is True for v in verdicts]

    def _settle(self, i: int, verdict: Verdict, phrases: list[str], runs: _Runs) -> bool:
        """Read on through the phrase before and the gap before it, and so on."""
        j, through, reach = i - 1, self.pieces.through, self.pieces.rules.reach
        while j >= 0 and isinstance(verdict, _State):
            first = runs.starts[j]
            if first < 0:
                verdict = through(phrases[j], self.gaps[j], verdict, j == 0)
                j -= 1
                continue
            back = verdict.back + runs.words[j + 1] - runs.words[first]
            bridged = verdict.bridged + runs.bridged[j + 1] - runs.bridged[first]
            verdict = _State(back, bridged) if back < _LOOK_BACK and bridged <= reach else False
            j = first - 1
        if verdict is None:
            words = _Words(self.text, self.backwards(), self.found.starts[i], True)
            verdict = _read_back(words, self.pieces.rules, _START, self.in_flagged)
        return verdict is True  # or read back to the start of the text: not rejected

    def backwards(self) -> str:
        """The text reversed (made once, and only if a phrase has to be read in the text)."""
        if len(self.reversed) != len(self.text):
            self.reversed = self.text[::-1]
        return self.reversed

    def _runs(self, phrases: list[str]) -> _Runs:
        pieces = self.pieces
        counts = _each_of(phrases, {phrase: pieces.words(phrase) for phrase in set(phrases)})
        bridges = _each_of(self.gaps, {gap: pieces.bridges(gap) for gap in set(self.gaps)})
        starts, first = [], -1
        for j, (count, bridge) in enumerate(zip(counts, bridges, strict=True)):
            first = (first if first >= 0 else j) if count >= 0 and bridge >= 0 else -1
            starts.append(first)
        bridged = list(map(max, bridges, itertools.repeat(0)))
        words = map(operator.add, map(max, counts, itertools.repeat(0)), bridged)
        return _Runs(
            starts,
            list(itertools.accumulate(words, initial=0)),
            list(itertools.accumulate(bridged, initial=0)),
        )


def _each_of(keys: list[str], values: dict[str, int]) -> list[int]:
    return list(map(values.__getitem__, keys))


def locate_phrases(
    text: str, start: int, end: int, wanted: Sequence[tuple[str, int]]
) -> list[int | None]:
    """Where each ``(phrase, occurrence)`` is in ``text[start:end]``: the start of that match
    of ``phrase_pattern(phrase)`` (ignoring case) from ``start`` to ``end``, or of the last if
    there are fewer, or None if there is none. The text is lower-cased once and each phrase
    scanned once, only as far as its last occurrence wanted, however long the text."""
    before = max(0, start - 1)  # the character before, for the check that a word starts
    piece = text[before:end]
    folded = _folded(piece)
    most: dict[str, int] = {}
    for phrase, occurrence in wanted:
        most[phrase] = max(most.get(phrase, 0), occurrence)
    found: dict[str, list[int]] = {}
    for phrase, last in most.items():
        words = _words(phrase)
        if folded is None or words is None:
            pattern, haystack = re.compile(phrase_pattern(phrase), re.IGNORECASE), piece
        else:
            pattern, haystack = re.compile(_head(words[0]) + _rest(phrase, words)), folded
        matches = itertools.islice(pattern.finditer(haystack, start - before), last + 1)
        found[phrase] = [before + m.start() for m in matches]
    return [
        found[phrase][min(occurrence, len(found[phrase]) - 1)] if found[phrase] else None
        for phrase, occurrence in wanted
    ]


MAX_HITS = 100
"""Phrases reported for one criterion at most; the count in the reason is still exact."""


def find_hits(
    texts: list[tuple[KeyPath, str]], phrases: tuple[Phrase, ...], negation: Negation
) -> tuple[list[Hit], int]:
    """Phrases used (not quoted, not negated), the first ``MAX_HITS`` of them, and how many."""
    hits: list[Hit] = []
    total = 0
    pieces = _Pieces(_rules(negation))
    for path, text in texts:
        found = _matches(text, phrases)
        if not found.starts:
            continue
        rejected = _Reader(text, found, pieces).rejected()
        total += rejected.count(False)
        if len(hits) < MAX_HITS:
            hits += _first_hits(path, text, found, rejected, phrases, MAX_HITS - len(hits))
    return hits, total


def _first_hits(
    path: KeyPath,
    text: str,
    found: _Found,
    rejected: list[bool],
    phrases: tuple[Phrase, ...],
    room: int,
) -> list[Hit]:
    hits: list[Hit] = []
    seen: dict[int, int] = {}
    for start, end, index, no in zip(
        found.starts, found.ends, found.indexes, rejected, strict=True
    ):
        occurrence = seen.get(index, 0)  # to find this match again in the file
        seen[index] = occurrence + 1
        if not no:
            phrase = phrases[index]
            hits.append(Hit(path, occurrence, phrase.phrase, text[start:end], phrase.reframe))
            if len(hits) == room:
                break
    return hits


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
