"""Subjects and varieties in use, answered from the index (`ix_facets`) instead of a read of
every concept: `add --subject`, `--new-subject`, a typo's hint and `--variant` for a variety
the termbase lacks cost one indexed read however large the termbase (issue 12)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings, strategies as st

from termbase import ConceptEdit, InvalidInput, Termbase, variant_warning
from termbase.facets import REGION, SUBJECT, ScannedFacets
from termbase.index import disk
from termbase.index.facets import FIRST_SQL, NEXT_SQL, SPELLED_SQL, IndexFacets

NO_SEED = {"seed": False}


# -- the index answers as a scan of the records would ------------------------------------------
SUBJECT_WORDS = st.sampled_from(["family", "Family", "FAMILY", "pomoc społeczna",
                                 "Pomoc Społeczna", "straße", "STRASSE", "", "x"])
REGIONS = st.sampled_from(["", "pl-PL", "pl-pl", "pl-LT", "lt-LT", "en-GB", "sr-Latn"])
DOCS = st.lists(st.tuples(SUBJECT_WORDS, st.lists(REGIONS, min_size=1, max_size=3)),
                max_size=12)


def _doc(number: int, subject: str, regions: list[str]) -> dict:
    return {"id": f"c{number}", "subject": subject,
            "terms": [{"lang": "pl", "text": f"termin{number} {n}", "region": region}
                      for n, region in enumerate(regions)]}


def _answers(facets, probes) -> tuple:
    return tuple((kind, sorted(facets.values(kind)),
                  tuple((facets.spelled(kind, p) or "").casefold() for p in probes))
                 for kind in (SUBJECT, REGION))


PROBES = ["family", "FAMILY", "Strasse", "pomoc SPOŁECZNA", "pl-pl", "PL-LT", "en-gb", "de"]


@settings(max_examples=60, deadline=None)
@given(DOCS, DOCS, st.data())
def test_index_facets_agree_with_a_scan_after_bulk_and_incremental_changes(first, later, data):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    docs = {f"c{n}": _doc(n, s, r) for n, (s, r) in enumerate(first)}
    disk.rebuild(conn, list(docs.values()), [], keep_records=False)
    writer = disk.IndexWriter(conn, keep_records=False)
    for n, (subject, regions) in enumerate(later, len(first)):
        docs[f"c{n}"] = _doc(n, subject, regions)
        writer.put_concept(f"c{n}", docs[f"c{n}"])
    for concept_id in data.draw(st.lists(st.sampled_from(sorted(docs)), unique=True)
                                if docs else st.just([])):
        del docs[concept_id]
        writer.remove_concept(concept_id)
    scanned = ScannedFacets(lambda: docs.values())
    assert _answers(IndexFacets(conn), PROBES) == _answers(scanned, PROBES)


def test_the_facet_queries_seek_the_primary_key_and_never_scan_the_table():
    conn = sqlite3.connect(":memory:")
    disk.create_schema(conn)
    for sql, params in ((SPELLED_SQL, ("subject", "x")), (FIRST_SQL, ("subject",)),
                        (NEXT_SQL, ("subject", "a", "a"))):
        plan = " | ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
        assert "SEARCH ix_facets USING PRIMARY KEY" in plan
        assert "SCAN" not in plan and "TEMP B-TREE" not in plan, plan


# -- on each engine, through the service layer ------------------------------------------------
@pytest.fixture(params=["json", "sqlite"])
def tb(request, tmp_path):
    tb = Termbase.open(tmp_path / f"tb.{request.param}", **NO_SEED)
    tb.add(ConceptEdit(terms=[("pl", "gmina"), ("lt", "savivaldybė")],
                       regions=[("pl", "gmina", "pl-LT")], subject="Local Government"),
           new_subject=True)
    tb.add(ConceptEdit(terms=[("pl", "opiekun")], subject="family"))
    tb.index  # current, as after any lookup
    return tb


def _without_whole_reads(tb, monkeypatch):
    """Make every read of all concepts fail, except a TinyDB writer's scan of the records it
    holds in memory anyway (its one reading of the file is allowed, a second is not)."""
    from termbase import sqlite_store, store

    def refuse(*args, **kwargs):
        raise AssertionError("read every concept of the store")

    monkeypatch.setattr(sqlite_store._Records, "stream", refuse)
    monkeypatch.setattr(sqlite_store.SQLiteStore, "concept_docs", refuse)
    monkeypatch.setattr(store.Store, "concept_docs", refuse)
    reads = []
    real = store.Store.read_tables

    def read_tables(self):
        reads.append(1)
        return real(self)

    monkeypatch.setattr(store.Store, "read_tables", read_tables)
    return reads


def test_add_and_edit_resolve_subjects_without_reading_every_concept(tb, monkeypatch):
    reads = _without_whole_reads(tb, monkeypatch)
    added = tb.add(ConceptEdit(terms=[("pl", "zasiłek")], subject="local government"))
    assert added.subject == "Local Government"          # spelled as the termbase does
    with pytest.raises(InvalidInput, match="did you mean 'Local Government'"):
        tb.add(ConceptEdit(terms=[("pl", "renta")], subject="Local Govermnent"))
    fresh = tb.add(ConceptEdit(terms=[("pl", "renta")], subject="Pensions"), new_subject=True)
    edited = tb.edit(fresh.id, ConceptEdit(subject="PENSIONS"))
    assert edited.subject == "Pensions"
    assert len(reads) <= 4  # TinyDB: the one reading of each write's own transaction


def test_variant_warning_reads_the_index_not_the_concepts(tb, monkeypatch):
    reads = _without_whole_reads(tb, monkeypatch)
    assert variant_warning(tb, "PL-lt") is None
    warning = variant_warning(tb, "pl-BY")
    assert "its varieties: pl-LT" in warning
    assert reads == []


def test_subjects_and_varieties_follow_every_change(tb):
    assert "Local Government" in tb.known_subjects()
    first = next(c for c in tb.concepts() if c.subject == "Local Government")
    tb.edit(first.id, ConceptEdit(subject="Regions"), new_subject=True)
    assert "Local Government" not in tb.known_subjects()   # no concept has it any more
    with pytest.raises(InvalidInput, match="--new-subject"):
        tb.add(ConceptEdit(terms=[("pl", "powiat")], subject="Local Government"))
    tb.delete(first.id)
    assert "it marks none" in variant_warning(tb, "pl-LT")
    tb.undo("last")                                       # the deletion, then the edit
    assert variant_warning(tb, "pl-LT") is None and "Regions" in tb.known_subjects()
    tb.undo("last")
    assert "Local Government" in tb.known_subjects() and "Regions" not in tb.known_subjects()


def test_a_tinydb_store_without_a_current_index_is_read_not_indexed(tmp_path):
    tb = Termbase.open(tmp_path / "tb.json", **NO_SEED)
    tb.add(ConceptEdit(terms=[("pl", "gmina")], regions=[("pl", "gmina", "pl-PL")]))
    tb.store.index_path.unlink(missing_ok=True)
    assert variant_warning(tb, "pl-pl") is None
    assert not tb.store.index_path.exists()  # a warning never costs an index build
