"""Commands that move data in and out: import, export, history, undo."""

from __future__ import annotations

import sys
from pathlib import Path

from termbase.cli import UsageError, open_termbase
from termbase.cli.output import console, is_tty, print_json, progress_bar
from termbase.cli.terms import check_langs, check_tags
from termbase.cli.writes import touched_lines
from termbase import for_terminal as visible
from termbase.cli.variant_choice import chosen_variant


def register(subparsers, common) -> None:
    from termbase import format_names

    p = subparsers.add_parser("import", parents=[common], help="import terms or memory",
                              description="Import aligned terms (TSV/CSV/XLSX/TBX) or memory "
                              "segments (TMX). All-or-nothing, recorded as one undoable batch.")
    p.add_argument("file", type=Path)
    p.add_argument("--format", default="auto", choices=["auto"] + format_names())
    p.add_argument("--dry-run", action="store_true", help="report what would change; change nothing")
    p.add_argument("--on-conflict", default="merge", choices=["merge", "skip", "new"],
                   help="a differing equivalent: add as synonym (merge), leave out (skip), "
                        "or import the concept as new (new)")
    p.add_argument("--subject", default="", help="subject for concepts without one")
    p.add_argument("--source", default="", help="source for concepts without one")
    p.add_argument("--encoding", help="text encoding (default: detected)")
    p.add_argument("--as-terms", action="store_true", help="TMX: import short units as term pairs")
    p.add_argument("--columns", help="CSV/TSV/XLSX: what the columns mean, by position for a "
                   "file without a header (pl,lt,note) or renaming header cells "
                   "('Begriff=de,Kommentar=note'); the dry run shows the mapping used")
    p.add_argument("--from", dest="source_lang", help="OmegaT glossary: source language")
    p.add_argument("--to", dest="target_lang", help="OmegaT glossary: target language")
    p.add_argument("--provisional", action="store_true",
                   help="mark the incoming terms as not yet reviewed (processStatus), so "
                        "`suggest` and `check` tell them from approved ones")
    p.add_argument("--skip-invalid", action="store_true",
                   help="import the valid records and write the rejects to --rejects")
    p.add_argument("--rejects", type=Path, help="where --skip-invalid writes rejected lines")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = subparsers.add_parser("export", parents=[common], help="export for CAT tools",
                              description="Export the glossary (TBX, TBX v2, CSV, TSV, OmegaT, "
                              "XLSX) or the memory (TMX). Format from the extension unless given.")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=format_names(writable=True))
    p.add_argument("--langs", help="comma-separated languages, in column order")
    p.add_argument("--from", dest="source_lang",
                   help="source language or variety, e.g. pl or pl-LT (OmegaT, TMX of terms)")
    p.add_argument("--to", dest="target_lang", help="target language")
    p.add_argument("--subject", action="append", help="only this subject (repeatable)")
    p.add_argument("--status", help="only terms with these statuses, comma-separated")
    p.add_argument("--since", help="only concepts modified on or after DATE (YYYY-MM-DD)")
    p.add_argument("--with-forms", action="store_true",
                   help="add known inflected forms for CAT tools without morphology")
    p.add_argument("--terms", action="store_true", help="TMX: write term pairs, not the memory")
    p.add_argument("--variant", metavar="TAG", help="regional variety (e.g. pl-PL): leave out "
                   "the terms of other varieties where the concept has one of this variety or "
                   "a neutral one; none: keep every variety (default: `variant` in the config "
                   "file)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("history", parents=[common], help="list change batches")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--before", metavar="BATCH", help="only batches older than this one (an "
                   "id or unique prefix): pages back through a long history")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_history)

    p = subparsers.add_parser("undo", parents=[common], help="revert one batch exactly")
    p.add_argument("batch", help="batch id (or a unique prefix) from `termbase history`")
    p.add_argument("--force", action="store_true",
                   help="undo even if later batches changed the same concepts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_undo)


def _split_langs(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def cmd_import(args) -> int:
    from termbase import ImportRefused

    check_tags(*[l for l in (args.source_lang, args.target_lang) if l])
    if args.rejects and not args.skip_invalid:
        raise UsageError("--rejects goes with --skip-invalid")
    tb = open_termbase(args)
    with progress_bar(f"importing {args.file.name}", None, not args.json) as bar:
        try:
            report = tb.import_file(
                args.file, format=args.format, on_conflict=args.on_conflict,
                dry_run=args.dry_run, skip_invalid=args.skip_invalid, rejects=args.rejects,
                encoding=args.encoding, as_terms=args.as_terms, subject=args.subject,
                source=args.source, columns=args.columns, source_lang=args.source_lang,
                target_lang=args.target_lang, provisional=args.provisional,
                progress=bar.update if bar.active else None)
        except ImportRefused as exc:
            if args.json:
                print_json(exc.to_json())
            raise
    if report.rejects_error:
        print(f"termbase import: warning: {visible(report.rejects_error)}", file=sys.stderr)
    if args.json:
        print_json(report.to_json())
    else:
        _render_report(report)
    return 0


MAX_CONFLICTS_SHOWN = 100


def _render_report(report) -> None:
    """The end report: a table on a terminal, plain lines (easy to grep) in a pipe."""
    verb = "would change" if report.dry_run else "imported"
    counts = [("added", report.added), ("merged", report.merged),
              ("unchanged", report.unchanged), ("skipped", report.skipped)]
    if report.segments_added or report.segments_unchanged:
        counts += [("memory segments to add" if report.dry_run else "memory segments added",
                    report.segments_added),
                   ("memory segments already present", report.segments_unchanged)]
    footer = []
    if report.batch and not report.dry_run:
        footer.append(f"batch {report.batch} (undo with `termbase undo {report.batch}`)")
    elif not report.dry_run:
        footer.append("nothing changed (no batch recorded)")
    else:
        footer.append("dry run: nothing was changed")
    shown = report.conflicts[:MAX_CONFLICTS_SHOWN]
    if len(report.conflicts) > len(shown):
        footer.append(f"... and {len(report.conflicts) - len(shown)} more conflicts "
                      "(all of them with --json)")
    footer += [f"warning: {visible(warning)}" for warning in report.warnings]
    if is_tty():
        _render_report_table(report, verb, counts, shown, footer)
        return
    lines = [f"{visible(report.file)} ({report.format}): {verb}: {report.added} added, "
             f"{report.merged} merged, {report.unchanged} unchanged, {report.skipped} skipped"]
    if len(counts) > 4:
        lines.append(f"memory: {report.segments_added} segments "
                     f"{'would be added' if report.dry_run else 'added'}, "
                     f"{report.segments_unchanged} already present")
    for conflict in shown:
        lines.append(f"  conflict line {conflict['line']}: {conflict['lang']} "
                     f"{visible(repr(conflict['term']))} vs {visible(', '.join(conflict['existing']))} in "
                     f"{conflict['concept_id']}: {conflict['action']}")
    lines += [f"  {line}" if line.startswith(("...", "warning")) else line for line in footer]
    print("\n".join(lines))


def _render_report_table(report, verb, counts, conflicts, footer) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    out.print(Text.assemble((visible(f"{report.file} ({report.format})"), "bold"), f": {verb}"),
              soft_wrap=True)
    summary = Table(show_header=False)
    summary.add_column("what")
    summary.add_column("count", justify="right")
    for name, number in counts:
        summary.add_row(name, f"{number:,}")
    out.print(summary)
    if conflicts:
        table = Table(title=f"conflicts ({len(report.conflicts):,})", header_style="bold",
                      title_justify="left")
        for name in ("line", "lang", "incoming term", "existing", "concept", "action"):
            table.add_column(name, justify="right" if name == "line" else "left")
        for c in conflicts:
            table.add_row(*(Text(visible(cell)) for cell in (
                c["line"], c["lang"], c["term"], ", ".join(c["existing"]), c["concept_id"],
                c["action"])))
        out.print(table)
    for line in footer:
        out.print(line, markup=False, highlight=False)


def cmd_export(args) -> int:
    langs = _split_langs(args.langs)
    check_langs(langs or [])
    check_tags(*[l for l in (args.source_lang, args.target_lang) if l])
    tb = open_termbase(args)
    with progress_bar(f"exporting {args.file.name}", None, not args.json) as bar:
        result = tb.export(
            args.file, format=args.format, langs=langs, source_lang=args.source_lang,
            target_lang=args.target_lang, subjects=args.subject,
            statuses=_split_langs(args.status), since=args.since, with_forms=args.with_forms,
            terms_as_tmx=args.terms, variant=chosen_variant(tb, args.variant),
            progress=bar.update if bar.active else None)
    if args.json:
        print_json(result.to_json())
    else:
        # with the export itself on standard output, the summary goes to stderr
        print(f"wrote {result.written} {result.kind} to {visible(result.file)} "
              f"({result.format})", file=sys.stderr if str(args.file) == "-" else sys.stdout)
    return 0


def cmd_history(args) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    batches = open_termbase(args).history(limit=args.limit, before=args.before)
    if args.json:
        print_json([b.to_json() for b in batches])
        return 0
    for b in batches:
        counts = ", ".join(f"{k} {v}" for k, v in b.counts.items())
        undone = f"  [undone by {b.undone_by}]" if b.undone_by else ""
        print(f"{b.batch}  {b.time}  {visible(b.user)}  {visible(b.command)}  "
              f"({counts}){undone}")
        for line in touched_lines(b.touched):
            print(f"    {visible(line)}")
    return 0


def cmd_undo(args) -> int:
    result = open_termbase(args).undo(args.batch, force=args.force)
    if args.json:
        print_json(result.to_json())
    else:
        print(f"undid {result.undid}: {result.changes_reverted} change(s) reverted "
              f"(batch {result.batch})")
    return 0
