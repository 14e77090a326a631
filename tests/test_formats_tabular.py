"""Tabular formats: XLSX (the CSV columns in a workbook) and the OmegaT glossary (TSV),
with real files and, when installed, OmegaT's own glossary reader."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from omegat_support import require_omegat

from termbase import formats
from termbase.formats import FormatError, ReadOptions, WriteOptions
from termbase.model import Concept, Term

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
OMEGAT_CHECK = SHARED / "validators" / "omegat" / "omegat_glossary_check.sh"


def concepts() -> list[Concept]:
    """Diacritics, quotes, '&', '<', tabs/newlines, synonyms, regional and every status."""
    return [c.validate() for c in (
        Concept(id="c1", subject="child protection", note="Uwaga:\tważne\nnowa linia & <b>",
                definition={"pl": "Rodzina \"zastępcza\".", "lt": "Globėjų šeima."},
                sources=["ustawa", "įstatymas"],
                terms=[Term("pl", "rodzina zastępcza", status="preferred", type="fullForm",
                            forms=["rodziny zastępczej", "rodzinie zastępczej"]),
                       Term("pl", "RZ", status="deprecated", type="abbreviation"),
                       Term("pl", "rodzina opiekuńcza", status="forbidden", region="pl-LT"),
                       Term("lt", "globėjų šeima", status="preferred", gender="feminine"),
                       Term("lt", "globos šeima", status="admitted", region="lt-LT"),
                       Term("lt", "įtėvių šeima", status="deprecated"),
                       Term("en", "foster family")]),
        Concept(id="c2", subject="social work",
                terms=[Term("pl", "=ZUS"), Term("lt", "SODRA \"& <x>\"", status="preferred")]),
        Concept(id="c3", terms=[Term("pl", "łńóśźż"), Term("lt", "ąčęėįšųūž")]),
        Concept(id="c4", terms=[Term("pl", "bez tłumaczenia")]),
        Concept(id="c5", terms=[Term("pl", "tylko zła"), Term("lt", "bloga", status="forbidden")]),
    )]


def grouped(concept: Concept) -> dict:
    data = concept.to_dict()
    data["terms"] = sorted(data["terms"], key=lambda t: (t["lang"], t["text"]))
    return data


def read(name: str, path: Path, **options) -> list:
    return list(formats.get(name).read(path, ReadOptions(**options)))


def items(entries) -> list:
    return [e.item for e in entries if e.item is not None]


# ---------------------------------------------------------------- XLSX

def test_xlsx_round_trip(tmp_path):
    path = tmp_path / "terms.xlsx"
    assert formats.get("xlsx").write(concepts(), path, WriteOptions()) == 5
    entries = read("xlsx", path)
    assert [e.error for e in entries if e.error] == []
    assert [grouped(c) for c in items(entries)] == [grouped(c) for c in concepts()]
    assert formats.detect(path).name == "xlsx"


def test_xlsx_header_is_bold_and_frozen_and_cells_stay_text(tmp_path):
    import openpyxl

    path = tmp_path / "terms.xlsx"
    formats.get("xlsx").write(concepts(), path, WriteOptions(langs=["pl", "lt"]))
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][:4] == ["id", "subject", "pl", "lt"]
    assert all(c.font.b for c in sheet[1])
    zus = next(c for row in sheet.iter_rows() for c in row if c.value == "=ZUS")
    assert zus.data_type == "s"                       # text, never a formula


def test_xlsx_made_by_hand_numbers_dates_and_row_numbers(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "pl", "lt", "region_pl", "created"])
    sheet.append([101, "zasiłek", "pašalpa", "pl-PL", dt.datetime(2024, 5, 1)])
    sheet.append([102.0, 3.5, "skaičius", None, dt.date(2024, 5, 2)])
    sheet.append([103, "pomoc", "pagalba", "Lithuania", None])
    book.create_sheet("other").append(["ignored"])
    path = tmp_path / "hand.xlsx"
    book.save(path)
    entries = read("xlsx", path)
    good = items(entries)
    assert [(c.id, c.terms[0].text, c.created) for c in good] == [
        ("101", "zasiłek", "2024-05-01"), ("102", "3.5", "2024-05-02")]
    (bad,) = [e for e in entries if e.error]
    assert bad.line == 4 and "malformed region 'Lithuania'" in bad.error


@pytest.mark.parametrize("content", [b"hello, world\n", b"", b"PK\x03\x04broken zip"])
def test_a_file_that_is_not_a_workbook_gives_format_error(tmp_path, content):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(content)
    with pytest.raises(FormatError, match="not a readable .xlsx"):
        read("xlsx", path)


def _rezipped(source: Path, target: Path, sheet_xml) -> Path:
    """A copy of a workbook with its first sheet's XML replaced by sheet_xml(old XML)."""
    import zipfile

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml(data)
            zout.writestr(info.filename, data)
    return target


@pytest.mark.parametrize("damage", [lambda xml: xml[: len(xml) // 2],
                                    lambda xml: b"\x00garbage" + xml])
def test_xlsx_with_a_damaged_sheet_gives_format_error(tmp_path, damage):
    good = tmp_path / "good.xlsx"
    formats.get("xlsx").write(concepts(), good, WriteOptions())
    bad = _rezipped(good, tmp_path / "bad.xlsx", damage)
    with pytest.raises(FormatError):
        read("xlsx", bad)


def test_xlsx_refuses_a_sheet_that_expands_too_far(tmp_path, monkeypatch):
    from termbase.formats import xlsx

    path = tmp_path / "terms.xlsx"
    formats.get("xlsx").write(concepts(), path, WriteOptions())
    monkeypatch.setattr(xlsx, "MAX_SHEET_BYTES", 100)
    with pytest.raises(FormatError, match="expands to"):
        read("xlsx", path)


def test_xlsx_formatted_down_to_the_bottom_stops_at_a_run_of_empty_rows(tmp_path, monkeypatch):
    import openpyxl
    from openpyxl.styles import Font

    from termbase.formats import xlsx

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["pl", "lt"])
    sheet.append(["pomoc", "pagalba"])
    for row in range(3, 60):                    # styled but empty, as Excel users leave them
        sheet.cell(row=row, column=1).font = Font(bold=True)
    path = tmp_path / "styled.xlsx"
    book.save(path)
    monkeypatch.setattr(xlsx, "MAX_EMPTY_RUN", 20)
    entries = read("xlsx", path)
    assert [c.terms[0].text for c in items(entries)] == ["pomoc"]
    assert entries[-1].line == 22 and "20 empty rows" in entries[-1].warning


def test_xlsx_without_language_column_gives_format_error(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["name", "value"])
    path = tmp_path / "nolang.xlsx"
    book.save(path)
    with pytest.raises(FormatError, match="no language column"):
        read("xlsx", path)


# ---------------------------------------------------------------- OmegaT glossary

EXPECTED_LINES = [
    "rodzina zastępcza\tglobėjų šeima\tchild protection; Uwaga: ważne nowa linia & <b>",
    "rodziny zastępczej\tglobėjų šeima\tform of rodzina zastępcza",
    "rodzinie zastępczej\tglobėjų šeima\tform of rodzina zastępcza",
    "rodzina zastępcza\tglobos šeima\tchild protection; admitted; lt-LT; "
    "Uwaga: ważne nowa linia & <b>",
    "RZ\tglobėjų šeima\tchild protection; deprecated; Uwaga: ważne nowa linia & <b>",
    "RZ\tglobos šeima\tchild protection; deprecated; admitted; lt-LT; "
    "Uwaga: ważne nowa linia & <b>",
    "rodzina opiekuńcza\tglobėjų šeima\tchild protection; forbidden; pl-LT; "
    "Uwaga: ważne nowa linia & <b>",
    "rodzina opiekuńcza\tglobos šeima\tchild protection; forbidden; admitted; pl-LT; lt-LT; "
    "Uwaga: ważne nowa linia & <b>",
    "=ZUS\tSODRA \"& <x>\"\tsocial work",
    "łńóśźż\tąčęėįšųūž",
]


def test_omegat_lines_synonyms_statuses_and_forms(tmp_path):
    path = tmp_path / "glossary.utf8"
    options = WriteOptions(source_lang="pl", target_lang="lt", with_forms=True)
    assert formats.get("omegat").write(concepts(), path, options) == 3
    assert path.read_bytes().decode("utf-8").split("\n") == EXPECTED_LINES + [""]


def test_omegat_without_forms_and_long_notes_shortened(tmp_path):
    long = Concept(id="n", note="słowo\t\n" * 100, terms=[Term("pl", "a  b"), Term("lt", "c")])
    path = tmp_path / "g.utf8"
    formats.get("omegat").write([long.validate()], path,
                                WriteOptions(langs=["pl", "lt"]))
    source, target, comment = path.read_text(encoding="utf-8").rstrip("\n").split("\t")
    assert (source, target) == ("a b", "c")
    assert len(comment) <= 160 and comment.endswith("…") and comment.startswith("słowo słowo")


@pytest.mark.parametrize("options", [WriteOptions(), WriteOptions(source_lang="pl"),
                                     WriteOptions(source_lang="pl", target_lang="xx")])
def test_omegat_needs_two_languages_to_write(tmp_path, options):
    path = tmp_path / "g.utf8"
    with pytest.raises(FormatError):
        formats.get("omegat").write(concepts(), path, options)
    assert not path.exists()


def test_omegat_read_back(tmp_path):
    path = tmp_path / "glossary.utf8"
    path.write_text("\n".join(EXPECTED_LINES) + "\n# a comment line\n\nbez celu\n",
                    encoding="utf-8")
    with pytest.raises(FormatError, match="--from and --to"):
        read("omegat", path)
    entries = read("omegat", path, source_lang="pl", target_lang="lt")
    first = entries[0].item
    assert [(t.lang, t.text, t.forms) for t in first.terms] == [
        ("pl", "rodzina zastępcza", ["rodziny zastępczej", "rodzinie zastępczej"]),
        ("lt", "globėjų šeima", [])]
    assert first.note == "child protection; Uwaga: ważne nowa linia & <b>"
    statuses = [(c.terms[0].status, c.terms[1].status) for c in items(entries)]
    assert ("deprecated", "admitted") in statuses and ("forbidden", "") in statuses
    assert len(items(entries)) == len(EXPECTED_LINES) - 2
    (bad,) = [e for e in entries if e.error]
    assert bad.line == len(EXPECTED_LINES) + 3 and "no target term" in bad.error
    by_langs = read("omegat", path, langs=["pl", "lt"])
    assert len(items(by_langs)) == len(items(entries))


def test_omegat_reads_legacy_encodings(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("zażółć\tgęślą\n".encode("cp1250"))
    (entry,) = read("omegat", path, source_lang="pl", target_lang="lt")
    assert [t.text for t in entry.item.terms] == ["zażółć", "gęślą"]


@pytest.mark.parametrize("raw, refused", [
    # UTF-8 with one stray cp1250 dash, on one line: mixed, not a cp1250 file
    ("Gminny Ośrodek Pomocy Społecznej wydał zgodę ".encode() + b"\x96 decyzja.\n", True),
    # a real cp1250 file, and one UTF-8 letter pair by chance in it
    ("Gminny Ośrodek Pomocy Społecznej wydał zgodę – decyzja.\n".encode("cp1250"), False),
    ("Zasiłek celowy, Łódź i Kraków, ".encode("cp1250") + b"\xc3\xb3\xc3\xb3 dom.\n", False)])
def test_a_stray_byte_in_utf8_text_is_refused_not_read_as_a_legacy_code_page(raw, refused):
    from termbase.formats.encoding import decode

    if refused:
        with pytest.raises(FormatError, match="line 1: a byte that is not UTF-8"):
            decode(raw, name="note.txt")
    else:
        text, used = decode(raw, name="note.txt")
        assert used in ("cp1250", "cp1257") and ("Ośrodek" in text or "Łódź" in text)


@pytest.fixture(scope="module")
def omegat_tsv(tmp_path_factory):
    """One run of OmegaT's own TSV glossary reader on our export (with inflected forms)."""
    if not OMEGAT_CHECK.is_file():
        pytest.skip(f"the OmegaT check ({OMEGAT_CHECK}) is not beside this checkout")
    require_omegat()
    path = tmp_path_factory.mktemp("omegat") / "glossary.utf8"
    formats.get("omegat").write(concepts(), path, WriteOptions(source_lang="pl",
                                                               target_lang="lt",
                                                               with_forms=True))
    return subprocess.run([str(OMEGAT_CHECK), str(path), "pl", "lt", "100"],
                          capture_output=True, text=True, timeout=180)


def test_omegat_reads_every_line_including_forms(omegat_tsv):
    assert omegat_tsv.returncode == 0, omegat_tsv.stdout + omegat_tsv.stderr
    assert f"entries read: {len(EXPECTED_LINES)}\n" in omegat_tsv.stdout
    pairs = re.findall(r"^\s+\d+\. (.*?) -> (.*?)(?:   \[comment: (.*)\])?$",
                       omegat_tsv.stdout, re.M)
    assert ("rodzinie zastępczej", "globėjų šeima", "form of rodzina zastępcza") in pairs
    assert ("łńóśźż", "ąčęėįšųūž", "") in pairs
