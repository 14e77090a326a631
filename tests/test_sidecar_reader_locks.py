"""A reader of a TinyDB store's index file keeps its read lock while other threads of the
same process open the index.

The index file is updated in place by writers in other processes (under the store lock, in
one SQLite transaction), so a reader relies on SQLite's POSIX lock on the file: a writer
cannot commit while a reader is inside its snapshot. POSIX locks belong to the process,
and closing any descriptor of the file drops all of them, so checking the file's header
with a plain open() and close() while another thread reads would let a writer rewrite
pages under that reader (SQLite's "How to corrupt", 2.2)."""

from __future__ import annotations

import subprocess
import sys
import threading
import textwrap

import pytest

from termbase import Termbase
from termbase.model import Concept, Term

# Another process asking for the write lock a committing writer needs, without waiting.
WRITER_PROBE = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as exc:
        print("refused:", exc)
    else:
        print("granted")
        conn.execute("ROLLBACK")
    """)


def another_process_may_write(path) -> bool:
    done = subprocess.run([sys.executable, "-c", WRITER_PROBE, str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip() == "granted"


@pytest.fixture
def tb(tmp_path) -> Termbase:
    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    tb.add(Concept(terms=[Term("pl", "asystent rodziny"), Term("lt", "šeimos asistentas")]))
    tb.lookup("asystent rodziny", lang="pl")   # the index file is built and current
    return tb


def test_opening_the_index_in_another_thread_keeps_a_readers_lock(tb):
    reader = tb.index
    with reader.snapshot():
        assert reader.languages == ["lt", "pl"]          # a read: the lock is taken
        assert not another_process_may_write(tb.store.index_path)
        other = threading.Thread(target=tb.store.open_index)  # a server's other thread
        other.start()
        other.join(timeout=60)
        assert not other.is_alive()
        assert not another_process_may_write(tb.store.index_path)
    assert another_process_may_write(tb.store.index_path)   # released with the snapshot


def test_a_health_check_in_another_thread_keeps_a_readers_lock(tb):
    reader = tb.index
    reports = []
    with reader.snapshot():
        assert reader.languages == ["lt", "pl"]
        other = threading.Thread(target=lambda: reports.append(tb.doctor()))
        other.start()
        other.join(timeout=60)
        assert reports and reports[0].ok
        assert not another_process_may_write(tb.store.index_path)
