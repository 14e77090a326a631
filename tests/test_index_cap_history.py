"""A word held by more terms than a lookup examines (`MAX_CONTAINING`) gives the same
answer for the same data, whatever order the terms were written in.

The examined terms are the shortest; among terms of one length they used to be the first
written (term ids), so an edit, which writes a concept's terms again, could push a
concept out of the answer, and a rebuild bring it back. The same held for the prefix
matches of a query, capped at 50 terms, among terms of one key."""

from __future__ import annotations

import pytest

from termbase import Termbase
from termbase.index.search import MAX_CONTAINING
from termbase.model import Concept, Term

EXTRA = 150   # terms of the word beyond the cap


@pytest.fixture(scope="module", params=["tb.sqlite", "tb.json"])
def crowded(request, tmp_path_factory):
    """A store where one word ("pomoc") is in more two-word terms than the cap."""
    db = tmp_path_factory.mktemp("crowded") / request.param
    tb = Termbase.open(db, seed=False)
    with tb.store.transaction("setup") as tx:
        for number in range(MAX_CONTAINING + EXTRA):
            tx.add(Concept(terms=[Term("pl", f"pomoc {number}")]))
    return db


def _answer(tb: Termbase, query: str) -> list[tuple[str, str, float]]:
    return [(m.concept_id, m.term, m.score) for m in tb.lookup(query, lang="pl", limit=10)]


def test_a_word_in_more_terms_than_examined_answers_the_same_after_an_edit_and_a_rebuild(
        crowded):
    tb = Termbase.open(crowded, seed=False)
    tb.index
    before = _answer(tb, "pomocy")  # inflected: no prefix match, only the word
    assert len(before) == 10
    # The concepts of the answer written again: their terms are now the last written.
    for concept_id, _term, _score in before[:3]:
        tb.edit(concept_id, lambda concept: setattr(concept, "note", "sprawdzone"))
    edited = _answer(Termbase.open(crowded, seed=False), "pomocy")
    Termbase.open(crowded, seed=False).reindex()
    rebuilt = _answer(Termbase.open(crowded, seed=False), "pomocy")
    assert edited == before
    assert rebuilt == before


@pytest.mark.parametrize("name", ["tb.sqlite", "tb.json"])
def test_prefix_matches_of_many_homonyms_are_the_same_after_an_edit_and_a_rebuild(tmp_path,
                                                                                   name):
    db = tmp_path / name
    tb = Termbase.open(db, seed=False)
    with tb.store.transaction("setup") as tx:
        for number in range(60):  # one term in 60 concepts, more than the prefix cap
            tx.add(Concept(subject=f"dziedzina {number}",
                           terms=[Term("pl", "pomoc społeczna")]))
    tb.index

    def answer():
        return [m.concept_id for m in Termbase.open(db, seed=False).lookup(
            "pomoc spo", lang="pl", limit=100)]

    before = answer()
    for concept_id in before[:3]:
        tb.edit(concept_id, lambda concept: setattr(concept, "note", "sprawdzone"))
    assert answer() == before
    tb.reindex()
    assert answer() == before
