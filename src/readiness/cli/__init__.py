"""The command line: the only code that prints, reads the environment or picks exit codes.

Entry point: ``main`` (the ``readiness`` command). Each command is a module of this package
(``audit``, ``validate``, ``schema``, ``diff``, ``explain``, ``rubric``, ``init``) and imports
what it needs when it runs, so ``--version`` and ``--help`` stay fast. Errors are mapped to
exit codes in one place, ``run``: 2 for input the tool cannot use, 3 for a bug (one line; the
traceback only with ``--debug``).
"""

from __future__ import annotations

import gc
import os
import sys

from readiness.cli.common import EXIT_BUG, EXIT_INVALID


def main() -> None:
    """The ``readiness`` command: run, then end the process without a last garbage collection.

    Python collects every object it made before it exits, which costs a fifth of a short
    run; the operating system frees the memory anyway. Nothing needs collecting by then:
    reports are written and closed, and output is flushed as the interpreter exits.
    """
    try:
        run()
    finally:
        gc.disable()
        gc.freeze()


def run() -> None:
    """Run the app and map every error to its exit code, in one place."""
    from readiness.cli.app import app_for
    from readiness.errors import InputError

    # pydantic looks for plugins in every installed package when it first builds a
    # validator; readiness uses none, and the search costs more than a plan's audit
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # audits make many short-lived objects and few cycles: collect garbage less often
    gc.set_threshold(50_000, 20, 20)

    try:
        app_for(sys.argv)()
    except InputError as exc:
        from readiness.reporters.problems import format_problems

        sys.stdout.flush()
        sys.stderr.write(format_problems(exc.problems))
        sys.exit(EXIT_INVALID)
    except KeyboardInterrupt:
        sys.stderr.write("readiness: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line
        if _debugging():
            import traceback

            traceback.print_exc()
        else:
            sys.stderr.write(
                f"readiness: internal error ({type(exc).__name__}). This is a bug in readiness: "
                "please report it, with the plan if you can; --debug shows the details.\n"
            )
        sys.exit(EXIT_BUG)


def _debugging() -> bool:
    return "--debug" in sys.argv[1:] or bool(os.environ.get("READINESS_DEBUG"))
