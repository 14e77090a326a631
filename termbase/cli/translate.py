"""Commands used segment by segment: suggest, check, concordance, shell."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from termbase.cli import UsageError, open_layers, open_termbase
from termbase.cli.output import print_json
from termbase.cli.render import show_suggestion
from termbase.cli.terms import check_langs, check_tags
from termbase import for_terminal as visible
from termbase.cli.variant_choice import chosen_variant


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
    p.add_argument("--ignore-provisional", action="store_true",
                   help="terms not yet reviewed (from extract, align or an import marked "
                        "provisional) neither raise nor satisfy a check")
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
                              ":from LANG, :to LANG, :variant TAG, :subject NAME, "
                              ":add TERM = TARGET (:add! keeps an inflected TERM as written), "
                              ":check TRANSLATION, :accept [N], "
                              ":history, :help, :quit.")
    _pair_options(p)
    _variant_option(p)
    p.add_argument("--accept", type=Path, metavar="FILE",
                   help="the project's accept list (as for check --accept): :check leaves "
                        "its flags out, :accept adds to it")
    p.set_defaults(handler=cmd_shell)


def _pair_options(p) -> None:
    p.add_argument("--from", dest="source_lang", required=True, help="source language")
    p.add_argument("--to", dest="target_lang", required=True, help="target language")


def _variant_option(p) -> None:
    p.add_argument("--variant", metavar="TAG", help="regional variety of the text, e.g. pl-PL "
                   "or pl-LT; none for no variety (default: `variant` in the config file)")


def _read_stdin_lines() -> list[str]:
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from termbase import InvalidInput

        raise InvalidInput(f"standard input is not valid UTF-8 (byte {exc.start})") from None
    lines = text.splitlines()
    _refuse_control_chars(lines)
    return [line for line in lines if line.strip()]


def _refuse_control_chars(lines: list[str]) -> None:
    """Before any output: one bad line of a long batch is named, not met halfway through."""
    from termbase import InvalidInput, has_control_chars

    for number, line in enumerate(lines, 1):
        if has_control_chars(line):
            raise InvalidInput(f"standard input line {number} contains control characters "
                               "(a tab or a code); nothing was looked up")


def _segments(args) -> list[str]:
    if not args.segment or args.segment == ["-"]:
        if sys.stdin.isatty() and not args.segment:
            raise UsageError("give a segment, or pipe segments on standard input")
        return _read_stdin_lines()
    segment = " ".join(args.segment)
    if not segment.strip():
        raise UsageError("the segment is empty: give the text to find terms in")
    return [segment]


def cmd_suggest(args) -> int:
    check_langs([args.source_lang, args.target_lang])
    if args.memory < 0:
        raise UsageError("--memory must be 0 (no memory matches) or more")
    if not 0 <= args.min_score <= 100:
        raise UsageError("--min-score must be between 0 and 100")
    segments = _segments(args)
    tb = open_layers(args)
    variant = chosen_variant(tb, args.variant)
    shown_notes: set = set()  # a batch prints each note once
    for segment in segments:
        result = tb.suggest(segment, args.source_lang, args.target_lang, memory=args.memory,
                            min_score=args.min_score, variant=variant)
        if args.json:
            if len(segments) == 1:
                print_json(result.to_json())
            else:
                print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            show_suggestion(result, shown_notes)
    return 0


def cmd_check(args) -> int:
    check_tags(args.source_lang, args.target_lang)
    tb = open_layers(args)
    report = tb.check(args.file, args.source_lang, args.target_lang,
                      variant=chosen_variant(tb, args.variant), accept=args.accept,
                      ignore_provisional=args.ignore_provisional)
    if args.report:
        tb.write_check_report(report, args.report)
    if args.json:
        print_json(report.to_json())
    else:
        for issue in report.issues:
            layer = f", {visible(issue.layer)}" if issue.layer else ""
            print(f"{args.file}:{issue.line}: {issue.kind}: {issue.describe()} "
                  f"[{issue.segment}{layer}]")
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(report.counts.items()))
        print(f"{report.segments} segments checked, {len(report.issues)} issue(s)"
              + (f": {counts}" if counts else ""))
    return 0 if report.ok else 1


def cmd_concordance(args) -> int:
    check_langs([args.lang] + ([args.to] if args.to else []))
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    phrase = " ".join(args.phrase)
    found = open_termbase(args).concordance(phrase, args.lang, to=args.to, limit=args.limit)
    if args.json:
        print_json(found.to_json())
        return 0
    if not found.results:
        print(f"no memory segment contains {phrase!r}")
    for r in found.results:
        marked = f"{r.text[:r.start]}[{r.text[r.start:r.end]}]{r.text[r.end:]}"
        print(f"{r.segment}: {marked}")
        for lang, translation in r.translations.items():
            print(f"    {lang}: {translation}")
    return 0


def cmd_shell(args) -> int:
    from termbase.cli.shell import Shell

    check_langs([args.source_lang, args.target_lang])
    tb = open_layers(args)
    tb.require_languages([args.source_lang, args.target_lang], memory=True)
    return Shell(tb, args.source_lang, args.target_lang, chosen_variant(tb, args.variant),
                 args.accept).run()
