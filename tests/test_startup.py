"""Start-up: what each command imports, and the cached plan validator.

The CLI runs many times in CI loops, so a command must not import what it does not use.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, run

HEAVY = ("jinja2", "rich", "pydantic", "yaml", "readiness.checks", "readiness.reporters.markdown")


def imported(*argv: str) -> set[str]:
    """The heavy modules a command imports, run in a fresh interpreter."""
    code = (
        "import sys\nfrom readiness.cli import main\n"
        f"sys.argv = ['readiness', *{list(argv)!r}]\n"
        "import io, contextlib\n"
        "try:\n    with contextlib.redirect_stdout(io.StringIO()):\n        main()\n"
        "except SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1].replace("'", '"')))


def test_version_imports_nothing_heavy() -> None:
    assert imported("--version") == set()


def test_help_imports_nothing_heavy() -> None:
    assert imported("--help") == set()


def test_validate_does_not_judge_or_render() -> None:
    modules = imported("validate", str(EXAMPLES))
    assert not modules & {"jinja2", "rich", "readiness.checks", "readiness.reporters.markdown"}


@pytest.mark.parametrize("fmt", ["json", "terminal", "sarif", "junit", "github"])
def test_the_non_template_formats_do_not_import_jinja_or_rich(fmt: str) -> None:
    modules = imported("audit", str(EXAMPLES / "ready.yaml"), "-f", fmt)
    assert "jinja2" not in modules
    assert "rich" not in modules  # output is not a terminal here


def test_markdown_reports_load_jinja() -> None:
    assert "jinja2" in imported("audit", str(EXAMPLES / "ready.yaml"), "-f", "markdown")


# -- the cached validator -----------------------------------------------------------------
def audit_json(cache: Path, **env: str) -> dict[str, object]:
    result = run(
        "audit",
        str(EXAMPLES / "developing.yaml"),
        "-f",
        "json",
        "--as-of",
        "2027-01-15",
        env={"XDG_CACHE_HOME": str(cache), **env},
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_the_validator_is_cached_and_gives_the_same_result(tmp_path: Path) -> None:
    first = audit_json(tmp_path)
    names = sorted(p.name.split("-")[0:2][0] for p in (tmp_path / "readiness").glob("*.pickle"))
    assert names == ["default", "plan"]
    assert audit_json(tmp_path) == first
    assert audit_json(tmp_path, READINESS_NO_CACHE="1") == first


def test_a_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    first = audit_json(tmp_path)
    for cached in (tmp_path / "readiness").glob("*.pickle"):
        cached.write_bytes(b"not a pickle")
    assert audit_json(tmp_path) == first


def test_an_unwritable_cache_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    assert audit_json(blocker)["plans"]


def test_invalid_plans_are_caught_with_a_cached_validator(tmp_path: Path) -> None:
    audit_json(tmp_path)
    plan = tmp_path / "bad.yaml"
    plan.write_text(
        (EXAMPLES / "ready.yaml").read_text().replace("practitioners: 168", "practitioners: -1")
    )
    result = run("audit", str(plan), env={"XDG_CACHE_HOME": str(tmp_path)})
    assert result.returncode == 2
    assert "workforce.practitioners must be at least 1" in result.stderr


# -- compiled report templates ------------------------------------------------------------
def report(cache: Path, out: Path, *extra: str) -> str:
    env = {"XDG_CACHE_HOME": str(cache)}
    result = run("audit", str(EXAMPLES / "developing.yaml"), "-o", str(out), *extra, env=env)
    assert result.returncode in (0, 1), result.stderr
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["board.md", "board.html"])
def test_compiled_templates_are_cached_and_give_the_same_report(tmp_path: Path, name: str) -> None:
    first = report(tmp_path, tmp_path / name, "--as-of", "2027-01-15")
    kept = list((tmp_path / "readiness" / "templates").glob("*.cache"))
    assert len(kept) == 1
    assert report(tmp_path, tmp_path / name, "--as-of", "2027-01-15") == first
    kept[0].write_bytes(b"not compiled code")
    assert report(tmp_path, tmp_path / name, "--as-of", "2027-01-15") == first


def test_an_edited_own_template_is_compiled_again(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    own = templates / "report.md.j2"
    own.write_text("first {{ plans | length }}\n")
    assert report(tmp_path, tmp_path / "a.md", "--template", str(templates)) == "first 1\n"
    own.write_text("second {{ plans | length }}\n")
    assert report(tmp_path, tmp_path / "b.md", "--template", str(templates)) == "second 1\n"


def test_an_unwritable_template_cache_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "readiness").mkdir()
    (tmp_path / "readiness" / "templates").write_text("a file where the folder would go")
    assert report(tmp_path, tmp_path / "board.md").startswith("# Implementation readiness")


def test_the_command_ends_without_a_last_collection() -> None:
    code = (
        "import gc, sys\nfrom readiness.cli import main\n"
        f"sys.argv = ['readiness', 'audit', {str(EXAMPLES / 'ready.yaml')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip().splitlines()[-1] == "False True"


# -- what the cache trusts ----------------------------------------------------------------
def test_the_cache_key_follows_contents_not_file_times(tmp_path: Path) -> None:
    from readiness.cache import content_key

    root = tmp_path / "readiness"
    (root / "plan").mkdir(parents=True)
    code, rubric = root / "plan" / "models.py", tmp_path / "default.yaml"
    code.write_text("weight = 1\n")
    rubric.write_text("weight: 1\n")
    for path in (code, rubric):
        os.utime(path, (1, 1))  # as in the Nix store, or a copy that keeps times
    first = content_key(root, [("rubrics/default.yaml", rubric)], "0.1.0")
    assert content_key(root, [("rubrics/default.yaml", rubric)], "0.1.1") != first
    rubric.write_text("weight: 3\n")  # same size, same time
    os.utime(rubric, (1, 1))
    second = content_key(root, [("rubrics/default.yaml", rubric)], "0.1.0")
    assert second != first
    code.write_text("weight = 3\n")
    os.utime(code, (1, 1))
    assert content_key(root, [("rubrics/default.yaml", rubric)], "0.1.0") not in (first, second)


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness import cache

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("READINESS_NO_CACHE", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    with monkeypatch.context() as patched:
        patched.setattr(cache.Path, "home", staticmethod(no_home))
        assert cache.cache_folder() is None
    monkeypatch.setenv("HOME", "")
    assert cache.cache_folder() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the XDG rules say
    monkeypatch.setenv("HOME", "/home/someone")
    assert cache.cache_folder() == Path("/home/someone/.cache/readiness")


def test_a_cache_folder_others_may_write_to_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "readiness"
    shared.mkdir()
    shared.chmod(0o777)
    first = audit_json(tmp_path)
    assert list(shared.iterdir()) == []
    assert audit_json(tmp_path, READINESS_NO_CACHE="1") == first


def test_entries_of_earlier_versions_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "readiness"
    (folder / "templates").mkdir(parents=True)
    old = [
        folder / "plan-validator-00000000.pickle",
        folder / "default-rubric-00000000.pickle",
        folder / "templates" / "00000000j3.1.0-html-0a1b.cache",
    ]
    stopped = folder / ".build-abc.tmp"
    for path in (*old, stopped):
        path.write_bytes(b"from an earlier version")
    os.utime(stopped, (1, 1))
    report(tmp_path, tmp_path / "board.html")
    assert not any(path.exists() for path in (*old, stopped))
    kept = sorted(p.name.split("-")[0] for p in folder.glob("*.pickle"))
    assert kept == ["default", "plan"]
    assert len(list((folder / "templates").glob("*.cache"))) == 1
