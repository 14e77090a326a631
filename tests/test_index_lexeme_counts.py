"""The number of terms holding each lexeme (ix_lexcount), which a lookup reads to pick its
rarest word and to cap a frequent one instead of counting postings: kept equal to the
postings by every kind of change on both engines, rebuilt with the index when missing or of
an older format, and found and repaired by doctor when it disagrees with them."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from test_index_differential import answers, generate_queries

from termbase import Termbase
from termbase.index import disk, search as search_module
from termbase.index.build import build_index
from termbase.model import Concept, Term

ENGINES = ["json", "sqlite"]


def index_file(tb: Termbase) -> Path:
    """The SQLite file holding the index tables: the sidecar of a TinyDB store, or the
    SQLite store itself."""
    return tb.store.index_path if tb.store.engine == "tinydb" else Path(tb.store.path)


def stored_and_counted(tb: Termbase) -> tuple[dict, dict]:
    """(ix_lexcount as stored, the same counted from ix_term_lex), read by a fresh
    connection so nothing cached in the Termbase is seen."""
    tb.index  # the index is brought up to date first
    conn = sqlite3.connect(index_file(tb))
    try:
        stored = dict(conn.execute("SELECT lex, n FROM ix_lexcount"))
        counted = Counter(lex for (lex,) in conn.execute("SELECT lex FROM ix_term_lex"))
    finally:
        conn.close()
    return stored, dict(counted)


def terms_holding(tb: Termbase, word: str) -> int:
    """What the index says of the lexeme of a Polish word (capped far above any count)."""
    index = tb.index
    lexemes = index.forms["pl"].get(word, ())
    return sum(index.lexeme_term_counts(lexemes, 10**9).values())


def tamper(tb: Termbase, *statements: str) -> None:
    tb.store.close() if tb.store.engine == "sqlite" else None
    conn = sqlite3.connect(index_file(tb))
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("engine", ENGINES)
def test_counts_follow_adds_edits_deletes_and_imports(tmp_path, engine):
    tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
    first = tb.add(Concept(terms=[Term("pl", "pomoc społeczna"), Term("lt", "socialinė pagalba")]))
    second = tb.add(Concept(terms=[Term("pl", "pomoc doraźna"), Term("pl", "pomoc")]))
    stored, counted = stored_and_counted(tb)
    assert stored == counted and terms_holding(tb, "pomoc") == 3

    tb.edit(second.id, lambda c: c.terms.pop())          # one term fewer holds "pomoc"
    stored, counted = stored_and_counted(tb)
    assert stored == counted and terms_holding(tb, "pomoc") == 2

    tb.delete(first.id)                                  # "społeczna" is held by no term
    stored, counted = stored_and_counted(tb)
    assert stored == counted and terms_holding(tb, "pomoc") == 1
    assert terms_holding(tb, "społeczna") == 0

    source = tmp_path / "in.tsv"
    source.write_text("pl\tlt\n" + "".join(f"pomoc nr {n}\tpagalba nr {n}\n" for n in range(40)),
                      encoding="utf-8")
    tb.import_file(source)
    stored, counted = stored_and_counted(tb)
    assert stored == counted and terms_holding(tb, "pomoc") == 41


@pytest.mark.parametrize("engine", ENGINES)
def test_a_bulk_import_writes_the_same_counts_as_changes_one_by_one(tmp_path, engine,
                                                                   monkeypatch):
    """An import large enough to rebuild the index in bulk (made small here) counts the
    lexemes while loading: the same counts as the same terms added one concept at a time."""
    rows = [(f"opieka {('dzienna', 'nocna', 'wytchnieniowa')[n % 3]} {n}",
             f"priežiūra {n}") for n in range(60)]
    source = tmp_path / "in.tsv"
    source.write_text("pl\tlt\n" + "".join(f"{pl}\t{lt}\n" for pl, lt in rows),
                      encoding="utf-8")
    monkeypatch.setattr(disk, "BULK_MIN", 10)
    bulk = Termbase.open(tmp_path / f"bulk.{engine}", seed=False)
    bulk.import_file(source)
    monkeypatch.setattr(disk, "BULK_MIN", 10**9)
    single = Termbase.open(tmp_path / f"single.{engine}", seed=False)
    for pl, lt in rows:
        single.add(Concept(terms=[Term("pl", pl), Term("lt", lt)]))
    stored, counted = stored_and_counted(bulk)
    assert stored == counted
    for word in ("opieka", "dzienna", "nocna", "7"):
        assert terms_holding(bulk, word) == terms_holding(single, word) > 0


@pytest.mark.parametrize("engine", ENGINES)
def test_counts_that_disagree_are_reported_by_doctor_and_repaired(tmp_path, engine):
    tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
    tb.add(Concept(terms=[Term("pl", "praca socjalna"), Term("pl", "praca")]))
    tb.index
    assert tb.doctor().index == "current"
    for statements in (["UPDATE ix_lexcount SET n=n+5"],
                       ["DELETE FROM ix_lexcount WHERE n=2"],
                       ["INSERT INTO ix_lexcount VALUES(999999, 1)"]):
        tamper(tb, *statements)
        tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
        assert tb.doctor().index.startswith("damaged: " + disk.COUNTS_DISAGREE)
        report = tb.doctor(repair=True)
        assert report.after.index == "current", report
        stored, counted = stored_and_counted(tb)
        assert stored == counted and terms_holding(tb, "praca") == 2


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("damage", ["table dropped", "older format"])
def test_a_missing_count_table_or_an_older_index_is_rebuilt_on_next_use(tmp_path, engine,
                                                                       damage):
    """The index of a termbase from before the counts (format 12) has no ix_lexcount; a
    table dropped by hand is the same case. The next lookup rebuilds the index."""
    tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
    tb.add(Concept(terms=[Term("pl", "praca socjalna"), Term("lt", "socialinis darbas")]))
    tb.add(Concept(terms=[Term("pl", "praca zmianowa")]))
    tb.index
    statements = ["DROP TABLE ix_lexcount"]
    if damage == "older format":
        statements.append(f"UPDATE ix_meta SET value='{disk.INDEX_FORMAT - 1}'"
                          " WHERE key='format'")
    tamper(tb, *statements)
    tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
    assert tb.doctor().index.startswith("damaged")
    assert [m.term for m in tb.lookup("pracy socjalnej", lang="pl")][:1] == ["praca socjalna"]
    stored, counted = stored_and_counted(tb)
    assert stored == counted and terms_holding(tb, "praca") == 2
    assert tb.doctor().index == "current"


def test_capped_candidates_are_the_same_on_disk_as_in_memory(tmp_path, shipped, monkeypatch):
    """With a cap of a few terms per word, the stored counts decide which words are capped
    (and where): every answer must still be the reference index's. Terms of one length are
    cut by term id, so the reference numbers its terms as the store did (one change indexes
    its concepts in id order)."""
    concepts = list(shipped.concepts())
    tb = Termbase.open(tmp_path / "tb.sqlite", seed=False)
    with tb.store.transaction("all") as tx:
        for concept in concepts:
            tx.add(Concept.from_dict(concept.to_dict()), keep_dates=True)
    for concept in random.Random(5).sample(concepts, 10):
        tb.delete(concept.id)
    final = sorted(tb.concepts(), key=lambda concept: concept.id)
    reference = build_index(final)
    queries = [q for q in generate_queries(final, 3000, seed=13)
               if q[0] not in ("segment", "memory") and q[2]]
    uncapped = [answers(reference, query, lang, kind) for kind, query, lang in queries]
    monkeypatch.setattr(search_module, "MAX_CONTAINING", 3)
    expected = [answers(reference, query, lang, kind) for kind, query, lang in queries]
    assert sum(a != b for a, b in zip(expected, uncapped)) > 20, "the cap changes nothing"
    differences = [query for (kind, query, lang), answer in zip(queries, expected)
                   if answers(tb.index, query, lang, kind) != answer]
    assert not differences, f"{len(differences)} of {len(queries)} differ, e.g. {differences[:3]}"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_writer_killed_mid_index_update_leaves_counts_that_agree(tmp_path, engine):
    """Killed after writing the index rows of a new concept, before its commit: the next
    reader finds counts that agree with the postings (the SQLite transaction rolled back;
    the TinyDB store's index file rebuilt), and doctor finds nothing to repair."""
    import signal
    import subprocess
    import sys

    from test_reliability_index import KILLED_WRITER

    tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
    tb.add(Concept(terms=[Term("pl", "asystent osobisty"), Term("lt", "asmeninis asistentas")]))
    tb.index
    store = tb.store.location
    if engine == "sqlite":
        tb.store.close()
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(store)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    fresh = Termbase.open(store, seed=False)
    stored, counted = stored_and_counted(fresh)
    assert stored == counted
    assert terms_holding(fresh, "asystent") == (2 if engine == "json" else 1)
    assert fresh.doctor().index == "current"
