"""The language scan (RP-08, LF-07) is fast and linear on text dense with flagged words, and
finds exactly what a plain reading of its rules finds.

``reference_hits`` below is that plain reading: the matcher as it was before it was tuned (one
combined, case-ignoring pattern; every word of the text listed; a walk back from each phrase),
kept here as the definition the fast scan is checked against.
"""

from __future__ import annotations

import bisect
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AS_OF, EXAMPLES, run
from readiness.checks.base import Negation, Phrase
from readiness.checks.language import find_hits, locate_phrases, phrase_pattern
from readiness.outcomes import Hit, KeyPath


# -- the plain reading of the rules -----------------------------------------------------------
def reference_hits(
    texts: list[tuple[KeyPath, str]], phrases: tuple[Phrase, ...], negation: Negation
) -> tuple[list[Hit], int]:
    order = sorted(range(len(phrases)), key=lambda i: -len(phrases[i].phrase))
    body = "|".join(f"(?P<p{i}>{phrase_pattern(phrases[i].phrase)})" for i in order)
    combined = re.compile(body or r"(?!)", re.IGNORECASE)
    hits: list[Hit] = []
    total = 0
    for path, text in texts:
        found = list(combined.finditer(text))
        read = _Read(text, [m.span() for m in found])
        seen: dict[int, int] = {}
        for match in found:
            index = int((match.lastgroup or "p0")[1:])
            occurrence = seen.get(index, 0)
            seen[index] = occurrence + 1
            if _rejected(read, match.start(), negation):
                continue
            total += 1
            if len(hits) < 100:
                phrase = phrases[index]
                hits.append(Hit(path, occurrence, phrase.phrase, match.group(), phrase.reframe))
    return hits, total


class _Read:
    def __init__(self, text: str, flagged: list[tuple[int, int]]) -> None:
        quoted = r"\"[^\"\n]*\"|“[^”]*”|‘[^’]*’|(?<!\w)'[^'\n]*'(?!\w)"
        self.quoted = [m.span() for m in re.finditer(quoted, text)]
        self.breaks = [m.end() for m in re.finditer(r"[.;:!?\n]", text)]
        self.words = [
            (m.group().lower().replace("’", "'"), m.start()) for m in re.finditer(r"[\w'’]+", text)
        ]
        self.starts = [at for _, at in self.words]
        self.flagged = sorted(flagged)

    def in_quotes(self, at: int) -> bool:
        i = bisect.bisect_left(self.quoted, (at, at)) - 1
        return 0 <= i < len(self.quoted) and self.quoted[i][0] < at < self.quoted[i][1]

    def in_flagged(self, at: int) -> bool:
        return any(start <= at < end for start, end in self.flagged)

    def clause_start(self, at: int) -> int:
        i = bisect.bisect_right(self.breaks, at) - 1
        return self.breaks[i] if i >= 0 else 0


def _rejected(read: _Read, start: int, negation: Negation) -> bool:
    if read.in_quotes(start):
        return True
    floor = read.clause_start(start)
    last = bisect.bisect_left(read.starts, start) - 1
    bridged = 0
    for i in range(last, max(-1, last - 40), -1):
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


# -- exactly the same hits --------------------------------------------------------------------
OWN_LISTS = (
    (  # phrases that overlap themselves and each other, apostrophes, hyphens, wildcards
        Phrase("no no", "a"),
        Phrase("no", "b"),
        Phrase("to end to", "c"),
        Phrase("end*", "d"),
        Phrase("don't care", "e"),
        Phrase("a-b c", "f"),
        Phrase("sanction*", "g"),
        Phrase("sanctions list", "h"),
    ),
    (Phrase("naïve", "i"), Phrase("Zero Tolerance", "j")),  # not plain ASCII: the slow path
    (Phrase("of", "k"), Phrase("instead", "l"), Phrase("free", "m")),  # negation words
)
WORDS = re.findall(
    r"\S+",
    """
    sanctions Sanctions SANCTIONS punish punishment zero tolerance zero-tolerance non
    compliance non-compliance non-compliant not no never instead of rather than end to an
    avoid don't don’t won't the and or a use with children plan staff o'clock ſanctions
    İnstead ınstead naïve NAÏVE care b c a-b list ΣΑΣ ας Kicking spot checks check performance
    managed management league tables hard reach end-to-end no-no nono _sanctions 9 é
""",
)
GAPS = (" ", " ", ", ", " and ", "-", ". ", "; ", "\n", "'", "’", '"', "“", "”", "‘", " '", "(")
PIECES = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(PIECES, min_size=1, max_size=3),
    which=st.integers(min_value=0, max_value=len(OWN_LISTS) + 1),
)
def test_the_fast_scan_finds_exactly_what_a_plain_reading_finds(rubric, pieces, which):
    texts = [(("narrative", str(i)), "".join(w + g for w, g in p)) for i, p in enumerate(pieces)]
    lists = (*(tuple(g) for g in rubric.context.phrases.values()), *OWN_LISTS)
    phrases = lists[which % len(lists)]
    negation = rubric.context.negation
    assert find_hits(texts, phrases, negation) == reference_hits(texts, phrases, negation)


# -- fast on a dense plan ---------------------------------------------------------------------
DENSE = (
    "Non-compliance performance management surveillance. Non-compliance performance "
    'management surveillance; we do not use sanctions, and "zero tolerance" is gone.\n'
)
"""Text as dense as a narrative of repeated 'non-compliance performance management
surveillance', with a negation and a quotation."""
LISTS = (
    "Non-compliance performance management surveillance. We do not use sanctions or "
    'consequences, and staff describe "challenging behaviour" as naughty, defiant and '
    "kicking off; spot checks, league tables and compliance checks follow.\n"
)
"""Denser still: lists of flagged words, each of which is read back through the others."""
SHORT = 100
"""Units in the short first pieces: enough for the 100 hits a criterion reports."""
FIDELITY_TEXT = """\
  escalation: Trauma-Informed Practice Steering Group, quarterly
  notes: >
    A senior clinician sits in on one session a year with each practitioner's agreement and
    talks it through with them afterwards.
"""


def dense_plan(folder: Path, unit: str, megabytes: float) -> tuple[Path, int]:
    """The developing example with ``unit`` repeated to about ``megabytes`` in the narrative
    and in fidelity's escalation, each read after a short piece of 100 units (so the first
    100 hits, which the audit then locates in the file, are found in a short value: finding
    each again in one long value is ``audit.judge``'s own cost, outside the language scan)."""
    repeats = int(megabytes * 1024 * 1024 / len(unit) / 2)
    block = "".join("    " + unit for _ in range(repeats))
    first = "".join("    " + unit for _ in range(SHORT))
    plan = (EXAMPLES / "developing.yaml").read_text(encoding="utf-8")
    plan = plan.replace("narrative:\n", f"narrative:\n  first: |\n{first}  dense: |\n{block}")
    assert FIDELITY_TEXT in plan
    plan = plan.replace(FIDELITY_TEXT, f"  notes: |\n{first}  escalation: |\n{block}")
    path = folder / "dense.yaml"
    path.write_text(plan, encoding="utf-8")
    return path, repeats


def sample_hits(rubric, group: str, unit: str) -> tuple[list[str], int]:
    """What the plain reading finds in ``unit`` 100 times over, and in one ``unit``."""
    negation = rubric.context.negation
    phrases = tuple(rubric.context.phrases[group])
    hits, _ = reference_hits([(("x",), unit * SHORT)], phrases, negation)
    _, each = reference_hits([(("x",), unit)], phrases, negation)
    return [h.found for h in hits], each


def test_a_10_mb_dense_plan_is_audited_in_seconds(rubric, tmp_path: Path) -> None:
    path, repeats = dense_plan(tmp_path, DENSE, 10)
    assert path.stat().st_size > 10 * 1024 * 1024
    started = time.process_time()
    result = run("audit", str(path), "--format", "json", "--as-of", str(AS_OF), "--max-size", "20")
    spent = time.process_time() - started
    assert result.returncode in (0, 1), result.stderr
    assert spent < 4, f"{spent:.1f} s of CPU"
    criteria = {c["id"]: c for c in json.loads(result.stdout)["plans"][0]["criteria"]}
    for criterion, group, units in (
        ("RP-08", "punitive", 2 * (SHORT + repeats)),
        ("LF-07", "surveillance", SHORT + repeats),
    ):
        found, each = sample_hits(rubric, group, DENSE)
        assert criteria[criterion]["reason"].startswith(f"{each * units} phrases to reframe")
        assert [h["found"] for h in criteria[criterion]["phrases"]] == found


@pytest.mark.parametrize(("unit", "seconds"), [(DENSE, 2), (LISTS, 5)], ids=["dense", "lists"])
def test_a_single_10_mb_text_is_read_in_seconds(rubric, unit: str, seconds: float) -> None:
    phrases = tuple(rubric.context.phrases["punitive"])
    repeats = 10 * 1024 * 1024 // len(unit)
    started = time.process_time()
    hits, total = find_hits(
        [(("narrative", "x"), unit * repeats)], phrases, rubric.context.negation
    )
    spent = time.process_time() - started
    found, each = sample_hits(rubric, "punitive", unit)
    assert (total, [h.found for h in hits]) == (each * repeats, found)
    assert spent < seconds, f"{spent:.1f} s of CPU for 10 MB"


def test_unclosed_quotation_marks_do_not_make_the_scan_quadratic(rubric) -> None:
    def text(size: int) -> str:
        return "“" * (4 * size) + " sanctions and ‘" * size + " punishment"

    phrases, negation = tuple(rubric.context.phrases["punitive"]), rubric.context.negation
    small = [(("notes",), text(500))]
    assert find_hits(small, phrases, negation) == reference_hits(small, phrases, negation)
    started = time.process_time()
    _, total = find_hits([(("notes",), text(50_000))], phrases, negation)
    assert total == 50_001
    assert time.process_time() - started < 2


# -- finding a phrase again in the file -------------------------------------------------------
def located_one_by_one(text: str, start: int, end: int, phrase: str, occurrence: int) -> int | None:
    """How the audit finds a phrase again in the file: every match, then the one wanted."""
    pattern = re.compile(phrase_pattern(phrase), re.IGNORECASE)
    matches = list(pattern.finditer(text, start, end))
    return matches[min(occurrence, len(matches) - 1)].start() if matches else None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=PIECES,
    bounds=st.tuples(st.integers(0, 50), st.integers(0, 50)),
    wanted=st.lists(st.tuples(st.sampled_from(WORDS), st.integers(0, 5)), max_size=6),
)
def test_phrases_are_located_as_one_by_one(pieces, bounds, wanted) -> None:
    text = "".join(w + g for w, g in pieces)
    start = min(bounds[0], len(text))
    end = max(start, len(text) - bounds[1])
    asked = [(word + ("*" if occurrence % 2 else ""), occurrence) for word, occurrence in wanted]
    expected = [located_one_by_one(text, start, end, p, o) for p, o in asked]
    assert locate_phrases(text, start, end, asked) == expected


def test_locating_late_phrases_in_a_long_text_reads_it_once_per_phrase(rubric) -> None:
    text = "We do not use sanctions. " * 400_000 + "Sanctions apply. " * 100  # 10 MB
    wanted = [("sanction*", 400_000 + i) for i in range(100)]
    started = time.process_time()
    found = locate_phrases(text, 0, len(text), wanted)
    assert (found[0], found[-1]) == (25 * 400_000, 25 * 400_000 + 17 * 99)
    assert time.process_time() - started < 2


def test_phrases_in_one_10_mb_value_are_located_in_seconds(tmp_path: Path) -> None:
    """The audit locates each reported phrase in the file reading each text once, not once per
    phrase: one long value of dense text costs about what many short ones do."""
    repeats = int(10 * 1024 * 1024 / len(DENSE))
    block = "".join("    " + DENSE for _ in range(repeats))
    plan = (EXAMPLES / "developing.yaml").read_text(encoding="utf-8")
    path = tmp_path / "one-value.yaml"
    path.write_text(plan.replace("narrative:\n", f"narrative:\n  dense: |\n{block}"), "utf-8")
    started = time.process_time()
    result = run("audit", str(path), "--format", "json", "--as-of", str(AS_OF), "--max-size", "20")
    spent = time.process_time() - started
    assert result.returncode == 0, result.stderr
    assert spent < 6, f"{spent:.1f} s of CPU"
    rp08 = next(c for c in json.loads(result.stdout)["plans"][0]["criteria"] if c["id"] == "RP-08")
    lines = [p["line"] for p in rp08["phrases"]]
    assert len(lines) == 100
    assert lines == sorted(lines)


def test_a_phrase_pattern_is_compiled_only_for_a_text_that_holds_its_first_word() -> None:
    """Start-up compiles no pattern for the words a plan never uses: one for each first word
    the text holds, the first time it holds it."""
    from readiness.checks import language

    phrases = (
        Phrase("blame culture", "learning"),
        Phrase("non-compliant", "not yet engaged"),
        Phrase("surveillance", "support"),
        Phrase("blame game", "shared learning"),
    )
    negation = Negation(words=(("not",),), connecting=frozenset(), reach=4)
    language._compiled.cache_clear()
    found, _ = find_hits([(("notes",), "A Blame culture here.")], phrases, negation)
    assert [hit.phrase for hit in found] == ["blame culture"]
    assert language._compiled.cache_info().currsize == 1  # "blame": one pattern for both
    find_hits([(("notes",), "Nothing to see.")], phrases, negation)
    assert language._compiled.cache_info().currsize == 1
