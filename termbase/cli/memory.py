"""The translation memory's own records, and erasure: memory list/edit/delete, purge."""

from __future__ import annotations

from termbase import for_terminal
from termbase.cli import UsageError, open_termbase
from termbase.cli.output import print_json


def register(subparsers, common) -> None:
    p = subparsers.add_parser(
        "memory", parents=[common], help="list, edit or delete translation-memory segments",
        description="Work on single memory segments: `memory list [--contains TEXT]`, "
                    "`memory edit KEY --text pl=TEXT ...`, `memory delete KEY`. Edits and deletes "
                    "are undoable batches; to erase personal data for good use `purge`.")
    p.add_argument("action", choices=("list", "edit", "delete"))
    p.add_argument("key", nargs="?", help="the segment key shown by `memory list`")
    p.add_argument("--contains", metavar="TEXT", help="list: only segments containing TEXT")
    p.add_argument("--limit", type=int, default=50, help="list: at most N (default 50)")
    p.add_argument("--text", action="append", default=[], metavar="LANG=TEXT",
                   help="edit: the new text of one language (repeatable), e.g. pl='...'")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_memory)

    p = subparsers.add_parser(
        "purge", parents=[common], help="erase a string (e.g. a client's name) for good",
        description="Remove TEXT everywhere: memory segments containing it are deleted, "
                    "terms containing it dropped, other fields have it replaced by "
                    "[removed]; the change log and the backup are cleaned the same way. "
                    "Only a record that a purge happened is kept. It cannot be undone: try "
                    "--dry-run first.")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--dry-run", action="store_true", help="show what would be affected")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_purge)


def cmd_memory(args) -> int:
    tb = open_termbase(args)
    if args.action == "list":
        if args.limit < 1:
            raise UsageError("--limit must be at least 1")
        found = tb.segments(args.contains, args.limit)
        if args.json:
            print_json([{"key": key, **segment.to_dict()} for key, segment in found])
        for key, segment in found if not args.json else ():
            texts = "  |  ".join(f"{for_terminal(lang)}: {for_terminal(text)}"
                                 for lang, text in segment.texts.items())
            print(f"{for_terminal(key)}  {texts}")
        return 0
    if not args.key:
        raise UsageError(f"memory {args.action} needs the segment KEY (see `memory list`)")
    if args.action == "delete":
        result = tb.delete_segment(args.key)
    else:
        texts = {}
        for item in args.text:
            lang, sep, text = item.partition("=")
            if not sep or not lang.strip():
                raise UsageError(f"--text takes LANG=TEXT, not {item!r}")
            texts[lang.strip()] = text
        if not texts:
            raise UsageError("memory edit needs at least one --text LANG=TEXT")
        result = tb.edit_segment(args.key, texts)
    if args.json:
        print_json(result)
    else:
        done = {"edit": "edited", "delete": "deleted"}[args.action]
        print(f"{done} memory segment {for_terminal(args.key)} (batch {result['batch']}; "
              f"undo with `termbase undo {result['batch']}`)")
    return 0


def cmd_purge(args) -> int:
    report = open_termbase(args).purge(args.text, dry_run=args.dry_run)
    if args.json:
        print_json(report.to_json())
        return 0
    what = "would affect" if args.dry_run else f"(batch {report.batch}, not undoable) removed from"
    print(f"purge {what}: {report.segments_deleted} memory segment(s) deleted, "
          f"{report.concepts_deleted} concept(s) deleted, {report.concepts_changed} "
          f"concept(s) changed, {report.log_entries_changed} change-log record(s) cleaned")
    if not args.dry_run and (report.affected or report.log_entries_changed):
        print("the backup was rewritten; copies made elsewhere (`termbase backup`, exports) "
              "must be deleted by hand")
    return 0
