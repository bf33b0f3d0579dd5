"""What the recipe tests share: the README's recipes read as data, a clean environment for the
commands they run, and just enough of GitHub Actions to run ``action.yml``'s steps in order.

The recipes name a placeholder for where an organisation keeps its copy of readiness
(``PLACEHOLDER_URL``, and ``PLACEHOLDER_ACTION`` on GitHub); the tests put a local clone in its
place and change nothing else.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

PLACEHOLDER_URL = "https://git.example.org/YOUR-ORG/readiness"
PLACEHOLDER_ACTION = "YOUR-ORG/readiness"
SECTIONS = {
    "pre-commit": "pre-commit",
    "github": "GitHub Actions, with code scanning",
    "gitlab": "GitLab CI, with a test report",
}
# The steps of action.yml that are not shell: the test cannot run them, only check them.
SIMULATED_ACTIONS = ("actions/setup-python@", "github/codeql-action/upload-sarif@")
TIMEOUT = 300


# -- the README ---------------------------------------------------------------------------
def readme_section(title: str, readme: Path = ROOT / "README.md") -> str:
    """The text under a heading, to the next heading of any level, ignoring code blocks."""
    found: list[str] | None = None
    fenced = False
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            if found is not None:
                break
            if line.lstrip("#").strip() == title:
                found = []
                continue
        if found is not None:
            found.append(line)
    if found is None:
        pytest.fail(f"README.md has no section {title!r}")
    return "\n".join(found)


def yaml_blocks(section: str) -> list[str]:
    """The ```yaml blocks of a README section, in order."""
    return re.findall(r"^```yaml\n(.*?)^```", section, flags=re.DOTALL | re.MULTILINE)


def recipe(name: str) -> str:
    """The first YAML block of a recipe's section: the recipe itself."""
    blocks = yaml_blocks(readme_section(SECTIONS[name]))
    assert blocks, f"the README's {SECTIONS[name]!r} section has no YAML block"
    return blocks[0]


def pre_commit_config() -> dict[str, Any]:
    return yaml.safe_load(recipe("pre-commit"))


def pre_commit_override() -> list[dict[str, Any]]:
    """The README's second pre-commit block: a hook whose entry is overridden."""
    blocks = yaml_blocks(readme_section(SECTIONS["pre-commit"]))
    assert len(blocks) == 2, "the pre-commit section has the recipe and one override"
    return yaml.safe_load(blocks[1])


def github_workflow() -> dict[str, Any]:
    return yaml.safe_load(recipe("github"))


def gitlab_pipeline() -> dict[str, Any]:
    return yaml.safe_load(recipe("gitlab"))


def readme_tags() -> dict[str, str]:
    """The release tag each recipe pins."""
    (repo,) = pre_commit_config()["repos"]
    (job,) = github_workflow()["jobs"].values()
    actions = [s["uses"] for s in job["steps"] if s.get("uses", "").startswith(PLACEHOLDER_ACTION)]
    assert len(actions) == 1, "the GitHub recipe uses the readiness action once"
    installs = [line for line in gitlab_pipeline()["readiness"]["script"] if "pip install" in line]
    assert len(installs) == 1, "the GitLab recipe installs readiness once"
    pinned = re.search(re.escape(PLACEHOLDER_URL) + r"@([^\"'\s]+)", installs[0])
    assert pinned, f"the GitLab recipe installs from {PLACEHOLDER_URL}@TAG: {installs[0]}"
    return {
        "pre-commit": str(repo["rev"]),
        "github": actions[0].partition("@")[2],
        "gitlab": pinned.group(1),
    }


def readme_tag() -> str:
    tags = set(readme_tags().values())
    assert len(tags) == 1, f"the README's recipes pin different tags: {readme_tags()}"
    return tags.pop()


def package_version() -> str:
    text = (ROOT / "src" / "readiness" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, flags=re.MULTILINE)
    assert found, "src/readiness/__init__.py sets __version__"
    return found.group(1)


def changelog_releases() -> list[str]:
    """The versions of CHANGELOG.md's releases, newest first (Unreleased left out)."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", text, flags=re.MULTILINE)


# -- commands -----------------------------------------------------------------------------
def tool(name: str) -> str:
    """A command installed with the tests (next to this Python) or on PATH; its absence fails."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: the recipe tests need it (pip install '.[test]')")
    return found


_DROPPED = ("GITHUB_", "RUNNER_", "INPUT_", "CI_", "GITLAB_", "READINESS_", "PRE_COMMIT")
_DROPPED_NAMES = {"CI", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH", "FORCE_COLOR", "NO_COLOR"}


def clean_environment(*first: Path) -> dict[str, str]:
    """This process's environment without CI, virtual-environment or readiness settings, and
    a PATH on which no readiness is found unless it is in one of ``first``."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(_DROPPED) and name not in _DROPPED_NAMES
    }
    ours = Path(sys.executable).parent
    kept = [
        folder
        for folder in os.environ.get("PATH", "").split(os.pathsep)
        if folder and Path(folder) != ours and not (Path(folder) / "readiness").exists()
    ]
    environment["PATH"] = os.pathsep.join([*map(str, first), *kept])
    environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    environment["PYTHONIOENCODING"] = "utf-8"
    return environment


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A script run as GitHub runs a ``shell: bash`` step (and GitLab a job's script)."""
    path = cwd.parent / f".script-{os.getpid()}-{abs(hash(script))}.sh"
    path.write_text(script, encoding="utf-8")
    try:
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(path)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    finally:
        path.unlink()


def new_workspace(folder: Path, source: Path, plans: list[str]) -> Path:
    """A checkout as CI has one: a git repository holding ``plans/`` with the named plans."""
    (folder / "plans").mkdir(parents=True)
    for name in plans:
        shutil.copyfile(source / name, folder / "plans" / name)
    git("init", "-q", cwd=folder)
    return folder


# -- GitHub Actions expressions -----------------------------------------------------------
_TOKEN = re.compile(
    r"\s+|(?P<string>'(?:[^']|'')*')|(?P<op>==|!=|&&|\|\||!|\(|\))"
    r"|(?P<call>(?:always|success|failure|cancelled)\(\))|(?P<name>[A-Za-z_][\w.-]*)"
)


@dataclass
class Context:
    """What an expression can read: inputs, earlier steps' outputs, runner and github."""

    inputs: dict[str, str]
    runner: dict[str, str]
    github: dict[str, str]
    steps: dict[str, dict[str, str]] = field(default_factory=dict)
    failed: bool = False

    def lookup(self, name: str) -> str:
        kind, _, rest = name.partition(".")
        if kind == "inputs":
            if rest not in self.inputs:
                raise AssertionError(f"${{{{ {name} }}}}: the action declares no input {rest!r}")
            return self.inputs[rest]
        if kind == "steps":
            step, _, output = rest.partition(".outputs.")
            return self.steps.get(step, {}).get(output, "")
        if kind in ("runner", "github") and rest in getattr(self, kind):
            return str(getattr(self, kind)[rest])
        raise AssertionError(f"the test does not know the expression {name!r}")


def evaluate(expression: str, context: Context) -> Any:
    """A GitHub Actions expression of the small kind action files use: names, 'strings',
    ==, !=, &&, ||, !, brackets and the status functions. Strings compare ignoring case."""
    python: list[str] = []
    position = 0
    while position < len(expression):
        match = _TOKEN.match(expression, position)
        if match is None:
            raise AssertionError(f"the test cannot read the expression {expression!r}")
        position = match.end()
        if match.group("string"):
            python.append(repr(match.group("string")[1:-1].replace("''", "'").casefold()))
        elif match.group("op"):
            python.append(
                {"&&": " and ", "||": " or ", "!": " not "}.get(
                    match.group("op"), match.group("op")
                )
            )
        elif match.group("call"):
            status = {
                "always()": True,
                "success()": not context.failed,
                "failure()": context.failed,
                "cancelled()": False,
            }
            python.append(repr(status[match.group("call")]))
        elif match.group("name"):
            name = match.group("name")
            python.append(
                repr({"true": True, "false": False}[name])
                if name in ("true", "false")
                else repr(context.lookup(name).casefold())
            )
    return eval("".join(python), {"__builtins__": {}})


def interpolate(text: Any, context: Context) -> str:
    """A value with its ``${{ … }}`` parts replaced, as GitHub does before a step runs."""
    if isinstance(text, bool):
        return str(text).lower()

    def value(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if not re.fullmatch(r"[A-Za-z_][\w.-]*", name):
            raise AssertionError(f"the test only interpolates names, not {name!r}")
        return context.lookup(name)

    return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))


def should_run(step: dict[str, Any], context: Context) -> bool:
    condition = str(step.get("if", "success()")).strip()
    if condition.startswith("${{") and condition.endswith("}}"):
        condition = condition[3:-2]
    if not re.search(r"\b(always|success|failure|cancelled)\(\)", condition):
        condition = f"success() && ({condition})"
    return bool(evaluate(condition, context))


def read_outputs(path: Path) -> dict[str, str]:
    """A step's ``$GITHUB_OUTPUT`` file: ``name=value`` lines and ``name<<END`` blocks."""
    outputs: dict[str, str] = {}
    lines = iter(path.read_text(encoding="utf-8").splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, _, end = line.partition("<<")
            body: list[str] = []
            for more in lines:
                if more == end:
                    break
                body.append(more)
            outputs[name] = "\n".join(body)
        elif "=" in line:
            name, _, text = line.partition("=")
            outputs[name] = text
    return outputs


# -- the action ---------------------------------------------------------------------------
@dataclass
class ActionRun:
    """One run of the composite action: each step's fate, the output, the action's result."""

    exit_code: int
    output: str
    summary: str
    outputs: dict[str, str]
    ran: list[str]
    simulated: dict[str, dict[str, str]]


def run_action(
    action_path: Path,
    given: dict[str, Any],
    workspace: Path,
    runner_temp: Path,
    environment: dict[str, str],
) -> ActionRun:
    """Run ``action.yml``'s steps in order as GitHub runs a composite action: inputs from
    ``with:`` (else their defaults), each step's ``if``, its ``env`` with expressions filled
    in, ``shell: bash`` scripts, outputs through ``$GITHUB_OUTPUT``. ``uses:`` steps cannot run
    here: they are recorded, with their ``with:`` filled in, for the test to check."""
    action = yaml.safe_load((action_path / "action.yml").read_text(encoding="utf-8"))
    declared = action.get("inputs", {})
    unknown = set(given) - set(declared)
    assert not unknown, f"the workflow gives inputs the action does not declare: {unknown}"
    inputs = {
        name: interpolate(given.get(name, spec.get("default", "")), Context({}, {}, {}))
        for name, spec in declared.items()
    }
    context = Context(
        inputs=inputs,
        runner={"temp": str(runner_temp), "os": "Linux"},
        github={"action_path": str(action_path), "workspace": str(workspace)},
    )
    summary = runner_temp / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    base = {
        **environment,
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTION_PATH": str(action_path),
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(runner_temp),
        "RUNNER_OS": "Linux",
    }
    output: list[str] = []
    ran: list[str] = []
    simulated: dict[str, dict[str, str]] = {}
    exit_code = 0
    for number, step in enumerate(action["runs"]["steps"]):
        name = step.get("name", step.get("id", f"step {number}"))
        if not should_run(step, context):
            continue
        ran.append(name)
        if "uses" in step:
            assert step["uses"].startswith(SIMULATED_ACTIONS), f"unexpected step {step['uses']}"
            simulated[step["uses"]] = {
                key: interpolate(value, context) for key, value in step.get("with", {}).items()
            }
            continue
        assert step.get("shell") == "bash", f"step {name!r} runs in bash"
        outputs_file = runner_temp / f"output-{number}"
        outputs_file.write_text("", encoding="utf-8")
        env = {
            **base,
            "GITHUB_OUTPUT": str(outputs_file),
            **{key: interpolate(value, context) for key, value in step.get("env", {}).items()},
        }
        result = bash(step["run"], cwd=workspace, env=env)
        output.append(result.stdout + result.stderr)
        if "id" in step:
            context.steps[step["id"]] = read_outputs(outputs_file)
        if result.returncode != 0:
            context.failed = True
            exit_code = exit_code or result.returncode
    outputs = {
        name: interpolate(spec.get("value", ""), context)
        for name, spec in action.get("outputs", {}).items()
    }
    text = summary.read_text(encoding="utf-8")
    return ActionRun(exit_code, "".join(output), text, outputs, ran, simulated)
