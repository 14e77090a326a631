"""Importing files: validate everything first, then merge in one transaction (one batch).

All-or-nothing: any invalid record refuses the whole file with every problem listed by line,
unless `skip_invalid` is set, in which case the valid records go in and the rejects are
reported (and written to a file by the CLI). Merging:

* an incoming concept whose id, or any of whose terms (same language, same normalised text),
  is already in the store joins that concept and adds what is missing;
* an incoming term that differs from the target's terms in a language the target already
  has is a *conflict*: with `merge` it becomes a synonym (status admitted unless given),
  with `skip` it is reported and left out, with `new` the concept is added as a new one;
* exact duplicates are not doubled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from termbase import formats
from termbase.bulk import paused_gc
from termbase.errors import ImportRefused  # noqa: F401 - raised here, caught by faces
from termbase.formats.base import Entry, FormatError, ReadOptions
from termbase.model import Concept, Segment, Term
from termbase.results.changes import ImportReport
from termbase.segment_identity import KnownSegments, segment_key
from termbase.store import Store, Transaction
from termbase.text.display import bidi_controls
from termbase.text.normalize import norm

CONFLICT_MODES = ("merge", "skip", "new")


class _TermMap:
    """(language, normalised term) -> concept ids, kept current during the transaction.

    Concepts that the file itself declares distinct (rows with different ids) never merge
    with each other by a shared term: they are homonyms, e.g. Polish "gmina" as used in
    Lithuania and in Poland. They still merge with concepts already in the store.

    Sized for a million concepts: one table per language keyed by the normalised term
    (usually the term's own string), and a term that names a single concept (nearly all
    of them) maps to that id itself rather than to a list.
    """

    def __init__(self, concepts: Iterable[Concept], stored=None):
        self.by_lang: dict[str, dict[str, str | list[str]]] = {}
        self.declared: set[str] = set()        # ids of concepts this file added
        self.renamed: dict[str, str] = {}      # file id -> store id, where they differ
        # An engine that can find concepts by term (SQLite's index) is asked per term
        # instead of loading every concept: importing a few rows into a million costs
        # a few look-ups, not a full read.
        self.stored = stored
        for concept in concepts:
            self.add(concept)

    def add(self, concept: Concept) -> None:
        for term in concept.terms:
            terms = self.by_lang.setdefault(term.lang, {})
            key = norm(term.text)
            ids = terms.get(key)
            if ids is None:
                terms[key] = concept.id
            elif isinstance(ids, str):
                if ids != concept.id:
                    terms[key] = [ids, concept.id]
            elif concept.id not in ids:
                ids.append(concept.id)

    def ids(self, term: Term) -> list[str] | tuple[str, ...]:
        key = norm(term.text)
        found = self.by_lang.get(term.lang, {}).get(key, ())
        found = (found,) if isinstance(found, str) else found
        if self.stored is not None:
            stored = self.stored(term.lang, key)
            if stored:
                found = tuple(found) + tuple(cid for cid in stored if cid not in found)
        return found

    def targets(self, concept: Concept) -> list[str]:
        """Existing concepts sharing a term with `concept`, most shared terms first."""
        counts: dict[str, int] = {}
        for term in concept.terms:
            for cid in self.ids(term):
                if concept.id and cid in self.declared:
                    continue
                counts[cid] = counts.get(cid, 0) + 1
        return sorted(counts, key=lambda cid: -counts[cid])


def import_file(store: Store, path: Path, fmt_name: str | None = None,
                options: ReadOptions | None = None, on_conflict: str = "merge",
                dry_run: bool = False, skip_invalid: bool = False,
                progress: Callable[[int, int], None] | None = None,
                command: str = "import", batch: str | None = None) -> ImportReport:
    options = options or ReadOptions()
    path = Path(path)
    if on_conflict not in CONFLICT_MODES:
        raise ValueError(f"on_conflict must be one of {CONFLICT_MODES}")
    with paused_gc():
        return _import(store, path, fmt_name, options, on_conflict, dry_run, skip_invalid,
                       progress, command, batch)


def _import(store, path, fmt_name, options, on_conflict, dry_run, skip_invalid, progress,
            command, batch) -> ImportReport:
    """Stream the file into one transaction. Records are applied as they are read (so a
    million rows never sit in memory twice); if any record is invalid, the transaction is
    abandoned before anything is written - all problems are still collected and listed."""
    fmt = formats.detect(path, fmt_name)
    if not fmt.read:
        raise FormatError(f"{fmt.name} files can be exported but not imported")
    report = ImportReport(file=str(path), format=fmt.name, dry_run=dry_run)
    with store.transaction(command=f"{command} {path.name}", batch=batch,
                           dry_run=dry_run) as tx:
        report.batch = tx.batch
        applier = _Applier(tx, report, on_conflict, validated=True)
        lines = count_lines(path) if progress else None
        errors = applier.apply_entries(fmt.read(path, options), skip_invalid, progress, lines)
        if errors and not skip_invalid:
            raise ImportRefused(path, errors)  # leaves the transaction: nothing is written
        if not applier.done and not errors:
            raise FormatError(f"{path.name} contains no terms or segments")
        report.rejected = [{"line": line, "error": error} for line, error in errors]
        tx.summary = {k: getattr(report, k) for k in
                      ("file", "format", "added", "merged", "unchanged", "skipped",
                       "segments_added")}
        if not tx.changed:
            report.batch = ""  # nothing to write, so no batch is recorded to undo
    return report


def count_lines(path: Path, chunk: int = 1 << 20) -> int | None:
    """Lines in a text file (one quick pass), the scale of an import's progress bar; None
    for a zip container such as XLSX, whose records have no lines."""
    with open(path, "rb") as handle:
        if handle.read(2) == b"PK":
            return None
        handle.seek(0)
        count, last = 0, b""
        while block := handle.read(chunk):
            count += block.count(b"\n")
            last = block
    return count + (1 if last and not last.endswith(b"\n") else 0)


def apply_entries(tx: Transaction, entries: Iterable[Entry], report: ImportReport
                  ) -> list[tuple[int, str]]:
    """Apply a reader's entries in `tx` (merging); returns the invalid ones' problems."""
    return _Applier(tx, report, "merge", validated=True).apply_entries(entries)


def apply_items(tx: Transaction, items: list[tuple[int, Concept | Segment]],
                report: ImportReport, on_conflict: str = "merge",
                progress: Callable[[int, int], None] | None = None,
                validated: bool = False) -> None:
    """Apply read items in `tx`. `validated`: the items come straight from a format reader,
    which validated each of them (so adding them need not validate again)."""
    applier = _Applier(tx, report, on_conflict, validated)
    total = len(items)
    for line, item in items:
        applier.apply(line, item)
        if progress and (applier.done % 2000 == 0 or applier.done == total):
            progress(applier.done, total)
    applier.folded.flush()


class _Applier:
    """Merges items into a transaction one by one, keeping the term map current."""

    def __init__(self, tx: Transaction, report: ImportReport, on_conflict: str,
                 validated: bool):
        self.folded = _FoldedRows(tx)
        tx = self.folded  # reads of a concept with rows folded in memory see them
        self.tx, self.report = tx, report
        self.on_conflict, self.validated = on_conflict, validated
        finder = tx.concepts_with_term
        self.terms = _TermMap(() if finder else tx.concepts(), finder)
        self._known_segments: KnownSegments | None = None  # made on the first segment
        self.done = 0

    def apply_entries(self, entries: Iterable[Entry], skip_invalid: bool = False,
                      progress: Callable[[int, int | None], None] | None = None,
                      lines: int | None = None) -> list[tuple[int, str]]:
        """Apply entries as they are read (so a million rows never sit in memory twice).
        After the first invalid one, unless `skip_invalid`, the rest are only checked:
        the caller then abandons the transaction, with every problem listed. Progress is
        reported as (line reached, `lines` in the file) when the line count is known, else
        as (records applied, None)."""
        errors: list[tuple[int, str]] = []
        for entry in entries:
            if entry.warning:
                self.report.warnings.append(f"line {entry.line}: {entry.warning}")
            if entry.error:
                errors.append((entry.line, entry.error))
            elif entry.item is not None and (skip_invalid or not errors):
                _warn_bidi(entry, self.report)
                self.apply(entry.line, entry.item, entry.continues)
                if progress and self.done % 2000 == 0:
                    progress(min(entry.line, lines) if lines else self.done, lines)
        self.folded.flush()
        return errors

    @property
    def known_segments(self) -> KnownSegments:
        """The memory's segments, made when a file first brings a segment: importing
        concepts must not read a memory of a million segments (nor, on an engine that
        indexes them, importing ten segments)."""
        if self._known_segments is None:
            self._known_segments = KnownSegments(self.tx)
        return self._known_segments

    def apply(self, line: int, item: Concept | Segment, continues: bool = False) -> None:
        self.done += 1
        if continues:
            self._continue(line, item)
            return
        if isinstance(item, Segment):
            key = segment_key(item.to_dict())
            if key in self.known_segments:
                self.report.segments_unchanged += 1
            else:
                self.known_segments.add(key)
                self.tx.add_segment(item)
                self.report.segments_added += 1
        else:
            _apply_concept(self.tx, self.terms, line, item, self.report, self.on_conflict,
                           self.validated)

    def _continue(self, line: int, more: Concept) -> None:
        """A stray later row of a concept whose rows came earlier in this file. If this
        import added that concept, the row simply joins it (rows of one concept are not
        conflicts); otherwise it merges where the earlier rows went, by the usual rules.
        Either way the concept was counted in the report once, with its first rows."""
        store_id = self.terms.renamed.get(more.id, more.id)
        if store_id in self.terms.declared:
            if not self.validated:
                more.validate()
            self.terms.add(self.folded.fold(store_id, more))
            return
        more.id = store_id
        counted = ImportReport(file="", format="")
        _apply_concept(self.tx, self.terms, line, more, counted, self.on_conflict,
                       self.validated)
        self.report.conflicts += counted.conflicts


class _FoldedRows:
    """The transaction, seen through the stray later rows folded into concepts this
    import added. Re-validating and re-writing the whole concept for each such row made a
    file whose ids alternate (a, b, a, b ...) quadratic; here a row costs its own size
    (its new terms are found with a set of the concept's term keys) and each concept is
    validated and written back once, at the end or before anything reads it."""

    def __init__(self, tx: Transaction):
        self.tx = tx
        self.open: dict[str, tuple[Concept, set[tuple[str, str]]]] = {}

    def __getattr__(self, name):
        return getattr(self.tx, name)

    def fold(self, concept_id: str, more: Concept) -> Concept:
        """Fold `more` (validated) in; returns a concept holding just its new terms."""
        if concept_id not in self.open:
            concept = self.tx.get(concept_id)
            self.open[concept_id] = (concept, {(t.lang, t.text) for t in concept.terms})
        concept, keys = self.open[concept_id]
        new = [t for t in more.terms if (t.lang, t.text) not in keys]
        keys.update((t.lang, t.text) for t in new)
        concept.terms.extend(new)
        concept.fill_from(more)
        return Concept(id=concept_id, terms=new)

    def get(self, concept_id: str) -> Concept | None:
        self.flush(concept_id)
        return self.tx.get(concept_id)

    def flush(self, concept_id: str | None = None) -> None:
        ids = list(self.open) if concept_id is None else [concept_id]
        for cid in ids:
            folded = self.open.pop(cid, None)
            if folded is not None:
                self.tx.revise_added(folded[0])


def _warn_bidi(entry: Entry, report: ImportReport) -> None:
    """Bidi controls are kept as written, but they reorder text on screen (a term can be
    made to look like another), so the user is told where they are."""
    item = entry.item
    texts = (list(item.texts.values()) if isinstance(item, Segment)
             else [t.text for t in item.terms] + [item.note, *item.definition.values()])
    found = bidi_controls(*texts)
    if found:
        report.warnings.append(f"line {entry.line}: bidirectional control character(s) "
                               f"{', '.join(found)} kept as written; check the text "
                               "reads as intended")


def _apply_concept(tx: Transaction, terms: _TermMap, line: int, incoming: Concept,
                   report: ImportReport, on_conflict: str, validated: bool = False) -> None:
    target = None
    id_free = False  # the incoming id was looked up and no concept has it
    if on_conflict != "new":
        target = tx.get(incoming.id) if incoming.id else None
        id_free = target is None
        if target is None:
            candidates = terms.targets(incoming)
            target = tx.get(candidates[0]) if candidates else None
    if target is None:
        declared = incoming.id
        added = tx.add(incoming, keep_dates=True, validated=validated, id_free=id_free)
        if declared and added.id != declared:
            terms.renamed[declared] = added.id
        terms.add(added)
        if declared:
            terms.declared.add(added.id)
        report.added += 1
        return
    if incoming.id and target.id != incoming.id:
        terms.renamed[incoming.id] = target.id
    changed = _merge_into(target, incoming, line, report, on_conflict)
    if changed:
        tx.update(target)
        terms.add(target)
        report.merged += 1
    elif any(c["line"] == line for c in report.conflicts):
        report.skipped += 1
    else:
        report.unchanged += 1


def _merge_into(target: Concept, incoming: Concept, line: int, report: ImportReport,
                on_conflict: str) -> bool:
    """Add to `target` what `incoming` has and it lacks. Returns True if anything changed."""
    before = target.to_dict()
    existing = {(t.lang, norm(t.text)): t for t in target.terms}
    for term in incoming.terms:
        same = existing.get((term.lang, norm(term.text)))
        if same is not None:
            _fill_term_fields(same, term)
            continue
        others = [t.text for t in target.terms if t.lang == term.lang]
        if others:
            action = "skipped" if on_conflict == "skip" else "added as synonym"
            report.conflicts.append({
                "line": line, "concept_id": target.id, "lang": term.lang,
                "term": term.text, "existing": others, "action": action})
            if on_conflict == "skip":
                continue
            if not term.status or term.status == "preferred":
                term.status = "admitted"
        target.terms.append(term)
        existing[(term.lang, norm(term.text))] = term
    _report_differing_texts(target, incoming, line, report)
    target.fill_from(incoming)
    return target.to_dict() != before


def _report_differing_texts(target: Concept, incoming: Concept, line: int,
                            report: ImportReport) -> None:
    """A merge fills only what the concept lacks: a definition or note the file words
    differently is kept as the termbase has it, and said, never dropped in silence (an
    updated IATE entry read again)."""
    fields = [(f"definition ({lang})", lang, text, target.definition.get(lang, ""))
              for lang, text in incoming.definition.items()]
    fields.append(("note", "", incoming.note, target.note))
    for field, lang, theirs, ours in fields:
        if theirs and ours and theirs.strip() != ours.strip():
            report.conflicts.append({
                "line": line, "concept_id": target.id, "lang": lang, "field": field,
                "term": theirs, "existing": [ours],
                "action": f"kept the termbase's {field.split()[0]}"})


def _fill_term_fields(existing: Term, incoming: Term) -> None:
    for name in ("status", "type", "pos", "gender", "region", "context", "source", "note",
                 "context_source"):
        if not getattr(existing, name) and getattr(incoming, name):
            setattr(existing, name, getattr(incoming, name))
    existing.forms += [f for f in incoming.forms if f not in existing.forms]
    for key, value in incoming.kept.items():       # kept-as-is fields the term lacks
        existing.kept.setdefault(key, value)
