"""A store another termbase command is writing to: the waiting command gives up with one
line a translator understands (which file, that another termbase command is writing, try
again), the same on both engines, with no lock file, SQLite wording or traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from termbase import ConceptEdit, Termbase

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["tb.json", "tb.sqlite"])
def test_a_writer_kept_waiting_says_so_in_one_line(tmp_path, run_cli, monkeypatch, name):
    from termbase import sqlite_store, store

    db = tmp_path / name
    Termbase.open(db, seed=False).add(ConceptEdit(terms=[("pl", "gmina"), ("lt", "seniūnija")],
                                                  subject="administration"))
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys, time
        sys.path.insert(0, sys.argv[2])
        from termbase.engines import open_store
        with open_store(sys.argv[1]).transaction("holder"):
            print("locked", flush=True)
            time.sleep(60)
        """), str(db), str(ROOT)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(store, "LOCK_TIMEOUT_S", 1.0)
        monkeypatch.setattr(sqlite_store, "LOCK_TIMEOUT_MS", 1000)
        result = run_cli("--db", str(db), "add", "--pl", "powiat", "--lt", "apskritis",
                         "--subject", "administration")
    finally:
        holder.kill()
        holder.wait()
    assert result.code == 1 and result.out == ""
    assert result.err == (f"termbase add: {db} is locked: another termbase command is "
                          "writing to it (waited 1 s); try again when it has finished\n")
    # nothing was written, and once the other command is gone the same command goes through
    assert [c.terms[0].text for c in Termbase.open(db).concepts()] == ["gmina"]
    again = run_cli("--db", str(db), "add", "--pl", "powiat", "--lt", "apskritis",
                    "--subject", "administration")
    assert again.code == 0, again.err
