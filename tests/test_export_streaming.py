"""Export streams: concepts come from the store in id order, a page at a time, and the
writers take them one by one. The file must be the one the former export wrote (every
concept loaded, sorted by id in Python, the writer handed the whole list), on both engines,
for every format and filter; and no more than a handful of concepts may be alive at once.
"""

from __future__ import annotations

import random
import sys
import weakref
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from test_formats_xml import VALIDATORS, needs_validators, run

from termbase import Termbase
from termbase.exporter import ExportFilter, export_file
from termbase.formats import WriteOptions
from termbase.model import Concept, Segment, Term
from termbase.sqlite_store import _Records

CONCEPTS = 1500
PAGE = 97                      # SQLite pages much smaller than the store: many page edges
# (pl, lt, en) of the vocabulary, combined with a qualifier so that terms differ
WORDS = [("zasiłek", "pašalpa", "benefit"), ("świadczenie", "išmoka", "allowance"),
         ("opieka", "globa", "care"), ("pomoc społeczna", "socialinė parama",
                                       "social assistance"),
         ("pracownik socjalny", "socialinis darbuotojas", "social worker"),
         ("rodzina zastępcza", "globėjų šeima", "foster family"),
         ("dodatek mieszkaniowy", "būsto kompensacija", "housing allowance")]
QUALIFIERS = [("okresowy", "periodinė", "periodic"), ("stały", "nuolatinė", "permanent"),
              ("celowy", "tikslinė", "targeted"), ("rodzinny", "šeimos", "family")]
SUBJECTS = ("social assistance", "child protection", "housing")


def _concept_id(n: int) -> str:
    """Ids whose order differs from the order they are added in: plain, starting with a
    digit (TBX writes them with a leading "_"), and beyond ASCII (SQLite compares UTF-8
    bytes, Python code points: the same order)."""
    return (f"c{n}", f"{n}k", f"ż{n}", f"Ωm{n}", f"zz-{n}")[n % 5]


def _concept(n: int) -> Concept:
    word, qualifier = WORDS[n % len(WORDS)], QUALIFIERS[n % len(QUALIFIERS)]
    pl, lt, en = (f"{w} {q}" for w, q in zip(word, qualifier))
    terms = [Term("pl", pl, status="deprecated" if n % 7 == 0 else "preferred",
                  region="pl-LT" if n % 5 == 1 else ""),
             Term("lt", lt, status="forbidden" if n % 11 == 0 else "")]
    if n % 7 == 0:
        terms.append(Term("pl", word[0], status="preferred", region="pl-PL"))
    if n % 6:
        terms.append(Term("en", en, note="UK usage" if n % 9 == 0 else ""))
    concept = Concept(id=_concept_id(n), subject=SUBJECTS[n % 3], terms=terms,
                      note="see the statute" if n % 4 == 0 else "")
    if n % 3 == 0:
        concept.definition["en"] = f"support called {en} in this synthetic set"
    if n % 13 == 0:
        concept.definition["de"] = "Unterstützung"
    return concept


@pytest.fixture(scope="module", params=["json", "sqlite"])
def store(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("streaming") / f"tb.{request.param}"
    tb = Termbase.open(path, seed=False)
    order = list(range(CONCEPTS))
    random.Random(12).shuffle(order)
    with tb.store.transaction("streaming test") as tx:
        for n in order:
            tx.add(_concept(n))
        for n in range(40):
            tx.add_segment(Segment(texts={"pl": f"Wniosek o {WORDS[n % 7][0]} nr {n}.",
                                          "lt": f"Prašymas dėl {WORDS[n % 7][1]} nr. {n}.",
                                          "en": f"Application for {WORDS[n % 7][2]} no. {n}."},
                                   origin="streaming test"))
    return tb.store


class _LoadedWhole:
    """The former export's reading: every concept loaded and sorted by id in Python."""

    def __init__(self, store):
        self.store, self.path = store, store.path

    @contextmanager
    def snapshot(self):
        docs = sorted(self.store.concept_docs(), key=lambda doc: doc["id"])
        segments = list(self.store.segment_items())
        yield SimpleNamespace(concept_docs_by_id=lambda: iter(docs),
                              segment_items=lambda: iter(segments))


def _materialised(monkeypatch, store, path, fmt, options, selection) -> None:
    """The export as it was before streaming: the writer gets the whole filtered list."""
    import termbase.exporter as exporter

    with monkeypatch.context() as patch:
        patch.setattr(exporter, "Reread",
                      lambda records, pipeline, *rest: list(pipeline(records())))
        export_file(_LoadedWhole(store), path, fmt, options, selection)


CASES = {
    "csv": ("csv", {}, {}),
    "tsv two languages": ("tsv", {"langs": ["pl", "en"]}, {"langs": ["pl", "en"]}),
    "tbx": ("tbx", {}, {}),
    "tbx housing, preferred": ("tbx", {}, {"subjects": ["housing"],
                                           "statuses": ["preferred"]}),
    "tbx2 for pl-LT": ("tbx2", {"source_lang": "pl-LT", "target_lang": "lt"}, {}),
    "tmx of terms": ("tmx", {"source_lang": "pl", "target_lang": "en",
                             "terms_as_tmx": True}, {}),
    "tmx memory": ("tmx", {"source_lang": "pl", "target_lang": "lt"}, {}),
    "omegat pl-PL": ("omegat", {"source_lang": "pl", "target_lang": "lt"},
                     {"variant": "pl-PL"}),
    "csv with forms": ("csv", {"with_forms": True}, {"subjects": ["child protection"]}),
    "omegat with forms": ("omegat", {"source_lang": "pl", "target_lang": "en",
                                     "with_forms": True}, {"subjects": ["housing"]}),
}
EXTENSIONS = {"omegat": "utf8", "tbx2": "tbx"}


@pytest.mark.parametrize("case", CASES)
def test_the_streamed_export_is_the_file_the_materialised_one_wrote(
        store, case, tmp_path, monkeypatch):
    fmt, options, selection = CASES[case]
    monkeypatch.setattr(_Records, "PAGE", PAGE)
    streamed, whole = (tmp_path / f"{name}.{EXTENSIONS.get(fmt, fmt)}"
                       for name in ("streamed", "whole"))
    summary = export_file(store, streamed, fmt, WriteOptions(**options),
                          ExportFilter(**selection))
    _materialised(monkeypatch, store, whole, fmt, WriteOptions(**options),
                  ExportFilter(**selection))
    assert summary["written"] > 10
    assert streamed.read_bytes() == whole.read_bytes()


def test_the_workbook_holds_the_rows_of_the_materialised_export(store, tmp_path, monkeypatch):
    """XLSX is a zip stamped with its creation time: its cells are compared."""
    import openpyxl

    monkeypatch.setattr(_Records, "PAGE", PAGE)
    streamed, whole = tmp_path / "streamed.xlsx", tmp_path / "whole.xlsx"
    summary = export_file(store, streamed)
    _materialised(monkeypatch, store, whole, None, WriteOptions(), ExportFilter())

    def cells(path):
        book = openpyxl.load_workbook(path, read_only=True)
        try:
            return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()

    rows = cells(streamed)
    assert summary["written"] == CONCEPTS
    assert rows == cells(whole)
    ids = list(dict.fromkeys(row[0] for row in rows[1:]))    # a row per synonym rank
    assert ids == sorted(ids) and len(ids) == CONCEPTS


class _Tracked(Concept):
    __slots__ = ("__weakref__",)


@pytest.fixture
def alive(monkeypatch):
    """Concepts read from the store are counted while they live; the peak is kept."""
    count = SimpleNamespace(now=0, peak=0)
    load = Concept.from_dict.__func__

    def gone():
        count.now -= 1

    def from_dict(cls, data):
        concept = load(_Tracked, data)
        count.now += 1
        count.peak = max(count.peak, count.now)
        weakref.finalize(concept, gone)
        return concept

    monkeypatch.setattr(Concept, "from_dict", classmethod(from_dict))
    return count


@pytest.mark.parametrize("fmt", ["csv", "tsv", "tbx", "tbx2", "xlsx", "omegat", "tmx"])
def test_a_handful_of_concepts_are_alive_at_once_whatever_the_format(
        store, fmt, tmp_path, alive):
    options = WriteOptions(source_lang="pl", target_lang="lt", terms_as_tmx=fmt == "tmx")
    path = tmp_path / f"out.{EXTENSIONS.get(fmt, fmt)}"
    summary = export_file(store, path, fmt, options)
    assert summary["written"] > CONCEPTS // 2
    assert alive.peak <= 5, f"{alive.peak} concepts were held at once"
    # and the materialised path, read the same way, holds them all: the count is real
    alive.peak = 0
    list(store.concepts())
    assert alive.peak == CONCEPTS


@pytest.mark.parametrize("fmt, passes", [("csv", 2), ("tbx", 1)])
def test_progress_counts_the_records_of_every_pass(store, fmt, passes, tmp_path):
    calls = []
    export_file(store, tmp_path / f"out.{fmt}", progress=lambda done, total: calls.append(
        (done, total)))
    assert calls[-1] == (CONCEPTS * passes, CONCEPTS * passes)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_a_one_shot_iterator_is_written_as_a_list_would_be(tmp_path):
    """A writer that reads its items twice still takes a generator (a caller of the format
    API need not know which writers do)."""
    from termbase import formats

    concepts = [_concept(n) for n in range(50)]
    writer = formats.get("csv").write
    writer(iter(concepts), tmp_path / "once.csv", WriteOptions())
    writer(concepts, tmp_path / "list.csv", WriteOptions())
    assert (tmp_path / "once.csv").read_bytes() == (tmp_path / "list.csv").read_bytes()


@needs_validators
@pytest.mark.parametrize("fmt, script", [("tbx", "validate_tbx.py"),
                                         ("tmx", "validate_tmx.py")])
def test_streamed_exports_pass_the_validators(store, fmt, script, tmp_path):
    path = tmp_path / f"out.{fmt}"
    export_file(store, path, fmt, WriteOptions(source_lang="pl", target_lang="lt",
                                               terms_as_tmx=fmt == "tmx"))
    result = run(sys.executable, VALIDATORS / script, path)
    assert result.returncode == 0, result.stdout + result.stderr
