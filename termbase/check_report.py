"""`check --report FILE`: the QA flags in a form a CAT tool or a spreadsheet opens.

- `.csv`: one row per flag (UTF-8 with BOM, so spreadsheet programs read the accents;
  a cell that would start a formula, such as a segment "=SUM(...)" or "-5 osób", is
  guarded with a leading `'` as in every spreadsheet export).
- `.xlf` / `.xliff`: XLIFF 1.2, one trans-unit per flagged segment with its source and
  target and one <note> per flag, so the flags open beside the segments in memoQ, Trados
  or OmegaT.
"""

from __future__ import annotations

import csv
from pathlib import Path

from lxml import etree

from termbase.fileio import atomic_write_bytes
from termbase.formats.base import FormatError
from termbase.formats.cells import guard
from termbase.results.segments import CheckIssue, CheckReport

COLUMNS = ["line", "kind", "concept_id", "source_term", "target_term", "expected",
           "segment", "source", "target", "provisional", "layer"]
LISTS = ("expected", "provisional")   # columns holding several terms, joined with " / "
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"


def write_report(report: "CheckReport", path: Path) -> None:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = _csv(report).encode("utf-8-sig")
    elif suffix in (".xlf", ".xliff"):
        data = _xliff(report)
    else:
        raise FormatError(f"cannot write a report as {suffix or 'a file without extension'}; "
                          "use .csv, .xlf or .xliff")
    _write_atomically(path, data)


def _csv(report: "CheckReport") -> str:
    import io

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for issue in report.issues:
        row = issue.to_json()
        writer.writerow([guard(" / ".join(row.get(c, ())) if c in LISTS
                               else str(row.get(c, ""))) for c in COLUMNS])
    return out.getvalue()


def _xliff(report: "CheckReport") -> bytes:
    root = etree.Element(f"{{{XLIFF_NS}}}xliff", nsmap={None: XLIFF_NS}, version="1.2")
    file_ = etree.SubElement(root, f"{{{XLIFF_NS}}}file", original=report.file,
                             datatype="plaintext", **{"source-language": report.source_lang,
                                                      "target-language": report.target_lang})
    body = etree.SubElement(file_, f"{{{XLIFF_NS}}}body")
    by_line: dict[int, list[CheckIssue]] = {}
    for issue in report.issues:
        by_line.setdefault(issue.line, []).append(issue)
    for line, issues in by_line.items():
        unit = etree.SubElement(body, f"{{{XLIFF_NS}}}trans-unit", id=str(line))
        etree.SubElement(unit, f"{{{XLIFF_NS}}}source").text = issues[0].source
        etree.SubElement(unit, f"{{{XLIFF_NS}}}target").text = issues[0].target
        for issue in issues:
            note = etree.SubElement(unit, f"{{{XLIFF_NS}}}note", **{"from": "termbase check"},
                                    priority="1" if issue.kind == "forbidden-term" else "2")
            layer = f", layer {issue.layer}" if issue.layer else ""
            note.text = f"{issue.kind}: {issue.describe()} [accept key {issue.segment}{layer}]"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _write_atomically(path: Path, data: bytes) -> None:
    """The usual file mode, and no temporary file left behind when the write fails."""
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise FormatError(f"cannot write the report {path}: {exc.strerror}") from None
