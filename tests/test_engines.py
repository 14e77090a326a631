"""Both storage engines keep the same promises: the index follows every change at once,
undo restores any earlier state exactly, `copy` moves everything, and an index that is
stale, damaged or planted is detected and rebuilt, never trusted."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termbase import Termbase
from termbase.copying import copy_termbase
from termbase.history import undo_batch
from termbase.model import Concept, Segment, Term

ENGINES = ["json", "sqlite"]


def open_empty(tmp_path, engine: str, name: str = "tb") -> Termbase:
    return Termbase.open(tmp_path / f"{name}.{engine}", seed=False)


def state(tb: Termbase) -> tuple:
    concepts = sorted((json.dumps(d, sort_keys=True) for d in tb.store.concept_docs()))
    segments = sorted((k, json.dumps(d, sort_keys=True)) for k, d in tb.store.segment_items())
    return tuple(concepts), tuple(segments)


def top(tb: Termbase, query: str, lang: str | None = None) -> list[str]:
    return [m.term for m in tb.lookup(query, lang=lang)][:3]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_engine_is_chosen_by_the_file_name(tmp_path, engine):
    tb = open_empty(tmp_path, engine)
    assert tb.store.engine == {"json": "tinydb", "sqlite": "sqlite"}[engine]
    assert Termbase.open(f"sqlite:///{tmp_path}/url.db", seed=False).store.engine == "sqlite"


@pytest.mark.parametrize("engine", ENGINES)
def test_every_change_is_found_by_the_next_lookup_without_a_rebuild(tmp_path, engine):
    tb = open_empty(tmp_path, engine)
    tb.index
    added = tb.add(Concept(terms=[Term("pl", "asystent rodziny"), Term("lt", "šeimos asistentas")]))
    assert top(tb, "asystentowi rodziny", "pl") == ["asystent rodziny"]
    assert top(tb, "seimos asistentui", "lt") == ["šeimos asistentas"]
    assert top(tb, "asystnt rodziny", "pl") == ["asystent rodziny"]       # a typo
    tb.edit(added.id, lambda c: c.terms.append(Term("en", "family assistant")))
    assert top(tb, "family assistants", "en") == ["family assistant"]
    tb.delete(added.id)
    assert top(tb, "asystentowi rodziny", "pl") == []
    # another process sees the same, from the index file alone
    other = Termbase.open(tb.store.location, seed=False)
    assert top(other, "asystentowi rodziny", "pl") == []


@pytest.mark.parametrize("engine", ENGINES)
def test_an_incrementally_kept_index_answers_like_a_fresh_one(tmp_path, engine):
    tb = open_empty(tmp_path, engine)
    words = [("opieka wytchnieniowa", "atokvėpio paslaugos"), ("piecza zastępcza", "globa"),
             ("rodzina zastępcza", "globėjų šeima"), ("interwencja kryzysowa", "krizių intervencija"),
             ("dom pomocy społecznej", "socialinės globos namai")]
    ids = [tb.add(Concept(terms=[Term("pl", pl), Term("lt", lt)])).id for pl, lt in words]
    tb.delete(ids[1])
    tb.edit(ids[2], lambda c: setattr(c.terms[0], "forms", ["rodzinie zastępczej"]))
    queries = ["opiece wytchnieniowej", "pieczy zastępczej", "rodzinie zastępczej",
               "interwencji kryzysowej", "domu pomocy społecznej", "globėjų šeimoje",
               "krizes intervencija", "socialines globos namuose", "domy", "rodzin"]
    incremental = {q: [(m.concept_id, m.term, m.score, m.match) for m in tb.lookup(q)]
                   for q in queries}
    fresh = Termbase.open(tb.store.location, seed=False)
    fresh.rebuild_index()
    assert {q: [(m.concept_id, m.term, m.score, m.match) for m in fresh.lookup(q)]
            for q in queries} == incremental


def _random_history(tb: Termbase, ops: list[tuple[str, int]]) -> list[tuple[str, tuple]]:
    """Apply the operations; returns (batch id, state before it) for each."""
    done = []
    for op, n in ops:
        before = state(tb)
        concepts = [c.id for c in tb.concepts()]
        segments = [k for k, _ in tb.store.segment_items()]
        with tb.store.transaction(command=op) as tx:
            if op == "add":
                for i in range(n % 3 + 1):
                    tx.add(Concept(terms=[Term("pl", f"termin {n} {i}"), Term("lt", f"terminas {n}")]))
            elif op == "edit" and concepts:
                concept = tx.get(concepts[n % len(concepts)])
                concept.note = f"note {n}"
                concept.terms.append(Term("en", f"term {n}"))
                tx.update(concept)
            elif op == "delete" and concepts:
                tx.delete(concepts[n % len(concepts)])
            elif op == "segments":
                for i in range(n % 3 + 1):
                    tx.add_segment(Segment({"pl": f"zdanie {n} {i}", "lt": f"sakinys {n} {i}"}))
            elif op == "edit_segment" and segments:
                tx.update_segment(segments[n % len(segments)],
                                  Segment({"pl": f"inne zdanie {n}", "lt": f"kitas {n}"}))
            elif op == "delete_segment" and segments:
                tx.delete_segment(segments[n % len(segments)])
            batch = tx.batch if tx.changed else None
        if batch:
            done.append((batch, before))
    return done


OPERATIONS = st.lists(st.tuples(st.sampled_from(
    ["add", "edit", "delete", "segments", "edit_segment", "delete_segment"]),
    st.integers(0, 50)), min_size=1, max_size=8)


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=OPERATIONS)
def test_undoing_batches_in_reverse_restores_every_earlier_state(tmp_path_factory, engine, ops):
    tb = open_empty(tmp_path_factory.mktemp("undo"), engine)
    done = _random_history(tb, ops)
    final = state(tb)
    undos = []
    for batch, before in reversed(done):
        undos.append(undo_batch(tb.store, batch)["batch"])
        assert state(tb) == before
    # and undoing the undos (newest first) brings the final state back
    for undo in reversed(undos):
        undo_batch(tb.store, undo)
    assert state(tb) == final


@pytest.mark.parametrize("engine", ENGINES)
def test_the_creation_batch_of_an_empty_store_can_be_undone(tmp_path, engine):
    tb = open_empty(tmp_path, engine)
    first = tb.history()[0].batch
    result = undo_batch(tb.store, first)
    assert result["changes_reverted"] == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_undo_of_the_undo_of_a_memory_import_brings_the_segments_back(tmp_path, engine):
    from pathlib import Path

    tb = open_empty(tmp_path, engine)
    tmx = Path(__file__).parent / "data" / "memory_pl_lt_en.tmx"
    report = tb.import_file(tmx)
    count = tb.store.counts()["memory_segments"]
    assert count > 0
    undo = undo_batch(tb.store, report.batch)["batch"]
    assert tb.store.counts()["memory_segments"] == 0
    undo_batch(tb.store, undo)
    assert tb.store.counts()["memory_segments"] == count
    assert len(tb.index.memory) == count


@pytest.mark.parametrize("source, target", [("json", "sqlite"), ("sqlite", "json")])
def test_copy_moves_everything_and_undo_still_works(tmp_path, source, target):
    from pathlib import Path

    tb = Termbase.open(tmp_path / f"a.{source}")           # the shipped glossary
    tb.import_file(Path(__file__).parent / "data" / "memory_pl_lt_en.tmx")
    added = tb.add(Concept(terms=[Term("pl", "asystent międzykulturowy"), Term("lt", "tarpkultūrinis asistentas")]))
    copy_termbase(tmp_path / f"a.{source}", tmp_path / f"b.{target}")
    moved = Termbase.open(tmp_path / f"b.{target}")
    assert state(moved) == state(tb)
    assert moved.store.batches() == tb.store.batches()
    assert moved.store.changes() == tb.store.changes()
    assert moved.store.meta()["next_id"] == tb.store.meta()["next_id"]
    assert top(moved, "asystentowi międzykulturowemu", "pl") == ["asystent międzykulturowy"]
    undo_batch(moved.store, "last")
    assert moved.store.get_concept(added.id) is None
    assert top(moved, "asystentowi międzykulturowemu", "pl") == []
    # and back again, still equal
    copy_termbase(tmp_path / f"b.{target}", tmp_path / f"c.{source}")
    assert state(Termbase.open(tmp_path / f"c.{source}")) == state(moved)


def test_copy_refuses_an_existing_target(tmp_path):
    from termbase.errors import StoreError

    open_empty(tmp_path, "json", "a")
    open_empty(tmp_path, "sqlite", "b")
    with pytest.raises(StoreError, match="already exists"):
        copy_termbase(tmp_path / "a.json", tmp_path / "b.sqlite")


def test_an_index_left_behind_by_an_older_writer_is_rebuilt(tmp_path):
    """The JSON file changed by a program that does not keep the index (an older termbase,
    a hand edit): the index no longer matches the file and is not used."""
    tb = open_empty(tmp_path, "json")
    tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    tb.index
    data = json.loads(tb.store.path.read_text(encoding="utf-8"))
    data["concepts"]["1"]["terms"][0]["text"] = "poradnictwo specjalistyczne"
    tb.store.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    fresh = Termbase.open(tb.store.path, seed=False)
    assert top(fresh, "poradnictwa specjalistycznego", "pl") == ["poradnictwo specjalistyczne"]
    assert top(fresh, "praca socjalna", "pl") == []


def test_sqlite_data_changed_without_the_index_is_detected(tmp_path):
    tb = open_empty(tmp_path, "sqlite")
    added = tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    tb.index
    conn = sqlite3.connect(tb.store.path)
    doc = {"id": added.id, "terms": [{"lang": "pl", "text": "poradnictwo specjalistyczne"}]}
    conn.execute("UPDATE concepts SET doc=? WHERE id=?", (json.dumps(doc), added.id))
    conn.execute("UPDATE meta SET value=value+1 WHERE key='generation'")
    conn.commit()
    conn.close()
    fresh = Termbase.open(tb.store.path, seed=False)
    assert top(fresh, "poradnictwa specjalistycznego", "pl") == ["poradnictwo specjalistyczne"]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "trigger", "other format"])
def test_a_damaged_or_planted_index_file_is_rebuilt_not_trusted(tmp_path, damage):
    tb = open_empty(tmp_path, "json")
    tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    tb.index
    path = tb.store.index_path
    marker = tmp_path / "executed"
    if damage == "garbage":
        path.write_bytes(b"\x00not a database" * 100)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:3000])
    elif damage == "trigger":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE pwned(x)")
        conn.execute("CREATE TRIGGER t AFTER INSERT ON ix_terms BEGIN INSERT INTO pwned "
                     "VALUES(1); END")
        conn.commit()
        conn.close()
    else:
        conn = sqlite3.connect(path)
        conn.execute("UPDATE ix_meta SET value='1' WHERE key='format'")
        conn.commit()
        conn.close()
    fresh = Termbase.open(tb.store.path, seed=False)
    assert top(fresh, "pracy socjalnej", "pl") == ["praca socjalna"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger'").fetchone() == (0,)
    conn.close()
    assert not marker.exists()


def test_no_index_file_is_ever_unpickled(tmp_path):
    """A pickle planted where the old index cache lived is never read."""
    import pickle

    tb = open_empty(tmp_path, "json")
    tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    marker = tmp_path / "executed"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for name in (".tbcache", ".tbindex"):
        planted = tb.store.path.with_name(tb.store.path.name + name)
        planted.write_bytes(b"TBIDX1\n" + pickle.dumps(Evil()))
    assert top(Termbase.open(tb.store.path, seed=False), "pracy socjalnej", "pl") == ["praca socjalna"]
    assert not marker.exists()


def test_a_damaged_sqlite_store_is_one_clear_error(tmp_path):
    from termbase.errors import StoreError

    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StoreError, match="bad.sqlite"):
        Termbase.open(path, seed=False).lookup("praca")


# -- SQLite: the guarantees the TinyDB file has, held by the database ------------------------
def test_sqlite_an_exception_inside_a_transaction_writes_nothing(tmp_path):
    tb = open_empty(tmp_path, "sqlite")
    tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    before = (state(tb), tb.store.batches(), tb.store.changes())
    with pytest.raises(RuntimeError):
        with tb.store.transaction("failing") as tx:
            tx.add(Concept(terms=[Term("pl", "pomoc doraźna")]))
            raise RuntimeError("boom")
    assert (state(tb), tb.store.batches(), tb.store.changes()) == before
    assert top(tb, "pomocy doraźnej", "pl") == []


def test_sqlite_ids_are_never_reused_and_the_file_is_plain_sqlite(tmp_path):
    tb = open_empty(tmp_path, "sqlite")
    first = tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    tb.delete(first.id)
    second = tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    assert second.id != first.id
    conn = sqlite3.connect(tb.store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("SELECT count(*) FROM concepts").fetchone() == (1,)
    conn.close()


def test_sqlite_a_dry_run_writes_nothing(tmp_path):
    tb = open_empty(tmp_path, "sqlite")
    before = (state(tb), tb.store.batches())
    with tb.store.transaction("dry", dry_run=True) as tx:
        tx.add(Concept(terms=[Term("pl", "praca socjalna")]))
    assert (state(tb), tb.store.batches()) == before


def test_sqlite_a_writer_waits_for_the_lock_and_times_out_clearly(tmp_path, monkeypatch):
    from termbase import sqlite_store
    from termbase.errors import StoreLocked

    tb = open_empty(tmp_path, "sqlite")
    holder = sqlite3.connect(tb.store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(sqlite_store, "LOCK_TIMEOUT_MS", 200)
    other = Termbase.open(tb.store.path, seed=False)
    other.store.close()
    with pytest.raises(StoreLocked, match="locked"):
        other.add(Concept(terms=[Term("pl", "praca socjalna")]))
    holder.execute("ROLLBACK")
    holder.close()
    assert other.add(Concept(terms=[Term("pl", "praca socjalna")])).id


def test_sqlite_readers_see_the_last_commit_while_a_writer_works(tmp_path):
    tb = open_empty(tmp_path, "sqlite")
    tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    reader = Termbase.open(tb.store.path, seed=False)
    with tb.store.transaction("long write") as tx:
        tx.add(Concept(terms=[Term("pl", "pomoc doraźna")]))
        # WAL: the reader is not blocked and sees the committed state only
        assert top(reader, "pracy socjalnej", "pl") == ["praca socjalna"]
        assert top(reader, "pomocy doraźnej", "pl") == []
    assert top(reader, "pomocy doraźnej", "pl") == ["pomoc doraźna"]


def test_sqlite_a_newer_schema_is_refused(tmp_path):
    from termbase.errors import StoreError

    tb = open_empty(tmp_path, "sqlite")
    conn = sqlite3.connect(tb.store.path)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer termbase"):
        Termbase.open(tb.store.path, seed=False).add(Concept(terms=[Term("pl", "praca")]))


@pytest.mark.parametrize("engine", ENGINES)
def test_stats_and_doctor_name_the_engine(tmp_path, engine):
    from termbase.doctor import diagnose

    tb = open_empty(tmp_path, engine)
    tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    assert tb.stats().engine == tb.store.engine
    report = diagnose(tb.store)
    assert report["ok"] and report["engine"] == tb.store.engine
    assert report["index"].startswith(("current", "absent"))


# -- erasure -----------------------------------------------------------------------------------
@pytest.mark.parametrize("engine", ENGINES)
def test_purge_leaves_no_word_of_a_purged_term_in_any_file(tmp_path, engine):
    """Index rows keep words folded and lower-cased: those must go too."""
    from termbase.erasure import purge

    tb = open_empty(tmp_path, engine)
    tb.add(Concept(terms=[Term("pl", "opiekun Wiśniewskiego")]))
    tb.add(Concept(terms=[Term("pl", "opiekun prawny")]))
    tb.lookup("opiekunowi prawnemu")
    purge(tb.store, "Wiśniewsk")
    for path in tmp_path.iterdir():
        data = path.read_bytes().lower()
        assert b"wisniewsk" not in data and "wiśniewsk".encode() not in data, path.name
    assert [m.term for m in tb.lookup("opiekun prawny")][:1] == ["opiekun prawny"]


@pytest.mark.parametrize("engine", ENGINES)
def test_purge_removes_a_name_from_store_log_backup_and_index(tmp_path, engine):
    from termbase.erasure import purge
    from termbase.errors import StoreError

    tb = open_empty(tmp_path, engine)
    concept = tb.add(Concept(note="Case of Jonas Petraitis, Vilnius", terms=[
        Term("pl", "asystent osobisty"), Term("lt", "asmeninis asistentas")]))
    tb.edit(concept.id, lambda c: setattr(c, "note", "Family of Jonas Petraitis moved"))
    with tb.store.transaction("memory") as tx:
        tx.add_segment(Segment({"pl": "Jonas Petraitis otrzymał zasiłek.",
                                "lt": "Jonas Petraitis gavo pašalpą."}))
        tx.add_segment(Segment({"pl": "Zasiłek celowy.", "lt": "Tikslinė pašalpa."}))
        key = next(k for k, s in tx.segments() if "Jonas" in s.texts["pl"])
    tb.index
    with tb.store.transaction("edit segment") as tx:
        tx.update_segment(key, Segment({"pl": "Jonas Petraitis otrzymał zasiłek celowy.",
                                        "lt": "Jonas Petraitis gavo tikslinę pašalpą."}))
    report = purge(tb.store, "jonas petraitis")
    assert report.segments_deleted == 1 and report.concepts_changed == 1
    files = [tb.store.path] + ([tb.store.path.with_name(tb.store.path.name + ".bak")]
                               if engine == "json" else [])
    files += list(tmp_path.glob("*-wal"))
    for path in files:
        assert b"Petraitis" not in path.read_bytes(), path
    assert "Petraitis" not in json.dumps(tb.store.changes() + tb.store.batches())
    assert tb.get(concept.id).note == "Family of [removed] moved"
    assert [m.source for m in tb.index.memory.search("Jonas Petraitis otrzymał zasiłek", "pl", "lt")] \
        == []
    assert tb.store.counts()["memory_segments"] == 1
    assert tb.history()[-1].command == "purge"
    with pytest.raises(StoreError, match="cannot be undone"):
        undo_batch(tb.store, report.batch)
    with pytest.raises(StoreError, match="no longer be undone"):
        undo_batch(tb.store, "last")          # the segment edit: its before-image is gone


def test_purge_refuses_a_string_too_short_to_be_safe(tmp_path):
    from termbase.erasure import purge
    from termbase.errors import InvalidInput

    tb = open_empty(tmp_path, "json")
    with pytest.raises(InvalidInput):
        purge(tb.store, "a ")


@pytest.mark.parametrize("engine", ENGINES)
def test_single_memory_segments_can_be_edited_and_deleted_and_undone(tmp_path, engine):
    tb = open_empty(tmp_path, engine)
    with tb.store.transaction("memory") as tx:
        tx.add_segment(Segment({"pl": "Zasiłek stały.", "lt": "Nuolatinė pašalpa."}))
    key = next(k for k, _ in tb.store.segment_items())
    with tb.store.transaction("edit") as tx:
        tx.update_segment(key, Segment({"pl": "Zasiłek okresowy.", "lt": "Periodinė pašalpa."}))
    assert tb.index.memory.search("Zasiłek okresowy.", "pl", "lt")[0].score == 100
    with tb.store.transaction("delete") as tx:
        tx.delete_segment(key)
    assert tb.index.memory.search("Zasiłek okresowy.", "pl", "lt") == []
    undo_batch(tb.store, "last")
    undo_batch(tb.store, "last")
    assert tb.index.memory.search("Zasiłek stały.", "pl", "lt")[0].score == 100


def test_a_large_tinydb_store_is_advised_to_move_to_sqlite(tmp_path, monkeypatch):
    from termbase import api

    tb = open_empty(tmp_path, "json")
    for n in range(3):
        tb.add(Concept(terms=[Term("pl", f"termin {n}")]))
    assert not tb.stats().advice
    monkeypatch.setattr(api, "TINYDB_ADVISED_MAX", 2)
    assert "termbase copy" in tb.stats().advice
    sqlite = open_empty(tmp_path, "sqlite")
    for n in range(3):
        sqlite.add(Concept(terms=[Term("pl", f"termin {n}")]))
    assert not sqlite.stats().advice


def test_doctor_reports_a_damaged_index_and_repair_rebuilds_it(tmp_path):
    from termbase.doctor import diagnose, repair

    tb = open_empty(tmp_path, "json")
    tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    tb.index
    assert diagnose(tb.store)["index"] == "current"
    tb.store.index_path.write_bytes(b"\x00" * 5000)
    assert diagnose(tb.store)["index"].startswith("damaged")
    assert repair(tb.store)["action"] == "search index rebuilt"
    assert diagnose(tb.store)["index"] == "current"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_store_in_a_folder_named_with_uri_characters_is_looked_up(tmp_path, engine):
    folder = tmp_path / "Klient #3 ?a%20b"
    folder.mkdir()
    tb = open_empty(folder, engine)
    tb.add(Concept(terms=[Term("pl", "asystent rodziny")]))
    other = Termbase.open(tb.store.location, seed=False)
    assert [m.term for m in other.lookup("asystentowi rodziny")][:1] == ["asystent rodziny"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]   # nothing beside


@pytest.mark.parametrize("engine", ENGINES)
def test_an_edit_keeps_a_concepts_place_in_the_listing(tmp_path, engine):
    tb = open_empty(tmp_path, engine)
    ids = [tb.add(Concept(terms=[Term("pl", word)])).id for word in ("gmina", "powiat", "województwo")]
    tb.edit(ids[0], lambda c: setattr(c, "note", "edited"))
    assert [doc["id"] for doc in tb.store.concept_docs()] == ids


def test_a_lookup_reads_one_version_while_another_process_deletes(tmp_path):
    """Between two of a lookup's queries another writer deletes the concept: the lookup
    answers from the version it started on, never half of each (SQLite, WAL)."""
    tb = open_empty(tmp_path, "sqlite")
    added = tb.add(Concept(terms=[Term("pl", "asystent rodziny"), Term("lt", "šeimos asistentas")]))
    index = tb.index
    other = Termbase.open(tb.store.location, seed=False)
    reads = {"n": 0}
    real = index.conn.execute

    class Interrupting:
        """The index's connection, with a delete by another process after the 2nd read."""
        def __getattr__(self, name):
            return getattr(real.__self__, name)

        def execute(self, sql, *args):
            reads["n"] += 1
            if reads["n"] == 2:
                other.delete(added.id)
            return real(sql, *args)

        in_transaction = property(lambda self: real.__self__.in_transaction)

    index.conn = Interrupting()
    matches = tb.lookup("asystentowi rodziny", lang="pl")
    assert reads["n"] > 2
    if matches:          # the version before the delete, whole: term and equivalents
        assert [m.term for m in matches] == ["asystent rodziny"]
        assert matches[0].equivalents["lt"][0].term == "šeimos asistentas"
    index.conn = real.__self__
    assert Termbase.open(tb.store.location, seed=False).lookup("asystentowi rodziny") == []


def test_an_existing_store_is_opened_by_what_it_holds_not_by_its_name(tmp_path):
    from termbase.store import Store

    legacy = tmp_path / "terms.db"               # a TinyDB store from before SQLite existed
    tb = Termbase(Store(legacy))
    tb.add(Concept(terms=[Term("pl", "asystent rodziny")]))
    reopened = Termbase.open(legacy, seed=False)
    assert reopened.store.engine == "tinydb"
    assert [m.term for m in reopened.lookup("asystentowi rodziny")][:1] == ["asystent rodziny"]
    assert Termbase.open(tmp_path / "new.db", seed=False).store.engine == "sqlite"
