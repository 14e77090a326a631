"""`Termbase`: the whole service layer. The CLI (and any other face) only calls its public
methods and formats the result types they return (`termbase.results`).

    from termbase import Termbase
    tb = Termbase.open("my.json")          # or Termbase.open() for the default store
    tb.lookup("pracownikom socjalnym", lang="pl")

Every method raises `termbase.TermbaseError` (or a subclass) for anything a user can cause;
its message is written to be shown as it is.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from termbase.errors import NotFound, StoreError
from termbase.index.search import search
from termbase.lookup import rank
from termbase.model import (Concept, Segment, ValidationError, check_lang, has_control_chars,
                            split_lang_tag)
from termbase.paths import default_db_path
from termbase.results import Progress
from termbase.results.lookup import Match
from termbase.store import backup_path
from termbase.variants import parse_variant

if TYPE_CHECKING:  # only for annotations: these modules cost time to import
    from termbase.candidates import AlignResult, ExtractResult
    from termbase.editing import ConceptEdit
    from termbase.erasure import PurgeReport
    from termbase.glossary import GlossaryUpdate
    from termbase.index.disk import DiskIndex
    from termbase.results import (CheckReport, ConcordanceResult, DoctorReport, ExportResult,
                                  HistoryEntry, ImportReport, ReindexResult, Stats,
                                  Suggestion, UndoResult)
    from termbase.streams import FileArg

EMPTY_COMMAND = "create empty termbase"
# Past this many records a TinyDB store's writes, which rewrite the whole file, take over a
# second each (measured: see README, "Choosing an engine"); SQLite's stay constant.
TINYDB_ADVISED_MAX = 20_000
MAX_QUERY = 1000
NO_LIMIT = 2 ** 62  # a LIMIT that keeps every row, in any SQL dialect


def engine_advice(engine: str, records: int, location: str) -> str:
    """A hint to move a large TinyDB store to SQLite, or "" when none is needed."""
    if engine != "tinydb" or records <= TINYDB_ADVISED_MAX:
        return ""
    target = str(Path(location).with_suffix(".sqlite"))
    return (f"{records:,} records: every change rewrites the whole TinyDB file; move to "
            f"SQLite with `termbase copy {location} {target}` and use --db {target}")


def format_names(writable: bool = False) -> list[str]:
    """The file formats `import_file` reads (`writable`: that `export` writes)."""
    from termbase.formats import format_names as names

    return names(writable)


def languages_refused(missing: list[str], known: Iterable[str]) -> ValidationError:
    return ValidationError(f"the termbase has no {', '.join(missing)} terms (its "
                           f"languages: {', '.join(known)})")


def _of_subject(index, hits: list, subject: str) -> list:
    """The hits whose concept has this subject (case-insensitive)."""
    wanted = subject.casefold()
    return [hit for hit in hits if (index.concepts[index.terms[hit.term_id].concept_id]
                                    .get("subject") or "").casefold() == wanted]


class Termbase:
    """A termbase and its translation memory in one store (a TinyDB file or SQLite)."""

    def __init__(self, store):
        self.store = store
        # One object may serve many threads (a server's pool): each thread reads through
        # its own index reader (an SQLite connection and caches are not to be shared) and
        # sees its own last batch. Writes are serialised by the store's lock.
        self._local = threading.local()
        #: False in a layer of `Layers`, which asks whether any layer holds a language.
        self.checks_languages = True

    @property
    def _index(self) -> "DiskIndex | None":
        return getattr(self._local, "index", None)

    @_index.setter
    def _index(self, index: "DiskIndex | None") -> None:
        self._local.index = index

    @property
    def last_batch(self) -> str:
        """The batch id of the last write this thread committed through this object (""
        if it changed nothing): what `termbase undo` takes to revert it."""
        return getattr(self._local, "last_batch", "")

    @last_batch.setter
    def last_batch(self, batch: str) -> None:
        self._local.last_batch = batch

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, seed: bool = True,
             create: bool = True) -> "Termbase":
        """Open the store at `path` (default: $TERMBASE_DB's or the user data directory's).

        A store that does not exist is created, from the shipped glossary if `seed`, else
        empty. `create=False` opens whatever is there without creating or checking anything
        (for `doctor`, which must reach a damaged or missing store)."""
        from termbase.engines import open_store

        store = open_store(path if path else default_db_path())
        tb = cls(store)
        if not create:
            return tb
        if store.path.is_dir():
            raise StoreError(f"{store.path} is a directory, not a termbase file")
        if not store.exists():
            if store.engine == "tinydb" and backup_path(store.path).exists():
                raise StoreError(f"{store.path} is missing but its backup "
                                 f"{backup_path(store.path)} exists; run `termbase doctor "
                                 "--repair` to restore it (nothing was created)")
            tb._create(seed)
        return tb

    def _create(self, seed: bool) -> None:
        from termbase import glossary

        command = glossary.SEED_COMMAND if seed else EMPTY_COMMAND
        with self.store.transaction(command=command) as tx:
            if not tx.is_empty():  # another process created it while we waited
                return
            tx.set_meta("next_id", tx.get_meta("next_id", 1))  # marks even an empty store
            tx.counts["create"] = 1
            if seed:
                tx.summary = glossary.seed(tx)

    def close(self) -> None:
        """Release this thread's files now (the index reader, the store connection) rather
        than when the object is collected; the object opens them again if used."""
        index, self._index = self._index, None
        if index is not None:
            index.close()
        self.store.close()

    def __enter__(self) -> "Termbase":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def path(self) -> Path:
        """The store file."""
        return self.store.path

    # -- the index -----------------------------------------------------------------------
    @property
    def index(self) -> "DiskIndex":
        """The search index, current with the store (checked on every use: one stat or one
        row read); read from disk per query, repaired when found stale."""
        if self._index is not None and self._index.fingerprint == self.store.index_state():
            return self._index
        self._index = self.store.open_index()
        return self._index

    def _indexed(self, use):
        """`use(self.index)`, surviving an index file found damaged mid-query."""
        from termbase.index.guard import with_index

        return with_index(self, use)

    def rebuild_index(self, progress: Progress | None = None) -> "DiskIndex":
        """Rebuild the search index from the store (it is kept current by every write and
        repaired when found stale, so this is for doubt, not for routine).

        progress: called as `progress(concepts done, None)`."""
        counted = (lambda done: progress(done, None)) if progress else None
        self._index = self.store.open_index(counted, force=True)
        return self._index

    def preload(self) -> int:
        """Open the search index now (an interactive session pays this once, up front).
        Returns the number of terms indexed."""
        return self.index.term_count()

    def reindex(self, progress: Progress | None = None) -> "ReindexResult":
        """Rebuild the search index now.

        progress: called as `progress(concepts done, None)`."""
        from termbase.results import ReindexResult

        index = self.rebuild_index(progress)
        return ReindexResult(terms=index.term_count(), concepts=self.store.counts()["concepts"])

    # -- reading -------------------------------------------------------------------------
    def lookup(self, query: str, lang: str | None = None, to: Iterable[str] | None = None,
               limit: int = 10, fuzzy: bool = True, variant: str | None = None,
               subject: str | None = None, gap: bool = True) -> list[Match]:
        """Concepts matching `query` in any inflected form, folded, misspelt or as a prefix.

        query: a word or phrase. lang: the query's language (None: any). to: the languages
        of the equivalents to show (None: all). limit: at most this many concepts.
        fuzzy: also typo-tolerant matches. variant: a regional variety (pl-PL, pl-LT) whose
        homonyms and equivalents come first. subject: only concepts of this subject
        (case-insensitive). gap: cut typo and stem hits where the score drops (False for a
        caller that merges several termbases' lists and cuts the whole, as `Layers`)."""
        query = (query or "").strip()
        if not query:
            raise ValidationError("empty query")
        if has_control_chars(query):
            raise ValidationError("the query contains control characters")
        if len(query) > MAX_QUERY:
            raise ValidationError(f"query too long ({len(query)} characters; at most "
                                  f"{MAX_QUERY})")
        if limit < 1:
            raise ValidationError("the limit must be at least 1")
        langs = [check_lang(lang)] if lang else None
        targets = [check_lang(t) for t in to] if to else None
        def answer(index):
            self._holds((langs or []) + (targets or []), index=index)
            # A subject filter drops hits after the search: it must then see them all.
            hits = search(index, query, langs, fuzzy, None if subject else limit)
            if subject:
                hits = _of_subject(index, hits, subject)
            return rank(index, hits, targets, limit, parse_variant(variant), gap)
        return self._indexed(answer)

    def require_languages(self, langs: Iterable[str], memory: bool = False,
                          index=None) -> None:
        """A language the termbase has no term in is most often a slip (--to de for
        --to lt): said at once, rather than answered with empty equivalents. An empty
        termbase lacks every language and is not refused; with `memory`, a language of
        memory segments only is held too. (The shell asks before switching languages.)
        `index`: the one a query is reading (opening another inside its snapshot could
        wait on a writer that waits on this one)."""
        missing = self.lacking_languages(langs, memory, index)
        if missing:
            raise languages_refused(missing, (index or self.index).languages)

    def lacking_languages(self, langs: Iterable[str], memory: bool = False,
                          index=None) -> list[str]:
        """Those of `langs` this termbase holds no term (`memory`: nor segment) in."""
        langs = list(langs)
        if not langs:
            return []             # nothing to ask: the index is not even opened
        index = index or self.index
        known = index.languages
        return [lang for lang in langs if known and lang not in known and not (
            memory and index.memory is not None and index.memory.has_language(lang))]

    def _holds(self, langs: Iterable[str], memory: bool = False, index=None) -> None:
        if self.checks_languages:
            self.require_languages(langs, memory, index)

    def get(self, concept_id: str) -> Concept:
        """The concept with this id (NotFound if there is none), read from the store."""
        data = self.store.get_concept(concept_id)
        if data is None:
            raise NotFound(f"no concept with id {concept_id!r}")
        return Concept.from_dict(data)

    def concepts(self, subject: str | None = None, lang: str | None = None,
                 offset: int = 0, limit: int | None = None) -> Iterator[Concept]:
        """The concepts in the order they were added, optionally filtered and paged.

        subject: only this subject (case-insensitive). lang: only concepts with a term in
        this language. offset, limit: skip that many matching concepts, then give at most
        `limit` (None: all)."""
        lang = check_lang(lang) if lang else None
        wanted = subject.casefold() if subject is not None else None
        skipped = given = 0
        for doc in self.store.concept_docs():
            concept = Concept.from_dict(doc)
            if wanted is not None and concept.subject.casefold() != wanted:
                continue
            if lang and lang not in concept.languages:
                continue
            if skipped < offset:
                skipped += 1
                continue
            if limit is not None and given >= limit:
                return
            given += 1
            yield concept

    def stats(self) -> Stats:
        """Counts of concepts, terms per language, subjects, memory segments and batches,
        the engine, and a hint when a TinyDB store has outgrown it."""
        from termbase.results import Stats

        per_lang: dict[str, int] = {}
        subjects: dict[str, int] = {}
        count = 0
        for doc in self.store.concept_docs():
            count += 1
            subject = doc.get("subject") or "(none)"
            subjects[subject] = subjects.get(subject, 0) + 1
            for term in doc.get("terms", ()):
                per_lang[term["lang"]] = per_lang.get(term["lang"], 0) + 1
        counts = self.store.counts()
        return Stats(store=self.store.location, concepts=count, terms=sum(per_lang.values()),
                     terms_per_language=dict(sorted(per_lang.items())),
                     subjects=dict(sorted(subjects.items())),
                     memory_segments=counts["memory_segments"], batches=counts["batches"],
                     engine=self.store.engine,
                     advice=engine_advice(self.store.engine, count + counts["memory_segments"],
                                          self.store.location),
                     glossary_hint=self.glossary_hint())

    # -- translating ---------------------------------------------------------------------
    def suggest(self, segment: str, source_lang: str, target_lang: str, *, memory: int = 5,
                min_score: float = 50.0, variant: str | None = None,
                subject: str | None = None) -> "Suggestion":
        """Every termbase term in `segment` (any inflected form, or through a typo: match
        "fuzzy") with its equivalents in `target_lang`, and up to `memory`
        translation-memory matches scoring at least `min_score` (0-100). variant: a
        regional variety (pl-PL, pl-LT) whose homonyms and equivalents come first.
        subject: only terms of concepts of this subject (case-insensitive)."""
        from termbase.results import MemoryHit, Suggestion, TermHit
        from termbase.suggest import suggest

        source_lang, target_lang = check_lang(source_lang), check_lang(target_lang)
        if has_control_chars(segment, allow_newlines=True):
            raise ValidationError("the segment contains control characters")
        self._holds([source_lang, target_lang], memory=memory > 0)
        found = self._indexed(lambda index: suggest(index, segment, source_lang, target_lang,
                                                    memory, min_score, parse_variant(variant),
                                                    subject))
        return Suggestion(segment=found["segment"], source_lang=found["from"],
                          target_lang=found["to"],
                          terms=[TermHit.from_json(hit) for hit in found["terms"]],
                          memory=[MemoryHit(**hit) for hit in found["memory"]])

    def check(self, file: "FileArg", source_lang: str, target_lang: str, *,
              name: str | None = None, variant: str | None = None,
              accept: "Path | str | None" = None,
              ignore_provisional: bool = False) -> "CheckReport":
        """Term QA of a bilingual file (TMX, XLIFF, two-column TSV/CSV): segments whose
        translation lacks a term's target equivalent or uses a deprecated or forbidden one.

        file: a path, or a binary stream (then `name`, or the stream's own name, tells the
        format by its extension). variant: the regional variety of the text (pl-PL, pl-LT):
        its equivalents are expected, another variety's are flagged. accept: an accept list
        file (kind, concept id, segment key per line) whose flags are left out.
        ignore_provisional: terms not yet reviewed (processStatus) neither raise nor
        satisfy a check; otherwise issues name them."""
        from termbase.check import check_file
        from termbase.check_accept import AcceptList
        from termbase.results import CheckIssue, CheckReport
        from termbase.streams import is_stream, readable_path, stream_name

        variant = parse_variant(variant)
        self._holds([split_lang_tag(tag)[0] for tag in (source_lang, target_lang)])
        accepted = AcceptList.load(Path(accept)) if accept else None
        with readable_path(file, name) as path:
            found = self._indexed(lambda index: check_file(
                index, path, source_lang, target_lang, variant, accepted, ignore_provisional))
        if is_stream(file):
            found["file"] = stream_name(file, name)
        return CheckReport(file=found["file"], source_lang=found["from"],
                           target_lang=found["to"], segments=found["segments"],
                           issues=[CheckIssue(**issue) for issue in found["issues"]],
                           variant=found["variant"], counts=found["counts"])

    def write_check_report(self, report: "CheckReport", path: "Path | str") -> None:
        """Write `check`'s flags for a CAT tool or a spreadsheet: .csv, or XLIFF 1.2
        (.xlf, .xliff) with one note per flag on its segment."""
        from termbase.check_report import write_report

        write_report(report, Path(path))

    def concordance(self, phrase: str, lang: str, *, to: str | None = None,
                    limit: int = 20) -> ConcordanceResult:
        """Memory segments in `lang` containing `phrase` in any inflected form, with their
        translations (only into `to`, if given); at most `limit`."""
        from termbase.concordance import concordance
        from termbase.results import ConcordanceHit, ConcordanceResult

        if to:
            check_lang(to)
        self._holds([check_lang(lang)] + ([check_lang(to)] if to else []), memory=True)
        found = self._indexed(lambda index: concordance(index, phrase, lang, to, limit))
        return ConcordanceResult(query=phrase, lang=check_lang(lang),
                                 results=[ConcordanceHit(**hit) for hit in found])

    # -- writing -------------------------------------------------------------------------
    @contextmanager
    def _writing(self, command: str):
        """A store transaction that records its batch id in `last_batch` once committed."""
        self.last_batch = ""
        with self.store.transaction(command=command) as tx:
            yield tx
        self.last_batch = tx.batch if tx.changed else ""

    def add(self, concept: "Concept | ConceptEdit", *, new_subject: bool = False) -> Concept:
        """Add a concept (a `Concept`, or a `ConceptEdit` applied to a new one: its first
        term in each language becomes the preferred term). Returns it with its new id; its
        batch id is then in `last_batch`. A `ConceptEdit`'s subject must be a known one
        (see `known_subjects`) unless `new_subject`."""
        from termbase.editing import ConceptEdit

        with self._writing("add") as tx:
            if isinstance(concept, ConceptEdit):
                subject = self._subject(concept.subject, new_subject, tx)
                concept = concept.apply(Concept())
                concept.subject = subject or ""
            if not concept.terms:
                raise ValidationError("a concept needs at least one term")
            return tx.add(concept)

    def update(self, concept: Concept, command: str = "edit") -> Concept:
        """Replace the stored concept that has `concept.id` by `concept`."""
        with self._writing(command) as tx:
            return tx.update(concept)

    def edit(self, concept_id: str, change: "ConceptEdit | Callable[[Concept], None]",
             command: str | None = None, *, new_subject: bool = False) -> Concept:
        """Apply `change` (a `ConceptEdit`, or a function changing the concept in place) to
        the concept as stored now, under the lock: a concurrent edit of the same concept is
        never overwritten with a stale copy. `command` is recorded in the history. A
        `ConceptEdit`'s new subject must be a known one unless `new_subject`."""
        with self._writing(command or f"edit {concept_id}") as tx:
            if not callable(change) and change.subject is not None:
                change.subject = self._subject(change.subject, new_subject, tx)
            concept = tx.get(concept_id)
            if concept is None:
                raise NotFound(f"no concept with id {concept_id!r}")
            if callable(change):
                change(concept)
            else:
                change.apply(concept)
            return tx.update(concept)

    def delete(self, concept_id: str) -> Concept:
        """Delete a concept (one undoable batch, in `last_batch`); returns what was deleted."""
        with self._writing(f"delete {concept_id}") as tx:
            return tx.delete(concept_id)

    def known_subjects(self) -> list[str]:
        """The subjects `add` and `edit` accept: the shipped glossary's and this store's."""
        from termbase.subjects import known_subjects

        return known_subjects(self.store.facets())

    def _subject(self, subject: str | None, new_subject: bool, tx=None) -> str | None:
        """`subject` as known (see `resolve_subject`): inside a write, as of its start."""
        from termbase.subjects import resolve_subject

        if subject is None:
            return None
        return resolve_subject(tx.facets() if tx else self.store.facets(), subject,
                               new_subject)

    # -- files ---------------------------------------------------------------------------
    def import_file(self, file: "FileArg", *, format: str | None = None,
                    name: str | None = None, on_conflict: str = "merge",
                    dry_run: bool = False, skip_invalid: bool = False,
                    rejects: "FileArg | None" = None, encoding: str | None = None,
                    columns: str | None = None,
                    as_terms: bool = False, subject: str = "", source: str = "",
                    source_lang: str | None = None, target_lang: str | None = None,
                    provisional: bool = False,
                    progress: Progress | None = None) -> ImportReport:
        """Import terms (TSV/CSV/XLSX/TBX/OmegaT) or memory segments (TMX) as one batch.

        file: a path, or a binary stream (then `name` or the stream's own name tells the
        format by its extension, unless `format` is given). format: a format name, None or
        "auto" to detect. on_conflict: merge (a differing term becomes a synonym), skip, or
        new (import the concept as a new one). dry_run: report, change nothing.
        skip_invalid: import the valid records; the rejected ones are listed in the report
        and written as TSV to `rejects` (default: FILE.rejects.tsv beside a file path).
        encoding: of text files (None: detected). as_terms: TMX short units as term pairs.
        subject, source: for concepts that have none. source_lang, target_lang: the
        languages of a bilingual file without language tags (OmegaT). provisional: mark
        the incoming terms that state no processStatus as not yet reviewed (terms already
        in the termbase keep theirs). progress: `progress(done, total)`. Invalid records refuse the whole file
        (ImportRefused, listing them) unless `skip_invalid`."""
        from termbase.formats.base import ReadOptions
        from termbase.formats.projectlangs import normal as normal_tag
        from termbase.importer import CONFLICT_MODES, import_file
        from termbase.rejects import default_rejects_path, write_rejects
        from termbase.streams import is_stream, readable_path, stream_name

        if on_conflict not in CONFLICT_MODES:
            raise ValidationError(f"on_conflict must be one of {', '.join(CONFLICT_MODES)}")
        if rejects is not None and not skip_invalid:
            raise ValidationError("a rejects file goes with skip_invalid")
        options = ReadOptions(encoding=encoding, as_terms=as_terms, subject=subject,
                              source=source, columns=columns,
                              process="provisionallyProcessed" if provisional else "")
        if source_lang or target_lang:
            # varieties (pl-PL) are kept; their base languages select the columns
            source_lang, target_lang = normal_tag(source_lang), normal_tag(target_lang)
            options.langs = [lang for lang in (source_lang, target_lang) if lang]
            options.source_lang, options.target_lang = source_lang, target_lang
        target = (rejects if rejects is not None else default_rejects_path(file)) \
            if skip_invalid else None
        if target is not None and not is_stream(target):
            from termbase.sidecars import refuse_store_file

            refuse_store_file(target, self.store.path, "rejects",
                              inputs=() if is_stream(file) else (Path(file),))
        with readable_path(file, name) as path:
            report = import_file(self.store, path, fmt_name=None if format == "auto" else format,
                                 options=options, on_conflict=on_conflict, dry_run=dry_run,
                                 skip_invalid=skip_invalid, progress=progress)
        if is_stream(file):
            report.file = stream_name(file, name)
        if report.rejected and target is not None:
            try:
                report.rejects_file = write_rejects(target, report.rejected)
                report.warnings.append(f"{len(report.rejected)} rejected record(s) written "
                                       f"to {report.rejects_file}")
            except OSError as exc:
                # The import is committed: a failure here is a warning that says so, not
                # an error that would make the import look failed.
                committed = (f"the import WAS committed (batch {report.batch})"
                             if report.batch else "the import changed nothing")
                report.rejects_error = (
                    f"{committed}, but its {len(report.rejected)} rejected record(s) could "
                    f"not be written to {exc.filename or target}: {exc.strerror or exc}")
        return report

    def export(self, file: "FileArg", *, format: str | None = None,
               name: str | None = None, langs: Sequence[str] | None = None,
               source_lang: str | None = None, target_lang: str | None = None,
               subjects: Sequence[str] | None = None, statuses: Sequence[str] | None = None,
               since: str | None = None, with_forms: bool = False,
               terms_as_tmx: bool = False, variant: str | None = None,
               progress: Progress | None = None) -> "ExportResult":
        """Export the glossary (TBX, TBX v2, CSV, TSV, OmegaT, XLSX) or the memory (TMX).

        file: a path or a binary stream (then `format`, or `name`'s extension, says the
        format). langs: languages to write, in column order. source_lang, target_lang:
        the pair of bilingual formats (OmegaT, TMX of terms). subjects, statuses, since
        (YYYY-MM-DD): only concepts of these subjects, terms of these statuses, concepts
        modified on or after that date. with_forms: add every inflected form known, for
        tools without morphology. terms_as_tmx: TMX of term pairs instead of the memory.
        variant: a regional variety (pl-PL): in its language, other varieties' terms are
        left out where the concept has a neutral one or one of this variety.
        progress: `progress(records read, total)` (the store is read in pages, twice for
        the formats whose header names every column used)."""
        from termbase.exporter import ExportFilter, export_file
        from termbase.formats.base import WriteOptions
        from termbase.results import ExportResult
        from termbase.streams import is_stream, stream_name, writable_path

        langs = [check_lang(lang) for lang in langs] if langs else None
        pair = [split_lang_tag(lang)[0] for lang in (source_lang, target_lang)
                if lang]                     # a variety (pl-LT) too
        self._holds((langs or []) + pair, memory=True)
        selection = ExportFilter(langs=langs, subjects=list(subjects) if subjects else None,
                                 statuses=list(statuses) if statuses else None, since=since,
                                 variant=parse_variant(variant))
        options = WriteOptions(langs=langs, source_lang=source_lang, target_lang=target_lang,
                               with_forms=with_forms, terms_as_tmx=terms_as_tmx)
        with writable_path(file, name) as path:
            written = export_file(self.store, path, format, options, selection, progress)
        if is_stream(file):
            written["file"] = stream_name(file, name)
        return ExportResult(**written)

    # -- texts ---------------------------------------------------------------------------
    def extract(self, files: Sequence[str | Path], lang: str, *, top: int | None = 50,
                min_freq: int = 1, new_only: bool = False, encoding: str | None = None,
                progress: Progress | None = None) -> "ExtractResult":
        """Term candidates from plain-text, TMX or XLIFF files (their `lang` segments), in
        base form, ranked by termhood; candidates the termbase has are marked.

        top: keep the best N (None: all). min_freq: only candidates seen that often.
        new_only: leave out known ones. encoding: of plain-text files (None: detected).
        progress: `progress(characters done, total)`."""
        from termbase.candidates import ExtractResult
        from termbase.extract import extract_passages, read_all

        lang = check_lang(lang)
        passages = read_all(files, lang, encoding)
        extraction = self._indexed(
            lambda index: extract_passages(passages, lang, index, min_freq, progress))
        return ExtractResult.of(extraction, lang, [str(f) for f in files], top, new_only)

    def align(self, files: Sequence[str | Path], source_lang: str, target_lang: str, *,
              top: int | None = 50, min_cooc: int = 2, encoding: str | None = None,
              progress: Progress | None = None) -> "AlignResult":
        """Translation pairs proposed from parallel text: one TMX/XLIFF file, or a source and
        a target text file aligned line by line.

        top: keep the best N (None: all). min_cooc: only pairs sharing that many segments.
        encoding: of plain-text files. progress: `progress(step, 3)`."""
        from termbase.align import align
        from termbase.candidates import AlignResult, read_segment_pairs

        source_lang, target_lang = check_lang(source_lang), check_lang(target_lang)
        if source_lang == target_lang:
            raise ValidationError("the source and target language are the same")
        pairs = read_segment_pairs([Path(f) for f in files], source_lang, target_lang,
                                   encoding)
        proposals = self._indexed(
            lambda index: align(pairs, source_lang, target_lang, index, min_cooc, progress))
        return AlignResult(source_lang=source_lang, target_lang=target_lang,
                           segments=len(pairs), proposals=proposals[:top] if top else proposals)

    def write_review(self, result: "ExtractResult | AlignResult", path: str | Path) -> int:
        """Write `result` as a review sheet (TSV) to `path`, never onto one of this store's
        own files; returns the number of rows."""
        from termbase.errors import FormatError
        from termbase.sidecars import refuse_store_file

        refuse_store_file(path, self.store.path, "review sheet")
        if str(path) != "-" and Path(path).is_dir():  # "--tsv ." said "Device or resource busy"
            raise FormatError(f"cannot write the review sheet to {path}: it is a directory")
        return result.write_review(path)

    def add_candidates(self, result: "ExtractResult | AlignResult",
                       numbers: Iterable[int] | None = None, *, subject: str = "",
                       command: str | None = None, provisional: bool = True,
                       new_subject: bool = False) -> ImportReport:
        """Add proposals of an extract or align result as concepts, in one undoable batch.

        numbers: which ones, counted from 1 as shown (None: all). subject: of the new
        concepts. A proposal whose term the termbase has merges into that concept.
        provisional: the new terms are marked not yet reviewed (processStatus).
        new_subject: accept a subject the termbase does not know yet."""
        from termbase.candidates import ExtractResult

        numbered = result.concepts(self._subject(subject, new_subject))
        verb = "extract" if isinstance(result, ExtractResult) else "align"
        if numbers is not None:
            chosen = sorted(set(numbers))
            bad = [n for n in chosen if not 1 <= n <= len(numbered)]
            if bad:
                raise ValidationError(f"no proposal number {bad[0]} (1-{len(numbered)})")
            numbered = [(n, numbered[n - 1][1]) for n in chosen]
        return self._add_numbered(numbered,
                                  command or f"{verb} --add ({len(numbered)} chosen)",
                                  provisional)

    def add_reviewed(self, sheet: str | Path, kind: str, *, subject: str = "",
                     lang: str | None = None, source_lang: str | None = None,
                     target_lang: str | None = None, provisional: bool = True,
                     new_subject: bool = False) -> ImportReport:
        """Add the rows marked (y in the `add` column) in a review sheet written by
        `ExtractResult.write_review` (kind "extract") or `AlignResult.write_review` (kind
        "align"), in one undoable batch. lang / source_lang, target_lang: for rows that do
        not name their language. Nothing marked: an empty report, nothing changed.
        provisional: the new terms are marked not yet reviewed (processStatus).
        new_subject: accept a subject the termbase does not know yet."""
        from termbase.candidates import reviewed_concepts

        sheet = Path(sheet)
        numbered = reviewed_concepts(sheet, kind, self._subject(subject, new_subject), lang,
                                     source_lang, target_lang)
        return self._add_numbered(numbered, f"{kind} --add-from {sheet.name}", provisional)

    def _add_numbered(self, numbered, command: str, provisional: bool) -> ImportReport:
        from termbase.extraction.adding import add_concepts
        from termbase.process import mark_provisional
        from termbase.results import ImportReport

        if provisional:
            mark_provisional(numbered)
        if not numbered:
            return ImportReport(file=command, format="candidates")
        return add_concepts(self.store, numbered, command)

    # -- history -------------------------------------------------------------------------
    def history(self, limit: int | None = None, before: str | None = None
                ) -> list[HistoryEntry]:
        """The batches of changes, oldest first: the last `limit` of them, if given (read
        from the newest end of the log, so the cost is the page's, not the history's);
        `before` (a batch id or unique prefix): only batches older than that one, the way
        to page back through a long history."""
        from termbase.history import find_batch
        from termbase.results import HistoryEntry

        if limit is None and before is None:
            return [HistoryEntry.from_record(b) for b in self.store.batches()]
        if limit is not None and limit <= 0:
            return []
        log = self.store.log()
        newest = log.newest_batches(limit if limit is not None else NO_LIMIT,
                                    find_batch(log, before)["batch"] if before else None)
        return [HistoryEntry.from_record(b) for b in reversed(newest)]

    def undo(self, batch: str, force: bool = False) -> UndoResult:
        """Revert a batch exactly (`batch`: its id or a unique prefix), as a new batch.
        Refused when later batches changed the same records, unless `force`."""
        from termbase.history import undo_batch
        from termbase.results import UndoResult

        return UndoResult(**undo_batch(self.store, batch, force))

    # -- health --------------------------------------------------------------------------
    def doctor(self, repair: bool = False) -> "DoctorReport":
        """Check the store, its backup, leftovers of interrupted writes and the search index.
        With `repair`: remove the leftovers, restore a damaged file from the backup (the
        damaged one is kept aside) and rebuild a damaged or stale index."""
        from termbase import doctor
        from termbase.results import DoctorReport

        report = DoctorReport.from_dict(doctor.repair(self.store) if repair
                                        else doctor.check(self.store))
        if (report.ok or (report.after and report.after.ok)) and self.store.exists():
            report.glossary_hint = self.glossary_hint()
        return report

    def backup(self, file: str | Path) -> dict:
        """Write a consistent copy of the store to `file` while others may keep working
        (SQLite's online backup; a copy under the lock for TinyDB)."""
        from termbase.sidecars import refuse_store_file

        target = Path(file)
        refuse_store_file(target, Path(self.store.location), "backup")
        self.store.backup(target)
        return {"store": self.store.location, "backup": str(target),
                "engine": self.store.engine}

    @staticmethod
    def copy(source: str | Path, target: str | Path):
        """Copy a whole termbase (concepts, memory, change log, batches) into a new store
        of any engine; history and undo work on the copy. Returns a `CopyResult`."""
        from termbase.copying import copy_termbase

        return copy_termbase(source, target)

    # -- the shipped glossary ----------------------------------------------------------------
    def update_glossary(self, dry_run: bool = False) -> "GlossaryUpdate":
        """Bring the shipped glossary's corrections and new concepts into this store as one
        undoable batch; concepts edited here are listed as conflicts, never overwritten."""
        from termbase.glossary import update_glossary

        return update_glossary(self.store, dry_run=dry_run)

    def glossary_hint(self) -> str:
        """A line telling the user the shipped glossary is newer than this store's, or ""."""
        from termbase.glossary import SEED_COMMAND, is_behind, shipped_version

        held = self.store.meta().get("glossary_version")
        if held is None and any(b.get("command") == SEED_COMMAND
                                for b in self.store.log().oldest_batches(3)):
            held = "an earlier version"
        elif not is_behind(held):
            return ""
        return (f"the shipped glossary {shipped_version().version} is newer than this "
                f"store's {held}: run `termbase update-glossary` to apply it")

    # -- memory segments and erasure ---------------------------------------------------------
    def segments(self, contains: str | None = None, limit: int | None = None
                 ) -> list[tuple[str, Segment]]:
        """(key, segment) of the memory, in the order added; `contains` filters by text."""
        found = []
        needle = (contains or "").casefold()
        for key, doc in self.store.segment_items():
            if needle and not any(needle in t.casefold() for t in doc["texts"].values()):
                continue
            found.append((key, Segment.from_dict(doc)))
            if limit and len(found) >= limit:
                break
        return found

    def edit_segment(self, key: str, texts: dict[str, str]) -> dict:
        """Replace the texts of one memory segment (languages not given are kept, and so is
        what its TMX unit carried besides: inline codes, props, notes)."""
        with self.store.transaction(command=f"edit segment {key}") as tx:
            current = tx.get_segment(key)
            if current is None:
                raise NotFound(f"no memory segment {key!r}")
            merged = dict(current.texts, **texts)
            tx.update_segment(key, Segment(texts=merged, origin=current.origin,
                                           created=current.created, note=current.note,
                                           kept=current.kept))
            return {"batch": tx.batch, "segment": key, "texts": merged}

    def delete_segment(self, key: str) -> dict:
        """Delete one memory segment (undoable; use `purge` to erase it from the log too)."""
        with self.store.transaction(command=f"delete segment {key}") as tx:
            segment = tx.delete_segment(key)
            return {"batch": tx.batch, "segment": key, "texts": segment.texts}

    def purge(self, text: str, dry_run: bool = False) -> "PurgeReport":
        """Erase every occurrence of `text` from the store, its change log and its backup
        (see `termbase.erasure`); irreversible."""
        from termbase.erasure import purge

        return purge(self.store, text, dry_run=dry_run)


def extraction_languages() -> frozenset[str]:
    """The languages extraction has word lists for; any other is read as bare word
    sequences (the CLI warns)."""
    from termbase.extraction.stopwords import STOPWORDS

    return frozenset(STOPWORDS)


def check_subject(termbase: Termbase, subject: str, new_subject: bool = False) -> str:
    """`subject` as `termbase` spells it, checked as adding candidates with it will check
    it (InvalidInput for an unknown one unless `new_subject`), so that a caller can refuse
    it before any work is done: an unknown --subject found after an extraction cost the
    whole run."""
    return termbase._subject(subject, new_subject)
