"""Crash-safe file output: readers see the old file or the complete new one, never a part."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


def _fsync_dir(directory: Path) -> None:
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:  # e.g. Windows cannot open directories
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


@contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "wb", encoding: str | None = None,
                newline: str | None = None, keep_backup: bool = False) -> Iterator[IO]:
    """Open a temporary file beside `path`; on success fsync it and rename it over `path`.

    With `keep_backup`, the previous file is kept as `<name>.bak` (a hard link, so it costs
    no copy). On any exception the temporary file is removed and `path` is untouched.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    backup_tmp = path.with_name(f".{path.name}.bak.tmp")
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.exists():
            backup = path.with_name(path.name + ".bak")
            if backup_tmp.exists():
                backup_tmp.unlink()
            os.link(path, backup_tmp)  # the old file, as it is, becomes the backup
            os.replace(backup_tmp, backup)
        os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, backup_tmp):
            if os.path.exists(leftover):
                os.unlink(leftover)
        raise
    _fsync_dir(path.parent)


def atomic_write_bytes(path: str | os.PathLike, payload: bytes, keep_backup: bool = False) -> None:
    with atomic_open(path, "wb", keep_backup=keep_backup) as handle:
        handle.write(payload)
