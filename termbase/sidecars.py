"""The files a store consists of on disk (the store, its backup, lock, index file and, for
SQLite, its write-ahead log), and
the guard that keeps an output (an export, a rejects file) from landing on one of them.

Compared by identity, not by name: a symbolic link or a hard link to the store is the
store. A path that does not exist yet is compared by its resolved name.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from termbase.fileio import is_stream_target
from termbase.store import StoreError, backup_path


def store_files(store_path: Path) -> dict[str, Path]:
    """What each file beside the store is, by role."""
    store_path = Path(store_path)
    beside = lambda suffix: store_path.with_name(store_path.name + suffix)  # noqa: E731
    return {"the termbase file itself": store_path,
            "the termbase's backup": backup_path(store_path),
            "the termbase's lock file": beside(".lock"),
            "the termbase's search index": beside(".tbindex"),
            "the termbase's write-ahead log": beside("-wal"),
            "the termbase's shared-memory file": beside("-shm")}


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return a.absolute() == b.absolute()


def refuse_store_file(target: str | os.PathLike, store_path: Path, what: str = "output",
                      inputs: tuple[Path, ...] = ()) -> None:
    """StoreError if writing `target` would replace a file of the store (or one of the
    `inputs` the command reads, such as the file being imported)."""
    if is_stream_target(target) and not Path(target).is_file():
        return
    target = Path(target)
    roles = list(store_files(store_path).items())
    roles += [("the file being read", Path(path)) for path in inputs]
    for role, path in roles:
        if _same(target, path):
            raise StoreError(f"refusing to write the {what} to {target}: it is {role} "
                             f"({path}); choose another file name")
    _refuse_read_only(target, what)


def _refuse_read_only(target: Path, what: str) -> None:
    """A file its owner made read-only is kept, not replaced by a rename (which the
    directory's permissions would allow): that is what read-only means to a user."""
    try:
        info = os.stat(target)
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode):
        return
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise StoreError(f"refusing to write the {what} to {target}: the file is read-only "
                         "(make it writable or choose another file name); nothing was written")
