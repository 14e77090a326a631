"""CSV and TSV glossaries: a column per language plus field columns (see `columns`).

CSV is written as UTF-8 with a byte-order mark, which Excel needs to show Polish and
Lithuanian letters; TSV without one. Reading sniffs the delimiter and the encoding.
Cells that a spreadsheet would run as a formula are written with a leading `'`, which the
reader takes off again (`cells.guard`).
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path
from typing import Iterable, Iterator

from termbase.fileio import atomic_open
from termbase.formats.base import Entry, Format, FormatError, ReadOptions, WriteOptions
from termbase.formats.cells import guard, unguard
from termbase.formats.columns import concept_rows, header_for, read_rows
from termbase.formats.encoding import open_text
from termbase.formats.passes import concepts_in, for_passes

MAX_FIELD = 1_000_000  # characters; a larger cell is refused, not loaded


def rows(lines: Iterable[str], delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line the record starts on, cells). Malformed quoting is refused with its line."""
    # strict for CSV: an unterminated or stray quote is refused with its line, not read
    # as a term that swallows the rest of the file. TSV is read leniently (a cell may start
    # with a quoted name: "Caritas" Vilnius), so only a quote left open at the end is refused.
    tape = _Tape(lines)
    reader = csv.reader(tape, delimiter=delimiter, strict=delimiter != "\t")
    csv.field_size_limit(MAX_FIELD)
    kind = "TSV" if delimiter == "\t" else "CSV"
    line = 1
    try:
        for cells in reader:
            if (delimiter == "\t" and '"' in "".join(tape.record) and tape.at_end()
                    and _left_open(tape.record, delimiter)):
                break
            yield line, [unguard(cell) for cell in cells]
            line = reader.line_num + 1
            tape.record = []
        else:
            return
    except csv.Error as exc:
        if "unexpected end of data" not in str(exc):
            raise FormatError(f"malformed {kind}: {exc}", line=reader.line_num) from None
    # the record starting here never ends
    raise FormatError(f"malformed {kind}: a quoted cell opened in this record is never "
                      "closed", line=line)


class _Tape:
    """The lines a csv reader consumes, with those of the record being read, and a look
    ahead to tell whether the record read last is the file's last."""

    def __init__(self, lines: Iterable[str]):
        self.lines, self.record, self.ahead = iter(lines), [], None

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.ahead is not None:
            line, self.ahead = self.ahead, None
        else:
            line = next(self.lines)
        self.record.append(line)
        return line

    def at_end(self) -> bool:
        if self.ahead is None:
            self.ahead = next(self.lines, None)
        return self.ahead is None


def _left_open(record: list[str], delimiter: str) -> bool:
    """Whether the record's text, read strictly, ends inside a quoted cell."""
    try:
        for _ in csv.reader(record, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _sniff_delimiter(first_line: str, default: str) -> str:
    counts = {d: first_line.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=counts.get)
    return best if counts[best] else default


def _reader(default_delimiter: str):
    def read(path: Path, options: ReadOptions) -> Iterator[Entry]:
        # Streamed: the file is never held whole, as bytes or as text.
        handle, _ = open_text(Path(path), options.encoding)
        with handle:
            try:
                first = handle.readline()
                delimiter = _sniff_delimiter(first, default_delimiter)
                lines = itertools.chain([first], handle) if first else ()
                yield from read_rows(rows(lines, delimiter), options)
            except UnicodeDecodeError:  # the file changed after its encoding was checked
                raise FormatError(f"{Path(path).name} changed while it was being read"
                                  ) from None
    return read


def _writer(delimiter: str, encoding: str):
    def write(items: Iterable, path: Path, options: WriteOptions) -> int:
        items = for_passes(items, 2)          # the header names every column used
        langs, header = header_for(concepts_in(items), options.langs, options.with_forms)
        count = 0
        with atomic_open(path, "w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
            writer.writerow(header)
            for concept in concepts_in(items):
                writer.writerows([guard(cell) for cell in row]
                                 for row in concept_rows(concept, header, langs))
                count += 1
        return count
    return write


def _sniff(delimiter: str):
    def sniff(head: bytes) -> bool:
        try:
            first = head.decode("utf-8-sig", errors="ignore").split("\n", 1)[0]
        except UnicodeDecodeError:
            return False
        if first.lstrip().startswith("<"):
            return False
        cells = [c.strip().strip('"').lower() for c in first.split(delimiter)]
        return len(cells) > 1 and any(c in ("pl", "lt", "en", "id") for c in cells)
    return sniff


FORMATS = {
    # CSV, a column per language (UTF-8 with BOM, for spreadsheets)
    "csv": Format("csv", (".csv",), "terms", _reader(","), _writer(",", "utf-8-sig"),
                  _sniff(",")),
    # tab-separated, a column per language
    "tsv": Format("tsv", (".tsv", ".tab"), "terms", _reader("\t"), _writer("\t", "utf-8"),
                  _sniff("\t")),
}
