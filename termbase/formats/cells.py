"""Cell-level encodings shared by the spreadsheet formats (CSV, TSV, XLSX).

* Lists in one cell (forms, sources) are joined by ` | `; a `|` or `\\` inside a value is
  escaped with a backslash, so a source such as "Ustawa z 2004 r. | art. 5" stays one value
  through export and import. A backslash before any other character is kept as written, so
  files written before the escaping read as they did.
* Formula injection (OWASP): in files meant for spreadsheets (CSV, TSV) a cell starting with
  `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`, which Excel
  and LibreOffice show as text. termbase's reader takes that `'` off again, so a round trip
  is exact; a value that itself starts with `'` before such a character gets one more `'`.
"""

from __future__ import annotations

import re

LIST_SEP = "|"
FORMULA_START = frozenset("=+-@\t\r")
_SPLIT = re.compile(r"((?:\\.|[^|\\]|\\$)*)(?:\||$)", re.S)
_UNESCAPE = re.compile(r"\\([|\\])")


def escape_item(value: str) -> str:
    return value.replace("\\", "\\\\").replace(LIST_SEP, "\\" + LIST_SEP)


def join_list(values) -> str:
    return f" {LIST_SEP} ".join(escape_item(v) for v in values)


def split_list(cell: str) -> list[str]:
    """Values of a list cell: split at unescaped `|`, escapes undone, blanks dropped."""
    parts = []
    for match in _SPLIT.finditer(cell):
        part = _UNESCAPE.sub(r"\1", match.group(1)).strip()
        if part:
            parts.append(part)
        if match.end() >= len(cell):
            break
    return parts


def _needs_guard(cell: str) -> bool:
    if not cell:
        return False
    if cell[0] in FORMULA_START:
        return True
    return cell[0] == "'" and _needs_guard(cell[1:])


def guard(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + cell if _needs_guard(cell) else cell


def unguard(cell: str) -> str:
    """Undo `guard`: exactly the cells it changed lose their leading `'`."""
    return cell[1:] if cell.startswith("'") and _needs_guard(cell[1:]) else cell
