"""``--jobs`` starts at most one worker per core, whatever number is asked for.

Pools are replaced by one that records how many workers it was asked for and audits in this
process, so no test forks.
"""

from __future__ import annotations

import multiprocessing
import shutil
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, run
from readiness.audit import many
from readiness.audit.run import AuditOptions

OPTIONS = AuditOptions(as_of=date(2027, 1, 15))


class Pools:
    """Stands in for ``multiprocessing.get_context``: counts the workers each pool asks for."""

    def __init__(self) -> None:
        self.workers: list[int] = []

    def get_context(self, method: str) -> Pools:
        assert method == "fork"
        return self

    def Pool(self, processes: int, initializer: object = None) -> Pool:
        self.workers.append(processes)
        return Pool()


class Pool:
    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap(
        self, work: Callable[[Any], Any], items: Iterable[Any], chunksize: int
    ) -> Iterator[Any]:
        return map(work, items)


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> Pools:
    recorder = Pools()
    monkeypatch.setattr(multiprocessing, "get_context", recorder.get_context)
    monkeypatch.setattr(many, "default_jobs", lambda: 2)  # a machine with two cores
    return recorder


def plans(count: int) -> list[tuple[Path, str]]:
    examples = sorted(EXAMPLES.glob("*.yaml"))
    return [(examples[i % len(examples)], f"plan{i}.yaml") for i in range(count)]


def test_ten_thousand_jobs_start_one_worker_per_core(rubric, pools: Pools) -> None:
    result = many.audit_many(plans(64), rubric, OPTIONS, jobs=10_000)
    assert pools.workers == [2]
    assert [p.path for p in result.plans] == [f"plan{i}.yaml" for i in range(64)]


def test_fewer_jobs_than_cores_are_kept(
    rubric, pools: Pools, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(many, "default_jobs", lambda: 16)
    many.audit_many(plans(64), rubric, OPTIONS, jobs=3)
    assert pools.workers == [3]


def test_a_few_plans_are_audited_without_workers(rubric, pools: Pools) -> None:
    result = many.audit_many(plans(8), rubric, OPTIONS, jobs=10_000)
    assert pools.workers == []
    assert len(result.plans) == 8


def test_the_command_line_caps_jobs_at_the_cores(tmp_path: Path, pools: Pools) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for i in range(40):
        shutil.copy(EXAMPLES / "ready.yaml", folder / f"p{i:02}.yaml")
    result = run(
        "audit", str(folder), "--jobs", "10000", "--as-of", "2027-01-15", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    assert pools.workers == [2]


def test_default_jobs_is_the_number_of_usable_cores() -> None:
    assert 1 <= many.default_jobs() <= (multiprocessing.cpu_count() or 1)
