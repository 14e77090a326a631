"""A reader rebuilding the index of a TinyDB store does not hold up writers, and a writer
that commits during the rebuild never leaves a stale index in place.

The rebuild is paused at a known point (its progress callback, after the first thousand
concepts) while a real `termbase add` runs in another process; the callback waits for
that process to end (a generous timeout: the store lock gives up after 30 s). Holding the
lock for the whole rebuild made that `add` fail with "locked"."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from termbase import Termbase
from termbase.index import sidecar, sidecar_build
from termbase.model import Concept, Term

ROOT = Path(__file__).resolve().parents[1]
CONCEPTS = 3000
NEW_TERM = "asystent rodziny zastępczej"


@pytest.fixture(scope="module")
def big_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "tb.json"
    tb = Termbase.open(path, seed=False)
    with tb.store.transaction("setup") as tx:
        for i in range(CONCEPTS):
            tx.add(Concept(subject="świadczenia", terms=[
                Term("pl", f"świadczenie rodzinne {i}"), Term("lt", f"šeimos išmoka {i}")]))
    return path


def _copy(source: Path, directory: Path) -> Path:
    target = directory / source.name
    target.write_bytes(source.read_bytes())
    return target


def _add_in_another_process(db: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1", TERMBASE_SEED="0",
               TERMBASE_CONFIG=str(db.parent / "no-user-config.toml"))
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), "add", "--db", str(db),
                           "--pl", NEW_TERM, "--lt", "globėjų šeimos asistentas"],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=300)


@pytest.mark.parametrize("how", ["stale", "forced", "caught_up_under_the_lock"])
def test_a_writer_commits_while_a_reader_rebuilds_and_no_stale_index_is_left(
        big_store, tmp_path, monkeypatch, how):
    db = _copy(big_store, tmp_path)   # no index file beside it: the next reader builds one
    if how == "caught_up_under_the_lock":
        monkeypatch.setattr(sidecar_build, "UNLOCKED_ROUNDS", 0)
    store = Termbase.open(db, seed=False).store
    if how == "forced":
        store.open_index()            # a current index, then a rebuild asked for anyway
    writers: list[subprocess.CompletedProcess] = []

    def progress(done: int) -> None:
        if not writers:               # mid-rebuild, once
            writers.append(_add_in_another_process(db))

    index = store.open_index(progress, force=how == "forced")
    assert writers, "the rebuild never reported progress"
    writer = writers[0]
    assert writer.returncode == 0, writer.stderr
    # The index handed back and the one left on disk are of the store with the new concept.
    assert index.fingerprint == store.index_state()
    assert sidecar.health(store) == "current"
    answer = Termbase.open(db, seed=False).lookup(NEW_TERM, lang="pl")
    assert answer and answer[0].term == NEW_TERM and answer[0].score == 100
    assert "globėjų šeimos asistentas" in [e.term for e in answer[0].equivalents["lt"]]
    old = Termbase.open(db, seed=False).lookup("świadczenie rodzinne 17", lang="pl")
    assert old[0].term == "świadczenie rodzinne 17"
    assert Termbase.open(db, seed=False).doctor().ok
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_rebuild_that_fails_leaves_no_temporary_file(big_store, tmp_path):
    db = _copy(big_store, tmp_path)
    store = Termbase.open(db, seed=False).store

    def progress(done: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.open_index(progress)
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".lock"] == ["tb.json"]
    assert sidecar.health(store).startswith("absent")


def test_a_catch_up_the_disk_refuses_answers_from_memory_not_an_error(big_store, tmp_path,
                                                                       monkeypatch):
    """The index only saves time: a full disk while the new file is brought up to date
    with a writer that committed meanwhile leaves an index in memory for this process (of
    the store as it is now) and no temporary file, as a full disk while building does."""
    db = _copy(big_store, tmp_path)
    store = Termbase.open(db, seed=False).store
    writers: list[subprocess.CompletedProcess] = []

    def progress(done: int) -> None:
        if not writers:
            writers.append(_add_in_another_process(db))

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sidecar_build, "catch_up", disk_full)
    index = store.open_index(progress)
    assert writers and writers[0].returncode == 0, writers and writers[0].stderr
    assert index.fingerprint == store.index_state()
    assert index.term_count() == 2 * CONCEPTS + 2      # the writer's concept is in it
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert sidecar.health(store).startswith("absent")
