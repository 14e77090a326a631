"""The first bytes of a TinyDB store's index file, read without dropping this process's
locks on it.

Readers of the index file rely on SQLite's POSIX read lock: a writer in another process
updates the file in place and cannot commit while a reader is in its snapshot. POSIX
locks belong to the process, and closing any descriptor of the file drops every one of
them, so a plain open(), read and close() of the header, done by one thread while another
reads, let a writer rewrite pages under that reader. So the descriptor of the file that is
at the path now is kept open and read again each time; it is closed once another file has
taken the path (renamed into place by a rebuild, under the store lock), as nobody updates
a replaced file in place. A few paths are remembered (one per store a process reads).
"""

from __future__ import annotations

import os
import stat
import threading
from collections import OrderedDict
from pathlib import Path

HEADER_BYTES = 20
KEPT_PATHS = 16

# path -> (device, inode, descriptor) of the file last seen at that path
_KEPT: OrderedDict[str, tuple[int, int, int]] = OrderedDict()
_GUARD = threading.Lock()
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_CLOEXEC", 0))


def read_header(path: Path) -> bytes | None:
    """The file's first bytes, or None where `path` is not a regular file (a symbolic
    link, FIFO, device, directory) or cannot be read."""
    if os.name == "nt":
        # Windows locks belong to a handle, so closing another drops none; and a handle
        # kept open would stop a rebuild renaming its file into place.
        return _read_once(path)
    with _GUARD:
        fd = _descriptor(str(path))
        if fd is None:
            return None
        try:
            return os.pread(fd, HEADER_BYTES, 0)
        except OSError:
            return None


def _read_once(path: Path) -> bytes | None:
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            return handle.read(HEADER_BYTES)
    except OSError:
        return None


def _descriptor(path: str) -> int | None:
    """The kept descriptor of the regular file at `path` (opened if it is new there)."""
    try:
        info = os.lstat(path)
    except OSError:
        info = None
    kept = _KEPT.get(path)
    if kept is not None and info is not None and (info.st_dev, info.st_ino) == kept[:2]:
        _KEPT.move_to_end(path)
        return kept[2]
    if kept is not None:       # another file, or none, is at the path now
        _forget(path)
    if info is None or not stat.S_ISREG(info.st_mode):
        return None
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    opened = os.fstat(fd)
    if not stat.S_ISREG(opened.st_mode):   # swapped for something else since the lstat
        os.close(fd)
        return None
    _KEPT[path] = (opened.st_dev, opened.st_ino, fd)
    while len(_KEPT) > KEPT_PATHS:
        _forget(next(iter(_KEPT)))
    return fd


def _forget(path: str) -> None:
    os.close(_KEPT.pop(path)[2])
