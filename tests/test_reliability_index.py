"""The on-disk index never executes anything, never answers wrongly and is rebuilt when it
is not exactly what this version writes for this version of the store (issue 13, point 6
and 12, on the index that replaced the cache).

The TinyDB store's index is a file others may write (`<store>.tbindex` in a shared
directory); the SQLite store's index tables live in the store itself.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from storefiles import sqlite_store_in_one_file

from termbase import Termbase
from termbase.model import Concept, Term

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def tb(tmp_path) -> Termbase:
    """A TinyDB store of 300 concepts (so the index has many pages) with a current index."""
    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    with tb.store.transaction("import") as tx:
        for i in range(300):
            tx.add(Concept(terms=[Term("pl", f"świadczenie numer {i}"),
                                  Term("lt", f"išmoka numeris {i}")]))
    tb.add(Concept(id="k1", terms=[Term("pl", "praca socjalna"), Term("lt", "socialinis darbas")]))
    tb.lookup("praca socjalna", lang="pl")
    return tb


def fresh_top(tb: Termbase, query: str) -> list[str]:
    """The first terms another process would find (a new Termbase on the same file)."""
    return [m.term for m in Termbase.open(tb.store.location, seed=False).lookup(query, lang="pl")][:2]


def answer_text(tb: Termbase, query: str) -> str:
    """Everything another process's lookup answers, as one string."""
    import json

    found = Termbase.open(tb.store.location, seed=False).lookup(query, lang="pl")
    return json.dumps([m.to_json() for m in found], ensure_ascii=False)


def index_of(tb: Termbase) -> Path:
    return tb.store.index_path


def plant(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


# A planted or altered file that keeps the version stamp, so that only its shape gives it
# away. Each would make the lookup answer "ZŁY TERMIN" (or fail) if it were read.
FAKE = "'{\"id\": \"k1\", \"terms\": [{\"lang\": \"pl\", \"text\": \"ZŁY TERMIN\"}]}'"
ALTERATIONS = {
    "generated column": [
        "ALTER TABLE ix_concepts RENAME TO old_concepts",
        f"CREATE TABLE ix_concepts(id TEXT PRIMARY KEY, doc TEXT NOT NULL AS ({FAKE}))",
        "INSERT INTO ix_concepts(id) SELECT id FROM old_concepts",
        "DROP TABLE old_concepts"],
    "column default swapped": [
        "UPDATE ix_terms SET text='ZŁY TERMIN'",
        "ALTER TABLE ix_terms ADD COLUMN extra TEXT DEFAULT 'x'"],
    "extra table": ["CREATE TABLE payload(x)", "UPDATE ix_terms SET text='ZŁY TERMIN'"],
    "view in place of a table": [
        "ALTER TABLE ix_concepts RENAME TO ix_concepts_real",
        f"CREATE VIEW ix_concepts AS SELECT id, {FAKE} AS doc FROM ix_concepts_real"],
    "index on an expression": ["CREATE INDEX ix_evil ON ix_terms(lower(text))",
                               "UPDATE ix_terms SET text='ZŁY TERMIN'"],
}


@pytest.mark.parametrize("alteration", sorted(ALTERATIONS))
def test_an_altered_index_file_with_the_right_stamp_is_rebuilt(tb, alteration):
    plant(index_of(tb), *ALTERATIONS[alteration])
    assert fresh_top(tb, "pracy socjalnej") == ["praca socjalna"]
    assert "ZŁY" not in answer_text(tb, "pracy socjalnej")
    conn = sqlite3.connect(index_of(tb))
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "payload" not in names and "ix_evil" not in names and "old_concepts" not in names


def test_an_index_damaged_inside_its_data_pages_is_rebuilt_not_an_internal_error(tb, capsys):
    """Header, schema and stamp intact, the pages of the term tables overwritten: the
    lookup fails only when it reaches them, and must then rebuild and answer."""
    from termbase.cli import main

    path = index_of(tb)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    keep = {root for name, root in conn.execute("SELECT name, rootpage FROM sqlite_master")
            if "ix_meta" in name}
    conn.close()
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // page_size + 1):
        if page not in keep:
            data[(page - 1) * page_size:page * page_size] = b"\x0d" + b"\xff" * (page_size - 1)
    path.write_bytes(bytes(data))
    os.environ["TERMBASE_DB"] = str(tb.store.location)
    try:
        code = main(["lookup", "--lang", "pl", "świadczenie numer 150"])
    finally:
        del os.environ["TERMBASE_DB"]
    out, err = capsys.readouterr()
    assert code == 0 and "internal error" not in err, err
    assert "świadczenie numer 150" in out
    assert fresh_top(tb, "pracy socjalnej") == ["praca socjalna"]


def test_an_sqlite_store_damaged_in_its_index_pages_is_one_clear_line(tmp_path, run_cli_process):
    db = sqlite_store_in_one_file(tmp_path / "tb.sqlite", 300)
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    roots = [root for name, root in conn.execute("SELECT name, rootpage FROM sqlite_master")
             if name in ("ix_terms_nkey", "ix_terms")]
    conn.close()
    data = bytearray(db.read_bytes())
    for root in roots:
        data[(root - 1) * page_size:root * page_size] = b"\x0d" + b"\xff" * (page_size - 1)
    db.write_bytes(bytes(data))
    result = run_cli_process("--db", str(db), "lookup", "--lang", "pl", "świadczenie numer 7")
    assert result.code == 1
    line, = result.err.strip().splitlines()
    assert str(db) in line and "internal error" not in line and "doctor" in line


def test_a_symlinked_index_is_neither_read_nor_written_through(tb, tmp_path):
    """A link planted where the index lives, to an index of this very store kept
    elsewhere: not read (its target may change at any time) and never written through
    (the target may be anyone's file)."""
    outside = tmp_path / "elsewhere.db"
    index_of(tb).rename(outside)
    index_of(tb).symlink_to(outside)
    before = outside.read_bytes()
    tb2 = Termbase.open(tb.store.location, seed=False)
    tb2.add(Concept(terms=[Term("pl", "nowy termin"), Term("lt", "naujas terminas")]))
    assert fresh_top(tb, "nowego terminu") == ["nowy termin"]
    assert outside.read_bytes() == before
    assert not index_of(tb).is_symlink() and index_of(tb).is_file()


@pytest.mark.parametrize("kind", ["fifo", "directory"])
def test_an_index_path_that_is_not_a_file_is_replaced_without_hanging(tb, kind):
    path = index_of(tb)
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    found = fresh_top(tb, "pracy socjalnej")
    assert found == ["praca socjalna"]


def test_an_older_termbase_editing_the_store_in_place_is_detected(tb):
    """An older termbase (or an editor) changes one term to another of the same length and
    the file keeps its size and modification time (restored, or a coarse file system): the
    index must not answer from the old version."""
    path = Path(tb.store.location)
    info = os.stat(path)
    text = path.read_text(encoding="utf-8")
    assert "praca socjalna" in text     # the term (and the batch record naming it)
    path.write_text(text.replace("praca socjalna", "opieka dzienna"), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert os.stat(path).st_size == info.st_size
    assert fresh_top(tb, "praca socjalna") == []
    assert fresh_top(tb, "opieki dziennej") == ["opieka dzienna"]


KILLED_WRITER = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from termbase import Termbase
    from termbase.index import disk
    from termbase.model import Concept, Term
    real = disk.apply_changes
    def apply_then_die(conn, tx, keep_records):
        conn.execute("PRAGMA cache_size=1")       # pages spill into the file mid-update
        real(conn, tx, keep_records)
        os.kill(os.getpid(), signal.SIGKILL)
    disk.apply_changes = apply_then_die
    Termbase.open(sys.argv[1], seed=False).add(Concept(id="k9", terms=[
        Term("pl", "asystent rodziny"), Term("lt", "šeimos asistentas")]))
""").format(root=str(ROOT))


def test_a_writer_killed_mid_index_update_leaves_no_stale_or_failing_answer(tb):
    """The store write committed, the index update was half written into the file with its
    rollback journal beside it. Readers open the index read-only and cannot replay the
    journal: the next reader must rebuild (and the old journal must never be replayed
    into the new file)."""
    store = tb.store.location
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(store)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    journal = index_of(tb).with_name(index_of(tb).name + "-journal")
    assert journal.exists(), "the kill left no journal: the test did not reach its point"
    assert fresh_top(tb, "asystenta rodziny") == ["asystent rodziny"]
    assert fresh_top(tb, "pracy socjalnej") == ["praca socjalna"]
    assert not journal.exists()
    # a writer next (it opens the index read-write) and a reader after it agree
    Termbase.open(store, seed=False).add(Concept(terms=[Term("pl", "opiekun prawny")]))
    assert fresh_top(tb, "opiekuna prawnego") == ["opiekun prawny"]
    assert fresh_top(tb, "asystenta rodziny") == ["asystent rodziny"]


def test_a_planted_journal_beside_a_current_index_is_never_replayed(tb, tmp_path):
    """A rollback journal taken from a doctored copy of the index, planted beside the
    current one: a writer opening the index read-write would replay its pages (the
    doctored ones) into it and keep its stamp. The writer must rebuild instead."""
    path = index_of(tb)
    doctored = tmp_path / "copy.tbindex"
    doctored.write_bytes(path.read_bytes())
    plant(doctored, "UPDATE ix_terms SET text='ZŁY TERMIN' WHERE text='praca socjalna'",
          "UPDATE ix_concepts SET doc=replace(doc, 'praca socjalna', 'ZŁY TERMIN')")
    code = textwrap.dedent(f"""
        import os, signal, sqlite3
        conn = sqlite3.connect({str(doctored)!r}, isolation_level=None)
        conn.execute("PRAGMA cache_size=1")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE ix_terms SET text=text || ' '")
        conn.execute("UPDATE ix_concepts SET doc=doc || ' '")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    subprocess.run([sys.executable, "-c", code], timeout=60)
    journal = doctored.with_name(doctored.name + "-journal")
    assert journal.exists()
    journal.rename(path.with_name(path.name + "-journal"))
    Termbase.open(tb.store.location, seed=False).add(
        Concept(terms=[Term("pl", "kurator"), Term("lt", "kuratorius")]))
    assert "ZŁY" not in answer_text(tb, "pracy socjalnej")
    assert fresh_top(tb, "pracy socjalnej") == ["praca socjalna"]
    assert fresh_top(tb, "kuratora") == ["kurator"]


def test_objects_added_to_an_sqlite_store_are_named_and_triggers_refused(tmp_path,
                                                                         monkeypatch):
    """A table or view someone added to an SQLite store (a database tool, a report) runs
    nothing: it is named in doctor's warnings, and no lookup or write rebuilds the index
    around it. A trigger runs its own SQL with termbase's writes (it could empty the change
    log undo needs): every command refuses the store in one line until `doctor --repair`
    removes it, on the store's tables and on the index's alike."""
    from termbase.errors import StoreDamaged
    from termbase.index import disk

    db = tmp_path / "tb.sqlite"
    tb = Termbase.open(db, seed=False)
    tb.add(Concept(terms=[Term("pl", "gmina")]))
    tb.store.close()
    plant(db, "CREATE TABLE audit(x)", "CREATE VIEW audit_v AS SELECT x FROM audit")
    rebuilds = []
    real = disk.rebuild
    monkeypatch.setattr(disk, "rebuild", lambda *a, **k: (rebuilds.append(1), real(*a, **k)))
    tb = Termbase.open(db, seed=False)
    for i in range(3):
        tb.add(Concept(terms=[Term("pl", f"powiat {i}")]))
        assert [m.term for m in tb.lookup(f"powiat {i}", lang="pl")][:1] == [f"powiat {i}"]
    assert rebuilds == []
    report = tb.doctor()
    assert report.index == "current" and report.ok
    assert any("table audit" in w and "view audit_v" in w for w in report.warnings)
    for trigger in ("CREATE TRIGGER audit_t AFTER INSERT ON concepts BEGIN INSERT INTO audit"
                    " VALUES(1); END",
                    "CREATE TRIGGER ix_t AFTER INSERT ON ix_terms BEGIN INSERT INTO audit"
                    " VALUES(2); END"):
        tb.store.close()
        plant(db, trigger)
        tb = Termbase.open(db, seed=False)
        with pytest.raises(StoreDamaged, match="trigger"):
            tb.add(Concept(terms=[Term("pl", "województwo")]))
        with pytest.raises(StoreDamaged, match="trigger"):
            tb.lookup("gmina", lang="pl")
        assert not tb.doctor().ok
        assert "removed" in tb.doctor(repair=True).action
        assert [m.term for m in tb.lookup("gmina", lang="pl")][:1] == ["gmina"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger'").fetchone() \
        == (0,)
    assert conn.execute("SELECT count(*) FROM audit").fetchone() == (0,)
    conn.close()
