"""The column layout shared by CSV, TSV and XLSX: rows <-> concepts.

Header cells name languages by code (`pl`, `lt`, `en`, also `pl-LT` for a regional term) and
fields as `<field>_<lang>` for term fields (`status_pl`, `note_lt`, `forms_pl` ...) or plain
names for concept fields (`id`, `subject`, `definition_en`, `note`, `source`). A concept with
synonyms takes several rows that share its `id`; without an `id` column each row is a concept.
Lists (forms, sources) are separated by ` | `, with `|` inside a value escaped (`cells`);
kept-as-is fields (`kept_pl`, `kept`) list `key = value` items the same way. Status, type,
part of speech and gender cells go through the data-category table (`datacats`).
Headers written by other tools (language names, a long file of pairs, none at all, an
explicit --columns map) are understood by `headers`; `choose_layout` picks the reading.

The writer produces exactly what the reader reads, so export -> import round-trips.
"""

from __future__ import annotations

import itertools
import re
from typing import Iterable, Iterator

from termbase.formats.base import Entry, FormatError, ReadOptions
from termbase.formats import datacats, headers
from termbase.formats.cells import LIST_SEP, join_list, split_list  # noqa: F401
from termbase.formats.records import concept_entry
from termbase.model import Concept, Term, ValidationError, split_lang_tag

TERM_FIELDS = ("status", "type", "pos", "gender", "region", "context", "source", "note",
               "forms", "context_source", "kept", "process")
CONCEPT_FIELDS = ("id", "subject", "note", "source", "created", "modified", "created_by",
                  "modified_by", "kept")
KEPT_SEP = " = "      # a kept field in a cell: `termNote reliabilityCode = 3 | ...`
# term fields whose values go through the data-category table, and their TBX category
TABLE_FIELDS = {"status": "administrativeStatus", "type": "termType",
                "pos": "partOfSpeech", "gender": "grammaticalGender",
                "process": "processStatus"}
_MODEL_VALUES = {field: frozenset(values) for field, values in datacats.CANONICAL.items()}


def decode(field: str, value: str):
    """A cell's text as the model field holds it (lists and kept fields)."""
    if field == "forms":
        return split_list(value)
    if field == "kept":
        pairs = (item.partition(KEPT_SEP) for item in split_list(value))
        return {key.strip(): text.strip() for key, sep, text in pairs if sep}
    return value


def encode(field: str, value) -> str:
    if field == "forms":
        return join_list(value)
    if field == "kept":
        return join_list(f"{key}{KEPT_SEP}{text}" for key, text in value.items())
    return value
DEFINITION_FIELDS = ("definition", "definition_source")
MEMOQ_PREFIX = "memoq_"  # export-only columns; the reader skips them
_LANG_TAG = headers._HEADER_TAG
_FIELD_COL = re.compile(r"^(?P<field>[a-z_]+?)_(?P<lang>[A-Za-z]{2,3}"
                        r"(?:[-_](?:[A-Za-z]{2}|[A-Za-z]{4}|\d{3}))*)$")


class NoLanguageColumn(FormatError):
    """The first row names no language: a file without a header, or one to map."""


def _check_meanings(meanings: list[str]) -> None:
    """Refuse --columns values that name no language and no field."""
    unknown = Layout(meanings, require_language=False).ignored
    if unknown:
        raise headers.BadColumnsOption(
            f"--columns: {', '.join(map(repr, unknown))} "
            f"{'names' if len(unknown) == 1 else 'name'} no language or field "
            "(use a code such as pl, lt, en-GB, a field such as note, or - to skip a column)")


class Layout:
    """What each column of a header means."""

    def __init__(self, header: list[str], require_language: bool = True):
        self.header = [h.strip() for h in header]
        self.lang_cols: dict[int, tuple[str, str]] = {}        # col -> (lang, region)
        self.term_cols: dict[int, tuple[str, str]] = {}        # col -> (field, lang tag)
        self.definition_cols: dict[int, tuple[str, str]] = {}  # col -> (field, lang)
        self.concept_cols: dict[int, str] = {}                 # col -> field
        self.ignored: list[str] = []
        self.read_as: list[str] = []          # header cells understood by name, for the report
        self.warnings: list[str] = []         # of the row just read
        self._field_cache: dict[tuple[str, str], dict[str, int]] = {}
        problems = []
        for col, name in enumerate(self.header):
            lower = name.lower()
            if not name or lower.startswith(MEMOQ_PREFIX):
                continue
            if lower in CONCEPT_FIELDS or lower in ("sources", "definition"):
                self.concept_cols[col] = {"sources": "source"}.get(lower, lower)
                continue
            match = _FIELD_COL.match(name)
            if match and match["field"].lower() in TERM_FIELDS + DEFINITION_FIELDS:
                try:
                    lang, region = split_lang_tag(match["lang"])
                except ValidationError as exc:
                    problems.append(f"column {col + 1} {name!r}: {exc}")
                    continue
                if match["field"].lower() in DEFINITION_FIELDS:
                    self.definition_cols[col] = (match["field"].lower(), lang)
                else:
                    self.term_cols[col] = (match["field"].lower(), region or lang)
                continue
            if _LANG_TAG.match(name):
                try:
                    self.lang_cols[col] = split_lang_tag(name)
                except ValidationError as exc:
                    if len(re.split("[-_]", name)[0]) == 3:    # a word, not a language
                        self.ignored.append(name)
                    else:
                        problems.append(f"column {col + 1} {name!r}: {exc}")
                continue
            named = headers.language_column(name)
            if named:
                self.lang_cols[col] = split_lang_tag(named)
                self.read_as.append(f"{name!r} = {named}")
                continue
            self.ignored.append(name)
        if problems:
            shown = "; ".join(problems[:3])
            if len(problems) > 3:
                shown += f"; and {len(problems) - 3} more"
            raise FormatError("bad header: " + shown, line=1)
        if require_language and not self.lang_cols:
            raise NoLanguageColumn(
                "the header names no language column (expected columns such as pl, lt, en "
                f"or Polish, Lietuvių); found: {', '.join(self.header[:8]) or 'nothing'}. "
                "For a file without a header give --from and --to; else map the columns "
                "with --columns", line=1)

    def row_to_concept(self, cells: list[str], options: ReadOptions) -> tuple[str, Concept]:
        """The concept one row describes, and the key that groups rows of one concept."""
        get = lambda col: cells[col].strip() if col < len(cells) and cells[col] else ""  # noqa: E731
        concept = Concept()
        for col, field in self.concept_cols.items():
            value = get(col)
            if not value:
                continue
            if field == "source":
                concept.sources = split_list(value)
            elif field == "definition":
                concept.definition["en"] = value
            else:
                setattr(concept, field, decode(field, value))
        for col, (field, lang) in self.definition_cols.items():
            if get(col):
                target = concept.definition if field == "definition" else \
                    concept.definition_sources
                target[lang] = get(col)
        for col, (lang, region) in self.lang_cols.items():
            text = get(col)
            if not text:
                continue
            term = Term(lang=lang, text=text, region=region)
            for field, fcol in self._field_columns(region or lang, lang).items():
                value = get(fcol)
                if not value:
                    continue
                if field in TABLE_FIELDS and value not in _MODEL_VALUES[field]:
                    # a vendor's spelling ("Forbidden", "Noun"): mapped, original kept
                    category = TABLE_FIELDS[field]
                    warning = datacats.take(term, category, value, f"termNote {category}")
                    if warning:
                        self.warnings.append(f"{term.text}: {warning}")
                    continue
                setattr(term, field, decode(field, value))
            concept.terms.append(term)
        return concept.id, concept

    def _field_columns(self, tag: str, lang: str) -> dict[str, int]:
        """Field columns for a term column: `status_pl` serves `pl` and `pl-LT`, unless a
        `status_pl-LT` column exists for the regional one."""
        cached = self._field_cache.get((tag, lang))
        if cached is not None:
            return cached
        chosen: dict[str, int] = self._field_cache.setdefault((tag, lang), {})
        for col, (field, field_tag) in self.term_cols.items():
            if field_tag.lower() == tag.lower():
                chosen[field] = col
            elif field_tag.lower() == lang and field not in chosen:
                chosen[field] = col
        return chosen


class PairLayout:
    """A file with one pair per row whose languages are cells of the row (TICO-19:
    id, sourceLang, targetLang, sourceString, targetString)."""

    def __init__(self, header: list[str], roles: dict[str, int]):
        self.header = header
        self.roles = roles
        keys = [h.strip().lower() for h in header]
        self.id_col = keys.index("id") if "id" in keys else None
        used = set(roles.values()) | {self.id_col}
        self.ignored = [h for i, h in enumerate(header) if i not in used and h.strip()]
        self.read_as = ["one pair per row: the languages named in "
                        f"{header[roles['source_lang']]!r} and {header[roles['target_lang']]!r}"]

    def row_to_concept(self, cells: list[str], options: ReadOptions) -> tuple[str, Concept]:
        def get(col: int | None) -> str:
            return cells[col].strip() if col is not None and col < len(cells) else ""

        concept = Concept(id=get(self.id_col))
        for lang_role, text_role in (("source_lang", "source"), ("target_lang", "target")):
            text = get(self.roles[text_role])
            if text:
                concept.terms.append(_term_in(get(self.roles[lang_role]), text))
        return concept.id, concept


def _term_in(tag: str, text: str) -> Term:
    """A term in the language a cell names; a bad tag is left for validation to report."""
    try:
        lang, region = split_lang_tag(tag)
    except ValidationError:
        return Term(lang=tag, text=text)
    return Term(lang=lang, text=text, region=region)


def choose_layout(rows: Iterator[tuple[int, list[str]]], options: ReadOptions):
    """(layout, rows still to read, line of the first row). The first row is a header the
    termbase understands, a long file of pairs, or with --columns / --from --to a file
    whose first row is already data."""
    try:
        first_line, first = next(rows)
    except StopIteration:
        raise FormatError("the file is empty") from None
    again = itertools.chain([(first_line, first)], rows)
    if getattr(options, "columns", None):
        header, has_header = headers.explicit(options.columns, first)
        _check_meanings(headers.explicit_meanings(options.columns))
        layout = Layout(header)
        layout.read_as = [f"--columns: {', '.join(h or '-' for h in header)}"]
        return layout, (rows if has_header else again), first_line
    roles = headers.long_format(first)
    if roles:
        return PairLayout(first, roles), rows, first_line
    from_to = bool(options.source_lang and options.target_lang) and len(first) in (2, 3)
    if from_to and headers.source_and_target(first):
        return _from_to(options, len(first), "header " + ", ".join(first)), rows, first_line
    try:
        layout = Layout(first)
    except NoLanguageColumn:
        if not from_to:
            raise
        return _from_to(options, len(first), "no header"), again, first_line
    if from_to and not _names_both(layout, options) and not _all_tags(first):
        # `polish,polerować`: language-like words in a pair's first row, not a header
        return _from_to(options, len(first), "no header (the first row does not name "
                        f"{options.source_lang} and {options.target_lang})"), again, first_line
    return layout, rows, first_line


def _from_to(options: ReadOptions, width: int, why: str) -> Layout:
    """The layout --from/--to give a file of two or three columns: source, target, note."""
    layout = Layout([options.source_lang, options.target_lang, "note"][:width])
    layout.read_as = [f"{why}: columns read as " + ", ".join(layout.header)
                      + " (from --from/--to)"]
    return layout


def _all_tags(row: list[str]) -> bool:
    """A row of language codes only (`pl,lt`) is a header whatever --from/--to say: no
    term pair is two bare codes."""
    return all(_LANG_TAG.match(cell.strip()) for cell in row if cell.strip())


def _names_both(layout: Layout, options: ReadOptions) -> bool:
    """Whether a header's language columns include the --from and the --to language."""
    named = {lang for lang, _ in layout.lang_cols.values()}
    wanted = set()
    for tag in (options.source_lang, options.target_lang):
        try:
            wanted.add(split_lang_tag(tag)[0])
        except ValidationError:
            return True       # a bad --from/--to is reported where it is used
    return wanted <= named


def read_rows(rows: Iterator[tuple[int, list[str]]], options: ReadOptions) -> Iterator[Entry]:
    """Turn (line number, cells) rows into concepts; rows sharing an id form one concept."""
    layout, rows, first_line = choose_layout(rows, options)
    if layout.read_as:
        yield Entry(first_line, warning="column mapping: " + "; ".join(layout.read_as))
    if layout.ignored:
        yield Entry(first_line, warning="ignored columns: " + ", ".join(layout.ignored))
    # Streamed: a concept is passed on as soon as a row with another id follows. Rows of
    # one id are normally adjacent; a later stray row of an id already passed on is yielded
    # as a continuation, which the importer folds into that concept.
    current: tuple[int, str, Concept, list[str]] | None = None
    passed_on: dict[str, bool] = {}
    for line, cells in rows:
        if not any(c.strip() for c in cells if c):
            continue
        if len(cells) > len(layout.header) and any(c.strip() for c in cells[len(layout.header):]):
            yield Entry(line, error=f"{len(cells)} cells but the header has "
                                    f"{len(layout.header)} columns")
            continue
        layout.warnings = []
        key, concept = layout.row_to_concept(cells, options)
        if not concept.terms:
            yield Entry(line, error="no term in any language column")
            continue
        if key and current is not None and key == current[1]:
            current[2].absorb(concept)
            current[3].extend(layout.warnings)
            continue
        if current is not None:
            yield from _pass_on(current, passed_on, options)
        current = (line, key, concept, layout.warnings)
    if current is not None:
        yield from _pass_on(current, passed_on, options)


def _pass_on(group: tuple[int, str, Concept, list[str]], seen: dict[str, bool],
             options: ReadOptions) -> Iterator[Entry]:
    """The entry for one block of rows. `seen` maps each id passed on to whether its first
    block was valid: a later block of a refused concept is refused too, and a later block
    does not get the default subject and source again."""
    line, key, concept, warnings = group
    continues = bool(key) and key in seen
    if continues and not seen[key]:
        yield Entry(line, error=f"a further row of concept {key!r}, whose first rows are "
                                "invalid")
        return
    entry = concept_entry(line, concept, options, "; ".join(warnings) or None,
                          defaults=not continues)
    if entry is None:
        return
    entry.continues = continues
    if key and not continues:
        seen[key] = entry.error is None
    yield entry


# concept-level columns after the definitions, in this order
_TAIL_FIELDS = ("note", "source", "created", "modified", "created_by", "modified_by", "kept")


def header_for(concepts: Iterable[Concept], langs: list[str] | None, with_forms: bool = False
               ) -> tuple[list[str], list[str]]:
    """(languages in order, header) covering every field the concepts use. With
    `with_forms`, a `memoq_<lang>` column gives each term in memoQ's stem notation. One pass
    that keeps only what is used, so the concepts can be streamed from the store."""
    term_fields: set[tuple[str, str]] = set()        # (field, language) some term fills
    def_langs_seen: set[str] = set()
    def_source_langs: set[str] = set()
    concept_fields: set[str] = set()
    for concept in concepts:
        for term in concept.terms:
            term_fields.add(("", term.lang))
            term_fields.update((f, term.lang) for f in TERM_FIELDS if getattr(term, f))
        def_langs_seen.update(concept.definition)
        def_source_langs.update(concept.definition_sources)
        concept_fields.update(f for f in _TAIL_FIELDS
                              if getattr(concept, "sources" if f == "source" else f))
    present = sorted({lang for _, lang in term_fields})
    order = [l for l in (langs or ["pl", "lt", "en"]) if l in present or langs]
    order += [] if langs else [l for l in present if l not in order]
    def_langs = [l for l in order if l in def_langs_seen]
    def_langs += sorted(def_langs_seen - set(order) - set(def_langs))
    header = ["id", "subject"] + order
    header += [f"{f}_{l}" for l in order for f in TERM_FIELDS if (f, l) in term_fields]
    if with_forms:
        header += [f"{MEMOQ_PREFIX}{l}" for l in order]
    header += [f"definition_{l}" for l in def_langs]
    header += [f"definition_source_{l}" for l in def_langs if l in def_source_langs]
    header += [f for f in _TAIL_FIELDS if f in concept_fields]
    return order, header



def concept_rows(concept: Concept, header: list[str], langs: list[str]) -> Iterator[list[str]]:
    """One row per synonym rank: row k holds the k-th term of every language."""
    by_lang = {lang: concept.terms_in(lang) for lang in langs}
    depth = max((len(terms) for terms in by_lang.values()), default=0)
    for rank in range(depth):
        row = []
        for name in header:
            if rank and name not in langs and "_" not in name and name != "id":
                row.append("")
                continue
            row.append(_cell(concept, name, rank, by_lang))
        yield row


def _cell(concept: Concept, name: str, rank: int, by_lang: dict[str, list[Term]]) -> str:
    if name in by_lang:
        terms = by_lang[name]
        return terms[rank].text if rank < len(terms) else ""
    if name == "source":
        return join_list(concept.sources) if rank == 0 else ""
    if name in CONCEPT_FIELDS:
        return encode(name, getattr(concept, name)) if rank == 0 or name == "id" else ""
    if name.startswith(MEMOQ_PREFIX):
        from termbase.text.inflect import stem_marked

        terms = by_lang.get(name[len(MEMOQ_PREFIX):], [])
        return stem_marked(terms[rank].text, terms[rank].lang) if rank < len(terms) else ""
    field, _, lang = name.rpartition("_")
    if field in DEFINITION_FIELDS:
        held = concept.definition if field == "definition" else concept.definition_sources
        return held.get(lang, "") if rank == 0 else ""
    terms = by_lang.get(lang, [])
    if rank >= len(terms):
        return ""
    return encode(field, getattr(terms[rank], field))
