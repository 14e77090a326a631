"""The store: atomic writes, the lock, the change log, undo, schema version, damage."""

import json
import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings, strategies as st

from termbase import store as store_module
from termbase.model import Concept, Term
from termbase.store import SCHEMA_VERSION, Store, StoreCorrupt, StoreError


def make(pl, lt, en="", **fields):
    terms = [Term("pl", pl), Term("lt", lt)] + ([Term("en", en)] if en else [])
    return Concept(terms=terms, **fields)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "tb.json")
    with s.transaction("test") as tx:
        tx.add(make("pomoc społeczna", "socialinė parama", "social assistance"))
    return s


def test_transaction_writes_once_with_schema_and_change_log(store):
    raw = json.loads(store.path.read_text(encoding="utf-8"))
    assert raw["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert [c["op"] for c in raw["changes"].values()] == ["add"]
    assert len(raw["batches"]) == 1


def test_bulk_changes_are_one_write(store, monkeypatch):
    writes = []
    real = store.storage.write
    monkeypatch.setattr(store.storage, "write", lambda data: (writes.append(1), real(data)))
    with store.transaction("bulk") as tx:
        for i in range(200):
            tx.add(make(f"termin {i}", f"terminas {i}"))
    assert len(writes) == 1
    assert len(store.concepts()) == 201


def test_failure_in_the_middle_of_a_write_leaves_the_old_file(store, monkeypatch):
    before = store.path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(store_module.os, "replace", broken_replace)
    monkeypatch.setattr("termbase.fileio.os.replace", broken_replace)
    with pytest.raises(OSError):
        with store.transaction("doomed") as tx:
            tx.add(make("ubóstwo", "skurdas"))
    assert store.path.read_bytes() == before
    assert not [p for p in store.path.parent.iterdir() if p.name.endswith(".tmp")]


def test_an_exception_inside_a_transaction_writes_nothing(store):
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError):
        with store.transaction("aborted") as tx:
            tx.add(make("ubóstwo", "skurdas"))
            raise RuntimeError("user pressed ctrl-c")
    assert store.path.read_bytes() == before


def test_each_write_keeps_a_separate_backup_copy(store):
    with store.transaction("second") as tx:
        tx.add(make("ubóstwo", "skurdas"))
    backup = store.path.with_name("tb.json.bak")
    assert backup.read_bytes() == store.path.read_bytes()
    assert os.stat(backup).st_ino != os.stat(store.path).st_ino


def test_ids_are_never_reused(store):
    with store.transaction("add") as tx:
        cid = tx.add(make("ubóstwo", "skurdas")).id
    with store.transaction("delete") as tx:
        tx.delete(cid)
    with store.transaction("add again") as tx:
        assert tx.add(make("ubóstwo", "skurdas")).id != cid


def test_damaged_file_is_reported_with_the_backup(store):
    with store.transaction("second") as tx:
        tx.add(make("ubóstwo", "skurdas"))
    store.path.write_bytes(store.path.read_bytes()[:50])
    with pytest.raises(StoreCorrupt, match=r"damaged.*tb\.json\.bak"):
        store.read_tables()


def test_a_newer_schema_is_refused(store):
    raw = json.loads(store.path.read_text(encoding="utf-8"))
    raw["meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    store.path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(StoreError, match="newer termbase"):
        store.read_tables()


def test_the_file_is_a_tinydb_database(store):
    from tinydb import Query, TinyDB

    with TinyDB(store.path) as db:
        found = db.table("concepts").search(Query().subject.exists() | Query().id.exists())
    assert found and found[0]["terms"][0]["text"] == "pomoc społeczna"


def test_the_lock_serialises_writers_and_times_out_clearly(store, monkeypatch):
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from filelock import FileLock
        lock = FileLock({str(store.lock_path)!r}); lock.acquire()
        print("locked", flush=True); time.sleep(30)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(store_module, "LOCK_TIMEOUT_S", 0.3)
        with pytest.raises(StoreError, match="is locked: another termbase command is writing"):
            with store.transaction("blocked") as tx:
                tx.add(make("ubóstwo", "skurdas"))
    finally:
        holder.kill()
        holder.wait()
    # The holder died without releasing: the OS dropped its lock, so we get in at once.
    with store.transaction("after") as tx:
        tx.add(make("ubóstwo", "skurdas"))
    assert len(store.concepts()) == 2


def test_undo_restores_the_exact_previous_state(tmp_path):
    from termbase.history import undo_batch

    s = Store(tmp_path / "tb.json")
    with s.transaction("base") as tx:
        cid = tx.add(make("pomoc społeczna", "socialinė parama")).id
    before = sorted(json.dumps(c.to_dict(), sort_keys=True) for c in s.concepts())
    with s.transaction("change", batch="b-change") as tx:
        c = tx.get(cid)
        c.terms.append(Term("en", "social assistance"))
        c.note = "edited"
        tx.update(c)
        tx.add(make("ubóstwo", "skurdas"))
    undo_batch(s, "b-change")
    assert sorted(json.dumps(c.to_dict(), sort_keys=True) for c in s.concepts()) == before


def test_doctor_repair_removes_temporary_files_of_killed_writes(store):
    from termbase.doctor import diagnose, repair

    leftover = store.path.with_name(f".{store.path.name}.abc123.tmp")
    leftover.write_text("{half a write", encoding="utf-8")
    assert diagnose(store)["leftovers"] == [str(leftover)]
    report = repair(store)
    assert report["removed"] == [str(leftover)] and not leftover.exists()
    assert store.concepts()


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3), max_leaves=8)


@settings(max_examples=60, deadline=None)
@given(tables=st.dictionaries(st.text(max_size=6), st.dictionaries(
           st.text(max_size=6), st.dictionaries(st.text(max_size=4), json_value, max_size=3),
           max_size=9), max_size=4),
       per_chunk=st.integers(1, 4))
def test_the_store_is_encoded_in_slices_exactly_as_in_one_piece(tables, per_chunk):
    whole = json.dumps(tables, ensure_ascii=False, separators=(",", ":"))
    assert "".join(store_module.encode_chunks(tables, per_chunk)) == whole


def test_a_write_keeps_no_partial_backup_when_copying_fails(store, monkeypatch):
    backup = store_module.backup_path(store.path).read_bytes()

    def broken_copy(source, target, length=0):
        target.write(b"{\"conc")
        raise OSError("disk full")

    monkeypatch.setattr(store_module.shutil, "copyfileobj", broken_copy)
    # The store write is committed: a warning says the backup is stale, not an error.
    with pytest.warns(store_module.CommittedWithWarning, match="WAS written"):
        with store.transaction("half") as tx:
            tx.add(make("ubóstwo", "skurdas"))
    assert store_module.backup_path(store.path).read_bytes() == backup
    assert any(c.terms[0].text == "ubóstwo" for c in store.concepts())
