"""TBX v2 / TBX-Basic 2008 (`<martif>`): the edition OmegaT, translate-toolkit and older
CAT tools read. Terms are written as <tig>; a term whose data needs a <termNoteGrp> (a
forbidden status, a proper noun) as <ntig><termGrp>, which those tools read too.
Definitions go in <descripGrp>, as TBX-Basic 2008 files have them.
The model <-> TBX mapping is shared with TBX 2019 in `tbxcommon`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from lxml import etree

from termbase.formats import tbxcommon
from termbase.formats.base import Format, WriteOptions
from termbase.formats.xmlsafe import sub


def _header():
    header = etree.Element("martifHeader")
    description = sub(sub(header, "fileDesc"), "sourceDesc")
    sub(description, "p", "termbase export (TBX-Basic, TBX v2)")
    sub(sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", {"type": "XCSURI"})
    return header


# TBX v2's picklists: administrative statuses of ISO 12620, any term type.
PICKLISTS = tuple(
    (category, None if category == "termType" else values | (
        {"standardizedTerm-admn-sts", "legalTerm-admn-sts", "regulatedTerm-admn-sts"}
        if category == "administrativeStatus" else set()))
    for category, values in tbxcommon.BASIC_PICKLISTS)

DIALECT = tbxcommon.Dialect(
    root="martif", root_attrs=(("type", "TBX-Basic"), ("xml:lang", "en")),
    header=_header, entry="termEntry", lang="langSet", term="tig",
    grouped=("ntig", "termGrp"), definition_group=True, picklists=PICKLISTS)


def write(items: Iterable, path: Path, options: WriteOptions) -> int:
    return tbxcommon.write(items, path, options, DIALECT)


# TBX v2 / TBX-Basic 2008 (martif)
FORMAT = Format("tbx2", (".tbx",), "terms", tbxcommon.read, write,
                tbxcommon.sniff_root("martif"))
