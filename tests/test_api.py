"""`Termbase` as a library: typed results, one error root, streams, paging, edits."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

import termbase
from termbase import (ConceptEdit, ExportResult, FormatError, ImportRefused, InvalidInput,
                      NotFound, StoreDamaged, StoreError, StoreLocked, Termbase, TermbaseError)

ROOT = Path(__file__).resolve().parents[1]
TERMS = ("id\tpl\tlt\tsubject\n"
         "a1\tpracownik socjalny\tsocialinis darbuotojas\tsocial work\n"
         "a2\tpomoc społeczna\tsocialinė parama\tsocial work\n"
         "a3\tseniūnija\tseniūnija\tadministration\n")


@pytest.fixture
def tb(empty, tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text(TERMS, encoding="utf-8")
    empty.import_file(path)
    return empty


def test_every_error_is_a_termbase_error():
    for error in (NotFound, InvalidInput, FormatError, ImportRefused, StoreError,
                  StoreLocked, StoreDamaged):
        assert issubclass(error, TermbaseError)
    assert issubclass(StoreLocked, StoreError) and issubclass(StoreDamaged, StoreError)
    from termbase.model import ValidationError
    from termbase.store import StoreCorrupt

    assert ValidationError is InvalidInput and StoreCorrupt is StoreDamaged


def test_import_termbase_stays_cheap():
    """The package's names are loaded on first use: `import termbase` loads no store,
    index or third-party module."""
    code = ("import sys, termbase; loaded = [m for m in sys.modules if m.startswith("
            "('termbase.', 'tinydb', 'rich', 'rapidfuzz'))]; print(loaded)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    assert out.strip() == "[]"


def test_missing_things_are_not_found(tb):
    with pytest.raises(NotFound, match="no concept with id"):
        tb.get("nope")
    with pytest.raises(NotFound):
        tb.delete("nope")
    with pytest.raises(NotFound, match="has no pl term"):
        tb.edit("a1", ConceptEdit(remove_terms=[("pl", "nie ma takiego")]))


def test_get_does_not_build_the_index(tb):
    index_file = tb.path.with_name(tb.path.name + ".tbindex")
    index_file.unlink(missing_ok=True)
    fresh = Termbase.open(tb.path)
    assert fresh.get("a2").terms_in("pl")[0].text == "pomoc społeczna"
    assert not index_file.exists()


def test_concepts_filter_and_page(tb):
    assert [c.id for c in tb.concepts()] == ["a1", "a2", "a3"]
    assert [c.id for c in tb.concepts(subject="Social Work")] == ["a1", "a2"]
    assert [c.id for c in tb.concepts(offset=1, limit=1)] == ["a2"]
    assert list(tb.concepts(lang="en")) == []


def test_the_first_term_of_a_language_is_preferred(tb):
    concept = tb.add(ConceptEdit(terms=[("pl", "asystent rodziny"), ("pl", "asystentka"),
                                        ("lt", "šeimos asistentas")]))
    assert [(t.text, t.status) for t in concept.terms] == [
        ("asystent rodziny", "preferred"), ("asystentka", "admitted"),
        ("šeimos asistentas", "preferred")]
    edited = tb.edit(concept.id, ConceptEdit(terms=[("lt", "asistentė")],
                                             statuses=[("pl", "asystentka", "deprecated")]))
    assert [(t.text, t.status) for t in edited.terms][1:] == [
        ("asystentka", "deprecated"), ("šeimos asistentas", "preferred"),
        ("asistentė", "admitted")]


def test_import_and_export_through_streams(tb):
    upload = io.BytesIO("pl\tlt\nrodzina zastępcza\tglobėjų šeima\n".encode("utf-8"))
    report = tb.import_file(upload, name="upload.tsv")
    assert (report.added, report.file) == (1, "upload.tsv")
    download = io.BytesIO()
    result = tb.export(download, format="csv", langs=["pl", "lt"])
    assert isinstance(result, ExportResult) and result.written == 4
    text = download.getvalue().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id,subject,pl,lt,")
    assert "rodzina zastępcza" in text and "globėjų šeima" in text


def test_rejects_go_into_a_stream(tb):
    upload = io.BytesIO("pl\tlt\tregion_pl\nzły\tblogas\tpl-!!\ndobry\tgeras\t\n".encode())
    rejects = io.BytesIO()
    report = tb.import_file(upload, name="u.tsv", skip_invalid=True, rejects=rejects)
    assert report.added == 1 and [r["line"] for r in report.rejected] == [2]
    assert rejects.getvalue().decode("utf-8").splitlines()[1].startswith("2\t")


def test_results_serialise_to_the_documented_shapes(tb):
    matches = tb.lookup("pracownikom socjalnym", lang="pl")
    assert matches[0].to_json()["equivalents"]["lt"][0] == {
        "term": "socialinis darbuotojas", "status": "admitted"}
    suggestion = tb.suggest("Pomoc społeczna dla pracowników socjalnych.", "pl", "lt")
    assert [hit.concept_id for hit in suggestion.terms] == ["a2", "a1"]
    assert suggestion.to_json()["from"] == "pl"
    entry = tb.history()[-1]
    assert entry.to_json()["batch"] == entry.batch and entry.counts == {"add": 3}
    undone = tb.undo(entry.batch)
    assert (undone.undid, undone.changes_reverted) == (entry.batch, 3)
    assert tb.stats().concepts == 0


def test_add_candidates_by_number(tb, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Asystent rodziny pomaga rodzinie. Asystenta rodziny przydziela gmina. "
                    "Z asystentem rodziny spotkaliśmy się wczoraj.\n", encoding="utf-8")
    result = tb.extract([text], "pl", top=5)
    with pytest.raises(InvalidInput, match="no proposal number 9"):
        tb.add_candidates(result, [9])
    number = [c.term for c in result.candidates].index("asystent rodziny") + 1
    report = tb.add_candidates(result, [number], subject="family")
    assert report.added == 1 and report.batch
    assert tb.lookup("asystenta rodziny", lang="pl")[0].subject == "family"


def test_py_typed_is_shipped():
    assert (Path(termbase.__file__).parent / "py.typed").exists()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"py.typed"' in pyproject


def test_the_creation_batch_says_what_created_the_store(tmp_path):
    empty = Termbase.open(tmp_path / "empty.json", seed=False)
    seeded = Termbase.open(tmp_path / "seeded.json")
    assert [b.command for b in empty.history()] == ["create empty termbase"]
    assert [b.command for b in seeded.history()] == ["seed from shipped glossary"]
    assert empty.stats().concepts == 0 and seeded.stats().concepts > 0


def test_every_package_is_installed():
    """pyproject lists the packages by hand: a new subpackage must be on the list."""
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library "
                                  "from Python 3.11")
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "termbase").rglob("__init__.py")}
    assert found <= listed, found - listed


def test_check_reads_a_stream(tb):
    upload = io.BytesIO("pl\tlt\nPomoc społeczna.\tKažkas kita.\n".encode("utf-8"))
    report = tb.check(upload, "pl", "lt", name="job.tsv")
    assert report.file == "job.tsv" and report.segments == 1
    assert [(i.kind, i.concept_id) for i in report.issues] == [("missing-equivalent", "a2")]
    assert not report.ok


def test_check_subject_answers_as_adding_with_that_subject_would(tb):
    """The early check the command line makes before an extraction with --add."""
    from termbase import check_subject

    known = tb.known_subjects()[0]
    assert check_subject(tb, known.upper()) == known
    assert check_subject(tb, "") == ""
    with pytest.raises(InvalidInput, match="unknown subject"):
        check_subject(tb, "no such subject at all")
    assert check_subject(tb, "no such subject at all", new_subject=True) == \
        "no such subject at all"


def test_extraction_languages_are_those_with_word_lists():
    from termbase import extraction_languages

    assert {"pl", "lt", "en"} <= extraction_languages()
    assert "de" not in extraction_languages()
