"""The one output-sanitising layer: plan text, file names and rubric text made safe per medium.

Plans, file names and local rubrics come from anyone who can open a pull request, so every
reporter passes every piece of such text through a function here before it is written:

- Characters (every medium, ``clean``): the only control character readiness writes is the
  line feed. A tab becomes a space and a carriage return a line feed; every other C0 control,
  DEL, C1 control (U+0080-U+009F), line or paragraph separator, bidirectional embedding,
  override or isolate (U+202A-U+202E, U+2066-U+2069), lone surrogate and U+FFFE or U+FFFF is
  shown as U+FFFD (�). One placeholder everywhere: visible, one column wide (a caret under a
  source line stays in place), and valid in every format (XML, JSON, Markdown, HTML).
- Terminal and log lines (``one_line``, ``log_line``, ``log_text``): a GitHub runner obeys a
  line that starts with ``::`` (after spaces) or holds ``##[`` anywhere, so plain text never
  writes them: a space goes between the characters (``: :``, ``## [``), visible to a reader.
- GitHub workflow commands (``command_data``, ``command_property``): percent-encoded as the
  runner expects, with ``##[`` broken the same way.
- Markdown (``md``, ``code``, ``prose``, ``cell``, ``markdown_document``): no HTML, emphasis,
  links, math or table breakout, and no autolinks: web and email addresses and @-mentions from
  plan text are shown as code spans (the same characters, never a link on GitHub).
- HTML and XML (``markup_document``, ``html_prose``): escaped by Jinja or ElementTree, then
  ``##[`` and a line-opening ``::`` written as character references, the same text to a reader.
- SARIF and diff JSON (``clean_json``): every string cleaned. Every JSON document
  (``json_document``; the JSON report is not cleaned, so it stays exact): what ``clean`` would
  replace written as a ``\\u`` escape, and ``[`` after ``##`` as ``\\u005b``.

It is longer than most modules because the policy is meant to be read in one place.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

PLACEHOLDER = "\ufffd"
_REMEMBERED = 2048
"""Texts whose escaped form is remembered: rubric text recurs in every plan of a portfolio,
so it is escaped once a run, not once a plan."""

_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_REWRITE = {"\t": " ", "\r": "\n"}


def clean(value: object) -> str:
    """Text with no character a report must not carry (see the module's first rule)."""
    text = str(value)
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: _REWRITE.get(m.group(), PLACEHOLDER), text.replace("\r\n", "\n"))


# What ``_UNSAFE`` matches, in UTF-8 (but the lone surrogates, which cannot be encoded): a
# byte of its own below 0x20 (not the line feed) or 0x7F, or one of a few endings after a
# lead byte, which never occurs inside another character.
_NOT_CONTROL = bytes(b for b in range(256) if not ((b < 0x20 and b != 0x0A) or b == 0x7F))
_AFTER_LEAD: tuple[tuple[int, int, frozenset[bytes]], ...] = (
    (0xC2, 1, frozenset(bytes([b]) for b in range(0x80, 0xA0))),  # C1 controls
    (
        0xE2,
        2,
        frozenset(bytes([0x80, b]) for b in range(0xA8, 0xAF))  # U+2028-U+202E
        | frozenset(bytes([0x81, b]) for b in range(0xA6, 0xAA)),  # U+2066-U+2069
    ),
    (0xEF, 2, frozenset((b"\xbf\xbe", b"\xbf\xbf"))),  # U+FFFE, U+FFFF
)
LEADS_LOOKED_AT = 256
"""Lead bytes looked at one by one before ``clean`` is left to search instead."""


def clean_document(text: str) -> str:
    """``clean`` for a whole report: the same text, found several times sooner (``_safe``)."""
    return text if _safe(text) else clean(text)


def _safe(text: str) -> bool:
    """Whether ``text`` holds nothing ``_UNSAFE`` matches.

    A report is long and nearly always clean, and ``_UNSAFE`` tries every character, which
    cost more than the rest of the guard. Byte searches of its UTF-8 find the same characters:
    no control byte, and no unsafe ending after a C2, E2 or EF, is nothing to replace.
    Anything else (a lone surrogate, a control, a text full of accents or curly quotes) is
    left to the pattern.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    if data.translate(None, _NOT_CONTROL):
        return False
    looked = 0
    for lead, width, unsafe in _AFTER_LEAD:
        at = data.find(lead)
        while at >= 0:
            looked += 1
            if looked > LEADS_LOOKED_AT:
                return _UNSAFE.search(text) is None
            if data[at + 1 : at + 1 + width] in unsafe:
                return False
            at = data.find(lead, at + 1)
    return True


# -- terminal and log lines ----------------------------------------------------------------
_BREAKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
# A runner trims .NET white space before looking for "::"; these are a superset of it.
_OPENS_COMMAND = re.compile(
    "^((?:[^\\S\n]|[\u180e\u200b-\u200d\u2060\ufeff])*):(?=:)", re.MULTILINE
)


def one_line(value: object) -> str:
    """A piece of a terminal or log line: clean, on one line, without ``##[``.

    Each character maps to one (a break or tab to a space) but ``##[``, which gains a space.
    """
    return clean(str(value).translate(_BREAKS)).replace("##[", "## [")


def log_line(value: object) -> str:
    """A whole terminal or log line: ``one_line``, and never opening with ``::``."""
    return _OPENS_COMMAND.sub(r"\1: ", one_line(value))


def log_text(value: object) -> str:
    """Several lines for a terminal or log, each made a safe ``log_line``."""
    return "\n".join(log_line(line) for line in clean(value).split("\n"))


# -- GitHub workflow commands ----------------------------------------------------------------
def command_data(value: object) -> str:
    """A workflow command's message: one line, percent-encoded as the runner decodes it."""
    text = str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return clean(text).replace("##[", "## [")


def command_property(value: object) -> str:
    """A workflow command's property value (``file=``, ``title=``)."""
    return command_data(value).replace(":", "%3A").replace(",", "%2C")


# -- Markdown ------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#$])")
# What GitHub would turn into a link: addresses with a scheme (its autolinks and any other),
# www. addresses, email addresses and @-mentions. An address stops where GitHub's would (at
# white space or '<') and before the characters a code span or a table cannot hold. Every
# alternative can only start where the one before could not, so a long text costs linear time.
_ADDRESS = re.compile(
    r"(?:(?:https?|ftp)://|www\.|mailto:|xmpp:)[^\s<>`|\[\]]*"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w`])@[a-z0-9][a-z0-9-]*(?:/[\w.-]+)?",
    re.IGNORECASE,
)
_TRAILING = ".,:;!?*_~'\""
_CODE = re.compile(r"`([^`]+)`")


def _plain(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _address(found: str) -> tuple[str, str]:
    """An address as GitHub would link it, and the punctuation after it that it would not."""
    end, unmatched = len(found), found.count(")") - found.count("(")
    while end:
        last = found[end - 1]
        if last == ")" and unmatched > 0:
            unmatched -= 1
        elif last not in _TRAILING:
            break
        end -= 1
    return found[:end], found[end:]


def _inline(text: str) -> str:
    """One line of text, escaped, with every address in a code span."""
    out: list[str] = []
    last = 0
    for match in _ADDRESS.finditer(text):
        address, rest = _address(match.group())
        out += [_plain(text[last : match.start()]), f"`{address}`" if address else "", _plain(rest)]
        last = match.end()
    out.append(_plain(text[last:]))
    return "".join(out)


def _opening(markdown: str) -> str:
    """Markdown that may open a line: a leading ``::`` escaped (``\\:`` shows a colon)."""
    return "\\" + markdown if markdown.startswith("::") else markdown


def _words(value: object) -> str:
    return " ".join(clean(value).split())


def md(value: object) -> str:
    """Plan text made inert in Markdown: no HTML, emphasis, links or autolinks; one line."""
    return _md(value if isinstance(value, str) else str(value))


@functools.lru_cache(maxsize=_REMEMBERED)
def _md(text: str) -> str:
    return _opening(_inline(_words(text)))


_MERMAID_UNSAFE = re.compile(r"[^\w .,'()&/+-]")


def mermaid(value: object) -> str:
    """Plan text as a Mermaid label: letters, digits, spaces and plain punctuation only, so it
    cannot end a task (``:``), start a comment (``%%``), close the fence or inject markup."""
    text = _MERMAID_UNSAFE.sub(" ", _words(value))
    return " ".join(text.split())[:60] or "(untitled)"


def code(value: object) -> str:
    """An inline code span, or escaped text when a code span could not hold the value."""
    text = _words(value)
    if not text or any(bad in text for bad in ("`", "|", "##[")):
        return md(text)
    return f"`{text}`"


def _prose(value: object, table: bool) -> str:
    return _prose_text(value if isinstance(value, str) else str(value), table)


@functools.lru_cache(maxsize=_REMEMBERED)
def _prose_text(value: str, table: bool) -> str:
    text, last = _words(value), 0
    out: list[str] = []
    for match in _CODE.finditer(text):
        inner = match.group(1)
        span = match.group() if "##[" not in inner else _inline(match.group())
        out += [_inline(text[last : match.start()]), span.replace("|", "\\|") if table else span]
        last = match.end()
    out.append(_inline(text[last:]))
    return _opening("".join(out))


def prose(value: object) -> str:
    """Rubric text (a local rubric is a user's file): escaped like ``md``, code spans kept."""
    return _prose(value, table=False)


def cell(value: object) -> str:
    """Rubric text inside a Markdown table cell."""
    return _prose(value, table=True)


def markdown_document(text: str) -> str:
    """A whole Markdown report, safe in a log: the last guard after every field is escaped."""
    guarded = clean_document(text).replace("##[", "##\\[")
    return _openings(guarded, r"\1\\:")


def _openings(text: str, colon: str) -> str:
    """``text`` with the first colon of every line that opens with ``::`` written as ``colon``.

    Such a line holds ``::``, so a document without it (nearly every report) is given back as
    it is: looking for ``::`` is a plain search, several times faster than trying the pattern
    at the start of every line.
    """
    return _OPENS_COMMAND.sub(colon, text) if "::" in text else text


# -- HTML and XML --------------------------------------------------------------------------
def html_prose(value: object) -> str:
    """Rubric text for HTML: escaped, with its `code` spans as <code> elements.

    Returns markup; the caller marks it safe (it holds no unescaped text).
    """
    return _html_prose(value if isinstance(value, str) else str(value))


@functools.lru_cache(maxsize=_REMEMBERED)
def _html_prose(value: str) -> str:
    return _CODE.sub(r"<code>\1</code>", html.escape(_words(value), quote=True))


def markup_document(text: str) -> str:
    """A whole HTML or XML document, safe in a log: its text and attributes already escaped."""
    guarded = clean_document(text).replace("##[", "##&#91;")
    return _openings(guarded, r"\1&#58;")


# -- SARIF and JSON ------------------------------------------------------------------------
def clean_json(value: Any) -> Any:
    """A JSON-shaped value with every string in it (keys too) cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(k): clean_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_json(v) for v in value]
    return value


def json_document(text: str) -> str:
    """Serialised JSON, safe in a log and still exact: a character ``clean`` would replace is
    written as its ``\\u`` escape (JSON reads it back as the same text), and ``##[`` only
    inside strings, where ``\\u005b`` is ``[``."""
    if not _safe(text):
        text = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace("##[", "##\\u005b")
