"""Start-up: what each command imports, and that nothing is kept on disk between runs.

The CLI runs many times in CI loops, so a command must not import what it does not use.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, run, run_installed

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


# -- nothing kept between runs ------------------------------------------------------------
def test_nothing_is_read_or_written_under_a_cache_or_home_folder(tmp_path: Path) -> None:
    home, cache = tmp_path / "home", tmp_path / "cache"
    home.mkdir()
    cache.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    env = {"HOME": str(home), "XDG_CACHE_HOME": str(cache)}
    plan = str(EXAMPLES / "developing.yaml")
    for extra in (["-f", "json"], ["-o", str(out / "b.md")], ["-o", str(out / "b.html")]):
        result = run_installed("audit", plan, "--as-of", "2027-01-15", *extra, env=env)
        assert result.returncode == 0, result.stderr
    assert list(home.iterdir()) == []
    assert list(cache.iterdir()) == []


def test_an_edited_own_template_is_used_at_once(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    own = templates / "report.md.j2"
    for word in ("first", "second"):
        own.write_text(word + " {{ plans | length }}\n")
        result = run(
            "audit",
            str(EXAMPLES / "developing.yaml"),
            "-o",
            str(tmp_path / "a.md"),
            "--template",
            str(templates),
        )
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "a.md").read_text() == f"{word} 1\n"


def test_the_command_ends_without_a_last_collection() -> None:
    code = (
        "import gc, sys\nfrom readiness.cli import main\n"
        f"sys.argv = ['readiness', 'audit', {str(EXAMPLES / 'ready.yaml')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip().splitlines()[-1] == "False True"


def test_collections_during_the_audit_pass_over_what_start_up_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What was made before the plans (modules, the rubric, the writers) is frozen while they
    are audited, so a collection reads only what the plans left; unfrozen at the end, so that
    a program running audits one after another (the tests) keeps nothing for ever."""
    from readiness.reporters import terminal

    seen: list[int] = []

    original = terminal.Writer.plan

    def plan(self: Any, *args: Any) -> None:
        seen.append(gc.get_freeze_count())
        original(self, *args)

    monkeypatch.setattr(terminal.Writer, "plan", plan)
    gc.unfreeze()
    result = run("audit", str(EXAMPLES / "ready.yaml"), str(EXAMPLES / "developing.yaml"))
    assert result.returncode == 0, result.stderr
    assert len(seen) == 2
    assert all(count > 1000 for count in seen), seen
    assert gc.get_freeze_count() == 0


def test_objects_frozen_by_the_program_running_readiness_stay_frozen() -> None:
    gc.freeze()
    try:
        result = run("audit", str(EXAMPLES / "ready.yaml"))
        assert result.returncode == 0, result.stderr
        assert gc.get_freeze_count() > 0  # not unfrozen by the run
    finally:
        gc.unfreeze()


def test_no_list_param_defaults_to_a_built_in_factory() -> None:
    """pydantic reads a default factory's signature when it builds a model; reading a built-in's
    (``list``) compiles Python's tokenizer, a cost paid on every start."""
    import inspect

    from readiness.checks import REGISTRY

    for check in REGISTRY.values():
        for name, field in check.params.model_fields.items():
            factory = field.default_factory
            assert factory is None or not inspect.isbuiltin(factory), (check.name, name)
            assert factory is None or not isinstance(factory, type), (check.name, name)
