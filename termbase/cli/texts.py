"""Commands on running text: extract (term candidates) and align (translation pairs).

Both propose; the translator chooses, at the terminal (`--add`, a numbered prompt) or in a
review file (`--tsv OUT`, mark the `add` column, then `--add-from OUT`). What is chosen goes
into the termbase as one batch, which `termbase undo BATCH` reverts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from termbase.cli import UsageError, open_termbase
from termbase.cli.output import console, is_tty, print_json, progress_bar
from termbase.cli.terms import check_langs
from termbase.text.display import for_terminal

EXTRACT_COLUMNS = ["term", "lang", "score", "freq", "known", "concept_ids", "forms", "files",
                   "context"]
ALIGN_COLUMNS = ["source", "target", "from", "to", "score", "cooccurrences", "dice",
                 "cognate", "known", "file", "line", "source_segment", "target_segment"]


def register(subparsers, common) -> None:
    p = subparsers.add_parser(
        "extract", parents=[common], help="propose term candidates from texts",
        description="Propose single- and multi-word term candidates from plain text, TMX or "
        "XLIFF (the segments of --lang), in their base form, ranked by termhood, with "
        "frequency and context. Candidates the termbase has are marked.")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE",
                   help="plain-text (any common encoding), TMX or XLIFF files")
    p.add_argument("--lang", help="language of the texts (pl, lt, en)")
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
    p.add_argument("--subject", default="", help="subject of the concepts added")


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
    from termbase.extract import extract_passages, read_all

    _check_common(args, bool(args.files))
    check_langs([args.lang] if args.lang else [])
    if args.min_freq < 1:
        raise UsageError("--min-freq must be at least 1")
    if args.add_from:
        return _add_extracted_from(args)
    if not args.files:
        raise UsageError("give the text files to extract from (or --add-from FILE.tsv)")
    if not args.lang:
        raise UsageError("--lang is required (pl, lt or en)")
    tb = open_termbase(args)
    passages = read_all(args.files, args.lang, args.encoding)
    with progress_bar("extracting", None, not args.json) as bar:
        extraction = extract_passages(passages, args.lang, tb.index, args.min_freq,
                                      bar.update)
        shown = extraction.top(args.top, args.new_only)
    if args.json:
        print_json({"lang": args.lang, "files": [str(f) for f in args.files],
                    "tokens": extraction.tokens, "candidates_total": len(extraction.ranked),
                    "new_only": args.new_only,
                    "candidates": [c.to_json() for c in shown]})
        return 0
    if args.tsv:
        _write_review(args, args.tsv, EXTRACT_COLUMNS,
                      [_extract_row(args.lang, c) for c in shown], "candidates", f"termbase extract --add-from {args.tsv} --subject SUBJECT")
        return 0
    _render_candidates(args, extraction, shown)
    if args.add:
        _add_chosen(args, [(c.rank, _candidate_concept(args, c)) for c in shown], "extract")
    return 0


def _write_review(args, path, columns, rows, what: str, next_command: str) -> None:
    """A review sheet the user marks (y in the 'add' column) and feeds back with --add-from."""
    from termbase.extraction.review import write_tsv
    from termbase.paths import default_db_path
    from termbase.sidecars import refuse_store_file

    refuse_store_file(path, Path(getattr(args, "db", None) or default_db_path()), what)
    write_tsv(path, columns, rows)
    print(f"wrote {len(rows)} {what} to {for_terminal(path)}; mark the rows to keep with y in the 'add' "
          f"column, then: {next_command}")


def _extract_row(lang: str, c) -> list:
    context = c.contexts[0] if c.contexts else None
    return [c.term, lang, c.score, c.freq, "yes" if c.known else "",
            [k.concept_id for k in c.known], c.forms, c.files,
            f"{context.file}:{context.line}: {context.text}" if context else ""]


def _candidate_concept(args, candidate):
    from termbase.extraction.adding import term_concept

    return term_concept(args.lang, candidate.term, args.subject, candidate.files,
                        candidate.forms)


def _add_extracted_from(args) -> int:
    from termbase.extraction.adding import term_concept
    from termbase.extraction.review import read_marked, split_list
    from termbase.model import ValidationError

    rows = read_marked(args.add_from, ("term",))
    numbered = []
    for line, row in rows:
        lang = row.get("lang") or args.lang
        if not lang:
            raise ValidationError(f"line {line}: no language (fill the lang column or give "
                                  "--lang)")
        numbered.append((line, term_concept(lang, row["term"], args.subject,
                                            split_list(row.get("files", "")),
                                            split_list(row.get("forms", "")))))
    return _import(args, numbered, f"extract --add-from {args.add_from.name}")


def _render_candidates(args, extraction, shown) -> None:
    heading = (f"{len(shown)} of {len(extraction.ranked)} candidates "
               f"({'new only, ' if args.new_only else ''}{args.lang}, "
               f"{extraction.tokens} tokens in {len(args.files)} file(s))")
    if is_tty():
        from rich.table import Table
        from rich.text import Text

        table = Table(title=heading, show_lines=False, header_style="bold")
        for name, options in (("#", {"justify": "right"}), ("term", {"style": "bold"}),
                              ("score", {"justify": "right"}), ("freq", {"justify": "right"}),
                              ("termbase", {}), ("seen as", {"overflow": "fold"}),
                              ("context", {"overflow": "fold", "max_width": 60})):
            table.add_column(name, **options)
        for number, c in enumerate(shown, 1):
            known = Text(", ".join(k.concept_id for k in c.known[:2]), style="dim") \
                if c.known else Text("new", style="green")
            table.add_row(str(number), Text(for_terminal(c.term)), f"{c.score:.1f}",
                          str(c.freq), known, Text(for_terminal(", ".join(c.forms[:3]))),
                          _rich_context(c))
        console().print(table)
        return
    print(heading)
    for number, c in enumerate(shown, 1):
        known = ("known " + ",".join(k.concept_id for k in c.known[:2])) if c.known else "new"
        print(f"{number:3}  {c.score:7.1f}  {c.freq:4}  {for_terminal(c.term)}  [{known}]")
        for context in c.contexts[:1]:
            print(f"       {for_terminal(context.file)}:{context.line}: "
                  f"{for_terminal(context.text)}")


def _rich_context(candidate):
    """file:line and the snippet, the occurrence in bold."""
    from rich.text import Text

    if not candidate.contexts:
        return ""
    context = candidate.contexts[0]
    text = Text(f"{for_terminal(context.file)}:{context.line} ", style="dim")
    text.append(for_terminal(context.text[:context.start]))
    text.append(for_terminal(context.text[context.start:context.end]), style="bold yellow")
    text.append(for_terminal(context.text[context.end:]))
    return text


# -- align -----------------------------------------------------------------------------------
def cmd_align(args) -> int:
    from termbase.align import align

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
        return _add_aligned_from(args)
    if not inputs:
        raise UsageError("give a TMX/XLIFF file, or --src and --tgt (or --add-from FILE.tsv)")
    tb = open_termbase(args)
    pairs = _read_pairs(args, inputs)
    with progress_bar("aligning", 3, not args.json) as bar:
        proposals = align(pairs, args.source_lang, args.target_lang, tb.index,
                          args.min_cooc, bar.update)
    shown = proposals[:args.top]
    if args.json:
        print_json({"from": args.source_lang, "to": args.target_lang, "segments": len(pairs),
                    "proposals": [p.to_json() for p in shown]})
        return 0
    if args.tsv:
        _write_review(args, args.tsv, ALIGN_COLUMNS, [_align_row(args, p) for p in shown],
                      "proposals", f"termbase align --from {args.source_lang} --to "
                      f"{args.target_lang} --add-from {args.tsv} --subject SUBJECT")
        return 0
    _render_proposals(args, pairs, shown)
    if args.add:
        _add_chosen(args, [(n, _pair_concept(args, p)) for n, p in enumerate(shown, 1)],
                    "align")
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


def _read_pairs(args, inputs: list[Path]):
    from termbase.extraction.passages import read_bilingual, read_line_aligned
    from termbase.model import ValidationError

    if len(inputs) == 2:
        pairs = read_line_aligned(inputs[0], inputs[1], args.encoding)
    else:
        pairs = read_bilingual(inputs[0], args.source_lang, args.target_lang)
    if not pairs:
        raise ValidationError(f"no segments with both {args.source_lang} and "
                              f"{args.target_lang} text in {', '.join(map(str, inputs))}")
    return pairs


def _align_row(args, p) -> list:
    return [p.source, p.target, args.source_lang, args.target_lang, p.score, p.cooccurrences,
            p.dice, p.cognate, "yes" if p.known else "", p.example.file, p.example.line,
            p.example.source, p.example.target]


def _pair_concept(args, proposal):
    from termbase.extraction.adding import pair_concept

    return pair_concept((args.source_lang, proposal.source),
                        (args.target_lang, proposal.target), args.subject,
                        [proposal.example.file])


def _add_aligned_from(args) -> int:
    from termbase.extraction.adding import pair_concept
    from termbase.extraction.review import read_marked

    numbered = []
    for line, row in read_marked(args.add_from, ("source", "target")):
        source = (row.get("from") or args.source_lang, row["source"])
        target = (row.get("to") or args.target_lang, row["target"])
        sources = [row["file"]] if row.get("file") else []
        numbered.append((line, pair_concept(source, target, args.subject, sources)))
    return _import(args, numbered, f"align --add-from {args.add_from.name}")


def _render_proposals(args, pairs, shown) -> None:
    heading = (f"{len(shown)} translation proposals {args.source_lang} -> {args.target_lang} "
               f"from {len(pairs)} segment pairs")
    if is_tty():
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
    print(heading)
    for number, p in enumerate(shown, 1):
        print(f"{number:3}  {p.score:5.1f}  {for_terminal(p.source)} = "
              f"{for_terminal(p.target)}  (shared {p.cooccurrences}, "
              f"cognate {p.cognate:.2f}{', known' if p.known else ''})")
        print(f"       {for_terminal(p.example.file)}:{p.example.line}: "
              f"{for_terminal(p.example.source)}")
        print(f"       {' ' * len(for_terminal(p.example.file))}  "
              f"{' ' * len(str(p.example.line))} {for_terminal(p.example.target)}")


# -- choosing and adding ---------------------------------------------------------------------
def _add_chosen(args, numbered_concepts, verb: str) -> None:
    """Ask which rows to add ("1-3,7"), then add them as one batch."""
    from termbase.extraction.review import parse_selection

    if not numbered_concepts:
        print("nothing to add")
        return
    count = len(numbered_concepts)
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
    _import(args, [(n + 1, numbered_concepts[n][1]) for n in chosen],
            f"{verb} --add ({len(chosen)} chosen)")


def _ask(prompt: str) -> str:
    """A line from the user: a prompt on a terminal, else the next line of stdin."""
    if sys.stdin.isatty():
        try:
            return input(prompt)
        except EOFError:
            return ""
    return sys.stdin.readline()


def _import(args, numbered, command: str) -> int:
    from termbase.extraction.adding import add_concepts

    if not numbered:
        print("no rows marked for adding; nothing changed")
        return 0
    tb = open_termbase(args)
    report = add_concepts(tb.store, numbered, command)
    if args.json:
        print_json(report.to_json())
        return 0
    if not (report.added or report.merged):
        print(f"nothing changed: all {report.unchanged} already in the termbase")
        return 0
    print(f"added {report.added} concept(s), merged {report.merged} into existing ones "
          f"({report.unchanged} unchanged) in batch {report.batch}; "
          f"undo with `termbase undo {report.batch}`")
    return 0
