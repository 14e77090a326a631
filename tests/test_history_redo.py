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


def test_a_log_edited_into_a_loop_of_undos_does_not_hang_undo_last(tmp_path):
    """Two batches that each claim to undo the other (a hand-edited TinyDB file): following
    the chain goes round once and stops."""
    import json

    path = tmp_path / "tb.json"
    tb = Termbase.open(path, seed=False)
    tb.add(Concept(id="a", terms=[Term("pl", "gmina")]))
    tb.add(Concept(id="b", terms=[Term("pl", "powiat")]))
    data = json.loads(path.read_text(encoding="utf-8"))
    first, second = [b for _, b in sorted(data["batches"].items(), key=lambda kv: int(kv[0]))
                     ][-2:]
    first.setdefault("summary", {})["undoes"] = second["batch"]
    second.setdefault("summary", {})["undoes"] = first["batch"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert Termbase.open(path, create=False).undo("last").undid == second["batch"]
