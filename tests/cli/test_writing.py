"""Where reports may be written, and how: never over a file the run reads, never replacing a
device or a link, and a run's reports written as a set, whole or not at all."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import socket
import stat
import tempfile
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, run, run_installed
from readiness.cli import Interrupted
from readiness.cli.outputs import Target, write_all
from readiness.errors import InputError

Snapshot = dict[str, tuple[bytes, int]]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A repository holding one plan, plan.yaml."""
    (tmp_path / ".git").mkdir()
    shutil.copy(EXAMPLES / "ready.yaml", tmp_path / "plan.yaml")
    return tmp_path


def snapshot(where: Path) -> Snapshot:
    """Every entry of a folder (hidden ones too): its bytes (a link's target) and mtime."""
    taken: Snapshot = {}
    for entry in sorted(where.iterdir()):
        found = entry.lstat()
        if stat.S_ISREG(found.st_mode):
            taken[entry.name] = (entry.read_bytes(), found.st_mtime_ns)
        elif stat.S_ISLNK(found.st_mode):
            taken[entry.name] = (os.readlink(entry).encode(), found.st_mtime_ns)
        else:
            taken[entry.name] = (b"", 0)
    return taken


def fail_on_call(
    monkeypatch: pytest.MonkeyPatch, name: str, call: int, failure: Callable[[], None]
) -> None:
    """Make ``os.<name>`` run ``failure`` on its ``call``-th use (counting from 1)."""
    real = getattr(os, name)
    calls = {"n": 0}

    def patched(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == call:
            failure()
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, patched)


def no_space() -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def ctrl_c() -> None:
    raise KeyboardInterrupt


def terminate() -> None:
    """What SIGTERM does: run the handler installed for it (the default would end pytest)."""
    handler = signal.getsignal(signal.SIGTERM)
    assert callable(handler), "no SIGTERM handler while writing"
    handler(signal.SIGTERM, None)


# -- never a file the run reads -------------------------------------------------------------
def _same(folder: Path) -> str:
    return "plan.yaml"


def _relative(folder: Path) -> str:
    return "./plan.yaml"


def _absolute(folder: Path) -> str:
    return str(folder / "plan.yaml")


def _hard_link(folder: Path) -> str:
    os.link(folder / "plan.yaml", folder / "twin.yaml")
    return "twin.yaml"


@pytest.mark.parametrize("name", [_same, _relative, _absolute, _hard_link])
def test_a_report_never_replaces_the_plan_it_audits(
    folder: Path, name: Callable[[Path], str]
) -> None:
    output = name(folder)
    before = snapshot(folder)
    result = run("audit", "plan.yaml", "-f", "json", "-o", output, cwd=folder)
    assert result.returncode == 2
    shown = str(Path(output))
    assert result.stderr == (
        f"readiness: error: cannot write the report '{shown}': it is the same file as the plan "
        "'plan.yaml', which this run reads\n  hint: write the report to another file\n"
    )
    assert result.stdout == ""
    assert snapshot(folder) == before


def test_a_link_to_the_plan_is_refused_naming_the_plan(folder: Path) -> None:
    (folder / "report.json").symlink_to("plan.yaml")
    before = snapshot(folder)
    result = run("audit", "plan.yaml", "-o", "report.json", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == (
        "readiness: error: cannot write the report 'report.json': it is a link to 'plan.yaml'; "
        "readiness writes through a link only to a device or pipe\n"
        "  hint: name the file itself, not a link to it; to print a report, use --format\n"
    )
    assert snapshot(folder) == before


def test_a_plan_found_in_a_folder_is_protected_too(folder: Path) -> None:
    before = snapshot(folder)
    result = run("audit", ".", "-f", "json", "-o", "plan.yaml", cwd=folder)
    assert result.returncode == 2
    assert "it is the same file as the plan 'plan.yaml', which this run reads" in result.stderr
    assert snapshot(folder) == before


def test_a_report_never_replaces_the_settings_file(folder: Path) -> None:
    (folder / ".readiness.yaml").write_text("min_band: developing\n")
    before = snapshot(folder)
    result = run("audit", "plan.yaml", "-f", "json", "-o", ".readiness.yaml", cwd=folder)
    assert result.returncode == 2
    settings_path = folder / ".readiness.yaml"
    assert (
        "cannot write the report '.readiness.yaml': it is the same file as the settings file "
        f"'{settings_path}', which this run reads" in result.stderr
    )
    assert snapshot(folder) == before


def test_a_report_never_replaces_the_rubric(folder: Path) -> None:
    shipped = files("readiness.rubrics").joinpath("default.yaml").read_text(encoding="utf-8")
    (folder / "rubric.yaml").write_text(shipped, encoding="utf-8")
    before = snapshot(folder)
    result = run(
        "audit", "plan.yaml", "--rubric", "rubric.yaml", "-f", "json", "-o", "rubric.yaml",
        cwd=folder,
    )  # fmt: skip
    assert result.returncode == 2
    assert (
        "cannot write the report 'rubric.yaml': it is the same file as the rubric "
        "'rubric.yaml', which this run reads" in result.stderr
    )
    assert snapshot(folder) == before


def test_a_report_never_replaces_a_template(folder: Path) -> None:
    templates = folder / "tpl"
    templates.mkdir()
    (templates / "report.md.j2").write_text("# {{ plans | length }} plans\n")
    os.link(templates / "report.md.j2", folder / "board.md")
    before, inside = snapshot(folder), snapshot(templates)
    result = run(
        "audit", "plan.yaml", "--template", "tpl", "-f", "markdown",
        "-o", "tpl/report.md.j2", "-o", "board.md", cwd=folder,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "readiness: error: cannot write the report 'tpl/report.md.j2': it is inside the "
        "template folder 'tpl', which this run reads\n  hint: write the report to another file\n"
        "readiness: error: cannot write the report 'board.md': it is the same file as "
        "'tpl/report.md.j2' in the template folder, which this run reads\n"
        "  hint: write the report to another file\n"
    )
    assert (snapshot(folder), snapshot(templates)) == (before, inside)


def test_diff_never_replaces_either_plan(folder: Path) -> None:
    shutil.copy(folder / "plan.yaml", folder / "new.yaml")
    before = snapshot(folder)
    result = run("diff", "plan.yaml", "new.yaml", "-f", "json", "-o", "new.yaml", cwd=folder)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "readiness: error: cannot write the diff 'new.yaml': it is the same file as the plan "
        "'new.yaml', which this run reads\n"
    )
    assert snapshot(folder) == before


# -- devices, folders, sockets --------------------------------------------------------------
def test_dev_null_is_written_through_and_stays_a_device(folder: Path) -> None:
    before = os.stat("/dev/null")
    result = run_installed("audit", "plan.yaml", "-f", "json", "-o", "/dev/null", cwd=folder)
    after = os.stat("/dev/null")
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_rdev, after.st_ino, after.st_mode) == (
        before.st_rdev,
        before.st_ino,
        before.st_mode,
    )


def test_dev_stdout_is_written_through_a_pipe(folder: Path) -> None:
    result = run_installed("audit", "plan.yaml", "-o", "/dev/stdout", "-f", "json", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"schema_version": 2') == 2  # the report, then stdout's own
    assert os.path.islink("/dev/stdout")


def test_a_folder_as_output_is_refused(folder: Path) -> None:
    (folder / "out").mkdir()
    result = run("audit", "plan.yaml", "-f", "json", "-o", "out", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == (
        "readiness: error: cannot write the report 'out': it is a folder, not a regular file\n"
    )


def test_a_socket_as_output_is_refused(tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(tmp_path / "s.json"))
        result = run("audit", str(EXAMPLES / "ready.yaml"), "-o", "s.json", cwd=tmp_path)
    assert result.returncode == 2
    assert "cannot write the report 's.json': it is a socket, not a regular file" in result.stderr


# -- a run's reports are one set ------------------------------------------------------------
def three_reports(folder: Path) -> list[str]:
    """Three outputs: the first and third exist already, the second is new."""
    (folder / "out").mkdir()
    (folder / "out" / "r1.json").write_text("old json\n")
    (folder / "out" / "r3.xml").write_text("old xml\n")
    return ["-o", "out/r1.json", "-o", "out/r2.md", "-o", "out/r3.xml"]


def test_a_full_disk_on_the_second_report_puts_the_first_back(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs_ = three_reports(folder)
    before = snapshot(folder / "out")
    fail_on_call(monkeypatch, "replace", 2, no_space)  # placing the second report
    result = run("audit", "plan.yaml", *outputs_, cwd=folder)
    assert result.returncode == 2
    assert result.stderr == (
        "readiness: error: cannot write 'out/r2.md': no space left on the device\n"
    )
    assert result.stdout == ""
    assert snapshot(folder / "out") == before  # r1 restored, r2 absent, no temporaries


def test_a_full_disk_while_staging_leaves_no_temporaries(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs_ = three_reports(folder)
    before = snapshot(folder / "out")
    fail_on_call(monkeypatch, "fsync", 2, no_space)  # flushing the second report to disk
    result = run("audit", "plan.yaml", *outputs_, cwd=folder)
    assert result.returncode == 2
    assert "cannot write 'out/r2.md': no space left on the device" in result.stderr
    assert snapshot(folder / "out") == before


def test_sigterm_while_writing_leaves_the_set_as_it_was(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs_ = three_reports(folder)
    before, handler_before = snapshot(folder / "out"), signal.getsignal(signal.SIGTERM)
    fail_on_call(monkeypatch, "replace", 3, terminate)  # as the third report is placed
    result = run("audit", "plan.yaml", *outputs_, cwd=folder)
    assert result.returncode == 128 + signal.SIGTERM
    assert result.stderr == "readiness: interrupted\n"
    assert snapshot(folder / "out") == before
    assert signal.getsignal(signal.SIGTERM) == handler_before


def test_ctrl_c_while_writing_leaves_the_set_as_it_was(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs_ = three_reports(folder)
    before = snapshot(folder / "out")
    fail_on_call(monkeypatch, "replace", 2, ctrl_c)
    result = run("audit", "plan.yaml", *outputs_, cwd=folder)
    assert (result.returncode, result.stderr) == (130, "readiness: interrupted\n")
    assert snapshot(folder / "out") == before


def test_a_complete_set_keeps_permissions_and_leaves_no_temporaries(folder: Path) -> None:
    outputs_ = three_reports(folder)
    os.chmod(folder / "out" / "r1.json", 0o640)
    result = run("audit", "plan.yaml", *outputs_, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (folder / "out").iterdir()) == ["r1.json", "r2.md", "r3.xml"]
    assert stat.S_IMODE((folder / "out" / "r1.json").stat().st_mode) == 0o640
    assert (folder / "out" / "r1.json").read_text().startswith("{")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    existing=st.lists(st.booleans(), min_size=1, max_size=4),
    operation=st.sampled_from(["open", "fsync", "link", "replace"]),
    call=st.integers(min_value=1, max_value=6),
    failure=st.sampled_from([no_space, ctrl_c, terminate]),
)
# Ctrl-C while the finished set is tidied (syncing the folder, after the old r1 was let go):
# the new set must stay whole, not be half taken back (found by CI once).
@example(existing=[False, True], operation="open", call=3, failure=ctrl_c)
@example(existing=[True, True], operation="open", call=3, failure=terminate)
def test_any_failure_while_writing_leaves_the_old_set_or_the_new_one(
    existing: list[bool], operation: str, call: int, failure: Callable[[], None]
) -> None:
    with tempfile.TemporaryDirectory() as where, pytest.MonkeyPatch.context() as patch:
        folder = Path(where)
        targets = [Target(folder / f"r{i}.md", "markdown") for i in range(len(existing))]
        for target, exists in zip(targets, existing, strict=True):
            if exists:
                target.path.write_text(f"old {target.path.name}\n")
        before = snapshot(folder)
        fail_on_call(patch, operation, call, failure)
        failed: BaseException | None = None
        try:
            write_all([(t, f"new {t.path.name}\n") for t in targets])
        except (InputError, KeyboardInterrupt, Interrupted) as exc:
            failed = exc
        after = snapshot(folder)
        new_set = {t.path.name: f"new {t.path.name}\n".encode() for t in targets}
        texts = {name: text for name, (text, _) in after.items()}
        if failed is None:
            assert texts == new_set
        elif isinstance(failed, InputError):
            assert after == before
        else:  # a signal that comes once the set is complete no longer undoes it
            assert after == before or texts == new_set


# -- readiness init -------------------------------------------------------------------------
def test_init_never_overwrites_a_plan_without_force(folder: Path) -> None:
    before = snapshot(folder)
    result = run("init", "plan.yaml", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == (
        "readiness: error: 'plan.yaml' already exists\n"
        "  hint: choose another name, or add --force to replace it\n"
    )
    assert snapshot(folder) == before


def test_init_writes_a_new_plan_whole_and_nothing_else(folder: Path) -> None:
    result = run("init", "new.yaml", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [".git", "new.yaml", "plan.yaml"]
    assert run("validate", "new.yaml", cwd=folder).returncode == 0


def test_init_force_replaces_a_regular_file_keeping_its_permissions(folder: Path) -> None:
    os.chmod(folder / "plan.yaml", 0o600)
    result = run("init", "plan.yaml", "--force", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE((folder / "plan.yaml").stat().st_mode) == 0o600
    assert (folder / "plan.yaml").read_bytes() != (EXAMPLES / "ready.yaml").read_bytes()


def test_init_never_writes_to_a_named_pipe_even_with_force(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run("init", "pipe.yaml", "--force", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "readiness: error: cannot write the plan 'pipe.yaml': it is a named pipe, "
        "not a regular file\n"
    )
    assert stat.S_ISFIFO((tmp_path / "pipe.yaml").lstat().st_mode)


def test_init_never_writes_through_a_link(folder: Path) -> None:
    (folder / "link.yaml").symlink_to("plan.yaml")
    before = snapshot(folder)
    result = run("init", "link.yaml", "--force", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == (
        "readiness: error: cannot write the plan 'link.yaml': it is a link to 'plan.yaml', "
        "not a file\n  hint: name the file itself, not a link to it\n"
    )
    assert snapshot(folder) == before
