"""Commands on concepts: lookup, show, add, edit, delete, stats."""

from __future__ import annotations

import argparse

from termbase.cli import UsageError, open_layers, open_termbase
from termbase import for_terminal as visible
from termbase.cli.variant_choice import chosen_variant
from termbase.cli.output import print_json
from termbase.cli.render import show_matches
from termbase.cli.writes import print_written, split_notes


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
                   "e.g. pl-PL or pl-LT; none for no variety (default: `variant` in the config "
                   "file)")
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
    p.add_argument("--subject", help="one the termbase knows (a typo is refused with the "
                   "close known subjects); a new one needs --new-subject")
    p.add_argument("--new-subject", action="store_true",
                   help="accept a --subject the termbase does not use yet")
    from termbase import STATUSES

    p.add_argument("--status", choices=STATUSES,
                   help="status of the terms this command adds (default: the first in a "
                   "language preferred, later ones admitted)")
    p.add_argument("--set-status", action="append", default=[], metavar="LANG:TEXT=STATUS",
                   help="a term's status, e.g. pl:gmina=deprecated")
    p.add_argument("--set-process", action="append", default=[], metavar="LANG:TEXT=STATE",
                   help="a term's review state (TBX processStatus: unprocessed, "
                   "provisionallyProcessed, finalized), e.g. lt:globėjas=finalized")
    p.add_argument("--definition", action="append", default=[], metavar="[LANG:]TEXT",
                   help="definition (English unless prefixed, e.g. pl:...)")
    p.add_argument("--note", action="append", default=[], metavar="[LANG:]TEXT",
                   help="the concept's note; LANG:TEXT (repeatable) is a note on this "
                   "command's terms in LANG, else on the preferred one (a regional warning)")
    p.add_argument("--source", action="append", default=[])
    p.add_argument("--region", action="append", default=[], metavar="LANG:TERM=REGION",
                   help="regional usage of a term, e.g. pl:gmina=pl-LT")
    p.add_argument("--json", action="store_true")


def check_langs(*groups) -> None:
    """Language codes given on the command line are usage, so a bad one exits 2."""
    from termbase import InvalidInput, check_lang

    for group in groups:
        for code in group:
            try:
                check_lang(code)
            except InvalidInput as exc:
                raise UsageError(str(exc)) from None


def check_tags(*tags: str) -> None:
    """Where a command takes varieties too (--from pl-PL --to pl-LT), a malformed BCP 47
    tag is usage."""
    from termbase import InvalidInput as ValidationError, split_lang_tag

    for tag in tags:
        try:
            split_lang_tag(tag)
        except ValidationError as exc:
            raise UsageError(str(exc)) from None


def _split(value: str, sep: str, what: str) -> tuple[str, str]:
    left, found, right = value.partition(sep)
    if not found or not left.strip() or not right.strip():
        raise UsageError(f"expected {what}, got {value!r}")
    return left.strip(), right.strip()


def _term_ref(ref: str) -> tuple[str, str]:
    return _split(ref, ":", "LANG:TERM")


def _with_value(spec: str, what: str) -> tuple[str, str, str]:
    """LANG:TERM=VALUE -> (lang, term, value)."""
    ref, value = _split(spec, "=", f"LANG:TERM={what}")
    return (*_term_ref(ref), value)


def _concept_edit(args):
    """The options as a `ConceptEdit` (the rules of applying it are the service's)."""
    from termbase import ConceptEdit

    definitions = {}
    for spec in args.definition:
        lang, sep, text = spec.partition(":")
        if sep and len(lang) == 2:
            definitions[lang] = text.strip()
        else:
            definitions["en"] = spec
    extra_terms = [_term_ref(t) for t in args.term]
    note, term_notes = split_notes(args.note)
    check_langs([lang for lang, _ in extra_terms], term_notes)  # bad usage: exit 2
    return ConceptEdit(
        terms=[(lang, text) for lang in ("pl", "lt", "en") for text in getattr(args, lang)]
        + extra_terms,
        regions=[_with_value(spec, "REGION") for spec in args.region],
        subject=args.subject, definitions=definitions, note=note,
        sources=list(args.source),
        remove_terms=[_term_ref(ref) for ref in getattr(args, "remove_term", [])],
        statuses=[_with_value(spec, "STATUS") for spec in args.set_status],
        status=args.status, term_notes=term_notes,
        processes=[_with_value(spec, "STATE") for spec in args.set_process])


def cmd_lookup(args) -> int:
    from termbase import LookupResult

    query = " ".join(args.query)
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    targets = [t.strip() for t in args.to.split(",") if t.strip()] if args.to else None
    check_langs([args.lang] if args.lang else [], targets or [])
    tb = open_layers(args)
    matches = tb.lookup(query, lang=args.lang, to=targets, limit=args.limit,
                        fuzzy=not args.no_fuzzy, variant=chosen_variant(tb, args.variant))
    if args.json:
        print_json(LookupResult(query, matches).to_json())
    else:
        show_matches(query, matches)
    return 0


def cmd_show(args) -> int:
    concept = open_termbase(args).get(args.concept_id)
    if args.json:
        print_json(concept.to_dict())
        return 0
    _print_concept(concept)
    return 0


def _print_concept(concept) -> None:
    lines = [f"{concept.id}  {visible(concept.subject)}"]
    for lang, text in sorted(concept.definition.items()):
        lines.append(f"  definition ({lang}): {visible(text)}")
    if concept.note:
        lines.append(f"  note: {visible(concept.note)}")
    for lang in concept.languages:
        for term in concept.terms_in(lang):
            details = [term.status or "admitted"] + [
                f"{f}={getattr(term, f)}" for f in ("type", "pos", "gender", "region", "process")
                if getattr(term, f)]
            lines.append(f"  {lang}: {visible(term.text)}  ({', '.join(details)})")
            if term.note:
                lines.append(f"      note: {visible(term.note)}")
            if term.forms:
                lines.append(f"      forms: {visible(', '.join(term.forms))}")
    if concept.sources:
        lines.append(f"  sources: {visible(', '.join(concept.sources))}")
    lines.append(f"  created {concept.created} by {visible(concept.created_by or '?')}; "
                 f"modified {concept.modified} by {visible(concept.modified_by or '?')}")
    print("\n".join(lines))


def cmd_add(args) -> int:
    edit = _concept_edit(args)
    if not edit.terms:
        raise UsageError("give at least one term (--pl, --lt, --en or --term LANG:TERM)")
    tb = open_termbase(args)
    added = tb.add(edit, new_subject=args.new_subject)
    print_written(args, "added", added, tb.last_batch)
    return 0


def cmd_edit(args) -> int:
    tb = open_termbase(args)
    updated = tb.edit(args.concept_id, _concept_edit(args), new_subject=args.new_subject)
    print_written(args, "updated", updated, tb.last_batch)
    return 0


def cmd_delete(args) -> int:
    from termbase import Deleted

    tb = open_termbase(args)
    removed = Deleted(tb.delete(args.concept_id).id, tb.last_batch)
    if args.json:
        print_json(removed.to_json())
    else:
        print(f"deleted {removed.concept_id} (batch {removed.batch}; undo with "
              f"`termbase undo {removed.batch}` or `termbase undo last`)")
    return 0


def cmd_stats(args) -> int:
    stats = open_termbase(args).stats()
    if args.json:
        print_json(stats.to_json())
        return 0
    print(f"store: {visible(stats.store)} ({stats.engine})")
    print(f"concepts: {stats.concepts}  terms: {stats.terms}  "
          f"memory segments: {stats.memory_segments}  batches: {stats.batches}")
    print("terms per language: " + ", ".join(f"{k} {v}" for k, v in
                                              stats.terms_per_language.items()))
    for subject, count in stats.subjects.items():
        print(f"  {visible(subject)}: {count}")
    for hint in (stats.advice, stats.glossary_hint):
        if hint:
            print(f"hint: {visible(hint)}")
    return 0
