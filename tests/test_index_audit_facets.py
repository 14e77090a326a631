"""`doctor` compares the index's subjects and varieties (ix_facets) with the data, as it does
its terms: an SQL edit of an SQLite store's records, or of the index rows, leaves the version
stamp as it was, and `add --subject`, `--variant` and the subject list would then answer from
rows that no longer say what the concepts hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reliability_index import plant

from termbase import Termbase
from termbase.model import Concept, Term


@pytest.fixture(params=["json", "sqlite"])
def tb(request, tmp_path) -> Termbase:
    tb = Termbase.open(tmp_path / f"tb.{request.param}", seed=False)
    tb.add(Concept(id="k1", subject="opieka nad dzieckiem",
                   terms=[Term("pl", "piecza zastępcza", region="pl-PL"),
                          Term("lt", "globa", region="lt-LT")]))
    tb.add(Concept(id="k2", terms=[Term("pl", "praca socjalna")]))
    tb.index  # a TinyDB store's index file is made by its first use
    assert Termbase.open(tb.store.location, create=False).doctor().index == "current"
    return tb


def index_file(tb: Termbase) -> Path:
    return Path(tb.store.location) if tb.store.engine == "sqlite" else tb.store.index_path


def reopened(tb: Termbase) -> Termbase:
    return Termbase.open(tb.store.location, create=False)


FACET_EDITS = {
    "subject row deleted": "DELETE FROM ix_facets WHERE kind='subject'",
    "variety row renamed": "UPDATE ix_facets SET value='pl-LT', fold='pl-lt'"
                           " WHERE value='pl-PL'",
    "row of a concept that has none": "INSERT INTO ix_facets VALUES('subject', 'x', 'x', 'k2')",
}


@pytest.mark.parametrize("edit", sorted(FACET_EDITS))
def test_doctor_finds_facet_rows_out_of_step_and_repair_rebuilds_them(tb, edit):
    plant(index_file(tb), FACET_EDITS[edit])
    report = reopened(tb).doctor()
    assert report.index.startswith("out of step"), report.index
    assert reopened(tb).doctor(repair=True).after.index == "current"
    assert "opieka nad dzieckiem" in reopened(tb).known_subjects()
    assert "x" not in reopened(tb).known_subjects()


def test_doctor_finds_a_subject_changed_behind_an_sqlite_stores_index(tmp_path):
    tb = Termbase.open(tmp_path / "tb.sqlite", seed=False)
    tb.add(Concept(id="k1", subject="opieka nad dzieckiem", terms=[Term("pl", "piecza")]))
    plant(tmp_path / "tb.sqlite", "UPDATE concepts SET doc=replace(doc, 'opieka nad"
                                  " dzieckiem', 'pomoc rodzinie') WHERE id='k1'")
    assert reopened(tb).doctor().index.startswith("out of step")
    reopened(tb).doctor(repair=True)
    subjects = reopened(tb).known_subjects()
    assert "pomoc rodzinie" in subjects and "opieka nad dzieckiem" not in subjects


# A subject or variety that is not text (a record edited by a script or another tool): the
# record's shape check lets it through (it is validated by doctor, which reports it), so
# the index must not fail on it; it is simply no subject or variety.
ODD_VALUES = [5, ["family"], {"name": "family"}, True]


@pytest.mark.parametrize("engine", ["json", "sqlite"])
@pytest.mark.parametrize("value", ODD_VALUES, ids=repr)
def test_a_subject_or_region_that_is_not_text_is_no_facet_and_no_internal_error(
        tmp_path, run_cli, engine, value):
    import json

    path = tmp_path / f"tb.{engine}"
    tb = Termbase.open(path, seed=False)
    tb.add(Concept(id="k1", subject="opieka nad dzieckiem",
                   terms=[Term("pl", "piecza zastępcza", region="pl-PL")]))
    tb.add(Concept(id="k2", subject="praca", terms=[Term("pl", "praca socjalna")]))
    odd = json.dumps(value).replace("'", "''")
    if engine == "sqlite":
        tb.store.close()
        plant(path, f"UPDATE concepts SET doc=json_set(doc, '$.subject', json('{odd}'),"
                    f" '$.terms[0].region', json('{odd}')) WHERE id='k1'")
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        for doc in data["concepts"].values():
            if doc["id"] == "k1":
                doc["subject"], doc["terms"][0]["region"] = value, value
        path.write_text(json.dumps(data), encoding="utf-8")
    for command in (["reindex"], ["lookup", "praca socjalna"], ["doctor"]):
        result = run_cli("--db", path, *command)
        assert "internal error" not in result.err, (command, result.err)
    assert "praca socjalna" in run_cli("--db", path, "lookup", "praca socjalna").out
    subjects = reopened(tb).known_subjects()
    assert "praca" in subjects and "opieka nad dzieckiem" not in subjects
    report = reopened(tb).doctor()
    assert any("k1" in problem or "record 1" in problem for problem in report.problems), \
        report.problems
