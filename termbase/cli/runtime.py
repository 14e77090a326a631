"""The process around a command: console encoding, termination signals, and warnings about
work that was done but left something stale.

* A console that is not UTF-8 (Windows' cp1252 or cp852, a C locale) would make printing a
  Polish or Lithuanian term raise UnicodeEncodeError: standard output and error are
  switched to UTF-8, with unencodable characters replaced, not fatal.
* SIGTERM (a closed terminal, `timeout`, a job scheduler) ends the command as an exception,
  so temporary files are removed and no half-written output is left behind. Only when the
  command is the program: a program calling `main(argv)` (a test suite, an application)
  keeps its own SIGTERM handling, or a SIGTERM meant to end it would become one failed
  command and the program would go on.
* A `CommittedWithWarning` (the data was written; its backup could not be) is printed as
  one `warning:` line on stderr; the command still succeeds.
"""

from __future__ import annotations

import signal
import sys
import warnings


def prepare(command: str | None, as_program: bool = True) -> None:
    _utf8_streams()
    if as_program:
        _terminate_as_exit()
    _report_committed_warnings(command or "")


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").replace("_", "-").lower()
        if encoding in ("utf-8", "utf8"):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors="replace")
        except (ValueError, OSError):
            pass


def _terminate_as_exit() -> None:
    if not hasattr(signal, "SIGTERM"):
        return
    try:
        signal.signal(signal.SIGTERM, _exit_on_signal)
    except ValueError:
        pass  # not the main thread (e.g. called from a test harness): leave it


def _exit_on_signal(signum, _frame) -> None:
    raise SystemExit(128 + signum)


_command = ""  # the command running now, named in its warnings


def _report_committed_warnings(command: str) -> None:
    """Installed once per process: each command called in-process wrapping the handler
    again stacked one wrapper per call."""
    global _command
    from termbase import CommittedWithWarning, for_terminal

    _command = command
    warnings.simplefilter("always", CommittedWithWarning)  # replaces its like: no growth
    if getattr(warnings.showwarning, "termbase_committed", False):
        return
    default = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, CommittedWithWarning):
            print(f"termbase {_command}: warning: {for_terminal(message)}", file=sys.stderr)
            return
        default(message, category, filename, lineno, file, line)

    show.termbase_committed = True  # type: ignore[attr-defined]
    warnings.showwarning = show
