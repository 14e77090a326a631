"""Commands used segment by segment: suggest, check, concordance, shell."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from termbase.cli import UsageError, open_termbase
from termbase.cli.output import console, is_tty, print_json, status_mark, styled_terms
from termbase.cli.terms import check_langs


def register(subparsers, common) -> None:
    p = subparsers.add_parser("suggest", parents=[common], help="terms and memory matches for a segment",
                              description="Show every termbase term in a source segment (any "
                              "inflected form) with its target equivalents, and fuzzy matches "
                              "from the translation memory. SEGMENT '-' or none reads stdin, "
                              "one segment per line.")
    p.add_argument("segment", nargs="*", help="source text, or - for stdin")
    _pair_options(p)
    p.add_argument("--memory", type=int, default=5, metavar="N", help="memory matches to show")
    p.add_argument("--min-score", type=float, default=50, help="lowest memory score shown")
    _variant_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per segment")
    p.set_defaults(handler=cmd_suggest)

    p = subparsers.add_parser("check", parents=[common], help="term QA of a bilingual file",
                              description="Report segments whose translation lacks a term's "
                              "target equivalent, or uses a deprecated or forbidden term. "
                              "Exit 0 when clean, 1 when issues are found.")
    p.add_argument("file", type=Path, help="TMX, XLIFF 1.2/2.x, or two-column TSV")
    _pair_options(p)
    _variant_option(p)
    p.add_argument("--accept", type=Path, metavar="FILE",
                   help="accept list: TSV of kind, concept_id, segment key (or *) per line")
    p.add_argument("--report", type=Path, metavar="FILE",
                   help="also write the flags as .csv or XLIFF 1.2 (.xlf) for a CAT tool")
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    p.set_defaults(handler=cmd_check)

    p = subparsers.add_parser("concordance", parents=[common], help="search the memory for a word",
                              description="Memory segments containing a word or phrase in any "
                              "inflected form, with their translations.")
    p.add_argument("phrase", nargs="+")
    p.add_argument("--lang", required=True, help="language of the phrase")
    p.add_argument("--to", help="show only this target language")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_concordance)

    p = subparsers.add_parser("shell", parents=[common], help="interactive lookups and suggestions",
                              description="An interactive prompt for the translator's open "
                              "terminal: type a word for a lookup, a sentence for suggestions. "
                              ":from LANG, :to LANG, :help, :quit.")
    _pair_options(p)
    p.set_defaults(handler=cmd_shell)


def _pair_options(p) -> None:
    p.add_argument("--from", dest="source_lang", required=True, help="source language")
    p.add_argument("--to", dest="target_lang", required=True, help="target language")


def _variant_option(p) -> None:
    p.add_argument("--variant", metavar="TAG", help="regional variety of the text, e.g. pl-PL "
                   "or pl-LT (default: `variant` in the config file)")


def _read_stdin_lines() -> list[str]:
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from termbase.model import ValidationError

        raise ValidationError(f"standard input is not valid UTF-8 (byte {exc.start})") from None
    return [line for line in text.splitlines() if line.strip()]


def _segments(args) -> list[str]:
    if not args.segment or args.segment == ["-"]:
        if sys.stdin.isatty() and not args.segment:
            raise UsageError("give a segment, or pipe segments on standard input")
        return _read_stdin_lines()
    return [" ".join(args.segment)]


def _check_segment_text(segment: str) -> None:
    from termbase.model import ValidationError, has_control_chars

    if has_control_chars(segment, allow_newlines=True):
        raise ValidationError("the segment contains control characters")


def cmd_suggest(args) -> int:
    from termbase.config import default_variant
    from termbase.suggest import suggest

    check_langs([args.source_lang, args.target_lang])
    variant = default_variant(args.variant)
    segments = _segments(args)
    index = open_termbase(args).index
    for segment in segments:
        _check_segment_text(segment)
        result = suggest(index, segment, args.source_lang, args.target_lang,
                         args.memory, args.min_score, variant)
        if args.json:
            if len(segments) == 1:
                print_json(result)
            else:
                print(json.dumps(result, ensure_ascii=False))
        elif is_tty():
            render_suggestion_rich(result)
        else:
            render_suggestion_plain(result)
    return 0


def render_suggestion_plain(result: dict) -> None:
    print(result["segment"])
    for hit in result["terms"]:
        targets = "; ".join(e["term"] + status_mark(e["status"]) +
                            (f" [{e['region']}]" if e.get("region") else "")
                            for e in hit["equivalents"]) or "(no equivalent)"
        print(f"  {hit['start']}-{hit['end']} {hit['text']} = {hit['term']} "
              f"({hit['concept_id']}, {hit['match']}) -> {targets}")
        for key in ("source_note", "note"):
            if hit.get(key):
                print(f"      note: {hit[key]}")
        for equivalent in hit["equivalents"]:
            if equivalent.get("note"):
                print(f"      {equivalent['term']}: {equivalent['note']}")
    for match in result["memory"]:
        print(f"  memory {match['score']:g}%: {match['source']}")
        print(f"      -> {match['target']}")
    if not result["terms"] and not result["memory"]:
        print("  (no terms, no memory matches)")


def render_suggestion_rich(result: dict) -> None:
    from rich.table import Table
    from rich.text import Text

    from termbase.index.memory import word_diff

    out = console()
    segment = Text(result["segment"])
    for hit in result["terms"]:
        segment.stylize("bold underline cyan", hit["start"], hit["end"])
    out.print(segment)
    if result["terms"]:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
        table.add_column("in segment")
        table.add_column(f"term ({result['from']})")
        table.add_column(f"{result['to']}")
        table.add_column("note", overflow="fold", max_width=48)
        for hit in result["terms"]:
            targets = styled_terms(hit["equivalents"], with_notes=False)
            note = " ".join([hit.get(k, "") for k in ("source_note", "note")] + [
                f"{e['term']}: {e['note']}" for e in hit["equivalents"] if e.get("note")]).strip()
            table.add_row(hit["text"], f"{hit['term']} [dim]{hit['concept_id']}[/]",
                          targets, Text(note, style="yellow"))
        out.print(table)
    for match in result["memory"]:
        line = Text(f"{match['score']:>5g}% ", style="bold")
        for word, differs in word_diff(result["segment"], match["source"]):
            line.append(word + " ", style="reverse yellow" if differs else "")
        out.print(line)
        out.print(Text(f"       {match['target']}", style="green"))
    if not result["terms"] and not result["memory"]:
        out.print("[dim](no terms, no memory matches)[/]")


def cmd_check(args) -> int:
    from termbase.check import check_file
    from termbase.check_accept import AcceptList
    from termbase.check_report import describe, write_report
    from termbase.config import default_variant

    check_langs([args.source_lang, args.target_lang])
    variant = default_variant(args.variant)
    accepted = AcceptList.load(args.accept) if args.accept else None
    index = open_termbase(args).index
    report = check_file(index, args.file, args.source_lang, args.target_lang, variant, accepted)
    if args.report:
        write_report(report, args.report)
    if args.json:
        print_json(report)
    else:
        for issue in report["issues"]:
            print(f"{args.file}:{issue['line']}: {issue['kind']}: {describe(issue)} "
                  f"[{issue['segment']}]")
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(report["counts"].items()))
        print(f"{report['segments']} segments checked, {len(report['issues'])} issue(s)"
              + (f": {counts}" if counts else ""))
    return 1 if report["issues"] else 0


def cmd_concordance(args) -> int:
    from termbase.concordance import concordance

    check_langs([args.lang] + ([args.to] if args.to else []))
    phrase = " ".join(args.phrase)
    index = open_termbase(args).index
    results = concordance(index, phrase, args.lang, args.to, args.limit)
    if args.json:
        print_json({"query": phrase, "lang": args.lang, "results": results})
        return 0
    if not results:
        print(f"no memory segment contains {phrase!r}")
    for r in results:
        text = r["text"]
        marked = f"{text[:r['start']]}[{text[r['start']:r['end']]}]{text[r['end']:]}"
        print(f"{r['segment']}: {marked}")
        for lang, translation in r["translations"].items():
            print(f"    {lang}: {translation}")
    return 0


def cmd_shell(args) -> int:
    from termbase.shell import Shell

    check_langs([args.source_lang, args.target_lang])
    return Shell(open_termbase(args), args.source_lang, args.target_lang).run()
