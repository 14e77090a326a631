"""`undo last` after a redo (an undo of an undo) takes the redone change back again, like
Ctrl-Z after Ctrl-Y; it must not skip it and undo an older, unrelated batch instead."""

from __future__ import annotations

import pytest

from termbase import Termbase
from termbase.model import Concept, Term


def ids(tb: Termbase) -> list[str]:
    return sorted(doc["id"] for doc in tb.store.concept_docs())


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_undo_last_after_a_redo_takes_the_redone_change_back(tmp_path, engine):
    tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
    tb.add(Concept(id="a", terms=[Term("pl", "gmina")]))
    tb.add(Concept(id="b", terms=[Term("pl", "powiat")]))
    undo = tb.undo("last")
    assert ids(tb) == ["a"]
    redo = tb.undo(undo.batch)
    assert ids(tb) == ["a", "b"]
    again = tb.undo("last")
    assert again.undid == redo.batch and ids(tb) == ["a"]
    tb.undo("last")               # repeated, it steps further back: the first add
    assert ids(tb) == []
    redo_of_redo = tb.undo(tb.history()[-1].batch)      # the first add, done again
    assert ids(tb) == ["a"]
    assert tb.undo("last").undid == redo_of_redo.batch and ids(tb) == []
