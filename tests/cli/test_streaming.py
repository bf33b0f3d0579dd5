"""Every format written as plans are audited: the same bytes as a report made whole in memory,
the same with one job or several, memory that does not grow with the number of plans, and a
run stopped part way that leaves no trace."""

from __future__ import annotations

import json
import os
import shutil
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, EXAMPLES, run
from readiness.audit.many import audit_many
from readiness.audit.run import AuditOptions
from readiness.reporters import AUDIT_FORMATS, RenderOptions

REPORTS = {
    "json": "r.json",
    "sarif": "r.sarif",
    "junit": "r.xml",
    "markdown": "r.md",
    "html": "r.html",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with 18 plans of every band, one with a waiver past its end: enough for
    two workers."""
    root = tmp_path_factory.mktemp("streamed")
    (root / ".git").mkdir()
    plans = root / "plans"
    plans.mkdir()
    for i in range(6):
        for name in ("ready", "developing", "training-only"):
            shutil.copy(EXAMPLES / f"{name}.yaml", plans / f"{name}-{i}.yaml")
    text = (plans / "developing-3.yaml").read_text(encoding="utf-8")
    (plans / "developing-3.yaml").write_text(text.replace("until: 2027-10-31", "until: 2026-10-31"))
    return root


def written(folder: Path, out: str, *extra: str) -> dict[str, bytes]:
    target = folder / out
    target.mkdir(exist_ok=True)
    args = ["audit", "plans", "--as-of", "2027-01-15", *extra]
    for name in REPORTS.values():
        args += ["-o", f"{out}/{name}"]
    result = run(*args, cwd=folder)
    assert result.returncode == 1, result.stderr
    return {name: (target / name).read_bytes() for name in REPORTS.values()}


def test_streamed_reports_are_the_reports_made_whole(folder: Path, rubric) -> None:  # type: ignore[no-untyped-def]
    streamed = written(folder, "out-one", "--jobs", "1")
    files = sorted((folder / "plans").glob("*.yaml"))
    result = audit_many([(f, f"plans/{f.name}") for f in files], rubric, AuditOptions(as_of=AS_OF))
    options = RenderOptions(root=folder.as_posix(), cwd=folder.as_posix())
    for name, file in REPORTS.items():
        whole = AUDIT_FORMATS[name].load()(result, options)
        assert streamed[file] == whole.encode(), name


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Two workers even on a machine with one core (jobs are capped at the cores), and the
    plans whose results came back from a worker, as they come."""
    from readiness.audit import many

    real_jobs, real_unpack = many.default_jobs, many.unpack
    came: list[str] = []

    def unpack(packed: tuple[Any, ...], by_id: Any) -> Any:
        came.append(packed[0])
        return real_unpack(packed, by_id)

    monkeypatch.setattr(many, "default_jobs", lambda: max(2, real_jobs()))
    monkeypatch.setattr(many, "unpack", unpack)
    return came


def test_one_job_or_several_give_the_same_bytes(folder: Path, workers: list[str]) -> None:
    assert written(folder, "out-a", "--jobs", "1") == written(folder, "out-b", "--jobs", "2")
    assert len(workers) == 18  # every plan came from a worker


def test_memory_does_not_grow_with_the_number_of_plans(tmp_path: Path) -> None:
    """Python's own allocations at their peak, for 10 plans and for 80, with every report:
    what grows is a line per plan for the portfolio's table, never the plans' results."""
    peaks = []
    for count in (10, 80):
        root = tmp_path / str(count)
        (root / "plans").mkdir(parents=True)
        for i in range(count):
            shutil.copy(EXAMPLES / "developing.yaml", root / "plans" / f"p{i:03}.yaml")
        args = ["audit", "plans", "--jobs", "1", "--as-of", "2027-01-15"]
        for name in REPORTS.values():
            args += ["-o", name]
        tracemalloc.start()
        try:
            result = run(*args, cwd=root)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        assert result.returncode == 0, result.stderr
    # eight times the plans: a held result is about 0.25 MB a plan, so holding them would
    # add some 17 MB; streamed, the peak grows by a few hundred kB
    assert peaks[1] - peaks[0] < 4 * 1024 * 1024, peaks


def test_a_run_stopped_part_way_leaves_no_trace(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readiness.audit import many

    out = folder / "out-stop"
    out.mkdir()
    (out / "r.json").write_text("old\n")
    real = many.audit_one
    calls = {"n": 0}

    def stop_at_the_fifth(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(many, "audit_one", stop_at_the_fifth)
    args = ["audit", "plans", "--jobs", "1"]
    for name in REPORTS.values():
        args += ["-o", f"out-stop/{name}"]
    result = run(*args, cwd=folder)
    assert result.returncode == 130
    assert result.stderr == "readiness: interrupted\n"
    assert sorted(os.listdir(out)) == ["r.json"]
    assert (out / "r.json").read_text() == "old\n"


def test_invalid_input_keeps_only_the_ci_formats(folder: Path) -> None:
    bad = folder / "bad"
    shutil.copytree(folder / "plans", bad / "plans")
    (bad / "plans" / "zz-broken.yaml").write_text("readiness: 1\nplan: {title: x}\n")
    args = ["audit", "plans", "--as-of", "2027-01-15"]
    for name in REPORTS.values():
        args += ["-o", name]
    result = run(*args, cwd=bad)
    assert result.returncode == 2
    assert sorted(p.name for p in bad.iterdir() if p.is_file()) == ["r.sarif", "r.xml"]
    sarif = json.loads((bad / "r.sarif").read_text())
    assert len(sarif["runs"][0]["artifacts"]) == 18  # every plan that could be read


def test_a_full_disk_while_streaming_names_the_report_and_leaves_no_trace(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from readiness.cli import outputs

    real = outputs._Report.__init__

    class Filling:
        def __init__(self, file) -> None:  # type: ignore[no-untyped-def]
            self.file, self.calls = file, 0

        def write(self, text: str) -> int:
            self.calls += 1
            if self.calls == 3:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.file.write(text)

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(self.file, name)

    def filling(self, target, file) -> None:  # type: ignore[no-untyped-def]
        real(self, target, Filling(file))

    monkeypatch.setattr(outputs._Report, "__init__", filling)
    out = folder / "out-full"
    out.mkdir()
    result = run("audit", "plans", "--jobs", "1", "-o", "out-full/r.json", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == (
        "readiness: error: cannot write 'out-full/r.json': no space left on the device\n"
    )
    assert os.listdir(out) == []


def _kept(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """What each run's workers are told to keep of a plan, recorded."""
    from readiness.audit import many

    kept: list[object] = []
    real = many.worked

    def worked(*args: object, **kwargs: object) -> object:
        kept.append(args[4])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(many, "worked", worked)
    return kept


def test_workers_send_back_only_outcomes_when_no_report_reads_more(
    folder: Path, monkeypatch: pytest.MonkeyPatch, workers: list[str]
) -> None:
    from readiness.audit.many import outcomes_only

    kept = _kept(monkeypatch)
    written(folder, "out-lean", "--jobs", "2")
    assert kept == [outcomes_only]
    (folder / "out-whole").mkdir(exist_ok=True)
    result = run("audit", "plans", "-f", "github", "-o", "out-whole/r.json", cwd=folder)
    assert result.returncode == 1, result.stderr
    assert kept[1] is not outcomes_only  # the annotations name each gap's place
    assert len(workers) == 36  # both runs' plans came from workers


@pytest.mark.parametrize(
    ("args", "commission"),
    [
        (["-f", "json"], False),
        (["-o", "out/r.json", "-o", "out/r.sarif", "-o", "out/r.xml", "-q"], False),
        (["-o", "out/r.json", "-o", "out/r.md"], True),
        (["-o", "out/r.html", "-q"], True),
        (["-f", "github"], True),
    ],
)
def test_the_commission_is_worked_out_only_when_a_report_shows_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], commission: bool
) -> None:
    from readiness.audit import many

    seen: set[bool] = set()
    real = many.audit_one

    def audit_one(*given: Any) -> Any:
        seen.add(given[3].commission)
        return real(*given)

    monkeypatch.setattr(many, "audit_one", audit_one)
    (folder / "out").mkdir(exist_ok=True)
    result = run("audit", "plans", "--jobs", "1", *args, cwd=folder)
    assert result.returncode == 1, result.stderr
    assert seen == {commission}


@pytest.mark.parametrize(
    "extra",
    [
        ["-f", "github"],
        ["-f", "json", "--baseline", "base.json"],
        ["-o", "{out}/r.md", "--write-baseline", "{out}/base.json"],
        ["-o", "{out}/own.md", "--template", "templates"],
    ],
    ids=["github-and-job-summary", "baseline", "write-baseline", "own-template"],
)
def test_reports_that_read_whole_plans_are_the_same_with_several_jobs(
    folder: Path, extra: list[str], workers: list[str]
) -> None:
    """Each report, standard output and the job summary: the same bytes with two jobs as
    with one, whether the workers send back whole plans or only outcomes."""
    (folder / "templates").mkdir(exist_ok=True)
    (folder / "templates" / "report.md.j2").write_text(
        "{% for plan in plans %}{{ plan.commissioner | md }}: "
        "{{ plan.criteria | map(attribute='reason') | join(' ') | md }}\n{% endfor %}",
        encoding="utf-8",
    )
    base = folder / "base.json"
    if not base.exists():  # a baseline that knows half the plans: the rest's gaps are new
        made = run("audit", "plans", "--write-baseline", "base.json", "-q", cwd=folder)
        assert made.returncode in (0, 1), made.stderr
        document = json.loads(base.read_text(encoding="utf-8"))
        document["plans"] = dict(list(document["plans"].items())[::2])
        base.write_text(json.dumps(document), encoding="utf-8")
    workers.clear()  # only the two runs below count
    seen = []
    for jobs in ("1", "2"):
        out = folder / f"whole-{jobs}"
        out.mkdir(exist_ok=True)
        summary = out / "summary.md"
        summary.write_text("", encoding="utf-8")
        args = [a.replace("{out}", out.name) for a in extra]
        result = run(
            "audit",
            "plans",
            "--jobs",
            jobs,
            "--as-of",
            "2027-01-15",
            *args,
            cwd=folder,
            env={"GITHUB_STEP_SUMMARY": str(summary)},
        )
        assert result.returncode in (0, 1), result.stderr
        files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
        seen.append((result.stdout, files))
    assert seen[0] == seen[1]
    assert seen[0][0] or len(seen[0][1]) > 1
    assert len(workers) == 18  # the second run's plans all came from workers, none the first's
