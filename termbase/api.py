"""`Termbase`: everything the CLI does, as a Python API (the CLI is a thin layer over it).

    from termbase import Termbase
    tb = Termbase.open("my.json")          # or Termbase.open() for the default store
    tb.lookup("pracownikom socjalnym", lang="pl")
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from termbase.errors import NotFound
from termbase.index.search import search
from termbase.lookup import Match, rank
from termbase.model import Concept, Segment, ValidationError, check_lang, has_control_chars
from termbase.paths import default_db_path, glossary_files
from termbase.store import Store, StoreError, backup_path

# Past this many records a TinyDB store's writes, which rewrite the whole file, take over a
# second each (measured: see README, "Choosing an engine"); SQLite's stay constant.
TINYDB_ADVISED_MAX = 20_000


def engine_advice(engine: str, records: int, location: str) -> str:
    """A hint to move a large TinyDB store to SQLite, or "" when none is needed."""
    if engine != "tinydb" or records <= TINYDB_ADVISED_MAX:
        return ""
    target = str(Path(location).with_suffix(".sqlite"))
    return (f"{records:,} records: every change rewrites the whole TinyDB file; move to "
            f"SQLite with `termbase copy {location} {target}` and use --db {target}")


class Termbase:
    def __init__(self, store: Store):
        self.store = store
        self._index: Index | None = None

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, seed: bool = True) -> "Termbase":
        """Open (and on first use create from the shipped glossary) the store at `path`."""
        from termbase.engines import open_store

        store = open_store(path if path else default_db_path())
        if store.path.is_dir():
            raise StoreError(f"{store.path} is a directory, not a termbase file")
        tb = cls(store)
        if not store.exists():
            if store.engine == "tinydb" and backup_path(store.path).exists():
                raise StoreError(f"{store.path} is missing but its backup "
                                 f"{backup_path(store.path)} exists; run `termbase doctor "
                                 "--repair` to restore it (nothing was created)")
            tb._create(seed)
        return tb

    def _create(self, seed: bool) -> None:
        from termbase import glossary

        command = glossary.SEED_COMMAND if seed else "create empty termbase"
        with self.store.transaction(command=command) as tx:
            if not tx.is_empty():  # another process created it while we waited
                return
            tx.set_meta("next_id", tx.get_meta("next_id", 1))  # marks even an empty store
            tx.counts["create"] = 1
            if seed:
                tx.summary = glossary.seed(tx)

    def update_glossary(self, dry_run: bool = False):
        """Bring the shipped glossary's corrections and new concepts into this store as one
        undoable batch; concepts edited here are listed as conflicts, never overwritten."""
        from termbase.glossary import update_glossary

        return update_glossary(self.store, dry_run=dry_run)

    def glossary_hint(self) -> str:
        """A line telling the user the shipped glossary is newer than this store's, or ""."""
        from termbase.glossary import SEED_COMMAND, is_behind, shipped_version

        held = self.store.meta().get("glossary_version")
        if held is None and any(b.get("command") == SEED_COMMAND
                                for b in self.store.batches()[:3]):
            held = "an earlier version"
        elif not is_behind(held):
            return ""
        return (f"the shipped glossary {shipped_version().version} is newer than this "
                f"store's {held}: run `termbase update-glossary` to apply it")

    # -- the index -----------------------------------------------------------------------
    @property
    def index(self):
        """The search index, current with the store (checked on every use: one stat or one
        row read); opened lazily, repaired when stale."""
        if self._index is not None and self._index.fingerprint == self.store.index_state():
            return self._index
        self._index = self.store.open_index()
        return self._index

    def rebuild_index(self, progress: Callable[[int], None] | None = None):
        """Rebuild the search index from the store (normally never needed: it is kept
        current by every write and repaired automatically when found stale)."""
        self._index = self.store.open_index(progress, force=True)
        return self._index

    # -- reading -------------------------------------------------------------------------
    def lookup(self, query: str, lang: str | None = None, to: Iterable[str] | None = None,
               limit: int = 10, fuzzy: bool = True) -> list[Match]:
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
        return rank(index, search(index, query, langs, fuzzy), targets, limit)

    def get(self, concept_id: str) -> Concept:
        """One concept, read from the store (not the index)."""
        data = self.store.get_concept(concept_id)
        if data is None:
            raise NotFound(f"no concept with id {concept_id!r}")
        return Concept.from_dict(data)

    def concepts(self) -> list[Concept]:
        return [Concept.from_dict(d) for d in self.store.concept_docs()]

    def stats(self) -> dict:
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
        result = {
            "store": self.store.location, "engine": self.store.engine, "concepts": count,
            "terms": sum(per_lang.values()), "terms_per_language": dict(sorted(per_lang.items())),
            "subjects": dict(sorted(subjects.items())),
            "memory_segments": counts["memory_segments"], "batches": counts["batches"],
        }
        advice = engine_advice(self.store.engine, count + counts["memory_segments"],
                               self.store.location)
        if advice:
            result["advice"] = advice
        return result

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
                raise NotFound(f"no concept with id {concept_id!r}")
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

    # -- memory segments and erasure ---------------------------------------------------------
    def segments(self, contains: str | None = None, limit: int | None = None
                 ) -> list[tuple[str, "Segment"]]:
        """(key, segment) of the memory, in the order added; `contains` filters by text."""
        from termbase.model import Segment

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
        """Replace the texts of one memory segment (languages not given are kept)."""
        from termbase.model import Segment

        with self.store.transaction(command=f"edit segment {key}") as tx:
            current = tx.get_segment(key)
            if current is None:
                raise NotFound(f"no memory segment {key!r}")
            merged = dict(current.texts, **texts)
            tx.update_segment(key, Segment(texts=merged, origin=current.origin,
                                           created=current.created, note=current.note))
            return {"batch": tx.batch, "segment": key, "texts": merged}

    def delete_segment(self, key: str) -> dict:
        """Delete one memory segment (undoable; use `purge` to erase it from the log too)."""
        with self.store.transaction(command=f"delete segment {key}") as tx:
            segment = tx.delete_segment(key)
            return {"batch": tx.batch, "segment": key, "texts": segment.texts}

    def purge(self, text: str, dry_run: bool = False):
        """Erase every occurrence of `text` from the store, its change log and its backup
        (see `termbase.erasure`); irreversible."""
        from termbase.erasure import purge

        return purge(self.store, text, dry_run=dry_run)
