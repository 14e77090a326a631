"""A damaged store file is detected, never made worse, and repaired from the backup.

For each kind of damage (truncated, garbage bytes, zeroed blocks, empty, valid JSON of the
wrong shape, records of the wrong shape, invalid UTF-8), on a store whose last write left a
good backup:

* any command (here `lookup`) exits 1 with one line naming the file and the backup, with no
  traceback and no "internal error";
* a write (`add`) is refused and changes neither the damaged file nor the backup: the backup
  is the last good copy, a write that "succeeds" on a damaged file would overwrite it;
* `termbase doctor` exits 1 and reports the damage;
* `termbase doctor --repair` exits 0, keeps the damaged file aside, and afterwards the
  concepts equal the last good state and lookups work.

The per-damage command sequences run as subprocesses, a few damages at a time, from one
fixture; each test asserts on one damage.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from storefiles import copy_store, selected_params

# Damaged stores repaired by the real command in subprocesses: minutes under load. Run by
# default and in CI; `-m "not slow"` leaves the module out of a quick local run.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CLI = str(ROOT / "cli.py")
PARALLEL = 3


def _env(db: Path) -> dict:
    return dict(os.environ, TERMBASE_DB=str(db), PYTHONPATH=str(ROOT), NO_COLOR="1",
                TERMBASE_SEED="0", TERMBASE_USER="tester")


def cli(db: Path, *args) -> dict:
    proc = subprocess.run([sys.executable, CLI, *map(str, args)], env=_env(db),
                          capture_output=True, text=True, timeout=60)
    return {"code": proc.returncode, "out": proc.stdout, "err": proc.stderr}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "(absent)"


def concepts_hash(path: Path) -> str:
    data = json.loads(path.read_bytes())
    return hashlib.sha256(json.dumps(data["concepts"], sort_keys=True).encode()).hexdigest()


def _edit_json(change):
    def damage(raw: bytes) -> bytes:
        data = json.loads(raw)
        change(data)
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    return damage


def _first(data: dict) -> dict:
    return data["concepts"][sorted(data["concepts"], key=int)[0]]


def _garbage(raw: bytes) -> bytes:
    return random.Random(7).randbytes(len(raw))


def _middle(raw: bytes) -> bytes:
    mid = len(raw) // 2
    return raw[:mid] + b"\xff" * 64 + raw[mid + 64:]


def _zero_block(raw: bytes) -> bytes:
    """What some file systems leave after a power cut: a block of NULs."""
    start = len(raw) // 3
    return raw[:start] + b"\0" * 4096 + raw[start + 4096:]


def _invalid_utf8(raw: bytes) -> bytes:
    at = raw.index("społeczna".encode())
    return raw[:at] + b"spo\xc5\xff" + raw[at + len("społ".encode()):]


DAMAGES = {
    "empty file": lambda raw: b"",
    "truncated to 40 bytes": lambda raw: raw[:40],
    "truncated to half": lambda raw: raw[: len(raw) // 2],
    "last byte missing": lambda raw: raw[:-1],
    "all garbage": _garbage,
    "garbage in the middle": _middle,
    "a block of NUL bytes": _zero_block,
    "all NUL bytes": lambda raw: b"\0" * len(raw),
    "invalid UTF-8 in a term": _invalid_utf8,
    "JSON list": lambda raw: b"[]",
    "JSON null": lambda raw: b"null",
    "JSON object of another program": lambda raw: b'{"name": "x", "version": 3}',
    "concepts table is a list": _edit_json(lambda d: d.update(concepts=[1, 2])),
    "concept record is a number": _edit_json(lambda d: d["concepts"].update({"1": 5})),
    "terms is a string": _edit_json(lambda d: _first(d).update(terms="oops")),
    "term without text": _edit_json(lambda d: _first(d).update(terms=[{"lang": "pl"}])),
    "schema is a string": _edit_json(lambda d: d["meta"]["1"].update(schema="one")),
    "meta record is a list": _edit_json(lambda d: d["meta"].update({"1": []})),
}


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    """A store after three writes: its backup is a copy of the last one."""
    db = tmp_path_factory.mktemp("good") / "tb.json"
    for pl, lt in (("pomoc społeczna", "socialinė parama"), ("gmina", "savivaldybė"),
                   ("żłobek", "lopšelis")):
        result = cli(db, "add", "--pl", pl, "--lt", lt)
        assert result["code"] == 0, result["err"]
    assert Path(str(db) + ".bak").read_bytes() == db.read_bytes()
    return db


def _run_damage(name: str, good: Path, directory: Path) -> dict:
    db = copy_store(good, directory)
    backup = Path(str(db) + ".bak")
    damaged = DAMAGES[name](db.read_bytes())
    db.write_bytes(damaged)
    r = {"db": db, "damaged": damaged, "backup_sha": sha(backup)}
    r["lookup"] = cli(db, "lookup", "gmina")
    r["add"] = cli(db, "add", "--pl", "nowy termin", "--lt", "naujas terminas")
    r["after_add"] = (db.read_bytes() == damaged, sha(backup) == r["backup_sha"])
    # doctor and repair on a fresh copy, so that they do not depend on what `add` did
    fresh = copy_store(good, directory / "fresh")
    fresh.write_bytes(damaged)
    r["fresh"] = fresh
    r["doctor"] = cli(fresh, "doctor")
    r["repair"] = cli(fresh, "doctor", "--repair")
    r["aside"] = [p for p in fresh.parent.iterdir() if ".damaged-" in p.name]
    return r


@pytest.fixture(scope="module")
def damaged(request, good_store, tmp_path_factory):
    wanted = selected_params(request, "damage")
    root = tmp_path_factory.mktemp("damaged")
    with ThreadPoolExecutor(PARALLEL) as pool:
        jobs = {name: pool.submit(_run_damage, name, good_store, root / f"d{i}")
                for i, name in enumerate(sorted(wanted))}
    return {name: job.result() for name, job in jobs.items()}


def _one_clear_line(result: dict, what: str) -> str:
    err = result["err"]
    assert result["code"] == 1, f"{what}: exit {result['code']}: {err[:300]!r}"
    assert "Traceback" not in err and "internal error" not in err, f"{what}: {err.strip()[:300]}"
    assert len(err.splitlines()) == 1, f"{what}: {err[:500]!r}"
    return err


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damage_is_reported_naming_the_file_and_the_backup(damaged, damage):
    r = damaged[damage]
    err = _one_clear_line(r["lookup"], f"lookup on a store with {damage}")
    assert str(r["db"]) in err and str(r["db"]) + ".bak" in err, err


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_write_on_a_damaged_store_is_refused_and_keeps_the_backup(damaged, damage):
    r = damaged[damage]
    _one_clear_line(r["add"], f"add on a store with {damage}")
    file_kept, backup_kept = r["after_add"]
    assert backup_kept, f"{damage}: the write replaced the last good backup"
    assert file_kept, f"{damage}: the write changed the damaged file"


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_doctor_reports_and_repair_restores_the_last_good_state(damaged, damage, good_store):
    from termbase import Termbase

    r = damaged[damage]
    doctor = r["doctor"]
    assert doctor["code"] == 1, f"{damage}: doctor exit {doctor['code']}: {doctor['out']}"
    assert "PROBLEMS" in doctor["out"] and "internal error" not in doctor["err"], doctor
    repair = r["repair"]
    assert repair["code"] == 0, f"{damage}: repair exit {repair['code']}: {repair}"
    assert concepts_hash(r["fresh"]) == concepts_hash(good_store)
    assert [p.read_bytes() for p in r["aside"]] == [r["damaged"]], "damaged copy not kept"
    matches = Termbase.open(r["fresh"], seed=False).lookup("gminy", lang="pl")
    assert matches and matches[0].term == "gmina"


# ---------------------------------------------------------------- the other files

def test_missing_store_beside_a_backup_is_not_replaced_by_a_new_one(good_store, tmp_path):
    """The store file is gone (deleted by mistake, moved, a crash during repair) but its
    backup is there: doctor must say so, and no command may create a new store and thereby
    overwrite the backup, which is now the only copy of the termbase."""
    db = copy_store(good_store, tmp_path / "s")
    backup = Path(str(db) + ".bak")
    good = sha(backup)
    db.unlink()
    doctor = cli(db, "doctor")
    assert doctor["code"] == 1 and ".bak" in doctor["out"] + doctor["err"], (
        f"doctor says {doctor['out'].strip()!r} (exit {doctor['code']}) with the store "
        "missing and a backup present")
    for args in (("stats",), ("lookup", "gmina"), ("add", "--pl", "x", "--lt", "y")):
        cli(db, *args)
        assert sha(backup) == good, f"`termbase {' '.join(args)}` overwrote the backup"
    repair = cli(db, "doctor", "--repair")
    assert repair["code"] == 0, repair
    assert concepts_hash(db) == concepts_hash(good_store)


def test_damage_without_a_backup_says_so_and_repair_changes_nothing(good_store, tmp_path):
    db = copy_store(good_store, tmp_path / "s")
    Path(str(db) + ".bak").unlink()
    db.write_bytes(db.read_bytes()[:100])
    before = db.read_bytes()
    err = _one_clear_line(cli(db, "lookup", "gmina"), "lookup without backup")
    assert str(db) in err and "no backup" in err
    repair = cli(db, "doctor", "--repair")
    assert repair["code"] == 1 and "Traceback" not in repair["err"]
    assert db.read_bytes() == before


def test_store_and_backup_both_damaged_repair_changes_nothing(good_store, tmp_path):
    db = copy_store(good_store, tmp_path / "s")
    backup = Path(str(db) + ".bak")
    db.write_bytes(b"{")
    backup.write_bytes(b"[]")
    repair = cli(db, "doctor", "--repair")
    assert repair["code"] == 1 and "Traceback" not in repair["err"]
    assert len(repair["err"].splitlines()) == 1
    assert db.read_bytes() == b"{" and backup.read_bytes() == b"[]"


def test_a_damaged_backup_is_reported_and_replaced_by_the_next_write(good_store, tmp_path):
    db = copy_store(good_store, tmp_path / "s")
    backup = Path(str(db) + ".bak")
    backup.write_bytes(b"garbage")
    doctor = cli(db, "doctor")
    assert "DAMAGED" in doctor["out"], doctor
    assert cli(db, "add", "--pl", "nowy", "--lt", "naujas")["code"] == 0
    assert backup.read_bytes() == db.read_bytes()


def test_a_write_keeps_the_store_files_permissions(good_store, tmp_path):
    """A termbase shared by a team (group-writable) must stay so after a write: the atomic
    rename must not leave the new file with the temporary file's private 0600 mode."""
    db = copy_store(good_store, tmp_path / "s")
    os.chmod(db, 0o664)
    assert cli(db, "add", "--pl", "nowy", "--lt", "naujas")["code"] == 0
    mode = os.stat(db).st_mode & 0o777
    assert mode == 0o664, f"the store is now {oct(mode)}, was 0o664"
