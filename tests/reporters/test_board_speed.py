"""Board reports made cheaper to render, byte for byte the same as before.

What the templates now get ready-made (rows, lists, a package's strategies, the chart's bands)
is what the expressions they used to work out gave; the parts that are the same in every plan
are made once a run; a section leaves no reference cycle behind; the last guard finds exactly
what ``clean`` finds; and the shipped templates, run as one's own (sandboxed), write the same
report as the shipped path.
"""

from __future__ import annotations

import gc
import io
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, EXAMPLES, ROOT
from readiness.audit.many import audit_many
from readiness.audit.result import AuditResult
from readiness.audit.run import AuditOptions
from readiness.reporters import RenderOptions, board, html, markdown
from readiness.reporters.escape import (
    _UNSAFE,
    LEADS_LOOKED_AT,
    clean,
    clean_document,
    json_document,
    markdown_document,
    markup_document,
)
from readiness.reporters.templating import environment

TEMPLATES = ROOT / "src" / "readiness" / "templates"
HOSTILE = (
    (
        "title: Trauma-skilled practice across CAMHS and family nursing",
        "title: \"<script>alert('x')</script> | *a* `b` & ::c ##[d\"",
    ),
    (
        "name: Cohort A - CAMHS and Family Nurse Partnership",
        'name: "Cohort <A> & \\"B\\" | `x` a label long enough to be cut short in the drawing"',
    ),
    (
        "name: Cohort B - health visiting, school nursing and remaining CAMHS teams",
        "name: \"::B 'q' <b>&amp; health visiting\"",
    ),
)


@pytest.fixture(scope="module")
def result(rubric: Any, tmp_path_factory: pytest.TempPathFactory) -> AuditResult:
    """The examples and a plan whose text is full of markup and Markdown."""
    text = (EXAMPLES / "developing.yaml").read_text(encoding="utf-8")
    for old, new in HOSTILE:
        assert old in text
        text = text.replace(old, new, 1)
    hostile = tmp_path_factory.mktemp("plans") / "hostile.yaml"
    hostile.write_text(text, encoding="utf-8")
    files = [(path, path.name) for path in (*sorted(EXAMPLES.glob("*.yaml")), hostile)]
    return audit_many(files, rubric, AuditOptions(as_of=AS_OF))


def each_plan(result: AuditResult, source: str, autoescape: bool) -> list[str]:
    """``source`` rendered for each plan by the shipped templates' environment."""
    template = environment(None, autoescape=autoescape).from_string(source)
    return [template.render(board.context(result) | {"plan": plan}) for plan in result.plans]


def same(result: AuditResult, old: str, new: str) -> None:
    """The same text for every plan, with autoescaping (HTML) and without (Markdown, or a
    template of one's own that includes the other format's)."""
    for autoescape in (True, False):
        before = each_plan(result, old, autoescape)
        assert before == each_plan(result, new, autoescape)
        assert any(before)


# -- what the templates get ready-made is what they worked out --------------------------------
OLD_ROWS = """{% for lr in (plan.levers + plan.unscored) %}
{{ lr.lever.title }}
{% for r in plan.criteria if r.criterion.lever == lr.lever.id %}
ROW
{% endfor %}
{% endfor %}"""
NEW_ROWS = """{% for lr, rows in ROWS(plan) %}
{{ lr.lever.title }}
{{ rows -}}
{% endfor %}"""
WHERE = '("line " ~ r.locations[0].line) if r.locations[0].present else "not written"'


def test_html_rows_of_every_criterion_are_what_the_template_wrote(result: AuditResult) -> None:
    row = (
        '<tr><th scope="row" class="nowrap">{{ r.criterion.id }}</th><td>{{ r.criterion.title }}'
        "</td><td>{{ outcome_title[r.outcome.value] }}</td><td>{{ r.reason }}</td>"
        f'<td class="nowrap">{{{{ {WHERE} }}}}</td></tr>'
    )
    same(result, OLD_ROWS.replace("ROW", row), NEW_ROWS.replace("ROWS", "html_rows"))


def test_markdown_rows_of_every_criterion_are_what_the_template_wrote(result: AuditResult) -> None:
    row = (
        "| {{ r.criterion.id }} | {{ cell(r.criterion.title) }} | "
        f"{{{{ outcome_title[r.outcome.value] }}}} | {{{{ r.reason | md }}}} | {{{{ {WHERE} }}}} |"
    )
    same(result, OLD_ROWS.replace("ROW", row), NEW_ROWS.replace("ROWS", "md_rows"))


def test_the_html_list_for_the_author_is_what_the_template_wrote(result: AuditResult) -> None:
    old = (
        "{% for gap in annex(plan) %}\n"
        '<li><strong><span class="nowrap">{{ gap.criterion.id }}</span> '
        "{{ gap.criterion.title }}</strong>: {{ outcome_title[gap.outcome.value] }}. "
        '<span class="detail">{{ gap.reason }} Where: '
        "<code>{{ gap.locations[0].describe(plan.path) }}</code>. "
        "{{ gap.criterion.remediation | html_prose }}</span></li>\n{% endfor %}"
    )
    same(result, old, "{{ html_annex(plan) }}")


def test_the_markdown_list_for_the_author_is_what_the_template_wrote(
    result: AuditResult,
) -> None:
    old = (
        "{% for gap in annex(plan) %}\n{{ loop.index }}. **{{ gap.criterion.id }} "
        "{{ gap.criterion.title | prose }}**: {{ outcome_title[gap.outcome.value] }}"
        "{% if gap.criterion.caps_band and gap.outcome.fails %} (caps the band at "
        "{{ gap.criterion.caps_band }}){% endif %}\n\n"
        "    - Why: {{ gap.reason | md }}\n"
        "    - Where: {{ gap.locations[0].describe(plan.path) | code }}\n"
        "    - What to change: {{ gap.criterion.remediation | prose }}\n"
        "{% else %}\nNothing to change.\n{% endfor %}"
    )
    new = (
        "{% set todo = md_annex(plan) %}{% if todo %}{{ todo }}"
        "{% else %}Nothing to change.\n{% endif %}"
    )
    same(result, old, new)


def test_caps_gives_what_the_selectattr_chain_gave(result: AuditResult) -> None:
    same(
        result,
        "{% for lr in plan.unscored %}{{ lr.lever.title }}: "
        '{% set capping = plan.criteria | selectattr("criterion.lever", "equalto", lr.lever.id)'
        ' | selectattr("criterion.caps_band") | list %}'
        "{% for r in capping %}{{ r.criterion.id }} {{ r.evidence.value }};{% endfor %}|"
        "{% endfor %}",
        "{% for lr, capping in caps(plan) %}{{ lr.lever.title }}: "
        "{% for r in capping %}{{ r.criterion.id }} {{ r.evidence.value }};{% endfor %}|"
        "{% endfor %}",
    )


def test_lanes_give_the_events_lane_by_lane(result: AuditResult) -> None:
    same(
        result,
        "{% for lane, title in lane_title.items() %}"
        '{% set events = plan.timeline | selectattr("lane", "equalto", lane) | list %}'
        "{% if events %}{{ title }}: {% for e in events %}{{ e.label }} "
        '{{ e.start.isoformat() }} {{ e.end.isoformat() if e.end else "" }}, {% endfor %}|'
        "{% endif %}{% endfor %}",
        "{% for title, events in lanes(plan) %}{{ title }}: "
        "{% for label, start, end in events %}{{ label }} {{ start }} {{ end }}, {% endfor %}|"
        "{% endfor %}",
    )


# -- made once a run --------------------------------------------------------------------------
ERIC = (("Audit & <feedback>", "Says \"what\" 'happened'"), ("Coaching", "A & B"))
OLD_STRATEGIES = (
    "{% for name, definition in eric %}<em>{{ name }}</em>"
    '<span class="definition">: {{ definition }}</span>'
    '{% if not loop.last %}<span class="sep"> </span>{% endif %}{% endfor %}'
)
OLD_CHART_BANDS = """{% set c = chart(plan) %}
{% for z in c.zones %}
<rect class="{{ z.css }}" x="{{ '%.1f' | format(z.x) }}" y="{{ '%.1f' | format(z.y) }}" \
width="{{ '%.1f' | format(z.width) }}" height="{{ '%.1f' | format(z.height) }}"/>
<text class="zone-label" x="{{ '%.1f' | format(z.x + 4) }}" \
y="{{ '%.1f' | format(z.y + 12) }}">{{ z.label }}</text>
{% endfor %}
{% for x, label, y1, y2 in c.ticks %}
<line class="tick" x1="{{ '%.1f' | format(x) }}" x2="{{ '%.1f' | format(x) }}" \
y1="{{ '%.1f' | format(y1) }}" y2="{{ '%.1f' | format(y2) }}"/>
<text x="{{ '%.1f' | format(x) }}" y="{{ '%.1f' | format(y2 + 14) }}" text-anchor="middle" \
class="zone-label">{{ label }}</text>
{% endfor %}
"""


def test_the_strategies_are_what_the_template_wrote(result: AuditResult) -> None:
    same(
        result,
        "{% for need in plan.packages %}{% set eric = need.package.eric %}"
        + OLD_STRATEGIES
        + "|{% endfor %}",
        "{% for need in plan.packages %}{{ html_strategies(need.package.eric) }}|{% endfor %}",
    )
    for autoescape in (True, False):  # text with markup in it, escaped or not as it was
        env = environment(None, autoescape=autoescape)
        values = board.context(result) | {"eric": ERIC}
        old = env.from_string(OLD_STRATEGIES).render(values)
        assert env.from_string("{{ html_strategies(eric) }}").render(values) == old
        assert ("&lt;feedback&gt;" in old) is autoescape


def test_the_chart_bands_are_what_the_template_drew(result: AuditResult) -> None:
    same(result, OLD_CHART_BANDS, "{% set c = chart(plan) %}\n{{ html_chart_bands(c) }}")


def test_the_parts_the_same_in_every_plan_are_made_once_a_run(
    result: AuditResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[Any] = []

    def counted(make: Any) -> Any:
        def counting(*values: Any) -> Any:
            made.append(values[1:])
            return make(*values)

        return counting

    monkeypatch.setattr(html, "strategies", counted(html.strategies))
    monkeypatch.setattr(html, "chart_bands", counted(html.chart_bands))
    source = (
        "{% for need in plan.packages %}{{ html_strategies(need.package.eric) }}{% endfor %}"
        "{{ html_chart_bands(chart(plan)) }}"
    )
    packages = {need.package.eric for plan in result.plans for need in plan.packages}
    assert len(result.plans) > 1
    assert packages
    template = environment(None, autoescape=True).from_string(source)
    for _ in range(2):  # a run (``context``) makes each part once; the next run makes it again
        made.clear()
        run = board.context(result)
        pages = [template.render(run | {"plan": plan}) for plan in result.plans]
        assert len(made) == len(set(made)) == len(packages) + 1
        assert all(pages)


def test_once_makes_each_part_once_and_keeps_a_bounded_number() -> None:
    made: list[Any] = []

    def part(*values: Any) -> str:
        made.append(values)
        return repr(values)

    once = board.Once()
    assert once(part, "x", 1) == once(part, "x", 1) == "('x', 1)"
    assert made == [("x", 1)]
    assert once(part, "x", 2) == "('x', 2)"
    assert len(made) == 2
    unhashable = ({"a": 1},)
    assert once(part, *unhashable) == once(part, *unhashable)  # made each time, not kept
    assert made.count(unhashable) == 2
    for n in range(board.Once.KEPT + 10):
        once(part, n)
    assert len(once.made) == board.Once.KEPT
    once(part, board.Once.KEPT + 5)
    assert made.count((board.Once.KEPT + 5,)) == 2  # past the bound: made again, not kept
    assert once(part, "x", 1) == "('x', 1)"
    assert made.count(("x", 1)) == 1


# -- the shipped templates as one's own -------------------------------------------------------
@pytest.mark.parametrize("reporter", [html, markdown], ids=["html", "markdown"])
@pytest.mark.parametrize("plans", ["portfolio", "one plan"])
def test_the_shipped_templates_run_as_ones_own_write_the_same_report(
    result: AuditResult, reporter: Any, plans: str, tmp_path: Path
) -> None:
    for template in TEMPLATES.glob("report.*.j2"):
        shutil.copy(template, tmp_path / template.name)
    run = result if plans == "portfolio" else result._replace(plans=result.plans[-1:])
    shipped = reporter.render(run, RenderOptions())
    assert reporter.render(run, RenderOptions(template_dir=tmp_path)) == shipped
    assert "&lt;script&gt;" in shipped
    assert "<script" not in shipped


def test_an_own_template_written_for_the_old_names_still_works(
    result: AuditResult, tmp_path: Path
) -> None:
    (tmp_path / "report.md.j2").write_text(
        "{% for plan in plans %}{{ plan.title | md }}: "
        "{{ annex(plan) | map(attribute='criterion.id') | join(',') }}; "
        '{{ plan.criteria | selectattr("criterion.caps_band") | list | length }} caps; '
        "{% set t = timeline(plan) %}{{ t.marks | length if t else 0 }} marks; "
        "{{ rating(plan.levers[0].score) }}; {{ cell(plan.title) }}; "
        "{{ strengths(plan) | length }}; {{ outcome_title['met'] }}\n{% endfor %}",
        encoding="utf-8",
    )
    text = markdown.render(result, RenderOptions(template_dir=tmp_path))
    lines = text.splitlines()
    assert len(lines) == len(result.plans)
    ready = next(line for line in lines if line.startswith("Relational care in Aldermoor"))
    assert ready.endswith(
        "; Green; Relational care in Aldermoor's children's homes and fostering service; 6; met"
    )


# -- no reference cycle ------------------------------------------------------------------------
@pytest.mark.parametrize("reporter", [html, markdown], ids=["html", "markdown"])
def test_a_rendered_section_leaves_nothing_for_the_garbage_collector(
    result: AuditResult, reporter: Any
) -> None:
    """The template's macros held the context they were made in, and with it the plan: each
    section left a cycle (about 30 objects) that kept the plan's result until a collection."""
    writer = reporter.Writer(result, RenderOptions(), io.StringIO(), len(result.plans))
    writer.piece(result.plans[0], 1)  # what is made once a run, made
    gc.collect()
    gc.disable()
    try:
        before = [sys.getrefcount(plan) for plan in result.plans]
        for number in range(len(result.plans)):
            assert writer.piece(result.plans[number], number + 1)
        after = [sys.getrefcount(plan) for plan in result.plans]
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert after == before  # nothing holds a plan once its section is written


def test_the_document_around_the_sections_leaves_nothing_either(result: AuditResult) -> None:
    out = io.StringIO()
    writer = html.Writer(result, RenderOptions(), out, len(result.plans))
    gc.collect()
    gc.disable()
    try:
        for plan in result.plans:
            writer.plan(plan)
        writer.finish()
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert out.getvalue().count('<section class="plan"') == len(result.plans)


# -- the last guard -------------------------------------------------------------------------
def test_the_document_guard_finds_what_clean_finds_for_every_character() -> None:
    for point in [*range(0x10000), 0x10000, 0x1F600, 0xE0001, 0x10FFFF]:
        char = chr(point)
        for text in (char, f"a{char}b", f"·£…’{char}\n", f"\r\n{char}\r"):
            assert clean_document(text) == clean(text), hex(point)


def _json_reference(text: str) -> str:
    """``json_document`` as a plain search of every character writes it."""
    text = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace("##[", "##\\u005b")


def test_the_json_guard_escapes_what_a_search_of_every_character_finds() -> None:
    for point in [*range(0x10000), 0x10000, 0x1F600, 0xE0001, 0x10FFFF]:
        char = chr(point)
        for text in (char, f"a{char}b", f"·£…’{char}\n", f"\r\n{char}\r##["):
            assert json_document(text) == _json_reference(text), hex(point)
    many = "it’s " * (LEADS_LOOKED_AT + 5)
    for text in (many, many + "\u202e", "£" * 300 + "\x85", "\ud800" + many):
        assert json_document(text) == _json_reference(text)
    assert json_document("\u2028") == "\\u2028"


def test_the_document_guard_with_many_lead_bytes_leaves_it_to_clean() -> None:
    many = "it’s " * (LEADS_LOOKED_AT + 5)
    assert clean_document(many) is many
    assert clean_document(many + "\u202e") == clean(many + "\u202e") == many + "\ufffd"
    assert clean_document("£" * 300 + "\x85") == "£" * 300 + "\ufffd"


def test_only_lines_that_open_with_two_colons_are_rewritten() -> None:
    assert markup_document("a::b\n x: :c\n") == "a::b\n x: :c\n"
    assert markup_document("a\n \u200b::b\n::c") == "a\n \u200b&#58;:b\n&#58;:c"
    assert markdown_document("a::b\n::c ##[d") == "a::b\n\\::c ##\\[d"
