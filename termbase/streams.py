"""Files given as paths or as open binary streams (an upload, a download, a pipe).

The format modules read and write paths (they need to seek, sniff and write atomically), so
a stream is passed through a private temporary file here, named with the extension the
format is recognised by. A face (an HTTP server, say) hands over the stream as it is.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator, Union

FileArg = Union[str, os.PathLike, BinaryIO]
COPY_CHUNK = 1 << 20


def is_stream(file: FileArg) -> bool:
    return hasattr(file, "read") or hasattr(file, "write")


def stream_name(file: FileArg, name: str | None) -> str:
    """The name that tells the format and shows in reports: given, or the stream's own."""
    own = getattr(file, "name", None)
    return name or (os.path.basename(own) if isinstance(own, str) else "") or "stream"


@contextmanager
def readable_path(file: FileArg, name: str | None = None) -> Iterator[Path]:
    """A path to read `file` from: the path itself, or a temporary copy of the stream."""
    if not is_stream(file):
        yield Path(file)
        return
    with tempfile.TemporaryDirectory(prefix="termbase-") as folder:
        path = Path(folder) / stream_name(file, name)
        with open(path, "wb") as copy:
            shutil.copyfileobj(file, copy, COPY_CHUNK)
        yield path


@contextmanager
def writable_path(file: FileArg, name: str | None = None) -> Iterator[Path]:
    """A path to write `file` through: the path itself, or a temporary file whose content
    is copied into the stream once written (only if the write succeeded)."""
    if not is_stream(file):
        yield Path(file)
        return
    with tempfile.TemporaryDirectory(prefix="termbase-") as folder:
        path = Path(folder) / stream_name(file, name)
        yield path
        with open(path, "rb") as written:
            shutil.copyfileobj(written, file, COPY_CHUNK)
