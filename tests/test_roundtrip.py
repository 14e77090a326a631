"""Export -> import into an empty store -> export again gives identical files, through the
real store and importer (the format tests cover write -> read at the format level)."""

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from termbase import Termbase
from termbase.exporter import export_file
from termbase.formats.base import WriteOptions
from termbase.model import Concept, Term
from termbase.text.display import only_invisible

TRICKY = [
    Concept(subject="family", note='Quotes " and \' and <tags> & ampersands;\ttab\nnewline',
            definition={"en": "A line\nand another.", "pl": "Definicja, z przecinkiem"},
            terms=[Term("pl", "mediacja rodzinna", status="preferred", context="„cytat”\tz tabem"),
                   Term("pl", "mediacja", status="admitted", type="shortForm"),
                   Term("lt", "šeimos mediacija", status="preferred", forms=["šeimos mediacijos"]),
                   Term("lt", "tarpininkavimas", status="forbidden", note="not in law"),
                   Term("en", "family mediation", status="preferred", region="en-GB")]),
]


def round_trip(tmp_path, source: Termbase, name: str, fmt: str, **options) -> tuple[bytes, bytes]:
    first = tmp_path / f"first.{name}"
    export_file(source.store, first, fmt, WriteOptions(**options))
    target = Termbase.open(tmp_path / f"{fmt}-copy.json", seed=False)
    target.import_file(first, format=fmt if fmt != "tmx" else None, as_terms=fmt == "tmx")
    second = tmp_path / f"second.{name}"
    export_file(target.store, second, fmt, WriteOptions(**options))
    return first.read_bytes(), second.read_bytes()


@pytest.fixture(scope="module")
def glossary_plus_tricky(tmp_path_factory):
    tb = Termbase.open(tmp_path_factory.mktemp("rt") / "tb.json")
    for concept in TRICKY:
        tb.add(Concept.from_dict(concept.to_dict()))
    return tb


@pytest.mark.parametrize("name, fmt", [("tbx", "tbx"), ("v2.tbx", "tbx2"), ("csv", "csv"),
                                       ("tsv", "tsv"), ("xlsx", "xlsx")])
def test_shipped_glossary_round_trips_byte_for_byte(tmp_path, glossary_plus_tricky, name, fmt):
    first, second = round_trip(tmp_path, glossary_plus_tricky, name, fmt)
    if fmt == "xlsx":  # the zip container stamps times; compare what the sheet says
        from termbase import formats
        from termbase.formats.base import ReadOptions

        read = lambda p: [e.item.to_dict() for e in formats.get("xlsx").read(p, ReadOptions())]  # noqa: E731
        assert read(tmp_path / "first.xlsx") == read(tmp_path / "second.xlsx")
    elif fmt in ("tbx", "tbx2"):
        # TBX text is read as xml:space="default" defines: the tabs of TRICKY become
        # spaces once; nothing else changes.
        assert first.replace(b"\t", b" ") == second
    else:
        assert first == second


def test_term_pairs_round_trip_through_tmx(tmp_path, glossary_plus_tricky):
    first, second = round_trip(tmp_path, glossary_plus_tricky, "tmx", "tmx",
                               terms_as_tmx=True, source_lang="pl", target_lang="lt")
    assert first.count(b"<tu") == second.count(b"<tu") > 100


text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                                      blacklist_characters="\ufffe\uffff"),
               min_size=1, max_size=25).filter(
    lambda s: s.strip() == s and s and not only_invisible(s))  # such terms are refused


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(text, text, text), min_size=1, max_size=5, unique_by=lambda r: r[0]))
def test_generated_concepts_round_trip_through_tbx_and_csv(tmp_path_factory, rows):
    work = tmp_path_factory.mktemp("hyp")
    tb = Termbase.open(work / "tb.json", seed=False)
    with tb.store.transaction("gen") as tx:
        for i, (pl, lt, note) in enumerate(rows):
            tx.add(Concept(id=f"g{i}", note=note, terms=[Term("pl", pl), Term("lt", lt)]))
    for name, fmt in (("tbx", "tbx"), ("csv", "csv")):
        first, second = round_trip(work, tb, name, fmt)
        assert first == second, fmt
