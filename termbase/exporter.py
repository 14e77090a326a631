"""Exporting: choose what to write (languages, subjects, statuses, dates), then let the
format module stream it out through an atomic file, reading the store a page at a time."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from termbase import formats
from termbase.formats import projectlangs
from termbase.formats.base import FormatError, WriteOptions
from termbase.formats.passes import Reread
from termbase.model import STATUSES, Concept, Segment, ValidationError
from termbase.results import Progress
from termbase.sidecars import refuse_store_file
from termbase.store import Store


@dataclass
class ExportFilter:
    langs: list[str] | None = None
    subjects: list[str] | None = None
    statuses: list[str] | None = None
    since: str | None = None           # ISO date or datetime: modified at or after
    variant: str | None = None         # regional variety: other varieties' terms left out

    def __post_init__(self):
        for status in self.statuses or ():
            if status not in STATUSES:
                raise ValidationError(f"unknown status {status!r} (allowed: {', '.join(STATUSES)})")
        if self.since:
            try:
                _dt.datetime.fromisoformat(self.since)
            except ValueError:
                raise ValidationError(f"--since takes a date like 2026-01-31, not {self.since!r}") from None

    def apply(self, concepts: Iterable[Concept]) -> Iterable[Concept]:
        subjects = {s.casefold() for s in self.subjects} if self.subjects else None
        for concept in concepts:
            if subjects is not None and concept.subject.casefold() not in subjects:
                continue
            if self.since and (concept.modified or concept.created or "") < self.since:
                continue
            terms = [t for t in concept.terms
                     if (not self.langs or t.lang in self.langs)
                     and (not self.statuses or (t.status or "admitted") in self.statuses)]
            if not terms:
                continue
            concept.terms = variety_only(terms, self.variant)
            if self.langs:
                concept.definition = {l: d for l, d in concept.definition.items()
                                      if l in self.langs or l == "en"}
            yield concept


def variety_only(terms: list, variant: str | None) -> list:
    """For a project in one variety (pl-PL): in its language, only the neutral terms and
    those of that variety, unless none fits (then the concept keeps what it has). A CAT
    tool shows the first equivalent it finds, which must not be another country's word."""
    if not variant:
        return terms
    from termbase.variants import fits, for_lang

    def fitting(term) -> bool:
        return fits(term.region, for_lang(variant, term.lang))

    langs_with_fit = {t.lang for t in terms if fitting(t)}
    return [t for t in terms if fitting(t) or t.lang not in langs_with_fit]


def export_file(store: Store, path: Path, fmt_name: str | None = None,
                options: WriteOptions | None = None, selection: ExportFilter | None = None,
                progress: Progress | None = None) -> dict:
    """Write the glossary (or the memory) to `path`, streamed: concepts are read from the
    store in id order a page at a time, filtered and written one by one, so a million of
    them never sit in memory together. `progress(records read, total)` on long exports."""
    options = options or WriteOptions()
    selection = selection or ExportFilter()
    path = Path(path)
    refuse_store_file(path, store.path, "export")
    if not path.parent.is_dir():
        raise FormatError(f"cannot write {path}: the directory {path.parent} does not exist")
    if path.is_dir():
        raise FormatError(f"cannot write {path}: it is a directory")
    fmt = formats.detect(path, fmt_name, for_writing=True)
    if not fmt.write:
        raise FormatError(f"{fmt.name} files can be read but not written")
    if fmt.name == "omegat" and not (options.source_lang and options.target_lang):
        raise ValidationError("the OmegaT glossary is bilingual: give --from and --to")
    writes_memory = fmt.kind == "memory" or (fmt.kind == "both" and not options.terms_as_tmx)
    projectlangs.apply(options, glossary=not writes_memory)
    if options.source_lang and options.target_lang and not selection.langs:
        selection.langs = [options.source_lang, options.target_lang]
    if options.langs is None and selection.langs:
        options.langs = list(selection.langs)
    with store.snapshot() as view:   # every pass of the writer reads the same state
        count = _record_count(store, writes_memory) if progress else None
        if writes_memory:
            items = Reread(view.segment_items, lambda records: _memory(records, selection),
                           progress, count)
        else:
            items = Reread(view.concept_docs_by_id,
                           lambda docs: _glossary(docs, selection, options), progress, count)
        written = fmt.write(items, Path(path), options)
    return {"file": str(path), "format": fmt.name, "written": written,
            "kind": "segments" if writes_memory else "concepts"}


def _record_count(store, memory: bool) -> int:
    return store.counts()["memory_segments" if memory else "concepts"]


def _glossary(docs: Iterable[dict], selection: ExportFilter, options: WriteOptions
              ) -> Iterator[Concept]:
    """Stored concept records (in id order) as the writer gets them: selected, trimmed to
    the project's varieties, with their inflected forms when asked for."""
    concepts = (Concept.from_dict(doc) for doc in docs)
    chosen = projectlangs.for_project(selection.apply(concepts), options.varieties)
    return with_inflected_forms(chosen) if options.with_forms else chosen


def _memory(items: Iterable[tuple[str, dict]], selection: ExportFilter) -> Iterator[Segment]:
    for _, doc in items:
        segment = Segment.from_dict(doc)
        if not selection.langs or _languages_served(segment.texts, selection.langs) >= 2:
            yield segment


def _languages_served(texts: dict, wanted: list[str]) -> int:
    """How many of the wanted languages (pl, or a variety pl-LT) a segment has a text for,
    each by a text of its own: a pl-PL/pl-LT segment serves `pl` once, not `pl` and `lt`."""
    free = sorted(texts, key=lambda t: t not in wanted)      # exact tags first
    served = 0
    for lang in wanted:
        tag = next((t for t in free if projectlangs.text_serves(t, lang)), None)
        if tag is not None:
            free.remove(tag)
            served += 1
    return served


def with_inflected_forms(concepts: Iterable[Concept]) -> Iterator[Concept]:
    """Concepts with Term.forms holding every inflected form known (generated for Polish
    phrases, plus those observed in texts), for writers that export forms as variants or
    extra lines."""
    from termbase.text.inflect import phrase_forms

    for concept in concepts:
        for term in concept.terms:
            term.forms = phrase_forms(term.text, term.lang, term.forms)
        yield concept
