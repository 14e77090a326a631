"""Rows of the index out of step with the data they index, on both engines (issue 12:
"never a stale or wrong answer").

The version stamps catch every writer that goes through termbase, or rewrites the TinyDB
file; they cannot catch an SQL edit of an SQLite store's rows (a database tool, a script)
or of the index file's rows, which leaves the stamp as it was. Such an index must neither
fail with an internal error nor show a term its concept no longer holds: a lookup that
meets a row naming what the data lacks rebuilds the index and answers from the data, and
`doctor` compares the index with the data, so `doctor --repair` rebuilds it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reliability_index import plant as edit_rows

from termbase import Termbase
from termbase.model import Concept, Term


@pytest.fixture(params=["json", "sqlite"])
def tb(request, tmp_path) -> Termbase:
    """A store of 60 concepts and one known pair, with a current index."""
    tb = Termbase.open(tmp_path / f"tb.{request.param}", seed=False)
    with tb.store.transaction("import") as tx:
        for i in range(60):
            tx.add(Concept(terms=[Term("pl", f"zasiłek numer {i}"),
                                  Term("lt", f"pašalpa numeris {i}")]))
    tb.add(Concept(id="k1", subject="family",
                   terms=[Term("pl", "praca socjalna"), Term("lt", "socialinis darbas")]))
    assert [m.concept_id for m in tb.lookup("praca socjalna", lang="pl")][:1] == ["k1"]
    return tb


def index_file(tb: Termbase) -> Path:
    """Where the index rows live: the store itself (SQLite) or its sidecar (TinyDB)."""
    return Path(tb.store.location) if tb.store.engine == "sqlite" else tb.store.index_path


def found(path: str, query: str) -> list[tuple[str, str]]:
    """(concept, term) of another process's lookup (a new Termbase on the same file)."""
    return [(m.concept_id, m.term)
            for m in Termbase.open(path, create=False).lookup(query, lang="pl")]


def test_a_term_row_deleted_from_the_index_is_rebuilt_not_an_internal_error(tb):
    """The term's postings still name it: reading them must not end in a KeyError."""
    edit_rows(index_file(tb), "DELETE FROM ix_terms WHERE text='praca socjalna'")
    assert found(tb.store.location, "pracy socjalnej")[:1] == [("k1", "praca socjalna")]
    assert [term for _, term in found(tb.store.location, "zasiłek numer 7")][:1] == [
        "zasiłek numer 7"]


def test_a_concept_whose_term_changed_behind_the_index_is_answered_from_the_data(tb):
    """The concept's record says one term, the index another (an SQL UPDATE of the
    record; for TinyDB, of the index file's copy of it, while the store keeps the old
    term): a lookup answers what the data holds, never the index's other version."""
    sqlite = tb.store.engine == "sqlite"
    table = "concepts" if sqlite else "ix_concepts"
    edit_rows(index_file(tb), f"UPDATE {table} SET doc=replace(doc, 'praca socjalna',"
                              " 'opieka dzienna') WHERE id='k1'")
    held, lost = ("opieka dzienna", "praca socjalna") if sqlite else ("praca socjalna",
                                                                      "opieka dzienna")
    assert ("k1", lost) not in found(tb.store.location, lost)
    assert found(tb.store.location, held)[:1] == [("k1", held)]
    assert ("k1", lost) not in found(tb.store.location, lost)


def test_a_concept_deleted_behind_the_index_is_not_an_internal_error(tb):
    table = "concepts" if tb.store.engine == "sqlite" else "ix_concepts"
    edit_rows(index_file(tb), f"DELETE FROM {table} WHERE id='k1'")
    assert [c for c, _ in found(tb.store.location, "praca socjalna")].count("k1") == (
        0 if tb.store.engine == "sqlite" else 1)


# Edits the version stamp cannot see, and that no lookup may happen to meet: doctor finds
# them by comparing the index with the data.
SILENT_EDITS = {
    "posting deleted": "DELETE FROM ix_term_lex WHERE tid IN (SELECT tid FROM ix_terms"
                       " WHERE text='praca socjalna')",
    "term row renamed": "UPDATE ix_terms SET text='praca społeczna' WHERE text='praca socjalna'",
    "sequence deleted": "DELETE FROM ix_seq WHERE tid IN (SELECT tid FROM ix_terms"
                        " WHERE text='praca socjalna')",
}


@pytest.mark.parametrize("edit", sorted(SILENT_EDITS))
def test_doctor_finds_index_rows_out_of_step_and_repair_rebuilds_them(tb, edit):
    edit_rows(index_file(tb), SILENT_EDITS[edit])
    report = Termbase.open(tb.store.location, create=False).doctor()
    # a deleted posting also leaves the stored term counts wrong, which is found first
    assert report.index.startswith(("out of step", "damaged: term counts")), report.index
    if report.index.startswith("out of step"):
        assert any("out of step" in warning for warning in report.warnings)
    repaired = Termbase.open(tb.store.location, create=False).doctor(repair=True)
    assert repaired.after.index == "current"
    assert found(tb.store.location, "pracy socjalnej")[:1] == [("k1", "praca socjalna")]


def test_doctor_finds_a_record_changed_behind_an_sqlite_stores_index(tmp_path):
    """The record changed (a database tool), the index not: the new term is found only
    once doctor --repair has rebuilt the index."""
    tb = Termbase.open(tmp_path / "tb.sqlite", seed=False)
    tb.add(Concept(id="k1", terms=[Term("pl", "praca socjalna")]))
    assert Termbase.open(tb.store.location, create=False).doctor().index == "current"
    edit_rows(tmp_path / "tb.sqlite", "UPDATE concepts SET doc=replace(doc, 'praca socjalna',"
                                      " 'opieka dzienna') WHERE id='k1'")
    assert Termbase.open(tb.store.location, create=False).doctor().index.startswith(
        "out of step")
    Termbase.open(tb.store.location, create=False).doctor(repair=True)
    assert found(tb.store.location, "opieki dziennej") == [("k1", "opieka dzienna")]


def test_a_commit_between_the_version_check_and_the_read_is_not_mixed_with_cached_rows(tb):
    """A long-lived reader (the shell) checked its index's version, then another process
    committed before the reader's snapshot began: the snapshot shows the new version, and
    the rows cached from the old one (a term id the new term took over) must not answer."""
    from termbase.index.search import search
    from termbase.lookup import rank

    tb.add(Concept(id="k2", terms=[Term("pl", "asystent rodziny")]))
    index = tb.index                           # the version check of the next lookup...
    assert rank(index, search(index, "asystent rodziny", ["pl"]), None, 1)[0].concept_id == "k2"
    other = Termbase.open(tb.store.location, create=False)    # ...then another process
    other.delete("k2")
    other.add(Concept(id="k3", terms=[Term("pl", "kurator zawodowy")]))  # takes k2's term id
    with index.snapshot():
        matches = rank(index, search(index, "kurator zawodowy", ["pl"]), None, 1)
        assert [(m.concept_id, m.term) for m in matches] == [("k3", "kurator zawodowy")]
        assert search(index, "asystent rodziny", ["pl"], fuzzy=False) == []


@pytest.mark.parametrize("record", ["{not json", "[1, 2]", "null", '{"id": "k1", "terms": "x"}',
                                    '{"id": "k1", "terms": [{"lang": 5, "text": "x"}]}'])
def test_an_sqlite_record_edited_into_something_else_is_one_clear_line(tmp_path, run_cli,
                                                                       record):
    """Not JSON, not an object, or not a concept's shape: every reader of the record
    (lookup, show, export, doctor) says which record is damaged, in one line; doctor reports
    it as a problem instead of failing itself."""
    db = tmp_path / "tb.sqlite"
    tb = Termbase.open(db, seed=False)
    tb.add(Concept(id="k1", terms=[Term("pl", "praca socjalna")]))
    tb.add(Concept(id="k2", terms=[Term("pl", "pomoc społeczna")]))
    edit_rows(db, f"UPDATE concepts SET doc='{record}' WHERE id='k1'")
    for command in (["lookup", "praca socjalna"], ["show", "k1"],
                    ["export", str(tmp_path / "x.tbx")]):
        result = run_cli("--db", db, *command)
        assert result.code != 0 and "internal error" not in result.err
        assert "record 'k1' of table concepts" in result.err, result.err
        assert len(result.err.strip().splitlines()) == 1
    assert "pomoc społeczna" in run_cli("--db", db, "lookup", "pomoc społeczna").out
    report = Termbase.open(db, create=False).doctor()
    assert not report.ok and any("record 'k1'" in problem for problem in report.problems)
