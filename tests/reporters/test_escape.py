"""The output-sanitising layer, one medium at a time: exact output for each attack."""

from __future__ import annotations

import json

import pytest

from readiness.reporters.escape import (
    cell,
    clean,
    clean_json,
    code,
    command_data,
    command_property,
    html_prose,
    json_document,
    log_line,
    log_text,
    markdown_document,
    markup_document,
    md,
    one_line,
    prose,
)

R = "\ufffd"


# -- characters ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text, 50% – café ✓", "plain text, 50% – café ✓"),
        ("a\tb", "a b"),
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("\x1b[31mred\x1b[0m", f"{R}[31mred{R}[0m"),
        (
            "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
            f"{R}]8;;https://evil.example{R}link{R}]8;;{R}",
        ),
        ("\x00\x07\x08\x0b\x0c\x1f\x7f", R * 7),
        ("\x80\x85\x9b\x9d\x9f", R * 5),
        ("\u2028\u2029", R * 2),
        ("abc\u202edef\u202a\u202b\u202c\u202d", f"abc{R}def{R * 4}"),
        ("\u2066x\u2067y\u2068z\u2069", f"{R}x{R}y{R}z{R}"),
        ("\ufffe\uffff\ud800\udfff", R * 4),
        ("\u200dzero-width joiner and 👩‍👩‍👧 stay", "\u200dzero-width joiner and 👩‍👩‍👧 stay"),
    ],
)
def test_clean_shows_every_unsafe_character_as_the_placeholder(text: str, expected: str) -> None:
    assert clean(text) == expected


# -- terminal and log lines ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("::error file=README.md::x", ": :error file=README.md::x"),
        ("  \t::warning::x", "   : :warning::x"),
        ("\u00a0\u3000::notice::x", "\u00a0\u3000: :notice::x"),
        ("\ufeff\u200b::error::x", "\ufeff\u200b: :error::x"),
        ("Plan ##[stop-commands]", "Plan ## [stop-commands]"),
        ("###[x] and ##[y", "### [x] and ## [y"),
        ("a\n::error::x", "a ::error::x"),
        ("a: b :: c", "a: b :: c"),
        (": :x", ": :x"),
        ("\x1b::error::x", f"{R}::error::x"),
    ],
)
def test_a_log_line_never_opens_a_command_nor_holds_one(text: str, expected: str) -> None:
    assert log_line(text) == expected


def test_one_line_keeps_one_character_for_one_except_a_broken_command() -> None:
    assert one_line("a\tb\nc\rd\x1be") == f"a b c d{R}e"
    assert one_line("##[") == "## ["


def test_log_text_guards_every_line() -> None:
    assert log_text("a\n::b\r\n##[c\n  ::d") == "a\n: :b\n## [c\n  : :d"


def test_log_line_is_idempotent() -> None:
    once = log_line("  ::x ##[y")
    assert log_line(once) == once == "  : :x ## [y"


# -- GitHub workflow commands ----------------------------------------------------------------
def test_command_data_is_percent_encoded_on_one_line() -> None:
    assert command_data("50% done\r\nnext ##[x] \x1b[1m") == f"50%25 done%0D%0Anext ## [x] {R}[1m"


def test_command_property_also_encodes_colons_and_commas() -> None:
    assert command_property("::warning::x.yaml, a") == "%3A%3Awarning%3A%3Ax.yaml%2C a"


# -- Markdown --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "See https://evil.example, www.evil.example and (http://a.example/x).",
            "See `https://evil.example`, `www.evil.example` and (`http://a.example/x`).",
        ),
        ("HTTPS://EVIL.EXAMPLE/a?b=1&c=2", "`HTTPS://EVIL.EXAMPLE/a?b=1&c=2`"),
        ("ftp://x.example and 1https://y.example", "`ftp://x.example` and 1`https://y.example`"),
        (
            "Ask jo.smith@council.example or @octocat",
            "Ask `jo.smith@council.example` or `@octocat`",
        ),
        ("mailto:jo@council.example", "`mailto:jo@council.example`"),
        ("https://x.example/a|b", "`https://x.example/a`\\|b"),
        ("https://x.example/<script>", "`https://x.example/`&lt;script&gt;"),
        ("no link: example.org, a@b, me@home", "no link: example.org, a@b, me@home"),
    ],
)
def test_md_shows_addresses_as_code_so_they_never_link(text: str, expected: str) -> None:
    assert md(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "<b>*x*</b> | $5 ~y~ #1 [a](b) _u_ \\",
            "&lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\$5 \\~y\\~ \\#1 \\[a\\](b) \\_u\\_ \\\\",
        ),
        ("::error file=x::y", "\\::error file=x::y"),
        ("Plan ##[stop-commands]", "Plan \\#\\#\\[stop-commands\\]"),
        ("two\nlines\x1b", f"two lines{R}"),
        ("`code`", "\\`code\\`"),
    ],
)
def test_md_makes_plan_text_inert(text: str, expected: str) -> None:
    assert md(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plans/a.yaml", "`plans/a.yaml`"),
        ("www.evil.example.yaml", "`www.evil.example.yaml`"),
        ("a|b.yaml", "a\\|b.yaml"),
        ("a`b.yaml", "a\\`b.yaml"),
        ("x##[y.yaml", "x\\#\\#\\[y.yaml"),
        ("", ""),
    ],
)
def test_code_uses_a_span_only_when_it_can_hold_the_text(text: str, expected: str) -> None:
    assert code(text) == expected


def test_prose_keeps_rubric_code_spans_and_escapes_the_rest() -> None:
    text = "Use `rollout.cohorts` *now* [see](https://x.example) <b>&</b> `a|b` c|d"
    assert prose(text) == (
        "Use `rollout.cohorts` \\*now\\* \\[see\\](`https://x.example`) "
        "&lt;b&gt;&amp;&lt;/b&gt; `a|b` c\\|d"
    )


def test_cell_also_escapes_a_pipe_inside_a_code_span() -> None:
    assert cell("Set `a|b` or c|d") == "Set `a\\|b` or c\\|d"


def test_prose_does_not_keep_a_code_span_holding_a_command() -> None:
    assert prose("Run `##[stop]` now") == "Run \\`\\#\\#\\[stop\\]\\` now"


def test_markdown_document_guards_lines_an_own_template_leaves_open() -> None:
    assert markdown_document("::x\n ::y\n##[z\x1b") == f"\\::x\n \\::y\n##\\[z{R}"


# -- HTML, XML and JSON ----------------------------------------------------------------------
def test_html_prose_escapes_and_keeps_code_spans() -> None:
    assert html_prose("Use `x<y>` & <b>\u202e") == f"Use <code>x&lt;y&gt;</code> &amp; &lt;b&gt;{R}"


def test_markup_document_writes_commands_as_character_references() -> None:
    assert markup_document("<p>\n::x ##[y\x1b</p>") == f"<p>\n&#58;:x ##&#91;y{R}</p>"


def test_json_document_writes_the_bracket_as_an_escape() -> None:
    text = json_document(json.dumps({"t": "##[x"}))
    assert text == '{"t": "##\\u005bx"}'
    assert json.loads(text) == {"t": "##[x"}


def test_clean_json_cleans_keys_and_values() -> None:
    assert clean_json({"a\x1b": ["\u202e", 1, None, {"b": "\x9b"}]}) == {
        f"a{R}": [R, 1, None, {"b": R}]
    }


def test_json_document_escapes_what_clean_would_replace_and_keeps_the_text() -> None:
    data = {"t": "a\x85b\u202ec\u2028d\ufffe"}
    text = json_document(json.dumps(data, ensure_ascii=False))
    assert text == '{"t": "a\\u0085b\\u202ec\\u2028d\\ufffe"}'
    assert json.loads(text) == data
