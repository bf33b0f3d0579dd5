"""The document around a board report's plans is written as the template makes it, a run of
whole lines at a time, and is byte for byte what guarding it whole gave.

A portfolio's tables have a line per plan: made whole, the text of 10,000 plans and its
copies were the largest thing a board report held at its end.
"""

from __future__ import annotations

import io
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import AS_OF, EXAMPLES
from readiness.audit.many import audit_many
from readiness.audit.result import AuditResult
from readiness.audit.run import AuditOptions
from readiness.reporters import RenderOptions, board, html, markdown
from readiness.reporters import stream as streamed
from readiness.rubric.load import default_rubric

MARKER = "\x00plans\x00"
SECTIONS = "<the plans' sections>"


@pytest.fixture(scope="module")
def portfolio(rubric: Any, tmp_path_factory: pytest.TempPathFactory) -> AuditResult:
    """Forty plans whose titles hold what the last guard rewrites (``::`` opening a line in
    Markdown, ``##[``), a carriage return and markup."""
    folder = tmp_path_factory.mktemp("portfolio")
    text = (EXAMPLES / "developing.yaml").read_text(encoding="utf-8")
    old = "title: Trauma-skilled practice across CAMHS and family nursing"
    assert old in text
    files = []
    for n in range(40):
        title = f'title: "::{n} ##[x] <b>&amp;</b> | `y`\\r\\n::z"'
        path = folder / f"plan-{n:02}.yaml"
        path.write_text(text.replace(old, title, 1), encoding="utf-8")
        files.append((path, path.name))
    return audit_many(files, rubric, AuditOptions(as_of=AS_OF))


class Recorder(io.StringIO):
    """A text file that remembers how long each write was."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[int] = []

    def write(self, text: str) -> int:
        self.writes.append(len(text))
        return super().write(text)


def around(writer: Any, portfolio: AuditResult) -> dict[str, Any]:
    """What the template is given for the document around the plans of ``portfolio``."""
    return writer.base | {
        "plans": tuple(board.Lines().row(plan) for plan in portfolio.plans),
        "band_counts": board.band_counts(portfolio),
        "common_gaps": board.common_gaps(portfolio),
        "streaming": True,
        "marker": MARKER,
    }


def whole(writer: Any, values: dict[str, Any]) -> str:
    """The document as it was written before: made whole, cut at the marker, each side
    guarded as one text, the sections in between."""
    before, _, after = board.rendered(writer.compiled, values).partition(MARKER)
    return writer.document(before) + SECTIONS + writer.document(after)


@pytest.mark.parametrize("reporter", [html, markdown], ids=["html", "markdown"])
def test_the_document_around_the_plans_is_written_a_few_lines_at_a_time(
    portfolio: AuditResult, reporter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(board, "AROUND", 512)
    monkeypatch.setattr(streamed, "COPY_CHUNK", 512)
    out = Recorder()
    writer = reporter.Writer(portfolio._replace(plans=()), RenderOptions(), out, 40)
    for plan in portfolio.plans:
        writer.plan(plan)
    writer.finish()
    text = out.getvalue()
    # the same report as the document made whole, guarded on each side of the plans
    values = around(writer, portfolio)
    before, _, after = board.rendered(writer.compiled, values).partition(MARKER)
    sections = "".join(writer.piece(plan, n) for n, plan in enumerate(portfolio.plans, 1))
    assert text == writer.document(before) + sections + writer.document(after)
    # ... and the document around the sections written a run of lines at a time: each write
    # at most AROUND and a line, though the plans' table alone is far longer; but the first,
    # the page's head, which the template gives as one piece, the same for any portfolio
    longest_line = max(len(line) for line in text.splitlines())
    assert out.writes[0] < 6000
    assert max(out.writes[1:]) <= 512 + longest_line
    assert len(text) > 100 * (512 + longest_line)
    assert "##[" not in text  # guarded in the tables as in the sections


@pytest.mark.parametrize("reporter", [html, markdown], ids=["html", "markdown"])
def test_the_streamed_document_is_the_document_guarded_whole(
    portfolio: AuditResult, reporter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(board, "AROUND", 100)
    out = io.StringIO()
    writer = reporter.Writer(portfolio._replace(plans=()), RenderOptions(), out, 40)
    values = around(writer, portfolio)
    writer.sections.write(SECTIONS)
    writer.write_around(board.pieces(writer.compiled, values))
    assert out.getvalue() == whole(writer, values)
    assert out.getvalue().count(SECTIONS) == 1


_EMPTY = audit_many([], default_rubric(), AuditOptions(as_of=AS_OF))

TEXT = st.text(st.sampled_from(["a", " ", "\n", "\r", "#", "[", ":", "\u200b", "\u2028", "<"]))


@settings(max_examples=300, deadline=None)
@given(
    before=TEXT,
    after=TEXT,
    cuts=st.lists(st.integers(0, 200), max_size=12),
    around=st.integers(1, 40),
    marker_alone=st.booleans(),
)
def test_any_pieces_in_any_runs_give_the_text_guarded_whole(
    before: str, after: str, cuts: list[int], around: int, marker_alone: bool
) -> None:
    """However the template cuts its text into pieces, and however small the runs, the text
    is what guarding the two sides whole gives: a run ends only after a line break, and the
    guard (a carriage return written as a line break, ``##[``, ``::`` opening a line) never
    looks past one."""
    text = before + MARKER + after
    edges = sorted({c for c in cuts if c <= len(text)} | {0, len(text)})
    at = len(before)
    edges = [e for e in edges if not at < e < at + len(MARKER)]  # the marker is never cut
    if marker_alone:
        edges = sorted({*edges, at, at + len(MARKER)})
    texts = [text[a:b] for a, b in itertools.pairwise(edges)]
    assert "".join(texts) == text
    for reporter in (html, markdown):
        out = io.StringIO()
        writer = reporter.Writer(_EMPTY, RenderOptions(), out, 2)
        writer.sections.write(SECTIONS)
        old = board.AROUND
        board.AROUND = around
        try:
            writer.write_around(iter(texts))
        finally:
            board.AROUND = old
        assert out.getvalue() == writer.document(before) + SECTIONS + writer.document(after)


def test_the_sections_go_in_once_even_where_no_marker_is_written() -> None:
    out = io.StringIO()
    writer = markdown.Writer(_EMPTY, RenderOptions(), out, 2)
    writer.sections.write(SECTIONS)
    writer.write_around(iter(["::a\n", "b ##[c\n", "d"]))
    assert out.getvalue() == "\\::a\nb ##\\[c\nd" + SECTIONS


def test_each_lever_score_is_kept_once_a_run(portfolio: AuditResult) -> None:
    """The portfolio's table keeps a line per plan until the end: the forty plans' lever
    scores are five values, kept once each."""
    lines = board.Lines()
    rows = [lines.row(plan) for plan in portfolio.plans]
    scores = {lr.score for plan in portfolio.plans for lr in plan.levers}
    assert len({id(lever) for row in rows for lever in row.levers}) == len(scores)
    assert [[lv.score for lv in row.levers] for row in rows] == [
        [lr.score for lr in plan.levers] for plan in portfolio.plans
    ]
