"""Generate the hostile inputs that are too big (or too binary) to keep in the repository.

Used by tests/test_reliability_hostile.py, which writes them into a temporary directory at
test time and deletes them afterwards. For manual experiments:

    python tests/hostile/make_big.py /tmp/hostile     # writes every file, prints the list

Nothing here is ever committed as output: the 50 MB files exist only while the tests run.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

MB = 1 << 20
BIG_LINE_BYTES = 50 * MB
WIDE_COLUMNS = 100_000
XXE = '<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
TMX_BODY = ('<tmx version="1.4"><header srclang="pl" datatype="plaintext" segtype="sentence" '
            'adminlang="en" creationtool="x" creationtoolversion="1" o-tmf="x"/><body><tu>'
            '<tuv xml:lang="pl"><seg>{pl}</seg></tuv><tuv xml:lang="lt"><seg>{lt}</seg></tuv>'
            '</tu></body></tmx>\n')


def _write_repeated(path: Path, head: bytes, unit: bytes, total: int, tail: bytes = b"") -> None:
    """head + unit repeated up to `total` bytes + tail, written in 1 MB chunks."""
    chunk = unit * max(1, MB // len(unit))
    with open(path, "wb") as out:
        out.write(head)
        written = 0
        while written < total:
            piece = chunk[:total - written]
            out.write(piece)
            written += len(piece)
        out.write(tail)


def big_line_tsv(directory: Path) -> Path:
    """A 50 MB file that is one single line (a header cell of 50 MB, no newline)."""
    path = directory / "big_single_line.tsv"
    _write_repeated(path, b"pl\tlt\t", "ą".encode(), BIG_LINE_BYTES)
    return path


def big_cell_csv(directory: Path) -> Path:
    """A valid header, then one 50 MB data line without a line break."""
    path = directory / "big_cell.csv"
    _write_repeated(path, b"pl,lt\npomoc,", b"a", BIG_LINE_BYTES)
    return path


def big_text_tmx(directory: Path) -> Path:
    """A TMX file of one 50 MB line: a 50 MB <seg> text node."""
    path = directory / "big_text_node.tmx"
    head, tail = TMX_BODY.split("{pl}")
    tail = tail.replace("{lt}", "x")
    _write_repeated(path, ('<?xml version="1.0" encoding="UTF-8"?>' + head).encode(),
                    b"pomoc ", BIG_LINE_BYTES, tail.encode())
    return path


def wide_unknown_columns(directory: Path) -> Path:
    """100k columns, none of them a language: must be refused as a whole."""
    path = directory / "wide_unknown_columns.tsv"
    header = "\t".join(f"column{i}" for i in range(WIDE_COLUMNS))
    row = "\t".join("x" for _ in range(WIDE_COLUMNS))
    path.write_text(header + "\n" + row + "\n", encoding="utf-8")
    return path


def wide_bad_language_columns(directory: Path) -> Path:
    """100k header cells that look like language codes but are not ISO 639-1."""
    path = directory / "wide_bad_language_columns.tsv"
    path.write_text("\t".join("qq" for _ in range(WIDE_COLUMNS)) + "\nx\n", encoding="utf-8")
    return path


def wide_row(directory: Path) -> Path:
    """A two-column header, then a row of 100k cells."""
    path = directory / "wide_row.tsv"
    path.write_text("pl\tlt\n" + "\t".join("x" for _ in range(WIDE_COLUMNS)) + "\n",
                    encoding="utf-8")
    return path


def late_doctype_tmx(directory: Path) -> Path:
    """An XXE DOCTYPE hidden behind a 1 MB comment (past any fixed-size prolog scan)."""
    path = directory / "late_doctype_xxe.tmx"
    path.write_text('<?xml version="1.0"?>\n<!--' + "x" * (MB + 10) + "-->\n" + XXE +
                    TMX_BODY.format(pl="&xxe;", lt="x"), encoding="utf-8")
    return path


def utf16_xxe_tmx(directory: Path) -> Path:
    """XXE in a UTF-16 file (with BOM): the entity check must decode before it looks."""
    path = directory / "utf16_xxe.tmx"
    text = '<?xml version="1.0" encoding="UTF-16"?>\n' + XXE + TMX_BODY.format(pl="&xxe;", lt="x")
    path.write_bytes(text.encode("utf-16"))
    return path


# ---------------------------------------------------------------- spreadsheets

def _valid_xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["pl", "lt", "en"])
    sheet.append(["pomoc społeczna", "socialinė parama", "social assistance"])
    sheet.append(["gmina", "savivaldybė", "municipality"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rezip(source: bytes, path: Path, change) -> Path:
    """Copy a zip member by member; change(name, data) returns new data or None to drop."""
    with zipfile.ZipFile(io.BytesIO(source)) as zin, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = change(name, zin.read(name))
            if data is not None:
                zout.writestr(name, data)
    return path


SHEET = "xl/worksheets/sheet1.xml"


def zip_not_xlsx(directory: Path) -> Path:
    path = directory / "zip_not_a_workbook.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a workbook")
        z.writestr("xl/readme.txt", "still not a workbook")   # so that sniffing says xlsx
    return path


def xlsx_broken_sheet(directory: Path) -> Path:
    """The worksheet XML cut in half: the zip is fine, the sheet is not."""
    return _rezip(_valid_xlsx_bytes(), directory / "broken_sheet.xlsx",
                  lambda name, data: data[: len(data) // 2] if name == SHEET else data)


def xlsx_garbage_sheet(directory: Path) -> Path:
    """The worksheet replaced by bytes that are not XML at all."""
    return _rezip(_valid_xlsx_bytes(), directory / "garbage_sheet.xlsx",
                  lambda name, data: b"\x00\xff garbage \x89PNG" * 50 if name == SHEET else data)


def xlsx_missing_sheet(directory: Path) -> Path:
    return _rezip(_valid_xlsx_bytes(), directory / "missing_sheet.xlsx",
                  lambda name, data: None if name == SHEET else data)


def xlsx_truncated(directory: Path) -> Path:
    path = directory / "truncated.xlsx"
    data = _valid_xlsx_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def xlsx_corrupt_deflate(directory: Path) -> Path:
    """A member whose compressed bytes are damaged (the zip directory is intact)."""
    data = bytearray(_valid_xlsx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo(SHEET)
    # local header: 30 bytes + name + extra; damage the middle of the compressed stream
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size, 60)):
        data[i] ^= 0x5A
    path = directory / "corrupt_deflate.xlsx"
    path.write_bytes(bytes(data))
    return path


def xlsx_bomb(directory: Path, uncompressed: int = 300 * MB) -> Path:
    """A ~300 KB workbook whose sheet expands to ~300 MB of empty rows (a zip bomb)."""
    path = directory / "zip_bomb.xlsx"
    row = b'<row><c t="inlineStr"><is><t></t></is></c></row>'

    def change(name, data):
        if name != SHEET:
            return data
        return None

    source = _valid_xlsx_bytes()
    _rezip(source, path, change)
    with zipfile.ZipFile(io.BytesIO(source)) as zin:
        sheet = zin.read(SHEET)
    head, tail = sheet.split(b"</sheetData>")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zout:
        with zout.open(SHEET, "w", force_zip64=True) as out:
            out.write(head)
            block = row * (MB // len(row))
            for _ in range(uncompressed // len(block)):
                out.write(block)
            out.write(b"</sheetData>" + tail)
    return path


GENERATORS = {
    "big_single_line.tsv": big_line_tsv,
    "big_cell.csv": big_cell_csv,
    "big_text_node.tmx": big_text_tmx,
    "wide_unknown_columns.tsv": wide_unknown_columns,
    "wide_bad_language_columns.tsv": wide_bad_language_columns,
    "wide_row.tsv": wide_row,
    "late_doctype_xxe.tmx": late_doctype_tmx,
    "utf16_xxe.tmx": utf16_xxe_tmx,
    "zip_not_a_workbook.xlsx": zip_not_xlsx,
    "broken_sheet.xlsx": xlsx_broken_sheet,
    "garbage_sheet.xlsx": xlsx_garbage_sheet,
    "missing_sheet.xlsx": xlsx_missing_sheet,
    "truncated.xlsx": xlsx_truncated,
    "corrupt_deflate.xlsx": xlsx_corrupt_deflate,
    "zip_bomb.xlsx": xlsx_bomb,
}


def make(name: str, directory: Path) -> Path:
    return GENERATORS[name](Path(directory))


def make_all(directory: Path) -> dict[str, Path]:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    return {name: make(name, directory) for name in GENERATORS}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-big")
    for name, path in make_all(target).items():
        print(f"{path}  {path.stat().st_size:,} bytes")
