"""`kill -9` at every step of every writing command, on both engines (issue 13, round three).

A wrapper runs the real command and counts its *steps*: each rename into place (the
TinyDB store, its backup, a new index file, a copy or backup target) and each SQLite
`COMMIT` (the SQLite store; the index file of a TinyDB store). It stops the command just
before or just after step N, and the test kills it there, for N = 1, 2, ... until the
command finishes without reaching N. Each time:

* the store holds exactly the state before or after the command (never another);
* `doctor` finds no problem (store, backup, index);
* the next command answers from the right state;
* for `purge`, running it again leaves the purged text in no file of the store (store,
  backup, index, SQLite's log): an interrupted erasure is finished by repeating it.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from termbase.engines import open_store

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CLI = str(ROOT / "cli.py")
ENGINES = ["json", "sqlite"]
SECRET = "Kowalska"
MAX_STEPS = 6

WRAPPER = textwrap.dedent("""
    import os, runpy, sqlite3, sys, time
    number, when, marker = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    steps = 0

    def step(action):
        global steps
        steps += 1
        here = steps == number
        if here and when == "before":
            stop()
        result = action()
        if here and when == "after":
            stop()
        return result

    def stop():
        open(marker, "w").close()
        time.sleep(600)

    real_replace = os.replace
    os.replace = lambda src, dst, *a, **k: step(lambda: real_replace(src, dst, *a, **k))

    class Connection(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql.strip().upper() == "COMMIT":
                return step(lambda: super(Connection, self).execute(sql, *args))
            return super().execute(sql, *args)

    real_connect = sqlite3.connect
    def connect(*args, **kwargs):
        kwargs.setdefault("factory", Connection)
        return real_connect(*args, **kwargs)
    sqlite3.connect = connect
    sys.argv = [{cli!r}] + sys.argv[4:]
    runpy.run_path({cli!r}, run_name="__main__")
""").format(cli=CLI)


def env_for(db: Path) -> dict:
    return dict(os.environ, TERMBASE_DB=str(db), PYTHONPATH=str(ROOT), NO_COLOR="1",
                TERMBASE_SEED="0", TERMBASE_USER="crash")


def kill_at_step(db: Path, number: int, when: str, args: list[str]) -> bool:
    """True if the command reached step `number` (and was killed there); False if it
    finished first."""
    marker = db.parent / "reached"
    marker.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", WRAPPER, str(number), when, str(marker),
                             *args], env=env_for(db), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if marker.exists():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace")
            assert proc.returncode == 0, f"{args} failed without a kill: {err}"
            return False
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    raise AssertionError(f"{args}: neither finished nor reached step {number}")


def run_in_process(db: Path, args: list[str], monkeypatch, capsys) -> int:
    from termbase.cli import main

    with monkeypatch.context() as env:
        for key, value in env_for(db).items():
            env.setenv(key, value)
        code = main(args)
    capsys.readouterr()
    return code


STAMPS = ("created", "modified")


def state(db: Path, drop: tuple[str, ...] = STAMPS) -> str:
    """A hash of the concepts and memory segments (or "absent"), without the clock's
    stamps (a run and its reference run do not share a second)."""
    if not db.exists() or db.stat().st_size == 0:
        return "absent"
    store = open_store(db)
    try:
        if not store.exists():
            return "absent"
        concepts = sorted(json.dumps({k: v for k, v in d.items() if k not in drop},
                                     sort_keys=True) for d in store.concept_docs())
        segments = sorted(json.dumps({k: v for k, v in d.items() if k not in drop},
                                     sort_keys=True) for _, d in store.segment_items())
    finally:
        store.close()
    return hashlib.sha256(json.dumps([concepts, segments]).encode()).hexdigest()


def assert_healthy(db: Path, what: str) -> None:
    from termbase import doctor

    store = open_store(db)
    try:
        report = doctor.diagnose(store)
    finally:
        store.close()
    assert report["ok"], f"{what}: {report['problems'][:3]}"
    # killed between the store's rename and its backup's, the backup is one write behind:
    # the documented "last good backup", refreshed by the next write or by repair
    others = [w for w in report.get("warnings", ()) if "backup" not in w]
    assert not others, f"{what}: {others}"


def files_holding(directory: Path, text: str) -> list[str]:
    needle = text.encode("utf-8")
    return sorted(p.name for p in directory.iterdir()
                  if p.is_file() and needle.lower() in p.read_bytes().lower())


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """For each engine, a small store: 20 concepts (k0..k19) and two memory segments, one
    naming a client, plus a 30-row import file."""
    root = tmp_path_factory.mktemp("points")
    data = root / "more.tsv"
    with open(data, "w", encoding="utf-8") as out:
        out.write("id\tpl\tlt\tcreated\tmodified\tcreated_by\tmodified_by\n")
        for i in range(100, 130):
            out.write(f"k{i}\tusługa próbna {i}\tbandomoji paslauga {i}\t2024-01-02T03:04:05+00:00"
                      f"\t2024-01-02T03:04:05+00:00\tt\tt\n")
    made = {}
    for engine in ENGINES:
        from termbase import Termbase
        from termbase.model import Concept, Segment, Term

        db = root / engine / f"tb.{engine}"
        db.parent.mkdir()
        tb = Termbase.open(db, seed=False)
        with tb.store.transaction("setup") as tx:
            for i in range(20):
                tx.add(Concept(id=f"k{i}", terms=[Term("pl", f"świadczenie {i}"),
                                                 Term("lt", f"išmoka {i}")]))
            tx.add_segment(Segment(texts={"pl": f"Pani {SECRET} złożyła wniosek.",
                                          "lt": f"Ponia {SECRET} pateikė prašymą."}))
            tx.add_segment(Segment(texts={"pl": "Gmina wypłaca zasiłek.",
                                          "lt": "Savivaldybė moka pašalpą."}))
        tb.add(Concept(id="k50", note=f"dzwoniła pani {SECRET}",
                       terms=[Term("pl", "asystent rodziny"), Term("lt", "šeimos asistentas")]))
        tb.lookup("asystent rodziny", lang="pl")
        tb.store.close()
        made[engine] = db
    return {"root": root, "stores": made, "data": data}


def copy_of(db: Path, directory: Path) -> Path:
    directory.mkdir(parents=True)
    target = directory / db.name
    for suffix in ("", ".bak", ".tbindex"):
        source = Path(str(db) + suffix)
        if source.exists():
            target.with_name(target.name + suffix).write_bytes(source.read_bytes())
            os.utime(target.with_name(target.name + suffix),
                     ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns))
    return target


COMMANDS = {
    "add": lambda s: ["add", "--pl", "opiekun prawny", "--lt", "teisinis globėjas"],
    "delete": lambda s: ["delete", "k3"],
    "edit": lambda s: ["edit", "k5", "--lt", "kita išmoka", "--note", "po zmianie"],
    "undo": lambda s: ["undo", "LAST"],
    "import": lambda s: ["import", str(s["data"])],
    "purge": lambda s: ["purge", SECRET],
    "memory delete": lambda s: ["memory", "delete", "2"],
}


def _last_batch(db: Path) -> str:
    store = open_store(db)
    try:
        return store.batches()[-1]["batch"]
    finally:
        store.close()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_kill_at_each_step_of_a_write(seeds, tmp_path, monkeypatch, capsys, engine, command):
    start = seeds["stores"][engine]
    args = COMMANDS[command](seeds)
    if args == ["undo", "LAST"]:
        args = ["undo", _last_batch(start)]
    drop = STAMPS + ("modified_by",)
    reference = copy_of(start, tmp_path / "reference")
    assert run_in_process(reference, args, monkeypatch, capsys) == 0
    outcomes = {state(start, drop): "before", state(reference, drop): "after"}
    assert len(outcomes) == 2
    seen = []
    for number in range(1, MAX_STEPS + 1):
        reached = False
        for when in ("before", "after"):
            db = copy_of(start, tmp_path / f"{number}-{when}")
            if not kill_at_step(db, number, when, args):
                continue
            reached = True
            what = f"{engine} {command} killed {when} step {number}"
            outcome = outcomes.get(state(db, drop), "neither")
            assert outcome != "neither", f"{what}: the store is neither before nor after"
            seen.append(f"{when} {number}: {outcome}")
            if command == "purge":
                assert run_in_process(db, args, monkeypatch, capsys) == 0
                assert files_holding(db.parent, SECRET) == [], \
                    f"{what}, purged again: the text survives"
            assert_healthy(db, what)
        if not reached:
            break
    assert seen, "no step was reached"
    # after the last kill: the next write goes through and the answer is right
    assert run_in_process(db, ["add", "--pl", "następny zapis"], monkeypatch, capsys) == 0
    from termbase import Termbase

    found = Termbase.open(db, seed=False).lookup("następnego zapisu", lang="pl")
    assert [m.term for m in found][:1] == ["następny zapis"], seen


@pytest.mark.parametrize("engine", ENGINES)
def test_kill_at_each_step_of_first_use_creation(tmp_path, engine):
    """The first command on a new path creates the store: killed at any step, the path
    holds no store or a complete one, and the next command works."""
    for number in range(1, MAX_STEPS + 1):
        reached = False
        for when in ("before", "after"):
            db = tmp_path / f"{number}-{when}" / f"new.{engine}"
            db.parent.mkdir()
            if not kill_at_step(db, number, when, ["stats"]):
                continue
            reached = True
            if state(db) != "absent":
                assert_healthy(db, f"creation killed {when} step {number}")
            result = subprocess.run([sys.executable, CLI, "add", "--pl", "pierwszy termin"],
                                    env=env_for(db), capture_output=True, text=True,
                                    timeout=120)
            assert result.returncode == 0, result.stderr
        if not reached:
            break


@pytest.mark.parametrize("source_engine, target_engine",
                         [("json", "sqlite"), ("sqlite", "json"), ("sqlite", "sqlite")])
@pytest.mark.parametrize("command", ["copy", "backup"])
def test_kill_at_each_step_of_copy_and_backup(seeds, tmp_path, source_engine,
                                              target_engine, command):
    """The target is absent (or as it was) or a complete copy; the source is unchanged."""
    if command == "backup" and source_engine != target_engine:
        pytest.skip("a backup keeps its store's engine")
    start = seeds["stores"][source_engine]
    expected = state(start)
    for number in range(1, MAX_STEPS + 1):
        reached = False
        for when in ("before", "after"):
            db = copy_of(start, tmp_path / f"{number}-{when}")
            target = db.parent / f"out.{target_engine}"
            args = ["copy", str(db), str(target)] if command == "copy" else \
                ["backup", str(target)]
            if not kill_at_step(db, number, when, args):
                continue
            reached = True
            assert state(db) == expected
            assert state(target) in ("absent", expected), f"{command} killed {when} {number}"
            if state(target) == expected:
                assert_healthy(target, f"{command} target killed {when} step {number}")
        if not reached:
            break
