"""Files around the store, second round (issue 13): concurrent repairs, outputs aimed at the
store's own files, failures after a committed write, FIFOs and devices, shared groups,
leftover temporary files, and Windows behaviour simulated on this platform.

Most tests drive `termbase.cli.main` in-process, so faults can be injected exactly where
they would happen (a full disk at the backup copy, a file Windows holds open); the ones
that need a separate process (a hang, a kill) run the real command.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
import types
from contextlib import contextmanager
from pathlib import Path

import pytest
from storefiles import held_open_replace

from termbase import Termbase, doctor
from termbase.cli import main
from termbase.model import Concept, Term
from termbase.store import Store

ROOT = Path(__file__).resolve().parents[1]
CLI = str(ROOT / "cli.py")
DAMAGED = b'{"concepts": {"1": {"id": "c1", "terms": ['


@pytest.fixture
def store(db_path, monkeypatch) -> Path:
    """A small store (two concepts, written twice so the backup exists)."""
    monkeypatch.setenv("TERMBASE_SEED", "0")
    tb = Termbase.open(db_path, seed=False)
    tb.add(Concept(terms=[Term("pl", "pomoc społeczna"), Term("lt", "socialinė parama")]))
    tb.add(Concept(terms=[Term("pl", "gmina"), Term("lt", "savivaldybė")]))
    return db_path


def cli(*args: str) -> int:
    return main(list(args))


def run(db: Path, *args: str, cwd: Path | None = None, timeout: float = 30, **kwargs):
    env = dict(os.environ, TERMBASE_DB=str(db), PYTHONPATH=str(ROOT), TERMBASE_SEED="0",
               NO_COLOR="1")
    env.update(kwargs.pop("env", {}))
    return subprocess.run([sys.executable, CLI, *args], capture_output=True, env=env,
                          cwd=cwd or db.parent, timeout=timeout, **kwargs)


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got {text!r}"
    return lines[0]


def tsv(path: Path, *rows: str) -> Path:
    path.write_text("id\tpl\tlt\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


# ---------------------------------------------------------------- 1: concurrent repairs

def test_a_repair_that_loses_the_race_for_the_lock_keeps_the_damaged_original(
        store, monkeypatch):
    """Two repairs of one damaged store: the second waits for the lock, then must find the
    store repaired and leave it alone. The damaged original must survive in a copy of its
    own, even when both runs fall in the same second (the clock is frozen here)."""
    store.write_bytes(DAMAGED)
    frozen = types.SimpleNamespace(datetime=types.SimpleNamespace(
        now=lambda *a: __import__("datetime").datetime(2026, 1, 2, 3, 4, 5)))
    monkeypatch.setattr(doctor, "_dt", frozen)
    real_locked = Store.locked
    raced = []

    @contextmanager
    def locked_after_another_repair(self):
        if not raced:  # the other process reaches the lock first and repairs
            raced.append(None)
            raced[0] = doctor.repair(Store(self.path))
        with real_locked(self):
            yield

    monkeypatch.setattr(Store, "locked", locked_after_another_repair)
    report = doctor.repair(Store(store))
    assert raced and raced[0]["action"].startswith("restored")
    assert report["action"] == "nothing to repair", report
    copies = sorted(store.parent.glob(store.name + ".damaged-*"))
    assert [c.read_bytes() for c in copies] == [DAMAGED], \
        "the damaged original was overwritten or copied twice"
    assert Termbase.open(store, seed=False).stats().concepts == 2


def test_simultaneous_repair_processes_keep_exactly_the_damaged_original(store):
    store.write_bytes(DAMAGED)
    procs = [subprocess.Popen([sys.executable, CLI, "doctor", "--repair"],
                              env=dict(os.environ, TERMBASE_DB=str(store),
                                       PYTHONPATH=str(ROOT)),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(4)]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    copies = sorted(store.parent.glob(store.name + ".damaged-*"))
    assert [c.read_bytes() for c in copies] == [DAMAGED]
    restored = [out for out, _ in outputs if b"restored from" in out]
    assert len(restored) == 1, outputs


# ------------------------------------------------- 3: outputs onto the store's own files

def _store_targets(db: Path) -> dict[str, Path]:
    link = db.with_name("link-to-store.tsv")
    link.symlink_to(db)
    hard = db.with_name("hard-link-to-store.tsv")
    os.link(db, hard)
    db.with_name(db.name + ".tbindex").write_bytes(b"cache")
    return {"store": db, "backup": db.with_name(db.name + ".bak"),
            "lock": db.with_name(db.name + ".lock"),
            "cache": db.with_name(db.name + ".tbindex"), "symlink": link, "hard link": hard}


def _snapshot(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(db.parent.iterdir()) if p.is_file()}


@pytest.mark.parametrize("target", ["store", "backup", "lock", "cache", "symlink",
                                    "hard link"])
def test_export_onto_a_file_of_the_store_is_refused(store, target, capsys):
    path = _store_targets(store)[target]
    before = _snapshot(store)
    assert cli("export", str(path), "--format", "tsv") == 1
    err = one_line(capsys.readouterr().err)
    assert "refusing" in err and str(path) in err
    assert _snapshot(store) == before


@pytest.mark.parametrize("target", ["store", "backup", "lock", "cache", "hard link"])
def test_rejects_onto_a_file_of_the_store_is_refused_before_importing(store, target,
                                                                      tmp_path, capsys):
    path = _store_targets(store)[target]
    data = tsv(tmp_path / "in.tsv", "n1\tnowy termin\tnaujas terminas", "n2\t\t")
    before = _snapshot(store)
    assert cli("import", str(data), "--skip-invalid", "--rejects", str(path)) == 1
    assert "refusing" in one_line(capsys.readouterr().err)
    assert _snapshot(store) == before


def test_a_review_sheet_onto_the_store_is_refused(store, tmp_path, capsys):
    text = tmp_path / "notatka.txt"
    text.write_text("Pracownik socjalny udziela pomocy społecznej rodzinie. " * 20,
                    encoding="utf-8")
    before = _snapshot(store)
    assert cli("extract", str(text), "--lang", "pl", "--tsv", str(store)) == 1
    assert "refusing" in one_line(capsys.readouterr().err)
    after = _snapshot(store)
    assert all(after[name] == before[name] for name in (store.name, store.name + ".bak"))


def test_a_store_reached_through_a_symlink_is_written_through_it(store, tmp_path):
    """The link stays a link, the real store gets the change, and both names share one
    lock (else two users could write at once)."""
    link = tmp_path / "elsewhere" / "tb-link.json"
    link.parent.mkdir()
    link.symlink_to(store)
    Termbase.open(link, seed=False).add(Concept(terms=[Term("pl", "przez dowiązanie")]))
    assert link.is_symlink()
    assert Termbase.open(store, seed=False).lookup("przez dowiązanie", lang="pl")
    assert Store(link).lock_path == Store(store).lock_path


def test_rejects_onto_the_file_being_imported_is_refused(store, tmp_path, capsys):
    data = tsv(tmp_path / "in.tsv", "n1\tnowy termin\tnaujas terminas", "n2\t\t")
    original = data.read_bytes()
    assert cli("import", str(data), "--skip-invalid", "--rejects", str(data)) == 1
    assert "refusing" in one_line(capsys.readouterr().err)
    assert data.read_bytes() == original


# ------------------------------------------- 4: failures after the commit are not failures

def _fail_at(monkeypatch, suffix: str, error: int = errno.ENOSPC) -> None:
    """os.replace fails (as a full disk would at the last step) for targets ending in
    `suffix`; every other file is written normally."""
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith(suffix):
            raise OSError(error, os.strerror(error), str(src))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def test_a_backup_copy_failing_after_the_commit_is_a_warning_and_doctor_sees_it(
        store, tmp_path, monkeypatch, capsys):
    data = tsv(tmp_path / "in.tsv", "n1\tnowy termin\tnaujas terminas")
    old_backup = store.with_name(store.name + ".bak").read_bytes()
    with monkeypatch.context() as faults:
        _fail_at(faults, ".bak")
        assert cli("import", str(data)) == 0
    err = capsys.readouterr().err
    assert "WAS written" in one_line(err) and ".bak" in err and "stale" in err
    assert Termbase.open(store, seed=False).lookup("nowy termin", lang="pl")
    assert store.with_name(store.name + ".bak").read_bytes() == old_backup
    assert cli("doctor") == 0
    out = capsys.readouterr().out
    assert "stale" in out and ".bak" in out
    assert cli("doctor", "--repair") == 0
    assert "refreshed" in capsys.readouterr().out
    assert store.with_name(store.name + ".bak").read_bytes() == store.read_bytes()


def test_a_rejects_file_failing_after_the_commit_is_a_warning(store, tmp_path, monkeypatch,
                                                              capsys):
    data = tsv(tmp_path / "in.tsv", "n1\tnowy termin\tnaujas terminas", "n2\t\t")
    _fail_at(monkeypatch, ".rejects.tsv")
    assert cli("import", str(data), "--skip-invalid") == 0
    captured = capsys.readouterr()
    warning = one_line(captured.err)
    assert "WAS committed" in warning and "rejects.tsv" in warning
    assert Termbase.open(store, seed=False).lookup("nowy termin", lang="pl")


# ------------------------------------------------------- 8: FIFOs, devices, standard output

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


@needs_fifo
def test_export_to_a_fifo_writes_into_it(store, tmp_path):
    fifo = tmp_path / "pipe.tsv"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        result = run(store, "export", str(fifo), "--format", "tsv")
        received, _ = reader.communicate(timeout=20)
    finally:
        reader.kill()
    assert result.returncode == 0, result.stderr
    assert "pomoc społeczna" in received.decode("utf-8")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced by a regular file"


def test_export_to_a_character_device_keeps_the_device(store, tmp_path):
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (OSError, AttributeError) as exc:
        pytest.skip(f"cannot create a device node here: {exc}")
    assert cli("export", str(device), "--format", "tsv") == 0
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_export_dash_writes_to_standard_output(store, tmp_path):
    result = run(store, "export", "-", "--format", "tsv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "pomoc społeczna" in result.stdout.decode("utf-8")
    assert not (tmp_path / "-").exists()
    assert b"wrote" in result.stderr


# ------------------------------------------------------------ 13: --db at a FIFO or device

@needs_fifo
def test_db_at_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "store.json"
    os.mkfifo(fifo)
    result = run(fifo, "stats", timeout=20)
    assert result.returncode == 1
    assert "not a regular file" in one_line(result.stderr.decode())
    assert not fifo.with_name("store.json.lock").exists()


def test_db_at_an_endless_device_is_refused_at_once(tmp_path):
    device = tmp_path / "zero"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 5))
    except (OSError, AttributeError) as exc:
        pytest.skip(f"cannot create a device node here: {exc}")

    import resource  # here, not in the child between fork and exec (the import lock)

    def small_memory():  # the old behaviour read until MemoryError: keep it bounded
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    result = run(device, "lookup", "gmina", timeout=20, preexec_fn=small_memory)
    assert result.returncode == 1
    assert "not a regular file" in one_line(result.stderr.decode())


def test_a_store_larger_than_any_store_can_be_is_refused_before_reading(store, monkeypatch):
    from termbase import store as store_module
    from termbase.store import StoreError

    monkeypatch.setattr(store_module, "MAX_STORE_BYTES", 100, raising=False)
    with pytest.raises(StoreError, match="bytes"):
        Store(store).read_tables()


# ----------------------------------------------------------- 15: shared (group) termbases

@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_lock_and_backup_take_the_store_mode_and_group(tmp_path):
    db = tmp_path / "shared.json"
    old_umask = os.umask(0o022)
    try:
        tb = Termbase.open(db, seed=False)
        os.chmod(db, 0o660)
        group = os.stat(db).st_gid
        if os.geteuid() == 0:  # root can give it another group, as a shared setup would
            group = 4242
            os.chown(db, -1, group)
        for path in (db.with_name(db.name + ".lock"), db.with_name(db.name + ".bak")):
            path.unlink(missing_ok=True)
        tb.add(Concept(terms=[Term("pl", "wspólny termin")]))
    finally:
        os.umask(old_umask)
    for suffix in (".lock", ".bak"):
        info = os.stat(db.with_name(db.name + suffix))
        assert stat.S_IMODE(info.st_mode) == 0o660, f"{suffix}: {oct(info.st_mode)}"
        assert info.st_gid == group, suffix


# ------------------------------------------------------ 16: killed exports leave no litter

def test_a_killed_export_leaves_no_temporary_file_after_the_next_run(store, tmp_path):
    from test_reliability_crash import kill_at

    out = tmp_path / "out" / "glossary.tsv"
    out.parent.mkdir()
    assert kill_at(store, "glossary.tsv", "before", "export", str(out))
    assert list(out.parent.glob(".glossary.tsv*.tmp")), "the kill left no temp file to test"
    assert run(store, "export", str(out)).returncode == 0
    assert not list(out.parent.glob(".glossary.tsv*.tmp"))


def test_doctor_lists_and_removes_temporary_files_of_killed_writes(store, capsys):
    from test_reliability_crash import kill_at

    assert kill_at(store, "tb.json", "before", "add", "--pl", "przerwany zapis")
    leftovers = list(store.parent.glob(".tb.json*.tmp"))
    assert leftovers
    assert cli("doctor") == 0
    assert "temporary file" in capsys.readouterr().out
    assert cli("doctor", "--repair") == 0
    assert not list(store.parent.glob(".tb.json*.tmp"))


def test_sigterm_during_an_export_removes_its_temporary_file(store, tmp_path):
    from test_reliability_crash import WRAPPER, env_for

    out = tmp_path / "t.tsv"
    marker = tmp_path / "reached-before"
    # The wrapper holds the export just before its rename; it gets SIGTERM there.
    proc = subprocess.Popen([sys.executable, "-c", WRAPPER,
                             out.name, "before", str(marker), "export", str(out)],
                            env=env_for(store), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    for _ in range(3000):
        if marker.exists() or proc.poll() is not None:
            break
        threading.Event().wait(0.01)
    assert marker.exists(), proc.stderr.read() if proc.poll() is not None else "timeout"
    proc.terminate()
    proc.wait(timeout=20)
    assert not list(tmp_path.glob(".t.tsv*.tmp"))
    assert not out.exists()


# --------------------------------------------------------- 18: Windows, simulated

def _as_windows(monkeypatch) -> None:
    """Windows branches on (os.name itself cannot be patched: pathlib reads it), no
    real waiting between retries."""
    from termbase import fileio

    monkeypatch.setattr(fileio, "is_windows", lambda: True, raising=False)
    monkeypatch.setattr("time.sleep", lambda s: None)


def test_windows_a_store_held_open_is_replaced_after_retries(store, monkeypatch):
    from termbase.fileio import atomic_write_bytes

    replace, calls = held_open_replace(times=2)
    target = store.with_name("held-open.json")
    with monkeypatch.context() as windows:
        _as_windows(windows)
        windows.setattr(os, "replace", replace)
        atomic_write_bytes(target, b"{}")
    assert target.read_bytes() == b"{}" and len(calls) == 3


def test_windows_a_store_held_open_for_good_gives_a_clear_message(store, monkeypatch,
                                                                   capsys):
    replace, _ = held_open_replace()
    before = store.read_bytes()
    with monkeypatch.context() as windows:
        _as_windows(windows)
        windows.setattr(os, "replace", replace)
        assert cli("add", "--pl", "zablokowany") == 1
    err = one_line(capsys.readouterr().err)
    assert str(store) in err and "another program" in err and "nothing was written" in err
    assert store.read_bytes() == before
    assert not list(store.parent.glob("*.tmp"))


def _without_posix(monkeypatch) -> None:
    """Windows as termbase meets it: no fchmod/fchown/chown, no O_DIRECTORY, directories
    cannot be opened."""
    real_open = os.open

    def no_directories(path, flags, *args, **kwargs):
        if os.path.isdir(path):
            raise PermissionError(errno.EACCES, "Access is denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    for name in ("fchmod", "fchown", "chown", "O_DIRECTORY"):
        monkeypatch.delattr(os, name, raising=False)
    monkeypatch.setattr(os, "open", no_directories)
    _as_windows(monkeypatch)


def test_windows_without_posix_calls_writes_the_store(store, monkeypatch):
    tb = Termbase.open(store, seed=False)
    with monkeypatch.context() as windows:
        _without_posix(windows)
        tb.add(Concept(terms=[Term("pl", "okienny termin")]))
    assert Termbase.open(store, seed=False).stats().concepts == 3


def test_a_console_that_is_not_utf8_still_shows_polish_and_lithuanian(store):
    """A Windows console in cp1252 cannot encode ł or ė: output switches to UTF-8."""
    result = run(store, "lookup", "gmina", env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 0, result.stderr
    assert "savivaldybė" in result.stdout.decode("utf-8")
