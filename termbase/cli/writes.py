"""What every command that writes one concept prints: the concept and its batch id."""

from __future__ import annotations

import re

from termbase.cli.output import print_json

_LANG_PREFIX = re.compile(r"^([a-z]{2}):(.*)$", re.S)


def split_notes(values: list[str]) -> tuple[str | None, dict[str, str]]:
    """--note values: the concept's note (the last plain one; None: none given) and the
    notes per language given as LANG:TEXT, LANG a two-letter ISO 639-1 code (so that a
    note such as "tip: ..." stays the concept's)."""
    from termbase import InvalidInput, check_lang

    note, per_lang = None, {}
    for value in values:
        found = _LANG_PREFIX.match(value)
        try:
            lang = check_lang(found.group(1)) if found else None
        except InvalidInput:
            lang = None
        if lang:
            per_lang[lang] = found.group(2).strip()
        else:
            note = value
    return note, per_lang


def print_written(args, verb: str, concept, batch: str) -> None:
    """`added c12 (batch ...; undo with ...)`, or the concept as JSON with a `batch` key
    ("" when the command changed nothing)."""
    if args.json:
        print_json({**concept.to_dict(), "batch": batch})
    elif batch:
        print(f"{verb} {concept.id} (batch {batch}; undo with `termbase undo {batch}`)")
    else:
        print(f"{concept.id}: nothing changed")


HISTORY_CONCEPTS_SHOWN = 5


def touched_lines(touched: dict) -> list[str]:
    """A batch's concepts for `history`: `c12: pl:asystent rodziny, lt:šeimos asistentas`,
    the first few, then how many more."""
    concepts = touched.get("concepts") or []
    lines = [f"{c['id']}: {', '.join(c.get('terms') or []) or '(no terms)'}"
             for c in concepts[:HISTORY_CONCEPTS_SHOWN]]
    more = touched.get("count", len(concepts)) - len(lines)
    if more > 0:
        lines.append(f"... and {more} more concept(s)")
    return lines
