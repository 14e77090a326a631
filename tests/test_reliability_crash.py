"""Crash safety: `kill -9` at any moment leaves the store exactly as before or exactly as
after the command, never in between and never unreadable; a killed index build never makes
a lookup answer wrongly.

Two kinds of tests:

* **random kills** (named test_slow_*): the command (a 25,000-row import, the undo of that
  import, an edit, a reindex or a lookup that builds the index) is first run to completion to
  measure its duration and its result; then it is started again, from the same state, six
  times, and killed with SIGKILL after delays spread over that duration (more of them near
  the end, where the write happens). The random seed is printed in every failure message and
  can be fixed with RELIABILITY_SEED=<n>; RELIABILITY_IMPORT_ROWS changes the import size.
* **kills at exact points**: the command runs under a wrapper that stops it just before or
  just after the rename of a given file (the store, its backup, the index cache, the
  damaged copy of `doctor --repair`), and the test kills it there. These cover the moments
  the random kills hit only by luck.

The state is compared as a canonical hash of the concepts table (sorted JSON of every record,
all fields). The import file carries its own ids and dates, so its result is the same bytes
in every run; for `edit`, whose result carries the clock, the `modified` stamps are left out.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

# Kills, races and hostile files in subprocesses: minutes, not seconds. Run by default
# and in CI; `-m "not slow"` leaves the module out of a quick local run.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CLI = str(ROOT / "cli.py")
IMPORT_ROWS = int(os.environ.get("RELIABILITY_IMPORT_ROWS", "25000"))
SEED = int(os.environ.get("RELIABILITY_SEED", str(random.SystemRandom().randrange(10**6))))
FRACTIONS = (0.15, 0.4, 0.65, 0.8, 0.9, 0.97)     # of the measured duration
USER = "reliability"


def env_for(db: Path, **extra) -> dict:
    return dict(os.environ, TERMBASE_DB=str(db), PYTHONPATH=str(ROOT), NO_COLOR="1",
                TERMBASE_SEED="0", TERMBASE_USER=USER, **extra)


def cli(db: Path, *args, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, CLI, *map(str, args)], env=env_for(db),
                          capture_output=True, text=True, timeout=timeout)


def concepts_hash(db: Path, drop: tuple[str, ...] = ()) -> str:
    """sha256 of the concepts table as sorted JSON (optionally without some fields), of
    either engine."""
    from termbase.engines import open_store

    store = open_store(db)
    try:
        table = {doc["id"]: doc for doc in store.concept_docs()}
    finally:
        store.close()
    if drop:
        table = {k: {f: v for f, v in doc.items() if f not in drop} for k, doc in table.items()}
    return hashlib.sha256(json.dumps(table, sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_sane(db: Path, what: str, known_good: tuple[str, ...] = ()) -> None:
    """The store opens, every record validates, and `doctor` finds no problem. (A file
    byte-identical to one already checked is not checked again.)"""
    from termbase.api import Termbase
    from termbase.doctor import diagnose

    tb = Termbase.open(db, seed=False)
    if file_hash(db) in known_good:
        return
    report = diagnose(tb.store)
    tb.store.close()
    assert report["ok"], f"{what}: doctor finds problems: {report['problems'][:5]}"


def copy_state(source: Path, target_dir: Path) -> Path:
    """Copy a store and its backup (not the lock or the cache) into a fresh directory."""
    target_dir.mkdir(parents=True)
    target = target_dir / source.name
    for suffix in ("", ".bak"):
        if Path(str(source) + suffix).exists():
            shutil.copy2(str(source) + suffix, str(target) + suffix)
    return target


def delays(duration: float, rng: random.Random) -> list[float]:
    return [max(0.05, duration * (f + rng.uniform(-0.04, 0.04))) for f in FRACTIONS]


def kill_after(args: list[str], db: Path, delay: float) -> tuple[bool, float]:
    """Start `termbase ARGS`, SIGKILL it after `delay` seconds. Returns (killed, elapsed):
    killed is False when the command had already finished."""
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, CLI, *map(str, args)], env=env_for(db),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=delay)
        killed = False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed = True
    return killed, time.monotonic() - start


def temp_leftovers(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if p.name.endswith(".tmp"))


# ------------------------------------------------------------------------- fixtures

def write_import_file(path: Path, rows: int, start: int = 0) -> Path:
    """Rows with their own ids and dates, so the import gives the same bytes every time."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("id\tpl\tlt\ten\tsubject\tcreated\tmodified\tcreated_by\tmodified_by\n")
        for i in range(start, start + rows):
            out.write(f"k{i}\tświadczenie próbne {i}\tbandomoji išmoka {i}\ttest benefit {i}\t"
                      f"social assistance\t2024-01-02T03:04:05+00:00\t"
                      f"2024-01-02T03:04:05+00:00\tterminolog\tterminolog\n")
    return path


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """before: a store of 50 concepts. after: it plus the big import (run to completion
    once, timed). Both kept as files to copy from."""
    root = tmp_path_factory.mktemp("crash")
    small = write_import_file(root / "small.tsv", 50, start=10**6)
    big = write_import_file(root / "big.tsv", IMPORT_ROWS)
    before = root / "before" / "tb.json"
    before.parent.mkdir()
    result = cli(before, "import", small)
    assert result.returncode == 0, result.stderr
    after = copy_state(before, root / "after")
    start = time.monotonic()
    result = cli(after, "import", big, "--json")
    import_seconds = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    batch = json.loads(result.stdout)["batch"]
    return {"root": root, "big": big, "before": before, "after": after, "batch": batch,
            "import_seconds": import_seconds,
            "hash_before": concepts_hash(before), "hash_after": concepts_hash(after)}


# ------------------------------------------------------------------------- random kills

def warm_index(db: Path) -> Path:
    """Build the index cache in this process (cheap once the morphology is loaded), so that
    a command run next loads it instead of spending a second rebuilding it."""
    from termbase.api import Termbase

    Termbase.open(db, seed=False).rebuild_index()
    return db


def _random_kills(states, name, args, start_state, outcomes, duration, drop=(),
                  prepare=lambda db: db):
    rng = random.Random(f"{SEED}-{name}")
    seen = []
    assert_sane(start_state, f"{name}: the starting state")
    known_good = (file_hash(start_state),)
    for number, delay in enumerate(delays(duration, rng)):
        db = prepare(copy_state(start_state, states["root"] / f"{name}-{number}"))
        killed, elapsed = kill_after(args, db, delay)
        what = (f"{name} run {number} (killed={killed} after {elapsed:.2f} s of a "
                f"{duration:.2f} s run; RELIABILITY_SEED={SEED})")
        try:
            state = concepts_hash(db, drop)
        except Exception as exc:  # noqa: BLE001 - any failure to read is the bug
            pytest.fail(f"{what}: the store cannot be read: {exc}")
        assert state in outcomes, f"{what}: the store is neither the state before nor after"
        assert_sane(db, what, known_good)
        seen.append((killed, outcomes[state], temp_leftovers(db)))
    print(f"\n{name} (seed {SEED}): " + ", ".join(
        f"{'killed' if k else 'finished'}->{o}{' +tmp' if t else ''}" for k, o, t in seen))
    # The lock of the last killed process is gone: a write gets in at once.
    start = time.monotonic()
    result = cli(db, "add", "--pl", "próba po awarii", "--lt", "bandymas po avarijos")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - start < 10
    return seen


def test_slow_kill_9_during_a_large_import(states):
    """A 25,000-row import killed at six moments: each time the store equals the state
    before the import or the state after it, byte for byte."""
    outcomes = {states["hash_before"]: "before", states["hash_after"]: "after"}
    assert len(outcomes) == 2
    seen = _random_kills(states, "import", ["import", states["big"]], states["before"],
                         outcomes, states["import_seconds"])
    assert any(killed for killed, _, _ in seen), f"no run was killed: {seen}"


@pytest.fixture(scope="module")
def sqlite_states(tmp_path_factory):
    """The same before and after on the SQLite engine, with a 25th of the rows (its
    import is one transaction whatever its size, and slower per row for now: the kills
    fall inside it or after)."""
    root = tmp_path_factory.mktemp("crash-sqlite")
    before = root / "before" / "tb.sqlite"
    before.parent.mkdir()
    assert cli(before, "import", write_import_file(root / "s.tsv", 50, start=10**6)
               ).returncode == 0
    big = write_import_file(root / "big.tsv", IMPORT_ROWS // 25)
    after = copy_state(before, root / "after")
    start = time.monotonic()
    result = cli(after, "import", big)
    seconds = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    return {"root": root, "big": big, "before": before, "import_seconds": seconds,
            "hash_before": concepts_hash(before), "hash_after": concepts_hash(after)}


def test_slow_kill_9_during_a_large_sqlite_import(sqlite_states):
    outcomes = {sqlite_states["hash_before"]: "before", sqlite_states["hash_after"]: "after"}
    assert len(outcomes) == 2
    seen = _random_kills(sqlite_states, "sqlite-import", ["import", sqlite_states["big"]],
                         sqlite_states["before"], outcomes, sqlite_states["import_seconds"])
    assert any(killed for killed, _, _ in seen), f"no run was killed: {seen}"


def test_slow_kill_9_during_undo_of_a_large_import(states):
    """Undo of that import, killed at six moments: the store is the imported state or the
    state before the import (undo restores it exactly), nothing else."""
    measure = copy_state(states["after"], states["root"] / "undo-measure")
    start = time.monotonic()
    result = cli(measure, "undo", states["batch"])
    duration = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    assert concepts_hash(measure) == states["hash_before"], "undo is not exact"
    outcomes = {states["hash_before"]: "undone", states["hash_after"]: "imported"}
    _random_kills(states, "undo", ["undo", states["batch"]], states["after"], outcomes,
                  duration)


@pytest.fixture(scope="module")
def medium(tmp_path_factory):
    """A store of 400 concepts (its index builds in about half a second)."""
    root = tmp_path_factory.mktemp("crash-medium")
    db = root / "base" / "tb.json"
    db.parent.mkdir()
    result = cli(db, "import", write_import_file(root / "m.tsv", 400))
    assert result.returncode == 0, result.stderr
    return db


def test_slow_kill_9_during_edit(medium, tmp_path):
    """`edit` reads the concept, changes it and writes the store: killed at six moments, the
    store holds the old or the new concept (modification stamps aside), nothing else."""
    args = ["edit", "k17", "--lt", "nauja išmoka", "--note", "po redakcijos",
            "--set-status", "pl:świadczenie próbne 17=deprecated"]
    measure = warm_index(copy_state(medium, tmp_path / "measure"))
    start = time.monotonic()
    result = cli(measure, *args)
    duration = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    drop = ("modified", "modified_by")
    outcomes = {concepts_hash(medium, drop): "before", concepts_hash(measure, drop): "after"}
    assert len(outcomes) == 2
    states = {"root": tmp_path}
    _random_kills(states, "edit", args, medium, outcomes, duration, drop, prepare=warm_index)


def test_slow_kill_9_during_index_builds_never_gives_a_wrong_answer(medium, tmp_path):
    """Add a concept, then start `reindex` (or a lookup that rebuilds the stale index) and
    kill it (four times, late in the build, where the index file is written): the index left
    behind is absent, stale or right, and a lookup finds the concept added just before."""
    from termbase.api import Termbase
    from termbase.index import sidecar
    from termbase.model import Concept, Term

    db = copy_state(medium, tmp_path / "cache")
    tb = Termbase.open(db, seed=False)
    start = time.monotonic()
    result = cli(db, "reindex")
    duration = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    rng = random.Random(f"{SEED}-reindex")
    for number, delay in enumerate(delays(duration, rng)[::-1][:4]):   # the 4 latest
        word = f"kontrolny{number}x"
        added = tb.add(Concept(terms=[Term("pl", f"termin {word}"), Term("lt", f"terminas {word}")]))
        args = ["reindex"] if number % 2 == 0 else ["lookup", "--json", f"termin {word}"]
        killed, elapsed = kill_after(args, db, delay)
        what = (f"{args[0]} run {number} (killed={killed} after {elapsed:.2f} s; "
                f"RELIABILITY_SEED={SEED})")
        current = sidecar._current(tb.store.index_path, tb.store.index_state())
        assert current is None or sidecar.reader(current, "").concepts.get(added.id), (
            f"{what}: the index claims to be current but lacks {added.id}")
        fresh = Termbase.open(db, seed=False)
        found = [m.concept_id for m in fresh.lookup(f"termin {word}", lang="pl")]
        assert found[:1] == [added.id], f"{what}: lookup gives {found[:3]}, expected {added.id}"
    # and the real command agrees
    result = cli(db, "lookup", "--json", "--lang", "pl", "termin kontrolny0x")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["matches"][0]["term"] == "termin kontrolny0x"


# ------------------------------------------------------------------------- exact points

WRAPPER = textwrap.dedent("""
    import os, runpy, sys, time
    match, when, marker = sys.argv[1:4]
    real = os.replace
    def replace(src, dst, *args, **kwargs):
        name = os.path.basename(str(dst))
        hit = name == match or (match.endswith("*") and name.startswith(match[:-1]))
        if hit and when == "before":
            open(marker, "w").close(); time.sleep(600)
        real(src, dst, *args, **kwargs)
        if hit and when == "after":
            open(marker, "w").close(); time.sleep(600)
    os.replace = replace
    sys.argv = [{cli!r}] + sys.argv[4:]
    runpy.run_path({cli!r}, run_name="__main__")
""").format(cli=CLI)


def kill_at(db: Path, match: str, when: str, *args, timeout: float = 60) -> bool:
    """Run `termbase ARGS` until it is about to rename (when="before") or has just renamed
    (when="after") its temporary file to the file named `match` ("prefix*" for a prefix);
    SIGKILL it there. Returns True if that point was reached (False: the command finished
    without reaching it)."""
    marker = db.parent / f"reached-{when}"
    marker.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", WRAPPER, match, when, str(marker),
                             *map(str, args)], env=env_for(db),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker.exists():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            marker.unlink()
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    raise AssertionError(f"{args}: neither finished nor reached {match} {when} in {timeout} s")


@pytest.fixture(scope="module")
def small_states(tmp_path_factory):
    """A small store and a 300-row import file, with the expected before/after hashes."""
    tmp_path = tmp_path_factory.mktemp("crash-small")
    before = tmp_path / "before" / "tb.json"
    before.parent.mkdir()
    assert cli(before, "import", write_import_file(tmp_path / "a.tsv", 30)).returncode == 0
    big = write_import_file(tmp_path / "b.tsv", 300, start=5000)
    after = copy_state(before, tmp_path / "after")
    assert cli(after, "import", big).returncode == 0
    return {"root": tmp_path, "before": before, "after": after, "file": big,
            "hash_before": concepts_hash(before), "hash_after": concepts_hash(after)}


@pytest.mark.parametrize("target, when, expected", [
    ("tb.json", "before", "before"),       # the store's temp file written, not renamed
    ("tb.json", "after", "after"),         # store renamed, backup not yet written
    ("tb.json.bak", "before", "after"),    # backup's temp file written, not renamed
    ("tb.json.bak", "after", "after"),     # both renamed, directory not yet fsynced
])
def test_kill_at_each_step_of_the_import_write(small_states, target, when, expected):
    db = copy_state(small_states["before"], small_states["root"] / f"run-{target}-{when}")
    assert kill_at(db, target, when, "import", small_states["file"])
    state = concepts_hash(db)
    assert state == small_states[f"hash_{expected}"], f"killed {when} renaming {target}"
    assert_sane(db, f"killed {when} renaming {target}")
    # the next write works and leaves store and backup equal
    result = cli(db, "add", "--pl", "następny zapis", "--lt", "kitas įrašas")
    assert result.returncode == 0, result.stderr
    assert Path(str(db) + ".bak").read_bytes() == db.read_bytes()


def test_kill_between_store_and_backup_then_damage_restores_the_newest_state(small_states):
    """Killed after the store was renamed but before the backup was: the backup is one write
    behind. If the store is then damaged, repair brings back the backup's state: that is
    the documented "last good backup", and it must be a state that really existed."""
    db = copy_state(small_states["before"], small_states["root"] / "behind")
    assert kill_at(db, "tb.json", "after", "import", small_states["file"])
    db.write_bytes(db.read_bytes()[:100])
    result = cli(db, "doctor", "--repair")
    assert result.returncode == 0, result.stdout + result.stderr
    assert concepts_hash(db) in (small_states["hash_before"], small_states["hash_after"])


def test_kill_at_each_step_of_undo(small_states):
    from termbase.store import Store

    batch = Store(small_states["after"]).batches()[-1]["batch"]
    for when, expected in (("before", "after"), ("after", "before")):
        db = copy_state(small_states["after"], small_states["root"] / f"undo-{when}")
        assert kill_at(db, "tb.json", when, "undo", batch)
        assert concepts_hash(db) == small_states[f"hash_{expected}"], f"undo killed {when}"
        assert_sane(db, f"undo killed {when} the rename")


@pytest.mark.parametrize("when, expected", [("before", "before"), ("after", "after")])
def test_kill_at_the_rename_of_an_edit(small_states, when, expected):
    """An edit killed just before / just after its store rename: old or new concept."""
    db = warm_index(copy_state(small_states["after"], small_states["root"] / f"edit-{when}"))
    drop = ("modified", "modified_by")
    old = concepts_hash(db, drop)
    args = ["edit", "k5007", "--lt", "kita išmoka", "--note", "pakeista"]
    assert kill_at(db, "tb.json", when, *args)
    reference = copy_state(small_states["after"], small_states["root"] / f"edit-ref-{when}")
    assert cli(reference, *args).returncode == 0
    outcome = {old: "before", concepts_hash(reference, drop): "after"}.get(
        concepts_hash(db, drop), "neither")
    assert outcome == expected
    assert_sane(db, f"edit killed {when} the rename")


def test_kill_just_before_the_index_file_is_renamed(small_states):
    """The stale index stays; the next lookup rebuilds and finds the new concept."""
    from termbase.api import Termbase
    from termbase.model import Concept, Term

    db = warm_index(copy_state(small_states["after"], small_states["root"] / "cache"))
    Termbase.open(db, seed=False).add(Concept(terms=[Term("pl", "zupełnie nowy termin"),
                                                     Term("lt", "visai naujas")]))
    assert kill_at(db, "tb.json.tbindex", "before", "reindex")
    found = Termbase.open(db, seed=False).lookup("zupełnie nowy termin", lang="pl")
    assert found and found[0].term == "zupełnie nowy termin"
    result = cli(db, "lookup", "--json", "--lang", "pl", "zupełnie nowy termin")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["matches"][0]["term"] == "zupełnie nowy termin"


def test_kill_during_doctor_repair_never_loses_the_backup(small_states):
    """`doctor --repair` copies the damaged file aside, then atomically replaces the store
    with the backup. Killed between the two steps, a store file (still the damaged one) and
    the backup remain: the next command must not overwrite the backup, the only good copy
    left, and a second repair restores it."""
    db = copy_state(small_states["after"], small_states["root"] / "repair")
    good = small_states["hash_after"]
    db.write_bytes(b'{"concepts": {"1": ')           # damaged
    assert kill_at(db, "tb.json.damaged-*", "after", "doctor", "--repair")
    assert db.exists(), "a kill during repair left no store file"
    # Any command now: it must not replace the backup with a new store.
    cli(db, "stats")
    backup = Path(str(db) + ".bak")
    assert concepts_hash(backup) == good, "the last good backup was overwritten"
    result = cli(db, "doctor", "--repair")
    assert result.returncode == 0, result.stdout + result.stderr
    assert concepts_hash(db) == good
