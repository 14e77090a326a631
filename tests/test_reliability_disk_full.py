"""Fault injection on the SQLite engine and a really full disk on both (issue 13's
fault-injection pass, round three).

* SQLite reports a full disk, an I/O error or a read-only file from inside its own writes,
  so the failure is injected there: the N-th data-changing statement (INSERT, UPDATE,
  DELETE, COMMIT, for every N a command issues) raises the error SQLite would raise. The
  command must exit 1 with one line naming the store, saying nothing was written (not that
  the store is damaged), and the store must be exactly as before.
* A small tmpfs, filled to the last byte, is a full disk for real (where mounting is
  allowed): every writing command on both engines exits 1 with one line (or exit 0 with a
  warning that the change WAS written), changes nothing when it says so, and once space is
  free again the next command works and doctor finds nothing wrong.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from termbase import Termbase
from termbase.cli import main
from termbase.engines import open_store
from termbase.model import Concept, Segment, Term

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "COMMIT")
FAILURES = {"full": ("database or disk is full", "SQLITE_FULL", 13),
            "io": ("disk I/O error", "SQLITE_IOERR", 10),
            "read-only": ("attempt to write a readonly database", "SQLITE_READONLY", 8)}


def make_store(db: Path) -> Termbase:
    tb = Termbase.open(db, seed=False)
    with tb.store.transaction("setup") as tx:
        for i in range(5):
            tx.add(Concept(id=f"k{i}", terms=[Term("pl", f"świadczenie {i}"),
                                             Term("lt", f"išmoka {i}")]))
        tx.add_segment(Segment(texts={"pl": "Pani Kowalska złożyła wniosek.",
                                      "lt": "Ponia Kowalska pateikė prašymą."}))
    tb.add(Concept(id="k9", terms=[Term("pl", "asystent rodziny")]))
    (db.parent / "in.tsv").write_text("pl\tlt\nopiekun prawny\tteisinis globėjas\n",
                                      encoding="utf-8")
    tb.store.close()
    return tb


def commands(db: Path) -> dict[str, list[str]]:
    store = open_store(db)
    last = store.batches()[-1]["batch"]
    store.close()
    return {"add": ["add", "--pl", "kurator", "--lt", "kuratorius"],
            "edit": ["edit", "k1", "--note", "zmieniona"],
            "delete": ["delete", "k2"],
            "undo": ["undo", last],
            "import": ["import", str(db.parent / "in.tsv")],
            "purge": ["purge", "Kowalska"],
            "memory delete": ["memory", "delete", "1"]}


def state(db: Path) -> str:
    store = open_store(db)
    try:
        data = [sorted(json.dumps(d, sort_keys=True) for d in store.concept_docs()),
                sorted(json.dumps(d, sort_keys=True) for _, d in store.segment_items()),
                [b["batch"] for b in store.batches()]]
    finally:
        store.close()
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()


def run(capsys, monkeypatch, db: Path, args: list[str]) -> tuple[int, str, str]:
    with monkeypatch.context() as env:
        env.setenv("TERMBASE_DB", str(db))
        env.setenv("TERMBASE_SEED", "0")
        code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err


class FailingWrites:
    """sqlite3.connect made to return connections whose N-th data-changing statement
    raises `failure`; counts the statements when N is 0."""

    def __init__(self, monkeypatch, failure: str, number: int):
        self.number, self.count, self.fired = number, 0, False
        message, name, code = FAILURES[failure]
        injector = self

        def check(sql: str) -> None:
            if not sql.lstrip().upper().startswith(WRITES):
                return
            injector.count += 1
            if injector.count == injector.number:
                injector.fired = True
                exc = sqlite3.OperationalError(message)
                exc.sqlite_errorname, exc.sqlite_errorcode = name, code
                raise exc

        class Connection(sqlite3.Connection):
            def execute(self, sql, *args):
                check(sql)
                return super().execute(sql, *args)

            def executemany(self, sql, *args):
                check(sql)
                return super().executemany(sql, *args)

        real = sqlite3.connect

        def connect(*args, **kwargs):
            kwargs.setdefault("factory", Connection)
            return real(*args, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", connect)


def settle(db: Path) -> None:
    """Move what the write-ahead log holds into the database file."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def spread(total: int, at_most: int = 25) -> list[int]:
    if total <= at_most:
        return list(range(1, total + 1))
    step = total / at_most
    return sorted({1, total, *(int(1 + i * step) for i in range(at_most))})


@pytest.mark.parametrize("failure", [
    pytest.param(name, marks=() if name == "full" else pytest.mark.slow) for name in FAILURES])
@pytest.mark.parametrize("command", ["add", "edit", "delete", "undo", "import", "purge",
                                     "memory delete"])
def test_sqlite_a_write_failing_at_any_statement_changes_nothing(tmp_path, monkeypatch,
                                                                 capsys, command, failure):
    from termbase.text import dictionary, lexicon_cache

    for lang in ("lt", "en"):  # a cache written on first use is not the command's write
        lexicon_cache.open_lexicon(lang, dictionary.dictionary)
    db = tmp_path / "tb.sqlite"
    make_store(db)
    args = commands(db)[command]
    settle(db)                  # copies below are of the whole store, not of its file alone
    reference = tmp_path / "ref" / "tb.sqlite"
    reference.parent.mkdir()
    shutil.copy2(db, reference)
    with monkeypatch.context() as counting:
        counter = FailingWrites(counting, failure, 0)
        assert run(capsys, monkeypatch, reference, args)[0] == 0
    before = state(db)
    for number in spread(counter.count):
        with monkeypatch.context() as faults:
            injector = FailingWrites(faults, failure, number)
            code, _, err = run(capsys, monkeypatch, db, args)
        assert injector.fired
        what = f"{command}: {failure} at write statement {number} of {counter.count}"
        if code == 0:  # only the after-purge clean-up failed: committed, said so
            assert command == "purge" and "WAS written" in err, what
            for made in tmp_path.glob("tb.sqlite*"):   # the next fault point: a new store
                made.unlink()
            make_store(db)
            settle(db)
            before = state(db)
            continue
        assert code == 1, what
        line, = err.strip().splitlines()
        assert str(db) in line and "nothing was written" in line, f"{what}: {line}"
        assert "damaged" not in line, f"{what}: {line}"
        assert state(db) == before, f"{what}: the store changed"
    report = Termbase.open(db, seed=False).doctor()
    assert report.ok, report.problems


# ---------------------------------------------------------------- a real full disk

@pytest.fixture(scope="module")
def small_disk(tmp_path_factory):
    """A 4 MB tmpfs (skipped where it cannot be mounted)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mountpoint = tmp_path_factory.mktemp("tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mountpoint)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mountpoint
    subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True)


def fill(directory: Path) -> Path:
    """Take every free byte of the file system."""
    filler = directory / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 1 << 12, 1):
            while True:
                try:
                    if os.write(fd, b"\0" * size) < size:
                        break
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    finally:
        os.close(fd)
    return filler


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_a_full_disk_fails_every_write_in_one_line_and_changes_nothing(small_disk, engine,
                                                                       monkeypatch, capsys):
    directory = small_disk / engine
    directory.mkdir()
    db = directory / f"tb.{engine}"
    make_store(db)
    extra = {"export": ["export", str(directory / "out.tbx")],
             "backup": ["backup", str(directory / f"copy.{engine}")],
             "copy": ["copy", str(db), str(directory / "other.sqlite")],
             "reindex": ["reindex"]}
    todo = {**commands(db), **extra}
    before = state(db)
    changed = []
    filler = fill(directory)
    try:
        for name, args in todo.items():
            code, _, err = run(capsys, monkeypatch, db, args)
            if code == 0:  # it fitted after all, or it was committed and said so
                changed.append(name)
                continue
            assert code == 1, f"{name}: exit {code}"
            line, = err.strip().splitlines()
            assert "damaged" not in line, f"{name}: {line}"
            assert any(said in line for said in ("nothing was written", "WAS written",
                                                 "nothing was changed")), f"{name}: {line}"
    finally:
        filler.unlink()
    if not set(changed) - set(extra):
        assert state(db) == before, f"commands failed but the store changed ({changed})"
    leftovers = sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))
    code, _, err = run(capsys, monkeypatch, db, ["add", "--pl", "po awarii"])
    assert code == 0, err
    assert not [p for p in directory.iterdir() if p.name.endswith(".tmp")], leftovers
    code, out, err = run(capsys, monkeypatch, db, ["doctor", "--repair"])
    assert code == 0, out + err
    found = Termbase.open(db, seed=False).lookup("po awarii", lang="pl")
    assert [m.term for m in found][:1] == ["po awarii"]


# ------------------------------------------------------------ a read-only file system

@pytest.fixture
def read_only_disk(tmp_path):
    """A tmpfs holding a store of each engine, then remounted read-only (a published
    glossary on a read-only share)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mountpoint = tmp_path / "ro"
    mountpoint.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mountpoint)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        for engine in ("json", "sqlite"):
            tb = make_store(mountpoint / f"tb.{engine}")
            tb.lookup("asystent rodziny", lang="pl")
            tb.store.close()
        subprocess.run(["mount", "-o", "remount,ro", str(mountpoint)], check=True)
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True)


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_a_store_on_a_read_only_file_system_is_read_and_writes_fail_in_one_line(
        read_only_disk, tmp_path, monkeypatch, capsys, engine):
    db = read_only_disk / f"tb.{engine}"
    code, out, err = run(capsys, monkeypatch, db, ["lookup", "asystentowi rodziny"])
    assert code == 0 and "asystent rodziny" in out, err
    code, out, err = run(capsys, monkeypatch, db, ["export", str(tmp_path / "out.tsv")])
    assert code == 0, err
    code, out, err = run(capsys, monkeypatch, db, ["doctor"])
    assert code == 0, out + err
    for args in (["add", "--pl", "kurator"], ["delete", "k1"]):
        code, _, err = run(capsys, monkeypatch, db, args)
        assert code == 1
        line, = err.strip().splitlines()
        assert str(db) in line and "nothing was written" in line and "damaged" not in line


def test_sqlite_open_during_another_process_s_log_recovery_is_retried(tmp_path, monkeypatch,
                                                                      capsys):
    """SQLite may answer SQLITE_PROTOCOL ("locking protocol") to an open that races
    another process recovering the write-ahead log (one was just killed); the busy timeout
    does not cover it. The open is retried a few times before giving up."""
    db = tmp_path / "tb.sqlite"
    make_store(db)
    failures = []

    class Connection(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql.startswith("PRAGMA journal_mode") and len(failures) < 2:
                failures.append(sql)
                exc = sqlite3.OperationalError("locking protocol")
                exc.sqlite_errorname, exc.sqlite_errorcode = "SQLITE_PROTOCOL", 15
                raise exc
            return super().execute(sql, *args)

    real = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect",
                        lambda *a, **k: real(*a, **{"factory": Connection, **k}))
    monkeypatch.setattr("time.sleep", lambda s: None)
    code, out, err = run(capsys, monkeypatch, db, ["lookup", "asystenta rodziny"])
    assert code == 0 and "asystent rodziny" in out, err
    assert len(failures) == 2
