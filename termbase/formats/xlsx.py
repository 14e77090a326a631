"""Excel workbooks with the same columns as CSV (see `columns`), for people who keep their
glossary in a spreadsheet. Reads the first sheet in openpyxl's streaming read-only mode;
writes with a write-only workbook (bold, frozen header row). Every cell is written as text,
so a term such as "=ZUS" never becomes a formula.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Iterable, Iterator

from termbase.fileio import atomic_open
from termbase.formats.base import Entry, Format, FormatError, ReadOptions, WriteOptions
from termbase.formats.columns import concept_rows, header_for, read_rows
from termbase.formats.passes import concepts_in, for_passes

_WIDTHS = {"id": 12, "subject": 20}
MB = 1 << 20
MAX_SHEET_BYTES = 256 * MB
MAX_EMPTY_RUN = 10_000


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat()
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return str(value)


def _rows(sheet, state: dict) -> Iterator[tuple[int, list[str]]]:
    """(row number, cell texts); stops after MAX_EMPTY_RUN empty rows in a row (sheets
    formatted down to row 1,048,576, or a zip bomb of empty rows)."""
    empty = 0
    try:
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            cells = [_cell_text(v) for v in row]
            empty = 0 if any(cells) else empty + 1
            if empty >= MAX_EMPTY_RUN:
                state["stopped"] = number
                return
            yield number, cells
    except Exception as exc:  # openpyxl lets zlib, XML and zip errors through as they are
        raise FormatError(f"damaged worksheet ({type(exc).__name__}: {exc})") from None


def read(path: Path, options: ReadOptions) -> Iterator[Entry]:
    import openpyxl

    name = Path(path).name
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises whatever its zip/XML layers raise
        raise FormatError(f"{name} is not a readable .xlsx workbook "
                          f"({type(exc).__name__}: {exc})") from None
    try:
        if not book.worksheets:
            raise FormatError(f"{name} has no worksheet")
        sheet = book.worksheets[0]
        _check_size(book, sheet, name)
        sheet.reset_dimensions()      # some writers record a wrong sheet size
        state: dict = {}
        yield from read_rows(_rows(sheet, state), options)
        if state.get("stopped"):
            yield Entry(state["stopped"], warning=f"stopped reading: {MAX_EMPTY_RUN} empty "
                                                  "rows in a row; the rest is taken as empty")
    finally:
        book.close()


def _check_size(book, sheet, name: str) -> None:
    """Refuse a worksheet whose XML expands beyond MAX_SHEET_BYTES (a zip bomb)."""
    try:
        size = book._archive.getinfo(sheet._worksheet_path).file_size
    except (AttributeError, KeyError):   # openpyxl internals moved: the row limit still holds
        return
    if size > MAX_SHEET_BYTES:
        raise FormatError(f"{name}: the first worksheet expands to {size // MB} MB; more than "
                          f"{MAX_SHEET_BYTES // MB} MB is refused (save it as CSV instead)")


def write(items: Iterable, path: Path, options: WriteOptions) -> int:
    from openpyxl import Workbook

    items = for_passes(items, 2)          # the header names every column used
    langs, header = header_for(concepts_in(items), options.langs)
    book = Workbook(write_only=True)
    try:
        return _fill_and_save(book, concepts_in(items), langs, header, path)
    except BaseException:
        _abandon_sheets(book)
        raise


def _fill_and_save(book, concepts: Iterable, langs: list, header: list, path: Path) -> int:
    """The rows go to openpyxl's write-only sheet, which spools them to a temporary file;
    the workbook is then zipped into the atomic file. Returns the concepts written."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet("termbase")
    sheet.freeze_panes = "A2"
    for col, name in enumerate(header, 1):
        width = _WIDTHS.get(name, 30 if name in langs else 16)
        sheet.column_dimensions[get_column_letter(col)].width = width
    bold = Font(bold=True)

    def text_cell(value: str, font=None):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"          # never a formula, number or date
        if font is not None:
            cell.font = font
        return cell

    sheet.append([text_cell(name, bold) for name in header])
    count = 0
    for concept in concepts:
        for row in concept_rows(concept, header, langs):
            sheet.append([text_cell(value) if value else None for value in row])
        count += 1
    with atomic_open(path, "wb") as handle:
        _save(book, handle)
    return count


def _save(book, handle) -> None:
    """openpyxl's `save`, but the archive is closed when writing fails as well (openpyxl
    leaves it open, and it fails again, on a closed file, when it is collected)."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    archive = ZipFile(handle, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(book, archive).write_data()
    except BaseException:
        try:
            archive.close()  # best effort; the temporary file is discarded anyway
        except (OSError, ValueError):
            pass
        raise
    archive.close()


def _abandon_sheets(book) -> None:
    """Close the half-run generators of write-only sheets now: left suspended, they raise
    from inside lxml whenever the garbage collector reaches them, far from this write."""
    for sheet in getattr(book, "worksheets", ()):
        writer = getattr(sheet, "_writer", None)
        for generator in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
            if generator is not None:
                try:
                    generator.close()
                except Exception:  # noqa: BLE001 - lxml's complaint about the cut-off XML
                    pass


def sniff(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04") and b"xl/" in head


# Excel workbook, the CSV columns on the first sheet
FORMAT = Format("xlsx", (".xlsx",), "terms", read, write, sniff)
