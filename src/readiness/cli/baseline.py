"""``--baseline FILE`` and ``--write-baseline FILE``: let a portfolio with known gaps adopt a
gate, failing only on gaps that are new or worse than those recorded.

A baseline is a JSON file of each plan's criterion outcomes, plans named from the repository's
root (so it works from any folder). With ``--baseline``, a plan that falls short still passes
when none of its gaps is new or worse than in the file; a plan the file does not name is judged
as usual. Gaps rank: not met and not written down, then partly met, then none (met, waived, not
applicable), so an expired waiver or a slipping criterion shows up as worse.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from readiness.errors import InputError, Problem
from readiness.outcomes import OUTCOME_TITLE, Outcome
from readiness.reporters.locations import from_root
from readiness.reporters.stream import Writer

if TYPE_CHECKING:
    from readiness.audit.result import AuditResult, PlanResult
    from readiness.reporters import RenderOptions

FORMAT = "readiness-baseline"
VERSION = 1
LISTED = 20
"""New or worse gaps the terminal lists; the rest are counted."""
_HINT = "write a new one with --write-baseline FILE"


class Worse(NamedTuple):
    plan: str
    criterion: str
    title: str
    before: Outcome | None
    now: Outcome


def severity(outcome: Outcome) -> int:
    if outcome.fails:
        return 2
    return 1 if outcome is Outcome.PARTIAL else 0


class Snapshot(Writer):
    """The baseline file, written at the end from every plan's outcomes (kept as they come:
    a few hundred bytes a plan), in a stable order."""

    whole_plan = False
    commission = False

    def __init__(
        self, run: AuditResult, options: RenderOptions, out: IO[str], expected: int
    ) -> None:
        super().__init__(run, options, out, expected)
        self.plans: dict[str, dict[str, str]] = {}

    def plan(self, plan: PlanResult, piece: object = None) -> None:
        outcomes = {r.criterion.id: r.outcome.value for r in plan.criteria}
        self.plans[from_root(plan.path, self.options)] = outcomes

    def finish(self, problems: Sequence[Problem] = ()) -> None:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "rubric": {"id": self.run.rubric.id, "version": self.run.rubric.version},
            "plans": dict(sorted(self.plans.items())),
        }
        self.out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def read(path: Path) -> dict[str, dict[str, Outcome]]:
    """A baseline file's outcomes by plan and criterion; ``InputError`` if it is not one."""
    shown = path.as_posix()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        from readiness.cli import reason

        raise InputError.single(f"cannot read the baseline: {reason(exc)}", file=shown) from None
    except (ValueError, RecursionError) as exc:
        why = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise InputError.single(
            f"the baseline is not valid JSON ({why})", file=shown, hint=_HINT
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError.single("this is not a readiness baseline file", file=shown, hint=_HINT)
    version = data.get("version")
    if type(version) is not int or version != VERSION:
        raise InputError.single(
            f"baseline version {data.get('version')!r} is not one this readiness reads",
            file=shown,
            hint=_HINT,
        )
    plans = data.get("plans")
    known = {o.value: o for o in Outcome}
    try:
        assert isinstance(plans, dict)
        return {
            str(plan): {str(c): known[o] for c, o in outcomes.items()}
            for plan, outcomes in plans.items()
        }
    except (AssertionError, AttributeError, KeyError, TypeError):
        raise InputError.single(
            "the baseline's plans cannot be read", file=shown, hint=_HINT
        ) from None


def worse(
    plan: PlanResult, baseline: dict[str, dict[str, Outcome]], options: RenderOptions
) -> list[Worse]:
    """The plan's gaps that are new or worse than the baseline's (every gap, for a plan or
    criterion the baseline does not name)."""
    prior = baseline.get(from_root(plan.path, options), {})
    return [
        Worse(plan.path, r.criterion.id, r.criterion.title, was, r.outcome)
        for r in plan.criteria
        if r.is_gap
        and ((was := prior.get(r.criterion.id)) is None or severity(r.outcome) > severity(was))
    ]


class Gate:
    """Whether the run passes, a plan at a time: every plan reaches the gates or, with a
    baseline, every plan that falls short has no gap that is new or worse."""

    def __init__(
        self, baseline: dict[str, dict[str, Outcome]] | None, options: RenderOptions
    ) -> None:
        self.baseline = baseline
        self.options = options
        self.passed = True
        self.found: dict[str, list[Worse]] = {}
        """For each plan that falls short, its new or worse gaps (with a baseline)."""

    def add(self, plan: PlanResult) -> None:
        if plan.passed:
            return
        if self.baseline is None:
            self.passed = False
            return
        found = worse(plan, self.baseline, self.options)
        self.found[plan.path] = found
        self.passed &= not found


def said(found: dict[str, list[Worse]], path: str) -> list[str]:
    """What the terminal says of the baseline: a line, then each new or worse gap."""
    gaps = [w for plan in found.values() for w in plan]
    held = sum(1 for plan in found.values() if not plan)
    if not gaps:
        plans = "plan falls" if held == 1 else "plans fall"
        extra = f" ({held} {plans} short only with gaps already there)" if held else ""
        return [f"Baseline {path}: no new or worse gaps{extra}."]
    lines = [f"Baseline {path}: {len(gaps)} new or worse gap{'s' if len(gaps) != 1 else ''}:"]
    for gap in gaps[:LISTED]:
        was = OUTCOME_TITLE[gap.before] if gap.before is not None else "not in the baseline"
        lines.append(
            f"  {gap.plan}: {gap.criterion} {gap.title} ({was}, now {OUTCOME_TITLE[gap.now]})"
        )
    if len(gaps) > LISTED:
        lines.append(f"  and {len(gaps) - LISTED} more")
    return lines
