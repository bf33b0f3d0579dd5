"""Write the committed hostile-input corpus (small files only; big ones are made by the test).

Run from anywhere: ``python tests/data/hostile/make_corpus.py``. Every file is a few KB at
most; ``tests/test_hostile_corpus.py`` holds the expectation for each one.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parents[2] / "examples"

# A small valid plan; line numbers matter to the expectations in the test.
BASE = (
    "readiness: 1\n"  # 1
    "plan:\n"  # 2
    "  title: Hostile test plan\n"  # 3
    "  commissioner: Test Council\n"  # 4
    "  start: 2027-04-01\n"  # 5
    "  end: 2028-03-31\n"  # 6
    "workforce:\n"  # 7
    "  practitioners: 10\n"  # 8
)

# Every field of the format, with {V} where a value goes (one per line).
ALL_FIELDS = """\
readiness: 1
plan:
  title: {V}
  commissioner: {V}
  provider: {V}
  approach: {V}
  owner: {V}
  start: {V}
  end: {V}
  notes: {V}
workforce:
  practitioners: {V}
  teams: {V}
  line_managers: {V}
  service_managers: {V}
  pressures:
    caseload_average: {V}
    vacancy_rate: {V}
    turnover_rate: {V}
    sickness_rate: {V}
training:
  provider: {V}
  methods: [{V}]
  days: {V}
  materials:
    - name: {V}
      evidence: {V}
      reviewed: {V}
rollout:
  cohorts:
    - name: {V}
      size: {V}
      start: {V}
      selection:
        voluntary: {V}
        nominated_by: [{V}]
        criteria: [{V}]
      champions: {V}
      exit_criteria: [{V}]
  champions:
    protected_hours_per_month: {V}
managers:
  involvement: [{V}]
  leads: [{V}]
  governance:
    group: {V}
    frequency: {V}
    members: [{V}]
  protected_time:
    hours_per_month: {V}
    backfill: {V}
  agreement:
    signed: {V}
    parties: [{V}]
  practice_mapping: {V}
standards:
  supervision:
    frequency: {V}
    minutes: {V}
    types: [{V}]
    quality_monitored: {V}
  coaching:
    frequency: {V}
    months: {V}
  cpd:
    frequency: {V}
    hours_per_year: {V}
  outcome_measures:
    - name: {V}
      about: {V}
      timepoints: [{V}]
line_managers:
  trained: {V}
  trained_by: {V}
  coaching:
    frequency: {V}
    months: {V}
  supervision_style: {V}
  reflective_practice:
    frequency: {V}
    minutes: {V}
  wellbeing:
    support: [{V}]
    measure: {V}
    reporting: {V}
fidelity:
  purpose: {V}
  methods: [{V}]
  frequency: {V}
  minutes_per_practitioner_per_month: {V}
  feedback_within_days: {V}
  used_for: [{V}]
  escalation: {V}
budget:
  currency: {V}
  lines:
    - {item: {V}, category: {V}, amount: {V}}
narrative:
  summary: {V}
waivers:
  - criterion: {V}
    reason: {V}
    approved_by: {V}
    until: {V}
"""

# A full plan whose every field is valid, so one field at a time can be made hostile.
GOOD = {
    "title": "Hostile test plan",
    "commissioner": "Test Council",
    "provider": "Provider Ltd",
    "approach": "PACE",
    "owner": "Director",
    "start": "2027-04-01",
    "end": "2029-03-31",
    "notes": "Some notes",
}


def sub(template: str, value: str) -> str:
    return template.replace("{V}", value)


def replace_line(text: str, line: int, new: str) -> str:
    lines = text.split("\n")
    lines[line - 1] = new
    return "\n".join(lines)


def corpus() -> dict[str, bytes]:
    ready = (EXAMPLES / "ready.yaml").read_text(encoding="utf-8")
    files: dict[str, bytes] = {}

    def put(name: str, data: str | bytes) -> None:
        assert name not in files, name
        files[name] = data.encode("utf-8") if isinstance(data, str) else data

    # -- bytes and encodings -------------------------------------------------------------
    rng = random.Random(20270115)
    put("binary_junk.yaml", bytes(rng.randrange(256) for _ in range(4096)))
    put("binary_junk_no_nul.yaml", bytes(rng.randrange(1, 256) for _ in range(4096)))
    put(
        "png_header.yaml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
        b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
        b"\x00\x00\x00IEND\xaeB`\x82",
    )
    put(
        "zip_header.yaml",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00!\x00plan.yaml" + bytes(range(256)),
    )
    put(
        "pdf_header.yaml",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    )
    put("pdf_header_ascii.yaml", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
    put("invalid_utf8_mid.yaml", BASE.replace("Test Council", "Test C\xffouncil").encode("latin-1"))
    put(
        "invalid_utf8_truncated.yaml",
        BASE.encode() + b"notes: caf\xc3",
    )
    put("latin1_plan.yaml", BASE.replace("Test Council", "Caf\xe9 Council").encode("latin-1"))
    put("utf8_encoded_surrogate.yaml", BASE.encode().replace(b"Test Council", b"T\xed\xa0\x80"))
    put("nul_bytes.yaml", BASE.encode().replace(b"Test Council", b"Test\x00Council"))
    put("nul_only.yaml", b"\x00" * 64)
    put("bom_utf8_valid.yaml", codecs.BOM_UTF8 + ready.encode())
    put("bom_utf8_twice.yaml", codecs.BOM_UTF8 * 2 + BASE.encode())
    put("bom_mid_file.yaml", BASE.encode().replace(b"plan:\n", b"plan:\n\xef\xbb\xbf"))
    put("utf16le_bom_valid.yaml", codecs.BOM_UTF16_LE + ready.encode("utf-16-le"))
    put("utf16be_bom_valid.yaml", codecs.BOM_UTF16_BE + ready.encode("utf-16-be"))
    put("utf16le_no_bom.yaml", ready.encode("utf-16-le"))
    put("utf16be_no_bom.yaml", ready.encode("utf-16-be"))
    put("utf16le_bom_odd_length.yaml", codecs.BOM_UTF16_LE + BASE.encode("utf-16-le") + b"\x41")
    put(
        "utf16le_bom_lone_surrogate.yaml",
        codecs.BOM_UTF16_LE + BASE.encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le"),
    )
    put(
        "utf16le_bom_error_line5.yaml",
        codecs.BOM_UTF16_LE + replace_line(BASE, 5, "  start: [2027").encode("utf-16-le"),
    )
    put("utf32le_bom_valid.yaml", codecs.BOM_UTF32_LE + BASE.encode("utf-32-le"))
    put("utf32be_bom_valid.yaml", codecs.BOM_UTF32_BE + BASE.encode("utf-32-be"))
    put("utf32le_no_bom.yaml", BASE.encode("utf-32-le"))
    put("utf32be_no_bom.yaml", BASE.encode("utf-32-be"))

    # -- characters ----------------------------------------------------------------------
    put("lone_surrogate_escape.yaml", BASE.replace("Test Council", '"Test \\ud800 Council"'))
    put("surrogate_pair_escape.yaml", BASE.replace("Test Council", '"Test \\ud83d\\ude00"'))
    put("escape_too_big.yaml", BASE.replace("Test Council", '"\\U00110000"'))
    put("escape_unknown.yaml", BASE.replace("Test Council", '"C:\\Users\\plan"'))
    put("escape_nul.yaml", BASE.replace("Test Council", '"Test\\0Council"'))
    put(
        "escape_ansi_title.yaml",
        BASE.replace("Hostile test plan", '"\\e[2J\\e[31mPWNED\\e]0;x\\a"'),
    )
    put("escape_ansi_key.yaml", BASE + '"\\e[2Jbad\\x1b[0m": 1\n')
    put("control_bell.yaml", BASE.replace("Test Council", "Test\x07Council"))
    put("control_escape.yaml", BASE.replace("Test Council", "Test\x1b[31mCouncil"))
    put("control_c1.yaml", BASE.replace("Test Council", "Test\x9bCouncil"))
    put(
        "control_many.yaml",
        "".join(f"k{i}: a{chr(i)}b\n" for i in range(1, 32) if i not in (9, 10, 13)),
    )
    put("nel_line_break.yaml", BASE.replace("plan:\n", "plan:\x85\n") + "bad: [\n")
    put("line_separator_in_comment.yaml", "# a\u2028b\u2029c\n" + BASE + "  teams: [\n")
    put("line_separator_comment_valid.yaml", "# copied from a PDF:\u2028second line\n" + BASE)
    put("nel_comment_valid.yaml", "# copied from a PDF:\x85second line\n" + BASE)
    put("line_separator_in_value.yaml", BASE.replace("Test Council", "Test\u2028Council"))
    put("noncharacter_fffe.yaml", BASE.replace("Test Council", "Test\ufffeCouncil"))
    put("bidi_override.yaml", BASE.replace("Test Council", "Test \u202eliocnuoC"))
    put("zero_width_key.yaml", BASE.replace("  title:", "  tit\u200ble:"))
    put(
        "emoji_before_error.yaml",
        BASE.replace("Test Council", "\U0001f600\U0001f600 Council") + "  teams: x: y\n",
    )
    put("crlf_valid.yaml", ready.replace("\n", "\r\n"))
    put("crlf_error.yaml", replace_line(BASE, 6, "  end: [2028").replace("\n", "\r\n"))
    put("cr_only_valid.yaml", BASE.replace("\n", "\r"))
    put("cr_only_error.yaml", replace_line(BASE, 6, "  end: [2028").replace("\n", "\r"))
    put("cr_only_unknown_key.yaml", (BASE + "  practitionrs: 3\n").replace("\n", "\r"))
    put(
        "mixed_line_endings.yaml",
        "readiness: 1\r\nplan:\r  title: x\n  commissioner: y\r\n  start: 2027-01-01\r  end: 2028-01-01\nworkforce:\r\n  practitioners: 3\n",
    )
    put("tab_indent.yaml", BASE.replace("  title:", "\ttitle:"))
    put("tab_indent_all.yaml", BASE.replace("  ", "\t"))
    put("tab_after_colon.yaml", BASE.replace("title: ", "title:\t"))
    put("mixed_indent.yaml", BASE.replace("  commissioner:", "   commissioner:"))
    put("mixed_indent_less.yaml", BASE.replace("  commissioner:", " commissioner:"))
    put("space_tab_indent.yaml", BASE.replace("  commissioner:", " \tcommissioner:"))

    # -- unclosed things -----------------------------------------------------------------
    put("unclosed_double_quote.yaml", BASE.replace("Test Council", '"Test Council'))
    put("unclosed_single_quote.yaml", BASE.replace("Test Council", "'Test Council"))
    put("unclosed_bracket.yaml", BASE + "training:\n  methods: [workshop, lecture\n")
    put("unclosed_brace.yaml", BASE + "budget: {currency: GBP\n")
    put("unclosed_bracket_eof.yaml", BASE + "training:\n  methods: [")
    put("unclosed_nested.yaml", BASE + "budget: {lines: [{item: a, amount: 3}\n")
    put("stray_close_bracket.yaml", BASE + "training: ]\n")
    put("stray_close_brace.yaml", BASE + "}\n")
    put("unclosed_block_scalar.yaml", BASE + "narrative:\n  summary: |\n")
    put("colon_in_value.yaml", BASE.replace("Test Council", "Council: North"))
    put(
        "missing_colon.yaml",
        BASE.replace("  commissioner: Test Council", "  commissioner Test Council"),
    )
    put("at_sign_start.yaml", BASE.replace("Test Council", "@council"))
    put("backtick_start.yaml", BASE.replace("Test Council", "`council`"))
    put("dash_list_misaligned.yaml", BASE + "rollout:\n  cohorts:\n    - name: a\n   - name: b\n")

    # -- keys with no value everywhere ---------------------------------------------------
    put("no_value_everywhere.yaml", sub(ALL_FIELDS, ""))
    put(
        "no_value_required_only.yaml",
        "readiness:\nplan:\n  title:\n  commissioner:\n  start:\n  end:\nworkforce:\n  practitioners:\n",
    )
    put("no_value_sections.yaml", "readiness: 1\nplan:\nworkforce:\n")
    put(
        "no_value_optional_sections.yaml",
        BASE
        + "training:\nrollout:\nmanagers:\nstandards:\nline_managers:\nfidelity:\nbudget:\nnarrative:\nwaivers:\n",
    )
    put(
        "empty_lists.yaml",
        BASE
        + "training:\n  methods: []\n  materials: []\nrollout:\n  cohorts: []\nwaivers: []\nnarrative: {}\n",
    )
    put("bare_dash_items.yaml", BASE + "rollout:\n  cohorts:\n    -\n    -\n")

    # -- YAML 1.1 surprises in every field -------------------------------------------------
    for name, value in [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("n", "n"),
        ("octal_012345", "012345"),
        ("sexagesimal_1_30", "1:30"),
        ("hex_0x1F", "0x1F"),
        ("inf", ".inf"),
        ("nan", ".nan"),
        ("tilde", "~"),
        ("null", "null"),
        ("empty_map", "{}"),
        ("empty_list", "[]"),
    ]:
        put(f"yaml11_{name}_everywhere.yaml", sub(ALL_FIELDS, value))
    put("on_as_key.yaml", BASE + "on: yes\n")
    put("on_as_nested_key.yaml", BASE.replace("  title:", "  on: x\n  title:"))
    put("yes_no_keys.yaml", BASE + "yes: 1\nno: 2\ny: 3\nn: 4\n")
    put("null_key.yaml", BASE + "? \n: value\n")
    put(
        "norway.yaml",
        BASE
        + "rollout:\n  cohorts:\n    - name: NO\n      size: 3\n      start: 2027-05-01\n      selection: {voluntary: yes}\n",
    )

    # -- tags ------------------------------------------------------------------------------
    for name, tag in [
        ("python_object_apply", "!!python/object/apply:os.system ['echo pwned > /tmp/pwned']"),
        ("python_name", "!!python/name:os.system"),
        ("binary", "!!binary aGVsbG8="),
        ("timestamp", "!!timestamp 2027-04-01"),
        ("set", "!!set {a, b}"),
        ("omap", "!!omap [a: 1, b: 2]"),
        ("pairs", "!!pairs [a: 1, a: 2]"),
        ("local_tag", "!council Test"),
        ("verbatim_str", "!<tag:yaml.org,2002:str> Test"),
        ("verbatim_python", "!<tag:yaml.org,2002:python/object/apply:os.system> [id]"),
        ("verbatim_local", "!<!bar> baz"),
        ("int_tag_on_text", "!!int Test"),
        ("nonspecific_tag", "! Test"),
        ("undefined_handle", "!e!foo bar"),
    ]:
        put(f"tag_{name}.yaml", BASE.replace("Test Council", tag))
    put(
        "tag_directive.yaml",
        "%TAG !e! tag:evil.example,2000:\n---\n" + BASE.replace("Test Council", "!e!thing x"),
    )
    put(
        "tag_directive_redefine_bang.yaml",
        "%TAG !! tag:evil.example,2000:\n---\n" + BASE.replace("Test Council", "!!str x"),
    )
    put("tag_on_key.yaml", BASE.replace("  title:", "  !!python/name:os.system title:"))
    put(
        "tag_int_huge_on_count.yaml",
        BASE.replace("practitioners: 10", "practitioners: !!int '" + "9" * 5000 + "'"),
    )
    put("yaml_directive_1_1.yaml", "%YAML 1.1\n---\n" + BASE)
    put("yaml_directive_2_0.yaml", "%YAML 2.0\n---\n" + BASE)
    put("yaml_directive_twice.yaml", "%YAML 1.2\n%YAML 1.2\n---\n" + BASE)
    put("reserved_directive.yaml", "%FOO bar\n---\n" + BASE)

    # -- anchors and aliases ---------------------------------------------------------------
    def laughs(levels: int) -> str:
        out = BASE + "narrative:\n  a0: &a0 lol\n"
        for i in range(1, levels + 1):
            prev = f"*a{i - 1}"
            out += f"  a{i}: &a{i} [{', '.join([prev] * 9)}]\n"
        return out

    put("billion_laughs_9.yaml", laughs(9))
    put("billion_laughs_20.yaml", laughs(20))
    put(
        "billion_laughs_flow_map.yaml",
        BASE
        + "narrative:\n  a: &a {x: y}\n"
        + "".join(
            f"  b{i}: &b{i} {{{', '.join(f'k{j}: *' + ('a' if i == 0 else f'b{i - 1}') for j in range(9))}}}\n"
            for i in range(12)
        ),
    )
    put(
        "quadratic_list_alias.yaml",
        BASE + "training:\n  methods: &m [" + ", ".join(["workshop"] * 2000) + "]\n"
        "managers:\n  leads: *m\n  involvement: *m\nfidelity:\n  methods: *m\n  used_for: *m\n"
        "rollout:\n  cohorts:\n"
        + "".join(
            f"    - {{name: c{i}, size: 1, start: 2027-05-01, exit_criteria: *m}}\n"
            for i in range(10)
        ),
    )
    big_text = "word " * 4000  # 20 KB of text, aliased 5,000 times: 100 MB to read
    put(
        "quadratic_text_alias.yaml",
        BASE.replace("Hostile test plan", "&t " + big_text.strip())
        + "narrative:\n"
        + "".join(f"  s{i}: *t\n" for i in range(5000)),
    )
    put("self_reference_list.yaml", BASE + "narrative: &n\n  a: *n\n")
    put("self_reference_seq.yaml", BASE + "training:\n  methods: &m [workshop, *m]\n")
    put("alias_as_key.yaml", BASE + "narrative:\n  a: &k summary\n  *k : text\n")
    put("alias_as_key_flow.yaml", BASE + "x: &k y\n{*k : z}: 1\n")
    put("undefined_alias.yaml", BASE.replace("Test Council", "*nowhere"))
    put(
        "alias_before_anchor.yaml",
        BASE.replace("Test Council", "*later") + "narrative:\n  s: &later text\n",
    )
    put(
        "merge_key.yaml",
        BASE
        + "defaults: &d\n  frequency: monthly\nstandards:\n  supervision:\n    <<: *d\n    minutes: 60\n",
    )
    put("merge_key_list.yaml", BASE + "standards:\n  supervision:\n    <<: [*x, *y]\n")
    put(
        "merge_key_valid_anchor.yaml",
        BASE.replace("plan:\n", "plan: &p\n")
        + "rollout:\n  cohorts:\n    - <<: *p\n      name: a\n      size: 1\n      start: 2027-05-01\n",
    )

    # -- nesting (small; 10_000 and 1_000_000 levels are made by the test) -------------------
    for depth in (10, 100):
        put(f"nest_flow_list_{depth}.yaml", BASE + "narrative: " + "[" * depth + "]" * depth + "\n")
        put(
            f"nest_flow_map_{depth}.yaml",
            BASE + "narrative: " + "{a: " * depth + "x" + "}" * depth + "\n",
        )
        put(f"nest_block_list_{depth}.yaml", BASE + "narrative:\n" + "- " * depth + "x\n")
        put(
            f"nest_block_map_{depth}.yaml",
            BASE
            + "narrative:\n"
            + "".join(" " * (i + 1) + "a:\n" for i in range(depth))
            + " " * (depth + 1)
            + "b: x\n",
        )
    put("nest_unclosed_flow_1000.yaml", BASE + "narrative: " + "[" * 1000 + "\n")
    put("nest_exactly_64.yaml", "a: " + "[" * 63 + "]" * 63 + "\n")
    put("nest_65.yaml", "a: " + "[" * 64 + "]" * 64 + "\n")

    # -- documents and top-level shapes --------------------------------------------------------
    put("multi_document.yaml", BASE + "---\n" + BASE)
    put("doc_start_only.yaml", "---\n")
    put("doc_end_only.yaml", "...\n")
    put("directive_only.yaml", "%YAML 1.2\n")
    put("directive_and_start.yaml", "%YAML 1.2\n---\n")
    put("empty.yaml", "")
    put("whitespace_only.yaml", "   \n\n\t\n")
    put("comment_only.yaml", "# just a comment\n")
    put("top_scalar.yaml", "hello\n")
    put("top_list.yaml", "- readiness: 1\n- plan: x\n")
    put("top_block_scalar.yaml", "|\n  readiness: 1\n")
    put(
        "top_flow_map.yaml",
        "{readiness: 1, plan: {title: a, commissioner: b, start: 2027-01-01, end: 2028-01-01}, workforce: {practitioners: 1}}\n",
    )
    put("top_complex_key.yaml", "? [a, b]\n: c\n")
    put("top_flow_map_key.yaml", "{a: 1}: x\n")

    # -- long lines, many keys, numbers --------------------------------------------------------
    put(
        "huge_int_10000_digits.yaml",
        BASE.replace("practitioners: 10", "practitioners: 1" + "0" * 10000),
    )
    put("huge_int_version.yaml", BASE.replace("readiness: 1", "readiness: 1" + "0" * 5000))
    put(
        "huge_int_4301_digits.yaml",
        BASE.replace("practitioners: 10", "practitioners: " + "1" * 4301),
    )
    put("huge_int_in_text.yaml", BASE.replace("Test Council", "1" * 5000))
    put("huge_int_in_date.yaml", BASE.replace("start: 2027-04-01", "start: " + "2" * 5000))
    put(
        "huge_float_digits.yaml",
        BASE.replace("practitioners: 10", "practitioners: 1." + "5" * 20000),
    )
    put("huge_hex.yaml", BASE.replace("practitioners: 10", "practitioners: 0x" + "f" * 5000))
    put("float_overflow.yaml", BASE.replace("practitioners: 10", "practitioners: 1e999999"))
    put("readiness_string.yaml", BASE.replace("readiness: 1", 'readiness: "1"'))
    put("readiness_2.yaml", BASE.replace("readiness: 1", "readiness: 2"))
    put("readiness_list.yaml", BASE.replace("readiness: 1", "readiness: [1]"))
    put("readiness_missing.yaml", BASE.replace("readiness: 1\n", ""))
    put(
        "neg_zero_counts.yaml",
        BASE.replace(
            "practitioners: 10", "practitioners: 10\n  line_managers: -0\n  service_managers: -0.0"
        )
        + "training:\n  days: -0.0\n",
    )
    put(
        "float_counts.yaml",
        BASE.replace(
            "practitioners: 10", "practitioners: 10.0\n  teams: 2.5\n  line_managers: 1e1"
        ),
    )
    put(
        "inf_amounts.yaml",
        BASE
        + "training:\n  days: .inf\nmanagers:\n  protected_time:\n    hours_per_month: .inf\n    backfill: .inf\nrollout:\n  champions:\n    protected_hours_per_month: .inf\nbudget:\n  lines:\n    - {item: a, category: training, amount: .inf}\n    - {item: b, category: coaching, amount: .inf}\nfidelity:\n  minutes_per_practitioner_per_month: .inf\n",
    )
    put(
        "nan_amounts.yaml",
        BASE
        + "training:\n  days: .nan\nmanagers:\n  protected_time:\n    hours_per_month: .nan\n    backfill: .nan\nbudget:\n  lines:\n    - {item: a, category: training, amount: .nan}\nline_managers:\n  trained: .nan\n",
    )
    put(
        "huge_amounts.yaml",
        BASE
        + "budget:\n  lines:\n    - {item: a, category: training, amount: 1e308}\n    - {item: b, category: coaching, amount: 1e308}\n",
    )
    put(
        "huge_practitioners.yaml",
        BASE.replace("practitioners: 10", "practitioners: " + "9" * 4000)
        + "rollout:\n  cohorts:\n    - {name: a, size: "
        + "9" * 4000
        + ", start: 2027-05-01}\n",
    )
    put(
        "percent_strings.yaml",
        BASE.replace(
            "practitioners: 10",
            "practitioners: 10\n  pressures:\n    vacancy_rate: '101%'\n    turnover_rate: '-5%'\n    sickness_rate: '%'",
        ),
    )
    put(
        "money_strings.yaml",
        BASE + "budget:\n  lines:\n    - {item: a, category: training, amount: '£25,000'}\n",
    )
    put("long_key_2000.yaml", BASE + "k" * 2000 + ": 1\n")
    put("long_quoted_key_2000.yaml", BASE + '"' + "k" * 2000 + '": 1\n')
    put(
        "long_unknown_key_in_plan.yaml",
        BASE.replace("  title:", "  " + "titl" * 300 + ": x\n  title:"),
    )

    # Whole numbers too big for a float (309 digits and more) in counts the checks divide by.
    big_int = "9" * 400
    put(
        "big_int_400_digits_teams.yaml",
        BASE
        + f"  teams: {big_int}\n"
        + "rollout:\n  cohorts:\n    - {name: a, size: 5, start: 2027-05-01, champions: 2}\n",
    )
    put(
        "big_int_400_digits_cohort_size.yaml",
        BASE + f"rollout:\n  cohorts:\n    - {{name: a, size: {big_int}, start: 2027-05-01}}\n",
    )
    put(
        "big_int_400_digits_coaching_months.yaml",
        BASE + f"standards:\n  coaching:\n    frequency: monthly\n    months: {big_int}\n",
    )
    put(
        "big_int_400_digits_feedback_days.yaml",
        BASE + f"fidelity:\n  feedback_within_days: {big_int}\n",
    )
    # An error past line 9,999: the caret must still sit under the column.
    put(
        "error_after_10000_lines.yaml",
        "# filler\n" * 10000 + BASE.replace("Test Council", "[Test Council"),
    )

    # -- dates ---------------------------------------------------------------------------------
    for name, value in [
        ("feb29_2027", "2027-02-29"),
        ("feb29_2028", "2028-02-29"),
        ("year_0000", "0000-01-01"),
        ("year_9999", "9999-12-31"),
        ("month_00", "2027-00-10"),
        ("day_32", "2027-01-32"),
        ("year_0001", "0001-01-01"),
        ("month_only", "2027-02"),
        ("slashes", "01/02/2027"),
        ("unicode_digits", "\u0662\u0660\u0662\u0667-\u0660\u0661-\u0660\u0661"),
    ]:
        put(f"date_start_{name}.yaml", BASE.replace("start: 2027-04-01", f"start: {value}"))
    for name, value in [
        ("year_9999", "9999-12-31"),
        ("year_0000", "0000-01-01"),
        ("feb29_2027", "2027-02-29"),
    ]:
        put(f"date_end_{name}.yaml", BASE.replace("end: 2028-03-31", f"end: {value}"))
    put(
        "date_span_0001_9999.yaml",
        BASE.replace("start: 2027-04-01", "start: 0001-01-01").replace(
            "end: 2028-03-31", "end: 9999-12-31"
        ),
    )
    put(
        "date_all_9999.yaml",
        sub(ALL_FIELDS, "x")
        .replace("start: x", "start: 9999-12-31")
        .replace("end: x", "end: 9999-12-31"),
    )
    put(
        "waiver_until_9999.yaml",
        BASE + "waivers:\n  - {criterion: RP-01, reason: r, approved_by: a, until: 9999-12-31}\n",
    )
    put(
        "cohort_start_9999.yaml",
        BASE.replace("end: 2028-03-31", "end: 9999-12-31")
        + "rollout:\n  cohorts:\n    - {name: a, size: 1, start: 9999-12-31}\n    - {name: b, size: 9, start: 0001-01-01}\n",
    )
    put(
        "date_start_0001_with_materials.yaml",
        BASE.replace("start: 2027-04-01", "start: 0001-01-01")
        + "training:\n  materials:\n    - {name: Guide, reviewed: 2026-01}\n",
    )
    put("end_before_start.yaml", BASE.replace("end: 2028-03-31", "end: 2026-01-01"))

    # -- semantics -------------------------------------------------------------------------------
    put(
        "waiver_unknown_criterion.yaml",
        BASE
        + "waivers:\n  - criterion: XX-99\n    reason: r\n    approved_by: a\n    until: 2028-01-01\n  - criterion: rp-1\n    reason: r\n    approved_by: a\n    until: 2028-01-01\n",
    )
    put(
        "waiver_duplicate.yaml",
        BASE
        + "waivers:\n  - {criterion: RP-01, reason: r, approved_by: a, until: 2028-01-01}\n  - {criterion: rp-01, reason: r, approved_by: a, until: 2028-01-01}\n",
    )
    put(
        "waiver_criterion_number.yaml",
        BASE + "waivers:\n  - {criterion: 1, reason: r, approved_by: a, until: 2028-01-01}\n",
    )
    put(
        "duplicate_cohort_names.yaml",
        BASE
        + "rollout:\n  cohorts:\n    - {name: Wave 1, size: 3, start: 2027-05-01}\n    - {name: Wave 2, size: 3, start: 2027-06-01}\n    - {name: ' wave 1 ', size: 4, start: 2027-07-01}\n",
    )
    put("duplicate_keys.yaml", BASE + "workforce:\n  practitioners: 3\n")
    put(
        "duplicate_keys_nested.yaml",
        BASE.replace("  title: Hostile test plan\n", "  title: a\n  title: b\n"),
    )
    put("duplicate_keys_flow.yaml", BASE + "budget: {currency: GBP, currency: EUR}\n")
    put("unknown_keys_many.yaml", BASE + "".join(f"unknown{i}: {i}\n" for i in range(120)))
    put(
        "typo_keys.yaml",
        BASE.replace("  title:", "  titel:").replace("practitioners", "practioners")
        + "standards:\n  supervison: {frequency: monthly}\n",
    )
    put(
        "wrong_types_sections.yaml",
        BASE
        + "training: workshop\nrollout: [a]\nmanagers: 3\nnarrative: [a, b]\nwaivers: {a: 1}\n",
    )
    put("cohorts_not_list.yaml", BASE + "rollout:\n  cohorts: {name: a}\n")
    put(
        "cohort_size_zero.yaml",
        BASE + "rollout:\n  cohorts:\n    - {name: a, size: 0, start: 2027-05-01}\n",
    )
    put("narrative_nested.yaml", BASE + "narrative:\n  summary:\n    deeper: text\n")
    put(
        "unknown_vocab.yaml",
        BASE
        + "training:\n  methods: [workshp, Lecture, ' e-learning ']\nfidelity:\n  purpose: asurance\n",
    )
    put(
        "timepoints_hostile.yaml",
        BASE
        + "standards:\n  outcome_measures:\n    - name: a\n      timepoints: [0 months, -3 months, 1e9 years, 99999999999999999999 months, 1.5.2 months, baseline, BASELINE]\n",
    )
    put(
        "timepoint_huge.yaml",
        BASE
        + "standards:\n  outcome_measures:\n    - name: a\n      timepoints: ["
        + "9" * 400
        + " years]\n",
    )
    # The language check compares every phrase with every other one: 1,000 phrases in 10 KB.
    put("language_cubic_10kb.yaml", BASE + "narrative:\n  summary: " + "sanctions " * 1000 + "\n")
    put(
        "language_clauses_55kb.yaml",
        BASE + "narrative:\n  summary: " + "sanctions. " * 5000 + "\n",
    )

    # -- YAML structure oddities -----------------------------------------------------------------
    put("complex_key.yaml", BASE + "? [a, b]\n: c\n")
    put("empty_key.yaml", BASE + '"": value\n')
    put("key_only_colon.yaml", BASE + ": value\n")
    put("anchor_on_doc.yaml", "&doc\n" + BASE)
    put("alias_top_level.yaml", "*doc\n")
    put("block_scalar_bad_indicator.yaml", BASE + "narrative:\n  summary: |x\n    text\n")
    put("block_scalar_indent_0.yaml", BASE + "narrative:\n  summary: |0\n    text\n")
    put("tag_verbatim_empty.yaml", BASE.replace("Test Council", "!<> x"))
    put("plain_multiline.yaml", BASE.replace("Test Council", "Test\n  Council\n  continued"))
    put("document_end_then_content.yaml", BASE + "...\nworkforce: 3\n")
    put("trailing_garbage.yaml", BASE + "]]]]\n")

    # -- found by fuzzing ---------------------------------------------------------------------
    put("tag_in_flow_list.yaml", BASE + "managers:\n  leads: [!!python/name:os.system]\n")
    put(
        "fuzz_nel_then_tab.yaml",
        "plan:\n  pressures:\n    - name: Guide\n      evidence: \x85\n  champions:\n"
        "    - name: Wave 1\n      selection:\n  notes: >\n\t    timepoints: [baseline]",
    )

    # -- the example plans, lightly broken -------------------------------------------------------
    put("ready_truncated_half.yaml", ready.encode()[: len(ready.encode()) // 2])
    put("ready_no_newline_end.yaml", ready.rstrip("\n"))
    put("ready_doubled.yaml", ready + ready)
    return files


def main() -> None:
    for path in HERE.glob("*.yaml"):
        path.unlink()
    for name, data in corpus().items():
        assert len(data) < 100_000, (name, len(data))
        (HERE / name).write_bytes(data)
    print(f"wrote {len(corpus())} files to {HERE}")


if __name__ == "__main__":
    main()
