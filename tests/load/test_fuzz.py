"""Property-based tests: whatever the input, the loader and the CLI answer without a traceback.

Inputs are arbitrary bytes, arbitrary YAML, and mutated valid plans. The CLI runs in-process
(through ``readiness.cli.run``, what the installed entry point runs) so that hundreds of
examples fit in a few seconds; ``test_cli.py`` covers the installed command itself.
"""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from readiness.cli import run
from readiness.errors import InputError
from readiness.load.parse import load_yaml

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PLANS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))]


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["readiness", *args]
    code: int | str | None = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            run()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.argv = argv
    return int(code or 0), out.getvalue(), err.getvalue()


def audit_bytes(data: bytes, folder: Path) -> None:
    plan = folder / "plan.yaml"
    report = folder / "report.json"
    plan.write_bytes(data)
    report.unlink(missing_ok=True)
    code, _, err = cli("audit", str(plan), "-o", str(report), "--as-of", "2027-01-15")
    assert code in (0, 1, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert ": error: " in err
        assert not report.exists()
    else:
        assert report.exists()


@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes, tmp_path: Path) -> None:
    audit_bytes(data, tmp_path)


_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | st.sampled_from(
        ["yes", "NO", "on", "2027-02-30", "1:30", "012", "85%", "monthly", "baseline"]
    )
)
_keys = st.sampled_from(
    [
        "readiness",
        "plan",
        "workforce",
        "title",
        "start",
        "end",
        "practitioners",
        "rollout",
        "cohorts",
        "size",
        "name",
        "waivers",
        "criterion",
        "until",
        "on",
        "<<",
        "",
    ]
) | st.text(max_size=12)
_trees = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(_keys, inner, max_size=6),
    max_leaves=40,
)


@FUZZ
@given(tree=_trees, flow=st.booleans())
def test_arbitrary_yaml(tree: object, flow: bool, tmp_path: Path) -> None:
    text = yaml.safe_dump(tree, default_flow_style=flow, allow_unicode=True)
    audit_bytes(text.encode("utf-8"), tmp_path)


@FUZZ
@given(
    text=st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>'\"#%@`,?\t\n ~0123.")), max_size=300)
)
def test_yaml_punctuation_soup(text: str, tmp_path: Path) -> None:
    audit_bytes(text.encode("utf-8"), tmp_path)


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(PLANS)).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "copy", "value", "indent", "insert"]))
        line = lines[at]
        if action == "drop":
            del lines[at]
        elif action == "copy":
            lines.insert(at, line)
        elif action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[at] = (
                f"{key}: {draw(_scalars.map(lambda v: yaml.safe_dump(v).strip().splitlines()[0] if yaml.safe_dump(v).strip() else ''))}"
            )
        elif action == "indent":
            lines[at] = " " * draw(st.integers(0, 9)) + line.lstrip()
        else:
            lines.insert(at, draw(st.text(max_size=20)))
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


@FUZZ
@given(text=mutated_plans())
def test_mutated_valid_plans(text: str, tmp_path: Path) -> None:
    audit_bytes(text.encode("utf-8", errors="surrogatepass"), tmp_path)


@FUZZ
@given(text=st.text(max_size=500))
def test_the_loader_raises_only_input_errors(text: str) -> None:
    problems = []
    try:
        load_yaml(text, "plan.yaml")
    except InputError as exc:
        problems = list(exc.problems)
        assert problems
    for problem in problems:
        assert problem.message
        assert problem.line >= 0
        assert problem.column >= 0
