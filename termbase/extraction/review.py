"""Review files: how a translator tells us which proposals to keep.

`--tsv OUT` writes one proposal per row with an empty `add` column; the translator marks
the rows to keep (y, yes, x, 1 ...) in a spreadsheet or editor, may correct the term, and
passes the file back with `--add-from`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from termbase.formats.base import FormatError

ADD_COLUMN = "add"
MARKS = frozenset({"y", "yes", "x", "1", "+", "true", "t", "tak", "taip", "ja", "add"})


def write_tsv(path: Path, header: list[str], rows: list[list]) -> None:
    """UTF-8 TSV with `add` as the first column, left empty for the translator to mark."""
    from termbase.fileio import atomic_open

    with atomic_open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow([ADD_COLUMN, *header])
        for row in rows:
            writer.writerow(["", *(_cell(value) for value in row)])


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return " ".join(str(value).split())  # no tabs or line breaks inside a cell


def read_marked(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    """(line, row) for every row whose `add` cell is marked. Bad files raise FormatError."""
    from termbase.formats.encoding import decode

    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise FormatError(f"{path} is a directory, not a review file") from None
    text, _ = decode(raw, None, name=Path(path).name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t")
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise FormatError(f"{Path(path).name} is empty") from None
    missing = [c for c in (ADD_COLUMN, *required) if c not in header]
    if missing:
        raise FormatError(f"{Path(path).name}: no column {', '.join(missing)} (write the file "
                          "with --tsv and mark the rows to add in its 'add' column)", line=1)
    marked = []
    for line, cells in enumerate(reader, 2):
        row = dict(zip(header, (c.strip() for c in cells)))
        if row.get(ADD_COLUMN, "").lower() in MARKS:
            marked.append((line, row))
    return marked


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]
