"""Issue 13, round three, on both engines: outputs that must not replace what they should
not (a read-only file, the store's own files), doctor under the store lock, the commands
added since round two showing user text escaped, and Windows behaviour of the SQLite
engine simulated here."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
import unicodedata
from pathlib import Path

import pytest
from storefiles import held_open_replace, sqlite_store_in_one_file
from test_reliability_files import _as_windows, _without_posix

from termbase import Termbase
from termbase.cli import main
from termbase.model import Concept, Segment, Term

ENGINES = ["json", "sqlite"]
HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}


@pytest.fixture(params=ENGINES)
def tb(request, tmp_path, monkeypatch) -> Termbase:
    db = tmp_path / f"tb.{request.param}"
    monkeypatch.setenv("TERMBASE_DB", str(db))
    monkeypatch.setenv("TERMBASE_SEED", "0")
    monkeypatch.setenv("NO_COLOR", "1")
    tb = Termbase.open(db, seed=False)
    tb.add(Concept(id="k1", subject="pomoc\u202e społeczna\u200b",
                   terms=[Term("pl", "gmina"), Term("lt", "savivaldybė")]))
    with tb.store.transaction("memory") as tx:
        tx.add_segment(Segment(texts={"pl": "Pani \u202eKowalska\u202c złożyła wniosek.",
                                      "lt": "Ponia Kowalska pateikė\u200b prašymą."}))
    return tb


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err


def assert_nothing_hidden(text: str) -> None:
    hidden = [f"U+{ord(ch):04X}" for ch in text
              if unicodedata.category(ch) in HIDDEN and ch != "\n"]
    assert not hidden, f"raw control/invisible characters {hidden} in {text!r}"


# ----------------------------------------------------- outputs that must not replace things

@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
@pytest.mark.parametrize("command", ["export", "backup", "rejects"])
def test_a_read_only_target_is_refused_in_one_line_and_kept(tb, tmp_path, capsys, command):
    target = tmp_path / ("out.tsv" if command != "backup" else f"copy{tb.store.path.suffix}")
    target.write_text("zachowaj mnie\n", encoding="utf-8")
    os.chmod(target, 0o444)
    data = tmp_path / "in.tsv"
    data.write_text("pl\tlt\nopiekun\tglobėjas\n\t\n", encoding="utf-8")
    args = {"export": ["export", str(target)], "backup": ["backup", str(target)],
            "rejects": ["import", str(data), "--skip-invalid", "--rejects", str(target)]}
    before = sorted(c.id for c in tb.store.concepts())
    code, _, err = run(capsys, *args[command])
    assert code == 1
    line, = err.strip().splitlines()
    assert str(target) in line and "read-only" in line
    assert target.read_text(encoding="utf-8") == "zachowaj mnie\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o444
    assert sorted(c.id for c in Termbase.open(tb.store.location, seed=False)
                  .store.concepts()) == before, "the import ran although its output is refused"


@pytest.mark.parametrize("suffix", [".bak", ".lock", ".tbindex", "-wal", "-shm"])
def test_a_backup_onto_one_of_the_store_files_is_refused(tb, capsys, suffix):
    target = Path(tb.store.location + suffix)
    existed = target.exists()
    before = target.read_bytes() if existed and target.is_file() else None
    code, _, err = run(capsys, "backup", str(target))
    assert code == 1 and "refusing" in err, err
    if before is not None and suffix not in ("-wal", "-shm"):  # those change by themselves
        assert target.read_bytes() == before


# ----------------------------------------------------------- doctor under the store lock

def test_doctor_waits_for_a_write_in_progress_instead_of_reporting_a_stale_backup(
        tmp_path, monkeypatch):
    """A writer holds the lock between renaming the store and renaming its backup: the
    backup is one write behind for that moment. A doctor reading then would report a stale
    backup that no write left stale."""
    from termbase.store import Store

    db = tmp_path / "tb.json"
    tb = Termbase.open(db, seed=False)
    tb.add(Concept(terms=[Term("pl", "gmina")]))
    store = Store(db)
    reports = []
    with store.locked():
        db.write_text(db.read_text(encoding="utf-8").replace("gmina", "powiat"),
                      encoding="utf-8")  # the store renamed, its backup not yet
        checker = threading.Thread(target=lambda: reports.append(
            Termbase.open(db, seed=False, create=False).doctor()))
        checker.start()
        checker.join(1.0)  # a doctor that does not wait finishes here
        store.storage.refresh_backup()  # the writer's backup rename
    checker.join()
    report, = reports
    assert report.ok and not report.warnings, report.warnings


def test_sqlite_repair_takes_the_write_lock_for_diagnosis_and_rebuild(tmp_path):
    """Another connection holds the write lock and is changing data without the index (a
    tool that does not keep it). A repair must wait for it, then see the index stale and
    rebuild it; one that diagnoses without the lock reports "nothing to repair" and leaves
    a stale index behind."""
    db = tmp_path / "tb.sqlite"
    tb = Termbase.open(db, seed=False)
    added = tb.add(Concept(terms=[Term("pl", "praca socjalna")]))
    tb.lookup("praca socjalna", lang="pl")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    doc = {"id": added.id, "terms": [{"lang": "pl", "text": "poradnictwo specjalistyczne"}]}
    other.execute("UPDATE concepts SET doc=? WHERE id=?", (json.dumps(doc), added.id))
    other.execute("UPDATE meta SET value=value+1 WHERE key='generation'")
    reports = []
    repairer = threading.Thread(target=lambda: reports.append(
        Termbase.open(db, seed=False, create=False).doctor(repair=True)))
    repairer.start()
    repairer.join(1.0)
    other.execute("COMMIT")
    other.close()
    repairer.join()
    report, = reports
    assert report.action == "index rebuilt", report.action
    assert report.after and report.after.index == "current", report.after
    fresh = Termbase.open(db, seed=False)
    assert [m.term for m in fresh.lookup("poradnictwa specjalistycznego", lang="pl")][:1] == \
        ["poradnictwo specjalistyczne"]


# ------------------------------------------------- the newer commands on a terminal

@pytest.mark.parametrize("args", [
    ["memory", "list"], ["memory", "list", "--contains", "Kowalska"], ["stats"],
    ["purge", "Kowalska", "--dry-run"], ["doctor"]])
def test_newer_commands_show_user_text_escaped(tb, capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert_nothing_hidden(out)
    if args[0] == "memory":
        assert "\\u202eKowalska" in out
    if args[0] == "stats":
        assert "pomoc\\u202e społeczna\\u200b" in out


def test_copy_and_backup_show_file_names_escaped(tb, tmp_path, capsys):
    odd = tmp_path / "kopia\x1b[31m"
    odd.mkdir()
    code, out, err = run(capsys, "backup", str(odd / f"b{tb.store.path.suffix}"))
    assert code == 0, err
    assert_nothing_hidden(out)
    code, out, err = run(capsys, "copy", tb.store.location, str(odd / "c.sqlite"))
    assert code == 0, err
    assert_nothing_hidden(out)
    assert "kopia\\x1b[31m" in out
    code, out, err = run(capsys, "memory", "delete", "999\u202e")
    assert code != 0
    assert_nothing_hidden(err)


# ------------------------------------------------------- 18: Windows, on the SQLite engine

@pytest.fixture
def sqlite_tb(tmp_path, monkeypatch) -> Termbase:
    monkeypatch.setenv("TERMBASE_SEED", "0")
    db = tmp_path / "tb.sqlite"
    monkeypatch.setenv("TERMBASE_DB", str(db))
    tb = Termbase.open(db, seed=False)
    tb.add(Concept(terms=[Term("pl", "gmina"), Term("lt", "savivaldybė")]))
    return tb


def test_windows_sqlite_backup_onto_a_file_held_open_is_retried(sqlite_tb, tmp_path,
                                                                monkeypatch):
    replace, calls = held_open_replace(times=2)
    target = tmp_path / "held.sqlite"
    target.write_bytes(b"old")
    with monkeypatch.context() as windows:
        _as_windows(windows)
        windows.setattr(os, "replace", replace)
        sqlite_tb.backup(target)
    assert len(calls) == 3
    copy = Termbase.open(target, seed=False)
    assert [m.term for m in copy.lookup("gminie", lang="pl")][:1] == ["gmina"]


def test_windows_sqlite_backup_held_open_for_good_is_one_clear_line(sqlite_tb, tmp_path,
                                                                    monkeypatch, capsys):
    replace, _ = held_open_replace()
    target = tmp_path / "held.sqlite"
    target.write_bytes(b"old")
    with monkeypatch.context() as windows:
        _as_windows(windows)
        windows.setattr(os, "replace", replace)
        code, _, err = run(capsys, "backup", str(target))
    assert code == 1
    line, = err.strip().splitlines()
    assert str(target) in line and "another program" in line and "nothing was written" in line
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob(".*.tmp"))


def test_windows_sqlite_engine_without_posix_calls(sqlite_tb, tmp_path, monkeypatch,
                                                   capsys):
    """No fchmod/fchown/chown, no O_DIRECTORY, directories cannot be opened: writing,
    looking up, backing up and copying into SQLite all work."""
    with monkeypatch.context() as windows:
        _without_posix(windows)
        sqlite_tb.add(Concept(terms=[Term("pl", "okienny termin")]))
        assert run(capsys, "backup", str(tmp_path / "b.sqlite"))[0] == 0
        assert run(capsys, "copy", sqlite_tb.store.location, str(tmp_path / "c.json"))[0] == 0
        assert run(capsys, "copy", str(tmp_path / "c.json"), str(tmp_path / "d.sqlite"))[0] == 0
    for name in ("b.sqlite", "d.sqlite"):
        found = Termbase.open(tmp_path / name, seed=False).lookup("okiennego terminu",
                                                                  lang="pl")
        assert [m.term for m in found][:1] == ["okienny termin"], name


# ------------------------------------------- long names: legal, but not with a suffix added

def test_an_export_or_backup_with_a_long_legal_name_is_written(tb, tmp_path, capsys):
    """Temporary names add ~55 bytes to the target's: a 250-byte name (legal: the limit
    is 255) must still be written, not refused as "File name too long"."""
    target = tmp_path / ("ś" * 120 + ".tsv")  # 244 bytes in UTF-8
    code, _, err = run(capsys, "export", str(target))
    assert code == 0, err
    assert "gmina" in target.read_text(encoding="utf-8")
    copy = tmp_path / ("k" * 240 + tb.store.path.suffix)
    code, _, err = run(capsys, "backup", str(copy))
    assert code == 0, err
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_store_with_a_long_legal_name_is_created_and_written(tmp_path, engine):
    db = tmp_path / ("t" * 235 + f".{engine}")
    tb = Termbase.open(db, seed=False)
    tb.add(Concept(terms=[Term("pl", "długa nazwa"), Term("lt", "ilgas pavadinimas")]))
    assert [m.term for m in Termbase.open(db, seed=False).lookup("długiej nazwy", lang="pl")][:1] \
        == ["długa nazwa"]
    assert Termbase.open(db, seed=False, create=False).doctor().ok


# --------------------------------- points 3, 8 and 13 on the SQLite engine's own files

@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
@pytest.mark.parametrize("command", ["export", "rejects"])
def test_sqlite_outputs_onto_the_store_files_are_refused(sqlite_tb, tmp_path, capsys, suffix,
                                                         command):
    sqlite_tb.lookup("gmina", lang="pl")  # the -wal and -shm files exist while it is open
    target = Path(sqlite_tb.store.location + suffix)
    data = tmp_path / "in.tsv"
    data.write_text("pl\tlt\nopiekun\tglobėjas\n\t\n", encoding="utf-8")
    args = ["export", str(target), "--format", "tsv"] if command == "export" else \
        ["import", str(data), "--skip-invalid", "--rejects", str(target)]
    code, _, err = run(capsys, *args)
    assert code == 1 and "refusing" in err, err
    assert Termbase.open(sqlite_tb.store.location, seed=False).stats().concepts == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_sqlite_db_at_a_fifo_is_refused_at_once(tmp_path, capsys, monkeypatch):
    fifo = tmp_path / "store.sqlite"
    os.mkfifo(fifo)
    monkeypatch.setenv("TERMBASE_DB", str(fifo))
    code, _, err = run(capsys, "stats")
    assert code == 1 and "not a regular file" in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize("engine", ENGINES)
def test_a_backup_into_a_fifo_writes_into_it(tmp_path, engine, monkeypatch, capsys):
    import subprocess

    db = tmp_path / f"tb.{engine}"
    tb = Termbase.open(db, seed=False)
    tb.add(Concept(terms=[Term("pl", "gmina")]))
    tb.store.close()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = tmp_path / "received"
    reader = subprocess.Popen(["sh", "-c", f"cat '{fifo}' > '{received}'"])
    try:
        monkeypatch.setenv("TERMBASE_DB", str(db))
        code, _, err = run(capsys, "backup", str(fifo))
        reader.wait(timeout=30)
    finally:
        reader.kill()
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced by a regular file"
    copy = tmp_path / f"copy.{engine}"
    copy.write_bytes(received.read_bytes())
    assert [c.terms[0].text for c in Termbase.open(copy, seed=False).store.concepts()] == \
        ["gmina"]


# --------------------------------------------- damaged SQLite stores (the point-12 class)

SQLITE_DAMAGES = {
    "truncated": lambda data: data[:len(data) // 3],
    "zeroed header": lambda data: b"\0" * 100 + data[100:],
    "garbage": lambda data: b"not a database at all " * 200,
    "pages overwritten": lambda data: data[:4096] + b"\xff" * (len(data) - 4096),
    "empty": lambda data: b"",
}


@pytest.mark.parametrize("damage", sorted(SQLITE_DAMAGES))
def test_a_damaged_sqlite_store_gives_one_line_everywhere_and_repair_changes_nothing(
        tmp_path, monkeypatch, capsys, damage):
    db = sqlite_store_in_one_file(tmp_path / "tb.sqlite", 200)
    db.write_bytes(SQLITE_DAMAGES[damage](db.read_bytes()))
    damaged = db.read_bytes()
    monkeypatch.setenv("TERMBASE_DB", str(db))
    for args in (["lookup", "świadczenie numer 5"], ["add", "--pl", "nowy"], ["stats"],
                 ["export", str(tmp_path / "out.tsv")], ["doctor", "--repair"]):
        code = main(args)
        out, err = capsys.readouterr()
        assert "internal error" not in err and "Traceback" not in err, f"{args}: {err}"
        if args[0] == "doctor" and damage != "empty":
            assert code == 1, out + err
        elif code == 0:  # an empty file is a store not yet created: it is created
            assert damage == "empty", f"{args}: exit 0 on a damaged store"
            continue
        else:
            line, = err.strip().splitlines()
            assert str(db) in line, f"{args}: {line}"
        if damage != "empty":  # (opening switches it to WAL: only the 100-byte header)
            assert db.read_bytes()[100:] == damaged[100:], f"{args} changed the damaged file"


# ----------------------------- links planted beside a store in a shared directory

@pytest.mark.skipif(os.name == "nt", reason="POSIX links and modes")
@pytest.mark.parametrize("planted", [".bak", ".lock"])
def test_a_link_planted_as_a_store_file_never_changes_the_file_it_names(tmp_path, capsys,
                                                                        monkeypatch, planted):
    """A member of the group replaces the backup or the lock by a link to another user's
    file (say, their shell profile): that user's next write must neither overwrite that
    file nor give it the shared store's mode and group."""
    db = tmp_path / "shared" / "tb.json"
    db.parent.mkdir()
    Termbase.open(db, seed=False).add(Concept(terms=[Term("pl", "gmina")]))
    os.chmod(db, 0o666)
    victim = tmp_path / "profile"
    victim.write_text("# mine\n", encoding="utf-8")
    os.chmod(victim, 0o600)
    link = db.with_name(db.name + planted)
    link.unlink()
    link.symlink_to(victim)
    monkeypatch.setenv("TERMBASE_DB", str(db))
    code = main(["add", "--pl", "powiat"])
    err = capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "# mine\n"
    assert stat.S_IMODE(os.stat(victim).st_mode) == 0o600
    if planted == ".bak":  # the link is replaced by a real backup
        assert code == 0, err
        assert not link.is_symlink() and link.read_bytes() == db.read_bytes()
    else:  # the lock cannot be taken through a link: refused in one line
        assert code == 1
        line, = err.strip().splitlines()
        assert "nothing was written" in line


def test_sqlite_readers_are_served_while_another_process_holds_the_write_lock(tmp_path):
    """WAL's promise: readers never wait for the writer. (Opening and closing a descriptor
    of -shm, to fix its group, silently dropped the writer process's locks on it, and every
    other process then got "locking protocol".)"""
    import subprocess
    import sys

    db = tmp_path / "tb.sqlite"
    tb = Termbase.open(db, seed=False)
    tb.add(Concept(terms=[Term("pl", "gmina"), Term("lt", "savivaldybė")]))
    tb.store.close()
    root = Path(__file__).resolve().parents[1]
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nsys.path.insert(0, sys.argv[2])\n"
         "from termbase.engines import open_store\n"
         "with open_store(sys.argv[1]).transaction('holder'):\n"
         "    print('locked', flush=True)\n    time.sleep(600)\n", str(db), str(root)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        reader = Termbase.open(db, seed=False)
        assert [m.term for m in reader.lookup("gminie", lang="pl")][:1] == ["gmina"]
        assert reader.stats().concepts == 1
    finally:
        holder.kill()
        holder.wait()
