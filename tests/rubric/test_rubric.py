"""The default rubric and rubric files: complete, ordered, validated like a plan."""

from __future__ import annotations

import ast
import re
from importlib.resources import files

import pytest

from conftest import ROOT
from readiness.checks import REGISTRY
from readiness.errors import InputError
from readiness.load.parse import load_yaml
from readiness.rubric.files import default_rubric_text
from readiness.rubric.load import build_rubric

# Rubric 2 adds SM-07, SM-08, PS-11, PS-12 and FD-05, each continuing its lever's numbering.
IDS = (
    [f"RP-0{i}" for i in range(1, 9)]
    + [f"SM-0{i}" for i in range(1, 9)]
    + [f"PS-{i:02d}" for i in range(1, 13)]
    + [f"LM-0{i}" for i in range(1, 7)]
    + [f"LF-0{i}" for i in range(1, 8)]
    + [f"FD-0{i}" for i in range(1, 6)]
)
NEW_IN_RUBRIC_2 = ("SM-07", "SM-08", "PS-11", "PS-12", "FD-05")
CAPS = {
    "RP-01": "at-risk",
    "SM-01": "at-risk",
    "SM-04": "at-risk",
    "PS-02": "at-risk",
    "PS-04": "at-risk",
    "PS-06": "at-risk",
    "LM-01": "at-risk",
    "LF-01": "at-risk",
    "FD-01": "training-only",
    "FD-02": "developing",
    "FD-03": "developing",
}
LEVERS = [
    "right-people",
    "service-managers",
    "standards",
    "line-managers",
    "fidelity",
    "foundations",
]


def test_all_46_criteria_in_the_order_of_rubric_md(rubric) -> None:  # type: ignore[no-untyped-def]
    assert len(IDS) == 46
    assert [c.id for c in rubric.criteria] == IDS
    assert rubric.version == 2


def test_the_criteria_new_in_rubric_2_do_not_cap(rubric) -> None:  # type: ignore[no-untyped-def]
    for cid in NEW_IN_RUBRIC_2:
        assert rubric.criterion(cid).caps_band is None, cid


def test_levers_in_order(rubric) -> None:  # type: ignore[no-untyped-def]
    assert [lv.id for lv in rubric.levers] == LEVERS
    assert [lv.scored for lv in rubric.levers] == [True] * 5 + [False]


def test_each_criterion_belongs_to_the_lever_of_its_prefix(rubric) -> None:  # type: ignore[no-untyped-def]
    prefix = dict(zip(["RP", "SM", "PS", "LM", "LF", "FD"], LEVERS, strict=True))
    for criterion in rubric.criteria:
        assert criterion.lever == prefix[criterion.id[:2]], criterion.id


def test_caps_as_rubric_md_gives_them(rubric) -> None:  # type: ignore[no-untyped-def]
    assert {c.id: c.caps_band for c in rubric.criteria if c.caps_band} == CAPS


def test_every_criterion_is_documented(rubric) -> None:  # type: ignore[no-untyped-def]
    for criterion in rubric.criteria:
        assert criterion.title, criterion.id
        assert criterion.rationale, criterion.id
        assert criterion.remediation, criterion.id
        assert {"nirn", "cfir", "eric", "samhsa"} <= set(criterion.refs), criterion.id
        assert criterion.weight > 0


def test_seed_quotes_come_from_the_article(rubric) -> None:  # type: ignore[no-untyped-def]
    rp01 = rubric.criterion("RP-01")
    assert (
        rp01.seed
        == "Effective trauma-informed implementation does not begin with system-wide rollouts."
    )


def test_every_registered_check_is_used_and_every_criterion_is_tested(rubric) -> None:  # type: ignore[no-untyped-def]
    used = {c.check.name for c in rubric.criteria}
    assert used == set(REGISTRY)
    untested = [c.id for c in rubric.criteria if c.id not in judged_in_check_tests()]
    assert untested == []


def judged_in_check_tests() -> set[str]:
    """Criterion IDs the check tests judge: the ID given to ``judge(rubric, ID, plan)`` in
    tests/checks (a mention in a comment or a docstring does not count)."""
    found: set[str] = set()
    for path in (ROOT / "tests" / "checks").glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "judge"
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
            ):
                found.add(str(node.args[1].value))
    return found


def test_a_criterion_only_mentioned_is_not_counted_as_tested() -> None:
    judged = judged_in_check_tests()
    assert {"RP-01", "LF-01", "FD-01"} <= judged
    assert all(re.fullmatch(r"[A-Z]{2}-[0-9]{2}", j) for j in judged)
    assert "XX-99" not in judged  # named in this test's own text, not judged by a check test


def test_every_check_has_a_docstring() -> None:
    for check in REGISTRY.values():
        assert check.doc, check.name


def test_thresholds_live_in_the_rubric_not_in_code() -> None:
    source = (ROOT / "src" / "readiness" / "checks").glob("*.py")
    for path in source:
        text = path.read_text()
        # The rubric.md thresholds (25%, 40%, 90 minutes, 60 minutes, 30 days ...) never appear
        # as literals in a comparison.
        assert not re.search(r"[<>]=?\s*(25|40|90|60|30|50|24|12)\b", text), path.name


def test_the_rubric_ships_inside_the_package() -> None:
    assert files("readiness.rubrics").joinpath("default.yaml").is_file()


def test_the_hash_is_stable_and_follows_the_content(rubric) -> None:  # type: ignore[no-untyped-def]
    text = default_rubric_text()
    again = build_rubric(*load_yaml(text, "r.yaml"), "r.yaml")
    assert again.sha256 == rubric.sha256
    changed = text.replace("met_max_percent: 25", "met_max_percent: 30", 1)
    assert build_rubric(*load_yaml(changed, "r.yaml"), "r.yaml").sha256 != rubric.sha256


def broken(old: str, new: str) -> list[tuple[int, int, str]]:
    text = default_rubric_text()
    assert old in text
    with pytest.raises(InputError) as caught:
        build_rubric(*load_yaml(text.replace(old, new, 1), "local.yaml"), "local.yaml")
    return [(p.line, p.column, p.message) for p in caught.value.problems]


def line_of(fragment: str) -> int:
    return default_rubric_text().split(fragment)[0].count("\n") + 1


def test_a_misspelt_parameter_is_refused_with_its_line() -> None:
    found = broken("met_max_percent: 25", "met_max_percnt: 25")
    unknown = [f for f in found if "unknown key" in f[2]]
    assert unknown[0][0] == line_of("met_max_percent: 25")
    assert unknown[0][2] == (
        "unknown key 'met_max_percnt' in criteria.RP-01.params (did you mean 'met_max_percent'?)"
    )


def test_an_ill_typed_parameter_is_refused() -> None:
    found = broken("met_max_percent: 25", "met_max_percent: lots")
    assert "must be a number" in found[0][2]


def test_an_unknown_check_is_refused_with_a_suggestion() -> None:
    found = broken("check: first_wave_share", "check: first_wave_shares")
    assert "unknown check 'first_wave_shares' (did you mean 'first_wave_share'?)" in found[0][2]


def test_an_unknown_lever_is_refused() -> None:
    found = broken("lever: right-people", "lever: right-peple")
    assert "unknown lever 'right-peple' (did you mean 'right-people'?)" in found[0][2]


def test_an_unknown_phrase_list_is_refused() -> None:
    found = broken("groups: [punitive]", "groups: [punative]")
    assert "unknown phrase list 'punative'" in found[0][2]
