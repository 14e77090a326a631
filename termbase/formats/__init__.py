"""File formats, one module each, registered in one table that import and export consult.

Modules are imported on demand so that a terminal lookup never pays for lxml or openpyxl.
"""

from __future__ import annotations

import importlib
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from termbase.errors import FormatError

if TYPE_CHECKING:
    from termbase.formats.base import Format

# Re-exported from termbase.formats.base on first use (PEP 562): listing the format names
# while the command line builds its parser must not import the model.
_FROM_BASE = ("Entry", "Format", "ReadOptions", "WriteOptions")


def __getattr__(name: str):
    if name in _FROM_BASE:
        from termbase.formats import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# name -> module that defines FORMAT; order matters for sniffing (most specific first).
_MODULES = {
    "tbx": "termbase.formats.tbx",
    "tbx2": "termbase.formats.tbx2",
    "tmx": "termbase.formats.tmx",
    "xliff": "termbase.formats.xliff",
    "xlsx": "termbase.formats.xlsx",
    "omegat": "termbase.formats.omegat",
    "csv": "termbase.formats.delimited",
    "tsv": "termbase.formats.delimited",
}


def names() -> list[str]:
    return list(_MODULES)


READ_ONLY_FORMATS = ("xliff",)      # read for check/extract/align; never written


def format_names(writable: bool = False) -> list[str]:
    """The file formats import reads (`writable`: that export writes). Cheap: no format
    module is imported, so the command line can list them when it builds its parser."""
    return [n for n in _MODULES if not (writable and n in READ_ONLY_FORMATS)]


def get(name: str) -> Format:
    try:
        module = importlib.import_module(_MODULES[name])
    except KeyError:
        raise FormatError(f"unknown format {name!r} (known: {', '.join(_MODULES)})") from None
    except ModuleNotFoundError as exc:
        if exc.name != _MODULES[name]:
            raise
        raise FormatError(f"format {name!r} is not available in this version") from None
    return module.FORMATS[name] if hasattr(module, "FORMATS") else module.FORMAT


def available() -> list[Format]:
    found = []
    for name in _MODULES:
        try:
            found.append(get(name))
        except FormatError:
            continue
    return found


def _by_extension(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    return [fmt.name for fmt in available() if suffix in fmt.extensions]


def _unreadable(path: Path, exc: OSError) -> FormatError:
    if isinstance(exc, FileNotFoundError):
        return FormatError(f"{path}: no such file")
    if isinstance(exc, PermissionError):
        return FormatError(f"{path}: permission denied")
    if isinstance(exc, IsADirectoryError):
        return FormatError(f"{path} is a directory, not a file")
    return FormatError(f"{path}: cannot read ({exc.strerror or exc})")


def ensure_regular_file(path: Path) -> None:
    """Refuse directories, devices and pipes up front: reading /dev/zero or a FIFO with no
    writer would never end."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if stat.S_ISDIR(mode):
        raise FormatError(f"{path} is a directory, not a file")
    if not stat.S_ISREG(mode):
        raise FormatError(f"{path} is not a regular file (a device, pipe or socket)")


def detect(path: Path, explicit: str | None = None, for_writing: bool = False) -> Format:
    """The format named, else the one whose content sniffing recognises the file, else the
    one its extension suggests."""
    if not for_writing:
        ensure_regular_file(path)
    if explicit and explicit != "auto":
        return get(explicit)
    by_ext = _by_extension(path)
    if for_writing:
        if not by_ext:
            raise FormatError(f"cannot tell the format of {path.name} from its extension; "
                              f"name it with --format ({', '.join(format_names(True))})")
        return get(by_ext[0])
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if not head.strip():
        raise FormatError(f"{path} is empty")
    # Content first: an XML file named .txt is still XML. Extensions break ties.
    sniffed = [fmt.name for fmt in available() if fmt.read and fmt.sniff(head)]
    for name in by_ext:
        if name in sniffed:
            return get(name)
    if sniffed:
        return get(sniffed[0])
    if by_ext and get(by_ext[0]).read:
        return get(by_ext[0])
    raise FormatError(f"cannot recognise the format of {path.name}; "
                      f"name it with --format ({', '.join(_MODULES)})")
