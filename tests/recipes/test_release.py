"""The release the recipes pin, and what the recipes may name: quick checks, no installs.

The README's recipes, the package's version and the changelog name one release; the recipes
install from the placeholder for the organisation's copy, never from a package index; the
action passes its inputs to the shell only through the environment.
"""

from __future__ import annotations

import re

import yaml

from conftest import ROOT
from recipes.support import (
    PLACEHOLDER_ACTION,
    PLACEHOLDER_URL,
    SECTIONS,
    SIMULATED_ACTIONS,
    changelog_releases,
    package_version,
    readme_section,
    readme_tags,
)


def test_the_recipes_the_version_and_the_changelog_name_one_release() -> None:
    version = package_version()
    assert readme_tags() == dict.fromkeys(("pre-commit", "github", "gitlab"), f"v{version}")
    releases = changelog_releases()
    assert releases, "CHANGELOG.md lists released versions as '## [X.Y.Z] - YYYY-MM-DD'"
    assert releases[0] == version, f"CHANGELOG.md's newest release is {releases[0]}, not {version}"


def test_the_changelog_keeps_an_unreleased_section_above_the_releases() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.index("## [Unreleased]") < text.index(f"## [{changelog_releases()[0]}]")


def test_no_readme_text_installs_readiness_from_a_package_index() -> None:
    # No package called readiness is published by us: a command naming it would install
    # nothing, or someone else's package.
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"\bpipx? install(?: -\S+)* ['\"]?readiness\b(?![@/\w-])", text)
    assert named == []


def test_every_recipe_names_the_placeholder_for_the_organisations_copy() -> None:
    for name, title in SECTIONS.items():
        section = readme_section(title)
        placeholder = PLACEHOLDER_ACTION if name == "github" else PLACEHOLDER_URL
        assert placeholder in section, f"the {title!r} recipe names {placeholder}"
        assert "where your organisation keeps its copy of readiness" in section or (
            "organisation that keeps its copy of readiness" in section
        ), f"the {title!r} recipe says what its placeholder stands for"


def test_the_action_passes_inputs_to_the_shell_only_through_the_environment() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    declared = set(action["inputs"])
    used: set[str] = set()
    for step in steps:
        if "uses" in step:
            assert step["uses"].startswith(SIMULATED_ACTIONS), step["uses"]
            assert "run" not in step
        else:
            assert step["shell"] == "bash"
            # An expression inside a script is pasted into it before the shell reads it: a
            # path such as "$(curl …)" would run. Values go in through env: instead.
            assert "${{" not in step["run"], step.get("name")
        text = yaml.safe_dump({k: v for k, v in step.items() if k != "run"})
        used |= set(re.findall(r"inputs\.([\w-]+)", text))
    assert used == declared, "every input is used, and only declared inputs are"
    uses = [step["uses"].partition("@")[0] for step in steps if "uses" in step]
    assert uses == ["actions/setup-python", "github/codeql-action/upload-sarif"]


def test_the_action_installs_the_checkout_it_is_pinned_to() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    scripts = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert re.search(r'pip install [^\n]*"\$GITHUB_ACTION_PATH"', scripts)
    assert "--format github" in scripts
