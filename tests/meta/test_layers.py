"""The pipeline's packages import only downwards, and no module imports itself round a cycle.

Layers, lowest first (README, "Architecture"): the shared vocabulary (``errors``,
``outcomes``, ``wording``), then ``load``, ``plan``, ``checks``, ``rubric``, ``audit``,
``reporters``, ``interview`` and ``cli``. A module may import its own package and any layer below it; every
import counts, at the top of a file, inside a function or under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Iterator
from pathlib import Path

from conftest import ROOT

SOURCE = ROOT / "src" / "readiness"
LAYERS = ("shared", "load", "plan", "checks", "rubric", "audit", "reporters", "interview", "cli")
SHARED = {"readiness", "readiness.errors", "readiness.outcomes", "readiness.wording"}


def layer(module: str) -> int:
    if module in SHARED:
        return 0
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "readiness" and parts[1] in LAYERS:
        return LAYERS.index(parts[1])
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS or SHARED")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, root: Path) -> Iterator[tuple[str, int]]:
    """Every readiness module the file imports, and the line, wherever the import stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path, root)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            names = [base]
            # ``from readiness.checks import rollout`` imports a module of the package
            names += [
                f"{base}.{alias.name}" for alias in node.names if _is_module(base, alias.name, root)
            ]
        else:
            continue
        for name in names:
            if name == "readiness" or name.startswith("readiness."):
                yield name, node.lineno


def _is_module(base: str, name: str, root: Path) -> bool:
    folder = root.parent.joinpath(*base.split("."))
    return (folder / f"{name}.py").exists() or (folder / name / "__init__.py").exists()


def violations(root: Path) -> list[str]:
    """Imports that run up a layer, as ``file:line: module -> imported``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        for name, line in imports(path, root):
            if layer(name) > layer(module):
                found.append(f"{path.relative_to(root.parent)}:{line}: {module} -> {name}")
    return found


def cycles(root: Path) -> list[list[str]]:
    """Groups of modules that import each other round a loop (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        graph[module] = {n for n, _ in imports(path, root) if n != module}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_every_import_runs_down_the_pipeline() -> None:
    assert violations(SOURCE) == []


def test_no_module_imports_round_a_cycle() -> None:
    # a package's __init__ and its own modules may name each other (the registry pattern)
    cross_package = [
        group for group in cycles(SOURCE) if len({m.split(".")[1] for m in group if "." in m}) > 1
    ]
    assert cross_package == []


def test_every_module_belongs_to_a_layer() -> None:
    for path in SOURCE.rglob("*.py"):
        layer(module_name(path, SOURCE))


def test_a_planted_upward_import_is_caught(tmp_path: Path) -> None:
    copy = tmp_path / "readiness"
    shutil.copytree(SOURCE, copy)
    (copy / "load" / "planted.py").write_text(
        "def later() -> None:\n    from readiness.cli import main  # runs back up\n",
        encoding="utf-8",
    )
    (copy / "checks" / "planted.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..audit import result\n",
        encoding="utf-8",
    )
    assert violations(copy) == [
        "readiness/checks/planted.py:3: readiness.checks.planted -> readiness.audit",
        "readiness/checks/planted.py:3: readiness.checks.planted -> readiness.audit.result",
        "readiness/load/planted.py:2: readiness.load.planted -> readiness.cli",
    ]


def test_a_planted_cycle_is_caught(tmp_path: Path) -> None:
    copy = tmp_path / "readiness"
    shutil.copytree(SOURCE, copy)
    (copy / "errors.py").write_text(
        (copy / "errors.py").read_text(encoding="utf-8") + "\nimport readiness.wording\n",
        encoding="utf-8",
    )
    assert ["readiness.errors", "readiness.outcomes", "readiness.wording"] not in cycles(copy)
    (copy / "outcomes.py").write_text(
        (copy / "outcomes.py").read_text(encoding="utf-8") + "\nimport readiness.errors\n",
        encoding="utf-8",
    )
    (copy / "wording.py").write_text(
        (copy / "wording.py").read_text(encoding="utf-8") + "\nimport readiness.outcomes\n",
        encoding="utf-8",
    )
    assert ["readiness.errors", "readiness.outcomes", "readiness.wording"] in cycles(copy)
