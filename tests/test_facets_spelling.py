"""A subject the termbase spells two ways ("opieka dzienna", "Opieka Dzienna"): `add
--subject` takes the same one of them on every engine and whether or not the TinyDB store's
index is current (the index answers in key order, a scan in the order of the records; the
spelling a concept gets must not depend on which answered)."""

from __future__ import annotations

import pytest

from termbase import ConceptEdit, Termbase
from termbase.model import Concept, Term

SPELLINGS = ["opieka dzienna", "Opieka Dzienna"]   # stored in this order


def _store(path) -> Termbase:
    tb = Termbase.open(path, seed=False)
    for n, subject in enumerate(SPELLINGS):
        tb.add(Concept(id=f"k{n}", subject=subject, terms=[Term("pl", f"termin {n}")]))
    return tb


@pytest.mark.parametrize("index", ["current", "absent"])
def test_a_subject_spelled_two_ways_resolves_alike_on_both_engines(tmp_path, index):
    resolved = {}
    for engine in ("sqlite", "json"):
        tb = _store(tmp_path / f"tb.{engine}")
        tb.index
        if index == "absent" and engine == "json":
            tb.store.index_path.unlink()
        added = tb.add(ConceptEdit(terms=[("pl", "dom dziennego pobytu")],
                                   subject="OPIEKA DZIENNA"))
        resolved[engine] = added.subject
    assert resolved["sqlite"] == resolved["json"] == min(SPELLINGS)
