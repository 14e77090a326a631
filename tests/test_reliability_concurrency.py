"""Concurrent processes: writers are serialised and lose nothing, readers never see a torn or
invalid store, and a lock left by a dead process does not block anyone.

The writers are real processes (the Python API in a loop), started together behind a
barrier file, so that their transactions really interleave: the test checks that the
batches of the two writers alternate in the change log, not only that all adds arrived.
(The file lock is not fair: a process that releases it and asks again at once nearly always
gets it back before a waiter's next poll, 50 ms later. The writers pause 2 ms between adds,
as real clients do, so that the turns alternate often enough to be seen.)
"""

from __future__ import annotations

import json
import os
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
ADDS = 500

WRITER = textwrap.dedent("""
    import json, os, sys, time
    sys.path.insert(0, {root!r})
    from termbase import Termbase
    from termbase.model import Concept, Term
    path, tag, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    while not os.path.exists(go):
        time.sleep(0.001)
    start = time.time()
    for i in range(count):
        Termbase.open(path, seed=False).add(Concept(subject="concurrency", terms=[
            Term("pl", f"termin {{tag}} {{i}}"), Term("lt", f"terminas {{tag}} {{i}}")]))
        time.sleep(0.002)   # a breath between adds, as any real client takes
    print(json.dumps({{"start": start, "end": time.time()}}))
""").format(root=str(ROOT))

READER = textwrap.dedent("""
    import json, os, sys, time
    sys.path.insert(0, {root!r})
    from termbase.engines import open_store
    from termbase.model import Concept
    path, stop = sys.argv[1], sys.argv[2]
    reads, last, problems = 0, 0, []
    while not os.path.exists(stop):
        try:
            concepts = list(open_store(path).concept_docs())  # every read is whole...
            for doc in concepts:                         # ...and every concept validates
                Concept.from_dict(doc).validate()
            if len(concepts) < last:
                problems.append(f"concepts went from {{last}} to {{len(concepts)}}")
            last = len(concepts)
            reads += 1
            time.sleep(0.01)                             # leave the CPUs to the writers
        except Exception as exc:
            problems.append(f"{{type(exc).__name__}}: {{exc}}")
            if len(problems) > 20:
                break
    print(json.dumps({{"reads": reads, "last": last, "problems": problems}}))
""").format(root=str(ROOT))


def _env(db: Path, user: str = "tester") -> dict:
    return dict(os.environ, TERMBASE_DB=str(db), PYTHONPATH=str(ROOT), NO_COLOR="1",
                TERMBASE_SEED="0", TERMBASE_USER=user)


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_two_writers_lose_nothing_and_a_reader_always_sees_a_valid_store(tmp_path, engine):
    from termbase import Termbase
    from termbase.doctor import diagnose
    from termbase.engines import open_store as Store

    db = tmp_path / f"tb.{engine}"
    Termbase.open(db, seed=False)
    go, stop = tmp_path / "go", tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)],
                              stdout=subprocess.PIPE, text=True, env=_env(db))
    writers = {tag: subprocess.Popen([sys.executable, "-c", WRITER, str(db), tag, str(ADDS),
                                      str(go)], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=_env(db, tag))
               for tag in ("A", "B")}
    time.sleep(0.5)                  # both writers are waiting at the barrier
    go.touch()
    times = {}
    try:
        for tag, proc in writers.items():
            out, err = proc.communicate(timeout=180)
            assert proc.returncode == 0, f"writer {tag}: {err[-2000:]}"
            times[tag] = json.loads(out)
    finally:
        stop.touch()
        for proc in writers.values():
            if proc.poll() is None:
                proc.kill()
        seen = json.loads(reader.communicate(timeout=60)[0])

    # They really ran at the same time...
    assert times["A"]["start"] < times["B"]["end"] and times["B"]["start"] < times["A"]["end"]
    users = [b["user"] for b in Store(db).batches() if b["command"] == "add"]
    switches = sum(1 for x, y in zip(users, users[1:]) if x != y)
    assert switches >= 3, f"the writers did not interleave ({switches} switches)"
    # ...and nothing was lost or doubled.
    concepts = Store(db).concepts()
    texts = sorted(t.text for c in concepts for t in c.terms if t.lang == "pl")
    expected = sorted(f"termin {tag} {i}" for tag in "AB" for i in range(ADDS))
    assert texts == expected
    assert len({c.id for c in concepts}) == 2 * ADDS
    assert diagnose(Store(db))["ok"]
    # The index followed every one of the 1,000 writes
    tb = Termbase.open(db, seed=False)
    assert [m.term for m in tb.lookup("termin B 499", lang="pl")][:1] == ["termin B 499"]
    assert tb.index.term_count() == 4 * ADDS
    # The reader read the store many times during the writes, always a valid one.
    assert seen["problems"] == [], seen["problems"][:5]
    assert seen["reads"] >= 20, seen


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_two_processes_creating_the_same_new_store(tmp_path, engine):
    """Both find no store and create it at the same moment: one creates, both adds land."""
    from termbase.engines import open_store as Store

    db = tmp_path / "new" / f"tb.{engine}"
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), tag, "1", str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=_env(db, tag)) for tag in ("A", "B")]
    time.sleep(0.5)
    go.touch()
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    texts = sorted(t.text for c in Store(db).concepts() for t in c.terms if t.lang == "pl")
    assert texts == ["termin A 0", "termin B 0"]
    created = [b for b in Store(db).batches() if b["counts"].get("create")]
    assert len(created) == 1


HOLDER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from termbase.engines import open_store
    with open_store(sys.argv[1]).transaction("holder") as tx:
        print("locked", flush=True)
        time.sleep(600)
""").format(root=str(ROOT))


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_a_lock_held_by_a_killed_process_does_not_block(tmp_path, engine):
    """A process dies (kill -9) inside a transaction, holding the lock: the next writer gets
    in at once (within 10 s, a third of the lock timeout), and the dead one wrote nothing."""
    from termbase import Termbase

    db = tmp_path / f"tb.{engine}"
    Termbase.open(db, seed=False).store.close()
    state = lambda: sorted(json.dumps(d, sort_keys=True)  # noqa: E731
                           for d in Termbase.open(db, seed=False).store.concept_docs())
    before = state()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE,
                              text=True, env=_env(db))
    try:
        assert holder.stdout.readline().strip() == "locked"
        # While it lives, a writer waits (the lock is real)...
        waiting = subprocess.Popen([sys.executable, CLI, "add", "--pl", "czekam", "--lt",
                                    "laukiu"], env=_env(db), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        assert waiting.poll() is None, "a second writer got in while the lock was held"
        assert state() == before
        # ...and when the holder is killed, it gets in at once.
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        killed_at = time.monotonic()
        out, err = waiting.communicate(timeout=30)
        assert waiting.returncode == 0, err
        assert time.monotonic() - killed_at < 10
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    start = time.monotonic()
    result = subprocess.run([sys.executable, CLI, "add", "--pl", "po", "--lt", "po"],
                            env=_env(db), capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - start < 10
    texts = sorted(t.text for c in Termbase.open(db, seed=False).store.concepts()
                   for t in c.terms if t.lang == "pl")
    assert texts == ["czekam", "po"]


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_concurrent_edits_of_one_concept_lose_no_change(tmp_path, engine):
    """`edit` A reads the concept, then another writer B changes the same concept and
    commits, then A commits. B's change must survive (A merges onto the current concept,
    or refuses with a clear message); A must not silently write back its stale copy.

    Made deterministic: the test holds the store lock while A reads (A then waits for the
    lock), applies B under that lock, and releases it."""
    from termbase import Termbase
    from termbase.model import Concept, Term

    db = tmp_path / f"tb.{engine}"
    tb = Termbase.open(db, seed=False)
    cid = tb.add(Concept(subject="administration", terms=[
        Term("pl", "gmina"), Term("lt", "savivaldybė")])).id
    if engine == "json":
        tb.store.index_path.unlink(missing_ok=True)
    with tb.store.transaction("B: another writer") as tx:
        concept = tx.get(cid)
        concept.terms.append(Term("en", "municipality"))
        concept.note = "added by B"
        tx.update(concept)
        a = subprocess.Popen([sys.executable, CLI, "edit", cid, "--lt", "seniūnija"],
                             env=_env(db, "A"), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        time.sleep(2.0)                 # A has started and now waits for the lock we hold
        assert a.poll() is None, f"A finished while the lock was held: {a.communicate()}"
    out, err = a.communicate(timeout=60)
    final = Termbase.open(db, seed=False).store.concepts()
    (concept,) = [c for c in final if c.id == cid]
    terms = {(t.lang, t.text) for t in concept.terms}
    assert ("en", "municipality") in terms and concept.note == "added by B", (
        f"B's change was lost: A (exit {a.returncode}) wrote back a stale copy: {terms}")
    if a.returncode == 0:
        assert ("lt", "seniūnija") in terms
    else:
        assert a.returncode == 1 and len(err.splitlines()) == 1 and "Traceback" not in err
