"""`history` and `undo` read a page of the change log, not all of it: a store with 100,000
batches answers as fast as one with ten (issue 12)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from termbase import ConceptEdit, Termbase
from termbase.history import PAGE, _live_after

NO_SEED = {"seed": False}


@pytest.fixture(params=["json", "sqlite"])
def tb(request, tmp_path):
    tb = Termbase.open(tmp_path / f"tb.{request.param}", **NO_SEED)
    for n in range(7):
        tb.add(ConceptEdit(terms=[("pl", f"termin{n}")], subject="family"))
    return tb


def test_pages_of_history_put_together_are_the_whole_history(tb, run_cli):
    everything = [b.batch for b in tb.history()]
    assert [b.batch for b in tb.history(limit=3)] == everything[-3:]
    assert [b.batch for b in tb.history(limit=100)] == everything
    pages, before = [], None
    while page := tb.history(limit=2, before=before):
        pages = [b.batch for b in page] + pages
        before = page[0].batch
    assert pages == everything
    assert [b.batch for b in tb.history(limit=2, before=everything[3][:-2])] == everything[1:3]
    shown = run_cli("--db", str(tb.path), "history", "--limit", "1", "--before",
                    everything[-1], "--json").json()
    assert [b["batch"] for b in shown] == [everything[-2]]


def _fill_log(store, records: list[dict]) -> None:
    """Append batch records through the engine's own change log, in one write (logged as
    a purge, which `undo last` passes over like the records it writes)."""
    with store.transaction(command="purge") as tx:
        for record in records:
            tx.log.append([], record)
        tx.set_meta("filled", True)


def _batch(n: int, **fields) -> dict:
    return {"batch": f"20250101-000000-{n:06x}", "time": "2025-01-01T00:00:00+00:00",
            "user": "t", "command": f"edit c{n}", "counts": {"update": 1}, "summary": {},
            **fields}


def test_undo_last_pages_back_past_batches_it_may_not_undo(tb):
    wanted = tb.history()[-1].batch
    # more than a page of undone batches and their undos, newest last
    pairs = []
    for n in range(PAGE + 10):
        pairs += [_batch(2 * n, undone_by=_batch(2 * n + 1)["batch"]),
                  _batch(2 * n + 1, summary={"undoes": _batch(2 * n)["batch"]})]
    _fill_log(tb.store, pairs)
    assert tb.undo("last").undid == wanted


def _sqlite_with_batches(tmp_path, count: int) -> Termbase:
    tb = Termbase.open(tmp_path / f"log{count}.sqlite", **NO_SEED)
    tb.add(ConceptEdit(terms=[("pl", "gmina")], subject="family"))
    _fill_log(tb.store, [_batch(n) for n in range(count)])
    tb.add(ConceptEdit(terms=[("pl", "powiat")], subject="family"))
    return tb


def _steps(tb, work) -> int:
    """SQLite virtual-machine instructions `work` makes the store's connection execute:
    a measure of rows read that does not depend on the machine's speed."""
    counted = [0]

    def count():
        counted[0] += 1
        return 0

    tb.store.conn.set_progress_handler(count, 100)
    try:
        work()
    finally:
        tb.store.conn.set_progress_handler(None, 100)
    return counted[0]


def test_history_and_undo_cost_the_same_on_a_short_and_a_long_log(tmp_path, monkeypatch):
    from termbase import sqlite_store

    short, long = _sqlite_with_batches(tmp_path, 20), _sqlite_with_batches(tmp_path, 4000)
    monkeypatch.setattr(sqlite_store._Log, "batches", lambda self: pytest.fail("read all"))
    for work in (lambda tb: tb.history(limit=5),
                 lambda tb: tb.history(limit=5, before=tb.history(limit=2)[0].batch),
                 lambda tb: tb.undo(tb.history(limit=1)[0].batch[:-1]),
                 lambda tb: tb.undo("last")):
        small, large = _steps(short, lambda: work(short)), _steps(long, lambda: work(long))
        assert large <= small * 1.5 + 20, (small, large)


def test_the_page_queries_seek_by_key(tmp_path):
    tb = _sqlite_with_batches(tmp_path, 10)
    log, conn = tb.store.log(), tb.store.conn
    newest, oldest = log.newest_batches(1)[0]["batch"], log.oldest_batches(1)[0]["batch"]
    statements: list[str] = []
    conn.set_trace_callback(statements.append)   # each with its values filled in
    log.newest_batches(3, newest)
    log.batches_by_prefix(newest[:-2], 2)
    log.batches_after(oldest)
    conn.set_trace_callback(None)
    assert len(statements) == 3
    for sql in statements:
        plan = " | ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SEARCH batches USING" in plan and "SCAN" not in plan, (sql, plan)


# -- what undo counts as later work, from the later batches alone ----------------------------
def _reference_live_after(batches: list[dict], batch: str) -> set[str]:
    """The rule read over the whole log, as undo did before it read only later batches."""
    position = {b["batch"]: n for n, b in enumerate(batches)}
    records = {b["batch"]: b for b in batches}
    undoes = {b.get("undone_by") for b in batches}
    live: set[str] = set()
    for root in batches:
        if root["batch"] in undoes:
            continue
        chain, current = [], root
        while current is not None:
            chain.append(current["batch"])
            current = records.get(current.get("undone_by") or "")
        after = [m for m in chain if position[m] > position[batch]]
        if len(after) % 2:
            live.update(after)
    return live


@given(st.lists(st.integers(min_value=0, max_value=30), max_size=30), st.data())
def test_live_batches_from_later_ones_alone_are_those_of_the_whole_log(choices, data):
    batches: list[dict] = []
    for n, choice in enumerate(choices):
        record = {"batch": f"b{n:03d}"}
        open_ones = [b for b in batches if not b.get("undone_by")]
        if open_ones and choice % 3 == 0:   # this batch undoes an earlier one
            target = open_ones[choice % len(open_ones)]
            target["undone_by"] = record["batch"]
        batches.append(record)
    if not batches:
        return
    place = data.draw(st.integers(min_value=0, max_value=len(batches) - 1))
    target = batches[place]["batch"]
    assert _live_after(batches[place + 1:]) == _reference_live_after(batches, target)
