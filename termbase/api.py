"""`Termbase`: everything the CLI does, as a Python API (the CLI is a thin layer over it).

    from termbase import Termbase
    tb = Termbase.open("my.json")          # or Termbase.open() for the default store
    tb.lookup("pracownikom socjalnym", lang="pl")
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from termbase.bulk import paused_gc
from termbase.index import cache as index_cache
from termbase.index.build import build_index
from termbase.index.search import search
from termbase.index.structures import Index
from termbase.lookup import Match, rank
from termbase.variants import parse_variant
from termbase.model import Concept, ValidationError, check_lang, has_control_chars
from termbase.paths import default_db_path, glossary_files
from termbase.store import Store, StoreError, backup_path

GLOSSARY_COMMAND = "seed from shipped glossary"


class Termbase:
    def __init__(self, store: Store):
        self.store = store
        self._index: Index | None = None

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, seed: bool = True) -> "Termbase":
        """Open (and on first use create from the shipped glossary) the store at `path`."""
        store = Store(Path(path) if path else default_db_path())
        if store.path.is_dir():
            raise StoreError(f"{store.path} is a directory, not a termbase file")
        tb = cls(store)
        if not store.exists():
            if backup_path(store.path).exists():
                raise StoreError(f"{store.path} is missing but its backup "
                                 f"{backup_path(store.path)} exists; run `termbase doctor "
                                 "--repair` to restore it (nothing was created)")
            tb._create(seed)
        return tb

    def _create(self, seed: bool) -> None:
        from termbase import formats
        from termbase.formats.base import ReadOptions
        from termbase.importer import ImportReport, apply_entries

        with self.store.transaction(command=GLOSSARY_COMMAND) as tx:
            if tx.tables["meta"]:  # another process created it while we waited
                return
            tx.meta  # noqa: B018 - creates the meta record, so even an empty store is marked
            tx.counts["create"] = 1
            if not seed:
                return
            report = ImportReport(file="glossaries", format="tsv")
            for path in glossary_files():
                errors = apply_entries(tx, formats.get("tsv").read(path, ReadOptions()),
                                       report)
                if errors:  # leaves the transaction: nothing is written
                    raise StoreError("the shipped glossary is invalid: " + "; ".join(
                        f"{path.name} line {line}: {error}" for line, error in errors[:5]))
            tx.summary = {"added": report.added, "merged": report.merged}

    # -- the index -----------------------------------------------------------------------
    @property
    def index(self) -> Index:
        """The search index: from the cache when it matches the store, else rebuilt."""
        fingerprint = self.store.fingerprint()
        if self._index is not None and self._index.fingerprint == fingerprint:
            return self._index
        path = index_cache.cache_path(self.store.path)
        with paused_gc(freeze=True):
            index = index_cache.load(path, fingerprint)
        if index is None:
            index = self.rebuild_index()
        self._index = index
        return index

    def rebuild_index(self, progress: Callable[[int], None] | None = None) -> Index:
        fingerprint = self.store.fingerprint()
        tables = self.store.read_tables()
        concepts = (Concept.from_dict(doc) for doc in tables["concepts"].values())
        path = index_cache.cache_path(self.store.path)
        with paused_gc():
            previous = self._index or index_cache.load(path, None)
            index = build_index(concepts, fingerprint, progress, segments=tables["memory"],
                                previous=previous)
            index_cache.save(path, index)
        self._index = index
        return index

    # -- reading -------------------------------------------------------------------------
    def lookup(self, query: str, lang: str | None = None, to: Iterable[str] | None = None,
               limit: int = 10, fuzzy: bool = True, variant: str | None = None) -> list[Match]:
        """Concepts matching `query` in any inflected form, folded, misspelt or as a prefix."""
        query = (query or "").strip()
        if not query:
            raise ValidationError("empty query")
        if has_control_chars(query):
            raise ValidationError("the query contains control characters")
        if len(query) > 1000:
            raise ValidationError(f"query too long ({len(query)} characters; at most 1000)")
        langs = [check_lang(lang)] if lang else None
        targets = [check_lang(t) for t in to] if to else None
        index = self.index
        return rank(index, search(index, query, langs, fuzzy), targets, limit,
                    parse_variant(variant))

    def get(self, concept_id: str) -> Concept:
        data = self.index.concepts.get(concept_id)
        if data is None:
            raise StoreError(f"no concept with id {concept_id!r}")
        return Concept.from_dict(data)

    def concepts(self) -> list[Concept]:
        return [Concept.from_dict(d) for d in self.index.concepts.values()]

    def stats(self) -> dict:
        tables = self.store.read_tables()
        concepts = [Concept.from_dict(d) for d in tables["concepts"].values()]
        per_lang: dict[str, int] = {}
        subjects: dict[str, int] = {}
        for concept in concepts:
            subjects[concept.subject or "(none)"] = subjects.get(concept.subject or "(none)", 0) + 1
            for term in concept.terms:
                per_lang[term.lang] = per_lang.get(term.lang, 0) + 1
        return {
            "store": str(self.store.path), "concepts": len(concepts),
            "terms": sum(per_lang.values()), "terms_per_language": dict(sorted(per_lang.items())),
            "subjects": dict(sorted(subjects.items())), "memory_segments": len(tables["memory"]),
            "batches": len(tables["batches"]),
        }

    # -- writing -------------------------------------------------------------------------
    def add(self, concept: Concept) -> Concept:
        with self.store.transaction(command="add") as tx:
            return tx.add(concept)

    def update(self, concept: Concept, command: str = "edit") -> Concept:
        with self.store.transaction(command=command) as tx:
            return tx.update(concept)

    def edit(self, concept_id: str, change: Callable[[Concept], None],
             command: str = "edit") -> Concept:
        """Apply `change` to the concept as stored now, under the lock: a concurrent edit
        of the same concept is never overwritten with a stale copy."""
        with self.store.transaction(command=command) as tx:
            concept = tx.get(concept_id)
            if concept is None:
                raise StoreError(f"no concept with id {concept_id!r}")
            change(concept)
            return tx.update(concept)

    def delete(self, concept_id: str) -> Concept:
        with self.store.transaction(command=f"delete {concept_id}") as tx:
            return tx.delete(concept_id)

    def import_file(self, path: str | Path, **kwargs):
        from termbase.importer import import_file

        return import_file(self.store, Path(path), **kwargs)

    def history(self) -> list[dict]:
        return self.store.batches()

    def undo(self, batch: str, force: bool = False) -> dict:
        from termbase.history import undo_batch

        return undo_batch(self.store, batch, force)
