"""Jinja for the report formats: shipped templates, overridable; users' own are sandboxed.

Templates render text that came from plans, so every value passes through an escaping
filter (``md`` for Markdown; HTML templates use autoescaping).

A folder given with ``--template`` holds code written by whoever opens a pull request, run
on a CI machine, so its templates are held to more than the sandbox:

- they are read from that folder only: a name or a link that leads out of it is refused;
- they see the report's data read-only (copies, and no method that changes a list or a
  dict), so nothing they do can change what another report of the same run says;
- they get 10 seconds, 50 MB of output and 1 GB of memory: every call, attribute, loop
  step and filter checks the clock, text and lists are checked for size as they are made
  (``'x' * 10**10`` is refused before it is built), and the output is counted as it is
  written.

The shipped templates are trusted and run without these checks (a report on ten thousand
plans may take longer than 10 seconds), exactly as before.

Over 200 lines: the limits on a template are one mechanism (a Jinja environment, its loader
and the hooks it calls) and only make sense together.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jinja2
import markupsafe
from jinja2 import nodes
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from readiness.errors import InputError, Problem
from readiness.reporters.common import money
from readiness.reporters.escape import code, html_prose, md, mermaid, prose

SECONDS = 10
"""How long an own template may run."""
OUTPUT_MB = 50
"""How much an own template may write (and the largest text it may build)."""
MEMORY_MB = 1024
"""How much more memory rendering an own template may take (where the system can tell)."""
MAX_ITEMS = 1_000_000
"""The longest list, tuple, mapping or set an own template may build."""
MAX_RANGE = 100_000
"""The most numbers ``range()`` gives an own template."""
MAX_BITS = 100_000
"""The largest whole number an own template may work with, in bits (about 30,000 digits)."""
MAX_TEMPLATE_BYTES = 1024 * 1024
"""The largest template file read from the ``--template`` folder."""
SLOW_FILTERS = frozenset(("urlize", "wordwrap", "title", "striptags", "wordcount", "pprint"))
"""Filters that take a second or more on a few MB: they get at most ``MAX_SLOW_INPUT``."""
MAX_SLOW_INPUT = 1_000_000
_OUTPUT_CHARS = OUTPUT_MB * 1024 * 1024


def score(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


class TemplateLimit(Exception):
    """An own template went past a limit; the message says which, in plain words."""


def _wrote_too_much() -> TemplateLimit:
    return TemplateLimit(f"the report template wrote more than {OUTPUT_MB} MB")


# -- reading templates ------------------------------------------------------------------------
class _Folder(jinja2.BaseLoader):
    """The ``--template`` folder: templates are found there and nowhere else, whatever links
    or ``..`` a name holds. A name not there falls through to the shipped templates."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.root = os.path.realpath(folder)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        shown = os.path.join(str(self.folder), *template.split("/"))
        real = os.path.realpath(os.path.join(self.root, *template.split("/")))
        if os.path.commonpath((self.root, real)) != self.root:
            raise _template_problem(
                f"the report template '{template}' is outside the --template folder",
                shown,
                "a template, and every template it includes, must be a file inside the folder "
                "given with --template (links and '..' that lead out of it are refused)",
            )
        if not os.path.exists(real):
            raise jinja2.TemplateNotFound(template)
        return _read(real, shown), shown, lambda: True


def _read(real: str, shown: str) -> str:
    if not os.path.isfile(real):
        raise _template_problem(f"'{shown}' is not a file", shown, "a template must be a file")
    try:
        with open(real, "rb") as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise _template_problem(f"'{shown}' cannot be read: {exc.strerror}", shown) from None
    if len(data) > MAX_TEMPLATE_BYTES:
        limit = MAX_TEMPLATE_BYTES // (1024 * 1024)
        raise _template_problem(f"the report template is larger than {limit} MB", shown)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise _template_problem("the report template is not UTF-8 text", shown) from None


def _template_problem(message: str, file: str, hint: str = "") -> InputError:
    return InputError(
        [Problem(message, file=file, hint=hint or "check the template given with --template")]
    )


# -- what a template sees ---------------------------------------------------------------------
def _frozen(value: Any) -> Any:
    """A read-only copy of the report's data: mappings, lists and sets copied and frozen."""
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, set):
        return frozenset(value)
    return value


def _filters() -> dict[str, Callable[..., Any]]:
    return {
        "md": md,
        "prose": prose,
        "code": code,
        "score": score,
        "number": lambda v: f"{v:g}",
        "tenths": lambda v: f"{v:.1f}",  # a coordinate in a drawing: '%.1f' | format(v)
        "html_prose": lambda v: markupsafe.Markup(html_prose(v)),
        "slug": lambda v: re.sub(r"[^a-z0-9]+", "-", str(v).lower()).strip("-"),
        "mermaid": mermaid,
        "money": money,
    }


_OPTIONS: dict[str, Any] = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "undefined": jinja2.StrictUndefined,
}
_SHIPPED = jinja2.PackageLoader("readiness", "templates")


def environment(template_dir: Path | None, *, autoescape: bool) -> jinja2.Environment:
    """The environment for the shipped templates, or for a ``--template`` folder's."""
    if template_dir is None:
        # our own templates, shipped in the package: no sandbox (it checks every attribute
        # lookup, which costs more than the rendering); users' templates stay in one
        env: jinja2.Environment = jinja2.Environment(
            loader=_SHIPPED, autoescape=autoescape, **_OPTIONS
        )
    else:
        loader = jinja2.ChoiceLoader([_Folder(template_dir), _SHIPPED])
        env = _Limited(loader=loader, autoescape=autoescape, **_OPTIONS)
    env.filters.update(_filters())
    if isinstance(env, _Limited):
        env.guard_filters()
    return env


# -- the limits on an own template ------------------------------------------------------------
class _Budget:
    """The clock and the output count of one rendering."""

    def __init__(self) -> None:
        self.deadline = 0.0
        self.written = 0

    def start(self) -> None:
        self.deadline = time.monotonic() + SECONDS
        self.written = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimit(f"the report template ran for more than {SECONDS} seconds")

    def write(self, chunk: str) -> None:
        self.written += len(chunk) if chunk.isascii() else len(chunk.encode("utf-8", "replace"))
        if self.written > _OUTPUT_CHARS:
            raise _wrote_too_much()


def _sized(value: Any) -> Any:
    """``value``, unless it is text or a collection larger than an own template may build."""
    if _length(value) > _most(value):
        raise _too_big(value)
    return value


def _length(value: Any) -> int:
    if isinstance(value, (str, list, tuple, dict, set, frozenset, bytes, bytearray)):
        return len(value)
    return 0


def _most(value: Any) -> int:
    return _OUTPUT_CHARS if isinstance(value, str) else MAX_ITEMS


def _too_big(value: Any) -> TemplateLimit:
    if isinstance(value, str):
        return _wrote_too_much()
    return TemplateLimit(f"the report template built a list of more than {MAX_ITEMS} items")


def _big_number() -> TemplateLimit:
    return TemplateLimit("the report template used a number too large to work with")


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse, before it is worked out, an operation whose result would be too large."""
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if _whole(times) and _length(seq) * times > _most(seq):
                raise _too_big(seq)
        if _whole(left) and _whole(right) and left.bit_length() + right.bit_length() > MAX_BITS:
            raise _big_number()
    elif operator == "**" and _whole(left) and _whole(right):
        if abs(left) > 1 and right * left.bit_length() > MAX_BITS:
            raise _big_number()
    elif operator == "+" and _length(left) + _length(right) > _most(left):
        raise _too_big(left)
    elif operator == "%" and isinstance(left, str):
        given = right if isinstance(right, tuple) else (right,)
        widths = [n for n in re.findall(r"\d+", left) if len(n) > 8 and int(n) > _OUTPUT_CHARS]
        if widths or any(_whole(n) and abs(n) > _OUTPUT_CHARS for n in given):
            raise _wrote_too_much()


_LOOP, _TEXT = "readiness_steps", "readiness_text"
"""Filters put around every loop's items and every ``~`` join of an own template."""


class _Guards(NodeTransformer):
    """Every loop of an own template steps through ``_Steps``; every ``~`` join is sized."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, _LOOP, [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return nodes.Filter(node, _TEXT, [], [], None, None, lineno=node.lineno)


class _Steps:
    """A loop's items, with the clock checked at each (a loop body may call nothing)."""

    def __init__(self, items: Iterable[Any], budget: _Budget) -> None:
        self.items, self.budget = items, budget

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.budget.tick()
            yield item

    def __len__(self) -> int:
        return len(self.items)  # type: ignore[arg-type]  # a TypeError, as for the items


class _Limited(ImmutableSandboxedEnvironment):
    """The environment of an own template: the checks of the module docstring."""

    intercepted_binops = frozenset(("*", "**", "+", "%"))

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.budget = _Budget()
        self.globals["range"] = self.range
        self.globals["lipsum"] = self.lipsum
        self.filters[_LOOP] = lambda items: _Steps(items, self.budget)
        self.filters[_TEXT] = _sized

    def guard_filters(self) -> None:
        """Check the clock and the size of what every filter and test gives back."""
        for table in (self.filters, self.tests):
            for name, function in list(table.items()):
                if name not in (_LOOP, _TEXT):
                    table[name] = self._guarded(name, function)

    def _guarded(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        budget, slow = self.budget, name in SLOW_FILTERS

        @functools.wraps(function)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            budget.tick()
            if slow and any(_length(arg) > MAX_SLOW_INPUT for arg in args):
                raise TemplateLimit(
                    f"the report template gave the {name} filter more than 1 MB to work on"
                )
            return _sized(function(*args, **kwargs))

        return guarded

    def range(self, *args: int) -> range:
        numbers = range(*args)
        try:
            count = len(numbers)
        except OverflowError:
            count = MAX_RANGE + 1
        if count > MAX_RANGE:
            raise TemplateLimit(f"the report template asked for more than {MAX_RANGE} numbers")
        return numbers

    def lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        if n * max > MAX_RANGE:
            raise _wrote_too_much()
        return str(jinja2.utils.generate_lorem_ipsum(n, html, min, max))

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = _Guards().visit(super()._parse(source, name, filename))
        assert isinstance(tree, nodes.Template)
        tree.set_environment(self)
        return tree

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.budget.tick()
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
            args = (_Steps(args[0], __self.budget), *args[1:])
        return _sized(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.tick()
        return _sized(super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.tick()
        return _sized(super().getitem(obj, argument))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.tick()
        _check_binop(operator, left, right)
        return _sized(super().call_binop(context, operator, left, right))


# -- rendering --------------------------------------------------------------------------------
@functools.cache
def shipped_template(name: str, *, autoescape: bool) -> jinja2.Template:
    """A shipped template, compiled once a process (``Writer`` renders it once a plan)."""
    return environment(None, autoescape=autoescape).get_template(name)


def render_template(
    name: str, context: dict[str, Any], template_dir: Path | None, *, autoescape: bool
) -> str:
    """Render a report template; a template that fails (own templates) is an ``InputError``."""
    env = environment(template_dir, autoescape=autoescape)
    frozen = {key: _frozen(value) for key, value in context.items()}
    if not isinstance(env, _Limited):
        try:
            return env.get_template(name).render(frozen)
        except jinja2.TemplateError as exc:
            raise _failed(exc, name) from None
    env.budget.start()
    shown = name
    try:
        with _memory_cap():
            template = env.get_template(name)
            shown = template.filename or name
            written = list(_written(template.generate(frozen), env.budget))
    except InputError:
        raise  # a template the loader refuses
    except (TemplateLimit, MemoryError, jinja2.TemplateError) as exc:
        raise _failed(exc, name, shown) from None
    except Exception as exc:
        if not _in_template(exc):
            raise  # a bug in readiness, not the template's doing
        raise _failed(exc, name, shown) from None
    return "".join(written)


def _written(chunks: Iterator[str], budget: _Budget) -> Iterator[str]:
    for chunk in chunks:
        budget.tick()
        budget.write(chunk)
        yield chunk


@contextlib.contextmanager
def _memory_cap() -> Iterator[None]:
    """At most ``MEMORY_MB`` more address space while an own template runs, where the
    system can say how much is in use (Linux); a larger allocation is a ``MemoryError``."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            in_use = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError, IndexError):
        yield
        return
    cap = in_use + MEMORY_MB * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield  # already held closer than that
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):  # not allowed here: go without
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _failed(exc: BaseException, name: str, shown: str = "") -> InputError:
    """The template's failure, where Jinja says it is, or at the last line of the template
    that was running."""
    if isinstance(exc, jinja2.TemplateError):
        where, line = getattr(exc, "filename", None) or name, getattr(exc, "lineno", None) or 0
    else:
        where, line = _where(exc, shown or name)
    return InputError(
        [
            Problem(
                _plainly(exc),
                file=where,
                line=line,
                column=1 if line else 0,
                hint="check the template given with --template",
            )
        ]
    )


def _plainly(exc: BaseException) -> str:
    if isinstance(exc, TemplateLimit):
        return str(exc)
    if isinstance(exc, MemoryError):
        return f"the report template needed more than {MEMORY_MB // 1024} GB of memory"
    if isinstance(exc, RecursionError):  # Python's words vary with where it was caught
        return "the report template cannot be used: maximum recursion depth exceeded"
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"there is no template '{exc.name}' in the --template folder"
    if isinstance(exc, jinja2.TemplateError):
        return f"the report template cannot be used: {exc.message or type(exc).__name__}"
    return f"the report template cannot be used: {str(exc) or type(exc).__name__}"


def _template_frames(exc: BaseException) -> Iterator[tuple[str, int]]:
    """The template's own frames in the traceback (Jinja rewrites it so that they name it)."""
    tb = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            yield tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next


def _in_template(exc: BaseException) -> bool:
    return next(_template_frames(exc), None) is not None


def _where(exc: BaseException, shown: str) -> tuple[str, int]:
    """The last template line that was running, or the template itself."""
    return [(shown, 0), *_template_frames(exc)][-1]
