"""Spreadsheet cells: lists whose values contain the separator, formula injection guarded
in CSV/TSV and undone by the reader, malformed CSV quoting refused with its line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termbase import formats
from termbase.formats import FormatError, ReadOptions, WriteOptions
from termbase.formats.cells import FORMULA_START, guard, join_list, split_list, unguard
from termbase.model import Concept, Term

_values = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).map(
    str.strip).filter(bool)


@given(st.lists(_values, max_size=5))
def test_list_cells_split_back_into_the_values_they_were_made_of(values):
    assert split_list(join_list(values)) == values


@given(st.text())
def test_guard_is_undone_exactly_and_never_leaves_a_formula_start(cell):
    assert unguard(guard(cell)) == cell
    assert guard(cell)[:1] not in FORMULA_START


def test_cells_written_before_escaping_read_as_before():
    assert split_list(r"C:\dane | druga") == [r"C:\dane", "druga"]


def read(fmt, path):
    entries = list(formats.get(fmt).read(path, ReadOptions()))
    assert [e.error for e in entries if e.error] == []
    return [e.item for e in entries if e.item is not None]


TRICKY = Concept(id="ustawa", sources=["Ustawa z 2004 r. | art. 5", "Dz.U. \\ 2023"], terms=[
    Term("pl", "=SUMA(A1:A9)", note="+48 22 000 00 00", forms=["-owy | -owa", "@dom"]),
    Term("lt", "'=jau kabutė", context="\tįtraukta"), Term("en", "-minus")]).validate()


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xlsx"])
def test_separator_and_formula_cells_round_trip_exactly(tmp_path, fmt):
    path = tmp_path / f"t.{fmt}"
    formats.get(fmt).write([TRICKY], path, WriteOptions())
    (again,) = read(fmt, path)
    assert again.to_dict() == TRICKY.to_dict()


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_no_csv_or_tsv_cell_starts_like_a_formula(tmp_path, fmt):
    path = tmp_path / f"t.{fmt}"
    formats.get(fmt).write([TRICKY], path, WriteOptions())
    import csv

    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [c for row in csv.reader(handle, delimiter="," if fmt == "csv" else "\t")
                 for c in row]
    assert "'=SUMA(A1:A9)" in cells and "''=jau kabutė" in cells and "'-minus" in cells
    assert not [c for c in cells if c[:1] in FORMULA_START]


@settings(max_examples=30, deadline=None)
@given(st.lists(_values, min_size=1, max_size=4), st.sampled_from(["csv", "tsv"]))
def test_generated_forms_and_sources_round_trip(tmp_path_factory, values, fmt):
    concept = Concept(id="c", sources=values, terms=[Term("pl", "pomoc", forms=values)])
    concept.validate()
    path = tmp_path_factory.mktemp("g") / f"g.{fmt}"
    formats.get(fmt).write([concept], path, WriteOptions())
    (again,) = read(fmt, path)
    assert again.sources == concept.sources and again.terms[0].forms == concept.terms[0].forms


def test_an_unterminated_quote_is_refused_with_the_line_it_opens_on(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('pl,lt\npomoc,pagalba\n"opieka,globa\nrodzina,šeima\n', encoding="utf-8")
    with pytest.raises(FormatError) as error:
        list(formats.get("csv").read(path, ReadOptions()))
    assert error.value.line == 3 and "never closed" in str(error.value)
