"""What every file format module provides, and the records readers yield.

A format module is a symmetric pair: `read(path, options) -> Iterator[Entry]` and
`write(items, path, options)`. It declares its name, its extensions and how to recognise its
content in a module-level `FORMAT` (or `FORMATS`, by name, for a module serving several),
and is listed in the one table in `termbase.formats` (`_MODULES`, name -> module) that
import and export consult. Formats know nothing of the store: they turn files into model
objects and back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

from termbase.errors import FormatError  # noqa: F401 - raised by every format module
from termbase.model import Concept, Segment

Item = Union[Concept, Segment]


@dataclass
class Entry:
    """One record of an input file: a concept or segment, or why that record is invalid."""

    line: int
    item: Item | None = None
    error: str | None = None
    warning: str | None = None
    continues: bool = False    # a further record of a concept the reader passed on earlier


@dataclass
class ReadOptions:
    encoding: str | None = None        # None: detect
    as_terms: bool = False             # TMX: import short units as term pairs
    subject: str = ""                  # default subject for concepts without one
    source: str = ""                   # default source for concepts without one
    langs: list[str] | None = None     # languages to keep (None: all)
    source_lang: str | None = None     # bilingual formats without language tags (OmegaT)
    target_lang: str | None = None     # (and CSV/TSV/XLSX files without a header)
    columns: str | None = None         # CSV/TSV/XLSX: explicit column map (headers.explicit)
    process: str = ""                  # processStatus for terms that state none
    # TMX/XLIFF read for their text alone (extract): a unit with text in one language, an
    # XLIFF source not translated yet, is kept (not validated as a memory segment)
    one_language: bool = False


@dataclass
class WriteOptions:
    langs: list[str] | None = None     # languages to write, in this order (None: all)
    source_lang: str | None = None     # bilingual formats (OmegaT, TMX of terms)
    target_lang: str | None = None
    with_forms: bool = False           # add inflected forms for tools without morphology
    terms_as_tmx: bool = False         # TMX: write term pairs instead of the memory
    # glossaries: base language -> the variety the CAT project is set to (--from pl-LT),
    # which language sections and term units are tagged with
    varieties: dict[str, str] | None = None


@dataclass
class Format:
    name: str
    extensions: tuple[str, ...]
    kind: str                                          # "terms", "memory" or "both"
    read: Callable[[Path, ReadOptions], Iterator[Entry]] | None
    write: Callable[[Iterable[Item], Path, WriteOptions], int] | None
    sniff: Callable[[bytes], bool] = lambda head: False
