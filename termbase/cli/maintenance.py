"""Keeping the store healthy: doctor (check and repair), reindex, backup, copy between
engines, update-glossary."""

from __future__ import annotations

from termbase import for_terminal
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

    p = subparsers.add_parser(
        "copy", help="copy a whole termbase into a new one, of any engine",
        description="Copy concepts, memory, change log and batches from SRC into a new "
                    "termbase DST (the engine follows DST's name: .json TinyDB, .sqlite "
                    "SQLite). History and undo work on the copy.")
    p.add_argument("source", metavar="SRC")
    p.add_argument("target", metavar="DST")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_copy)

    p = subparsers.add_parser(
        "update-glossary", parents=[common],
        help="apply the shipped glossary's corrections and new concepts to this store",
        description="Bring the glossary shipped with this version of termbase into the store "
                    "as one undoable batch: new concepts are added, corrected ones replaced, "
                    "retired ones removed; concepts edited in this store are listed as "
                    "conflicts and left as they are.")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_update_glossary)

    p = subparsers.add_parser(
        "backup", parents=[common], help="write a consistent copy of the store",
        description="Write a consistent copy of the store to FILE while others may keep "
                    "reading and writing (SQLite's online backup; a locked copy for TinyDB).")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup)


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
    status = "OK" if report.ok else "PROBLEMS"
    if report.warnings:
        status += f" ({len(report.warnings)} warning(s))"
    print(f"{for_terminal(report.store)}: {status}")
    for problem in report.problems:
        print(f"  - {for_terminal(problem)}")
    for warning in report.warnings:
        print(f"  warning: {for_terminal(warning)}")
    if report.backup:
        print(f"  backup: {for_terminal(report.backup.path)} "
              f"({'readable' if report.backup.readable else 'DAMAGED'})")
    if report.leftovers and not report.removed:
        print(f"  {len(report.leftovers)} temporary file(s) of interrupted writes "
              "(--repair removes them)")
    if report.removed:
        print(f"  removed {len(report.removed)} temporary file(s) of interrupted writes")
    if report.index:
        print(f"  engine: {report.engine}; search index: {report.index}")
    for hint in (report.advice, report.glossary_hint):
        if hint:
            print(f"  hint: {for_terminal(hint)}")
    if report.action:
        print(f"  {for_terminal(report.action)}")
        if report.damaged_copy:
            print(f"  damaged file kept as {for_terminal(report.damaged_copy)}")


def cmd_reindex(args) -> int:
    tb = open_termbase(args)
    with progress_bar("indexing", None, not args.json) as bar:
        result = tb.reindex(progress=bar.update)
    if args.json:
        print_json(result.to_json())
    else:
        print(f"indexed {result.terms} terms of {result.concepts} concepts")
    return 0


def cmd_copy(args) -> int:
    from termbase import Termbase

    result = Termbase.copy(args.source, args.target)
    if args.json:
        print_json(result.to_json())
    else:
        print(f"copied {result.concepts} concepts, {result.memory_segments} memory segments "
              f"and {result.batches} batches from {for_terminal(result.source)} "
              f"({result.source_engine}) to {for_terminal(result.target)} "
              f"({result.target_engine})")
    return 0


def cmd_backup(args) -> int:
    result = open_termbase(args).backup(args.file)
    if args.json:
        print_json(result)
    else:
        print(f"backed up {for_terminal(result['store'])} to {for_terminal(result['backup'])}")
    return 0


def cmd_update_glossary(args) -> int:
    report = open_termbase(args).update_glossary(dry_run=args.dry_run)
    if args.json:
        print_json(report.to_json())
        return 0
    verb = "would be" if args.dry_run else "were"
    print(f"glossary {for_terminal(report.from_version)} -> "
          f"{for_terminal(report.to_version)}: {len(report.added)} "
          f"concept(s) {verb} added, {len(report.updated)} updated, {len(report.removed)} "
          f"removed, {report.unchanged} unchanged")
    for conflict in report.conflicts:
        print(f"  kept as edited here: {for_terminal(conflict['concept_id'])} "
              f"({for_terminal(conflict['why'])})")
    if not args.dry_run and (report.added or report.updated or report.removed):
        print(f"batch {report.batch} (undo with `termbase undo {report.batch}`)")
    return 0
