"""Keeping the store healthy: doctor (check and repair), reindex."""

from __future__ import annotations

from termbase.cli import open_termbase
from termbase.cli.output import print_json, progress_bar


def register(subparsers, common) -> None:
    p = subparsers.add_parser("doctor", parents=[common], help="check (and repair) the store",
                              description="Check the termbase file, its backup and index; with "
                              "--repair restore a damaged file from the automatic backup "
                              "(the damaged file is kept aside).")
    p.add_argument("--repair", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_doctor)

    p = subparsers.add_parser("reindex", parents=[common], help="rebuild the search index now")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_reindex)


def cmd_doctor(args) -> int:
    from termbase import Termbase

    tb = Termbase.open(getattr(args, "db", None), create=False)
    report = tb.doctor(repair=args.repair)
    if args.json:
        print_json(report.to_json())
    else:
        _print_doctor(report)
    return 0 if report.healthy else 1


def _print_doctor(report) -> None:
    print(f"{report.store}: {'OK' if report.ok else 'PROBLEMS'}")
    for problem in report.problems:
        print(f"  - {problem}")
    if report.backup:
        print(f"  backup: {report.backup.path} "
              f"({'readable' if report.backup.readable else 'DAMAGED'})")
    if report.leftovers and not report.removed:
        print(f"  {len(report.leftovers)} temporary file(s) of interrupted writes "
              "(--repair removes them)")
    if report.removed:
        print(f"  removed {len(report.removed)} temporary file(s) of interrupted writes")
    if report.index:
        print(f"  index cache: {report.index}")
    if report.action:
        print(f"  {report.action}")
        if report.damaged_copy:
            print(f"  damaged file kept as {report.damaged_copy}")


def cmd_reindex(args) -> int:
    tb = open_termbase(args)
    with progress_bar("indexing", None, not args.json) as bar:
        result = tb.reindex(progress=bar.update)
    if args.json:
        print_json(result.to_json())
    else:
        print(f"indexed {result.terms} terms of {result.concepts} concepts")
    return 0
