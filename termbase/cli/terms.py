"""Commands on concepts: lookup, show, add, edit, delete, stats."""

from __future__ import annotations

import argparse

from termbase.cli import UsageError, open_termbase
from termbase.cli.output import console, is_tty, print_json, status_mark, styled_terms

TERM_FIELDS = ("status", "type", "pos", "gender", "region", "note")


def register(subparsers, common) -> None:
    p = subparsers.add_parser("lookup", parents=[common], help="find a term in any form",
                              description="Find concepts by a term in any inflected form, "
                              "with or without diacritics, with a typo, or by its beginning.")
    p.add_argument("query", nargs="+", help="word or phrase (quotes optional)")
    p.add_argument("--lang", help="language of the query (pl, lt, en); default: all")
    p.add_argument("--to", help="comma-separated target languages to show (default: all)")
    p.add_argument("--limit", type=int, default=10, help="at most N concepts (default 10)")
    p.add_argument("--no-fuzzy", action="store_true", help="no typo-tolerant matches")
    p.add_argument("--variant", metavar="TAG", help="regional variety whose terms come first, "
                   "e.g. pl-PL or pl-LT (default: `variant` in the config file)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_lookup)

    p = subparsers.add_parser("show", parents=[common], help="show one concept in full")
    p.add_argument("concept_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = subparsers.add_parser("add", parents=[common], help="add a concept",
                              description="Add a concept: one or more terms per language "
                              "(repeat --pl etc. for synonyms; the first is preferred).")
    _concept_options(p)
    p.set_defaults(handler=cmd_add)

    p = subparsers.add_parser("edit", parents=[common], help="change a concept",
                              description="Change a concept's fields; --pl etc. add terms, "
                              "--remove-term LANG:TEXT removes one.")
    p.add_argument("concept_id")
    _concept_options(p)
    p.add_argument("--remove-term", action="append", default=[], metavar="LANG:TEXT")
    p.add_argument("--set-status", action="append", default=[], metavar="LANG:TEXT=STATUS",
                   help="change a term's status, e.g. pl:gmina=deprecated")
    p.set_defaults(handler=cmd_edit)

    p = subparsers.add_parser("delete", parents=[common], help="delete a concept (undoable)")
    p.add_argument("concept_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_delete)

    p = subparsers.add_parser("stats", parents=[common], help="counts of the termbase")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)


def _concept_options(p: argparse.ArgumentParser) -> None:
    for lang in ("pl", "lt", "en"):
        p.add_argument(f"--{lang}", action="append", default=[], metavar="TERM",
                       help=f"{lang} term (repeatable)")
    p.add_argument("--term", action="append", default=[], metavar="LANG:TERM",
                   help="a term in any language, e.g. de:Sozialarbeiter")
    p.add_argument("--subject")
    p.add_argument("--definition", action="append", default=[], metavar="[LANG:]TEXT",
                   help="definition (English unless prefixed, e.g. pl:...)")
    p.add_argument("--note")
    p.add_argument("--source", action="append", default=[])
    p.add_argument("--region", action="append", default=[], metavar="LANG:TERM=REGION",
                   help="regional usage of a term, e.g. pl:gmina=pl-LT")
    p.add_argument("--json", action="store_true")


def check_langs(*groups) -> None:
    """Language codes given on the command line are usage, so a bad one exits 2."""
    from termbase.model import ValidationError, check_lang

    for group in groups:
        for code in group:
            try:
                check_lang(code)
            except ValidationError as exc:
                raise UsageError(str(exc)) from None


def _split(value: str, sep: str, what: str) -> tuple[str, str]:
    left, found, right = value.partition(sep)
    if not found or not left.strip() or not right.strip():
        raise UsageError(f"expected {what}, got {value!r}")
    return left.strip(), right.strip()


def _apply_options(concept, args) -> None:
    from termbase.model import Term

    new_terms = [(lang, text) for lang in ("pl", "lt", "en") for text in getattr(args, lang)]
    new_terms += [_split(t, ":", "LANG:TERM") for t in args.term]
    for lang, text in new_terms:
        has_lang = any(t.lang == lang for t in concept.terms)
        concept.terms.append(Term(lang=lang, text=text,
                                  status="admitted" if has_lang else "preferred"))
    for spec in args.region:
        ref, region = _split(spec, "=", "LANG:TERM=REGION")
        _find_term(concept, ref).region = region
    if args.subject is not None:
        concept.subject = args.subject
    for spec in args.definition:
        lang, sep, text = spec.partition(":")
        if sep and len(lang) == 2:
            concept.definition[lang] = text.strip()
        else:
            concept.definition["en"] = spec
    if args.note is not None:
        concept.note = args.note
    concept.sources += [s for s in args.source if s not in concept.sources]


def _find_term(concept, ref: str):
    lang, text = _split(ref, ":", "LANG:TERM")
    for term in concept.terms:
        if term.lang == lang and term.text == text:
            return term
    raise UsageError(f"concept {concept.id or '(new)'} has no {lang} term {text!r}")


def cmd_lookup(args) -> int:
    query = " ".join(args.query)
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    targets = [t.strip() for t in args.to.split(",") if t.strip()] if args.to else None
    check_langs([args.lang] if args.lang else [], targets or [])
    tb = open_termbase(args)
    from termbase.config import default_variant

    matches = tb.lookup(query, lang=args.lang, to=targets, limit=args.limit,
                        fuzzy=not args.no_fuzzy, variant=default_variant(args.variant))
    if args.json:
        print_json({"query": query, "matches": [m.to_json() for m in matches]})
    elif is_tty():
        _render_matches_rich(query, matches)
    else:
        _render_matches_plain(query, matches)
    return 0


def _render_matches_plain(query: str, matches) -> None:
    if not matches:
        print(f"no match for {query!r}")
        return
    for m in matches:
        print(f"{m.term} [{m.lang}] {m.match} {m.score:g}  ({m.concept_id}"
              f"{', ' + m.subject if m.subject else ''})")
        for lang, terms in m.equivalents.items():
            rendered = "; ".join(_plain_term(t) for t in terms) or "-"
            print(f"  {lang}: {rendered}")
        if m.definition.get("en"):
            print(f"  definition: {m.definition['en']}")
        if m.note:
            print(f"  note: {m.note}")


def _plain_term(entry: dict) -> str:
    text = entry["term"] + status_mark(entry.get("status", ""))
    if entry.get("region"):
        text += f" [{entry['region']}]"
    if entry.get("note"):
        text += f" - {entry['note']}"
    return text


def _render_matches_rich(query: str, matches) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    if not matches:
        out.print(f"no match for [bold]{query}[/]")
        return
    table = Table(show_header=True, header_style="bold", expand=False, show_lines=True)
    table.add_column("match", no_wrap=True)
    langs = []
    for m in matches:
        langs += [l for l in m.equivalents if l not in langs]
    for lang in langs:
        table.add_column(lang, overflow="fold")
    table.add_column("subject / definition", overflow="fold", max_width=50)
    for m in matches:
        head = Text(m.term, style="bold")
        head.append(f"\n{m.lang} · {m.match} {m.score:g}\n{m.concept_id}", style="dim")
        cells = [styled_terms(m.equivalents.get(lang, [])) for lang in langs]
        info = Text()
        info.append(m.subject or "", style="magenta")
        if m.definition.get("en"):
            info.append(("\n" if m.subject else "") + m.definition["en"])
        if m.note:
            info.append(f"\n⚠ {m.note}", style="yellow")
        table.add_row(head, *cells, info)
    out.print(table)


def cmd_show(args) -> int:
    concept = open_termbase(args).get(args.concept_id)
    if args.json:
        print_json(concept.to_dict())
        return 0
    _print_concept(concept)
    return 0


def _print_concept(concept) -> None:
    lines = [f"{concept.id}  {concept.subject}"]
    for lang, text in sorted(concept.definition.items()):
        lines.append(f"  definition ({lang}): {text}")
    if concept.note:
        lines.append(f"  note: {concept.note}")
    for lang in concept.languages:
        for term in concept.terms_in(lang):
            details = [term.status or "admitted"] + [
                f"{f}={getattr(term, f)}" for f in ("type", "pos", "gender", "region")
                if getattr(term, f)]
            lines.append(f"  {lang}: {term.text}  ({', '.join(details)})")
            if term.note:
                lines.append(f"      note: {term.note}")
            if term.forms:
                lines.append(f"      forms: {', '.join(term.forms)}")
    if concept.sources:
        lines.append(f"  sources: {', '.join(concept.sources)}")
    lines.append(f"  created {concept.created} by {concept.created_by or '?'}; "
                 f"modified {concept.modified} by {concept.modified_by or '?'}")
    print("\n".join(lines))


def cmd_add(args) -> int:
    from termbase.model import Concept

    concept = Concept()
    _apply_options(concept, args)
    if not concept.terms:
        raise UsageError("give at least one term (--pl, --lt, --en or --term LANG:TERM)")
    added = open_termbase(args).add(concept)
    if args.json:
        print_json(added.to_dict())
    else:
        print(f"added {added.id}")
    return 0


def cmd_edit(args) -> int:
    def change(concept) -> None:
        _apply_options(concept, args)
        for ref in args.remove_term:
            concept.terms.remove(_find_term(concept, ref))
        for spec in args.set_status:
            ref, status = _split(spec, "=", "LANG:TERM=STATUS")
            _find_term(concept, ref).status = status

    updated = open_termbase(args).edit(args.concept_id, change,
                                       command=f"edit {args.concept_id}")
    if args.json:
        print_json(updated.to_dict())
    else:
        print(f"updated {updated.id}")
    return 0


def cmd_delete(args) -> int:
    removed = open_termbase(args).delete(args.concept_id)
    if args.json:
        print_json({"deleted": removed.id})
    else:
        print(f"deleted {removed.id} (undo with `termbase undo` of the last batch in `termbase history`)")
    return 0


def cmd_stats(args) -> int:
    stats = open_termbase(args).stats()
    if args.json:
        print_json(stats)
        return 0
    print(f"store: {stats['store']}")
    print(f"concepts: {stats['concepts']}  terms: {stats['terms']}  "
          f"memory segments: {stats['memory_segments']}  batches: {stats['batches']}")
    print("terms per language: " + ", ".join(f"{k} {v}" for k, v in
                                              stats["terms_per_language"].items()))
    for subject, count in stats["subjects"].items():
        print(f"  {subject}: {count}")
    return 0
