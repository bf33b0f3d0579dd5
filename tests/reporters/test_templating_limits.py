"""Own templates (``--template``) in hostile hands: they read only their own folder, cannot
change what the other reports of the run say, and have a time, output and memory limit.

The shipped templates render as before (the golden files check every byte).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLES, run
from readiness.reporters import templating

READY = str(EXAMPLES / "ready.yaml")
TRAINING_ONLY = str(EXAMPLES / "training-only.yaml")
HINT = "  hint: check the template given with --template\n"
OUTSIDE_HINT = (
    "  hint: a template, and every template it includes, must be a file inside the folder "
    "given with --template (links and '..' that lead out of it are refused)\n"
)


def own(tmp_path: Path, text: str, name: str = "report.md.j2") -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def board(tmp_path: Path, folder: Path, plan: str = READY, *args: str):  # type: ignore[no-untyped-def]
    out = tmp_path / "r.md"
    result = run(
        "audit", plan, "-o", str(out), "--template", str(folder), "--as-of", "2027-01-15", *args
    )
    return result, out


def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOKEN=hunter2\n", encoding="utf-8")
    return path


# -- only the template folder is read ---------------------------------------------------------
def test_an_include_of_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = own(tmp_path, '{% include "leak.txt" %}')
    (folder / "leak.txt").symlink_to(secret(tmp_path))
    result, out = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == (
        f"{folder}/leak.txt: error: the report template 'leak.txt' is outside the --template "
        "folder\n" + OUTSIDE_HINT
    )
    assert not out.exists()


def test_an_include_that_climbs_out_with_dots_is_refused(tmp_path: Path) -> None:
    secret(tmp_path)
    folder = own(tmp_path, '{% include "../secret.txt" %}')
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == (
        f"{folder}/../secret.txt: error: the report template '../secret.txt' is outside the "
        "--template folder\n" + OUTSIDE_HINT
    )


def test_a_linked_folder_inside_the_folder_does_not_lead_out_either(tmp_path: Path) -> None:
    secret(tmp_path)
    folder = own(tmp_path, '{% include "up/secret.txt" %}')
    (folder / "up").symlink_to(tmp_path)
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert "the report template 'up/secret.txt' is outside the --template folder" in result.stderr


def test_the_report_template_itself_may_not_be_a_link_out(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "report.md.j2").symlink_to(secret(tmp_path))
    result, out = board(tmp_path, folder)
    assert result.returncode == 2
    assert "the report template 'report.md.j2' is outside the --template folder" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout
    assert not out.exists()


def test_an_absolute_name_is_looked_for_inside_the_folder(tmp_path: Path) -> None:
    folder = own(tmp_path, '{% include "' + str(secret(tmp_path)) + '" %}')
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == (
        f"report.md.j2: error: there is no template '{tmp_path}/secret.txt' in the --template "
        "folder\n" + HINT
    )


def test_a_link_that_stays_inside_the_folder_is_followed(tmp_path: Path) -> None:
    folder = own(tmp_path, "{{ plans[0].band }}\n", name="real.j2")
    (folder / "report.md.j2").symlink_to(folder / "real.j2")
    result, out = board(tmp_path, folder)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == "ready\n"


def test_a_template_that_is_not_a_file_is_refused(tmp_path: Path) -> None:
    folder = own(tmp_path, '{% include "fifo" %}')
    os.mkfifo(folder / "fifo")
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == f"{folder}/fifo: error: '{folder}/fifo' is not a file\n" + (
        "  hint: a template must be a file\n"
    )


def test_shipped_templates_still_load_beside_own_ones(tmp_path: Path) -> None:
    folder = own(tmp_path, "{{ plans | length }}\n")  # overrides the Markdown report only
    mine = tmp_path / "r.html"
    run("audit", READY, "-o", str(mine), "--template", str(folder), "--as-of", "2027-01-15")
    shipped = run("audit", READY, "--format", "html", "--as-of", "2027-01-15").stdout
    assert mine.read_text(encoding="utf-8") == shipped


def test_an_own_template_can_include_a_shipped_one(tmp_path: Path) -> None:
    folder = own(tmp_path, '{% include "report.md.j2" ignore missing %}', name="mine.j2")
    (folder / "report.md.j2").write_text('{% include "report.html.j2" %}', encoding="utf-8")
    result, out = board(tmp_path, folder)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# -- the data is read-only --------------------------------------------------------------------
MUTATORS = ("update", "setdefault", "pop", "popitem", "clear", "append", "extend", "insert")
MUTATORS += ("remove", "sort", "reverse", "add", "discard", "__setitem__", "__iadd__")
TARGETS = ("band_title", "band_meaning", "outcome_title", "band_counts", "common_gaps", "plans")
TARGETS += ("scored_levers", "rubric.levers", "rubric.criteria", "rubric.bands", "result.plans")
TARGETS += ("plans[0].criteria", "plans[0].levers", "plans[0].band_reasons")


def test_no_method_that_changes_the_data_can_be_reached(tmp_path: Path) -> None:
    probes = "".join(
        f'{{% if ({target}|attr("{method}")) is defined %}}{target}.{method}\n{{% endif %}}'
        for target in TARGETS
        for method in MUTATORS
    )
    result, out = board(tmp_path, own(tmp_path, probes + "checked\n"))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == "checked\n"


def test_a_template_cannot_relabel_the_bands_other_reports_print(tmp_path: Path) -> None:
    attack = (
        '{% if band_title.update is defined %}{{ band_title.update({"training-only": "Ready"}) '
        "}}{% endif %}{% if band_counts.clear is defined %}{{ band_counts.clear() }}{% endif %}"
        "tried\n"
    )
    folder = own(tmp_path, attack)
    before = run("audit", TRAINING_ONLY, "--as-of", "2027-01-15")
    result, out = board(tmp_path, folder, TRAINING_ONLY)
    assert out.read_text(encoding="utf-8") == "tried\n"
    assert (result.returncode, result.stdout) == (before.returncode, before.stdout)
    assert "TRAINING ONLY" in result.stdout


def test_calling_a_method_that_would_change_the_data_is_an_error(tmp_path: Path) -> None:
    folder = own(tmp_path, '{{ band_title.update({"training-only": "Ready"}) }}')
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == (
        "report.md.j2: error: the report template cannot be used: 'mappingproxy object' has no "
        "attribute 'update'\n" + HINT
    )


# -- time, output and memory ------------------------------------------------------------------
def limit_error(folder: Path, message: str) -> str:
    return f"{folder}/report.md.j2:1:1: error: {message}\n" + HINT


def test_building_text_larger_than_the_output_limit_is_refused_before_it_is_built(
    tmp_path: Path,
) -> None:
    folder = own(tmp_path, '{{ "x" * 10**10 }}')
    result, out = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == limit_error(folder, "the report template wrote more than 50 MB")
    assert not out.exists()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('{% set s = "x" * 40000000 %}{{ s ~ s }}', id="join"),
        pytest.param('{% set s = "x" * 40000000 %}{{ s + s }}', id="add"),
        pytest.param('{{ "%0999999999d" % 1 }}', id="format-width"),
        pytest.param("{{ [0] * 10**7 }}", id="list"),
    ],
)
def test_other_ways_to_build_too_much_are_refused(tmp_path: Path, text: str) -> None:
    result, _ = board(tmp_path, own(tmp_path, text))
    assert result.returncode == 2
    assert "error: the report template " in result.stderr
    assert ("more than 50 MB" in result.stderr) or ("more than 1000000 items" in result.stderr)


def test_writing_more_than_the_output_limit_stops_the_template(tmp_path: Path) -> None:
    folder = own(tmp_path, '{% set s = "x" * 10000000 %}{% for i in range(6) %}{{ s }}{% endfor %}')
    result, out = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == (
        f"{folder}/report.md.j2: error: the report template wrote more than 50 MB\n" + HINT
    )
    assert not out.exists()


def test_a_number_too_large_to_work_with_is_refused(tmp_path: Path) -> None:
    folder = own(tmp_path, "{{ 7 ** 10000000 }}")
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == limit_error(
        folder, "the report template used a number too large to work with"
    )


def test_a_range_longer_than_the_limit_is_refused(tmp_path: Path) -> None:
    folder = own(tmp_path, "{% for i in range(10**9) %}{% endfor %}")
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == limit_error(
        folder, "the report template asked for more than 100000 numbers"
    )


@pytest.mark.parametrize(
    "loops",
    [
        pytest.param(
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            id="nested-ranges",
        ),
        pytest.param(
            '{% set s = "x" * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}',
            id="loops-over-text",
        ),
        pytest.param(
            "{% for x in [1] recursive %}{% for i in range(100000) %}{% endfor %}"
            "{{ loop(range(100000)) }}{% endfor %}",
            id="recursive-loop",
        ),
    ],
)
def test_a_template_that_runs_too_long_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loops: str
) -> None:
    monkeypatch.setattr(templating, "SECONDS", 0.3)
    folder = own(tmp_path, loops)
    result, out = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == limit_error(folder, "the report template ran for more than 0.3 seconds")
    assert not out.exists()


def test_the_limits_are_ten_seconds_and_fifty_megabytes() -> None:
    assert (templating.SECONDS, templating.OUTPUT_MB) == (10, 50)
    budget = templating._Budget()
    budget.start()
    budget.deadline -= 11
    with pytest.raises(
        templating.TemplateLimit, match=r"^the report template ran for more than 10 seconds$"
    ):
        budget.tick()


def test_a_slow_filter_gets_only_a_little_text(tmp_path: Path) -> None:
    folder = own(tmp_path, '{{ ("www.example.com " * 100000) | urlize }}')
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == limit_error(
        folder, "the report template gave the urlize filter more than 1 MB to work on"
    )


def test_a_template_that_needs_too_much_memory_is_stopped(tmp_path: Path) -> None:
    folder = own(tmp_path, '{{ ("x" * 50000000) | center(2000000000) }}')
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == limit_error(
        folder, "the report template needed more than 1 GB of memory"
    )


def test_a_template_that_fails_in_python_is_an_input_error(tmp_path: Path) -> None:
    folder = own(tmp_path, "line one\n{{ 1 // 0 }}")
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == (
        f"{folder}/report.md.j2:2:1: error: the report template cannot be used: "
        "integer division or modulo by zero\n" + HINT
    )


def test_a_template_that_calls_itself_forever_is_an_input_error(tmp_path: Path) -> None:
    folder = own(tmp_path, "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}")
    result, _ = board(tmp_path, folder)
    assert result.returncode == 2
    assert result.stderr == limit_error(
        folder, "the report template cannot be used: maximum recursion depth exceeded"
    )


def test_own_templates_keep_loops_and_joins_working(tmp_path: Path) -> None:
    folder = own(
        tmp_path,
        "{% for p in plans %}{{ loop.index }}/{{ loop.length }} {{ p.band ~ '!' }}{% endfor %} "
        "{% for x in [[1, [2]], [3]] recursive %}<{{ x if x is number else loop(x) }}>"
        "{% endfor %} {{ '%05d' | format(3) }} {{ [1] + [2] }} {{ 'ab' * 2 }} {{ 2 ** 10 }}\n",
    )
    result, out = board(tmp_path, folder)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == "1/1 ready! <<1><<2>>><<3>> 00003 [1, 2] abab 1024\n"
