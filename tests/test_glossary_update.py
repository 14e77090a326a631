"""Shipped concepts carry the glossary's own dates; existing stores get corrections and new
concepts through `update-glossary`, one undoable batch that never overwrites user edits."""

from __future__ import annotations

import json

import pytest

from termbase import Termbase, glossary
from termbase.history import undo_batch
from termbase.model import Term


def test_two_stores_created_apart_hold_identical_shipped_concepts(tmp_path):
    import time

    first = Termbase.open(tmp_path / "a.json")
    time.sleep(1.1)
    second = Termbase.open(tmp_path / "b.sqlite")
    docs = lambda tb: sorted(json.dumps(d, sort_keys=True) for d in tb.store.concept_docs())
    assert docs(first) == docs(second)
    version = glossary.shipped_version()
    concept = next(first.concepts())
    assert concept.created == version.date
    assert concept.created_by == f"termbase glossary {version.version}"


@pytest.fixture
def old_store(tmp_path, monkeypatch):
    """A store seeded by an older glossary: the current one with one concept changed, one
    missing (added later) and one extra (retired later)."""
    real = glossary.shipped_concepts
    current = real()
    changed, missing = current[0].id, current[1].id

    def older():
        concepts = [c for c in real() if c.id != missing]
        for concept in concepts:
            if concept.id == changed:
                concept.terms = [t for t in concept.terms if t.lang != "en"] + [
                    Term("en", "an old wording", status="preferred")]
        retired = real()[2]
        retired.id = "svc-retired-since"
        retired.terms = [Term("pl", "dawny termin"), Term("lt", "senas terminas")]
        return concepts + [retired]

    monkeypatch.setattr(glossary, "shipped_concepts", older)
    monkeypatch.setattr(glossary, "shipped_version",
                        lambda: glossary.GlossaryVersion("2026.1.0", "2026-01-01T00:00:00+00:00"))
    tb = Termbase.open(tmp_path / "old.json")
    monkeypatch.setattr(glossary, "shipped_concepts", real)
    monkeypatch.undo()
    return tb, changed, missing


def test_update_glossary_applies_corrections_as_one_undoable_batch(old_store):
    tb, changed, missing = old_store
    assert "update-glossary" in tb.glossary_hint()
    before = sorted(json.dumps(d, sort_keys=True) for d in tb.store.concept_docs())
    report = tb.update_glossary()
    assert report.added == [missing] and changed in report.updated
    assert report.removed == ["svc-retired-since"] and report.conflicts == []
    assert tb.glossary_hint() == ""
    assert tb.lookup("an old wording", lang="en") == [] or \
        tb.lookup("an old wording", lang="en")[0].concept_id != changed
    undo_batch(tb.store, report.batch)
    assert sorted(json.dumps(d, sort_keys=True) for d in tb.store.concept_docs()) == before


def test_update_glossary_never_overwrites_what_the_user_edited(old_store):
    tb, changed, _missing = old_store
    tb.edit(changed, lambda c: setattr(c, "note", "our agency's own note"))
    tb.edit("svc-retired-since", lambda c: setattr(c, "note", "still used by us"))
    report = tb.update_glossary()
    assert {c["concept_id"] for c in report.conflicts} == {changed, "svc-retired-since"}
    assert tb.get(changed).note == "our agency's own note"
    assert tb.get("svc-retired-since").note == "still used by us"


def test_update_glossary_dry_run_changes_nothing(old_store):
    tb, _changed, _missing = old_store
    before = tb.store.batches()
    report = tb.update_glossary(dry_run=True)
    assert report.added and tb.store.batches() == before


def test_a_store_seeded_before_fingerprints_were_kept_is_updated_by_its_history(
        tmp_path, monkeypatch):
    tb = Termbase.open(tmp_path / "legacy.json")
    with tb.store.transaction("forget") as tx:     # what stores of older versions lack
        tx.set_meta("glossary_prints", None)
        tx.set_meta("glossary_version", None)
    first, second = [c.id for c in list(tb.concepts())[:2]]
    tb.edit(second, lambda c: setattr(c, "note", "ours"))
    real = glossary.shipped_concepts

    def newer():
        concepts = real()
        for concept in concepts:
            if concept.id in (first, second):
                concept.definition["en"] = "A corrected definition written for this test."
        return concepts

    monkeypatch.setattr(glossary, "shipped_concepts", newer)
    report = tb.update_glossary()
    assert report.updated == [first]
    assert [c["concept_id"] for c in report.conflicts] == [second]
    assert tb.get(second).note == "ours"
