"""Commands on running text: extract (term candidates) and align (translation pairs).

Both propose; the translator chooses, at the terminal (`--add`, a numbered prompt) or in a
review file (`--tsv OUT`, mark the `add` column, then `--add-from OUT`). What is chosen goes
into the termbase as one batch, which `termbase undo BATCH` reverts.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

from termbase.cli import UsageError, open_termbase
from termbase.cli.output import console, is_tty, print_json, progress_bar
from termbase.cli.terms import check_langs, check_tags
from termbase import for_terminal, split_lang_tag


def register(subparsers, common) -> None:
    p = subparsers.add_parser(
        "extract", parents=[common], help="propose term candidates from texts",
        description="Propose single- and multi-word term candidates from plain text, TMX or "
        "XLIFF (the segments of --lang), in their base form, ranked by termhood, with "
        "frequency and context. Candidates the termbase has are marked.")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE",
                   help="plain-text (any common encoding), TMX or XLIFF files; - reads "
                   "standard input")
    p.add_argument("--lang", help="language of the texts (pl, lt, en; a regional tag such "
                   "as pl-PL names its language)")
    p.add_argument("--top", type=int, default=50, metavar="N", help="show N (default 50)")
    p.add_argument("--min-freq", type=int, default=1, metavar="N",
                   help="only candidates seen at least N times (default 1)")
    p.add_argument("--new-only", action="store_true", help="hide candidates already known")
    p.add_argument("--encoding", help="encoding of plain-text files (default: detected)")
    _output_and_adding_options(p)
    p.set_defaults(handler=cmd_extract)

    p = subparsers.add_parser(
        "align", parents=[common], help="propose translation pairs from parallel text",
        description="Propose term pairs from a TMX/XLIFF file or two line-aligned files "
        "(co-occurrence across segments, cognates, pairs already in the termbase).")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE",
                   help="one TMX/XLIFF file, or the source and target text files")
    p.add_argument("--src", type=Path, help="source text, one segment per line")
    p.add_argument("--tgt", type=Path, help="target text, line N translating --src line N")
    p.add_argument("--from", dest="source_lang", help="source language")
    p.add_argument("--to", dest="target_lang", help="target language")
    p.add_argument("--top", type=int, default=50, metavar="N", help="show N (default 50)")
    p.add_argument("--min-cooc", type=int, default=2, metavar="N",
                   help="only pairs sharing at least N segments (default 2)")
    p.add_argument("--encoding", help="encoding of plain-text files (default: detected)")
    _output_and_adding_options(p)
    p.set_defaults(handler=cmd_align)


def _output_and_adding_options(p) -> None:
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="machine-readable output")
    out.add_argument("--tsv", type=Path, metavar="OUT",
                     help="write a review file; mark rows in its 'add' column (y)")
    p.add_argument("--add", action="store_true",
                   help="choose proposals to add by number (prompt on a terminal, else "
                        "one line read from stdin)")
    p.add_argument("--add-from", type=Path, metavar="FILE.tsv",
                   help="add the rows marked in a review file written by --tsv")
    p.add_argument("--subject", default="", help="subject of the concepts added (a known "
                   "one, as for `add`)")
    p.add_argument("--new-subject", action="store_true",
                   help="accept a --subject the termbase does not use yet")
    p.add_argument("--finalized", dest="provisional", action="store_false",
                   help="the chosen terms are reviewed: do not mark them provisional "
                        "(processStatus; by default `suggest` and `check` show them as "
                        "provisional)")


def _check_common(args, files_needed: bool) -> None:
    if args.top < 1:
        raise UsageError("--top must be at least 1")
    if args.add and args.add_from:
        raise UsageError("use either --add (choose now) or --add-from FILE (a marked file)")
    if args.add and (args.json or args.tsv):
        raise UsageError("--add chooses from the listing; with --json or --tsv, mark a "
                         "review file and use --add-from")
    if args.add_from and files_needed:
        raise UsageError("--add-from takes its rows from the review file; give no input files")


# -- extract ---------------------------------------------------------------------------------
def cmd_extract(args) -> int:
    _check_common(args, bool(args.files))
    if args.lang:  # a regional tag ("pl-PL", "pl_LT") names the language the texts are in
        check_tags(args.lang)
        args.lang = split_lang_tag(args.lang)[0]
    check_langs([args.lang] if args.lang else [])
    if args.min_freq < 1:
        raise UsageError("--min-freq must be at least 1")
    if args.add_from:
        return _report_added(args, open_termbase(args).add_reviewed(
            args.add_from, "extract", subject=args.subject, lang=args.lang,
            provisional=args.provisional, new_subject=args.new_subject))
    if not args.files:
        raise UsageError("give the text files to extract from (or --add-from FILE.tsv)")
    if not args.lang:
        raise UsageError("--lang is required (pl, lt or en)")
    _note_unread_language(args.lang)
    if args.add and STDIN in args.files:
        raise UsageError("--add reads its choice from standard input, so the text cannot "
                         "come from it: give a file, or use --tsv and --add-from")
    tb = open_termbase(args)
    _check_subject_to_add(args, tb)
    with _stdin_as_file(args.files) as files, \
            progress_bar("extracting", None, not args.json) as bar:
        result = tb.extract(files, args.lang, top=args.top, min_freq=args.min_freq,
                            new_only=args.new_only, encoding=args.encoding,
                            progress=bar.update)
    if args.json:
        print_json(result.to_json())
        return 0
    if args.tsv:
        _write_review(tb, result, args.tsv, "candidates",
                      f"termbase extract --add-from {args.tsv} --subject SUBJECT", args.files)
        return 0
    _render_candidates(args, result)
    if args.add:
        _add_chosen(args, tb, result)
    return 0


STDIN = Path("-")


def _note_unread_language(lang: str) -> None:
    """A language without word lists ("--lang de") is read as bare word sequences: its
    candidates start and end on prepositions ("na osobę"). Said once on stderr; the
    command still runs."""
    from termbase import extraction_languages

    if lang not in extraction_languages():
        print(f"termbase extract: warning: no word lists for '{lang}' (only "
              f"{', '.join(sorted(extraction_languages()))}): the candidates are bare word "
              f"sequences",
              file=sys.stderr)


@contextlib.contextmanager
def _stdin_as_file(files: list[Path]):
    """The files, with "-" (standard input, a pipe from another tool) read once into a
    temporary file named "stdin", which contexts then cite."""
    if STDIN not in files:
        yield files
        return
    if sys.stdin is None:
        raise UsageError("'-' reads the text from standard input, which is closed")
    with tempfile.TemporaryDirectory(prefix="termbase-stdin-") as folder:
        piped = Path(folder) / "stdin"
        piped.write_bytes(sys.stdin.buffer.read())
        yield [piped if f == STDIN else f for f in files]


def _write_review(tb, result, path, what: str, next_command: str, inputs) -> None:
    """A review sheet the user marks (y in the 'add' column) and feeds back with --add-from.
    Never written over one of the texts it was drawn from; the note after it goes to stderr
    when the sheet itself goes to standard output (`--tsv -`), so the sheet stays clean."""
    _refuse_input_as_output(path, inputs)
    rows = tb.write_review(result, path)
    print(f"wrote {rows} {what} to {for_terminal(path)}; mark the rows to keep with y in the "
          f"'add' column, then: {next_command}",
          file=sys.stderr if str(path) == "-" else sys.stdout)


def _refuse_input_as_output(path, inputs) -> None:
    """`--tsv job.txt` for `job.txt` would replace the translator's text with the sheet."""
    if str(path) == "-" or not Path(path).exists():
        return
    for source in inputs:
        if Path(source).exists() and Path(source).samefile(path):
            raise UsageError(f"{for_terminal(path)} is one of the input files; choose "
                             "another name for the review sheet (nothing was written)")


def _render_candidates(args, result) -> None:
    """One block per candidate (see `cli.listing`): base form and figures, the forms seen,
    one context; fitted to the terminal, 80 columns in a pipe."""
    from termbase.cli.listing import block, plain_lines

    shown = result.candidates
    heading = (f"{len(shown)} of {result.candidates_total} candidates "
               f"({'new only, ' if args.new_only else ''}{result.lang}, "
               f"{result.tokens} tokens in {len(args.files)} file(s))")
    if not is_tty():
        print(heading)
        for number, candidate in enumerate(shown, 1):
            print("\n".join(plain_lines(block(number, candidate, 80), 80)))
        return
    from rich.padding import Padding
    from rich.text import Text

    out = console()
    out.print(Text(heading, style="bold"))
    for number, candidate in enumerate(shown, 1):
        b = block(number, candidate, out.width)
        head = Text(b.head)
        head.stylize("bold", 6, 6 + len(candidate.term))
        mark = b.head.rfind("new  score" if not candidate.known else "known ")
        head.stylize("green" if not candidate.known else "dim", mark,
                     mark + (3 if not candidate.known else len(b.head)))
        out.print(head)
        out.print(Text(b.forms, style="dim"))
        if b.context:
            context = Text()
            context.append(b.where, style="dim")
            context.append(b.context[:b.start])
            context.append(b.context[b.start:b.end], style="bold yellow")
            context.append(b.context[b.end:])
            out.print(Padding(context, (0, 0, 0, 6)))


TABLE_MIN_WIDTH = 100  # narrower, the proposals are listed line by line


# -- align -----------------------------------------------------------------------------------
def cmd_align(args) -> int:
    inputs = _align_inputs(args)
    _check_common(args, bool(inputs))
    if not (args.source_lang and args.target_lang):
        raise UsageError("--from and --to are required (e.g. --from pl --to lt)")
    check_langs([args.source_lang, args.target_lang])
    if args.source_lang == args.target_lang:
        raise UsageError("--from and --to name the same language")
    if args.min_cooc < 1:
        raise UsageError("--min-cooc must be at least 1")
    if args.add_from:
        return _report_added(args, open_termbase(args).add_reviewed(
            args.add_from, "align", subject=args.subject, source_lang=args.source_lang,
            target_lang=args.target_lang, provisional=args.provisional,
            new_subject=args.new_subject))
    if not inputs:
        raise UsageError("give a TMX/XLIFF file, or --src and --tgt (or --add-from FILE.tsv)")
    tb = open_termbase(args)
    _check_subject_to_add(args, tb)
    with progress_bar("aligning", 3, not args.json) as bar:
        result = tb.align(inputs, args.source_lang, args.target_lang, top=args.top,
                          min_cooc=args.min_cooc, encoding=args.encoding, progress=bar.update)
    if args.json:
        print_json(result.to_json())
        return 0
    if args.tsv:
        _write_review(tb, result, args.tsv, "proposals", f"termbase align --from "
                      f"{args.source_lang} --to {args.target_lang} --add-from {args.tsv} "
                      "--subject SUBJECT", inputs)
        return 0
    _render_proposals(args, result)
    if args.add:
        _add_chosen(args, tb, result)
    return 0


def _align_inputs(args) -> list[Path]:
    if (args.src is None) != (args.tgt is None):
        raise UsageError("--src and --tgt go together")
    if args.src is not None:
        if args.files:
            raise UsageError("give either input files or --src/--tgt, not both")
        return [args.src, args.tgt]
    if len(args.files) > 2:
        raise UsageError("give one TMX/XLIFF file, or a source and a target text file")
    return list(args.files)


def _render_proposals(args, result) -> None:
    shown = result.proposals
    heading = (f"{len(shown)} translation proposals {args.source_lang} -> {args.target_lang} "
               f"from {result.segments} segment pairs")
    width = console().width if is_tty() else None
    if width is not None and width >= TABLE_MIN_WIDTH:
        from rich.table import Table
        from rich.text import Text

        table = Table(title=heading, header_style="bold")
        for name, options in (("#", {"justify": "right"}), (args.source_lang, {"style": "bold"}),
                              (args.target_lang, {"style": "bold"}),
                              ("score", {"justify": "right"}), ("shared", {"justify": "right"}),
                              ("cognate", {"justify": "right"}), ("termbase", {}),
                              ("example", {"overflow": "fold", "max_width": 60})):
            table.add_column(name, **options)
        for number, p in enumerate(shown, 1):
            table.add_row(str(number), Text(for_terminal(p.source)),
                          Text(for_terminal(p.target)), f"{p.score:.1f}",
                          str(p.cooccurrences), f"{p.cognate:.2f}", "known" if p.known else "",
                          Text(f"{for_terminal(p.example.source)}\n"
                               f"{for_terminal(p.example.target)}"))
        console().print(table)
        return
    fit = _fitted(width)
    fit(heading, "")
    for number, p in enumerate(shown, 1):
        fit(f"{number:3}  {p.score:5.1f}  {for_terminal(p.source)} = "
            f"{for_terminal(p.target)}  (shared {p.cooccurrences}, "
            f"cognate {p.cognate:.2f}{', known' if p.known else ''})", " " * 7)
        where = f"{for_terminal(p.example.file)}:{p.example.line}: "
        fit(f"       {where}{for_terminal(p.example.source)}", " " * 9)
        fit(f"       {' ' * len(where)}{for_terminal(p.example.target)}", " " * 9)


def _fitted(width: int | None):
    """print(line) in a pipe; on a terminal too narrow for the table, the line wrapped to
    its width (a table of eight columns in 40 showed terms as "p…" and the example two
    letters a line)."""
    if width is None:
        return lambda line, indent: print(line)
    import textwrap

    def fit(line: str, indent: str) -> None:
        print("\n".join(textwrap.wrap(line, width, subsequent_indent=indent,
                                       break_on_hyphens=False) or [""]))
    return fit


# -- choosing and adding ---------------------------------------------------------------------
def _add_chosen(args, tb, result) -> None:
    """Ask which rows to add ("1-3,7"), then add them as one batch."""
    from termbase.cli.selection import parse_selection

    count = len(result)
    if not count:
        print("nothing to add")
        return
    while True:
        answer = _ask(f"enter numbers/ranges to add (e.g. 1-3,7; empty to cancel) [1-{count}]: ")
        if not answer.strip():
            print("nothing added")
            return
        try:
            chosen = parse_selection(answer, count)
            break
        except ValueError as exc:
            if not sys.stdin.isatty():
                raise UsageError(str(exc)) from None
            print(f"  {exc}", file=sys.stderr)
    _report_added(args, tb.add_candidates(result, [n + 1 for n in chosen],
                                          subject=args.subject,
                                          provisional=args.provisional,
                                          new_subject=args.new_subject))


def _check_subject_to_add(args, tb) -> None:
    """An unknown --subject for --add is refused before the text is read: found only once
    the numbers were chosen, it cost the whole extraction and the choice."""
    if args.add and args.subject:
        from termbase import check_subject

        check_subject(tb, args.subject, args.new_subject)


def _ask(prompt: str) -> str:
    """A line from the user: a prompt on a terminal, else the next line of stdin."""
    if sys.stdin is None:
        raise UsageError("--add reads the numbers to add from standard input, which is "
                         "closed; use --tsv and --add-from instead")
    if sys.stdin.isatty():
        try:
            return input(prompt)
        except EOFError:
            return ""
    return sys.stdin.readline()


def _report_added(args, report) -> int:
    if args.json:
        print_json(report.to_json())
        return 0
    if not report.batch:
        print("no rows marked for adding; nothing changed")
        return 0
    if not (report.added or report.merged):
        print(f"nothing changed: all {report.unchanged} already in the termbase")
        return 0
    print(f"added {report.added} concept(s), merged {report.merged} into existing ones "
          f"({report.unchanged} unchanged) in batch {report.batch}; "
          f"undo with `termbase undo {report.batch}`")
    return 0
