"""The `termbase` command: argument parsing, dispatch and error handling; no logic.

Every command calls only the public `termbase` API (`Termbase` and its result types) and
prints what it returns. Exit codes, decided here in `main` and nowhere else: 0 success (also
when nothing is found), 1 bad data or a failed operation (`termbase.TermbaseError`, a file
that cannot be read), 2 bad usage (argparse, `UsageError`). Errors are one line on stderr,
never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# Sub-command modules; each has register(subparsers, common).
_COMMAND_MODULES = ("termbase.cli.terms", "termbase.cli.data", "termbase.cli.translate",
                    "termbase.cli.texts", "termbase.cli.maintenance", "termbase.cli.memory")


class UsageError(Exception):
    """Bad usage detected after parsing (exit 2)."""


def _common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="termbase file (default: $TERMBASE_DB or the user data directory)")
    common.add_argument("--also", metavar="PATH", action="append", default=argparse.SUPPRESS,
                        help="a lower termbase layer searched by lookup, suggest and shell "
                        "after --db (repeatable; default: $TERMBASE_ALSO, paths separated "
                        f"by {os.pathsep!r}, else the config file's `also` list); writes "
                        "and undo go to --db only")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_parser()
    parser = argparse.ArgumentParser(
        prog="termbase", parents=[common],
        description="Terminology and translation memory for social-services vocabulary "
                    "in Polish, Lithuanian and English.",
        epilog="Run `termbase COMMAND --help` for a command's options.")
    from termbase import __version__

    parser.add_argument("--version", action="version", version=f"termbase {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(subparsers, common)
    return parser


def open_termbase(args):
    """The store named by --db / TERMBASE_DB. A new store starts from the shipped glossary
    unless TERMBASE_SEED=0 (for a project termbase that should start empty)."""
    from termbase import Termbase

    seed = os.environ.get("TERMBASE_SEED", "1").strip().lower() not in ("0", "no", "false")
    return Termbase.open(getattr(args, "db", None), seed=seed)


def open_layers(args):
    """For searching: the --db termbase, over the layers named by --also (or
    $TERMBASE_ALSO, or the config file's `also`) when there are any, as a `termbase.Layers`."""
    from termbase import Layers, default_layer_paths

    project = open_termbase(args)
    also = getattr(args, "also", None) or default_layer_paths()
    return Layers.open(project, also) if also else project


def _known_errors() -> tuple[type[BaseException], ...]:
    """Failures with a message for the user (exit 1): termbase's own, and those of files."""
    from termbase import TermbaseError

    return (TermbaseError, OSError, UnicodeError)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc) or exc.__class__.__name__


def _undecodable_argument(argv: list[str]) -> str | None:
    """Python hands undecodable argument bytes over as lone surrogates; catch them before
    they reach JSON output or a terminal."""
    for arg in argv:
        if any("\ud800" <= ch <= "\udfff" for ch in arg):
            return arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return None


def main(argv: list[str] | None = None) -> int:
    bad = _undecodable_argument(sys.argv[1:] if argv is None else argv)
    if bad is not None:
        print(f"termbase: an argument is not valid UTF-8: {bad[:60]!r}", file=sys.stderr)
        return 1
    from termbase.cli.runtime import prepare
    from termbase import for_terminal

    parser = build_parser()
    args = parser.parse_args(argv)
    prepare(args.command, as_program=argv is None)  # argv given: called in-process
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args) or 0
    except UsageError as exc:
        print(f"termbase {args.command}: {for_terminal(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("termbase: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the one place that turns errors into a line
        if isinstance(exc, _known_errors()) and getattr(exc, "usage", False):
            print(f"termbase {args.command}: {for_terminal(_describe(exc))}", file=sys.stderr)
            return 2      # an option value the service refused, e.g. a --columns typo
        if isinstance(exc, _known_errors()):
            print(f"termbase {args.command}: {for_terminal(_describe(exc))}", file=sys.stderr)
            _print_details(exc)
            return 1
        if os.environ.get("TERMBASE_DEBUG"):
            raise
        print(f"termbase {args.command}: internal error: {exc.__class__.__name__}: "
              f"{for_terminal(exc)} "
              "(set TERMBASE_DEBUG=1 for a traceback)", file=sys.stderr)
        return 1


def _print_details(exc: BaseException) -> None:
    """Per-line problems of a refused import, after the one-line summary."""
    from termbase import for_terminal

    errors = getattr(exc, "errors", None)
    if not errors:
        return
    for line, message in errors[:50]:
        print(f"  line {line}: {for_terminal(message)}", file=sys.stderr)
    if len(errors) > 50:
        print(f"  ... and {len(errors) - 50} more", file=sys.stderr)
