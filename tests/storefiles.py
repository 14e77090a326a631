"""Copying a store with its backup and index, for tests that damage or attack copies of one store."""

import shutil
from pathlib import Path


def copy_store(source: Path, directory: Path) -> Path:
    directory.mkdir(parents=True)
    target = directory / source.name
    for suffix in ("", ".bak", ".tbindex"):
        if Path(str(source) + suffix).exists():
            shutil.copy2(str(source) + suffix, str(target) + suffix)
    return target


def selected_params(request, name: str) -> set:
    """The values of parameter `name` among this module's tests selected for the session,
    so a module fixture prepares only the cases that will run."""
    return {item.callspec.params[name] for item in request.session.items
            if getattr(item, "module", None) is request.module and hasattr(item, "callspec")
            and name in item.callspec.params}


def held_open_replace(times: int | None = None):
    """os.replace as on Windows while another program holds the target open: refused
    with "Access is denied" `times` times (None: every time), then done. Returns the
    replacement and the list of targets it was called with."""
    import errno
    import os

    real, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if times is None or len(calls) <= times:
            raise PermissionError(errno.EACCES, "Access is denied", str(dst))
        return real(src, dst)

    return replace, calls


def sqlite_store_in_one_file(db: Path, concepts: int) -> Path:
    """An SQLite store of `concepts` concepts, closed and out of WAL mode: one file that a
    test can damage byte by byte."""
    import sqlite3

    from termbase import Termbase
    from termbase.model import Concept, Term

    tb = Termbase.open(db, seed=False)
    with tb.store.transaction("setup") as tx:
        for i in range(concepts):
            tx.add(Concept(terms=[Term("pl", f"świadczenie numer {i}")]))
    tb.store.close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    return db
