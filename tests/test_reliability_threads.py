"""One `Termbase` shared by many threads, as a server's thread pool shares it: lookups,
suggestions and adds at once give the answers one thread alone gives, no sqlite3 object
is used from a thread it does not belong to, and the store is sound afterwards."""

from __future__ import annotations

import threading

import pytest

from termbase import Termbase
from termbase.model import Concept, Term

THREADS = 6
ROUNDS = 3
ADDS_PER_THREAD = 4


def _queries(tb: Termbase) -> list[str]:
    """Terms of the shipped glossary as written, folded, cut to a prefix and misspelt."""
    texts = sorted({term.text for concept in tb.store.concepts() for term in concept.terms
                    if term.lang == "pl" and len(term.text) > 6})[:30]
    return [variant for text in texts for variant in (
        text, text.replace("ł", "l").replace("ś", "s"), text[:5], text[:3] + text[4:])]


def _segments(tb: Termbase) -> list[str]:
    texts = sorted({term.text for concept in tb.store.concepts() for term in concept.terms
                    if term.lang == "pl"})[:20]
    return [f"W sprawie {a} wystąpił także {b}." for a, b in zip(texts, texts[1:])]


def _answers(tb: Termbase, queries: list[str], segments: list[str]) -> tuple[list, list]:
    return ([[m.to_json() for m in tb.lookup(q, lang="pl")] for q in queries],
            [tb.suggest(s, "pl", "lt").to_json() for s in segments])


@pytest.mark.parametrize("name", ["tb.json", "tb.sqlite"])
def test_many_threads_share_one_termbase(tmp_path, name):
    db = tmp_path / name
    queries, segments = _queries(Termbase.open(db)), _segments(Termbase.open(db))
    expected = _answers(Termbase.open(db), queries, segments)
    shared = Termbase.open(db)
    start = threading.Barrier(THREADS)
    failures: list[str] = []
    added: list[str] = []

    def work(number: int) -> None:
        try:
            start.wait(timeout=60)
            for round_ in range(ROUNDS):
                if _answers(shared, queries, segments) != expected:
                    failures.append(f"thread {number}: answers differ in round {round_}")
                for i in range(ADDS_PER_THREAD // ROUNDS + 1):
                    text = f"wątek {number} wpis {round_}x{i} kwerendowy"
                    shared.add(Concept(subject="wątki", terms=[Term("pl", text)]))
                    added.append(text)
        except Exception as exc:  # noqa: BLE001 - every failure is reported below
            failures.append(f"thread {number}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not any(thread.is_alive() for thread in threads), "a thread never finished"
    assert failures == []
    fresh = Termbase.open(db)
    assert _answers(fresh, queries, segments) == expected  # the adds touch none of them
    for text in added:
        assert [m.term for m in fresh.lookup(text, lang="pl")][:1] == [text]
    for text in added[:5]:  # the shared object sees every thread's adds too
        assert [m.term for m in shared.lookup(text, lang="pl")][:1] == [text]
    assert fresh.doctor().ok


@pytest.mark.parametrize("name", ["tb.json", "tb.sqlite"])
def test_a_reader_that_outlives_a_rebuild_by_another_answers_from_the_new_index(tmp_path,
                                                                                name):
    """A rebuild numbers the terms anew while the data (and so its version stamp) stays the
    same: a long-lived reader (a server) must not mix term rows it cached from before with
    ids read after."""
    db = tmp_path / name
    queries = _queries(Termbase.open(db))
    other = Termbase.open(db)
    for concept in sorted(other.store.concepts(), key=lambda c: c.id)[:15]:
        # re-added row by row: their terms take the highest ids, which a rebuild renumbers
        other.edit(concept.id, lambda c: setattr(c, "note", (c.note or "") + " (checked)"))
    server = Termbase.open(db)
    for query in queries[::2]:  # half of them read and cached
        server.lookup(query, lang="pl")
    other.reindex()
    fresh = Termbase.open(db)
    assert [[m.to_json() for m in server.lookup(q, lang="pl")] for q in queries] == \
        [[m.to_json() for m in fresh.lookup(q, lang="pl")] for q in queries]
