"""Adding and editing by hand: known subjects, statuses and per-language notes on add,
the batch id of every write, and what `history` says a batch touched. On both engines."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from termbase import ConceptEdit, InvalidInput, Termbase
from termbase.cli.writes import split_notes
from termbase.facets import ScannedFacets
from termbase.model import SUBJECTS
from termbase.subjects import resolve_subject


@pytest.fixture
def cli(engine_cli):
    return engine_cli


def test_a_subject_typo_is_refused_with_the_close_known_one(cli):
    result = cli("add", "--pl", "asystent rodziny", "--subject", "famly")
    assert result.code == 1
    assert "unknown subject 'famly'" in result.err and "'family'" in result.err
    assert "--new-subject" in result.err and "Traceback" not in result.err
    assert cli("history", "--json").json() == [
        b for b in cli("history", "--json").json() if b["command"] != "add"]


def test_known_subjects_are_matched_without_case_and_new_ones_need_the_flag(cli):
    added = cli("add", "--pl", "asystent rodziny", "--subject", "Family", "--json").json()
    assert added["subject"] == "family"
    assert cli("add", "--lt", "socialinis būstas", "--subject", "housing").code == 1
    housing = cli("add", "--lt", "socialinis būstas", "--subject", "housing",
                  "--new-subject", "--json").json()
    assert housing["subject"] == "housing"
    # once used, the new subject is known: no flag needed, and its spelling is kept
    again = cli("add", "--lt", "savivaldybės būstas", "--subject", "HOUSING", "--json").json()
    assert again["subject"] == "housing"
    edited = cli("edit", housing["id"], "--subject", "child protectoin")
    assert edited.code == 1 and "'child protection'" in edited.err


def test_status_and_language_notes_on_add(cli):
    added = cli("add", "--pl", "gmina", "--lt", "valsčius", "--subject", "administration",
                "--status", "deprecated", "--set-status", "pl:gmina=preferred",
                "--note", "lt:Istorinis terminas; dabar savivaldybė.",
                "--note", "Concept-level remark.", "--json").json()
    terms = {t["lang"]: t for t in added["terms"]}
    assert terms["pl"]["status"] == "preferred"
    assert terms["lt"]["status"] == "deprecated"
    assert terms["lt"]["note"] == "Istorinis terminas; dabar savivaldybė."
    assert "note" not in terms["pl"] and added["note"] == "Concept-level remark."
    bad = cli("add", "--pl", "gmina", "--status", "obsolete")
    assert bad.code == 2 and "invalid choice" in bad.err


def test_a_note_for_a_language_the_concept_lacks_is_an_error(cli):
    cid = cli("add", "--pl", "opiekun prawny", "--json").json()["id"]
    result = cli("edit", cid, "--note", "en:legal guardian")
    assert result.code == 1 and "no en term" in result.err
    cli("edit", cid, "--note", "pl:Ustanawia go sąd opiekuńczy.")
    shown = cli("show", cid, "--json").json()
    assert shown["terms"][0]["note"] == "Ustanawia go sąd opiekuńczy."


def test_every_write_prints_its_batch_and_undo_last_reverts_it(cli, tmp_path):
    added = cli("add", "--pl", "pracownik socjalny", "--lt", "socialinis darbuotojas")
    assert added.code == 0 and "batch " in added.out
    batch = added.out.split("batch ")[1].split(";")[0]
    history = cli("history", "--json").json()
    assert history[-1]["batch"] == batch
    cid = history[-1]["touched"]["concepts"][0]["id"]
    assert history[-1]["touched"]["concepts"][0]["terms"] == [
        "pl:pracownik socjalny", "lt:socialinis darbuotojas"]
    edit = cli("edit", cid, "--en", "social worker", "--json").json()
    assert edit["batch"] and edit["batch"] != batch
    unchanged = cli("edit", cid, "--json").json()
    assert unchanged["batch"] == ""
    deleted = cli("delete", cid, "--json").json()
    assert deleted == {"deleted": cid, "batch": deleted["batch"]} and deleted["batch"]
    text = cli("history")
    assert f"delete {cid}" in text.out and "pl:pracownik socjalny" in text.out
    undone = cli("undo", "last", "--json").json()
    assert undone["undid"] == deleted["batch"]
    assert cli("history", "--json").json()[-1]["command"] == f"undo {deleted['batch']}"
    assert cli("show", cid, "--json").json()["terms"][2]["text"] == "social worker"
    tsv = tmp_path / "terms.tsv"
    tsv.write_text("pl\tlt\nrodzina zastępcza\tglobėjų šeima\n", encoding="utf-8")
    imported = cli("import", str(tsv))
    assert imported.code == 0 and "batch " in imported.out
    purged = cli("purge", "globėjų šeima")
    assert purged.code == 0 and "batch " in purged.out
    # the purge scrubs what history recorded of the import too
    assert "globėjų šeima" not in cli("history", "--json").out


def test_api_last_batch_and_subject_rules(engine_store):
    tb = Termbase.open(engine_store, seed=False)
    concept = tb.add(ConceptEdit(terms=[("pl", "świadczenie rodzinne")], subject="family"))
    first = tb.last_batch
    assert first and tb.history()[-1].batch == first
    assert tb.history()[-1].touched["concepts"] == [
        {"id": concept.id, "terms": ["pl:świadczenie rodzinne"]}]
    with pytest.raises(InvalidInput, match="did you mean 'social assistance'"):
        tb.edit(concept.id, ConceptEdit(subject="social asistance"))
    assert tb.last_batch == ""
    assert "family" in tb.known_subjects()


def test_terms_chosen_from_extract_take_a_known_subject_too(cli, tmp_path):
    sheet = tmp_path / "terms.tsv"
    sheet.write_text("add\tterm\tlang\ny\tmieszkanie treningowe\tpl\n", encoding="utf-8")
    refused = cli("extract", "--add-from", str(sheet), "--subject", "socjal")
    assert refused.code == 1 and "unknown subject 'socjal'" in refused.err
    assert cli("lookup", "mieszkanie treningowe", "--json").json()["matches"] == []
    added = cli("extract", "--add-from", str(sheet), "--subject", "Social Work")
    assert added.code == 0
    (match,) = cli("lookup", "mieszkanie treningowe", "--json").json()["matches"]
    assert match["subject"] == "social work"


def test_a_large_batch_lists_its_first_concepts_and_counts_all(shipped):
    seeding = shipped.history()[0]
    assert seeding.touched["count"] == shipped.stats().concepts
    assert len(seeding.touched["concepts"]) == 20
    first = seeding.touched["concepts"][0]
    concept = shipped.get(first["id"])
    assert first["terms"] == [f"{t.lang}:{t.text}" for t in concept.terms[:4]]


@given(st.sampled_from(SUBJECTS), st.lists(st.booleans(), min_size=25, max_size=25),
       st.sampled_from(["", " ", "  "]))
def test_a_known_subject_in_any_case_is_written_as_known(subject, upper, pad):
    typed = pad + "".join(c.upper() if u else c for c, u in zip(subject, upper * 2)) + pad
    assert resolve_subject(_NoStore(), typed) == subject


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=4, max_size=30))
def test_an_unknown_subject_is_refused_or_taken_only_with_the_flag(typed):
    if typed.strip().casefold() in {s.casefold() for s in SUBJECTS}:
        return
    with pytest.raises(InvalidInput, match="--new-subject"):
        resolve_subject(_NoStore(), typed)
    assert resolve_subject(_NoStore(), typed, new_subject=True) == typed.strip()


@given(st.lists(st.tuples(st.sampled_from(["pl", "lt", "en", ""]),
                          st.text(min_size=1, max_size=20).filter(lambda t: ":" not in t[:4])),
                max_size=4))
def test_note_options_split_into_concept_and_language_notes(given_notes):
    values = [f"{lang}:{text}" if lang else text for lang, text in given_notes]
    note, per_lang = split_notes(values)
    plain = [text for lang, text in given_notes if not lang]
    assert note == (plain[-1] if plain else None)
    assert per_lang == {lang: text.strip() for lang, text in given_notes if lang}


def test_a_note_that_only_looks_like_a_language_prefix_stays_the_concepts():
    assert split_notes(["xx: not a language", "tip: ask the court"]) == (
        "tip: ask the court", {})


class _NoStore(ScannedFacets):
    """The facets of a store with no concepts: only the shipped subject list is known."""

    def __init__(self):
        super().__init__(lambda: iter(()))
