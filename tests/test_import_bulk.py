"""Large imports take cheaper paths; each must import exactly what the general path does.

* Into a small SQLite termbase, an import reads the stored terms once instead of asking the
  index per incoming term (`index/term_finder.py`): the same concepts merge the same way.
* The bulk index load (`disk._BulkLoader`) writes the same rows as the row-by-row writer
  that small changes use.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from termbase import Termbase
from termbase.history import undo_batch
from termbase.index import disk, term_finder
from termbase.model import Concept, Term

# Stored concepts the file below merges into: by id (n1), by a shared term (ośrodek
# pomocy społecznej), by a term two stored concepts share (gmina: a tie), and a term
# whose normal form differs from its text (case and spacing).
STORED = (
    "id\tpl\tlt\ten\tdefinition_en\n"
    "n1\tpomoc społeczna\tsocialinė parama\tsocial assistance\thelp from the state\n"
    "n2\tośrodek pomocy społecznej\tsocialinių paslaugų centras\t\t\n"
    "n3\tgmina\tsavivaldybė\tmunicipality\t\n"
    "n4\tgmina\tseniūnija\tcommune\t\n"
    "n5\tPracownik  Socjalny\tsocialinis darbuotojas\tsocial worker\t\n"
)
INCOMING = (
    "id\tpl\tlt\ten\tdefinition_en\n"
    "n1\tpomoc społeczna\t\tsocial aid\tstate help\n"
    "x2\tośrodek pomocy społecznej\t\tsocial welfare centre\t\n"
    "\tgmina\t\tborough\t\n"
    "\tpracownik socjalny\tsocialinis darbuotojas\t\t\n"
    "x5\tświadczenie pielęgnacyjne\tslaugos išmoka\tcare allowance\t\n"
    "x6\tświadczenie pielęgnacyjne\t\tnursing benefit\t\n"
    "\tasystent rodziny\tšeimos asistentas\tfamily assistant\t\n"
    "\tasystent rodziny\t\tfamily support worker\t\n"
)


def concepts(tb: Termbase) -> list[str]:
    docs = ({k: v for k, v in doc.items() if k not in ("created", "modified")}
            for doc in tb.store.concept_docs())
    return sorted(json.dumps(doc, sort_keys=True, ensure_ascii=False) for doc in docs)


def index_rows(path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'ix\\_%'"
            " ESCAPE '\\' AND name != 'ix_meta'")]
        return {name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
                for name in tables}
    finally:
        conn.close()


def imported(tmp_path, name: str, mode: str, engine: str = "sqlite"
             ) -> tuple[Termbase, object]:
    stored, incoming = tmp_path / "stored.tsv", tmp_path / "incoming.tsv"
    stored.write_text(STORED, encoding="utf-8")
    incoming.write_text(INCOMING, encoding="utf-8")
    tb = Termbase.open(tmp_path / f"{name}.{engine}", seed=False)
    tb.import_file(stored)
    return tb, tb.import_file(incoming, on_conflict=mode)


@pytest.mark.parametrize("mode", ["merge", "skip", "new"])
def test_terms_read_at_once_merge_as_terms_asked_one_by_one(tmp_path, monkeypatch, mode):
    preloaded, preloaded_report = imported(tmp_path, "preloaded", mode)
    monkeypatch.setattr(term_finder, "PRELOAD_MAX_TERMS", -1)
    asked, asked_report = imported(tmp_path, "asked", mode)
    assert concepts(preloaded) == concepts(asked)
    assert index_rows(preloaded.path) == index_rows(asked.path)
    for field in ("added", "merged", "unchanged", "skipped", "conflicts"):
        assert getattr(preloaded_report, field) == getattr(asked_report, field), field
    if mode == "merge":  # the merges happened (the file is not one of new concepts only)
        assert preloaded_report.merged >= 3
        assert preloaded_report.added == 3


def test_both_ways_of_finding_stored_terms_give_the_same_ids_in_the_same_order(tmp_path):
    tb, _ = imported(tmp_path, "tb", "merge")
    conn = sqlite3.connect(tb.path)
    keys = conn.execute("SELECT DISTINCT lang, nkey FROM ix_terms").fetchall()
    keys += [("pl", "nie ma takiego terminu"), ("xx", "gmina")]
    preload = term_finder.StoredTerms(conn)
    per_key = term_finder.StoredTerms(conn, preload_max=-1)
    for lang, key in keys:
        assert list(preload(lang, key)) == list(per_key(lang, key)), (lang, key)
    assert preload.loaded is not None and per_key.loaded is None
    assert sorted(preload("pl", "gmina")) == ["n3", "n4"]   # a tie, ordered alike


def test_an_import_into_a_small_store_undoes_to_the_store_before_it(tmp_path):
    stored = tmp_path / "stored.tsv"
    stored.write_text(STORED, encoding="utf-8")
    tb = Termbase.open(tmp_path / "tb.sqlite", seed=False)
    tb.import_file(stored)
    before, rows_before = concepts(tb), term_rows(tb.path)
    incoming = tmp_path / "incoming.tsv"
    incoming.write_text(INCOMING, encoding="utf-8")
    report = tb.import_file(incoming)
    assert concepts(tb) != before
    undo_batch(tb.store, report.batch)
    assert concepts(tb) == before
    assert term_rows(tb.path) == rows_before


def canonical_index(path) -> dict[str, list]:
    """The index rows with the ids that depend on the order of writing (lexeme, term and
    word ids) replaced by what they stand for, so two ways of building compare equal."""
    conn = sqlite3.connect(path)
    lemma = dict(conn.execute("SELECT lex, lang || ':' || lemma FROM ix_lexemes"))
    term = {tid: (cid, lang, text) for tid, cid, lang, text in conn.execute(
        "SELECT tid, concept_id, lang, text FROM ix_terms")}
    word = dict(conn.execute("SELECT wid, lang || ':' || word FROM ix_words"))
    # (a row-by-row removal leaves the paths of a removed lexeme behind: shown as such)
    seq = lambda text: tuple(lemma.get(int(x), "removed") for x in text.split())  # noqa: E731
    origin = lambda tid: term[tid] if tid else 0  # noqa: E731
    tables = {
        "terms": [(cid, lang, text, status, seq(path), nkey, fkey) for
                  _, cid, lang, text, status, path, nkey, fkey in conn.execute(
                      "SELECT * FROM ix_terms")],
        "forms": [(lang, form, lemma[lex], origin(o)) for lang, form, lex, o in
                  conn.execute("SELECT * FROM ix_forms")],
        "stems": [(lang, stem, lemma[lex], origin(o)) for lang, stem, lex, o in
                  conn.execute("SELECT * FROM ix_stems")],
        "term_lex": [(lemma[lex], n, cid, term[tid]) for lex, n, cid, tid in
                     conn.execute("SELECT * FROM ix_term_lex")],
        "paths": [(lang, seq(path)) for lang, path in conn.execute("SELECT * FROM ix_paths")],
        "seq": [(lang, seq(path), term[tid]) for lang, path, tid in
                conn.execute("SELECT * FROM ix_seq")],
        "deletes": [(h, word[wid]) for h, wid in conn.execute("SELECT * FROM ix_deletes")],
        "tokens": conn.execute("SELECT * FROM ix_tokens").fetchall(),
        "langs": conn.execute("SELECT * FROM ix_langs").fetchall(),
        "words": list(word.values()),
        "lexemes": list(lemma.values()),
    }
    conn.close()
    return {name: sorted(rows, key=repr) for name, rows in tables.items()}


def term_rows(path) -> dict[str, list]:
    """The index's rows of terms (a row-by-row removal leaves some vocabulary behind, which
    queries check against the terms)."""
    rows = canonical_index(path)
    return {name: rows[name] for name in ("terms", "term_lex", "seq")}


@pytest.mark.parametrize("engine", ["sqlite", "json"])
def test_the_bulk_load_writes_the_rows_the_row_by_row_writer_writes(tmp_path, engine):
    tb, _ = imported(tmp_path, "tb", "merge", engine)
    tb.index  # the TinyDB store's index file beside it is made by the first use
    with tb.store.transaction(command="forms") as tx:  # forms observed in texts, too
        concept = tx.get("n2")
        concept.terms[0].forms = ["ośrodkiem pomocy społecznej", "ośrodku"]
        tx.update(concept)
    assert len(list(tb.store.concept_docs())) < disk.BULK_MIN  # so written row by row
    index_file = tb.path if engine == "sqlite" else tb.path.with_name(tb.path.name +
                                                                      ".tbindex")
    incremental = canonical_index(index_file)
    assert any(o for *_, o in incremental["forms"])
    tb.rebuild_index()
    assert canonical_index(index_file) == incremental


@pytest.mark.parametrize("engine", ["sqlite", "json"])
def test_a_removed_term_leaves_no_trie_path_that_no_other_term_passes_through(tmp_path,
                                                                              engine):
    tb = Termbase.open(tmp_path / f"tb.{'sqlite' if engine == 'sqlite' else 'json'}")
    tb.index
    index_file = tb.path if engine == "sqlite" else tb.path.with_name(tb.path.name +
                                                                      ".tbindex")
    before = set(canonical_index(index_file)["paths"])
    kept = tb.add(Concept(terms=[Term("pl", "opiekun prawny dziecka")]))
    gone = tb.add(Concept(terms=[Term("pl", "opiekun prawny osoby ubezwłasnowolnionej"),
                                 Term("pl", "kurator procesowy osoby nieobecnej")]))
    with_both = canonical_index(index_file)["paths"]
    tb.delete(gone.id)
    paths = canonical_index(index_file)["paths"]
    assert before < set(paths) < set(with_both)  # the shared "opiekun prawny" stays
    tb.rebuild_index()
    assert canonical_index(index_file)["paths"] == paths
    tb.delete(kept.id)
    assert set(canonical_index(index_file)["paths"]) == before


def test_stored_terms_asked_by_key_come_in_term_order_without_a_sort(tmp_path):
    """The order of the ids decides which concept a tie merges into: it is asked for in SQL
    (any order is allowed to a DISTINCT on PostgreSQL), and read from the key's index."""
    tb, _ = imported(tmp_path, "tb", "merge")
    conn = sqlite3.connect(tb.path)
    plan = " ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + term_finder._BY_KEY,
                                                    ("gmina", "pl")))
    assert "ix_terms_nkey" in plan and "TEMP B-TREE" not in plan, plan
    assert "ORDER BY tid" in term_finder._BY_KEY
