"""The command line: the only code that prints, reads the environment or picks exit codes.

Entry point: ``main`` (the ``readiness`` command). Each command is a module of this package
(``audit``, ``validate``, ``schema``, ``diff``, ``explain``, ``rubric``, ``init``) and imports
what it needs when it runs, so ``--version`` and ``--help`` stay fast. Errors are mapped to
exit codes in one place, ``run``: 2 for input or an environment the tool cannot use (a full
disk, a deleted working folder, a failing ``--template``), 3 only for a bug (one line; the
traceback only with ``--debug``), 128 plus the signal's number for an interrupted run (130 for
Ctrl-C).
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import signal
import sys
from typing import TYPE_CHECKING

from readiness.cli.common import EXIT_BUG, EXIT_INVALID

if TYPE_CHECKING:
    from readiness.errors import InputError


class Interrupted(BaseException):
    """A signal (SIGINT, SIGTERM, SIGHUP) arrived while reports were being written.

    A ``BaseException``, like ``KeyboardInterrupt``, so that no ``except Exception`` on the
    way (Typer's, Click's) swallows it; ``run`` turns it into the exit code 128 + signal.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_REASONS = {
    errno.ENOSPC: "no space left on the device",
    getattr(errno, "EDQUOT", -1): "the disk quota is used up",
    errno.EACCES: "permission denied",
    errno.EPERM: "the operation is not permitted",
    errno.EROFS: "the file system is read-only",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EIO: "the device reported an input/output error",
    errno.EPIPE: "the reader has gone away (broken pipe)",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "there are too many symbolic links in the path",
    errno.EMFILE: "too many files are open",
    errno.ENFILE: "too many files are open",
    errno.EBUSY: "the file is busy",
    errno.ETXTBSY: "the file is busy",
    errno.EFBIG: "the file would be too large",
    errno.ENOMEM: "there is not enough memory",
    errno.EAGAIN: "the system is short of resources; try again",
    errno.ENXIO: "there is no such device",
}


def reason(exc: OSError, *, writing: bool = False) -> str:
    """Why the operating system refused, in plain English."""
    if exc.errno == errno.ENOENT:
        return "its folder does not exist" if writing else "it does not exist"
    known = _REASONS.get(exc.errno or 0)
    if known:
        return known
    words = (exc.strerror or type(exc).__name__).rstrip(".")
    return words[:1].lower() + words[1:]


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


def _replace_unwritable_characters() -> None:
    """A terminal or log that cannot show a character (``PYTHONIOENCODING=ascii``, an old
    code page) gets ``?`` for it, instead of the run failing part way through its output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # not reconfigurable once written to: leave it as it is
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def run() -> None:
    """Run the app and map every error to its exit code, in one place."""
    from readiness.cli.app import app_for
    from readiness.errors import InputError

    # pydantic looks for plugins in every installed package when it first builds a
    # validator; readiness uses none, and the search costs more than a plan's audit
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # audits make many short-lived objects and few cycles: collect garbage less often
    gc.set_threshold(50_000, 20, 20)
    _replace_unwritable_characters()

    try:
        app_for(sys.argv)()
    except InputError as exc:
        _fail(exc)
    except OSError as exc:  # the environment (a full disk, a deleted folder), not a bug
        if _debugging():
            import traceback

            traceback.print_exc()
        _fail(InputError.single(_environment_message(exc), hint=_environment_hint(exc)))
    except SystemExit as exc:
        if _from_ctrl_c(exc):  # Typer turns Ctrl-C into a silent exit 130
            _interrupted(signal.SIGINT)
        raise
    except KeyboardInterrupt:
        _interrupted(signal.SIGINT)
    except Interrupted as exc:
        _interrupted(exc.signum)
    except Exception as exc:  # a bug: say so in one line
        _bug(exc)


def _fail(exc: InputError) -> None:
    from readiness.reporters.problems import format_problems

    _flush()
    sys.stderr.write(format_problems(exc.problems))
    sys.exit(EXIT_INVALID)


def _environment_message(exc: OSError) -> str:
    name = exc.filename
    if name is not None:
        shown = os.fsdecode(name) if isinstance(name, (str, bytes)) else str(name)
        return f"cannot use '{shown}': {reason(exc)}"
    if not _working_folder_exists():
        return "the working folder no longer exists (it was deleted or moved)"
    return reason(exc)


def _environment_hint(exc: OSError) -> str:
    if exc.filename is None and not _working_folder_exists():
        return "change to a folder that exists, then run readiness again"
    return ""


def _working_folder_exists() -> bool:
    try:
        os.getcwd()
    except OSError:
        return False
    return True


def _from_ctrl_c(exc: SystemExit) -> bool:
    """Whether this exit is Typer's answer to a ``KeyboardInterrupt`` (exit 130)."""
    if exc.code != 130:
        return False
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _interrupted(signum: int) -> None:
    _flush()
    sys.stderr.write("readiness: interrupted\n")
    sys.exit(128 + signum)


def _flush() -> None:
    # stdout may be gone already (a closed pipe); the message goes to stderr anyway
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()


def _bug(exc: Exception) -> None:
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
