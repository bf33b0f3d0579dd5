"""Property tests: whatever text a plan, a file name or a rubric holds, every report is safe.

Arbitrary text (any code point, surrogates included, mixed with control characters, ``::``,
``##[``, U+FFFE, bidirectional overrides and web addresses) is put into an audit result built
from ``examples/developing.yaml``: as the file name, the plan's title, and its commissioner,
every criterion's reason, a waiver's reason and approver, the band reasons and the rubric's
titles and remediation. Every format is then rendered, in process:

- no line of any output opens a GitHub workflow command (``::`` after white space) except the
  annotations readiness writes itself, and no line holds ``##[``;
- no output holds a control character other than the line feed, a C1 control, a
  bidirectional override or isolate, a surrogate or U+FFFE/U+FFFF;
- the JUnit XML parses, the SARIF and JSON parse, and Markdown links no address from the text.

The JSON report (``json_report``) is checked only for parsing: its strings are escaped by
``json`` and it is not part of the sanitising layer's modules.
"""

from __future__ import annotations

import functools
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AS_OF, EXAMPLES
from readiness.audit.diff import compare
from readiness.audit.result import AuditResult, CriterionResult, PlanResult
from readiness.audit.run import AuditOptions, audit_one
from readiness.errors import Problem
from readiness.reporters import AUDIT_FORMATS, RenderOptions, criteria, diff_report, github
from readiness.reporters.problems import format_problems
from readiness.rubric.rubric import Criterion, Lever, Rubric

PROPERTY = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
FRAGMENTS = [
    "::",
    "::error file=README.md::x",
    "  ::warning::y",
    "##[",
    "##[stop-commands]",
    "::stop-commands::token",
    "\n",
    "\r",
    "\r\n",
    "\t",
    " ",
    "\x1b[31m",
    "\x1b]8;;https://evil.example\x07",
    "\x9b2J",
    "\x85",
    "\x00",
    "\x7f",
    "\u2028",
    "\u202e",
    "\u2066",
    "\ufffe",
    "\uffff",
    "\ud800",
    "https://evil.example",
    "(http://evil.example/x)",
    "www.evil.example",
    "ftp://evil.example",
    "mailto:a@evil.example",
    "jo@evil.example",
    "@octocat",
    "`",
    "|",
    "<script>",
    "&amp;",
    "*",
    "\\",
    "%0A",
    "%",
    ",",
    "$",
]
ANY_CHARACTER = st.characters(exclude_categories=())
HOSTILE = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(ANY_CHARACTER, max_size=6)),
    min_size=1,
    max_size=8,
).map("".join)

# A runner trims white space (some of it zero-width) before looking for "::".
OPENS_COMMAND = re.compile("[\\s\u180e\u200b-\u200d\u2060\ufeff]*::")
OWN_ANNOTATION = re.compile(
    r"::(?:error|warning|notice) file=[^:,]*,line=\d+,col=\d+,title=[^:,]*::[^\r\n]*\Z"
    r"|::notice title=readiness::\d+ more gaps are not shown as annotations"
)
FORBIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
ADDRESS = re.compile(
    r"(?:https?|ftp)://|www\.|[\w.+-]+@[\w-]+\.[\w-]|(?<![\w`])@[a-z0-9]", re.IGNORECASE
)
SGR = re.compile("\x1b\\[[0-9;]*m")
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


# -- the result with hostile text -----------------------------------------------------------
@functools.cache
def base() -> AuditResult:
    from readiness.rubric.load import load_rubric

    rubric = load_rubric()
    path = EXAMPLES / "developing.yaml"
    plan = audit_one(path, "examples/developing.yaml", rubric, AuditOptions(as_of=AS_OF))
    return AuditResult("0.0.0", rubric, AS_OF, "developing", None, (plan,))


def _criterion(criterion: Criterion, text: str) -> Criterion:
    return criterion._replace(
        title=f"{text} {criterion.title}",
        rationale=f"{criterion.rationale} {text}",
        remediation=f"{text} {criterion.remediation}",
        seed=text,
    )


def _lever(lever: Lever, text: str) -> Lever:
    return lever._replace(title=f"{text}{lever.title}", summary=text)


def _result(r: CriterionResult, text: str) -> CriterionResult:
    waiver = r.waiver._replace(reason=text, approved_by=text) if r.waiver else None
    return r._replace(
        criterion=_criterion(r.criterion, text), reason=f"{text} {r.reason} {text}", waiver=waiver
    )


def hostile_plan(path: str, title: str, text: str) -> PlanResult:
    plan = base().plans[0]
    return plan._replace(
        path=path,
        title=title,
        commissioner=text,
        band_reasons=(text,),
        criteria=tuple(_result(r, text) for r in plan.criteria),
        levers=tuple(lr._replace(lever=_lever(lr.lever, text)) for lr in plan.levers),
    )


def hostile_rubric(text: str) -> Rubric:
    rubric = base().rubric
    return rubric._replace(
        title=text,
        levers=tuple(_lever(lv, text) for lv in rubric.levers),
        criteria=tuple(_criterion(c, text) for c in rubric.criteria),
    )


def hostile(path: str, title: str, text: str) -> tuple[AuditResult, AuditResult]:
    """One plan, and two (a portfolio), with hostile text everywhere text goes."""
    plan = hostile_plan(path, title, text)
    other = hostile_plan(text, text, title)
    other = other._replace(criteria=other.criteria[:6])  # enough for a portfolio, and fast
    result = base()._replace(rubric=hostile_rubric(text), plans=(plan,))
    return result, result._replace(plans=(plan, other))


# -- what must hold ---------------------------------------------------------------------------
def command_lines(output: str) -> list[str]:
    """Lines a GitHub runner would take as workflow commands, except readiness's own."""
    lines = re.split(r"\r\n|\r|\n", output)
    return [
        line
        for line in lines
        if "##[" in line or (OPENS_COMMAND.match(line) and not OWN_ANNOTATION.match(line))
    ]


def forbidden(output: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in FORBIDDEN.findall(output)]


def outside_code_spans(markdown: str) -> str:
    """Markdown's text outside code spans, with backslash-escaped characters masked."""
    out: list[str] = []
    i = 0
    while i < len(markdown):
        char = markdown[i]
        if char == "\\" and markdown[i + 1 : i + 2] in tuple(PUNCTUATION):
            out.append("XX")
            i += 2
        elif char == "`" and "`" in markdown[i + 1 :]:
            i = markdown.index("`", i + 1) + 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def bare_addresses(markdown: str) -> list[str]:
    return ADDRESS.findall(outside_code_spans(markdown))


def log_outputs(one: AuditResult, many: AuditResult, text: str) -> Iterator[tuple[str, str]]:
    """What is written to a terminal or a CI log."""
    terminal = AUDIT_FORMATS["terminal"].load()
    yield "terminal", terminal(one, RenderOptions())
    yield "terminal, many plans", terminal(many, RenderOptions())
    yield "terminal, colour", SGR.sub("", terminal(one, RenderOptions(color=True)))
    yield "github", AUDIT_FORMATS["github"].load()(many, RenderOptions())
    plan = one.plans[0]
    problems = [
        Problem(f"unknown key '{text}'", plan.path, 3, 5, text, f"  {text}: 1"),
        Problem(text, plan.path),
        Problem(text, hint=text),
    ]
    yield "stderr", format_problems(problems)
    yield "diff", diff_report.terminal(compare(plan, many.plans[1]))
    rubric = one.rubric
    yield "explain", criteria.explain(rubric, rubric.criteria[0])
    yield "rubric list", criteria.listing(rubric)


def documents(one: AuditResult, many: AuditResult) -> Iterator[tuple[str, str]]:
    """The report files (also printed to a CI log with --format)."""
    for name in ("markdown", "html", "junit", "sarif"):
        yield name, AUDIT_FORMATS[name].load()(many, RenderOptions())
    yield "github summary", github.summary(many)
    changes = compare(*many.plans)
    yield "diff markdown", diff_report.markdown(changes)
    yield "diff json", diff_report.as_json(changes)
    yield "criteria reference", criteria.reference(one.rubric)


@pytest.fixture(autouse=True, scope="module")
def templates_compiled_once() -> Iterator[None]:
    """The board templates compiled once for the module, not once per example."""
    from readiness.reporters import templating

    shipped = templating.environment
    templating.environment = functools.cache(shipped)
    yield
    templating.environment = shipped


# -- the properties ---------------------------------------------------------------------------
@PROPERTY
@given(path=HOSTILE, title=HOSTILE, text=HOSTILE)
def test_no_log_output_forges_a_command_or_carries_a_control(
    path: str, title: str, text: str
) -> None:
    one, many = hostile(path, title, text)
    for name, output in log_outputs(one, many, text):
        assert command_lines(output) == [], name
        assert forbidden(output) == [], name


@PROPERTY
@given(path=HOSTILE, title=HOSTILE, text=HOSTILE)
def test_every_document_is_well_formed_and_inert(path: str, title: str, text: str) -> None:
    one, many = hostile(path, title, text)
    outputs = dict(documents(one, many))
    for name, output in outputs.items():
        assert command_lines(output) == [], name
        assert forbidden(output) == [], name
    ET.fromstring(outputs["junit"].encode("utf-8"))
    json.loads(outputs["sarif"])
    json.loads(outputs["diff json"])
    for name in ("markdown", "github summary", "diff markdown", "criteria reference"):
        assert bare_addresses(outputs[name]) == [], name


@PROPERTY
@given(path=HOSTILE, title=HOSTILE, text=HOSTILE)
def test_the_json_report_parses(path: str, title: str, text: str) -> None:
    _, many = hostile(path, title, text)
    report = json.loads(AUDIT_FORMATS["json"].load()(many, RenderOptions()))
    assert [p["path"] for p in report["plans"]] == [path, text]


# -- the checks themselves ---------------------------------------------------------------------
def test_the_command_check_sees_a_forged_command() -> None:
    output = "ok\n  ::error::forged\nx ##[group]y\n::error file=a,line=1,col=1,title=t::real\n"
    assert command_lines(output) == ["  ::error::forged", "x ##[group]y"]


def test_the_address_check_sees_a_bare_address() -> None:
    markdown = "`https://a.example` \\`https://b.example` www.c.example \\\\ @d"
    assert bare_addresses(markdown) == ["https://", "www.", "@d"]
