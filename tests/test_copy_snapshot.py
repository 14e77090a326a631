"""`termbase copy` reads its source as of one moment without its write lock: others keep
adding to the source during a copy that takes minutes at a million concepts, and the copy
holds the state it started from (issue 12)."""

from __future__ import annotations

import pytest

from termbase import ConceptEdit, Termbase
from termbase.copying import copy_termbase


@pytest.mark.parametrize("source,target", [("json", "sqlite"), ("sqlite", "json"),
                                           ("sqlite", "sqlite")])
def test_a_write_to_the_source_during_a_copy_neither_waits_nor_lands_in_it(
        tmp_path, monkeypatch, source, target):
    from termbase import sqlite_store, store

    src = tmp_path / f"a.{source}"
    original = Termbase.open(src, seed=False)
    original.add(ConceptEdit(terms=[("pl", "gmina")], subject="family"))
    # a writer that finds the store locked gives up at once instead of after 30 s
    monkeypatch.setattr(store, "LOCK_TIMEOUT_S", 0.2)
    monkeypatch.setattr(sqlite_store, "LOCK_TIMEOUT_MS", 200)
    written = []

    def load_while_another_writes(load):
        def load_during_write(self, dump):
            other = Termbase.open(src, seed=False)   # another process, as far as locks go
            written.append(other.add(ConceptEdit(terms=[("pl", "powiat")],
                                                 subject="family")).id)
            return load(self, dump)
        return load_during_write

    for engine in (store.Store, sqlite_store.SQLiteStore):
        monkeypatch.setattr(engine, "load", load_while_another_writes(engine.load))
    result = copy_termbase(src, tmp_path / f"b.{target}")
    assert written and result.concepts == 1
    copied = Termbase.open(tmp_path / f"b.{target}", seed=False)
    assert [t.text for c in copied.concepts() for t in c.terms] == ["gmina"]
    assert {t.text for c in Termbase.open(src, seed=False).concepts()
            for t in c.terms} == {"gmina", "powiat"}
    assert copied.undo("last").changes_reverted == 1   # history came across whole
