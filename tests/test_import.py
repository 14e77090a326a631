"""Importing CSV/TSV: encodings, merging, conflicts, all-or-nothing, dry run, undo."""

import hashlib
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from termbase.formats.base import FormatError
from termbase.importer import ImportRefused, import_file

HEADER = "pl\tlt\ten\tsubject\tdefinition_en\n"


def changed_ids(changes: list[dict]) -> list[str]:
    """The ids a batch's change-log entries touch (runs of additions expanded)."""
    from termbase.transaction import change_ids

    return [i for change in changes for i in change_ids(change)]


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def all_terms(tb):
    return sorted((t.lang, t.text) for c in tb.store.concepts() for t in c.terms)


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1250", b""),
])
def test_polish_file_in_each_encoding(empty, tmp_path, encoding, bom):
    text = "pl,en\r\nośrodek pomocy społecznej,social assistance centre\r\nźródło,source\r\n"
    path = tmp_path / "in.csv"
    path.write_bytes(bom + text.encode(encoding))
    report = empty.import_file(path)
    assert report.added == 2
    assert ("pl", "ośrodek pomocy społecznej") in all_terms(empty)


def test_lithuanian_cp1257_is_told_apart_from_cp1250(empty, tmp_path):
    path = write(tmp_path, "lt.tsv", "lt\ten\nsocialinių paslaugų centras\tsocial services centre\n"
                 "seniūnija\televdership\n", encoding="cp1257")
    empty.import_file(path)
    assert ("lt", "socialinių paslaugų centras") in all_terms(empty)
    assert ("lt", "seniūnija") in all_terms(empty)


def test_quoted_delimiters_empty_cells_and_extra_columns(empty, tmp_path):
    path = write(tmp_path, "q.csv", 'pl;lt;en;comment\n"pomoc; wsparcie";parama;"support, help";x\n'
                 'ubóstwo;;poverty;\n')
    report = empty.import_file(path)
    assert report.added == 2
    assert ("pl", "pomoc; wsparcie") in all_terms(empty)
    assert ("en", "support, help") in all_terms(empty)
    assert any("comment" in w for w in report.warnings)


def test_binary_junk_is_refused_and_store_unchanged(empty, tmp_path):
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 20)
    before = digest(empty.store.path)
    with pytest.raises(FormatError):
        empty.import_file(path)
    assert digest(empty.store.path) == before


@pytest.mark.parametrize("content, message", [
    ("słowo\tznaczenie\nx\ty\n", "no language column"),   # "polish" is read as pl now
    ("pl\txx\npomoc\tz\n", "unknown language code"),
    ("", "empty"),
])
def test_bad_headers_are_one_clear_error(empty, tmp_path, content, message):
    path = write(tmp_path, "bad.tsv", content)
    before = digest(empty.store.path)
    with pytest.raises(FormatError, match=message):
        empty.import_file(path, format="tsv")
    assert digest(empty.store.path) == before


def test_one_bad_row_refuses_the_whole_file_listing_every_problem(empty, tmp_path):
    path = write(tmp_path, "rows.tsv", "pl\tlt\tregion_pl\n"
                 "pomoc społeczna\tsocialinė parama\tpl-PL\n"
                 "ubóstwo\tskurdas\tLithuania\n"
                 "\t\t\n"
                 "bieda\tskurdas\tlt-LT\n")
    before = digest(empty.store.path)
    with pytest.raises(ImportRefused) as refused:
        empty.import_file(path)
    assert [line for line, _ in refused.value.errors] == [3, 5]
    assert "malformed region 'Lithuania'" in refused.value.errors[0][1]
    assert "region 'lt-LT' is not a variety of 'pl'" in refused.value.errors[1][1]
    assert digest(empty.store.path) == before


def test_vendor_status_values_are_mapped_and_unknown_ones_kept_with_a_warning(empty, tmp_path):
    path = write(tmp_path, "rows.tsv", "pl\tlt\tstatus_pl\tpos_pl\n"
                 "ubóstwo\tskurdas\tForbidden\tNoun\n"
                 "bieda\tvargas\tbogus\t\n")
    report = empty.import_file(path)
    assert report.added == 2
    assert any("administrativeStatus 'bogus' is not in the data-category table" in w
               for w in report.warnings)
    terms = {t.text: t for c in empty.store.concepts() for t in c.terms}
    assert (terms["ubóstwo"].status, terms["ubóstwo"].pos) == ("forbidden", "noun")
    assert terms["ubóstwo"].kept == {"termNote administrativeStatus": "Forbidden",
                                     "termNote partOfSpeech": "Noun"}
    assert terms["bieda"].status == "" and terms["bieda"].kept == {
        "termNote administrativeStatus": "bogus"}


def test_skip_invalid_imports_the_rest(empty, tmp_path):
    path = write(tmp_path, "rows.tsv", "pl\tlt\tregion_pl\npomoc\tparama\t\nbieda\tskurdas\tbogus\n")
    report = empty.import_file(path, skip_invalid=True)
    assert report.added == 1 and report.rejected == [
        {"line": 3, "error": report.rejected[0]["error"]}]


def test_merge_adds_missing_languages_and_conflicts_become_synonyms(empty, tmp_path):
    empty.import_file(write(tmp_path, "a.tsv", "pl\tlt\npracownik socjalny\tsocialinis darbuotojas\n"))
    report = empty.import_file(write(tmp_path, "b.tsv",
                                     "pl\tlt\ten\npracownik socjalny\tsocialinė darbuotoja\tsocial worker\n"))
    assert (report.added, report.merged) == (0, 1)
    assert report.conflicts[0]["term"] == "socialinė darbuotoja"
    (concept,) = empty.store.concepts()
    assert [t.text for t in concept.terms_in("lt")] == ["socialinis darbuotojas", "socialinė darbuotoja"]
    assert concept.terms_in("lt")[1].status == "admitted"
    assert [t.text for t in concept.terms_in("en")] == ["social worker"]


def test_on_conflict_skip_reports_and_leaves_out(empty, tmp_path):
    empty.import_file(write(tmp_path, "a.tsv", "pl\tlt\npracownik socjalny\tsocialinis darbuotojas\n"))
    report = empty.import_file(write(tmp_path, "b.tsv", "pl\tlt\npracownik socjalny\tkitas\n"),
                               on_conflict="skip")
    assert report.skipped == 1 and report.conflicts[0]["action"] == "skipped"
    assert ("lt", "kitas") not in all_terms(empty)


def test_exact_duplicates_are_not_doubled(empty, tmp_path):
    path = write(tmp_path, "a.tsv", HEADER + "ubóstwo\tskurdas\tpoverty\tpolicy\tLack of means.\n")
    empty.import_file(path)
    report = empty.import_file(path)
    assert (report.added, report.merged, report.unchanged) == (0, 0, 1)
    assert len(empty.store.concepts()) == 1
    assert len(empty.history()) == 2  # the second import changed nothing: no batch


def test_dry_run_reports_the_same_and_changes_nothing(empty, tmp_path):
    path = write(tmp_path, "a.tsv", HEADER + "ubóstwo\tskurdas\tpoverty\tpolicy\t\n"
                 "bieda\tskurdas\t\t\t\n")
    before = digest(empty.store.path)
    dry = empty.import_file(path, dry_run=True)
    assert digest(empty.store.path) == before
    real = empty.import_file(path)
    assert (dry.added, dry.merged, dry.conflicts) == (real.added, real.merged, real.conflicts)


def test_undo_restores_the_exact_previous_state(empty, tmp_path):
    empty.import_file(write(tmp_path, "a.tsv", HEADER + "ubóstwo\tskurdas\t\tpolicy\t\n"))
    snapshot = json.dumps([c.to_dict() for c in empty.store.concepts()], sort_keys=True)
    report = empty.import_file(write(tmp_path, "b.tsv", HEADER +
                                     "ubóstwo\tskurdas\tpoverty\t\tLack of means.\n"
                                     "pomoc społeczna\tsocialinė parama\tsocial assistance\t\t\n"))
    assert (report.added, report.merged) == (1, 1)
    empty.undo(report.batch)
    assert json.dumps([c.to_dict() for c in empty.store.concepts()], sort_keys=True) == snapshot


def test_rows_with_one_id_form_one_concept_with_synonyms_and_regions(empty, tmp_path):
    path = write(tmp_path, "syn.tsv", "id\tpl\tlt\tregion_pl\tstatus_pl\tnote_pl\n"
                 "e1\tstarostwo\tseniūnija\t\tpreferred\t\n"
                 "e1\tgmina\t\tpl-LT\tadmitted\tin Poland: a municipality\n")
    empty.import_file(path)
    (concept,) = empty.store.concepts()
    gmina = concept.terms_in("pl")[1]
    assert (gmina.text, gmina.region, gmina.note) == ("gmina", "pl-LT", "in Poland: a municipality")


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
               min_size=1, max_size=30).filter(lambda s: s.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(cell, cell, cell), min_size=1, max_size=8))
def test_csv_export_then_import_gives_the_same_concepts(tmp_path_factory, rows):
    from termbase import Termbase
    from termbase.exporter import export_file

    work = tmp_path_factory.mktemp("rt")
    first = Termbase.open(work / "a.json", seed=False)
    src = work / "in.tsv"
    src.write_text("pl\tlt\ten\tnote\n" + "".join(
        "\t".join(f'"{c.replace(chr(34), chr(34) * 2)}"' for c in (pl, lt, en)) + '\t"a\tb"\n'
        for pl, lt, en in rows), encoding="utf-8")
    try:
        first.import_file(src)
    except ImportRefused:
        return  # e.g. a generated term with a control character: refused as it must be
    out = work / "out.csv"
    export_file(first.store, out)
    second = Termbase.open(work / "b.json", seed=False)
    second.import_file(out)
    strip = lambda tb: sorted(json.dumps({k: v for k, v in c.to_dict().items()  # noqa: E731
                                          if k not in ("created", "modified", "created_by", "modified_by")},
                                         sort_keys=True) for c in tb.store.concepts())
    assert strip(first) == strip(second)


def stray(tmp_path, header, first, last, between="e2\tpomoc"):
    """A file in which concept e1 has a second row, after another concept's row."""
    return write(tmp_path, "stray.tsv", f"{header}\ne1\t{first}\n{between}\ne1\t{last}\n")


def test_a_stray_later_row_of_an_id_joins_its_concept_without_conflicts(empty, tmp_path):
    path = stray(tmp_path, "id\tpl\tlt", "starostwo\tseniūnija", "gmina\t",
                 between="e2\tpomoc społeczna\tsocialinė parama")
    report = empty.import_file(path)
    assert (report.added, report.merged, report.conflicts) == (2, 0, [])
    by_id = {c.id: c for c in empty.store.concepts()}
    assert [t.text for t in by_id["e1"].terms_in("pl")] == ["starostwo", "gmina"]
    empty.undo(report.batch)
    assert empty.store.concepts() == []


def test_a_stray_row_follows_its_concept_into_an_existing_one(empty, tmp_path):
    empty.import_file(write(tmp_path, "old.tsv", "pl\tlt\nubóstwo\tskurdas\n"))
    path = write(tmp_path, "new.tsv", "id\tpl\ten\n"
                 "x1\tubóstwo\tpoverty\n"
                 "x2\tbezdomność\thomelessness\n"
                 "x1\tbieda\t\n")
    report = empty.import_file(path)
    (old,) = [c for c in empty.store.concepts() if any(t.text == "skurdas" for t in c.terms)]
    assert {t.text for t in old.terms} == {"ubóstwo", "skurdas", "poverty", "bieda"}
    assert report.added == 1


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet="ąćęłńóśźżčėįšųūž abc\t\n,;\u00e9\U0001f600", max_size=60),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1250", "cp1257"]),
       chunk=st.integers(1, 9))
def test_streamed_decoding_agrees_with_decoding_the_whole_file(tmp_path_factory, text,
                                                               encoding, chunk):
    from termbase.formats import encoding as enc

    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return
    path = tmp_path_factory.mktemp("enc") / "f.tsv"
    path.write_bytes(raw)
    old_chunk, enc.SCAN_CHUNK = enc.SCAN_CHUNK, chunk
    try:
        try:
            expected = enc.decode(raw, name=path.name)[0]
        except FormatError:
            with pytest.raises(FormatError):
                enc.open_text(path)[0].close()
            return
        handle, _ = enc.open_text(path)
        with handle:
            assert handle.read() == expected
    finally:
        enc.SCAN_CHUNK = old_chunk


def test_progress_is_reported_against_the_lines_of_the_file(empty, tmp_path):
    rows = "".join(f"termin {i}\tterminas {i}\r\n" for i in range(5000))
    path = write(tmp_path, "big.tsv", "pl\tlt\r\n" + rows.rstrip("\r\n"))
    calls = []
    import_file(empty.store, path, progress=lambda done, total: calls.append((done, total)))
    assert [total for _, total in calls] == [5001] * len(calls) and len(calls) == 2
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert all(0 < done <= 5001 for done, _ in calls)


def test_line_count_of_a_workbook_is_unknown(tmp_path):
    from termbase import formats
    from termbase.formats.base import WriteOptions
    from termbase.importer import count_lines
    from termbase.model import Concept, Term

    path = tmp_path / "t.xlsx"
    formats.get("xlsx").write([Concept(terms=[Term("pl", "zasiłek")])], path, WriteOptions())
    assert count_lines(path) is None


def test_a_stray_row_leaves_one_log_record_and_the_files_dates(empty, tmp_path):
    path = stray(tmp_path, "id\tpl\tmodified", "starostwo\t2024-01-02T00:00:00+00:00",
                 "gmina\t")
    from termbase.store import change_ids

    report = empty.import_file(path)
    raw = json.loads(empty.store.path.read_text(encoding="utf-8"))
    own = [c for c in raw["changes"].values() if c["batch"] == report.batch]
    assert sum(len(change_ids(c)) for c in own) == 2               # one per added concept
    assert [c for c in raw["changes"].values() if c["batch"] == report.batch][0]["op"] == "add"
    assert len([c for c in raw["changes"].values() if c["batch"] == report.batch]) == 1
    assert empty.get("e1").modified == "2024-01-02T00:00:00+00:00"


def test_a_stray_row_of_a_refused_concept_is_refused_too(empty, tmp_path):
    path = stray(tmp_path, "id\tpl\tregion_pl", "starostwo\tWilno", "gmina\t")
    report = empty.import_file(path, skip_invalid=True)
    assert [r["line"] for r in report.rejected] == [2, 4]
    assert [c.id for c in empty.store.concepts()] == ["e2"]


def test_a_stray_row_does_not_get_the_default_source_again(empty, tmp_path):
    path = stray(tmp_path, "id\tpl\tsource", "starostwo\tUstawa", "gmina\t")
    empty.import_file(path, source="DEFAULT")
    assert empty.get("e1").sources == ["Ustawa"]
    assert empty.get("e2").sources == ["DEFAULT"]


def test_a_stray_row_into_an_existing_concept_is_counted_once(empty, tmp_path):
    empty.import_file(write(tmp_path, "old.tsv", "id\tpl\nx1\tubóstwo\n"))
    report = empty.import_file(write(tmp_path, "new.tsv", "id\tpl\n"
                                     "x1\tubóstwo\nx2\tpomoc\nx1\tbieda\n"),
                               on_conflict="skip")
    assert (report.added, report.merged, report.unchanged, report.skipped) == (1, 0, 1, 0)
    assert [c["term"] for c in report.conflicts] == ["bieda"]


@pytest.mark.parametrize("bom, body, encoding", [
    (b"\xef\xbb\xbf", b"pl\nabc\xffdef\n", None),
    (b"\xef\xbb\xbf", b"pl\n" + b"x" * 10 + b"\xff\n", "utf-8-sig"),
    (b"", b"pl\nabc\xff\n", "utf-8"),
    (b"\xff\xfe", "pl\nabc".encode("utf-16-le") + b"\x00\xd8a\x00", None),
])
@pytest.mark.parametrize("chunk", [2, 1 << 20])
def test_an_invalid_byte_is_reported_at_its_offset_in_the_file(tmp_path, monkeypatch, bom,
                                                               body, encoding, chunk):
    from termbase.formats import encoding as enc

    monkeypatch.setattr(enc, "SCAN_CHUNK", chunk)
    path = tmp_path / "bad.tsv"
    path.write_bytes(bom + body)
    bad = len(bom) + (body.index(b"\xff") if b"\xff" in body else body.index(b"\x00\xd8"))
    for attempt in (lambda: enc.open_text(path, encoding)[0].close(),
                    lambda: enc.decode(path.read_bytes(), encoding, path.name)):
        with pytest.raises(FormatError, match=rf"\(byte {bad}\)"):
            attempt()


def test_a_file_rewritten_while_it_is_read_is_one_clear_error(empty, tmp_path, monkeypatch):
    from termbase.formats import delimited

    path = write(tmp_path, "moving.tsv", "pl\tlt\nubóstwo\tskurdas\n")
    real_open_text = delimited.open_text

    def open_then_rewrite(*args):
        opened = real_open_text(*args)
        path.write_bytes(b"pl\tlt\n" + b"\xff" * 20_000)   # after the encoding check
        return opened

    monkeypatch.setattr(delimited, "open_text", open_then_rewrite)
    before = digest(empty.store.path)
    with pytest.raises(FormatError, match="changed while it was being read"):
        empty.import_file(path)
    assert digest(empty.store.path) == before
