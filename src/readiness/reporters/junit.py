"""JUnit XML, for GitLab, Jenkins and Azure DevOps: a test suite per plan, a test case per
criterion (named with its ID and title, the lever as ``classname``), and one case, "Band",
for the band. Case names never change with the plan's contents, so a CI's test history
follows each criterion across runs.

Not met and not written down are failures; waived and not applicable are skipped; partly met
passes, with "PARTLY MET" and the reason in ``system-out``, so a partial gap is visible
without turning every plan red. A plan that cannot be read is a suite with one failing case,
"The plan can be read", listing every problem; a problem with no file (a missing rubric)
fails a case of a suite named "readiness".

The document is valid against the strict Jenkins ``junit-10.xsd``: the plan's path (from the
repository's root) is the suite's ``file``; its band, score and costs are ``<properties>``.

Every text and attribute value passes through ``escape.clean`` (so characters XML cannot hold,
such as U+FFFE or ESC, never make the file ill-formed), and the document through
``escape.markup_document``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from typing import IO, Any

from readiness.audit.result import AuditResult, CriterionResult, PlanResult
from readiness.errors import Problem
from readiness.outcomes import OUTCOME_TITLE, Outcome
from readiness.reporters import RenderOptions
from readiness.reporters import stream as streamed
from readiness.reporters.common import where
from readiness.reporters.escape import clean, markup_document
from readiness.reporters.locations import from_root

_SKIPPED = (Outcome.WAIVED, Outcome.NOT_APPLICABLE)


def render(result: AuditResult, options: RenderOptions) -> str:
    return streamed.render(Writer, result, options)


class Writer(streamed.Writer):
    """The report written plan by plan: each plan's suite, once built, goes to a temporary
    file; at the end the totals open the document and the suites follow."""

    whole_plan = False
    commission = False

    def __init__(
        self, run: AuditResult, options: RenderOptions, out: IO[str], expected: int
    ) -> None:
        super().__init__(run, options, out, expected)
        self.suites = streamed.spool()
        self.totals = {"tests": 0, "failures": 0}

    def _add(self, suite: ET.Element) -> None:
        self._take(_text(suite))

    def _take(self, made: tuple[str, dict[str, int]]) -> None:
        text, counts = made
        for key in self.totals:
            self.totals[key] += counts[key]
        self.suites.write(text)

    def piece(self, plan: PlanResult, number: int) -> tuple[str, dict[str, int]]:
        return _text(_suite(plan, self.run, self.options))

    def plan(self, plan: PlanResult, piece: Any = None) -> None:
        self._take(piece if piece is not None else self.piece(plan, 0))

    def finish(self, problems: Sequence[Problem] = ()) -> None:
        for suite in _invalid_suites(tuple(problems), self.options):
            self._add(suite)
        root = ET.Element("testsuites", name="readiness")
        for key, value in self.totals.items():
            root.set(key, str(value))
        root.set("errors", "0")
        root.set("time", "0")
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not self.suites.tell():
            self.suites.close()
            self.out.write(ET.tostring(root, encoding="unicode") + "\n")
            return
        root.text = "\x00"
        opening, _, closing = ET.tostring(root, encoding="unicode").partition("\x00")
        self.out.write(opening)
        streamed.copy(self.suites, self.out)
        self.out.write("\n" + closing + "\n")


def _text(suite: ET.Element) -> tuple[str, dict[str, int]]:
    """A suite as the document holds it, and its counts."""
    counts = {key: int(suite.get(key, "0")) for key in ("tests", "failures")}
    _clean(suite)
    ET.indent(suite, level=1)
    return "\n  " + markup_document(ET.tostring(suite, encoding="unicode")), counts


def _clean(root: ET.Element) -> None:
    """Every text and attribute value in the tree, cleaned in place."""
    for element in root.iter():
        if element.text:
            element.text = clean(element.text)
        for name, value in element.attrib.items():
            element.set(name, clean(value))


def _suite(plan: PlanResult, result: AuditResult, options: RenderOptions) -> ET.Element:
    # named from the repository's root, so a CI's test history does not depend on the folder
    # readiness ran in
    path = from_root(plan.path, options)
    suite = ET.Element("testsuite", name=path, file=path)
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("title", plan.title),
        ("band", plan.band),
        ("score", f"{plan.score:.1f}"),
        ("rubric", f"{result.rubric.id} v{result.rubric.version}"),
        ("as_of", result.as_of.isoformat()),
        *_costs(plan),
    ):
        ET.SubElement(properties, "property", name=name, value=value)
    cases = [_band_case(plan, result)] + [_case(plan, r) for r in plan.criteria]
    suite.extend(cases)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))
    suite.set("errors", "0")
    suite.set("time", "0")
    return suite


def _band_case(plan: PlanResult, result: AuditResult) -> ET.Element:
    needed = f"at least {result.min_band}"
    if result.fail_under is not None:
        needed += f", score {result.fail_under:g} or more"
    case = ET.Element("testcase", name="Band", classname="readiness.band", time="0")
    said = f"{plan.band}, score {plan.score:.1f} (needs {needed})"
    if plan.passed:
        ET.SubElement(case, "system-out").text = said
    else:
        reasons = "; ".join(plan.band_reasons) or "the score is too low"
        failure = ET.SubElement(
            case, "failure", message=f"{plan.band}: falls short of {needed}", type="band"
        )
        failure.text = f"{said}. Held at {plan.band} because {reasons}."
    return case


def _case(plan: PlanResult, result: CriterionResult) -> ET.Element:
    criterion = result.criterion
    location = result.locations[0]
    case = ET.Element(
        "testcase",
        name=f"{criterion.id} {criterion.title}",
        classname=criterion.lever,
        time="0",
    )
    outcome = OUTCOME_TITLE[result.outcome]
    detail = (
        f"{result.reason}\nWhere: {where(plan, location)} ({location.key})\n"
        f"What to commission: {criterion.remediation.strip()}"
    )
    if result.outcome.fails:
        failure = ET.SubElement(
            case, "failure", message=f"{outcome}: {result.reason}", type=result.outcome.value
        )
        failure.text = detail
    elif result.outcome in _SKIPPED:
        ET.SubElement(case, "skipped", message=f"{outcome}: {result.reason}")
    elif result.outcome is Outcome.PARTIAL:
        out = ET.SubElement(case, "system-out")
        out.text = f"PARTLY MET: {detail}"
    return case


def _costs(plan: PlanResult) -> list[tuple[str, str]]:
    """What the plan's budget buys per practitioner, as properties."""
    costs = plan.costs
    if costs is None:
        return []
    return [
        ("currency", costs.currency),
        ("cost_per_practitioner", f"{costs.per_practitioner:.2f}"),
        ("support_per_practitioner", f"{costs.support_per_practitioner:.2f}"),
    ]


def _invalid_suites(problems: tuple[Problem, ...], options: RenderOptions) -> list[ET.Element]:
    """A failing suite for each plan that cannot be read, and one for problems with no file."""
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_file[problem.file].append(problem)
    suites = []
    for file, found in by_file.items():
        name = from_root(file, options) if file else "readiness"
        suite = ET.Element("testsuite", name=name)
        if file:
            suite.set("file", name)
        title = "The plan can be read" if file else "The run can use its input"
        case = ET.SubElement(suite, "testcase", name=title, classname="readiness.format", time="0")
        first = found[0].message
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        failure = ET.SubElement(case, "failure", message=first + more, type="invalid")
        failure.text = "\n".join(_said(problem) for problem in found)
        for key, value in (("tests", "1"), ("failures", "1"), ("errors", "0"), ("time", "0")):
            suite.set(key, value)
        suites.append(suite)
    return suites


def _said(problem: Problem) -> str:
    place = f"{problem.file}:{problem.line}:{problem.column}: " if problem.line else ""
    place = place or (f"{problem.file}: " if problem.file else "")
    hint = f" (hint: {problem.hint})" if problem.hint else ""
    return f"{place}{problem.message}{hint}"
