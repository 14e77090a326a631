"""TBX-Basic 2019 (ISO 30042:2019, DCA style): the standard exchange file for termbases.

Written files pass the official TBX-Basic RNG and Schematron. OmegaT 3.6 and
translate-toolkit cannot read this edition; for them export `tbx2` (martif) instead.
The model <-> TBX mapping (forbidden status, forms, sources, dates) is in `tbxcommon`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from lxml import etree

from termbase.formats import tbxcommon
from termbase.formats.base import Format, WriteOptions
from termbase.formats.xmlsafe import sub

NAMESPACE = "urn:iso:std:iso:30042:ed-2"


def _header():
    header = etree.Element("tbxHeader")
    description = sub(sub(header, "fileDesc"), "sourceDesc")
    sub(description, "p", "termbase export (TBX-Basic, ISO 30042:2019)")
    return header


DIALECT = tbxcommon.Dialect(
    root="tbx",
    root_attrs=(("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", "en"),
                ("xmlns", NAMESPACE)),
    header=_header, entry="conceptEntry", lang="langSec", term="termSec",
    picklists=tbxcommon.BASIC_PICKLISTS, native=tbxcommon.BASIC_NATIVE)


def write(items: Iterable, path: Path, options: WriteOptions) -> int:
    return tbxcommon.write(items, path, options, DIALECT)


# TBX-Basic 2019 (ISO 30042:2019)
FORMAT = Format("tbx", (".tbx",), "terms", tbxcommon.read, write, tbxcommon.sniff_root("tbx"))
